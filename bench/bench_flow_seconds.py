"""Seconds a person needs per flow, estimated with the Keystroke-Level Model and Fitts's law.

Without people to time, the seconds of issue 15's "Measured" flows (an intake with the
standard weight and with a typed weight, a fixed bike with its price label, a sale with cash,
a return) are estimated from the real screen: the real window runs offscreen on a demo year at
a panel's size and density, each flow is driven by taps on its real buttons, and each tap's
target rectangle and its distance from the previous tap are recorded. Then

    time = sum over taps of ( MT + M + R )

- MT, the finger's movement (Fitts's law, Shannon form, MacKenzie 1992):
  MT = ID / TP with ID = log2(D / W + 1) bits, D the distance between the centres of the
  previous target and this one, W the smaller side of this target ("smaller-of" model for
  2D targets, MacKenzie & Buxton 1992), both in the panel's real millimetres, and TP = 6.95
  bits/s, the throughput of direct finger touch (MacKenzie 2015, "Fitts' throughput and the
  remarkable case of touch-based target selection", HCII 2015, LNCS 9170, pp. 238-249).
- M, mental preparation, 1.35 s (Card, Moran & Newell 1980, "The keystroke-level model for
  user performance time with interactive systems", CACM 23(7)), before each tap that needs a
  decision (which category, which route, which note, whether the minutes are right), and not
  before taps that finish a unit already decided (OK after a number, the number's later
  digits), as the KLM's heuristic rules place it.
- R, the system's response: the app's own time for the tap, measured here.

The first tap of a flow moves from the flow's last tap (a coach takes in item after item).
Scans are not taps and are left out, as in the tap counts. These are model estimates for a
practised user with a bare finger, not timings with people: gloves, reading a label, lifting
the item onto the scale and talking to the resident come on top.

Usage: python bench/bench_flow_seconds.py
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_flow import demo_context  # noqa: E402
from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton, QWidget  # noqa: E402

from intake.model import Item, Route  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.screens.repair_flow import RepairFlowPanel  # noqa: E402
from ui.screens.till_parts import CashPanel  # noqa: E402
from ui.style import current_fit, fit_panel, use_fit  # noqa: E402
from ui.widgets.panels import ChoicePanel, Panel  # noqa: E402

TP_BITS_PER_S = 6.95  # finger touch throughput (MacKenzie 2015)
M_S = 1.35  # KLM mental preparation (Card, Moran & Newell 1980)
PANELS = [(1024, 768, 96), (1280, 800, 150)]  # a gate's monitor, a 10-inch panel


@dataclass
class Tap:
    """One tap: its target, the distance moved to it, whether a decision came first, and the
    app's time for it."""

    target: str
    d_mm: float
    w_mm: float
    decision: bool
    app_s: float

    @property
    def id_bits(self) -> float:
        return math.log2(self.d_mm / self.w_mm + 1)

    @property
    def mt_s(self) -> float:
        return self.id_bits / TP_BITS_PER_S

    @property
    def seconds(self) -> float:
        return self.mt_s + (M_S if self.decision else 0.0) + self.app_s


@dataclass
class Finger:
    """Taps the real window's buttons and records each target as the panel shows it."""

    window: MainWindow
    taps: list[Tap] = field(default_factory=list)
    at: tuple[float, float] | None = None  # the centre of the last target, in mm

    def tap(self, widget: QWidget, *, decision: bool) -> None:
        assert widget.isVisible() and widget.isEnabled(), widget
        px_per_mm = current_fit().px_per_mm
        box = QRect(widget.mapTo(self.window, QPoint(0, 0)), widget.size())
        centre = (box.center().x() / px_per_mm, box.center().y() / px_per_mm)
        width = min(box.width(), box.height()) / px_per_mm
        start = self.at or centre
        distance = math.dist(start, centre)
        began = time.perf_counter()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        app_s = time.perf_counter() - began
        name = widget.text() if isinstance(widget, QPushButton) and widget.text() else type(
            widget).__name__
        self.taps.append(Tap(name, distance, width, decision, app_s))
        self.at = centre


def shown(window: MainWindow, kind: type[Panel]) -> Panel:
    [panel] = [p for p in window.findChildren(kind) if p.isVisible()]
    return panel


def log_in(window: MainWindow, ctx: AppContext, pin: str) -> None:
    window.logout()
    user = ctx.auth.login(pin)
    window.on_logged_in(user)


def for_sale(ctx: AppContext, *prices: int) -> list[Item]:
    coach, clerk = ctx.auth.login("1111"), ctx.auth.login("3333")
    return [ctx.workshop.set_price(clerk, ctx.gate.take_in(
        coach, ctx.gate.prepare("furniture", "sale")).code, price) for price in prices]


def intake_standard(window: MainWindow, ctx: AppContext, finger: Finger) -> None:
    gate = window.gate
    finger.tap(gate.categories.tiles["toys"], decision=True)  # what is it?
    finger.tap(gate.weight.standard_button, decision=True)  # weigh it or not?
    finger.tap(gate.weight.route_buttons[Route.SALE], decision=True)  # where does it go?


def intake_typed(window: MainWindow, ctx: AppContext, finger: Finger) -> None:
    gate = window.gate
    finger.tap(gate.categories.tiles["books"], decision=True)
    for index, key in enumerate("2,5"):  # read off the scale once, typed as one unit
        finger.tap(gate.weight.keypad.buttons[key], decision=index == 0)
    finger.tap(gate.weight.route_buttons[Route.REPAIR], decision=True)


def fixed_bike(window: MainWindow, ctx: AppContext, finger: Finger) -> None:
    bike = ctx.gate.take_in(ctx.auth.login("1111"), ctx.gate.prepare("bicycles", "repair"))
    window.on_scan(bike.code)
    workshop = window.workshop
    finger.tap(workshop.start_button, decision=True)
    finger.tap(workshop.finish_button, decision=True)
    flow = shown(window, RepairFlowPanel)
    assert isinstance(flow, RepairFlowPanel) and flow.keypad is None
    finger.tap(flow.option_buttons["fixed"], decision=True)
    assert flow.keypad is not None
    for index, key in enumerate("45"):  # the price, typed over the one offered
        finger.tap(flow.keypad.buttons[key], decision=index == 0)
    finger.tap(flow.ok_button, decision=False)
    finger.tap(flow.ok_button, decision=True)  # are the minutes offered right?
    finger.tap(next(iter(flow.option_buttons.values())), decision=True)  # the problem
    finger.tap(next(iter(flow.option_buttons.values())), decision=True)  # the brand
    finger.tap(flow.skip_button, decision=True)  # year unknown
    ctx.printer_queue.wait()


def sale_with_cash(window: MainWindow, ctx: AppContext, finger: Finger) -> None:
    for item in for_sale(ctx, 1000, 250):
        window.on_scan(item.code)
        window._last_scan = ("", 0.0)
    finger.tap(window.shop.cash_button, decision=True)  # the customer pays cash
    cash = shown(window, CashPanel)
    assert isinstance(cash, CashPanel)
    finger.tap(cash.quick_buttons[2000], decision=True)  # the note handed over


def a_return(window: MainWindow, ctx: AppContext, finger: Finger) -> None:
    [chair] = for_sale(ctx, 750)
    ctx.shop.sell(ctx.auth.login("3333"), [(chair.code, None)])
    finger.tap(window.shop.return_button, decision=True)
    window.on_scan(chair.code)
    reasons = shown(window, ChoicePanel)
    assert isinstance(reasons, ChoicePanel)
    finger.tap(next(iter(reasons.option_buttons.values())), decision=True)  # why
    how = shown(window, ChoicePanel)
    assert isinstance(how, ChoicePanel)
    finger.tap(how.option_buttons["cash"], decision=True)  # paid back how


Flow = Callable[[MainWindow, AppContext, Finger], None]
# (name, PIN of who does it, the flow, a step before each round that is no tap)
FLOWS: list[tuple[str, str, Flow, Callable[[MainWindow], None] | None]] = [
    ("intake, standard weight", "1111", intake_standard,
     lambda w: w.gate.visit_start.buttons[None].click() if w.gate.visit_start.isVisible()
     else None),
    ("intake, typed weight", "1111", intake_typed, None),
    ("fixed bike with price label", "2222", fixed_bike, None),
    ("sale with cash", "3333", sale_with_cash, None),
    ("return", "3333", a_return, None),
]


def measure(ctx: AppContext, panel: tuple[int, int, int]) -> list[tuple[str, list[Tap]]]:
    width, height, dpi = panel
    fit_panel(width, height, dpi=dpi)
    window = MainWindow(ctx)
    window.setFixedSize(width, height)
    window.show()
    found = []
    for name, pin, flow, before in FLOWS:
        log_in(window, ctx, pin)
        finger = Finger(window)
        for _ in range(2):  # the second round moves from the first one's last tap
            finger.taps = []
            if before is not None:
                before(window)
            flow(window, ctx, finger)
        found.append((name, finger.taps))
    ctx.printer_queue.wait()
    window.close()
    use_fit(None)
    return found


def report(panel: tuple[int, int, int], flows: list[tuple[str, list[Tap]]]) -> None:
    width, height, dpi = panel
    print(f"\n{width}x{height} at {dpi} dpi (model estimates, not timings with people)")
    print(f"{'flow':30} {'taps':>4} {'M':>3} {'Fitts s':>8} {'M s':>6} {'app s':>6} "
          f"{'total s':>8}")
    for name, taps in flows:
        fitts = sum(t.mt_s for t in taps)
        mental = sum(M_S for t in taps if t.decision)
        app = sum(t.app_s for t in taps)
        print(f"{name:30} {len(taps):>4} {sum(t.decision for t in taps):>3} {fitts:>8.2f} "
              f"{mental:>6.2f} {app:>6.2f} {fitts + mental + app:>8.1f}")
    for name, taps in flows:
        print(f"  {name}:")
        for t in taps:
            mental = f"{M_S:.2f}" if t.decision else "   -"
            print(f"    {t.target[:24]:24} D {t.d_mm:6.1f} mm  W {t.w_mm:5.1f} mm  "
                  f"ID {t.id_bits:4.2f} bit  MT {t.mt_s:4.2f} s  M {mental}"
                  f"  app {t.app_s * 1000:5.0f} ms")


def main() -> int:
    app = QApplication(sys.argv[:1])
    print(f"time = sum(MT + M + R); MT = log2(D/W + 1) / {TP_BITS_PER_S} bit/s "
          f"(MacKenzie 2015), M = {M_S} s per decision (Card, Moran & Newell 1980), "
          "R = the app's measured time")
    with tempfile.TemporaryDirectory() as folder:
        _, _, ctx = demo_context(folder)
        for panel in PANELS:
            report(panel, measure(ctx, panel))
        ctx.printer_queue.wait()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The questions of idle time, corrections and material out fit every panel too (issue 15):
"Bent u er nog?", an open visit to continue, the card's corrections and the offer of a new
label, and material out's warning, line removal and summary; held to tests/fit_check.py at
each size of tests/test_fit.py."""

from __future__ import annotations

import test_fit
from taps import log_in, tap
from test_fit import Tour, close_panels

from intake.model import Route, User
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.item_panel import ItemPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel

# test_fit's fixtures: the window at each panel size and language.
shown, ctx, window = test_fit.shown, test_fit.ctx, test_fit.window


def visible(window: MainWindow, kind: type) -> object:
    [found] = [p for p in window.findChildren(kind) if p.isVisible()]
    return found


def test_the_questions_of_issue_15_fit(qtbot, window: MainWindow, ctx: AppContext,
                                       coach: User) -> None:
    chair = ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale"))
    tour = Tour(window, window.panel_dpi)
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons["Zwolle"])
    tap(qtbot, gate.categories.tiles["books"])
    tap(qtbot, gate.weight.standard_button)
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    window.idle_timer.timeout.emit()
    tour.look("idle: are you still there?")
    window.still_there.answer()
    window.logout(idle=True)
    log_in(qtbot, window, "1111")
    tour.look("gate: continue the open visit?")
    tap(qtbot, visible(window, ConfirmPanel).yes_button)

    window.on_scan(chair.code)
    tour.look("gate: the item's card")
    tap(qtbot, visible(window, ItemPanel).correct_button)
    tour.look("gate: what is wrong?")
    tap(qtbot, visible(window, ChoicePanel).option_buttons["weight"])
    tour.look("gate: the right weight")
    close_panels(window)
    gate.item_actions.ask_route_change(chair)
    tap(qtbot, visible(window, ChoicePanel).option_buttons["repair"])
    [reason] = [key for key in visible(window, ChoicePanel).option_buttons][:1]
    tap(qtbot, visible(window, ChoicePanel).option_buttons[reason])
    tour.look("gate: a new label?")
    close_panels(window)

    window.show_place("material")
    window.material.handle_scan(chair.code)
    tour.look("material: meant for repair, send anyway?")
    tap(qtbot, visible(window, ConfirmPanel).yes_button)
    window.material.lines.itemClicked.emit(window.material.lines.item(0))
    tour.look("material: take the line off?")
    close_panels(window)
    window.material.ask_send("Houtwerk College")
    tour.look("material: summary before sending")
    close_panels(window)
    assert not tour.found, "\n".join(tour.found)

"""Material out by taps: title and instruction, single lines off, a warning for items meant for
sale, the summary before sending, and the list kept over a logout."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_flow_screens import answer, keypad, log_out, scan
from test_gate_screen import log_in, panel, tap

from db import Store
from intake.admin import NameList
from intake.clock import FixedClock
from intake.model import Status, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ConfirmPanel


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, coordinator: User,
        tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.set_setting("document_folder", str(tmp_path / "documents"))
    context = build_context(store, clock, "nl")
    context.admin.add_name(coordinator, NameList.RECIPIENTS, "Metaal Oost")
    return context


def test_material_out_checks_before_it_sends(
    qtbot, window: MainWindow, ctx: AppContext, coach: User
) -> None:
    scrap = ctx.gate.take_in(coach, ctx.gate.prepare("metal", "material", 2_000))
    chair = ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale", 8_000))
    log_in(qtbot, window, "1111")
    window.show_place("material")
    material = window.material
    assert material.title.text() == "Materiaal weg"
    assert "Tik op een regel" in material.hint.text()

    scan(qtbot, scrap.code)
    # An item meant for the shop: asked first, and left off when the answer is no.
    scan(qtbot, chair.code)
    warning = panel(window, ConfirmPanel)
    assert warning.title.text().startswith(f"{chair.code} is bedoeld voor de winkel")
    tap(qtbot, warning.no_button)
    assert material.lines.count() == 1
    material.handle_scan(chair.code)  # scanned again (a repeat within 2 s is ignored)
    tap(qtbot, panel(window, ConfirmPanel).yes_button)
    tap(qtbot, material.batch_button)
    answer(qtbot, window, "textiles")
    assert panel(window, KeypadPanel).title.text() == "Textiel: gewicht van de partij"
    keypad(qtbot, window, "12,5")
    assert material.lines.count() == 3

    # One line off, after a question.
    material.lines.itemClicked.emit(material.lines.item(0))
    remove = panel(window, ConfirmPanel)
    assert scrap.code in remove.title.text()
    tap(qtbot, remove.yes_button)
    assert [i.code for i in material.items] == [chair.code] and len(material.batches) == 1

    # Nothing leaves before the summary says what and to whom.
    tap(qtbot, material.send_button)
    answer(qtbot, window, "Metaal Oost")
    summary = panel(window, ConfirmPanel)
    assert summary.title.text().splitlines() == [
        "Naar Metaal Oost: 2 regels · 20,5\u00a0kg", "Textiel: 12,5\u00a0kg", "Meubels: 8\u00a0kg",
        f"Niet bedoeld als materiaal: {chair.code}"]
    tap(qtbot, summary.no_button)
    assert ctx.store.shipment("UA000001") is None and material.lines.count() == 2
    tap(qtbot, material.send_button)
    answer(qtbot, window, "Metaal Oost")
    tap(qtbot, panel(window, ConfirmPanel).yes_button)
    ctx.printer_queue.wait()
    assert ctx.material.shipment("UA000001").grams == 20_500
    assert ctx.gate.item(chair.code).status is Status.MATERIAL_OUT
    assert ctx.gate.item(scrap.code).status is Status.IN_STOCK
    assert material.lines.count() == 0


def test_the_list_stays_over_a_logout_without_what_left_meanwhile(
    qtbot, window: MainWindow, ctx: AppContext, coach: User
) -> None:
    pans = [ctx.gate.take_in(coach, ctx.gate.prepare("metal", "material", 1_000))
            for _ in range(2)]
    log_in(qtbot, window, "1111")
    window.show_place("material")
    for pan in pans:
        scan(qtbot, pan.code)
    log_out(qtbot, window)
    ctx.material.send(coach, "Metaal Oost", [pans[1].code])  # another station sent one
    log_in(qtbot, window, "1111")
    window.show_place("material")
    material = window.material
    assert [i.code for i in material.items] == [pans[0].code]
    assert material.banner.is_error() and pans[1].code in material.banner.text()
    log_out(qtbot, window)
    log_in(qtbot, window, "1111")
    window.show_place("material")
    assert material.banner.text() == "De lijst van eerder staat er nog: 1 regel."

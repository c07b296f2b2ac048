"""The gate by taps, as a coach does it: log in, start a visit, take items in, undo, end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from taps import idle_out, log_in, tap

from db import Store
from intake.clock import FixedClock
from intake.model import Route, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.keyboard import SerialPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel, ListPanel


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.name_lists.add("municipalities", "Zwolle", 1)
    store.name_lists.add("municipalities", "Kampen", 2)
    return build_context(store, clock, "nl")


def panel(window: MainWindow, kind: type) -> QWidget:
    found = [p for p in window.findChildren(kind) if p.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_whole_intake_by_taps(qtbot, window: MainWindow, ctx: AppContext, tmp_path: Path) -> None:
    assert window.stack.currentWidget() is window.login
    log_in(qtbot, window, "1111")
    gate = window.gate
    assert window.stack.currentWidget() is gate
    assert gate.pages.currentWidget() is gate.visit_start

    tap(qtbot, gate.visit_start.buttons["Zwolle"])
    assert gate.visit is not None and gate.visit.municipality == "Zwolle"

    # Three taps with a standard weight: tile, standard weight, route; a bike's frame number
    # is asked for the police register (this one has none that can be read).
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, gate.categories.tiles["bicycles"])
        tap(qtbot, gate.weight.standard_button)
        tap(qtbot, gate.weight.route_buttons[Route.SALE])
        tap(qtbot, panel(window, SerialPanel).skip_button)
    item = ctx.gate.item("A000001")
    assert (item.category, item.weight_g, item.weight_estimated, item.route) == (
        "bicycles", 15_000, True, Route.SALE)
    assert "A000001" in gate.banner.text() and "label geprint" in gate.banner.text()
    assert (tmp_path / "labels" / "A000001.pdf").exists()
    # The panel is ready for the next item: no tile chosen, routes disabled.
    assert gate.weight.category is None
    assert not gate.weight.route_buttons[Route.SALE].isEnabled()

    # A typed weight: 2,75 kg of books to repair.
    tap(qtbot, gate.categories.tiles["books"])
    for key in "2,75":
        tap(qtbot, gate.weight.keypad.buttons[key])
    assert gate.weight.display.text() == "2,75 kg"
    tap(qtbot, gate.weight.route_buttons[Route.REPAIR])
    assert ctx.gate.item("A000002").weight_g == 2_750
    assert gate.visit_label.text() == "Bezoek VA000001 · Zwolle · 2 artikelen"
    tap(qtbot, gate.end_button)
    confirm = panel(window, ConfirmPanel)
    assert confirm.title.text() == "Bezoek VA000001 afronden? 2 artikelen ingenomen."
    tap(qtbot, confirm.yes_button)
    assert gate.pages.currentWidget() is gate.visit_start
    assert gate.banner.text() == "Bezoek VA000001 afgerond · 2 artikelen"
    assert gate.top.figures.text() == "Vandaag: 2 artikelen · 17,75\u00a0kg · 1 bezoek"


def test_unusual_weight_asks_first(qtbot, window: MainWindow, ctx: AppContext) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    tap(qtbot, gate.categories.tiles["books"])
    for key in "55":
        tap(qtbot, gate.weight.keypad.buttons[key])
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    confirm = panel(window, ConfirmPanel)
    assert "55\u00a0kg" in confirm.title.text()
    tap(qtbot, confirm.no_button)
    assert ctx.store.item_count() == 0
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    tap(qtbot, panel(window, ConfirmPanel).yes_button)
    assert ctx.gate.item("A000001").weight_g == 55_000


def test_zero_weight_is_refused_with_a_message(qtbot, window: MainWindow, ctx: AppContext) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    tap(qtbot, gate.categories.tiles["toys"])
    tap(qtbot, gate.weight.keypad.buttons["0"])
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    assert "meer dan 0 kg" in gate.banner.text()
    assert ctx.store.item_count() == 0


def test_undo_last_with_a_reason(qtbot, window: MainWindow, ctx: AppContext) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons["Kampen"])
    assert not gate.undo_button.isEnabled()
    tap(qtbot, gate.categories.tiles["lamps"])
    tap(qtbot, gate.weight.standard_button)
    tap(qtbot, gate.weight.route_buttons[Route.REPAIR])
    tap(qtbot, gate.undo_button)
    choice = panel(window, ChoicePanel)
    assert choice.title.text().startswith("A000001 (Lampen · ~1,5\u00a0kg → Reparatie) ongedaan")
    tap(qtbot, choice.option_buttons["Verkeerde categorie"])
    item = ctx.gate.item("A000001")
    assert item.voided
    assert ctx.gate.history(item)[-1].reason == "Verkeerde categorie"
    assert gate.top.figures.text() == "Vandaag: 0 artikelen · 0\u00a0kg · 1 bezoek"


def test_failed_print_keeps_the_item_and_can_be_redone(
    qtbot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.store.set_setting("printer", "no-such-printer")
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    with qtbot.waitSignal(ctx.printer_queue.failed, timeout=20_000):
        tap(qtbot, gate.categories.tiles["furniture"])
        tap(qtbot, gate.weight.standard_button)
        tap(qtbot, gate.weight.route_buttons[Route.SALE])
    assert ctx.gate.item("A000001").route is Route.SALE
    # Short and Dutch (the CUPS detail is in the log), and it names the button by its words.
    assert gate.banner.text() == (
        "De labelprinter is niet goed ingesteld: vraag de coördinator. A000001 is bewaard; tik "
        "op '1 label wacht' om het label opnieuw te proberen.")
    assert gate.waiting_labels.text() == "1 label wacht"
    ctx.store.set_setting("printer", "")
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, gate.reprint_button)
    assert (tmp_path / "labels" / "A000001.pdf").exists()


def test_store_staff_do_not_get_the_gate(qtbot, window: MainWindow, shop_clerk: User) -> None:
    log_in(qtbot, window, "3333")
    assert window.stack.currentWidget() is window.shop
    assert not window.shop.top.settings_button.isVisible()
    assert not window.shop.top.place_button.isVisible()  # the store is their only screen


def test_wrong_pin_says_so_and_idle_logout_asks_first_and_keeps_the_visit(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    log_in(qtbot, window, "9999")
    assert window.login.message.isVisible() and "pincode" in window.login.message.text().lower()
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    # Asked after 90 s; 30 s of countdown make the 120 s of idle time set.
    assert window.idle_timer.isActive() and window.idle_timer.interval() == 90_000
    window.idle_timer.timeout.emit()
    question = window.still_there
    assert question is not None and question.title.text() == "Bent u er nog?"
    assert question.countdown.text() == "Zonder antwoord wordt u over 30 seconden uitgelogd."
    question.tick()
    assert "29 seconden" in question.countdown.text()
    tap(qtbot, question.yes_button)
    assert window.still_there is None and window.stack.currentWidget() is gate
    assert window.idle_timer.isActive()

    tap(qtbot, gate.categories.tiles["books"])
    tap(qtbot, gate.weight.standard_button)
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    idle_out(window)
    assert window.stack.currentWidget() is window.login
    assert ctx.gate.visit("VA000001").ended_at is None  # the resident may still be unloading

    # The next coach at this station finds the visit and goes on with it ...
    log_in(qtbot, window, "1111")
    asked = panel(window, ConfirmPanel)
    assert "VA000001" in asked.title.text() and "1 artikel" in asked.title.text()
    tap(qtbot, asked.yes_button)
    assert gate.pages.currentWidget() is gate.intake_page and gate.visit.code == "VA000001"
    # ... or, another time, ends it.
    idle_out(window)
    log_in(qtbot, window, "1111")
    tap(qtbot, panel(window, ConfirmPanel).no_button)
    assert ctx.gate.visit("VA000001").ended_at is not None
    assert gate.pages.currentWidget() is gate.visit_start


def test_a_touch_or_a_scan_answers_the_idle_question(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    log_in(qtbot, window, "1111")
    window.idle_timer.timeout.emit()
    assert window.still_there is not None
    qtbot.mouseClick(window.still_there.countdown, Qt.MouseButton.LeftButton)
    assert window.still_there is None and window.user is not None
    window.idle_timer.timeout.emit()
    window.on_scan("A999999")
    assert window.still_there is None and window.user is not None


def test_language_switch_at_login(qtbot, window: MainWindow) -> None:
    assert window.gate.end_button.text() == "Bezoek afronden"
    tap(qtbot, window.login.language_buttons["en"])
    qtbot.waitUntil(lambda: window.gate.end_button.text() == "End visit")
    assert window.login.prompt.text() == "Enter your PIN"
    assert window.gate.weight.keypad.buttons[","].text() == "."  # English writes 2.5\u00a0kg


def test_every_button_is_a_big_target(qtbot, window: MainWindow) -> None:
    from ui.style import MIN_TARGET_MM, mm

    log_in(qtbot, window, "1111")
    tap(qtbot, window.gate.visit_start.buttons[None])
    small = [
        (b.text(), b.width(), b.height()) for b in window.findChildren(QPushButton)
        if b.isVisible() and min(b.width(), b.height()) < mm(MIN_TARGET_MM)
    ]
    assert small == []


def test_logout_closes_a_question_left_open(qtbot, window: MainWindow, ctx: AppContext) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    tap(qtbot, gate.categories.tiles["books"])
    for key in "99":
        tap(qtbot, gate.weight.keypad.buttons[key])
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    assert panel(window, ConfirmPanel)
    idle_out(window)
    qtbot.waitUntil(lambda: not [p for p in window.findChildren(ConfirmPanel) if p.isVisible()])
    assert window.stack.currentWidget() is window.login and ctx.store.item_count() == 0


def test_many_categories_still_fit(qtbot, window: MainWindow, ctx: AppContext) -> None:
    from intake.model import Category

    for n in range(8):
        ctx.store.save_category(Category(f"extra{n}", f"Extra {n}", f"Extra {n}", "household",
                                         1000, sort_order=200 + n))
    log_in(qtbot, window, "1111")
    tap(qtbot, window.gate.visit_start.buttons[None])
    assert len(window.gate.categories.tiles) == 20
    assert window.gate.minimumSizeHint().height() <= window.height()
    tap(qtbot, window.gate.categories.tiles["extra7"])
    assert window.gate.weight.category.code == "extra7"


def test_label_again_lets_the_coach_pick_an_item_of_the_visit(
    qtbot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    for tile in ("books", "toys"):
        with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
            tap(qtbot, gate.categories.tiles[tile])
            tap(qtbot, gate.weight.standard_button)
            tap(qtbot, gate.weight.route_buttons[Route.SALE])
    tap(qtbot, gate.reprint_button)
    choice = panel(window, ChoicePanel)
    assert list(choice.option_buttons) == ["A000002", "A000001"]  # the newest first
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000) as printed:
        tap(qtbot, choice.option_buttons["A000001"])
    assert printed.args[0] == "A000001"
    assert (tmp_path / "labels" / "A000001-2.pdf").exists()


def test_label_again_prints_the_item_as_it_is_now_and_never_a_voided_one(
    qtbot, window: MainWindow, ctx: AppContext, coach: User
) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons["Zwolle"])
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, gate.categories.tiles["books"])
        tap(qtbot, gate.weight.standard_button)
        tap(qtbot, gate.weight.route_buttons[Route.SALE])
    ctx.gate.change_route(coach, "A000001", Route.REPAIR, "Cover torn")  # on its card
    gate._refresh()
    assert gate.last_item is not None and gate.last_item.route is Route.REPAIR
    ctx.gate.void(coach, "A000001", "Entered twice")
    gate._refresh()
    assert gate.last_item is None and not gate.reprint_button.isEnabled()


def test_a_stumbled_scan_before_login_asks_again_in_dutch(window: MainWindow) -> None:
    window.scanner.unrecognised.emit()
    assert window.login.message.is_error()
    assert window.login.message.text() == "Code niet herkend, scan opnieuw"


def test_corrections_are_cheap_at_the_gate(
    qtbot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    from ui.widgets.item_panel import ItemPanel

    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    # The wrong tile, then the right one: the weight typed stays.
    tap(qtbot, gate.categories.tiles["books"])
    for key in "3,5":
        tap(qtbot, gate.weight.keypad.buttons[key])
    tap(qtbot, gate.categories.tiles["toys"])
    assert gate.weight.category.code == "toys" and gate.weight.display.text() == "3,5 kg"
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, gate.weight.route_buttons[Route.SALE])
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, gate.categories.tiles["books"])
        tap(qtbot, gate.weight.standard_button)
        tap(qtbot, gate.weight.route_buttons[Route.SALE])
    assert (ctx.gate.item("A000001").category, ctx.gate.item("A000001").weight_g) == (
        "toys", 3_500)

    # After an undo "Label again" still prints the visit's other item, and says so.
    tap(qtbot, gate.undo_button)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["Dubbel ingevoerd"])
    assert gate.reprint_button.isEnabled()
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000) as printed:
        tap(qtbot, gate.reprint_button)
    assert printed.args[0] == "A000001"
    assert gate.banner.text() == "Label A000001 opnieuw gestuurd."

    # A route change on the item's card offers a new label, which shows the new route.
    window.on_scan("A000001")
    tap(qtbot, panel(window, ItemPanel).route_button)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["repair"])
    tap(qtbot, panel(window, ChoicePanel).option_buttons["Het is kapot"])
    offer = panel(window, ConfirmPanel)
    assert offer.title.text().startswith("Route van A000001 gewijzigd.")
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, offer.yes_button)
    assert ctx.gate.item("A000001").route is Route.REPAIR
    assert len(list((tmp_path / "labels").glob("A000001*.pdf"))) == 3


def test_the_item_card_corrects_category_and_weight_and_offers_a_new_label(
    qtbot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    from ui.widgets.item_panel import ItemPanel
    from ui.widgets.keypad_panel import KeypadPanel

    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, gate.categories.tiles["books"])
        tap(qtbot, gate.weight.standard_button)
        tap(qtbot, gate.weight.route_buttons[Route.SALE])

    window.on_scan("A000001")
    tap(qtbot, panel(window, ItemPanel).correct_button)
    what = panel(window, ChoicePanel)
    assert list(what.option_buttons) == ["category", "weight"]  # no step to cancel yet
    tap(qtbot, what.option_buttons["category"])
    categories = panel(window, ListPanel).options
    [toys] = [categories.item(n) for n in range(categories.count())
              if categories.item(n).data(Qt.ItemDataRole.UserRole) == "toys"]
    categories.itemClicked.emit(toys)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["Verkeerde tegel getikt"])
    offer = panel(window, ConfirmPanel)
    assert offer.title.text().startswith("Categorie van A000001 gecorrigeerd.")
    with qtbot.waitSignal(ctx.printer_queue.printed, timeout=10_000):
        tap(qtbot, offer.yes_button)
    item = ctx.gate.item("A000001")
    assert (item.category, item.weight_estimated) == ("toys", True)

    window._last_scan = ("", 0.0)  # the same label again, on purpose
    window.on_scan("A000001")
    tap(qtbot, panel(window, ItemPanel).correct_button)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["weight"])
    pad = panel(window, KeypadPanel)
    # What is to be corrected is in sight: the weight it has now (toys' standard weight).
    now = ctx.language.kg(item.weight_g, estimated=True)
    assert pad.title.text() == f"Het juiste gewicht van A000001 (nu {now})"
    pad.type_text("0")
    tap(qtbot, pad.ok_button)
    assert gate.banner.is_error() and ctx.gate.item("A000001") == item  # nothing changed
    window._last_scan = ("", 0.0)
    window.on_scan("A000001")
    tap(qtbot, panel(window, ItemPanel).correct_button)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["weight"])
    pad = panel(window, KeypadPanel)
    pad.type_text("2,4")
    tap(qtbot, pad.ok_button)
    tap(qtbot, panel(window, ChoicePanel).option_buttons["Opnieuw gewogen"])
    tap(qtbot, panel(window, ConfirmPanel).no_button)
    item = ctx.gate.item("A000001")
    assert (item.category, item.weight_g, item.weight_estimated) == ("toys", 2_400, False)
    assert gate.top.figures.text() == "Vandaag: 1 artikel · 2,4\u00a0kg · 1 bezoek"
    window._last_scan = ("", 0.0)
    window.on_scan("A000001")
    card = panel(window, ItemPanel).card
    assert card.heading.text() == "A000001 · Speelgoed · 2,4\u00a0kg"
    assert card.history.item(0).text().split("   ")[1] == (
        "Gecorrigeerd van Speelgoed · 1\u00a0kg naar Speelgoed · 2,4\u00a0kg")


def test_a_visit_open_when_the_app_stopped_is_found_again(
    qtbot, ctx: AppContext, coach: User, clock
) -> None:
    yesterday = ctx.gate.start_visit(coach, at=clock.now().replace(day=20))
    visit = ctx.gate.start_visit(coach)
    ctx.gate.take_in(coach, ctx.gate.prepare("books", "sale"), visit)
    window = MainWindow(ctx)  # the app started again, after a power cut
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    log_in(qtbot, window, "1111")
    asked = panel(window, ConfirmPanel)
    assert visit.code in asked.title.text() and yesterday.code not in asked.title.text()
    tap(qtbot, asked.yes_button)
    assert window.gate.visit == visit
    assert window.gate.visit_label.text() == f"Bezoek {visit.code} · gemeente onbekend · 1 artikel"

""""Zoek" on every scanning screen (issue 15, point 7), by taps in Dutch: the digits of a code on
the panel's keypad, a category, a day; the results as buttons with a count of the rest, and
picking one acts as scanning its label on that screen (gate, workshop, till, material out)."""

from __future__ import annotations

from pathlib import Path

import pytest
from taps import log_in, tap
from test_gate_screen import panel

from db import Store
from intake.admin import NameList
from intake.clock import FixedClock
from intake.item_search import ItemSearch, When
from intake.model import Item, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.item_panel import ItemPanel
from ui.widgets.panels import ListPanel
from ui.widgets.search_panel import SHOWN, SearchPanel


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, coordinator: User, repairer: User,
        shop_clerk: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.set_setting("document_folder", str(tmp_path / "documents"))
    context = build_context(store, clock, "nl")
    context.admin.add_name(coordinator, NameList.RECIPIENTS, "Metaal Oost")
    return context


def take_in(ctx: AppContext, coach: User, category: str, route: str) -> Item:
    return ctx.gate.take_in(coach, ctx.gate.prepare(category, route))


def open_search(qtbot, window: MainWindow, screen) -> SearchPanel:  # noqa: ANN001
    assert screen.search_button.text() == "Zoek"
    tap(qtbot, screen.search_button)
    return panel(window, SearchPanel)


def type_digits(qtbot, search: SearchPanel, digits: str) -> None:
    for digit in digits:
        tap(qtbot, search.keypad.buttons[digit])


def shown(search: SearchPanel) -> list[str]:
    return [button.text().split()[0] for button in search.result_buttons if button.isVisible()]


def test_digits_find_the_item_and_picking_it_opens_its_card_at_the_gate(
        qtbot, window: MainWindow, ctx: AppContext, coach: User) -> None:
    items = [take_in(ctx, coach, "books", "sale") for _ in range(12)]
    log_in(qtbot, window, "1111")
    search = open_search(qtbot, window, window.gate)
    assert search.message.text() == ("Typ de laatste cijfers van de code, of kies een "
                                     "categorie of een dag.")
    type_digits(qtbot, search, "1")
    # A000001 exactly, then the newest ending in 1: a screenful at most.
    assert shown(search) == ["A000001", "A000011"]
    first = search.result_buttons[0].text()
    assert first.startswith("A000001  ·  Boeken  ·  ")
    assert "21-11-2026  ·  Verkoop, in het centrum" in first
    type_digits(qtbot, search, "1")
    assert shown(search) == ["A000011"]
    tap(qtbot, search.result_buttons[0])
    assert not search.isVisible()
    card = panel(window, ItemPanel)
    assert card.card.item.code == items[10].code


def test_category_and_day_narrow_the_list_with_a_count_of_the_rest(
        qtbot, window: MainWindow, ctx: AppContext, coach: User, clock: FixedClock) -> None:
    for _ in range(SHOWN + 3):
        take_in(ctx, coach, "bicycles", "repair")
    clock.advance(days=1)
    take_in(ctx, coach, "lamps", "sale")
    log_in(qtbot, window, "1111")
    search = open_search(qtbot, window, window.gate)
    tap(qtbot, search.category_button)
    choices = panel(window, ListPanel).options  # twelve categories: a list
    assert choices.item(0).text() == "Alle categorieën"
    [row] = [choices.item(n) for n in range(choices.count())
             if choices.item(n).text() == "Fietsen"]
    choices.itemClicked.emit(row)
    assert search.category_button.text() == "Fietsen"
    assert len(shown(search)) == SHOWN
    assert search.message.text() == ("Nog 3 gevonden: typ meer cijfers, of kies een "
                                     "categorie of dag.")
    tap(qtbot, search.when_buttons[When.TODAY])
    assert shown(search) == []
    assert search.message.text() == ("Geen artikel gevonden. Kijk de cijfers na, of kies een "
                                     "andere categorie of dag.")
    tap(qtbot, search.when_buttons[When.YESTERDAY])
    assert len(shown(search)) == SHOWN
    tap(qtbot, search.when_buttons[When.DAY])
    days = panel(window, ListPanel).options
    assert days.item(0).text() == "zondag 22 november 2026"
    days.itemClicked.emit(days.item(0))
    assert search.when_buttons[When.DAY].text() == "22 nov"
    assert search.when_buttons[When.DAY].isChecked()
    assert shown(search) == []  # no bike came in today
    tap(qtbot, search.when_buttons[When.ANY])
    tap(qtbot, search.cancel_button)
    assert not search.isVisible()
    assert window.stack.currentWidget() is window.gate


def test_picking_acts_as_a_scan_in_the_workshop(
        qtbot, window: MainWindow, ctx: AppContext, coach: User) -> None:
    bike = take_in(ctx, coach, "bicycles", "repair")
    log_in(qtbot, window, "2222")
    search = open_search(qtbot, window, window.workshop)
    type_digits(qtbot, search, "1")
    tap(qtbot, search.result_buttons[0])
    assert window.workshop.card.item.code == bike.code
    assert window.workshop.start_button.isVisible()


def test_picking_acts_as_a_scan_at_the_till(
        qtbot, window: MainWindow, ctx: AppContext, coach: User, clock: FixedClock) -> None:
    take_in(ctx, coach, "books", "sale")
    clock.advance(days=-1)
    chair = take_in(ctx, coach, "furniture", "sale")
    clock.advance(days=1)
    log_in(qtbot, window, "3333")
    search = open_search(qtbot, window, window.shop)
    tap(qtbot, search.when_buttons[When.YESTERDAY])
    assert shown(search) == [chair.code]
    tap(qtbot, search.result_buttons[0])
    assert [item.code for item, _ in window.shop.basket] == [chair.code]


def test_picking_acts_as_a_scan_on_material_out(
        qtbot, window: MainWindow, ctx: AppContext, coach: User) -> None:
    scrap = take_in(ctx, coach, "metal", "material")
    log_in(qtbot, window, "1111")
    window.show_place("material")
    search = open_search(qtbot, window, window.material)
    type_digits(qtbot, search, "000001")
    tap(qtbot, search.result_buttons[0])
    assert [item.code for item in window.material.items] == [scrap.code]


def test_bad_input_gets_a_dutch_message_and_changes_nothing(
        qtbot, window: MainWindow, ctx: AppContext, coach: User) -> None:
    take_in(ctx, coach, "books", "sale")
    log_in(qtbot, window, "1111")
    search = open_search(qtbot, window, window.gate)
    qtbot.keyClicks(search.keypad, "abc")  # a desk keyboard: the keypad takes digits only
    assert search.display.text() == "—"
    search.choose(ItemSearch(digits="abc"))
    assert shown(search) == []
    assert search.message.text() == ("Zoek alleen met de cijfers van een code, zoals 123 "
                                     "(hoogstens 9 cijfers).")
    search.choose(ItemSearch())
    type_digits(qtbot, search, "999")
    assert shown(search) == []
    assert search.message.text().startswith("Geen artikel gevonden.")
    assert ctx.store.item_count() == 1


def test_screens_that_take_no_scans_have_no_search(
        qtbot, window: MainWindow, ctx: AppContext) -> None:
    log_in(qtbot, window, "1234")
    assert window.gate.search_button.isVisible()
    assert not window.dashboard.search_button.isVisibleTo(window.dashboard)
    assert not window.conflicts.search_button.isVisibleTo(window.conflicts)

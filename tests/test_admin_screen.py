"""The coordinator's settings by taps: staff, categories, municipalities, station."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from taps import tap

from db import Store
from intake.clock import FixedClock
from intake.errors import ValidationError
from intake.model import Role, User
from ui.app import build_context
from ui.context import AppContext
from ui.screens.admin import AdminScreen
from ui.style import mm
from ui.widgets.keyboard import TextEntryPanel
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel


@pytest.fixture
def screen(qtbot, store: Store, clock: FixedClock, coordinator: User) -> AdminScreen:
    ctx = build_context(store, clock, "en")
    screen = AdminScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.enter(coordinator)
    return screen


def open_panel(screen: AdminScreen, kind: type):
    [found] = [p for p in screen.window().findChildren(kind) if p.isVisible()]
    return found


def type_on_keyboard(qtbot, screen: AdminScreen, text: str) -> None:
    panel = open_panel(screen, TextEntryPanel)
    panel.type_text(text)
    tap(qtbot, panel.ok_button)


def type_on_keypad(qtbot, screen: AdminScreen, digits: str) -> None:
    panel = open_panel(screen, KeypadPanel)
    for key in digits:
        tap(qtbot, panel.keypad.buttons[key])
    tap(qtbot, panel.ok_button)


def select(screen: AdminScreen, section: str, key: object) -> None:
    rows = screen.sections[section].rows
    for index in range(rows.count()):
        if rows.item(index).data(Qt.ItemDataRole.UserRole) == key:
            rows.setCurrentRow(index)
            return
    raise AssertionError(f"{key} not listed")


def test_add_a_colleague_who_can_then_log_in(qtbot, screen: AdminScreen) -> None:
    ctx: AppContext = screen.ctx
    tap(qtbot, screen.tabs["staff"])
    tap(qtbot, screen.sections["staff"].add)
    tap(qtbot, open_panel(screen, TextEntryPanel).ok_button)  # no name: refused at once
    asked = open_panel(screen, TextEntryPanel)
    assert asked.refusal.text() == "A name is 1 to 40 characters."
    assert not [p for p in screen.findChildren(ChoicePanel) if p.isVisible()]  # no role yet
    type_on_keyboard(qtbot, screen, "Kim")
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["workshop"])
    type_on_keypad(qtbot, screen, "5678")
    assert "Colleague added" in screen.banner.text()
    kim = ctx.auth.login("5678")
    assert (kim.name, kim.role) == ("Kim", Role.WORKSHOP)
    select(screen, "staff", kim.id)
    tap(qtbot, screen.sections["staff"].active)
    assert not [u for u in ctx.auth.users() if u.id == kim.id][0].active
    with pytest.raises(ValidationError, match="Unknown PIN"):
        ctx.auth.login("5678")  # disabled: her PIN opens nothing


def test_the_coordinator_cannot_disable_themself(
    qtbot, screen: AdminScreen, coordinator: User
) -> None:
    tap(qtbot, screen.tabs["staff"])
    select(screen, "staff", coordinator.id)
    tap(qtbot, screen.sections["staff"].active)
    assert screen.banner.is_error()
    assert screen.banner.text() == "You cannot disable or demote your own account."
    assert screen.ctx.auth.login("1234").active


def test_category_weights_hide_and_order(qtbot, screen: AdminScreen) -> None:
    ctx: AppContext = screen.ctx
    section = screen.sections["categories"]
    select(screen, "categories", "books")
    tap(qtbot, section.weights)
    for digits in ("1", "0,1", "30"):
        type_on_keypad(qtbot, screen, digits)
    books = ctx.store.category("books")
    assert (books.standard_weight_g, books.min_weight_g, books.max_weight_g) == (1000, 100, 30_000)
    tap(qtbot, section.hide)
    assert ctx.store.category("books").hidden
    assert "books" not in [c.code for c in ctx.gate.categories()]
    order = [c.code for c in ctx.admin.categories()]
    tap(qtbot, section.up)
    assert [c.code for c in ctx.admin.categories()].index("books") == order.index("books") - 1


def test_add_municipality_and_a_refused_setting(qtbot, screen: AdminScreen) -> None:
    ctx: AppContext = screen.ctx
    tap(qtbot, screen.tabs["municipalities"])
    tap(qtbot, screen.sections["municipalities"].add)
    type_on_keyboard(qtbot, screen, "Zwolle")
    assert ctx.gate.municipalities() == ["Zwolle"]
    tap(qtbot, screen.tabs["station"])
    select(screen, "station", "idle_logout_s")
    tap(qtbot, screen.sections["station"].change)
    type_on_keypad(qtbot, screen, "5")
    assert screen.banner.property("role") == "banner-error"
    assert "30 to 3600" in screen.banner.text()
    assert ctx.settings().idle_logout_s == 120
    tap(qtbot, screen.sections["station"].change)
    type_on_keypad(qtbot, screen, "300")
    assert ctx.settings().idle_logout_s == 300
    assert ctx.admin.changes()[0].what == "setting idle_logout_s"


def test_a_recipient_gets_a_kind_guessed_from_its_name_and_changed_by_a_tap(
    qtbot, screen: AdminScreen
) -> None:
    ctx: AppContext = screen.ctx
    tap(qtbot, screen.tabs["recipients"])
    section = screen.sections["recipients"]
    tap(qtbot, section.add)
    type_on_keyboard(qtbot, screen, "Afvalscheiding Milieustraat")
    assert ctx.admin.recipient_kinds() == {"Afvalscheiding Milieustraat": "residual"}
    assert "residual waste" in section.rows.item(0).text()
    select(screen, "recipients", "Afvalscheiding Milieustraat")
    tap(qtbot, section.kind_button)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["recycling"])
    assert ctx.admin.recipient_kinds() == {"Afvalscheiding Milieustraat": "recycling"}
    assert ctx.admin.changes()[0].what == "recipients Afvalscheiding Milieustraat kind"
    assert not screen.sections["municipalities"].kind_button.isVisibleTo(screen)


def test_back_to_the_gate(qtbot, screen: AdminScreen) -> None:
    with qtbot.waitSignal(screen.done):
        tap(qtbot, screen.back)


def test_changing_the_app_language_applies_at_once(qtbot, screen: AdminScreen) -> None:
    tap(qtbot, screen.tabs["station"])
    select(screen, "station", "language")
    tap(qtbot, screen.sections["station"].change)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["nl"])
    assert screen.ctx.settings().language == "nl"
    qtbot.waitUntil(lambda: screen.back.text() == "Terug")
    assert screen.banner.text() == "Opgeslagen."  # said in the language just chosen


def test_a_category_gets_a_price_an_ords_category_and_becomes_electrical(
    qtbot, screen: AdminScreen
) -> None:
    from ui.widgets.panels import ListPanel

    section = screen.sections["categories"]
    select(screen, "categories", "toys")
    tap(qtbot, section.price)
    type_on_keypad(qtbot, screen, "4,5")
    assert screen.ctx.store.category("toys").price_cents == 450
    tap(qtbot, section.electrical)
    assert screen.ctx.store.category("toys").is_electrical
    tap(qtbot, section.ords)
    options = open_panel(screen, ListPanel).options
    row = next(options.item(i) for i in range(options.count()) if options.item(i).text() == "Toy")
    options.scrollToItem(row)
    qtbot.mouseClick(options.viewport(), Qt.MouseButton.LeftButton,
                     pos=options.visualItemRect(row).center())
    assert screen.ctx.store.category("toys").ords_category == "Toy"
    assert "€4.50" in section.rows.currentItem().text()
    assert [c.what for c in screen.ctx.admin.changes(3)] == [
        "category toys ords", "category toys electrical", "category toys price"]


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_the_keyboard_shows_every_key_whole(
    qtbot, store: Store, clock: FixedClock, coordinator: User, size: tuple[int, int]
) -> None:
    screen = AdminScreen(build_context(store, clock, "nl"))
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    screen.enter(coordinator)
    panel = TextEntryPanel(screen, "Naam")
    panel.open()
    qtbot.waitUntil(panel.isVisible)
    texts = {button.text(): button for button in panel.findChildren(QPushButton)}
    assert {"Hoofdletter", "Annuleren", "&&", "?", ":"} <= set(texts)
    for text, button in texts.items():
        inside = button.contentsRect().width() - 2 * mm(3)  # the style sheet's padding
        assert button.fontMetrics().horizontalAdvance(text.replace("&&", "&")) <= inside, text
        assert screen.rect().contains(button.mapTo(screen, button.rect().bottomRight())), text
    tap(qtbot, texts["&&"])
    tap(qtbot, texts["?"])
    assert panel.text() == "&?"  # the first key typed a capital, then Shift let go


def test_machine_names_start_in_lower_case(qtbot, screen: AdminScreen) -> None:
    assert TextEntryPanel(screen, "Port", machine_name=True).keys["q"].text() == "q"
    assert TextEntryPanel(screen, "Name").keys["q"].text() == "Q"


def test_a_category_is_set_to_ask_for_a_serial_number(qtbot, screen: AdminScreen) -> None:
    from ui.widgets.panels import ChoicePanel

    section = screen.sections["categories"]
    select(screen, "categories", "eee_small")
    tap(qtbot, section.serial)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["imei_serial"])
    assert screen.ctx.registers.serial_kind("eee_small") == "imei_serial"
    assert "asks for an IMEI or serial number" in section.rows.currentItem().text()
    select(screen, "categories", "bicycles")
    tap(qtbot, section.serial)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons[""])
    assert screen.ctx.registers.serial_kind("bicycles") is None
    assert [c.what for c in screen.ctx.admin.changes(2)] == [
        "category bicycles serial", "category eee_small serial"]


def test_a_colleague_gets_a_kind_and_a_course_is_recorded_and_cancelled(
    qtbot, screen: AdminScreen, coach: User
) -> None:
    staff = screen.sections["staff"]
    tap(qtbot, screen.tabs["staff"])
    select(screen, "staff", coach.id)
    tap(qtbot, staff.kind)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["volunteer"])
    assert screen.ctx.people.kinds() == {coach.id: "volunteer"}
    assert "Volunteer" in staff.rows.currentItem().text()
    courses = screen.sections["courses"]
    tap(qtbot, staff.courses)  # under the Staff tab
    assert screen.stack.currentWidget() is courses and screen.tabs["staff"].isChecked()
    tap(qtbot, courses.add)
    tap(qtbot, open_panel(screen, KeypadPanel).keypad.buttons["clear"])  # today is offered
    type_on_keypad(qtbot, screen, "14112026")
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["Other…"])
    keyboard = open_panel(screen, TextEntryPanel)
    assert "No names, please: the subject is printed in the report." in [
        label.text() for label in keyboard.findChildren(QLabel) if label.isVisible()]
    type_on_keyboard(qtbot, screen, "Fietsen repareren")
    type_on_keypad(qtbot, screen, "12")
    [course] = screen.ctx.people.courses(courses.today().replace(day=1), courses.today())
    assert (course.day.isoformat(), course.subject, course.participants) == (
        "2026-11-14", "Fietsen repareren", 12)
    assert courses.rows.count() == 1 and "12 participants" in courses.rows.item(0).text()
    select(screen, "courses", course.id)
    tap(qtbot, courses.cancel)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["Other…"])
    assert "No names, please: a reason can be printed in a report." in [
        label.text() for label in open_panel(screen, TextEntryPanel).findChildren(QLabel)]
    type_on_keyboard(qtbot, screen, "Dubbel ingevoerd")
    assert screen.ctx.people.courses(courses.today().replace(day=1), courses.today()) == []
    assert courses.rows.count() == 0


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_every_settings_tab_shows_its_whole_name(
    qtbot, screen: AdminScreen, size: tuple[int, int]
) -> None:
    screen.resize(*size)
    qtbot.wait(10)
    for tab in screen.tabs.values():
        assert tab.width() >= tab.fontMetrics().horizontalAdvance(tab.text()), tab.text()


def test_a_category_is_mapped_to_an_eu_reuse_category_by_taps(qtbot, screen: AdminScreen) -> None:
    from intake.eu_reuse import EuCategory, eu_mapping

    section = screen.sections["categories"]
    select(screen, "categories", "bicycles")
    assert "EU: Other products" in section.rows.currentItem().text()
    tap(qtbot, section.eu)
    panel = open_panel(screen, ChoicePanel)
    assert set(panel.option_buttons) == {c.value for c in EuCategory}
    tap(qtbot, panel.option_buttons["construction"])
    store = screen.ctx.store
    assert eu_mapping(store.settings(), store.categories())["bicycles"] is EuCategory.CONSTRUCTION
    assert "EU: Construction materials and products" in section.rows.currentItem().text()
    [change] = screen.ctx.admin.changes(1)
    assert (change.what, change.old, change.new) == (
        "setting eu_category.bicycles", "other", "construction")


def test_a_coordinator_of_the_network_is_chosen_as_a_role(qtbot, screen: AdminScreen) -> None:
    staff = screen.sections["staff"]
    tap(qtbot, screen.tabs["staff"])
    tap(qtbot, staff.add)
    type_on_keyboard(qtbot, screen, "Noor")
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["network"])
    type_on_keypad(qtbot, screen, "86420")
    noor = screen.ctx.auth.login("86420")
    assert (noor.role, noor.network) == (Role.COORDINATOR, True)
    select(screen, "staff", noor.id)
    assert "Coordinator of the network" in staff.rows.currentItem().text()
    tap(qtbot, staff.role)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["coordinator"])
    assert not screen.ctx.account(noor.id).network


def test_in_dutch_a_category_row_is_all_dutch(
        qtbot, screen: AdminScreen, coordinator: User) -> None:
    """The volunteer saw "Fietsen / Bicycles … · asks for a frame number" in the Dutch app."""
    section = screen.sections["categories"]
    screen.ctx.registers.set_serial_kind(coordinator, "bicycles", "frame")
    screen.ctx.language.apply("nl")
    section.refresh()
    select(screen, "categories", "bicycles")
    row = section.rows.currentItem().text()
    assert row.startswith("Fietsen   ·   ") and "vraagt het framenummer" in row
    assert "Bicycles" not in row and "asks" not in row


@pytest.mark.parametrize(("lang", "shown"), [("nl", "€ 12,50"), ("en", "€12.50")])
def test_a_price_being_typed_is_written_as_money(
        qtbot, screen: AdminScreen, lang: str, shown: str) -> None:
    from intake.units import format_eur

    screen.ctx.language.apply(lang)
    panel = KeypadPanel(screen, "Price", decimals=2, unit="€")
    panel.type_text("12,50")
    assert panel.display.text() == shown == format_eur(1250, lang)
    weight = KeypadPanel(screen, "Weight", decimals=3, unit="kg")
    weight.type_text("2,5")
    assert weight.display.text() == ("2,5 kg" if lang == "nl" else "2.5 kg")

"""A first-day coordinator's findings in Settings, by taps (issue 14's settings): a category's
choices show the current one, its row shows its ORDS product category, every button starts
with a capital; a course is asked step by step, each answer checked where it is given."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from taps import tap
from test_admin_screen import open_panel, screen, select  # noqa: F401 - `screen`: a fixture

from intake.errors import AmbachtError
from intake.model import User
from intake.people import KINDS, SUBJECT_MAX
from intake.people_report import WORDS
from ui.screens.admin import AdminScreen
from ui.widgets.day_panel import DayPanel
from ui.widgets.keyboard import TextEntryPanel
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import CURRENT_MARK, ChoicePanel, ListPanel


def category_row(screen: AdminScreen, code: str) -> str:  # noqa: F811
    rows = screen.sections["categories"].rows
    return next(rows.item(i).text() for i in range(rows.count())
                if rows.item(i).data(Qt.ItemDataRole.UserRole) == code)


def test_a_categorys_choices_mark_the_current_value(
    qtbot, screen: AdminScreen  # noqa: F811
) -> None:
    section = screen.sections["categories"]
    select(screen, "categories", "bicycles")
    tap(qtbot, section.serial)
    panel = open_panel(screen, ChoicePanel)
    frame = panel.option_buttons["frame"]
    assert frame.isChecked() and frame.text() == CURRENT_MARK + "Frame number"
    assert [b.text() for k, b in panel.option_buttons.items() if k != "frame"] == [
        "No number", "IMEI or serial number"]
    assert all(b.text()[0].isupper() for b in panel.option_buttons.values()
               if not b.isChecked())
    tap(qtbot, panel.option_buttons[""])  # no number: marked so the next time
    tap(qtbot, section.serial)
    assert open_panel(screen, ChoicePanel).option_buttons[""].isChecked()
    tap(qtbot, open_panel(screen, ChoicePanel).cancel_button)

    tap(qtbot, section.eu)
    panel = open_panel(screen, ChoicePanel)
    assert [k for k, b in panel.option_buttons.items() if b.isChecked()] == ["other"]
    tap(qtbot, panel.option_buttons["textiles"])
    tap(qtbot, section.eu)
    panel = open_panel(screen, ChoicePanel)
    assert [k for k, b in panel.option_buttons.items() if b.isChecked()] == ["textiles"]
    assert panel.option_buttons["textiles"].text().startswith(CURRENT_MARK)
    tap(qtbot, panel.cancel_button)

    select(screen, "categories", "lamps")
    tap(qtbot, section.ords)
    options = open_panel(screen, ListPanel).options
    current = options.currentItem()
    assert current.data(Qt.ItemDataRole.UserRole) == "Lamp"
    assert current.text() == CURRENT_MARK + "Lamp" and current.isSelected()
    assert sum(options.item(i).text().startswith(CURRENT_MARK)
               for i in range(options.count())) == 1
    tap(qtbot, open_panel(screen, ListPanel).cancel_button)


def test_a_category_row_shows_its_ords_product_category(
    qtbot, screen: AdminScreen  # noqa: F811
) -> None:
    assert "ORDS: Lamp" in category_row(screen, "lamps")
    assert "ORDS" not in category_row(screen, "books")  # no power: outside ORDS
    select(screen, "categories", "computers")
    tap(qtbot, screen.sections["categories"].ords)
    options = open_panel(screen, ListPanel).options
    laptop = next(options.item(i) for i in range(options.count())
                  if options.item(i).data(Qt.ItemDataRole.UserRole) == "Laptop")
    options.scrollToItem(laptop)
    qtbot.mouseClick(options.viewport(), Qt.MouseButton.LeftButton,
                     pos=options.visualItemRect(laptop).center())
    assert "ORDS: Laptop" in category_row(screen, "computers")


def keypad_panel(screen: AdminScreen) -> KeypadPanel:  # noqa: F811
    return open_panel(screen, KeypadPanel)


def press(qtbot, panel: KeypadPanel, keys: str) -> None:
    for key in keys:
        tap(qtbot, panel.keypad.buttons[key])


def refusal_of(screen: AdminScreen, check) -> str:  # noqa: ANN001, F811
    """The message the service gives for a refused answer, as the screen shows it."""
    with pytest.raises(AmbachtError) as refused:
        check()
    return screen.ctx.language.error(refused.value)


def test_a_course_is_asked_step_by_step_and_nothing_typed_is_lost(
    qtbot, screen: AdminScreen  # noqa: F811
) -> None:
    ctx, people = screen.ctx, screen.ctx.people
    courses = screen.sections["courses"]
    earlier = people.add_course(screen.user, date(2026, 11, 2), "Naaien", 6)
    tap(qtbot, screen.tabs["station"])  # an old refusal in the banner ...
    select(screen, "station", "idle_logout_s")
    tap(qtbot, screen.sections["station"].change)
    press(qtbot, keypad_panel(screen), "5")
    tap(qtbot, keypad_panel(screen).ok_button)
    assert screen.banner.is_error()
    tap(qtbot, screen.tabs["staff"])
    tap(qtbot, screen.sections["staff"].courses)
    select(screen, "courses", earlier.id)
    tap(qtbot, courses.add)
    assert not screen.banner.isVisible()  # ... is gone at the next attempt

    # The day, on the keypad as the list shows days, today offered.
    day = open_panel(screen, DayPanel)
    assert day.display.text() == "21-11-2026" and day.ok_button.isEnabled()
    tap(qtbot, day.keypad.buttons["clear"])
    press(qtbot, day, "3102")
    assert day.display.text() == "31-02-YYYY" and not day.ok_button.isEnabled()
    press(qtbot, day, "2026")
    ok = day.ok_button.mapTo(day.window(), day.ok_button.rect().topLeft())
    tap(qtbot, day.ok_button)
    day = open_panel(screen, DayPanel)  # asked again, as typed, with the reason
    qtbot.waitUntil(lambda: day.refusal is not None and day.refusal.isVisible())
    # in the room kept for it: OK and the keys stay under the finger (39 px down before)
    assert day.ok_button.mapTo(day.window(), day.ok_button.rect().topLeft()) == ok
    assert day.display.text() == "31-02-2026"
    assert day.refusal.text() == "There is no day 31-02-2026."  # typed right, no such day
    tap(qtbot, day.keypad.buttons["clear"])
    press(qtbot, day, "01122026")  # tomorrow
    tap(qtbot, day.ok_button)
    day = open_panel(screen, DayPanel)
    assert day.refusal.text() == refusal_of(
        screen, lambda: people.check_course(date(2026, 12, 1)))
    for _ in range(8):
        tap(qtbot, day.keypad.buttons["back"])
    press(qtbot, day, "14112026")
    tap(qtbot, day.ok_button)

    # The subject: one too long is refused here, and kept to be shortened.
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["Other…"])
    long = "Fietsen repareren voor beginners en gevorderden, met banden plakken en remmen " \
           "afstellen"
    assert len(long) > SUBJECT_MAX
    open_panel(screen, TextEntryPanel).type_text(long)
    tap(qtbot, open_panel(screen, TextEntryPanel).ok_button)
    keyboard = open_panel(screen, TextEntryPanel)
    assert keyboard.text() == long
    assert keyboard.refusal.text() == refusal_of(
        screen, lambda: people.check_course(date(2026, 11, 14), long))
    subject = long[:SUBJECT_MAX]
    while keyboard.text() != subject:
        keyboard.backspace()
    tap(qtbot, keyboard.ok_button)

    # The participants: none is refused here, and what was asked before stays.
    count = keypad_panel(screen)
    press(qtbot, count, "0")
    tap(qtbot, count.ok_button)
    count = keypad_panel(screen)
    assert count.keypad.text() == "0"
    assert count.refusal.text() == refusal_of(
        screen, lambda: people.check_course(date(2026, 11, 14), subject, 0))
    press(qtbot, count, "12")
    tap(qtbot, count.ok_button)
    [course] = [c for c in people.courses(date(2026, 11, 1), date(2026, 11, 21))
                if c.id != earlier.id]
    assert (course.day, course.subject, course.participants) == (
        date(2026, 11, 14), subject.strip(), 12)
    assert screen.banner.text() == "Course recorded."
    # The new course is selected: "Cancel course" would cancel it, not the one before.
    assert courses.selected() == course.id and courses.cancel.isEnabled()
    assert not [p for p in screen.window().findChildren(KeypadPanel) if p.isVisible()]
    assert ctx.people.courses(date(2026, 11, 1), date(2026, 11, 21))[0] == earlier


def test_a_course_older_than_the_list_is_listed_and_selected_once_added(
    qtbot, screen: AdminScreen  # noqa: F811
) -> None:
    courses = screen.sections["courses"]
    tap(qtbot, screen.tabs["staff"])
    tap(qtbot, screen.sections["staff"].courses)
    tap(qtbot, courses.add)
    day = open_panel(screen, DayPanel)
    tap(qtbot, day.keypad.buttons["clear"])
    press(qtbot, day, "03032024")  # from paper: before the year the list shows
    tap(qtbot, day.ok_button)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["Other…"])
    open_panel(screen, TextEntryPanel).type_text("Stoelen matten")
    tap(qtbot, open_panel(screen, TextEntryPanel).ok_button)
    press(qtbot, keypad_panel(screen), "8")
    tap(qtbot, keypad_panel(screen).ok_button)
    [course] = screen.ctx.people.courses(date(2024, 1, 1), date(2024, 12, 31))
    assert courses.selected() == course.id
    assert courses.rows.currentItem().text().startswith("03-03-2024")


def test_a_colleague_has_one_name_per_kind_here_and_in_the_report(
    qtbot, screen: AdminScreen, coach: User  # noqa: F811
) -> None:
    screen.ctx.language.apply("nl")
    staff = screen.sections["staff"]
    tap(qtbot, screen.tabs["staff"])
    select(screen, "staff", coach.id)
    tap(qtbot, staff.kind)
    panel = open_panel(screen, ChoicePanel)
    assert {key: button.text() for key, button in panel.option_buttons.items()} == {
        kind: WORDS["nl"][kind] for kind in KINDS}
    tap(qtbot, panel.option_buttons["placement"])
    assert "Werkervaring / participatie" in staff.rows.currentItem().text()
    tap(qtbot, staff.kind)
    placement = open_panel(screen, ChoicePanel).option_buttons["placement"]
    assert placement.isChecked() and placement.text() == CURRENT_MARK + WORDS["nl"]["placement"]
    tap(qtbot, open_panel(screen, ChoicePanel).cancel_button)
    tap(qtbot, staff.role)  # the role's choice marks the current one too
    role = open_panel(screen, ChoicePanel)
    assert [key for key, button in role.option_buttons.items() if button.isChecked()] == [
        "coach"]

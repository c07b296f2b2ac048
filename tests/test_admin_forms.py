"""A first-day coordinator's findings in Settings, by taps (issue 14's settings): a category's
choices show the current one, its row shows its ORDS product category, every button starts
with a capital."""

from __future__ import annotations

from PySide6.QtCore import Qt
from taps import tap
from test_admin_screen import open_panel, screen, select  # noqa: F401 - `screen`: a fixture

from ui.screens.admin import AdminScreen
from ui.widgets.panels import CURRENT_MARK, ChoicePanel, ListPanel


def category_row(screen: AdminScreen, code: str) -> str:
    rows = screen.sections["categories"].rows
    return next(rows.item(i).text() for i in range(rows.count())
                if rows.item(i).data(Qt.ItemDataRole.UserRole) == code)


def test_a_categorys_choices_mark_the_current_value(qtbot, screen: AdminScreen) -> None:
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


def test_a_category_row_shows_its_ords_product_category(qtbot, screen: AdminScreen) -> None:
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

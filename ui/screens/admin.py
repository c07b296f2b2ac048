"""The coordinator's settings: categories, staff, municipalities, recipients and the station."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.admin import NameList
from intake.model import User
from ui.context import AppContext
from ui.screens.admin_base import Section
from ui.screens.admin_hub import HubSection
from ui.screens.admin_names import NamesSection
from ui.screens.admin_people import CoursesSection
from ui.screens.admin_printer import LabelPrinterSection
from ui.screens.admin_sections import CategoriesSection, StaffSection, StationSection
from ui.screens.devices_section import DevicesSection
from ui.screens.first_steps import GuideBar
from ui.style import apart, mm
from ui.widgets.base import Banner, Retranslating

# Sections without a tab of their own, shown under another's (eight tabs do not fit 1024 px).
_UNDER = {"courses": "staff", "hub": "station"}

class AdminScreen(Retranslating, QWidget):
    """Tabs of settings sections; emits `done` to go back to the gate."""

    done = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.back = QPushButton(self)
        self.back.setProperty("role", "primary")
        self.back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back.clicked.connect(self.done)
        self.banner = Banner(self.title, self)
        self.sections: dict[str, Section] = {
            "categories": CategoriesSection(ctx, self),
            "staff": StaffSection(ctx, self),
            "courses": CoursesSection(ctx, self),  # under Staff: its "Courses" button
            "municipalities": NamesSection(NameList.MUNICIPALITIES, ctx, self),
            "recipients": NamesSection(NameList.RECIPIENTS, ctx, self),
            "station": StationSection(ctx, self),
            "hub": HubSection(ctx, self),  # under Station: its "Stations" button
            "devices": DevicesSection(ctx, self),
            "printer": LabelPrinterSection(ctx, self),
        }
        self.sections["staff"].courses_requested.connect(  # type: ignore[attr-defined]
            lambda: self.show_section("courses"))
        self.sections["station"].hub_requested.connect(  # type: ignore[attr-defined]
            lambda: self.show_section("hub"))
        self.stack = QStackedWidget(self)
        self.tabs: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        tab_row = QHBoxLayout()
        tab_row.setSpacing(mm(1))  # alternatives, one group: close together, wide enough
        for key, section in self.sections.items():
            self.stack.addWidget(section)
            section.message.connect(self.show_message)
            if key in _UNDER:
                continue
            tab = QPushButton(self)
            tab.setCheckable(True)
            tab.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tab.clicked.connect(lambda _=False, k=key: self.show_section(k))
            group.addButton(tab)
            self.tabs[key] = tab
            tab_row.addWidget(tab)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back)
        column = QVBoxLayout(self)
        column.setContentsMargins(mm(4), mm(3), mm(4), mm(3))
        column.setSpacing(apart())
        column.addLayout(top)
        column.addLayout(tab_row)
        # The first run's guide, in the tabs' place while it leads (`guide`).
        self.guide_bar = GuideBar(self)
        self.guide_bar.step.connect(self.show_section)
        self.guide_bar.finished.connect(self._end_guide)
        self.guide_bar.hide()
        column.addWidget(self.guide_bar)
        column.addWidget(self.stack, 1)
        self.user: User | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.back.setText(self.tr("Back"))
        names = {"categories": self.tr("Categories"), "staff": self.tr("Staff"),
                 "municipalities": self.tr("Municipalities"), "recipients": self.tr("Recipients"),
                 "station": self.tr("Station"), "devices": self.tr("Devices"),
                 "printer": self.tr("Label printer")}
        for key, tab in self.tabs.items():
            tab.setText(names[key])


    def enter(self, user: User) -> None:
        self.user = user
        self.banner.hide()
        for section in self.sections.values():
            section.enter(user)
        self.show_section("categories")

    def guide(self, user: User) -> None:
        """The first run: lead the coordinator through the sections a gate needs, each
        skippable; `done` after the last, to the gate."""
        self.enter(user)
        self._guiding(True)
        self.guide_bar.start()

    def _end_guide(self) -> None:
        self._guiding(False)
        self.done.emit()

    def _guiding(self, on: bool) -> None:
        for tab in (*self.tabs.values(), self.back):
            tab.setVisible(not on)
        self.guide_bar.setVisible(on)

    def show_section(self, key: str) -> None:
        self.tabs[_UNDER.get(key, key)].setChecked(True)
        self.stack.setCurrentWidget(self.sections[key])
        self.sections[key].refresh()

    def show_message(self, text: str, is_error: bool) -> None:
        """A section's news in the banner; an empty text (a new attempt begun) hides it."""
        if not text:
            self.banner.hide()
            return
        if not is_error and self.guide_bar.isVisible():
            self.guide_bar.mark_saved()
        if is_error:
            self.banner.error(text)
        else:
            self.banner.ok(text)

"""'Let op': the coordinator's list of conflicts between stations' steps (issue 13).

Each row names the item, the step that was kept without effect and the earlier step that
refused it, with their times, stations and people. A tap asks which of the two to keep; the
other is cancelled with a reason (`ConflictService.resolve`), a new step like any other, and
the conflict leaves the list here and, once it has travelled, on every station. Above them,
the stations that run a newer Ambacht (`db/newer_steps.py`) and colleagues found to share a
PIN since their stations' staff lists met (`db/shared_pins.py`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QVBoxLayout, QWidget

from intake.conflicts import Conflict, ConflictStep
from intake.errors import AmbachtError
from intake.model import EventType, User
from ui.clock_text import clock_text
from ui.context import AppContext
from ui.screens.scan_screen import ScanScreen
from ui.style import mm
from ui.widgets.base import touch_list
from ui.widgets.keyboard import ask_reason
from ui.widgets.panels import ChoicePanel


def step_name(kind: EventType) -> str:
    """A step's kind as the coordinator reads it."""
    names = {
        EventType.INTAKE: QCoreApplication.translate("Conflicts", "Taken in"),
        EventType.ROUTE_CHANGED: QCoreApplication.translate("Conflicts", "Route changed"),
        EventType.VOIDED: QCoreApplication.translate("Conflicts", "Voided"),
        EventType.REPAIR_STARTED: QCoreApplication.translate("Conflicts", "Repair started"),
        EventType.REPAIR_FINISHED: QCoreApplication.translate("Conflicts", "Repair finished"),
        EventType.SAFETY_TESTED: QCoreApplication.translate("Conflicts", "Safety tested"),
        EventType.PRICED: QCoreApplication.translate("Conflicts", "Priced"),
        EventType.SOLD: QCoreApplication.translate("Conflicts", "Sold"),
        EventType.RETURNED: QCoreApplication.translate("Conflicts", "Taken back"),
        EventType.MATERIAL_OUT: QCoreApplication.translate("Conflicts", "Sent out as material"),
        EventType.REPURPOSED: QCoreApplication.translate("Conflicts", "Used in a product"),
        EventType.CORRECTED: QCoreApplication.translate("Conflicts", "Corrected"),
        EventType.INTAKE_CORRECTED: QCoreApplication.translate(
            "Conflicts", "Category or weight corrected"),
    }
    return names[kind]


class ConflictsScreen(ScanScreen):
    """The open conflicts, one big row each; a tap resolves one. Scans go elsewhere."""

    takes_scans = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.type_code_button.hide()  # nothing here is scanned
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.rows = touch_list(self)
        self.rows.setWordWrap(True)
        self.rows.setSpacing(mm(1))
        self.rows.itemClicked.connect(self._tapped)
        column = QVBoxLayout()
        column.setSpacing(mm(2))
        column.addWidget(self.title)
        column.addWidget(self.rows, 1)
        self.body.addLayout(column, 1)
        self.conflicts: list[Conflict] = []
        # The list is read when the screen is entered, never while the window is built: a
        # damaged file must still give the recovery screen, not a window that cannot start.
        self.entered = False
        self.retranslate()

    def enter(self, user: User, places: list[tuple[str, str]], here: str) -> None:
        super().enter(user, places, here)
        self.entered = True
        self.refresh()

    def retranslate(self) -> None:
        super().retranslate()
        if self.entered:
            self.refresh()

    def refresh(self) -> None:
        """Read the open conflicts again and show them."""
        self.conflicts = self.ctx.conflicts.open_conflicts()
        if self.conflicts:
            self.title.setText(self.tr("%n conflict(s) between stations. Tap one to choose "
                                       "which step stands.", "", len(self.conflicts)))
        else:
            self.title.setText(self.tr("No conflicts between stations."))
        self.rows.clear()
        newer = self.ctx.conflicts.newer_stations()
        if newer:  # first: until this PC is updated, its figures leave their steps out
            row = QListWidgetItem(self.newer_text(newer))
            row.setSizeHint(QSize(mm(150), mm(20)))
            self.rows.addItem(row)
        for one, other, _ in self.ctx.conflicts.shared_pins():  # first: it stops two logins
            row = QListWidgetItem(self.tr(
                "{one} and {other} have the same PIN since the stations met: neither can log "
                "in until one of them gets a new PIN (Settings).").format(one=one, other=other))
            row.setSizeHint(QSize(mm(150), mm(20)))
            self.rows.addItem(row)  # no index: a tap on it resolves nothing
        for letter, offset in self.ctx.conflicts.clocks_off():  # their changes' times
            row = QListWidgetItem(clock_text(offset, letter))
            row.setSizeHint(QSize(mm(150), mm(20)))
            self.rows.addItem(row)
        for index, conflict in enumerate(self.conflicts):
            row = QListWidgetItem(self.describe(conflict))
            row.setData(Qt.ItemDataRole.UserRole, index)
            row.setSizeHint(QSize(mm(150), mm(20)))  # two lines, a finger high and more
            self.rows.addItem(row)

    def newer_text(self, letters: list[str]) -> str:
        """Which stations run a newer Ambacht, and what that means for this PC's figures."""
        if len(letters) == 1:
            said = self.tr("Update Ambacht: station %1 uses a newer version.").replace(
                "%1", letters[0])
        else:
            said = self.tr("Update Ambacht: stations %1 use a newer version.").replace(
                "%1", ", ".join(letters))
        return said + "\n" + self.tr("%n step(s) wait here for it, kept, and count once this "
                                     "PC is updated.", "", self.ctx.conflicts.newer_waiting())

    def describe(self, conflict: Conflict) -> str:
        """Two lines: the item and the step without effect; what refused it."""
        return self.tr("{code}: {step}, not counted\nbecause before it: {cause}").format(
            code=conflict.code, step=self.step_text(conflict.step),
            cause=self.step_text(conflict.cause))

    def what(self, step: ConflictStep) -> str:
        """The step's kind; for a correction, the kind of step it cancelled (two
        coordinators' opposite resolutions are a conflict of two corrections)."""
        if step.cancels is None:
            return step_name(step.type)
        return self.tr("Cancellation of: {step}").format(step=step_name(step.cancels))

    def step_text(self, step: ConflictStep) -> str:
        local = step.at.astimezone(self.ctx.zone())
        return self.tr("{what} on {day} at {time}, station {station}, {person}").format(
            what=self.what(step), day=local.strftime("%d-%m-%Y"),
            time=local.strftime("%H:%M"), station=step.station, person=step.person)

    def _tapped(self, row: QListWidgetItem) -> None:
        index = row.data(Qt.ItemDataRole.UserRole)
        if index is None:  # colleagues who share a PIN: given a new one under Settings
            return
        conflict = self.conflicts[int(index)]
        keep_step = self.tr("Keep: {step} ({station}, {person})").format(
            step=self.what(conflict.step), station=conflict.step.station,
            person=conflict.step.person)
        keep_cause = self.tr("Keep: {step} ({station}, {person})").format(
            step=self.what(conflict.cause), station=conflict.cause.station,
            person=conflict.cause.person)
        options = [(conflict.cause.id, keep_step), (conflict.step.id, keep_cause)]
        if conflict.cause.type is EventType.INTAKE:
            options = options[1:]  # an intake cannot be cancelled
        panel = ChoicePanel(self, self.tr("{code}: which step stands? The other is cancelled.")
                            .format(code=conflict.code), options, self.tr("Cancel"), columns=1)
        panel.chosen.connect(partial(self._ask_reason, conflict))
        panel.open()

    def _ask_reason(self, conflict: Conflict, cancel: str) -> None:
        ask_reason(self, self.tr("Why? (kept in the history)"),
                   [self.tr("Checked on the spot"), self.tr("Recorded by mistake")],
                   partial(self._resolve, conflict, cancel))

    def _resolve(self, conflict: Conflict, cancel: str, reason: str) -> None:
        if self.user is None:
            return
        try:
            self.ctx.conflicts.resolve(self.user, cancel, reason)
        except AmbachtError as error:
            self.banner.error(self.ctx.language.error(error))
            return
        self.refresh()
        self.banner.ok(self.tr("Conflict of {code} resolved.").format(code=conflict.code))

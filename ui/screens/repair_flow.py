"""The repair-done flow on one panel: "Step 2 of 6" with the answers so far, the step's
choices or keypad, Back on every step after the first, and Cancel that asks first.

Each answer goes into the item's draft (`intake.repair_flow`) at once and `changed` tells the
workshop screen, which keeps the draft in the station's file (`intake.drafts`): a closed panel
(a logout, an idle logout, a scan of another item) or a restart loses none, and the next
"Repair done" on that item goes on where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.errors import AmbachtError
from intake.model import Item, RepairStatus
from intake.ords import PRODUCT_CATEGORIES
from intake.repair_flow import RepairDraft, Step, suggested_minutes
from intake.report_words import BARRIER_NAMES, barrier_name
from intake.units import parse_eur
from ui.context import AppContext
from ui.style import MIN_TARGET_MM, apart, mm
from ui.widgets.keyboard import TextEntryPanel
from ui.widgets.keypad import Keypad, shown
from ui.widgets.panels import ConfirmPanel, Panel, choose

OTHER = "\x00other"  # the key of the button that types or lists another answer
P = TypeVar("P", bound=Panel)


class RepairFlowPanel(Panel):
    """Asks the steps of one item's repair end; emits `changed` after each answer or Back,
    `finished` after the last answer, `switch(code)` when a scan of another item is
    confirmed, `discarded` on a confirmed cancel."""

    takes_scans = True  # a scan during the flow comes here and asks first (MainWindow.on_scan)
    changed = Signal()
    finished = Signal()
    switch = Signal(str)
    discarded = Signal()

    def __init__(self, host: QWidget, ctx: AppContext, item: Item, draft: RepairDraft) -> None:
        super().__init__(host, "")
        self.ctx, self.item, self.draft = ctx, item, draft
        self.brands, self.problems = ctx.workshop.suggestions(item)
        self._asking = False  # a confirmation is open over the flow
        self.progress = QLabel(self)
        self.progress.setProperty("role", "muted")
        self.progress.setWordWrap(True)
        self.message = QLabel(self)  # why the last answer was refused
        self.message.setProperty("role", "banner-error")
        self.message.setWordWrap(True)
        for label in (self.title, self.progress, self.message):
            label.setMaximumWidth(mm(200))
        # The refusal takes the progress line's place, in a slot two lines high from the
        # start, so that it never pushes the answers and OK down under a finger on its way
        # to tap them again.
        self.line = QStackedWidget(self)
        self.line.addWidget(self.progress)
        self.line.addWidget(self.message)
        self.line.setMaximumWidth(mm(200))
        self.message.ensurePolished()  # its style sheet's font
        self.line.setMinimumHeight(2 * QFontMetrics(self.message.font()).lineSpacing()
                                   + mm(4))  # the banner's padding
        self.body.addWidget(self.line)
        self.content: QWidget | None = None
        self.option_buttons: dict[str, QPushButton] = {}
        self._above: list[Panel] = []  # the keyboard, a long list or a question over the flow
        self.keypad: Keypad | None = None
        row = QHBoxLayout()
        row.setSpacing(apart())
        self.back_button = self.button(self.tr("Back"))
        self.back_button.clicked.connect(self.go_back)
        self.cancel_button = self.button(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.skip_button = self.button("")
        self.skip_button.clicked.connect(lambda: self.answer(""))
        self.ok_button = self.button(self.tr("OK"), "primary")
        self.ok_button.setMinimumWidth(mm(MIN_TARGET_MM))
        self.ok_button.clicked.connect(
            lambda: self.answer(self.keypad.text() if self.keypad else ""))
        for button in (self.back_button, self.cancel_button, self.skip_button, self.ok_button):
            row.addWidget(button)
        self.body.addLayout(row)
        self.show_step()

    # --- the steps -------------------------------------------------------------------------

    def show_step(self) -> None:
        """Show the draft's current step, with what was answered to it before."""
        number, total = self.draft.position()
        said = " · ".join(self._said(step, value) for step, value in self.draft.given())
        progress = (self.tr("Step {number}").format(number=number) if total is None else
                    self.tr("Step {number} of {total}").format(number=number, total=total))
        self.progress.setText(f"{progress}: {said}" if said else progress)
        self.back_button.setVisible(number > 1)
        if self.content is not None:  # the last step's buttons go at once, and are freed later
            self.content.hide()
            self.content.deleteLater()
        self.content = QWidget(self)
        self.body.insertWidget(self.body.indexOf(self.line) + 1, self.content)
        self.option_buttons, self.keypad = {}, None
        step = self.draft.current
        before = self.draft.answers.get(step)
        self.title.setText(self._question(step))
        skip = None
        if step is Step.STATUS:
            self._choices(self._statuses(), before, columns=3)
        elif step is Step.BARRIER:
            self._choices(self._barriers(), before)
        elif step is Step.SAFETY:
            self._choices([("pass", self.tr("Passed")), ("fail", self.tr("Failed"))], before)
        elif step is Step.PRICE:
            # The item's price, typed once, here: its own if it has one, else its category's
            # usual price (as the till offers it).
            price = self.item.price_cents
            if price is None:
                price = self.ctx.gate.category_of(self.item).price_cents
            self._number(before or (self._typed(price) if price is not None else ""),
                         decimals=2, max_digits=6, unit="€")
        elif step is Step.MINUTES:
            minutes = suggested_minutes(self.ctx.workshop.repair_started_at(self.item),
                                        self.ctx.clock.now())
            self._number(before or (str(minutes) if minutes else ""), max_digits=4)
        elif step is Step.PROBLEM:
            self._choices([(p, p) for p in self.problems] + [(OTHER, self.tr("Other…"))],
                          before)
            skip = None if self.draft.powered else self.tr("Not described")
        elif step is Step.BRAND:
            self._choices([(b, b) for b in self.brands] + [(OTHER, self.tr("Other…"))], before)
            skip = self.tr("Unknown")
        elif step is Step.YEAR:
            self._number(before or "", max_digits=4)
            skip = self.tr("Unknown")
        else:
            shortlist = self.ctx.language.ords_choices(self.ctx.workshop.products(self.item))
            self._choices([*shortlist, (OTHER, self.tr("Other product…"))], before)
        self.skip_button.setVisible(skip is not None)
        self.skip_button.setText(skip or "")
        self.content.show()  # a widget added to a shown panel shows only when told

    def _question(self, step: Step) -> str:
        return {
            Step.STATUS: self.tr("How did the repair of {code} end?"),
            Step.BARRIER: self.tr("Why can it not be repaired?"),
            Step.SAFETY: self.tr("Electrical safety test"),
            Step.PRICE: self.tr("Shop price (printed on the label)"),
            Step.MINUTES: self.tr("Minutes spent on the repair"),
            Step.PROBLEM: self.tr("What was the problem?"),
            Step.BRAND: self.tr("Brand"),
            Step.YEAR: self.tr("Year of manufacture"),
            Step.PRODUCT: self.tr("Which product is it?"),
        }[step].format(code=self.item.code)

    def _statuses(self) -> list[tuple[str, str]]:
        return [(RepairStatus.FIXED.value, self.tr("Fixed")),
                (RepairStatus.REPAIRABLE.value, self.tr("Repairable later")),
                (RepairStatus.END_OF_LIFE.value, self.tr("End of life"))]

    def _barriers(self) -> list[tuple[str, str]]:
        """The ORDS barriers in the user's words, as the reports name them."""
        lang = self.ctx.language.code
        return [(barrier.value, barrier_name(barrier, lang)) for barrier in BARRIER_NAMES]

    def _said(self, step: Step, value: str) -> str:
        """An answer as the summary shows it."""
        if not value:
            return "—"
        if step is Step.STATUS:
            return dict(self._statuses()).get(value, value)
        if step is Step.BARRIER:
            return dict(self._barriers()).get(value, value)
        if step is Step.SAFETY:
            return self.tr("test passed") if value == "pass" else self.tr("test failed")
        if step is Step.PRICE:
            return self.ctx.language.eur(parse_eur(value))
        if step is Step.MINUTES:
            return self.tr("{minutes} min").format(minutes=value)
        if step is Step.PRODUCT:
            return dict(self.ctx.language.ords_choices([value])).get(value, value)
        return value

    @staticmethod
    def _typed(cents: int) -> str:
        """Cents as the keypad types them ("12,50")."""
        return f"{cents // 100},{cents % 100:02d}"

    def _choices(self, options: list[tuple[str, str]], before: str | None, *,
                 columns: int = 2) -> None:
        """Big buttons; the answer given before is marked."""
        grid = QGridLayout(self.content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(mm(3))
        for index, (key, label) in enumerate(options):
            button = self.button(label)
            button.setMinimumWidth(mm(70))
            button.setCheckable(key == before)
            button.setChecked(key == before)
            button.clicked.connect(lambda _=False, k=key: self._chosen(k))
            self.option_buttons[key] = button
            grid.addWidget(button, index // columns, index % columns)
        self.ok_button.hide()

    def _number(self, prefill: str, *, decimals: int = 0, max_digits: int = 8,
                unit: str = "") -> None:
        """A keypad, with the suggested or earlier answer typed in already."""
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        display = QLabel(self.content)
        display.setProperty("role", "display")
        keypad = Keypad(decimals=decimals, max_digits=max_digits, parent=self.content)
        keypad.setMinimumSize(mm(80), mm(70))

        def typed(text: str) -> None:
            display.setText(f"{shown(text) or '—'} {unit}".strip())
            self.ok_button.setEnabled(bool(text))

        keypad.changed.connect(typed)
        typed("")
        for key in prefill:
            keypad.press(key)
        # A number offered is replaced by the first digit typed, as a selected field is; the
        # backspace edits it instead.
        offered = [bool(prefill)]

        def replace_offered(clear: bool) -> None:
            if offered[0]:
                offered[0] = False
                if clear:
                    keypad.clear()

        for key, button in keypad.buttons.items():
            button.pressed.connect(lambda k=key: replace_offered(k not in ("back", "clear")))
        column.addWidget(display)
        column.addWidget(keypad)
        self.keypad = keypad
        self.ok_button.show()

    def _chosen(self, key: str) -> None:
        if key != OTHER:
            self.answer(key)
        elif self.draft.current is Step.PRODUCT:
            every = sorted(self.ctx.language.ords_choices(PRODUCT_CATEGORIES),
                           key=lambda choice: choice[1].casefold())
            list_panel = self._over(
                choose(self, self._question(Step.PRODUCT), every, self.tr("Cancel")))
            list_panel.chosen.connect(self.answer)
            list_panel.open()
        else:
            before = self.draft.answers.get(self.draft.current, "")
            known = before in self.option_buttons
            typed = self._over(TextEntryPanel(
                self, self._question(self.draft.current), "" if known else before,
                max_length=200, note=self.tr("No names, please: the answers go into the "
                                             "repair records (ORDS export).")))
            typed.entered.connect(lambda text: self.answer(text.strip()))
            typed.open()

    def answer(self, value: str) -> None:
        """Take the answer to the current step, checked as far as it goes; then the next
        step, or `finished` after the last."""
        step = self.draft.current
        if step is Step.PROBLEM and self.draft.powered and not value:
            self.refuse(self.tr("Describe the problem: a powered product's repair record "
                                 "needs it."))
            return
        self.draft.answer(value)
        try:  # the service's own checks of what was typed: price, minutes, year
            self.ctx.workshop.outcome(**self.draft.outcome_fields())
        except AmbachtError as exc:
            self.draft.back()
            self.refuse(self.ctx.language.error(exc))
            return
        self.line.setCurrentWidget(self.progress)
        if self.draft.done:
            self.close_panel()
            self.finished.emit()
        else:
            self.changed.emit()
            self.show_step()

    def refuse(self, text: str) -> None:
        """Show the current step again with why its answer was refused."""
        self.show_step()
        self.message.setText(text)
        self.line.setCurrentWidget(self.message)

    def go_back(self) -> None:
        self.line.setCurrentWidget(self.progress)
        self.draft.back()
        self.changed.emit()
        self.show_step()

    # --- leaving ---------------------------------------------------------------------------

    def _over(self, panel: P) -> P:
        """Keep track of a panel opened over the flow, so that it closes with the flow."""
        self._above.append(panel)
        panel.closed.connect(lambda: panel in self._above and self._above.remove(panel))
        return panel

    def close_panel(self) -> None:
        for panel in list(self._above):
            panel.close_panel()
        super().close_panel()

    def cancel(self) -> None:
        """Leave the flow; answers given are thrown away only after asking."""
        if not self.draft.answers:
            self.close_panel()
            self.discarded.emit()
            return
        self._confirm(self.tr("Throw away the answers for {code}?").format(code=self.item.code),
                      self.tr("Throw away"), self.tr("Keep answering"), self.discarded.emit)

    def handle_scan(self, code: str) -> None:
        """Another item's label: ask before leaving this one (its answers are kept)."""
        if self._asking or code.strip().upper() == self.item.code:
            return
        self._confirm(self.tr("Repair of {code} not done yet: switch anyway?").format(
            code=self.item.code), self.tr("Switch"), self.tr("Stay"),
            lambda: self.switch.emit(code))

    def _confirm(self, question: str, yes: str, no: str, then: Callable[[], None]) -> None:
        self._asking = True
        ask_panel = self._over(ConfirmPanel(self, question, yes, no))

        def answered(sure: bool) -> None:
            self._asking = False
            if sure:
                self.close_panel()
                then()

        ask_panel.answered.connect(answered)
        ask_panel.open()

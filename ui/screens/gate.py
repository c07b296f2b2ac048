"""The gate screen: start a visit, then per item a category, a weight and a route.

With a standard weight an intake is three taps after the visit is open: tile, 'standard
weight', route. The item is committed before its label is queued for printing, so a jammed
printer never loses an item; the last label can be printed again from here.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.errors import AmbachtError, NeedsConfirmation
from intake.gate import IntakeRequest
from intake.model import Item, Route, User, Visit
from intake.registers import clean_serial
from ui.context import AppContext
from ui.device_messages import waiting_labels
from ui.screens.gate_items import ItemActions
from ui.screens.gate_parts import CategoryGrid, VisitStart, WeightRoutePanel
from ui.screens.gate_saved import SavedCard
from ui.screens.scan_screen import ScanScreen
from ui.sounds import SAVED
from ui.style import BUTTON_MM, apart, mm
from ui.widgets.base import FittingLabel
from ui.widgets.icons import icon
from ui.widgets.keyboard import SerialPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel
from ui.widgets.print_jobs import WaitingLabelsButton
from ui.widgets.reasons import enable


class GateScreen(ScanScreen):
    """Where the resource coach logs each donated item; a scan opens the item's card."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.visit: Visit | None = None
        self.visit_items = 0
        self.last_item: Item | None = None
        self.fresh_code = ""  # the item just saved, whose label's printing the banner reports
        self.left_open = False  # a logout left the visit open: the next coach is asked
        self.looked_for_open = False  # for a visit left open when the app stopped, once

        self.visit_start = VisitStart(self)
        self.visit_start.start.connect(self.start_visit)
        self.categories = CategoryGrid(self)
        self.categories.chosen.connect(self.choose_category)
        self.weight = WeightRoutePanel(ctx.language, ctx.devices.scale, self)
        self.weight.route_chosen.connect(self.choose_route)
        self.saved = SavedCard([self.weight.keypad, self.weight.standard_button], self.weight)
        self.saved.undo_clicked.connect(self.ask_undo)
        # Smaller letters rather than a taller bar that would squeeze the keypad above it.
        self.visit_label = FittingLabel(4.5, 3, self)
        self.visit_label.setFixedHeight(mm(BUTTON_MM))
        self.undo_button = self._bar_button("undo")
        self.undo_button.clicked.connect(self.ask_undo)
        # In the undo button's place while the visit has no item: a visit started by mistake.
        self.cancel_visit_button = self._bar_button("undo")
        self.cancel_visit_button.clicked.connect(self.ask_cancel_visit)
        self.reprint_button = self._bar_button("printer")
        self.reprint_button.clicked.connect(self.ask_reprint)
        self.waiting_labels = WaitingLabelsButton(ctx, self)
        self.end_button = self._bar_button("check", "#ffffff")
        self.end_button.setProperty("role", "primary")
        self.end_button.clicked.connect(self.ask_end_visit)

        intake_page = QWidget(self)
        work = QHBoxLayout()
        work.setSpacing(apart())
        tiles = QVBoxLayout()
        tiles.setSpacing(mm(1))
        tiles.addWidget(self.weight.hint)  # what to do next, above the tiles
        tiles.addWidget(self.categories, 1)
        work.addLayout(tiles, 3)
        work.addWidget(self.weight, 2)
        bar = QHBoxLayout()
        bar.setSpacing(apart())
        bar.addWidget(self.visit_label, 1)
        # Typing or photographing a code opens an item's card: seldom at the gate, so up in
        # the top bar, and the bar below keeps room for the visit's own buttons.
        for button in (self.type_code_button, self.search_button, self.camera_button):
            self.top.add_action(button)
        # Folded where the bar is too narrow for all three (a camera set up on a small panel).
        self.top.fold_name = lambda: self.tr("Code…")
        for button in (self.undo_button, self.cancel_visit_button, self.waiting_labels,
                       self.reprint_button,
                       self.end_button):
            bar.addWidget(button)
        intake_column = QVBoxLayout(intake_page)
        intake_column.setContentsMargins(0, 0, 0, 0)
        intake_column.setSpacing(apart())
        intake_column.addLayout(work, 1)
        intake_column.addLayout(bar)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.visit_start)
        self.pages.addWidget(intake_page)
        self.intake_page = intake_page
        self.body.addWidget(self.pages, 1)
        ctx.printer_queue.printed.connect(self._printed)
        self.item_actions = ItemActions(self, ctx, self.banner, lambda: self.user)
        self.item_actions.changed.connect(self._refresh)
        self.item_actions.relabel.connect(self.reprint)
        self.retranslate()

    def _bar_button(self, icon_name: str, colour: str = "#1a1a1a") -> QPushButton:
        button = QPushButton(self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setIcon(icon(icon_name, colour))
        button.setIconSize(QSize(mm(6), mm(6)))
        return button

    def retranslate(self) -> None:
        super().retranslate()
        self.undo_button.setText(self.tr("Undo last"))
        self.cancel_visit_button.setText(self.tr("Cancel visit"))
        self.reprint_button.setText(self.tr("Label again"))
        self.end_button.setText(self.tr("End visit"))
        if self.user is not None:
            self._refresh()


    # --- session ---------------------------------------------------------------------------

    def enter(self, user: User, places: list[tuple[str, str]], here: str) -> None:
        """Show the gate to `user`, at the visit start unless a visit is still open: then
        whoever comes next (a colleague, after an idle logout) continues it or ends it."""
        super().enter(user, places, here)
        if not self.looked_for_open:
            self.looked_for_open = True
            self.visit = self.visit or self.ctx.gate.open_visit()
            self.left_open = self.visit is not None
        self.visit_start.set_municipalities(self.ctx.gate.municipalities())
        self.categories.set_categories(self.ctx.gate.categories(), self.ctx.language.code)
        self._reset_item()
        self.pages.setCurrentWidget(self.intake_page if self.visit else self.visit_start)
        self._refresh()
        if self.left_open and self.visit is not None:
            self.ask_continue_visit()
        self.left_open = False

    def leave(self) -> None:
        """The user logs out. A visit still open stays open: the resident may still be
        unloading, and one resident must not count as two visits."""
        self.left_open = self.visit is not None
        super().leave()
        self.banner.hide()

    def ask_continue_visit(self) -> None:
        """A visit left open at logout: go on with it, or end it."""
        if self.visit is None:
            return
        panel = ConfirmPanel(
            self, self.tr("Visit {code} is still open ({count}). Is this resident still "
                          "here?").format(code=self.visit.code,
                                          count=self.tr("%n items", "", self.visit_items)),
            self.tr("Yes, continue it"), self.tr("No, end it"))
        panel.answered.connect(lambda yes: None if yes else self.end_visit())
        panel.open()

    # --- visits ----------------------------------------------------------------------------

    def start_visit(self, municipality: str | None) -> None:
        if self.user is None:
            return
        try:
            self.visit = self.ctx.gate.start_visit(self.user, municipality)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        self.visit_items = 0
        self.last_item = None
        self.banner.hide()
        self._reset_item()
        self.pages.setCurrentWidget(self.intake_page)
        self._refresh()

    def ask_end_visit(self) -> None:
        """Ending a visit with items asks first: the next item would start a new visit, and
        one resident would count as two."""
        if self.visit is None or self.visit_items == 0:
            self.end_visit()
            return
        panel = ConfirmPanel(self, self.tr("End visit {code}? {count} taken in.").format(
            code=self.visit.code, count=self.tr("%n items", "", self.visit_items)),
            self.tr("Yes, end it"), self.tr("No, go on"))
        panel.answered.connect(lambda yes: self.end_visit() if yes else None)
        panel.open()

    def end_visit(self) -> None:
        if self.visit is not None:
            try:
                self.ctx.gate.end_visit(self.visit)
            except AmbachtError as exc:  # its items are saved; only the end time is missing
                self.banner.error(self.ctx.language.error(exc))
            else:
                self.banner.ok(self.tr("Visit {code} ended · {count}").format(
                    code=self.visit.code, count=self.tr("%n items", "", self.visit_items)))
        self.visit = None
        self._reset_item()
        self.pages.setCurrentWidget(self.visit_start)
        self._refresh()

    def ask_cancel_visit(self) -> None:
        """Cancel the open visit, after a question: it was started by mistake."""
        if self.visit is None:
            return
        panel = ConfirmPanel(
            self, self.tr("Cancel visit {code}? It was started by mistake and will not count "
                          "as a visitor.").format(code=self.visit.code),
            self.tr("Yes, cancel the visit"), self.tr("No, keep it"))
        panel.answered.connect(lambda yes: self.cancel_visit() if yes else None)
        panel.open()

    def cancel_visit(self) -> None:
        if self.visit is None or self.user is None:
            return
        try:
            self.ctx.gate.cancel_visit(self.user, self.visit)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        self.banner.ok(self.tr("Visit {code} cancelled.").format(code=self.visit.code))
        self.visit = None
        self._reset_item()
        self.pages.setCurrentWidget(self.visit_start)
        self._refresh()

    # --- one item --------------------------------------------------------------------------

    def choose_category(self, code: str) -> None:
        self.saved.hide()  # the next item: the keypad is wanted again
        category = next((c for c in self.ctx.gate.categories() if c.code == code), None)
        self.weight.set_category(category)

    def choose_route(self, route: Route) -> None:
        """The last tap of an intake: check it, ask if the weight is odd, then save and print."""
        category = self.weight.category
        if category is None or self.user is None:
            return
        try:
            grams = self.weight.weight_g()
            request = self.ctx.gate.prepare(category.code, route, grams)
        except NeedsConfirmation as exc:
            panel = ConfirmPanel(
                self, self.ctx.language.error(exc), self.tr("Yes, it is right"),
                self.tr("No, change it"),
            )
            panel.answered.connect(
                lambda yes: self._save_confirmed(category.code, route, grams) if yes else None
            )
            panel.open()
            return
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        self._ask_serial(request)

    def _save_confirmed(self, code: str, route: Route, grams: int | None) -> None:
        try:
            request = self.ctx.gate.prepare(code, route, grams, confirmed=True)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        self._ask_serial(request)

    def _ask_serial(self, request: IntakeRequest, typed: str = "",
                    refused: str | None = None) -> None:
        """A category that asks for a number (police register): typed or scanned, or none;
        after a refusal, asked again with what was typed and why."""
        kind = self.ctx.registers.serial_kind(request.category.code)
        if kind is None:
            self._save(request)
            return
        panel = SerialPanel(self, kind, typed, refused)
        panel.entered.connect(lambda number: self._save_numbered(request, number))
        panel.open()

    def _save_numbered(self, request: IntakeRequest, number: str) -> None:
        try:
            serial = clean_serial(number) if number else None
        except AmbachtError as exc:  # asked again: the item is not saved yet
            self._ask_serial(request, number, self.ctx.language.error(exc))
            return
        self._save(replace(request, serial=serial))

    def _save(self, request: IntakeRequest) -> None:
        assert self.user is not None
        try:
            item = self.ctx.gate.take_in(self.user, request, self.visit)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        self.last_item = item
        self.weight.live.taken(item.weight_g)
        self.fresh_code = item.code
        self.banner.ok(self.tr("{code} saved · {summary} · printing label…").format(
            code=item.code, summary=self._summary(item)))
        self._reset_item()
        # Items at the centre with the same serial number: taken in twice?
        same = [] if request.serial is None else [
            o.code for o in self.ctx.registers.in_stock_with(request.serial, item.code)]
        self.saved.show_item(item.code, self._summary(item), same)
        self.play(SAVED)
        self._refresh()
        self.print_label(item)

    def _summary(self, item: Item) -> str:
        name = self.ctx.category_names().get(item.category, item.category)
        route = self.weight.route_buttons[item.route].text()
        weight = self.ctx.language.kg(item.weight_g, estimated=item.weight_estimated)
        return f"{name} · {weight} → {route}"

    # --- corrections -----------------------------------------------------------------------

    def ask_undo(self) -> None:
        if self.visit is None or self.visit_items == 0:
            return
        reasons = [
            self.tr("Wrong category"), self.tr("Wrong weight"), self.tr("Wrong route"),
            self.tr("Entered twice"), self.tr("Resident took it back"),
        ]
        last = self.ctx.gate.visit_items(self.visit)[0]  # the most recent first
        panel = ChoicePanel(
            self, self.tr("Undo {code} ({summary})? Choose why.").format(
                code=last.code, summary=self._summary(last)),
            [(reason, reason) for reason in reasons], self.tr("Cancel"),
        )
        panel.chosen.connect(self.undo_last)
        panel.open()

    def undo_last(self, reason: str) -> None:
        if self.visit is None or self.user is None:
            return
        try:
            item = self.ctx.gate.undo_last(self.user, self.visit, reason)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        self.saved.hide()
        if self.last_item is not None and self.last_item.code == item.code:
            self.last_item = None
        self.banner.ok(self.tr("{code} undone ({reason}).").format(code=item.code, reason=reason))
        self._refresh()

    # --- a scanned item -------------------------------------------------------------------

    def handle_scan(self, code: str) -> None:
        """Show a scanned item's card, with reprint and corrections (`ItemActions`)."""
        item = self.attempt(lambda: self.ctx.gate.item(code))
        if isinstance(item, Item):
            self.item_actions.show(item)

    # --- labels ----------------------------------------------------------------------------

    def ask_reprint(self) -> None:
        """Print a label again: the visit's only item or the last one, or one the coach picks
        from this visit (an undo leaves the others there to pick)."""
        items = self.ctx.gate.visit_items(self.visit) if self.visit is not None else []
        if len(items) <= 1:
            item = items[0] if items else self.last_item
            if item is not None:
                self.reprint(item)
            return
        panel = ChoicePanel(
            self, self.tr("Print which label again?"),
            [(item.code, f"{item.code} · {self._summary(item)}") for item in items[:8]],
            self.tr("Cancel"), columns=1,
        )
        by_code = {item.code: item for item in items}
        panel.chosen.connect(lambda code: self.reprint(by_code[code]))
        panel.open()

    def reprint(self, item: Item) -> None:
        """Print an item's label again, as the item is now, and say so."""
        now = self.attempt(lambda: self.ctx.gate.item(item.code))
        if not isinstance(now, Item):
            return
        if now.voided:
            self.banner.error(self.tr("{code} was voided: it gets no label.").format(
                code=now.code))
            return
        if self.print_label(now):
            self.banner.ok(self.tr("Label {code} sent again.").format(code=now.code))

    def _printed(self, code: str, _where: str) -> None:
        if code == self.fresh_code and self.last_item is not None and (
                self.last_item.code == code):
            self.fresh_code = ""
            self.banner.ok(self.tr("{code} saved · {summary} · label printed.").format(
                code=code, summary=self._summary(self.last_item)))

    def _print_failed(self, code: str, error: str) -> None:
        self.banner.error(self.tr(
            "{error} {code} is saved; tap '{button}' to try its label again."
        ).format(code=code, error=error,
                 button=waiting_labels(len(self.ctx.printer_queue.waiting()))))

    # --- showing ---------------------------------------------------------------------------

    def _reset_item(self) -> None:
        self.saved.hide()
        self.categories.clear()
        self.weight.set_category(None)

    def _refresh(self) -> None:
        today = self.ctx.gate.today()
        figures = self.tr("Today: {items} · {weight} · {visits}").format(
            items=self.tr("%n items", "", today.items), weight=self.ctx.language.kg(today.grams),
            visits=self.tr("%n visits", "", today.visits))
        self.top.figures.setText(figures)
        self.visit_start.today.setText(figures)
        if self.visit is not None:
            # Counted again each time: a correction on an item's card may have voided one.
            self.visit_items = len(self.ctx.gate.visit_items(self.visit))
            where = self.visit.municipality or self.tr("municipality unknown")
            self.visit_label.show_text(self.tr("Visit {code} · {where} · {count}").format(
                code=self.visit.code, where=where,
                count=self.tr("%n items", "", self.visit_items)))
        else:
            self.visit_items = 0
        if self.last_item is not None:
            # The item's card may have changed its route or voided it since: "Label again"
            # prints what the item is now, and never the label of a voided one.
            now = self.ctx.gate.item(self.last_item.code)
            self.last_item = None if now.voided else now
        self.undo_button.setEnabled(self.visit_items > 0)
        self.undo_button.setVisible(self.visit_items > 0)
        self.cancel_visit_button.setVisible(self.visit_items == 0)
        enable(self.reprint_button, self.visit_items > 0 or self.last_item is not None,
               self.tr("No label yet in this visit"))


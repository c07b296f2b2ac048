"""The workshop: scan an item, see its card and history, repair it, test it, price it, or make
a new product out of material items (repurpose)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from intake.errors import AmbachtError
from intake.model import Item, Status, User
from intake.ords import powered
from intake.repair_flow import RepairDraft
from intake.units import parse_eur
from ui.context import AppContext
from ui.screens.repair_flow import RepairFlowPanel
from ui.screens.scan_screen import ScanScreen
from ui.screens.shelf import ShelfView
from ui.widgets.item_card import ItemCard
from ui.widgets.keyboard import ask_reason
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel, MessagePanel


class WorkshopScreen(ScanScreen):
    """Acts on the item scanned last, or collects the items a new product is made from."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.card = ItemCard(ctx, self)
        self.shelf = ShelfView(ctx, self)  # shown while no item is open
        self.shelf.opened.connect(self.handle_scan)
        # Half-done repair records by item code: station-local, kept in the station's file at
        # each answer, so that a logout, a crash or a restart loses none of them and the next
        # visit to the item goes on where it stopped.
        self.drafts: dict[str, RepairDraft] = {d.code: d for d in ctx.drafts.repairs()}
        self._offer_drafts = bool(self.drafts)  # found at start: offered at the first entry
        self.hint = QLabel(self)
        self.hint.setProperty("role", "title")
        self.hint.setWordWrap(True)
        self.sources: list[Item] | None = None  # collecting for a new product when not None
        self.start_button = self.action_button(self.start_repair)
        self.finish_button = self.action_button(self.ask_outcome, "primary")
        self.safety_button = self.action_button(self.ask_safety)
        self.price_button = self.action_button(self.ask_price)
        self.repurpose_button = self.action_button(self.toggle_repurpose)
        self.correct_button = self.action_button(self.ask_correction)
        self.shelf_button = self.action_button(lambda: self.show_item(None))
        self.lay_out([(self.hint, 0), (self.card, 1), (self.shelf, 1)],
                     [self.shelf_button, self.start_button, self.finish_button,
                      self.safety_button, self.price_button, self.repurpose_button,
                      self.correct_button])
        self.retranslate()
        self.show_item(None)

    def retranslate(self) -> None:
        super().retranslate()
        self.start_button.setText(self.tr("Start repair"))
        self.finish_button.setText(self.tr("Repair done"))
        self.safety_button.setText(self.tr("Safety test"))
        self.price_button.setText(self.tr("Price and label"))
        self.correct_button.setText(self.tr("Correct last step"))
        self.shelf_button.setText(self.tr("Repair shelf"))
        self._show_mode()
        if self.card.item is not None:
            self.card.show_item(self.card.item)

    def _show_mode(self) -> None:
        item = self.card.item
        draft = self.drafts.get(item.code) if item is not None else None
        if self.sources is None:
            self.repurpose_button.setText(self.tr("Make a new product"))
            if item is None:
                self.hint.setText(self.tr("Scan an item's label, or tap one on the shelf"))
            elif draft is not None:
                self.hint.setText(self.tr("Repair record half done: 'Repair done' goes on at "
                                          "step {number}.").format(number=draft.position()[0]))
            self.hint.setVisible(item is None or draft is not None)
        else:
            self.repurpose_button.setText(self.tr("Make the product"))
            self.hint.setText(self.tr("Scan the items the product is made of: {codes}").format(
                codes=", ".join(i.code for i in self.sources) or "—"))
            self.hint.setVisible(True)

    def show_item(self, item: Item | None) -> None:
        """Open an item's card, or (None) show the repair shelf."""
        self.card.setVisible(item is not None)
        self.shelf.setVisible(item is None)
        self.shelf_button.setEnabled(item is not None)
        if item is not None:
            self.card.show_item(item)
            if item.status is not Status.IN_REPAIR and item.code in self.drafts:
                self._forget(item.code)  # finished elsewhere, or corrected
        else:
            self.card.item = None
            if self.user is not None:
                self.shelf.refresh()
        usable = item is not None and not item.voided
        status = item.status if item is not None else None
        electrical = item is not None and self.ctx.gate.category_of(item).is_electrical
        self.start_button.setEnabled(usable and status is Status.IN_STOCK)
        self.finish_button.setEnabled(usable and status is Status.IN_REPAIR)
        self.safety_button.setEnabled(usable and electrical
                                      and status in (Status.IN_STOCK, Status.IN_REPAIR))
        self.price_button.setEnabled(usable and status in (Status.IN_STOCK, Status.IN_REPAIR))
        self.correct_button.setEnabled(usable)
        self._show_mode()

    def enter(self, user: User, places: list[tuple[str, str]], here: str) -> None:
        super().enter(user, places, here)
        if self.card.item is None:
            self.shelf.refresh()
        if self._offer_drafts:
            self._offer_drafts = False
            self._offer_draft()

    def _offer_draft(self) -> None:
        """After a restart: offer to go on with the latest repair record left half done."""
        for code in list(self.drafts):
            try:
                item: Item | None = self.ctx.workshop.item(code)
            except AmbachtError:  # gone from this file (a restored backup)
                item = None
            if item is None or item.voided or item.status is not Status.IN_REPAIR:
                self._forget(code)
        if not self.drafts:
            return
        code, draft = next(iter(self.drafts.items()))
        question = self.tr("Go on with the repair of {code}? It stopped at step "
                           "{number}.").format(code=code, number=draft.position()[0])
        others = [c for c in self.drafts if c != code]
        if others:
            question += "\n" + self.tr("Also half done: {codes}").format(codes=", ".join(others))
        panel = ConfirmPanel(self, question, self.tr("Go on"), self.tr("Later"))
        panel.answered.connect(lambda yes: self._resume(code) if yes else None)
        panel.open()

    def _resume(self, code: str) -> None:
        self.handle_scan(code)
        if self.card.item is not None and self.card.item.code == code:
            self.ask_outcome()

    def handle_scan(self, code: str) -> None:
        item = self.attempt(lambda: self.ctx.workshop.item(code))
        if not isinstance(item, Item):
            return
        if self.sources is not None:
            if item.code not in {i.code for i in self.sources}:
                self.sources.append(item)
            self._show_mode()
            return
        self.banner.hide()
        self.show_item(item)

    def _refresh(self, item: Item | None, done: str) -> None:
        if item is not None:
            self.show_item(self.ctx.workshop.item(item.code))
            self.banner.ok(done)

    # --- steps -----------------------------------------------------------------------------

    def start_repair(self) -> None:
        item, user = self.card.item, self.user
        if item is None or user is None:
            return
        result = self.attempt(lambda: self.ctx.workshop.start_repair(user, item.code))
        self._refresh(result if isinstance(result, Item) else None,
                      self.tr("{code} is in repair.").format(code=item.code))

    def ask_outcome(self) -> None:
        """The repair-done flow, going on where this item's draft stopped."""
        item = self.card.item
        if item is None:
            return
        draft = self.drafts.get(item.code)
        if draft is None:
            category = self.ctx.gate.category_of(item)
            draft = self.drafts[item.code] = RepairDraft(
                item.code, electrical=category.is_electrical, powered=powered(category))
        self._open_flow(item, draft)

    def _open_flow(self, item: Item, draft: RepairDraft) -> RepairFlowPanel:
        panel = RepairFlowPanel(self, self.ctx, item, draft)
        panel.changed.connect(lambda: self._keep(draft))
        panel.finished.connect(lambda: self.finish(item, draft))
        panel.switch.connect(self.handle_scan)
        panel.discarded.connect(lambda: self._forget(item.code))
        panel.closed.connect(self._show_mode)
        panel.open()
        return panel

    def _keep(self, draft: RepairDraft) -> None:
        """Write the draft to the station's file; a refusal (a full disk) is shown, and the
        answers stay in memory. The hint behind the flow follows its step."""
        self.attempt(lambda: self.ctx.drafts.save_repair(draft))
        self._show_mode()

    def _forget(self, code: str) -> None:
        self.drafts.pop(code, None)
        self.attempt(lambda: self.ctx.drafts.drop_repair(code))
        self._show_mode()

    def finish(self, item: Item, draft: RepairDraft) -> None:
        """Record the flow's answers; a fixed, priced item gets its label. Refused, the flow
        opens again on its last step with the reason."""
        user = self.user
        if user is None:
            return
        try:
            outcome = self.ctx.workshop.outcome(**draft.outcome_fields())
            result = self.ctx.workshop.finish_repair(user, item.code, outcome)
        except AmbachtError as exc:
            draft.back()
            self._keep(draft)
            self._open_flow(item, draft).refuse(self.ctx.language.error(exc))
            return
        self._forget(item.code)
        # Said either way, so nobody waits at the printer for a label that is not coming;
        # a label that cannot even be queued says why after this, in red.
        labelled = result.price_cents is not None and result.route.value == "sale"
        self._refresh(result, (self.tr("Repair of {code} recorded · price label {price} "
                                       "printing…") if labelled else
                               self.tr("Repair of {code} recorded · no price label (not for "
                                       "sale, or no price).")).format(
            code=item.code, price=self.ctx.language.eur(result.price_cents or 0)))
        if labelled:
            self.print_label(result)
        if outcome.safety_test == "fail":
            self._advise_failed(result)

    def _advise_failed(self, item: Item) -> None:
        """A failed safety test: say what to do with the item, which now goes to material."""
        MessagePanel(
            self, self.tr("Do not sell {code}").format(code=item.code),
            self.tr("It failed the safety test, so it may not be sold or given away for use. "
                    "Write 'REJECTED' on its label and put it with the electrical waste for "
                    "material; it is now routed to material."),
            self.tr("OK")).open()

    def ask_safety(self) -> None:
        item, user = self.card.item, self.user
        if item is None or user is None:
            return
        panel = ChoicePanel(self, self.tr("Electrical safety test"),
                            [("pass", self.tr("Passed")), ("fail", self.tr("Failed"))],
                            self.tr("Cancel"))

        def tested(result: str) -> None:
            done = self.attempt(lambda: self.ctx.workshop.safety_test(user, item.code, result))
            if isinstance(done, Item):
                self._refresh(done, self.tr("Safety test recorded."))
                if result == "fail":
                    self._advise_failed(done)

        panel.chosen.connect(tested)
        panel.open()

    def ask_price(self) -> None:
        item, user = self.card.item, self.user
        if item is None or user is None:
            return
        panel = KeypadPanel(self, self.tr("Shop price"), decimals=2, max_digits=6, unit="€")

        def priced(text: str) -> None:
            result = self.attempt(
                lambda: self.ctx.workshop.set_price(user, item.code, parse_eur(text)))
            if isinstance(result, Item):
                self.print_label(result)
                self._refresh(result, self.tr("Price set; label printed."))

        panel.entered.connect(priced)
        panel.open()

    def ask_correction(self) -> None:
        item, user = self.card.item, self.user
        if item is None or user is None:
            return

        def correct(reason: str) -> None:
            result = self.attempt(lambda: self.ctx.workshop.correct_last(user, item.code, reason))
            if isinstance(result, tuple):
                self._refresh(result[0], self.tr("The last step was cancelled."))

        ask_reason(self, self.tr("Why cancel the last step?"),
                        [self.tr("Wrong item scanned"), self.tr("Wrong outcome chosen")],
                        correct)

    def toggle_repurpose(self) -> None:
        """First tap: start collecting material items; second tap: choose what was made."""
        if self.sources is None:
            self.sources = [self.card.item] if self.card.item is not None else []
            self._show_mode()
            return
        if not self.sources:
            self.sources = None
            self._show_mode()
            return
        options = [(c.code, c.name(self.ctx.language.code)) for c in self.ctx.gate.categories()]
        panel = ChoicePanel(self, self.tr("What was made?"), options, self.tr("Cancel"),
                            columns=3)
        panel.chosen.connect(self.make_product)
        panel.open()

    def make_product(self, category: str) -> None:
        user, sources = self.user, self.sources or []
        if user is None:
            return
        try:
            product = self.ctx.workshop.repurpose(user, [s.code for s in sources], category)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        self.sources = None
        self.print_label(product)
        self.show_item(product)
        self.banner.ok(self.tr("New product {code} made; label printed.").format(
            code=product.code))

    def leave(self) -> None:
        super().leave()
        self.sources = None
        self.show_item(None)

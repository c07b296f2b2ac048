"""The workshop: scan an item, see its card and history, repair it, test it, price it, or make
a new product out of material items (repurpose)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QWidget

from intake.errors import AmbachtError
from intake.model import Barrier, Item, RepairStatus, Status, User
from intake.ords import PRODUCT_CATEGORIES, powered
from intake.units import parse_eur
from ui.context import AppContext
from ui.screens.scan_screen import ScanScreen
from ui.widgets.base import touch_list
from ui.widgets.item_card import ItemCard
from ui.widgets.keyboard import ask_reason
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, choose


class WorkshopScreen(ScanScreen):
    """Acts on the item scanned last, or collects the items a new product is made from."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.card = ItemCard(ctx, self)
        self.queue = touch_list(self)  # the shelf, shown while no item is open
        self.queue.itemClicked.connect(
            lambda row: self.handle_scan(row.data(Qt.ItemDataRole.UserRole)))
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
        self.lay_out([(self.hint, 0), (self.card, 1), (self.queue, 1)],
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
        if self.sources is None:
            self.repurpose_button.setText(self.tr("Make a new product"))
            if self.card.item is None:
                self.hint.setText(self.tr("Scan an item's label, or tap one on the shelf"))
            self.hint.setVisible(self.card.item is None)
        else:
            self.repurpose_button.setText(self.tr("Make the product"))
            self.hint.setText(self.tr("Scan the items the product is made of: {codes}").format(
                codes=", ".join(i.code for i in self.sources) or "—"))
            self.hint.setVisible(True)

    def show_item(self, item: Item | None) -> None:
        """Open an item's card, or (None) show the repair shelf."""
        self.card.setVisible(item is not None)
        self.queue.setVisible(item is None)
        self.shelf_button.setEnabled(item is not None)
        if item is not None:
            self.card.show_item(item)
        else:
            self.card.item = None
            self._fill_queue()
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

    def _fill_queue(self) -> None:
        if self.user is None:
            return
        lang, zone = self.ctx.language, self.ctx.zone()
        names = self.ctx.category_names()
        self.queue.clear()
        for item in self.ctx.workshop.queue():
            where = self.tr("in repair") if item.status is Status.IN_REPAIR else self.tr(
                "waiting since {date}").format(date=lang.local(item.intake_at, zone, "%d-%m"))
            row = QListWidgetItem(f"{item.code}   {names.get(item.category, item.category)}   "
                                  f"{lang.kg(item.weight_g, estimated=item.weight_estimated)}"
                                  f"   ·   {where}")
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            self.queue.addItem(row)

    def enter(self, user: User, places: list[tuple[str, str]], here: str) -> None:
        super().enter(user, places, here)
        if self.card.item is None:
            self._fill_queue()

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
        statuses = [(RepairStatus.FIXED.value, self.tr("Fixed")),
                    (RepairStatus.REPAIRABLE.value, self.tr("Repairable later")),
                    (RepairStatus.END_OF_LIFE.value, self.tr("End of life"))]
        panel = ChoicePanel(self, self.tr("How did the repair end?"), statuses, self.tr("Cancel"),
                            columns=3)
        panel.chosen.connect(lambda status: self._ask_barrier({"status": status}))
        panel.open()

    def _ask_barrier(self, answers: dict[str, str]) -> None:
        if answers["status"] != RepairStatus.END_OF_LIFE.value:
            self._ask_safety_with(answers)
            return
        barriers = [
            (Barrier.SPARE_PARTS_NOT_AVAILABLE.value, self.tr("Spare parts not available")),
            (Barrier.SPARE_PARTS_TOO_EXPENSIVE.value, self.tr("Spare parts too expensive")),
            (Barrier.NO_WAY_TO_OPEN.value, self.tr("No way to open product")),
            (Barrier.REPAIR_INFO_NOT_AVAILABLE.value, self.tr("Repair information not available")),
            (Barrier.LACK_OF_EQUIPMENT.value, self.tr("Lack of equipment")),
            (Barrier.TOO_WORN_OUT.value, self.tr("Too worn out")),
        ]
        panel = ChoicePanel(self, self.tr("Why can it not be repaired?"), barriers,
                            self.tr("Cancel"))
        panel.chosen.connect(lambda barrier: self._ask_minutes({**answers, "barrier": barrier}))
        panel.open()

    def _ask_safety_with(self, answers: dict[str, str]) -> None:
        item = self.card.item
        if item is None or answers["status"] != RepairStatus.FIXED.value or not (
                self.ctx.gate.category_of(item).is_electrical):
            self._ask_price_with(answers)
            return
        panel = ChoicePanel(self, self.tr("Electrical safety test"),
                            [("pass", self.tr("Passed")), ("fail", self.tr("Failed"))],
                            self.tr("Cancel"))
        panel.chosen.connect(lambda result: self._ask_price_with({**answers, "safety": result}))
        panel.open()

    def _ask_price_with(self, answers: dict[str, str]) -> None:
        if answers["status"] != RepairStatus.FIXED.value or answers.get("safety") == "fail":
            self._ask_minutes(answers)
            return
        panel = KeypadPanel(self, self.tr("Shop price"), decimals=2, max_digits=6, unit="€")
        panel.entered.connect(lambda price: self._ask_minutes({**answers, "price": price}))
        panel.open()

    def _ask_minutes(self, answers: dict[str, str]) -> None:
        panel = KeypadPanel(self, self.tr("Minutes spent on the repair"), max_digits=4)
        panel.entered.connect(lambda minutes: self._ask_problem({**answers, "minutes": minutes}))
        panel.open()

    def _ask_problem(self, answers: dict[str, str]) -> None:
        """The fault, from those seen most in this category or typed; only an unpowered
        item's may be left out (the ORDS record of a powered one needs it)."""
        item = self.card.item
        if item is None:
            return
        brands, problems = self.ctx.workshop.suggestions(item)
        needed = powered(self.ctx.gate.category_of(item))

        def described(problem: str) -> None:
            if needed and not problem.strip():
                self.banner.error(self.tr("Describe the problem: a powered product's repair "
                                          "record needs it."))
                return
            ask_reason(self, self.tr("Brand"), brands,
                       lambda brand: self._ask_year({**answers, "problem": problem,
                                                     "brand": brand}),
                       skip=self.tr("Unknown"))

        ask_reason(self, self.tr("What was the problem?"), problems, described,
                   skip=None if needed else self.tr("Not described"))

    def _ask_year(self, answers: dict[str, str]) -> None:
        panel = KeypadPanel(self, self.tr("Year of manufacture"), max_digits=4,
                            skip=self.tr("Unknown"))
        panel.entered.connect(lambda year: self._ask_product({**answers, "year": year}))
        panel.open()

    def _ask_product(self, answers: dict[str, str]) -> None:
        """A powered item's ORDS product category: its category's and those its repairs
        named most, or any of the standard's list."""
        item = self.card.item
        if item is None or not powered(self.ctx.gate.category_of(item)):
            self.finish(answers)
            return
        every = sorted(self.ctx.language.ords_choices(PRODUCT_CATEGORIES),
                       key=lambda choice: choice[1].casefold())
        title = self.tr("Which product is it?")
        cancel = self.tr("Cancel")

        def chosen(product: str) -> None:
            if product:
                self.finish({**answers, "product": product})
                return
            product_panel = choose(self, title, every, cancel)
            product_panel.chosen.connect(lambda name: self.finish({**answers, "product": name}))
            product_panel.open()

        shortlist = self.ctx.workshop.products(item)
        if not shortlist:
            chosen("")
            return
        panel = ChoicePanel(self, title, [*self.ctx.language.ords_choices(shortlist),
                                          ("", self.tr("Other product…"))], cancel)
        panel.chosen.connect(chosen)
        panel.open()

    def finish(self, answers: dict[str, str]) -> None:
        """Record the outcome gathered by the panels; a fixed, priced item gets its label."""
        item, user = self.card.item, self.user
        if item is None or user is None:
            return

        def record() -> Item:
            price = parse_eur(answers["price"]) if answers.get("price") else None
            outcome = self.ctx.workshop.outcome(
                answers["status"], barrier=answers.get("barrier"),
                minutes=answers.get("minutes"), safety_test=answers.get("safety"),
                price_cents=price, problem=answers.get("problem") or None,
                brand=answers.get("brand") or None, year=answers.get("year") or None,
                product=answers.get("product"))
            return self.ctx.workshop.finish_repair(user, item.code, outcome)

        result = self.attempt(record)
        if isinstance(result, Item):
            if result.price_cents is not None and result.route.value == "sale":
                self.print_label(result)
            self._refresh(result, self.tr("Repair of {code} recorded.").format(code=item.code))

    def ask_safety(self) -> None:
        item, user = self.card.item, self.user
        if item is None or user is None:
            return
        panel = ChoicePanel(self, self.tr("Electrical safety test"),
                            [("pass", self.tr("Passed")), ("fail", self.tr("Failed"))],
                            self.tr("Cancel"))
        panel.chosen.connect(lambda result: self._refresh(
            self.attempt(lambda: self.ctx.workshop.safety_test(user, item.code, result)),
            self.tr("Safety test recorded.")))
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

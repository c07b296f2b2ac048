"""A scanned item's card over the gate, and what a coach may do with it there: print its label
again, change its route, put its category or weight right, cancel its last step, or void it.

Every correction is a new step with a reason (the history keeps what was); one that makes the
label wrong (route, category, weight) offers a new label at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from intake.errors import AmbachtError
from intake.model import Item, Route, User
from intake.units import parse_kg
from ui.context import AppContext
from ui.widgets.base import Banner
from ui.widgets.item_card import route_name
from ui.widgets.item_panel import ItemPanel
from ui.widgets.keyboard import ask_reason
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel, choose


class ItemActions(QObject):
    """Opens an item's card over `screen` and carries out what is asked on it, as `user()`.

    Emits `changed` after a correction (the screen shows its figures again) and `relabel(item)`
    when a new label is wanted."""

    changed = Signal()
    relabel = Signal(object)  # the Item as it is now

    def __init__(self, screen: QWidget, ctx: AppContext, banner: Banner,
                 user: Callable[[], User | None]) -> None:
        super().__init__(screen)
        self.screen, self.ctx, self.banner, self.user = screen, ctx, banner, user

    def show(self, item: Item) -> None:
        panel = ItemPanel(self.screen, self.ctx, item)
        panel.reprint.connect(self.relabel)
        panel.change_route.connect(self.ask_route_change)
        panel.correct.connect(self.ask_correction)
        panel.void.connect(self.ask_void)
        panel.open()

    def ask_route_change(self, item: Item) -> None:
        routes = [(route.value, route_name(route)) for route in Route if route is not item.route]
        panel = ChoicePanel(self.screen, self.tr("New route for {code}").format(code=item.code),
                            routes, self.tr("Cancel"))
        panel.chosen.connect(lambda route: ask_reason(
            self.screen, self.tr("Why another route?"),
            [self.tr("It is broken"), self.tr("It works after all"), self.tr("Wrong route")],
            lambda reason: self._correct(
                lambda user: self.ctx.gate.change_route(user, item.code, route, reason),
                self.tr("Route of {code} changed.").format(code=item.code), relabel=True)))
        panel.open()

    def ask_correction(self, item: Item) -> None:
        """What was wrong: the category, the weight, or the last step taken."""
        options = [("category", self.tr("Category")), ("weight", self.tr("Weight"))]
        if len(self.ctx.gate.history(item)) > 1:
            options.append(("last", self.tr("Cancel the last step")))
        panel = ChoicePanel(self.screen, self.tr("What is wrong with {code}?").format(
            code=item.code), options, self.tr("Cancel"))
        panel.chosen.connect(lambda what: {"category": self.ask_category,
                                           "weight": self.ask_weight,
                                           "last": self.ask_cancel_last}[what](item))
        panel.open()

    def ask_category(self, item: Item) -> None:
        lang = self.ctx.language.code
        options = [(c.code, c.name(lang)) for c in self.ctx.gate.categories()
                   if c.code != item.category]
        panel = choose(self.screen, self.tr("The right category for {code}").format(
            code=item.code), options, self.tr("Cancel"))
        panel.chosen.connect(lambda category: ask_reason(
            self.screen, self.tr("Why another category?"),
            [self.tr("Wrong tile tapped"), self.tr("Seen better now")],
            lambda reason: self._correct(
                lambda user: self.ctx.gate.correct_intake(user, item.code, reason,
                                                          category=category),
                self.tr("Category of {code} corrected.").format(code=item.code),
                relabel=True)))
        panel.open()

    def ask_weight(self, item: Item) -> None:
        now = self.ctx.language.kg(item.weight_g, estimated=item.weight_estimated)
        title = self.tr("The right weight of {code} (now {weight})")
        panel = KeypadPanel(self.screen, title.format(code=item.code, weight=now), decimals=3,
                            max_digits=7, unit="kg")

        def typed(text: str) -> None:
            try:
                grams = parse_kg(text)
            except AmbachtError as exc:
                self.banner.error(self.ctx.language.error(exc))
                return
            ask_reason(self.screen, self.tr("Why another weight?"),
                       [self.tr("Typed wrong"), self.tr("Weighed again")],
                       lambda reason: self._correct(
                           lambda user: self.ctx.gate.correct_intake(
                               user, item.code, reason, weight_g=grams),
                           self.tr("Weight of {code} corrected.").format(code=item.code),
                           relabel=True))

        panel.entered.connect(typed)
        panel.open()

    def ask_cancel_last(self, item: Item) -> None:
        ask_reason(self.screen, self.tr("Cancel the last step of {code}? Choose why.").format(
            code=item.code), [self.tr("Wrong item scanned"), self.tr("Entered twice")],
                   lambda reason: self._correct(
                       lambda user: self.ctx.gate.correct_last(user, item.code, reason),
                       self.tr("The last step of {code} was cancelled.").format(
                           code=item.code)))

    def ask_void(self, item: Item) -> None:
        ask_reason(self.screen, self.tr("Void {code}? Choose why.").format(code=item.code),
                   [self.tr("Entered twice"), self.tr("Resident took it back"),
                    self.tr("Not a donation")],
                   lambda reason: self._correct(
                       lambda user: self.ctx.gate.void(user, item.code, reason),
                       self.tr("{code} voided.").format(code=item.code)))

    def _correct(self, action: Callable[[User], object], done: str, *,
                 relabel: bool = False) -> None:
        """Run a correction; with `relabel`, the label on the item no longer says what it is
        now, so a new one is offered."""
        user = self.user()
        if user is None:
            return
        try:
            result = action(user)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        self.banner.ok(done)
        self.changed.emit()
        if relabel and isinstance(result, Item):
            panel = ConfirmPanel(self.screen, self.tr(
                "{done} The label on it is no longer right: print a new one?").format(
                done=done), self.tr("Yes, new label"), self.tr("No"))
            panel.answered.connect(lambda yes: self.relabel.emit(result) if yes else None)
            panel.open()

"""The Categories section's "ORDS" button: which product category of the Open Repair Data
Standard (`intake.ords`) a category's repairs are exported under, or none for goods without
power, which ORDS does not cover."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake.model import Category
from intake.ords import PRODUCT_CATEGORIES


class OrdsCategories:
    """Mixed into CategoriesSection, whose texts these are (the context of every translate
    call here, so that lupdate and the running app agree on it)."""

    def ords_name(self, category: Category) -> str:
        """A category's ORDS product category in the screen's language; '' for none."""
        name = category.ords_category
        return QCoreApplication.translate("Ords", name) if name else ""

    def start_ords(self) -> None:
        c = self.current()  # type: ignore[attr-defined]
        if c is None:
            return
        options = [("", QCoreApplication.translate("CategoriesSection",
                                                   "None (not a powered product)")),
                   *sorted(self.ctx.language.ords_choices(  # type: ignore[attr-defined]
                       PRODUCT_CATEGORIES), key=lambda choice: choice[1].casefold())]
        self.ask_choice(  # type: ignore[attr-defined]
            QCoreApplication.translate("CategoriesSection",
                                       "ORDS product category of {name}").format(name=c.name_nl),
            options, lambda name: self.confirm_earlier(  # type: ignore[attr-defined]
                "ords", c.code, lambda: self.attempt(  # type: ignore[attr-defined]
                    lambda: self.ctx.admin.set_category_ords(  # type: ignore[attr-defined]
                        self.actor, c.code, name),  # type: ignore[attr-defined]
                    QCoreApplication.translate("CategoriesSection", "Saved.")),
                changed=name != c.ords_category),
            current=c.ords_category)

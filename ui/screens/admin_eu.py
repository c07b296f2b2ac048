"""The Categories section's "EU category" button: which of the five EU re-use categories
(Commission Implementing Decision (EU) 2021/19) a category's kilos are reported under
(`intake.eu_reuse`, docs/figures.md)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from intake.eu_reuse import EuCategory, eu_mapping


class EuCategories:
    """Mixed into CategoriesSection, whose texts these are (the context of every translate
    call here, so that lupdate and the running app agree on it)."""

    def eu_names(self) -> dict[str, str]:
        return {
            EuCategory.TEXTILES: QCoreApplication.translate("CategoriesSection", "Textiles"),
            EuCategory.EEE: QCoreApplication.translate(
                "CategoriesSection", "Electrical and electronic equipment"),
            EuCategory.FURNITURE: QCoreApplication.translate("CategoriesSection", "Furniture"),
            EuCategory.CONSTRUCTION: QCoreApplication.translate(
                "CategoriesSection", "Construction materials and products"),
            EuCategory.OTHER: QCoreApplication.translate("CategoriesSection", "Other products"),
        }

    def eu_of(self) -> dict[str, EuCategory]:
        """Each category's EU category, as the reports count it."""
        return eu_mapping(self.ctx.settings(),  # type: ignore[attr-defined]
                          self.ctx.admin.categories())  # type: ignore[attr-defined]

    def start_eu(self) -> None:
        c = self.current()  # type: ignore[attr-defined]
        if c is None:
            return
        self.ask_choice(  # type: ignore[attr-defined]
            QCoreApplication.translate("CategoriesSection",
                                       "EU re-use category of {name}").format(name=c.name_nl),
            list(self.eu_names().items()),
            lambda eu: self.confirm_earlier(  # type: ignore[attr-defined]
                "eu", c.code, lambda: self.attempt(  # type: ignore[attr-defined]
                    lambda: self.ctx.admin.set_category_eu(  # type: ignore[attr-defined]
                        self.actor, c.code, eu),  # type: ignore[attr-defined]
                    QCoreApplication.translate("CategoriesSection", "Saved.")),
                changed=eu != self.eu_of().get(c.code)),
            current=self.eu_of()[c.code])

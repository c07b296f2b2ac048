"""Languages of the app: Dutch by default, English as a setting.

Source strings in the code are English; `translations/ambacht_nl.qm` (compiled from the .ts by
`python ui/translations/build.py`) turns them into Dutch. Error messages from the services are
translated here through the same files (context "Errors").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from intake.errors import CONTEXT, AmbachtError
from intake.units import format_eur, format_kg

NBSP = "\u00a0"  # a space that a wrapping label does not break at

I18N_DIR = Path(__file__).with_name("translations")
_INSTALLED: list[QTranslator] = []  # the translator the application uses now
LANGUAGES = ("nl", "en")


def unbreakable(text: str) -> str:
    """The text with its spaces non-breaking: a number and its unit stay on one line in a
    label that wraps ("Verkocht voor € 3,00", "~2 kg"). Screens only: printed labels, receipts
    and files keep plain spaces."""
    return text.replace(" ", NBSP)


class Language:
    """The current language and the translator that provides it."""

    def __init__(self) -> None:
        self.code = "en"
        self._translator: QTranslator | None = None

    def apply(self, code: str) -> None:
        """Switch the app to `code`; widgets retranslate on QEvent.LanguageChange."""
        app = QCoreApplication.instance()
        # One translator per application, whichever Language object installed it.
        while _INSTALLED and app is not None:
            app.removeTranslator(_INSTALLED.pop())
        self._translator = None
        if code in LANGUAGES:
            translator = QTranslator()
            if not translator.load(str(I18N_DIR / f"ambacht_{code}.qm")):
                raise FileNotFoundError(I18N_DIR / f"ambacht_{code}.qm")
            if app is not None:
                app.installTranslator(translator)
                _INSTALLED.append(translator)
            self._translator = translator
        self.code = code if code in LANGUAGES else "en"
        language = QLocale.Language.Dutch if code == "nl" else QLocale.Language.English
        QLocale.setDefault(QLocale(language))

    def kg(self, grams: int, *, estimated: bool = False) -> str:
        """A weight on screen: its number and "kg" never on two lines."""
        return unbreakable(format_kg(grams, self.code, estimated=estimated))

    def eur(self, cents: int) -> str:
        """An amount on screen: "€" and its number never on two lines."""
        return unbreakable(format_eur(cents, self.code))

    def local(self, moment: datetime, zone: ZoneInfo, fmt: str = "%d-%m-%Y %H:%M") -> str:
        """A stored UTC time as the site's local time."""
        return moment.astimezone(zone).strftime(fmt)

    def error(self, error: AmbachtError) -> str:
        """A service's refusal in this language."""
        return error.render(lambda text: QCoreApplication.translate(CONTEXT, text), self.kg,
                            self.eur)

    def ords_choices(self, names: Iterable[str]) -> list[tuple[str, str]]:
        """ORDS product categories as choices: the standard's name (what is stored) and its
        name in this language, in the order given."""
        return [(name, QCoreApplication.translate("Ords", name)) for name in names]

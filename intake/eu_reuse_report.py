"""The EU re-use report (`intake.eu_reuse`) as a sheet of the workbook and a page of the PDF.

Both are made from the same sections (a title, a header, rows and each column's number
format), in Dutch or English words from the table here, as the other exports: a file is read
outside the app. What the period does not count is an empty cell (–), never 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph

from intake.counting import COUNTING_RULES
from intake.eu_reuse import DECISION, QUALITY_TEXT, EuReuse, eu_name
from intake.figure_changes import figure_change
from intake.report_words import Wording, shown

WORDS = {
    "nl": {"sheet": "EU-hergebruik", "title": "EU-hergebruik (Uitvoeringsbesluit (EU) 2021/19)",
           "per_eu": "Hergebruikt per EU-categorie", "eu": "EU-categorie", "tonnes": "Ton",
           "total": "Totaal", "per_category": "Per categorie van Ambacht",
           "category": "Categorie", "quality": "Kwaliteitscontrole", "figure": "Kengetal",
           "value": "Waarde", "weighed": "Aandeel gewogen", "estimated": "Aandeel geschat",
           "t_weighed": "Ton gewogen", "t_estimated": "Ton geschat",
           "version": "Versie standaardgewichten",
           "changed": "Laatst gewijzigd (tot het eind van de periode)",
           "never": "niet sinds het begin", "rules": "Versie telregels",
           "weights": "Standaardgewichten aan het eind van de periode", "code": "Code",
           "name": "Naam", "in_period": "Gewijzigd in de periode",
           "see_changes": "{count} (zie de wijzigingen van methode)",
           "kg": "Kg", "co2": "CO2-factoren", "factor": "Kg CO2 per kg", "source": "Bron",
           "changes": "Wijzigingen van methode in of na de periode", "at": "Wanneer",
           "what": "Wat", "old": "Oud", "new": "Nieuw", "none": "geen",
           "sources": "Gegevensbronnen", "methods": "Methode",
           "period": "Periode", "site": "Locatie", "decision": "Besluit"},
    "en": {"sheet": "EU re-use", "title": "EU re-use (Implementing Decision (EU) 2021/19)",
           "per_eu": "Re-used per EU category", "eu": "EU category", "tonnes": "Tonnes",
           "total": "Total", "per_category": "Per Ambacht category",
           "category": "Category", "quality": "Quality check", "figure": "Figure",
           "value": "Value", "weighed": "Share weighed", "estimated": "Share estimated",
           "t_weighed": "Tonnes weighed", "t_estimated": "Tonnes estimated",
           "version": "Standard weights' version",
           "changed": "Last changed (by the period's end)",
           "never": "not since the start", "rules": "Counting rules version",
           "weights": "Standard weights at the period's end", "code": "Code",
           "name": "Name", "in_period": "Changed within the period",
           "see_changes": "{count} (see the method changes)",
           "kg": "Kg", "co2": "CO2 factors", "factor": "Kg CO2 per kg", "source": "Source",
           "changes": "Method changes in or after the period", "at": "When",
           "what": "What", "old": "Old", "new": "New", "none": "none",
           "sources": "Data sources", "methods": "Methods",
           "period": "Period", "site": "Site", "decision": "Decision"},
}
TONNES = "0.000"  # tonnes to the kilo
SHARE = "0.0%"


@dataclass(frozen=True)
class Section:
    """One table of the EU report: its title, header, rows and each column's number format
    ('@' for text)."""

    title: str
    header: list[str]
    rows: list[list[Any]]
    formats: list[str]
    widths_mm: tuple[int, ...]  # on the PDF's page, 174 mm wide (without a code column)
    value_formats: tuple[str, ...] = ()  # if given, the second column's format row by row
    # The first column is a category's code: the workbook keeps it beside the name, the
    # PDF's page shows the name alone.
    codes: bool = False

    def cell_formats(self, index: int) -> list[str]:
        """The number formats of row `index`'s cells."""
        if not self.value_formats:
            return self.formats
        return [self.formats[0], self.value_formats[index], *self.formats[2:]]


def _t(grams: int, counted: bool) -> float | None:
    return grams / 1_000_000 if counted else None


def sections(eu: EuReuse, wording: Wording) -> list[Section]:
    """The EU report's tables: per EU category, per Ambacht category, the quality check,
    the standard weights, the CO2 factors and the method changes, in `wording`'s language
    and local time."""
    lang = wording.lang
    words = WORDS.get(lang, WORDS["nl"])
    counted = eu.counted
    grams = eu.grams
    names = {c.code: c.name(lang) for c in eu.report.categories}
    quality: list[list[Any]] = [
        [words["weighed"], eu.weighed_share if counted else None],
        [words["estimated"], eu.estimated_share if counted else None],
        [words["t_weighed"], _t(eu.grams_weighed, counted)],
        [words["t_estimated"], _t(eu.grams_estimated, counted)],
        [words["version"], eu.weights_version],
        [words["changed"], words["never"] if eu.weights.last_changed is None
         else wording.time(eu.weights.last_changed)],
        [words["in_period"], words["see_changes"].format(count=len(eu.weights.changes))
         if eu.weights.changes else words["none"]],
        [words["rules"], str(COUNTING_RULES)],
    ]
    return [
        Section(words["per_eu"], [words["eu"], words["tonnes"]],
                [*[[eu_name(category, lang), _t(value, counted)]
                   for category, value in grams.items()],
                 [words["total"], _t(sum(grams.values()), counted)]], ["@", TONNES],
                (110, 40)),
        Section(words["per_category"], [words["category"], words["eu"], words["tonnes"]],
                [[names[c.code], eu_name(eu.mapping[c.code], lang),
                  _t(eu.grams_by_category.get(c.code, 0), counted)]
                 for c in eu.report.categories], ["@", "@", TONNES], (60, 80, 34)),
        Section(words["quality"], [words["figure"], words["value"]], quality, ["@", "@"],
                (80, 94), (SHARE, SHARE, TONNES, TONNES, "@", "@", "@", "@")),
        Section(words["weights"], [words["code"], words["name"], words["kg"]],
                [[c.code, names[c.code], eu.weights.grams[c.code] / 1000]
                 for c in eu.report.categories if c.code in eu.weights.grams],
                ["@", "@", "0.000"], (134, 40), codes=True),
        Section(words["co2"], [words["code"], words["name"], words["factor"], words["source"]],
                [[c.code, names[c.code], c.co2_factor, c.co2_source]
                 for c in eu.report.categories], ["@", "@", "0.00", "@"], (42, 30, 102),
                codes=True),
        Section(words["changes"], [words["at"], words["what"], words["old"], words["new"]],
                [[wording.time(at), *described(what, old, new, lang, names)]
                 for at, what, old, new in eu.changes] or [[words["none"], "", "", ""]],
                ["@", "@", "@", "@"], (45, 59, 35, 35)),
    ]


def described(what: str, old: str, new: str, lang: str,
              names: dict[str, str]) -> list[str]:
    """A method change's what, old and new value in words of `lang` (`names`: category code ->
    name), as a later export's list of changes words them."""
    change = figure_change(what, old, new)
    if change is None:
        return [what, old, new]
    return [change.title(lang, names), *change.values(lang)]


def texts(lang: str) -> list[tuple[str, list[str]]]:
    """The quality check's texts: (heading, paragraphs) for the sources and the methods."""
    words = WORDS.get(lang, WORDS["nl"])
    text = QUALITY_TEXT.get(lang, QUALITY_TEXT["nl"])
    return [(words["sources"], text["sources"]), (words["methods"], text["methods"])]


def eu_sheet(book: Any, eu: EuReuse | None, wording: Wording,
             rows: Callable[[Any, list[str], Sequence[Sequence[object]], list[str]], None],
             append: Callable[[Any, Sequence[object]], None]) -> None:
    """The workbook's EU re-use sheet, written with the workbook's own helpers."""
    if eu is None:
        return
    lang = wording.lang
    words = WORDS.get(lang, WORDS["nl"])
    sheet = book.create_sheet(words["sheet"])
    report = eu.report
    rows(sheet, [words["title"], ""],
         [[words["decision"], DECISION.get(lang, DECISION["nl"])], [words["site"], report.site],
          [words["period"], f"{report.period.first.isoformat()} – "
                            f"{report.period.last.isoformat()}"]], ["@", "@"])
    for section in sections(eu, wording):
        append(sheet, [])
        append(sheet, [section.title])
        append(sheet, section.header)
        for index, row in enumerate(section.rows):
            append(sheet, row)
            for column, number_format in enumerate(section.cell_formats(index), start=1):
                sheet.cell(sheet.max_row, column).number_format = number_format
    for heading, paragraphs in texts(lang):
        append(sheet, [])
        append(sheet, [heading])
        for paragraph in paragraphs:
            append(sheet, [paragraph])


def eu_page(eu: EuReuse | None, wording: Wording, styles: tuple[Any, Any, Any],
            table: Callable[[list[list[Any]], list[float], int | None], Any]) -> list[Any]:
    """The PDF's EU re-use page: a new page with each section as a table and the quality
    check's texts. `styles` are the report's (title, heading, body) paragraph styles;
    `table(rows, widths, numbers_from)` (the columns from `numbers_from` on are numbers,
    right-aligned) is its own."""
    if eu is None:
        return []
    title, heading, body = styles
    lang = wording.lang
    words, decision = WORDS.get(lang, WORDS["nl"]), DECISION.get(lang, DECISION["nl"])
    report = eu.report
    story: list[Any] = [PageBreak(), Paragraph(escape(words["sheet"]), title),
                        Paragraph(escape(f"{report.site} · {decision}"), body)]
    for section in sections(eu, wording):
        first = 1 if section.codes else 0  # a category by its name alone
        cells = [[shown(value, number_format, lang) if number_format != "@" or value is None
                  else Paragraph(escape(str(value)), body)
                  for value, number_format in zip(row[first:],
                                                  section.cell_formats(index)[first:],
                                                  strict=True)]
                 for index, row in enumerate(section.rows)]
        formats = section.formats[first:]
        numbers_from = next((i for i in range(1, len(formats)) if "@" not in formats[i:]),
                            None)
        story.append(KeepTogether([Paragraph(escape(section.title), heading),
                                   table([section.header[first:], *cells],
                                         [w * mm for w in section.widths_mm], numbers_from)]))
    for text_heading, paragraphs in texts(lang):
        story += [Paragraph(escape(text_heading), heading),
                  *[Paragraph(escape(paragraph), body) for paragraph in paragraphs]]
    return story

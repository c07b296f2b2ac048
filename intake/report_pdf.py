"""The monitoring report as a PDF for the council: site, period, key figures (beside the
baseline when asked), charts of kg in and out per week and of the R-ladder, the categories,
the material recipients, how CO2 avoided is counted, the method page (which follows
docs/figures.md), the EU re-use page and where the report comes from. Dutch, or English when
asked."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, tzinfo
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from intake.comparisons import RATES, change_pp, is_counted, pace_change
from intake.counting import COUNTING_RULES
from intake.eu_reuse import EuReuse
from intake.eu_reuse_report import eu_page
from intake.exports import COLUMNS, TARGET_NAMES, comparisons, days_note, wording
from intake.monitoring import Report, TargetProgress, rungs
from intake.people_report import WORDS as PEOPLE_WORDS
from intake.people_report import course_rows, kind_rows, notes
from intake.provenance import Provenance, provenance_rows
from intake.report_formats import figures_json, totals_json
from intake.report_words import shown as _shown
from intake.units import format_number
from labels.geometry import fonts

TEXT = {
    "nl": {
        "title": "Monitoringsrapportage", "period": "Periode", "key": "Kerncijfers",
        "figure": "Kengetal", "value": "Waarde", "baseline": "Nulmeting", "change": "Verschil",
        "year_before": "Jaar eerder", "targets": "Doelen {year} (t/m {day})",
        "target": "Doel", "goal": "Streefwaarde", "reached": "Bereikt", "share": "% van doel",
        "weekly": "Kilo's in en hergebruikt per week",
        "in": "Kg in", "reused": "Kg hergebruikt",
        "ladder": "R-ladder: wat er met de kilo's gebeurde",
        "sold_as_is": "Verkocht zoals het was", "sold_after_repair": "Verkocht na reparatie",
        "sold_products": "Verkocht als eigen product", "reuse": "Naar hergebruik",
        "recycling": "Naar recycling", "residual": "Naar restafval",
        "lost_in_making": "Verloren bij het maken", "categories": "Per categorie",
        "category": "Categorie", "recipients": "Materiaal per afnemer", "recipient": "Afnemer",
        "co2": "Zo is de vermeden CO2 berekend",
        "co2_text": "Vermeden CO2 = elke kilo hergebruikt (netto, na retour) x de factor van "
                    "zijn categorie. De factoren en hun bronnen:",
        "factor": "Kg CO2 per kg", "source": "Bron",
        "method": "Zo is geteld (telregels versie {rules})",
        "notes": (
            "Alle cijfers komen uit de geregistreerde stappen per item, per lokale kalenderdag. "
            "Vervallen items en geannuleerde stappen tellen niet mee; een retour haalt de "
            "verkoop terug. Een stap telt zoals hij was toen hij gebeurde.\n\n"
            "Elke gram telt één keer: kg in (aan de poort, gelabeld in de winkel, en gewogen "
            "partijen) = op voorraad + verkocht zoals het was + verkocht na reparatie + in "
            "eigen producten + verloren bij het maken + naar afnemers per soort (hergebruik, "
            "recycling, restafval). Een eigen product telt zijn eigen kilo's; de bronnen niet "
            "nog eens.\n\n"
            "Kg hergebruikt = kg verkocht + kg naar afnemers die hergebruiken. "
            "Hergebruikpercentage = kg hergebruikt / kg in. Milieurendement = van wat het "
            "centrum verliet, het deel dat hergebruikt of gerecycled werd (0 tot 100 %).\n\n"
            "Een retour telt op zijn eigen dag: waar retouren de verkoop overtreffen, staan kg "
            "verkocht en hergebruikt negatief en zijn hergebruikpercentage en milieurendement "
            "leeg (–). Verloren bij het maken telt alleen voor het geheel (en per week), niet "
            "per categorie, route of gemeente.\n\n"
            "Bezoeken tellen alleen met een item dat blijft staan. Vergelijkingen: aantallen "
            "en kilo's per dag, percentages in procentpunten (pp); de dagen tellen vanaf de "
            "eerste registratie; een lopende periode tegen evenveel dagen ervoor. Niet geteld "
            "is leeg (–), nooit 0."
        ),
        "none": "geen", "provenance": "Herkomst van dit rapport",
        "days_counted": "{days} dagen geteld", "day_counted": "1 dag geteld",
        "not_counted": "Niet geteld: deze periode eindigde vóór de eerste registratie in dit "
                       "bestand. De cijfers zijn leeg (–), niet 0.",
    },
    "en": {
        "title": "Monitoring report", "period": "Period", "key": "Key figures",
        "figure": "Figure", "value": "Value", "baseline": "Baseline", "change": "Change",
        "year_before": "A year earlier", "targets": "Targets {year} (up to {day})",
        "target": "Target", "goal": "Goal", "reached": "Reached", "share": "% of goal",
        "weekly": "Kg in and reused per week",
        "in": "Kg in", "reused": "Kg reused",
        "ladder": "R-ladder: what happened to the kilos",
        "sold_as_is": "Sold as it was", "sold_after_repair": "Sold after repair",
        "sold_products": "Sold as a product made here", "reuse": "Out for reuse",
        "recycling": "Out for recycling", "residual": "Out as residual waste",
        "lost_in_making": "Lost in making", "categories": "Per category",
        "category": "Category", "recipients": "Material per recipient", "recipient": "Recipient",
        "co2": "How CO2 avoided is counted",
        "co2_text": "CO2 avoided = each kilo reused (net of returns) x its category's factor. "
                    "The factors and their sources:",
        "factor": "Kg CO2 per kg", "source": "Source",
        "method": "How the figures are counted (counting rules version {rules})",
        "notes": (
            "Every figure is counted from the recorded steps of each item, per local calendar "
            "day. Voided items and cancelled steps count nowhere; a return takes its sale back. "
            "A step counts as it was when it happened.\n\n"
            "Every gram counts once: kg in (at the gate, labelled in the store, and weighed "
            "batches) = in stock + sold as it was + sold after repair + in products made here "
            "+ lost in making + out to recipients by kind (reuse, recycling, residual waste). "
            "A product made here counts its own kilos; its sources are not counted again.\n\n"
            "Kg reused = kg sold + kg to recipients who reuse. Reuse rate = kg reused / kg in. "
            "Environmental yield = of what left the centre, the share reused or recycled "
            "(0 to 100 %).\n\n"
            "A return counts on its own day: where returns outweigh sales, kg sold and kg "
            "reused are negative and the reuse rate and the environmental yield are empty (–). "
            "Lost in making counts for the whole (and per week), not per category, route or "
            "municipality.\n\n"
            "Visits count only with an item that stands. Comparisons: counts and kilos per day, "
            "rates in percentage points (pp); days count from the first record; a running "
            "period against as many days before. What is not counted is empty (–), never 0."
        ),
        "none": "none", "provenance": "Where this report comes from",
        "days_counted": "{days} days counted", "day_counted": "1 day counted",
        "not_counted": "Not counted: this period ended before the first record in this file. "
                       "Its figures are empty (–), not 0.",
    },
}
INK, GREEN, BLUE, ORANGE, GREY = (colors.HexColor(c) for c in (
    "#111111", "#0b7a2a", "#1f4fb8", "#c25400", "#6b6b6b"))


def render_report_pdf(
    report: Report, baseline: Report | None = None, lang: str = "nl", *,
    year_before: Report | None = None, targets: TargetProgress | None = None,
    provenance: Provenance | None = None, eu: EuReuse | None = None, zone: tzinfo,
) -> bytes:
    """The report as PDF bytes: beside the baseline and the same period a year earlier when
    given, with the year's targets when set, the EU re-use page and where it comes from when
    given; times in the site's `zone`, and the file's own creation date the provenance's."""
    words = TEXT.get(lang, TEXT["nl"])
    said = wording(lang, zone)
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13)
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=20, leading=24)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=13, leading=18,
                             spaceBefore=8, spaceAfter=4)
    out = io.BytesIO()
    # The file's creation date is when the report was made, by the clock the provenance
    # read (fixed in tests): reportlab's own clock is kept out (invariant), the date set in.
    # Only a report without a provenance (a test, a bench) takes reportlab's clock.
    made = None if provenance is None else _pdf_date(provenance.made_at, zone)
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm, invariant=made is not None,
                            title=f"{words['title']} {report.site}", creator="Ambacht")
    period = f"{_day(report.period.first)} – {_day(report.period.last)}"
    story = [
        Paragraph(words["title"], title),
        Paragraph(f"{report.site} · {words['period']} {period}{days_note(report, words)}",
                  body),
        Spacer(1, 5 * mm),
        Paragraph(words["key"], heading),
        _key_figures(report, comparisons(baseline, year_before, words, _day, "\n"), words,
                     lang, regular, bold),
        *_targets(targets, words, lang, heading, regular, bold),
        *(_flows(report, words, lang, heading, regular, bold) if is_counted(report)
          else [Spacer(1, 2 * mm), Paragraph(words["not_counted"], body)]),
        *_people(report, lang, heading, body, regular, bold),
        Paragraph(words["co2"], heading),
        Paragraph(words["co2_text"], body),
        Spacer(1, 2 * mm),
        _table([[words["category"], words["factor"], words["source"]],
                *[[c.name(lang), format_number(c.co2_factor, lang, 2),
                   Paragraph(c.co2_source, body)] for c in report.categories]], regular, bold,
               widths=[45 * mm, 25 * mm, 104 * mm]),
        Paragraph(words["method"].format(rules=COUNTING_RULES), heading),
        *[Paragraph(note, body) for note in words["notes"].split("\n\n")],
    ]
    story += eu_page(eu, said, (title, heading, body),
                     lambda rows, widths, first: _table(rows, regular, bold, widths=widths,
                                                        numbers_from=first))
    if provenance is not None:
        # Reasons are typed by people: escaped, never read as the paragraphs' markup.
        story += [Paragraph(words["provenance"], heading), _table(
            [[words["figure"], words["value"]],
             *[[Paragraph(escape(label), body), Paragraph(escape(text), body)]
               for label, text in provenance_rows(provenance, totals_json(report), lang,
                                                  said)]],
            regular, bold, widths=[50 * mm, 124 * mm])]

    def dated(canvas: Canvas, _: object) -> None:
        if made is not None:
            canvas.setDateFormatter(lambda *_: made)

    doc.build(story, onFirstPage=dated)
    return out.getvalue()


def _pdf_date(moment: datetime, zone: tzinfo) -> str:
    """A time as a PDF date: the site's local time with its offset from UTC."""
    local = moment.astimezone(zone)
    offset = local.utcoffset()
    minutes = 0 if offset is None else int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"D:{local:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def _people(report: Report, lang: str, heading: ParagraphStyle, body: ParagraphStyle,
            regular: str, bold: str) -> list[Flowable]:
    """Staff per kind with their hours, and the courses: counts only, no names."""
    if report.people is None:
        return []
    words = PEOPLE_WORDS.get(lang, PEOPLE_WORDS["nl"])
    kinds = [[text if isinstance(text, str) else "–" if text is None  # hours not shown
              else format_number(text, lang, 1 if isinstance(text, float) else 0) for text in row]
             for row in kind_rows(report.people, lang)]
    courses = ([[text if isinstance(text, str) else format_number(text, lang, 0) for text in row]
                for row in course_rows(report.people, lang, _day)]
               if report.people.courses else [[words["none"]]])
    return [KeepTogether([Paragraph(words["people"], heading),
                          _table(kinds, regular, bold, widths=[74 * mm, 40 * mm, 40 * mm],
                                 numbers_from=1)]),
            KeepTogether([Paragraph(words["courses"], heading),
                          _table(courses, regular, bold, widths=[30 * mm, 104 * mm, 30 * mm])]),
            Spacer(1, 2 * mm), *(Paragraph(note, body) for note in notes(report.people, lang))]


def _flows(report: Report, words: dict[str, str], lang: str, heading: ParagraphStyle,
           regular: str, bold: str) -> list[Flowable]:
    """The weeks, the R-ladder, the categories and the recipients of a counted period."""
    return [
        KeepTogether([Paragraph(words["weekly"], heading),
                      _weekly_chart(report, words, regular, lang)]),
        KeepTogether([Paragraph(words["ladder"], heading),
                      _ladder_chart(report, words, regular, lang)]),
        Paragraph(words["categories"], heading),
        _categories(report, words, lang, regular, bold),
        Paragraph(words["recipients"], heading),
        _table([[words["recipient"], "Kg"],
                *[[name, format_number(grams / 1000, lang, 1)] for name, grams
                  in sorted(report.total.material_by_recipient.items())]]
               if report.total.material_by_recipient else [[words["none"]]], regular, bold),
    ]


def _key_figures(report: Report, beside: list[tuple[str, Report]], words: dict[str, str],
                 lang: str, regular: str, bold: str) -> Table:
    now = totals_json(report)  # "–" for a period not counted, never 0
    others = [(totals_json(other), other) for _, other in beside]
    header: list[object] = [words["figure"], words["value"]]
    for heading, _ in beside:
        header += [heading, words["change"]]
    rows: list[list[object]] = [header]
    label = 1 if lang == "nl" else 2
    for key, *labels, number_format in COLUMNS:
        row: list[object] = [labels[label - 1], _shown(now[key], number_format, lang)]
        for before, other in others:
            row += [_shown(before[key], number_format, lang),
                    _change(key, now[key], before[key], (report, other), lang)]
        rows.append(row)
    # 174 mm across: the figure's name gives way when two periods stand beside it.
    widths = {0: [62, 30], 1: [62, 30, 52, 30], 2: [50, 24, 30, 20, 30, 20]}[len(beside)]
    return _table(rows, regular, bold, widths=[w * mm for w in widths], numbers_from=1)


def _targets(targets: TargetProgress | None, words: dict[str, str], lang: str,
             heading: ParagraphStyle, regular: str, bold: str) -> list[Flowable]:
    """The year's targets, what was reached by the day given and how much of each that is."""
    if targets is None:
        return []
    label = 0 if lang == "nl" else 1
    rows: list[list[object]] = [[words["target"], words["goal"], words["reached"],
                                 words["share"]]]
    for kind, reached, goal in targets.rows:
        rows.append([TARGET_NAMES[kind][label], format_number(goal, lang, 1),
                     format_number(reached, lang, 1),
                     format_number(reached / goal * 100, lang, 1) + " %" if goal else "–"])
    title = words["targets"].format(year=targets.year, day=_day(targets.by))
    return [KeepTogether([Paragraph(title, heading),
                          _table(rows, regular, bold, widths=[74 * mm, 30 * mm, 30 * mm, 30 * mm],
                                 numbers_from=1)])]


def _weekly_chart(report: Report, words: dict[str, str], regular: str, lang: str) -> Drawing:
    weeks = list(report.by_week.items())
    drawing = Drawing(174 * mm, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 14 * mm, 12 * mm, 156 * mm, 44 * mm
    chart.data = [
        [f.grams_in / 1000 for _, f in weeks] or [0],
        [f.grams_reused / 1000 for _, f in weeks] or [0],
    ]
    chart.bars[0].fillColor, chart.bars[1].fillColor = BLUE, GREEN
    chart.bars.strokeColor = None
    chart.categoryAxis.categoryNames = [
        monday.strftime("%d-%m") if i % max(1, len(weeks) // 12) == 0 else ""
        for i, (monday, _) in enumerate(weeks)] or [""]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = regular, 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: format_number(v, lang, 0)
    drawing.add(chart)
    for index, (colour, text) in enumerate(((BLUE, words["in"]), (GREEN, words["reused"]))):
        drawing.add(String(14 * mm + index * 60 * mm, 2 * mm, f"■ {text}", fontName=regular,
                           fontSize=8, fillColor=colour))
    return drawing


def _ladder_chart(report: Report, words: dict[str, str], regular: str, lang: str) -> Drawing:
    colour = {"sold_as_is": GREEN, "sold_after_repair": GREEN, "sold_products": ORANGE,
              "reuse": GREEN, "recycling": BLUE, "residual": GREY, "lost_in_making": GREY}
    bars = [(words[rung], grams, colour[rung]) for rung, grams in rungs(report.total)]
    drawing = Drawing(174 * mm, 62 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 62 * mm, 4 * mm, 100 * mm, 56 * mm
    chart.data = [[grams / 1000 for _, grams, _ in reversed(bars)]]
    chart.categoryAxis.categoryNames = [
        f"{name} ({format_number(grams / 1000, lang, 0)} kg)" for name, grams, _ in reversed(bars)]
    for index, (_, _, colour) in enumerate(reversed(bars)):
        chart.bars[(0, index)].fillColor = colour
    chart.bars.strokeColor = None
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = regular, 8
    chart.valueAxis.valueMin = min(0, *chart.data[0])  # a net return can make a rung negative
    chart.valueAxis.labelTextFormat = lambda v: format_number(v, lang, 0)
    drawing.add(chart)
    return drawing


def _categories(report: Report, words: dict[str, str], lang: str, regular: str,
                bold: str) -> Table:
    keys = ["items_in", "kg_in", "items_sold", "kg_sold", "revenue_eur", "kg_material_out"]
    labels = {key: (nl if lang == "nl" else en) for key, nl, en, _ in COLUMNS}
    formats = {key: fmt for key, _, _, fmt in COLUMNS}
    names = {c.code: c.name(lang) for c in report.categories}
    rows: list[list[object]] = [[words["category"], *[labels[k] for k in keys]]]
    for code in [c.code for c in report.categories if c.code in report.by_category]:
        values = figures_json(report.by_category[code])
        rows.append([names[code], *[_shown(values[k], formats[k], lang) for k in keys]])
    return _table(rows, regular, bold, widths=[44 * mm] + [22 * mm] * len(keys), numbers_from=1)


def _table(rows: Sequence[Sequence[object]], regular: str, bold: str, *,
           widths: list[float] | None = None, numbers_from: int | None = None) -> Table:
    # Header cells wrap, so that a long label never runs into the next column.
    head = ParagraphStyle("head", fontName=bold, fontSize=8.5, leading=10)
    head_right = ParagraphStyle("head_right", parent=head, alignment=2)
    rows = [[Paragraph(str(text).replace("\n", "<br/>"),
                       head_right if numbers_from is not None and i >= numbers_from else head)
             for i, text in enumerate(rows[0])], *rows[1:]]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, 0), bold, 8.5), ("FONT", (0, 1), (-1, -1), regular, 8.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f0f0")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if numbers_from is not None:
        style.append(("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    return table


def _change(key: str, now: object, before: object, reports: tuple[Report, Report],
            lang: str) -> str:
    """Counts and kilos per day in %, rates in percentage points (`intake.comparisons`)."""
    if key in RATES:
        points = change_pp(now, before)
        return "–" if points is None else ("+" if points > 0 else "") + format_number(
            points, lang, 1) + " pp"
    change = pace_change(key, now, before, *reports)
    if change is None:
        return "–"
    return ("+" if change > 0 else "") + format_number(change, lang, 1) + " %"


def _day(day: object) -> str:
    return day.strftime("%d-%m-%Y")  # type: ignore[attr-defined]

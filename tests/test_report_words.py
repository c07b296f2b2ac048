"""The reports a council reads speak its language (issue 14): the PDF and the workbook name
the figures, categories, steps and repair barriers in Dutch (or English when asked), write
numbers the Dutch way and times in the site's local time; the JSON keeps its keys and ISO
times in UTC. Each test reads the real files the command line writes (pdftotext, pdfinfo,
openpyxl), made at a fixed time: 19:38:30 UTC on 1 December 2026, 20:38 in Zwolle."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_monitoring import local, write_march

from cli.main import main
from db import Store
from intake.clock import FixedClock
from intake.exports import COLUMNS
from intake.gate import GateService
from intake.model import Barrier, EventType
from intake.ords import BARRIERS
from intake.provenance import KEY_TOTALS
from intake.report_words import STEP_NAMES
from intake.units import format_number

NOW = datetime(2026, 12, 1, 19, 38, 30, tzinfo=UTC)
MARCH = ["--from", "2026-03-01", "--to", "2026-03-31"]


@pytest.fixture
def march(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """March written, exported once to the council, and then A000001 (sold on 5 March for
    EUR 30, 20 kg) voided on 20 April at 10:00."""
    path = tmp_path / "march.sqlite"
    write_march(path, lambda store: None).close()
    monkeypatch.setattr("cli.main.SystemClock", lambda: FixedClock(NOW))
    export(path, "pdf", "nl", "council")
    store = Store.open(path)
    GateService(store, FixedClock(local("2026-04-20T10:00")), "A").void(
        store.user("system"), "A000001", "Donated twice by mistake")
    store.close()
    return path


def export(path: Path, kind: str, lang: str, name: str = "report", *extra: str) -> Path:
    out = path.parent / f"{name}-{lang}.{kind}"
    assert main(["report", "--db", str(path), *MARCH, "--format", kind, "--out", str(out),
                 "--lang", lang, *extra]) == 0
    return out


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def sheet(path: Path, name: str) -> list[tuple[object, ...]]:
    return list(load_workbook(path)[name].iter_rows(values_only=True))


def last_step(path: Path) -> str:
    store = Store.open(path)
    (event_id,) = store.db.execute(
        "SELECT id FROM events ORDER BY recorded_at DESC, id DESC LIMIT 1").fetchone()
    store.close()
    return event_id


@pytest.mark.parametrize(("lang", "name", "ords"), [
    ("nl", ("Code", "Naam", "Tekst van ORDS", "Aantal"), "Onderdelen niet verkrijgbaar"),
    ("en", ("Code", "Name", "ORDS text", "Count"), "Spare parts not available"),
])
def test_a_barrier_is_named_beside_the_ords_code_lists_own_text(
        march: Path, lang: str, name: tuple[str, ...], ords: str) -> None:
    rows = sheet(export(march, "xlsx", lang), "Barrières" if lang == "nl" else "Barriers")
    official = BARRIERS[Barrier.SPARE_PARTS_NOT_AVAILABLE][1]
    assert rows == [name, ("spare_parts_not_available", ords, official, 1)]


PROVENANCE = {
    "nl": ("Gemaakt op 01-12-2026 20:38", "Laatste stap meegeteld",
           "A000001: Vervallen op 20-04-2026 10:00", "01-12-2026 20:38 (pdf, sha256",
           "Omzet (EUR): toen € 84,00, nu € 54,00", "Kg in: toen 90,500, nu 70,500",
           "20-04-2026 10:00 A000001"),
    "en": ("Made at 01-12-2026 20:38", "Last step included",
           "A000001: Voided at 20-04-2026 10:00", "01-12-2026 20:38 (pdf, sha256",
           "Revenue (EUR): then € 84.00, now € 54.00", "Kg in: then 90.500, now 70.500",
           "20-04-2026 10:00 A000001"),
}


@pytest.mark.parametrize(("kind", "lang"), [("pdf", "nl"), ("xlsx", "nl"), ("pdf", "en")])
def test_the_provenance_names_figures_steps_and_times_as_people_read_them(
        march: Path, kind: str, lang: str) -> None:
    out = export(march, kind, lang)
    if kind == "pdf":
        text = " ".join(pdf_text(out).split())  # a table's cells, read as lines of words
    else:
        text = "\n".join(" ".join(str(cell) for cell in row if cell)
                         for row in sheet(out, "Herkomst"))
    for part in PROVENANCE[lang]:
        assert part in text, part
    assert last_step(march) in text  # the step's id follows, for whoever holds the file
    for internal in (*KEY_TOTALS, "+00:00", "T19:38", "A000001 voided"):
        assert internal not in text, internal


def test_the_json_keeps_its_keys_and_iso_times_in_utc(march: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["report", "--db", str(march), *MARCH]) == 0
    provenance = json.loads(capsys.readouterr().out)["provenance"]
    assert provenance["made_at"] == "2026-12-01T19:38:30+00:00"
    since = provenance["since_last_export"]
    assert since["made_at"] == "2026-12-01T19:38:30+00:00"
    assert (since["totals_then"]["revenue_eur"], since["totals_now"]["revenue_eur"]) == (
        84.0, 54.0)


def test_the_pdf_file_says_it_was_made_when_the_report_was(march: Path) -> None:
    info = subprocess.run(["pdfinfo", "-isodates", str(export(march, "pdf", "nl"))],
                          capture_output=True, text=True, check=True).stdout
    dates = dict(line.split(":", 1) for line in info.splitlines() if "Date" in line)
    assert dates["CreationDate"].strip() == "2026-12-01T20:38:30+01"
    assert "Creator:         Ambacht" in info


@pytest.mark.parametrize(("lang", "names", "codes"), [
    ("nl", ("Meubels", "Klein elektrisch"), ("Code", "Naam", "Kg CO2 per kg", "Bron")),
    ("en", ("Furniture", "Small appliances"), ("Code", "Name", "Kg CO2 per kg", "Source")),
])
def test_the_eu_tables_name_each_category_and_the_workbook_keeps_its_code(
        march: Path, lang: str, names: tuple[str, ...], codes: tuple[str, ...]) -> None:
    text = pdf_text(export(march, "pdf", lang))
    weights, co2, changes = (("Standaardgewichten", "CO2-factoren", "Wijzigingen van methode")
                             if lang == "nl" else
                             ("Standard weights", "CO2 factors", "Method changes"))
    tables = text[text.rindex(weights):text.index(changes)]  # the last two tables of the page
    assert co2 in tables
    for name in names:
        assert tables.count(name) == 2, name  # once per table
    for code in ("furniture", "eee_small", "eee_large", "computers"):
        assert code not in tables, code
    rows = sheet(export(march, "xlsx", lang), "EU-hergebruik" if lang == "nl" else "EU re-use")
    header = rows[[row[0] for row in rows].index(co2) + 1]
    assert header == codes
    furniture = rows[[row[0] for row in rows].index(co2) + 2]
    assert furniture[:2] == ("furniture", names[0])


def test_a_rates_change_has_a_column_of_points_of_its_own(march: Path) -> None:
    rows = sheet(export(march, "xlsx", "nl", "report", "--baseline-from", "2026-02-01",
                        "--baseline-to", "2026-02-28"), "Totalen")
    assert rows[3][2:] == ("Nulmeting 2026-02-01 – 2026-02-28 (1 dag geteld)", "Verschil %",
                           "Verschil in procentpunten")
    figures = {row[0]: row[1:] for row in rows[4:]}
    value, before, pct, points = figures["Hergebruikpercentage"]
    assert pct is None and points == pytest.approx(round((value - before) * 100, 1))
    assert figures["Items in"][3] is None and figures["Items in"][2] is not None


def test_every_key_total_and_step_has_its_words() -> None:
    """What the provenance can list has a name in both languages, and numbers group."""
    assert set(KEY_TOTALS) <= {key for key, *_ in COLUMNS}
    assert set(EventType) <= set(STEP_NAMES)
    assert (format_number(-6168.93, "nl", 2), format_number(-6168.93, "en", 2)) == (
        "-6.168,93", "-6,168.93")


def test_the_reports_say_steps_as_the_app_does() -> None:
    """The report's names of steps (made without Qt) are the app's own: its English and the
    Dutch of its translation, where "Let op" names them. (The barriers' names are one list,
    `BARRIER_NAMES`, that the repair screen and an item's history show too.)"""
    ts = ElementTree.parse(Path(__file__).parent.parent / "ui/translations/ambacht_nl.ts")
    dutch = {(context.findtext("name"), message.findtext("source")):
             message.findtext("translation")
             for context in ts.getroot() for message in context.iter("message")}
    for nl, en in (STEP_NAMES[kind] for kind in EventType):
        assert dutch[("Conflicts", en)] == nl, en

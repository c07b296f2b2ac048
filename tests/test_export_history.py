"""What changed since the last export (issue 14, point 7, as two auditors tested it): only the
steps this file got after that export, whatever their `recorded_at` (a demo year's, and steps
arriving out of order from another station); a report only looked at is no export; every
coordinator change that changes figures listed and described; and how many exports of
earlier periods such a change touches."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from stations import BOSS, Station, exchange, station

from cli.main import main
from db import Store
from intake.admin import AdminService, NameList
from intake.clock import FixedClock
from intake.defaults import GUIDE_CO2_SOURCE
from intake.demo import build_demo
from intake.eu_reuse import eu_reuse, eu_reuse_json
from intake.eu_reuse_report import sections
from intake.exports import wording
from intake.figure_changes import exports_touched
from intake.model import Route
from intake.monitoring import Period, build_report
from intake.people import PeopleService
from intake.provenance import provenance_json, provenance_of, provenance_rows, record_export
from intake.registers import RegisterService
from intake.report_formats import figures_json
from intake.setup import initialize

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
MARCH_ARGS = ["--from", "2026-03-01", "--to", "2026-03-31"]


def export(store: Store, now: datetime, period: Period = MARCH) -> dict:
    """Export `period` as JSON at `now`, as `ambacht report --out` does; its provenance."""
    provenance = provenance_of(store, period, now)
    report = build_report(store, period, now)
    data = provenance_json(provenance, figures_json(report.total))
    record_export(store, provenance, period, "json", figures_json(report.total),
                  json.dumps(data).encode())
    return data


def test_a_demo_years_second_export_lists_no_change(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    end = datetime(2026, 4, 10, 16, 0, tzinfo=UTC)
    store = Store.open(path, create=True)
    initialize(store, FixedClock(end))
    build_demo(store, end=end, days=60, scale=0.3)
    store.close()
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    for out in (first, second):
        assert main(["report", "--db", str(path), *MARCH_ARGS, "--out", str(out)]) == 0
    since = json.loads(second.read_text())["provenance"]["since_last_export"]
    assert since["totals_then"] == since["totals_now"]
    assert since["changes"] == []


def test_steps_out_of_recorded_order_and_merged_later(tmp_path: Path) -> None:
    a = station(tmp_path, "A", datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    b = station(tmp_path, "B", datetime(2026, 3, 5, 9, 0, tzinfo=UTC))  # B's clock is behind
    a.gate.take_in(BOSS, a.gate.prepare("books", Route.SALE, 800))
    early = b.gate.take_in(BOSS, b.gate.prepare("toys", Route.SALE, 1200)).code
    exchange(b, a)  # B's step reaches A's file after A's own, recorded earlier
    now = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
    assert export(a.store, now)["since_last_export"] is None
    assert export(a.store, now)["since_last_export"]["changes"] == []  # nothing new here
    b.clock.set(datetime(2026, 3, 6, 9, 0, tzinfo=UTC))
    b.gate.void(BOSS, early, "Taken in twice")
    exchange(b, a)  # merged from the hub after the export: news to this file
    since = export(a.store, now)["since_last_export"]
    assert [(c["what"], c["why"]) for c in since["changes"]] == [
        (f"{early} voided", "Taken in twice")]
    assert since["totals_then"]["kg_in"] == 2.0 and since["totals_now"]["kg_in"] == 0.8


def test_older_exports_get_a_watermark_from_their_time(tmp_path: Path) -> None:
    """An export recorded before m029: the highest rowid recorded by its time."""
    a = station(tmp_path, "A", datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    a.gate.take_in(BOSS, a.gate.prepare("books", Route.SALE, 800))
    export(a.store, datetime(2026, 3, 11, 9, 0, tzinfo=UTC))
    a.clock.set(datetime(2026, 3, 12, 9, 0, tzinfo=UTC))
    a.gate.take_in(BOSS, a.gate.prepare("toys", Route.SALE, 900))
    path = tmp_path / "station-A.db"
    a.store.close()
    conn = sqlite3.connect(path)  # as the version before left it
    conn.execute("ALTER TABLE report_exports DROP COLUMN watermark")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm029_export_watermark'")
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.db.execute("SELECT watermark FROM report_exports").fetchall() == [
        store.db.execute("SELECT min(rowid) FROM events WHERE type = 'intake'").fetchone()]
    since = export(store, datetime(2026, 4, 2, 9, 0, tzinfo=UTC))["since_last_export"]
    assert [c["what"].split()[1] for c in since["changes"]] == ["intake"]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE report_exports SET watermark = 0")


def test_a_report_on_the_terminal_is_no_export(tmp_path: Path, capsys) -> None:
    path = tmp_path / "centre.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    for kind in ("json", "csv", "eu-reuse"):
        assert main(["report", "--db", str(path), *MARCH_ARGS, "--format", kind]) == 0
    capsys.readouterr()
    store = Store.open(path)
    assert store.db.execute("SELECT count(*) FROM report_exports").fetchone() == (0,)
    store.close()
    out = tmp_path / "march.csv"
    assert main(["report", "--db", str(path), *MARCH_ARGS, "--format", "csv",
                 "--out", str(out)]) == 0
    store = Store.open(path)
    assert store.db.execute("SELECT format FROM report_exports").fetchall() == [("csv",)]


@pytest.fixture
def centre(tmp_path: Path) -> Station:
    """A station with a March: books taken in, material to a recipient, a session."""
    a = station(tmp_path, "A", datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    code = a.gate.take_in(BOSS, a.gate.prepare("books", Route.MATERIAL, 5000)).code
    a.material.send(BOSS, "Metaalhandel Jansen", [code], [])
    PeopleService(a.store, a.clock, "A").start_session(BOSS)
    return a


def test_every_change_of_method_is_listed_and_described(centre: Station) -> None:
    store, clock = centre.store, centre.clock
    export(store, datetime(2026, 4, 2, 9, 0, tzinfo=UTC))
    clock.set(datetime(2026, 4, 3, 9, 0, tzinfo=UTC))
    admin = AdminService(store, clock, "A")
    admin.set_category_eu(BOSS, "books", "textiles")
    admin.set_category_weights(BOSS, "books", 600, 50, 5000)
    admin.set_category_electrical(BOSS, "books", True)
    admin.set_category_ords(BOSS, "books", "Decorative or safety lights")
    RegisterService(store, clock, "A").set_serial_kind(BOSS, "books", "frame")
    admin.set_category_co2(BOSS, "books", 0.9, "Own study")
    PeopleService(store, clock, "A").set_kind(BOSS, BOSS.id, "volunteer")
    admin.set_recipient_kind(BOSS, "Metaalhandel Jansen", "reuse")
    admin.set_baseline(BOSS, Period(date(2025, 1, 1), date(2025, 3, 31)))
    admin.set_site_name(BOSS, "Ander centrum")  # changes no figure: not listed
    admin.add_name(BOSS, NameList.MUNICIPALITIES, "Dordrecht")  # nor this
    provenance = provenance_of(store, MARCH, datetime(2026, 4, 4, 9, 0, tzinfo=UTC))
    report = build_report(store, MARCH, provenance.made_at)
    changes = provenance_json(provenance, figures_json(report.total))["since_last_export"][
        "changes"]
    assert [c["what"] for c in changes] == [
        "eu books", "weights books", "electrical books", "ords books", "serial books",
        "co2 books", "user kind", "recipient Metaalhandel Jansen", "baseline from",
        "baseline to"]
    assert [c["description"]["nl"] for c in changes] == [
        "EU-categorie van Boeken: Overige producten → Textiel",
        "Standaardgewicht van Boeken: 0,5 kg → 0,6 kg",
        "Elektrisch (veiligheidstest, ORDS): Boeken: nee → ja",
        "ORDS-productcategorie van Boeken: geen → Decorative or safety lights",
        "Serienummer bij inname van Boeken: geen → framenummer",
        f"CO2-factor van Boeken: 1.1 ({GUIDE_CO2_SOURCE}) → 0.9 (Own study)",
        "Soort medewerker van een collega: geen → Vrijwilliger",
        "Soort afnemer van Metaalhandel Jansen: recycling → hergebruik",
        "Nulmeting (eerste dag): geen → 2025-01-01",
        "Nulmeting (laatste dag): geen → 2025-03-31"]
    assert changes[6]["description"]["en"] == "Staff kind of a colleague: none → Volunteer"
    assert BOSS.name not in json.dumps(changes)  # no colleague's name in a report
    rows = provenance_rows(provenance, figures_json(report.total), "en")
    assert any(text.endswith("Kind of recipient Metaalhandel Jansen: recycling → reuse")
               for _, text in rows)


def test_a_change_names_the_exports_of_earlier_periods_it_touches(
        centre: Station, tmp_path: Path, capsys) -> None:
    store = centre.store
    export(store, datetime(2026, 4, 2, 9, 0, tzinfo=UTC))  # March: books, the recipient
    export(store, datetime(2026, 4, 2, 9, 5, tzinfo=UTC))
    export(store, datetime(2026, 4, 2, 9, 0, tzinfo=UTC), Period(date(2026, 2, 1),
                                                                  date(2026, 2, 28)))
    today = date(2026, 4, 3)
    assert exports_touched(store, "co2", "books", today) == 2  # February had no books
    assert exports_touched(store, "eu", "toys", today) == 0
    assert exports_touched(store, "recipient", "Metaalhandel Jansen", today) == 2
    assert exports_touched(store, "staff", BOSS.id, today) == 2
    assert exports_touched(store, "baseline", None, today) == 3
    assert exports_touched(store, "weights", "books", today) == 0  # only intakes from now on
    assert exports_touched(store, "co2", "books", date(2026, 2, 1)) == 0  # none began before
    store.close()
    path = str(tmp_path / "station-A.db")
    capsys.readouterr()
    assert main(["category-eu", "--db", path, "books", "textiles"]) == 0
    out, err = capsys.readouterr()
    assert out == "category books: EU textiles\n"
    assert err == ("ambacht: this also changes the figures of earlier periods: 2 exports of "
                   "earlier periods hold the old figures\n")
    assert main(["category-eu", "--db", path, "toys", "textiles"]) == 0
    assert capsys.readouterr().err == ""  # no export of a period with toys


def test_the_eu_quality_check_shows_the_weights_the_period_used(tmp_path: Path) -> None:
    a = station(tmp_path, "A", datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    admin = AdminService(a.store, a.clock, "A")
    a.clock.set(datetime(2026, 3, 15, 9, 0, tzinfo=UTC))
    admin.set_category_weights(BOSS, "books", 600, 20, 40_000)  # within March
    a.clock.set(datetime(2026, 4, 10, 9, 0, tzinfo=UTC))
    admin.set_category_weights(BOSS, "books", 700, 20, 40_000)  # after it
    admin.add_category(BOSS, "vinyl", "Platen", "Records", 200)  # not there in March
    march = eu_reuse(a.store, build_report(a.store, MARCH, a.clock.now()))
    quality = eu_reuse_json(march, "en")["quality"]["standard_weights"]
    table = {row["code"]: row["kg"] for row in quality["table"]}
    assert table["books"] == 0.6 and "vinyl" not in table
    assert quality["last_changed"] == "2026-03-15T09:00:00+00:00"
    assert quality["changed_in_period"] == [{"at": "2026-03-15T09:00:00+00:00",
                                             "code": "books", "old_kg": 0.5, "new_kg": 0.6}]
    april = eu_reuse(a.store, build_report(a.store, Period(date(2026, 4, 1),
                                                            date(2026, 4, 30)), a.clock.now()))
    assert march.weights_version != april.weights_version  # 0.6 then, 0.7 now
    said = wording("nl", a.store.settings().zone)  # the PDF's and workbook's words
    rows = {section.title: section.rows for section in sections(march, said)}
    assert ["books", "Boeken", 0.6] in rows["Standaardgewichten aan het eind van de periode"]
    assert ["Gewijzigd in de periode", "1 (zie de wijzigingen van methode)"] in rows[
        "Kwaliteitscontrole"]
    changes = rows["Wijzigingen van methode in of na de periode"]  # in words, as exports say
    assert ["15-03-2026 10:00", "Standaardgewicht van Boeken", "0,5 kg",
            "0,6 kg"] in changes


def test_each_command_that_counts_the_past_anew_says_so(centre: Station, tmp_path: Path,
                                                         capsys) -> None:
    export(centre.store, datetime(2026, 4, 2, 9, 0, tzinfo=UTC))  # March
    centre.store.close()
    path = str(tmp_path / "station-A.db")
    line = ("ambacht: this also changes the figures of earlier periods: 1 export of an earlier "
            "period holds the old figures\n")
    capsys.readouterr()
    for command in (["staff-kind", BOSS.name, "volunteer"],  # a first kind: the past too
                    ["baseline", "--from", "2025-01-01", "--to", "2025-03-31"],
                    ["material", "--recipient", "Metaalhandel Jansen", "--recipient-kind",
                     "reuse", "--category", "wood", "--weight-kg", "12"]):
        assert main([command[0], "--db", path, *command[1:]]) == 0
        assert capsys.readouterr().err.endswith(line), command
    # A change of kind counts from now on, and an intake keeps the serial kind it asked for:
    # no earlier figure changes. The same kind again changes nothing and is not recorded.
    for command in (["staff-kind", BOSS.name, "paid"], ["category-serial", "books", "frame"],
                    ["staff-kind", BOSS.name, "paid"]):
        assert main([command[0], "--db", path, *command[1:]]) == 0
        assert "earlier periods" not in capsys.readouterr().err, command
    store = Store.open(tmp_path / "station-A.db")
    try:
        kinds = store.db.execute("SELECT old_value, new_value FROM config_changes "
                                 "WHERE what LIKE 'user % kind' ORDER BY rowid").fetchall()
    finally:
        store.close()
    assert kinds == [(None, "volunteer"), ("volunteer", "paid")]

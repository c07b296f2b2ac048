"""The monitoring figures reconcile to the gram and the cent with a history of known totals:
voids, returns, a cancelled sale, estimated weights, items crossing the period's edges and
local midnight (March 2026, with the switch to summer time on the 29th)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cli.main import main
from db import Store
from intake.admin import AdminService, NameList
from intake.clock import FixedClock
from intake.day_sums import refresh_recent_days
from intake.gate import GateService
from intake.material import MaterialService
from intake.monitoring import Period, build_report
from intake.report_formats import report_json
from intake.setup import initialize
from intake.shop import ShopService
from intake.workshop import WorkshopService

AMS = ZoneInfo("Europe/Amsterdam")
MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
NOW = datetime(2026, 12, 1, 11, 0, tzinfo=UTC)  # when the reports are made: after every period


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Path]:
    """A March with known totals, written through the services."""
    path = tmp_path_factory.mktemp("monitoring") / "centre.sqlite"
    return write_march(path, lambda store: None), path


def write_march(path: Path, checkpoint: Callable[[Store], object]) -> Store:
    """Write the March history into a new database, calling `checkpoint` between steps."""
    store = Store.open(path, create=True)
    clock = FixedClock(local("2026-04-02T12:00"))
    initialize(store, clock)
    store.name_lists.add("municipalities", "Zwolle", 1)
    me = store.user("system")
    assert me is not None
    gate = GateService(store, clock, "A")
    workshop = WorkshopService(store, clock, "A")
    shop = ShopService(store, clock, "A")
    material = MaterialService(store, clock, "A")
    AdminService(store, clock).add_name(me, NameList.RECIPIENTS, "Metaal Oost")

    def take(category: str, route: str, kg: float | None, at: str, visit=None) -> str:
        grams = None if kg is None else round(kg * 1000)
        request = gate.prepare(category, route, grams, confirmed=True)
        return gate.take_in(me, request, visit, local(at)).code

    zwolle = gate.start_visit(me, "Zwolle", local("2026-03-01T00:30"))
    a = take("furniture", "sale", 20, "2026-03-01T00:30", zwolle)  # 28 Feb 23:30 UTC
    february = gate.start_visit(me, None, local("2026-02-28T23:59"))
    b = take("books", "sale", None, "2026-02-28T23:59", february)  # estimated 0.5 kg
    unknown = gate.start_visit(me, None, local("2026-03-10T10:00"))
    c = take("eee_small", "repair", 3, "2026-03-10T10:00", unknown)
    d = take("lamps", "repair", None, "2026-03-10T10:05", unknown)  # estimated 1.5 kg
    e = take("toys", "sale", 1, "2026-03-10T10:10", unknown)
    f = take("household", "sale", 2, "2026-03-04T11:00")
    g = take("textiles", "sale", 4, "2026-03-04T11:05")
    h = take("wood", "material", 10, "2026-03-03T09:00")
    take("books", "sale", 1, "2026-04-01T00:10")  # after the period
    checkpoint(store)
    gate.void(me, e, "Entered twice", local("2026-03-10T10:11"))
    checkpoint(store)
    shop.sell(me, [(a, 3000)], local("2026-03-05T12:00"))
    shop.sell(me, [(b, 100)], local("2026-03-02T12:00"))
    workshop.start_repair(me, c, local("2026-03-11T09:00"))
    workshop.finish_repair(me, c, workshop.outcome("fixed", safety_test="pass", problem="Fuse",
                                                   price_cents=800), local("2026-03-12T09:00"))
    shop.sell(me, [(c, None)], local("2026-03-31T23:30"))  # 21:30 UTC, summer time
    workshop.start_repair(me, d, local("2026-03-14T09:00"))
    workshop.finish_repair(me, d, workshop.outcome(
        "end-of-life", barrier="spare parts not available", problem="Cracked shade"),
        local("2026-03-15T09:00"))
    checkpoint(store)
    material.send(me, "Metaal Oost", [d], [("metal", 50_000)], local("2026-03-21T15:00"))
    shop.sell(me, [(f, 200)], local("2026-03-06T12:00"))
    shop.take_back(me, f, "Does not work", local("2026-03-07T12:00"))
    shop.sell(me, [(g, 500)], local("2026-03-08T12:00"))
    checkpoint(store)
    clock.set(local("2026-03-08T12:05"))
    gate.correct_last(me, g, "Wrong item at the till")
    checkpoint(store)
    clock.set(local("2026-04-02T12:00"))
    table = workshop.repurpose(me, [h], "furniture", 10_000, local("2026-03-20T10:00"))
    checkpoint(store)
    shop.sell(me, [(table.code, 4500)], local("2026-03-25T12:00"))
    return store


def test_reports_made_along_the_way_do_not_go_stale(tmp_path: Path) -> None:
    """The sums per day that reports keep are redone for every day a later step touches:
    a void, a correction, a sale of an item whose repair counts, a product made."""
    days = [Period(date(2026, 3, day), date(2026, 3, day)) for day in (1, 4, 8, 10, 20, 31)]

    def report_now(along: Store) -> None:
        for period in (MARCH, *days):
            build_report(along, period, local("2026-04-02T12:00"))

    along = write_march(tmp_path / "along.sqlite", report_now)
    reference = write_march(tmp_path / "reference.sqlite", lambda store: None)
    for written in (along, reference):
        # Two days later the coordinator cancels the sale of 31 March: the correction is
        # dated 2 April, the sale it cancels counted on the 31st.
        clock = FixedClock(local("2026-04-02T12:00"))
        GateService(written, clock, "A").correct_last(
            written.user("system"), "A000003", "Sold by mistake")
    for period in (MARCH, *days):
        assert report_json(build_report(along, period, NOW)) == report_json(
            build_report(reference, period, NOW)), period


def test_the_totals_reconcile(centre) -> None:
    store, _ = centre
    data = report_json(build_report(store, MARCH, NOW))
    totals = data["totals"]
    assert totals["items_in"] == 6  # a, c, d, f, g, h: not the void, Feb, April, the product
    assert (totals["items_in_gate"], totals["kg_in_gate"]) == (6, 40.5)
    assert (totals["items_labelled_in_store"], totals["kg_labelled_in_store"]) == (0, 0)
    assert (totals["batches_in"], totals["kg_in_batches"]) == (1, 50.0)  # weighed on the 21st
    assert totals["kg_in"] == 90.5
    assert (totals["kg_in_measured"], totals["kg_in_estimated"]) == (89.0, 1.5)
    assert (totals["visits"], totals["visits_without_items"]) == (2, 0)
    assert (totals["items_to_sale"], totals["items_to_repair"],
            totals["items_to_material"]) == (3, 2, 1)
    assert (totals["repair_attempts"], totals["items_repaired"],
            totals["items_end_of_life"]) == (2, 1, 1)
    assert totals["barriers"] == {"spare_parts_not_available": 1}
    assert totals["items_sold"] == 4  # a, b (taken in in Feb), c, the table; f came back
    assert totals["kg_sold"] == 33.5
    assert (totals["kg_sold_as_is"], totals["kg_sold_after_repair"],
            totals["kg_sold_products"]) == (20.5, 3.0, 10.0)  # c fixed; the table
    assert totals["revenue_eur"] == 84.0
    assert totals["items_returned"] == 1
    assert (totals["products_made"], totals["kg_products_made"], totals["kg_repurposed"],
            totals["kg_lost_in_making"]) == (1, 10.0, 10.0, 0.0)
    assert (totals["items_material_out"], totals["kg_material_out"]) == (2, 51.5)
    assert totals["kg_material_by_recipient"] == {"Metaal Oost": 51.5}
    assert totals["kg_material_by_kind"] == {"reuse": 0.0, "recycling": 51.5, "residual": 0.0}
    assert totals["kg_reused"] == 33.5
    assert totals["reuse_rate"] == round(33.5 / 90.5, 4)
    assert totals["environmental_yield"] == 1.0  # all that left was reused or recycled
    assert totals["co2_avoided_kg"] == pytest.approx(33.5 * 1.1)
    assert data["baseline"] is None
    assert totals["days_to_sale"] == 6.6  # (4 + 1 + 21 + 2 + 5) days over five sales
    # At the end of March: the household item taken back and the textiles whose sale was
    # cancelled, both taken in on 4 March.
    assert (totals["items_in_stock"], totals["kg_in_stock"]) == (2, 6.0)
    assert (totals["stock_age_days"], totals["items_in_stock_over_90_days"]) == (27.0, 0)


def test_the_stock_at_an_earlier_end_counts_what_moved_on_since(centre) -> None:
    """At the end of 4 March: the furniture (sold on the 5th), the household and textiles
    items (sold later) and the wood (made into a table on the 20th); the books were sold on
    the 2nd. Ages on 5 March 00:00: 3 + 0 + 0 + 1 days."""
    store, _ = centre
    totals = report_json(build_report(store, Period(date(2026, 3, 1), date(2026, 3, 4)), NOW))[
        "totals"]
    assert (totals["items_in_stock"], totals["kg_in_stock"]) == (4, 36.0)
    assert totals["stock_age_days"] == 1.0


def test_the_breakdowns_add_up_to_the_totals(centre) -> None:
    store, _ = centre
    data = report_json(build_report(store, MARCH, NOW))
    for breakdown in ("by_category", "by_municipality", "by_week"):
        for key in ("items_in", "items_sold", "items_material_out", "repair_attempts",
                    *(("visits",) if breakdown in ("by_municipality", "by_week") else ())):
            assert sum(row[key] for row in data[breakdown]) == data["totals"][key], (
                breakdown, key)
        for key in ("kg_in", "kg_sold", "revenue_eur", "kg_material_out"):
            assert sum(row[key] for row in data[breakdown]) == pytest.approx(
                data["totals"][key]), (breakdown, key)
    # The routes at the gate hold the gate items: not the batch, not the table made here.
    for key in ("items_in", "items_in_gate", "kg_in_gate"):
        assert sum(row[key] for row in data["by_route"]) == data["totals"][key], key
    assert sum(row["kg_in"] for row in data["by_route"]) == data["totals"]["kg_in_gate"]
    assert sum(row["kg_sold"] for row in data["by_route"]) == pytest.approx(
        data["totals"]["kg_sold"] - data["totals"]["kg_sold_products"])
    # What a breakdown does not count is null, never 0.
    assert {row["visits"] for row in data["by_category"] + data["by_route"]} == {None}
    assert {row["kg_in_stock"] for row in data["by_route"] + data["by_municipality"]
            + data["by_week"]} == {None}
    furniture = next(row for row in data["by_category"] if row["category"] == "furniture")
    assert (furniture["items_in"], furniture["items_sold"], furniture["revenue_eur"]) == (
        1, 2, 75.0)
    zwolle = next(row for row in data["by_municipality"] if row["municipality"] == "Zwolle")
    assert (zwolle["visits"], zwolle["items_in"], zwolle["kg_in"]) == (1, 1, 20.0)
    assert data["by_week"][0]["week"] == "2026-02-23"  # the Monday before 1 March
    sale = next(row for row in data["by_route"] if row["route"] == "sale")
    assert sale["items_in"] == 3
    assert data["co2_factors"][0]["source"].startswith("Startersgids")


def test_the_command_line_gives_the_same_numbers(centre, capsys) -> None:
    _, path = centre
    args = ["report", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-31"]
    assert main([*args, "--baseline-from", "2026-02-01", "--baseline-to", "2026-02-28"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == {"from": "2026-03-01", "to": "2026-03-31", "days_counted": 31,
                              "counted": True}
    assert data["totals"]["revenue_eur"] == 84.0
    assert data["baseline"]["totals"]["items_in"] == 1  # the book of 28 February
    # Per day: 6 items in March's 31 days against 1 on the one day of February counted,
    # 28 February, the day of the database's first record.
    assert data["baseline"]["period"]["days_counted"] == 1
    assert data["change_vs_baseline_pct"]["items_in"] == round((6 / 31) / (1 / 1) * 100 - 100, 1)
    assert "reuse_rate" not in data["change_vs_baseline_pct"]
    assert data["change_vs_baseline_pp"]["reuse_rate"] == round(
        (data["totals"]["reuse_rate"] - data["baseline"]["totals"]["reuse_rate"]) * 100, 1)
    assert {row["category"] for row in data["by_category"]} >= {"furniture", "books"}
    assert main([*args, "--year-earlier"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year_earlier"]["period"] == {"from": "2025-03-01", "to": "2025-03-31",
                                              "days_counted": 0, "counted": False}
    # Before the database's first record: not counted, never 0.
    assert data["year_earlier"]["totals"]["items_in"] is None
    assert data["change_vs_year_earlier_pct"]["items_in"] is None
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    total = next(row for row in rows if row["section"] == "total")
    assert (total["items_in"], total["kg_in"], total["revenue_eur"]) == ("6", "90.5", "84.0")
    assert next(row for row in rows if row["section"] == "category")["visits"] == ""
    assert next(r for r in rows if r["section"] == "recipient")["kg_material_out"] == "51.5"


def test_the_csv_honours_the_baseline_and_the_year_earlier(centre, capsys) -> None:
    """The CSV sets the baseline and the same period a year earlier beside the period, as the
    JSON, XLSX and PDF do: their rows, then the changes exactly as the JSON gives them."""
    _, path = centre
    args = ["report", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-31",
            "--baseline-from", "2026-02-01", "--baseline-to", "2026-02-28", "--year-earlier"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    sections = [row["section"] for row in rows]
    assert sections.index("total") < sections.index("baseline_total") < sections.index(
        "year_earlier_total")
    baseline = next(r for r in rows if r["section"] == "baseline_total")
    assert (baseline["key"], baseline["items_in"]) == ("2026-02-01/2026-02-28", "1")
    # the days each total counts, by which the changes compare paces, as the JSON says them
    assert [next(r for r in rows if r["section"] == section)["days_counted"] for section in (
        "total", "baseline_total", "year_earlier_total")] == [
        str(data["period"]["days_counted"]), str(data["baseline"]["period"]["days_counted"]),
        "0"]
    assert next(r for r in rows if r["section"] == "category")["days_counted"] == ""
    assert "baseline_category" in sections and "year_earlier_category" not in sections
    year = next(r for r in rows if r["section"] == "year_earlier_total")
    assert (year["key"], year["items_in"]) == ("2025-03-01/2025-03-31", "")  # not counted
    changes = [key for key in data if key.startswith("change_vs_")]
    assert changes and all(key in sections for key in changes)
    for key in changes:
        row = next(r for r in rows if r["section"] == key)
        assert {name: value for name, value in row.items() if name in data[key]} == {
            name: "" if value is None else str(value) for name, value in data[key].items()}
    assert main([*args[:7], "--format", "csv"]) == 0  # without them: the period alone
    assert not [row["section"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out))
                if row["section"].startswith(("baseline", "year_earlier", "change_vs_"))]


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2026-03-31", "--to", "2026-03-01"],
        ["--from", "March", "--to", "2026-03-31"],
        ["--from", "2026-03-01", "--to", "2026-03-31", "--baseline-from", "2025-03-01"],
        ["--from", "2026-03-01", "--to", "2026-03-31", "--format", "docx"],
    ],
)
def test_bad_report_requests_exit_2(centre, capsys, args: list[str]) -> None:
    _, path = centre
    assert main(["report", "--db", str(path), *args]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_day_is_a_local_day(centre) -> None:
    store, _ = centre
    first = report_json(build_report(store, Period(date(2026, 3, 1), date(2026, 3, 1)), NOW))
    assert first["totals"]["items_in"] == 1  # 00:30 local on 1 March, 23:30 UTC the day before
    last = report_json(build_report(store, Period(date(2026, 3, 31), date(2026, 3, 31)), NOW))
    assert last["totals"]["items_sold"] == 1  # 23:30 local on 31 March



def test_the_xlsx_workbook_holds_the_same_numbers(centre, tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    _, path = centre
    out = tmp_path / "march.xlsx"
    assert main(["report", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-31",
                 "--baseline-from", "2026-02-01", "--baseline-to", "2026-02-28",
                 "--format", "xlsx", "--out", str(out), "--lang", "nl"]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Totalen", "Categorie", "Route", "Gemeente", "Barrières",
                               "Afnemers", "Mensen", "CO2-factoren", "EU-hergebruik",
                               "Herkomst"]
    totals = {row[0]: row[1:] for row in book["Totalen"].iter_rows(min_row=5, values_only=True)}
    # March, February, and per day: February counts from its 28th, the first record's day.
    assert totals["Items in"] == (6, 1, pytest.approx(-0.806), None)
    assert totals["Kg in"][0] == 90.5
    assert totals["Omzet (EUR)"][0] == 84.0
    assert totals["Kg materiaal weg"][0] == 51.5
    assert isinstance(totals["Hergebruikpercentage"][0], float)
    categories = {row[0]: row for row in book["Categorie"].iter_rows(min_row=2, values_only=True)}
    header = next(book["Categorie"].iter_rows(max_row=1, values_only=True))
    assert categories["Meubels"][header.index("Verkocht")] == 2
    assert categories["Meubels"][header.index("Omzet (EUR)")] == 75.0
    assert [r for r in book["Afnemers"].iter_rows(min_row=2, values_only=True)] == [
        ("Metaal Oost", "Recycling", 51.5), ("(alle)", "Recycling", 51.5)]
    assert main(["report", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-31",
                 "--format", "xlsx"]) == 2  # a workbook goes to a file
    assert "--out" in capsys.readouterr().err


def test_the_ords_csv_has_the_standards_columns_and_codes(centre, capsys) -> None:
    _, path = centre
    assert main(["report", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-31",
                 "--format", "ords"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["repair_status"] for r in rows] == ["Fixed", "End of life"]
    fixed, end_of_life = rows
    assert (fixed["data_provider"], fixed["country"]) == ("Circulair Ambachtscentrum", "NLD")
    assert (fixed["product_category"], fixed["product_category_id"]) == (
        "Small home electrical", "28")
    assert fixed["partner_product_category"] == "Small appliances"
    assert fixed["event_date"] == "2026-03-12"
    assert end_of_life["repair_barrier_if_end_of_life"] == "Spare parts not available"
    assert (end_of_life["product_category"], end_of_life["product_category_id"]) == ("Lamp", "15")
    assert len({r["id"] for r in rows}) == 2


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", ["Monitoringsrapportage", "40,500", "€ 84,00", "Metaal Oost", "51,5", "-80,6 %",
            "Startersgids"]),
    ("en", ["Monitoring report", "40.500", "€ 84.00", "Metaal Oost", "51.5", "-80.6 %"]),
])
def test_the_pdf_report_holds_the_same_numbers(
    centre, tmp_path: Path, lang: str, expected: list[str]
) -> None:
    import subprocess

    _, path = centre
    out = tmp_path / f"march-{lang}.pdf"
    assert main(["report", "--db", str(path), "--from", "2026-03-01", "--to", "2026-03-31",
                 "--baseline-from", "2026-02-01", "--baseline-to", "2026-02-28",
                 "--format", "pdf", "--out", str(out), "--lang", lang]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    for part in expected:
        assert part in text, part


def test_baseline_and_targets_are_kept_and_checked(tmp_path: Path, capsys) -> None:
    from intake.monitoring import Figures, stored_baseline, stored_targets, target_progress

    db = str(tmp_path / "c.sqlite")
    assert main(["init", "--db", db]) == 0
    assert main(["baseline", "--db", db, "--from", "2025-01-01", "--to", "2025-12-31"]) == 0
    assert main(["target", "--db", db, "--year", "2026", "--kg-collected", "90000",
                 "--reuse-rate", "55"]) == 0
    for bad in (["baseline", "--from", "2025-12-31", "--to", "2025-01-01"],
                ["target", "--year", "2026"],
                ["target", "--year", "1850", "--kg-reused", "10"],
                ["target", "--year", "2026", "--reuse-rate", "120"],
                ["target", "--year", "2026", "--kg-collected", "1000", "--items-repaired", "-3"]):
        capsys.readouterr()
        assert main([*bad, "--db", db]) == 2, bad
        assert capsys.readouterr().err.count("\n") == 1
    settings = Store.open(db).settings()
    assert stored_baseline(settings) == Period(date(2025, 1, 1), date(2025, 12, 31))
    assert stored_targets(settings, 2026) == {"kg_collected": 90000.0, "reuse_rate": 55.0}
    assert stored_targets(settings, 2027) == {}
    figures = Figures(grams_in=45_000_000, grams_sold=27_000_000)
    assert target_progress(figures, stored_targets(settings, 2026)) == [
        ("kg_collected", 45000.0, 90000.0), ("reuse_rate", 60.0, 55.0)]


def test_exports_set_the_year_earlier_and_the_targets_beside_the_period(
    centre, tmp_path: Path, capsys
) -> None:
    """Targets of 2026 (100 kg collected, 2 repairs): by 31 March, 91 kg came in (the book of
    28 February and the 50 kg batch too) and one repair was fixed. March 2025 saw nothing."""
    import sqlite3
    import subprocess

    from openpyxl import load_workbook

    _, path = centre
    db = tmp_path / "copy.sqlite"
    with sqlite3.connect(path) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    assert main(["target", "--db", str(db), "--year", "2026", "--kg-collected", "100",
                 "--items-repaired", "2"]) == 0
    args = ["report", "--db", str(db), "--from", "2026-03-01", "--to", "2026-03-31",
            "--baseline-from", "2026-02-01", "--baseline-to", "2026-02-28", "--year-earlier"]
    capsys.readouterr()
    assert main(args) == 0
    targets = json.loads(capsys.readouterr().out)["targets"]
    assert targets == {"year": 2026, "by": "2026-03-31", "progress": [
        {"target": "kg_collected", "reached": 91.0, "goal": 100.0},
        {"target": "items_repaired", "reached": 1.0, "goal": 2.0}]}

    xlsx = tmp_path / "march.xlsx"
    assert main([*args, "--format", "xlsx", "--out", str(xlsx), "--lang", "nl"]) == 0
    book = load_workbook(xlsx)
    assert book.sheetnames[:2] == ["Totalen", "Doelen 2026"]
    header = next(book["Totalen"].iter_rows(min_row=4, max_row=4, values_only=True))
    assert header[5] == "Jaar eerder 2025-03-01 – 2025-03-31"
    totals = {row[0]: row[1:] for row in book["Totalen"].iter_rows(min_row=5, values_only=True)}
    assert totals["Items in"] == (6, 1, pytest.approx(-0.806), None, None, None, None)  # 2025
    goals = list(book["Doelen 2026"].iter_rows(min_row=2, values_only=True))
    assert goals == [("Kg ingezameld", 100.0, 91.0, 0.91), ("Items gerepareerd", 2.0, 1.0, 0.5)]

    pdf = tmp_path / "march.pdf"
    assert main([*args, "--format", "pdf", "--out", str(pdf), "--lang", "nl"]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for part in ("Jaar eerder", "01-03-2025", "Doelen 2026 (t/m 31-03-2026)", "Kg ingezameld",
                 "91,0", "91,0 %", "50,0 %"):
        assert part in text, part


def test_recent_days_are_summed_on_a_connection_of_their_own(tmp_path: Path) -> None:
    store = write_march(tmp_path / "march.sqlite", lambda store: None)
    refresh_recent_days(store.path, date(2026, 3, 31), days=31)
    summed = store.db.execute(
        "SELECT count(*) FROM day_figures_done WHERE day BETWEEN '2026-03-01' AND '2026-03-31'"
    ).fetchone()[0]
    assert summed == 31
    assert report_json(build_report(store, MARCH, NOW))["totals"]["items_in"] == 6

"""The ORDS export to the letter of ORDS v0.3: the Open Repair Alliance's table schema (kept in
tests/ords_v0_3_tableschema.json with its source) checks every column, enum and type; barriers
are read from their code, their official text or a short name; a powered repair needs its
problem and product; unpowered items stay out unless asked for."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cli.main import main
from db import Store
from intake.admin import AdminService
from intake.clock import FixedClock
from intake.errors import ValidationError
from intake.gate import GateService
from intake.model import Barrier
from intake.monitoring import Period
from intake.ords import BARRIERS, PRODUCT_CATEGORIES, parse_barrier
from intake.ords_export import ords_csv, ords_unpowered_csv
from intake.setup import initialize
from intake.workshop import WorkshopService

SCHEMA = json.loads((Path(__file__).with_name("ords_v0_3_tableschema.json")).read_text())
AMS = ZoneInfo("Europe/Amsterdam")
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


@pytest.fixture
def centre(tmp_path: Path) -> tuple[Store, WorkshopService, GateService, Path]:
    path = tmp_path / "ords.sqlite"
    store = Store.open(path, create=True)
    clock = FixedClock(datetime(2026, 6, 30, 10, 0, tzinfo=UTC))
    initialize(store, clock)
    return store, WorkshopService(store, clock, "A"), GateService(store, clock, "A"), path


def repaired(store: Store, workshop: WorkshopService, gate: GateService, category: str,
             at: str, **outcome: object) -> str:
    me = store.user("system")
    code = gate.take_in(me, gate.prepare(category, "repair", None), None, local(at)).code
    workshop.start_repair(me, code, local(at))
    status = outcome.pop("status", "fixed")
    workshop.finish_repair(me, code, workshop.outcome(status, **outcome), local(at))  # type: ignore[arg-type]
    return code


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def check_against_schema(text: str, fields: str = "fields") -> None:
    """Every column the schema names, in its order; every value of its type and pattern
    (`fields`: the repair records' or, "unpowered_fields", the unpowered summary's)."""
    header = next(csv.reader(io.StringIO(text)))
    assert header == [field["name"] for field in SCHEMA[fields]]
    records = rows(text)
    for field in SCHEMA[fields]:
        name, constraints = field["name"], field.get("constraints", {})
        values = [row[name] for row in records]
        if constraints.get("unique"):
            assert len(set(values)) == len(values), name
        for value in values:
            if value in field.get("missingValues", []):
                continue
            assert value != "", f"{name} is required"
            if "pattern" in constraints:
                assert re.fullmatch(constraints["pattern"], value), (name, value)
            if "enum" in constraints:
                assert value in constraints["enum"], (name, value)
            if field["type"] == "integer":
                int(value)
            elif field["type"] == "number":
                assert float(value) >= 0, (name, value)
            elif field["type"] == "date":
                date.fromisoformat(value)
    for row in records if fields == "fields" else ():
        if row["product_category"]:
            assert SCHEMA["product_categories"][row["product_category_id"]] == (
                row["product_category"])
        if row["repair_barrier_if_end_of_life"]:
            assert row["repair_status"] == "End of life"
        if row["year_of_manufacture"]:
            assert int(row["year_of_manufacture"]) <= int(row["event_date"][:4])


def test_the_code_lists_are_the_standards() -> None:
    assert {str(number): name for name, number in PRODUCT_CATEGORIES.items()} == (
        SCHEMA["product_categories"])
    barrier_enum = next(f for f in SCHEMA["fields"]
                        if f["name"] == "repair_barrier_if_end_of_life")["constraints"]["enum"]
    assert [name for _, name in BARRIERS.values()] == barrier_enum


@pytest.mark.parametrize("text", ["3", "No way to open product", "no way to open product",
                                  "no-way-to-open", "no_way_to_open",
                                  "No way to open the product"])
def test_a_barrier_is_read_from_its_code_its_text_or_its_short_name(text: str) -> None:
    assert parse_barrier(text) is Barrier.NO_WAY_TO_OPEN


@pytest.mark.parametrize("text", ["Too worn out", "Item too worn out", "Product too worn out",
                                  "6", "too-worn-out"])
def test_older_wordings_of_worn_out_are_understood(text: str) -> None:
    assert parse_barrier(text) is Barrier.TOO_WORN_OUT


@pytest.mark.parametrize("text", ["7", "0", "No way", "worn"])
def test_an_unknown_barrier_is_refused_naming_the_list(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_barrier(text)
    assert "3 no-way-to-open (No way to open product)" in str(refused.value)
    assert "6 too-worn-out (Too worn out)" in str(refused.value)


def test_the_export_of_a_year_meets_the_schema(centre) -> None:
    store, workshop, gate, _ = centre
    repaired(store, workshop, gate, "computers", "2026-02-03T10:00", problem="Screen broken",
             brand="HP", year="2019", product="laptop", safety_test="pass")
    repaired(store, workshop, gate, "computers", "2026-02-04T10:00", problem="Battery",
             product="Mobile", status="repairable")
    repaired(store, workshop, gate, "lamps", "2026-03-04T10:00", problem="Loose wire",
             status="end-of-life", barrier="Too worn out", year="2026")
    repaired(store, workshop, gate, "eee_small", "2026-03-05T10:00", problem="Fuse",
             status="end-of-life", barrier="1", product="Printer/scanner")
    repaired(store, workshop, gate, "furniture", "2026-04-05T10:00")  # unpowered
    text = ords_csv(store, YEAR)
    check_against_schema(text)
    records = rows(text)
    assert [(r["product_category"], r["product_category_id"]) for r in records] == [
        ("Laptop", "16"), ("Mobile", "19"), ("Lamp", "15"), ("Printer / scanner", "25")]
    assert [r["repair_barrier_if_end_of_life"] for r in records] == [
        "", "", "Too worn out", "Spare parts not available"]
    assert [(r["year_of_manufacture"], r["product_age"]) for r in records] == [
        ("2019", "7"), ("", ""), ("2026", "0"), ("", "")]
    assert all(r["problem"] for r in records)
    repaired(store, workshop, gate, "furniture", "2026-04-06T10:00")
    repaired(store, workshop, gate, "toys", "2026-04-07T10:00", status="end-of-life")
    unpowered = ords_unpowered_csv(store, YEAR)
    check_against_schema(unpowered, "unpowered_fields")
    assert rows(unpowered) == [
        {"data_provider": "Circulair Ambachtscentrum", "product_category": "Unpowered - Furniture",
         "repair_status": "Fixed", "total": "2"},
        {"data_provider": "Circulair Ambachtscentrum", "product_category": "Unpowered - Other",
         "repair_status": "End of life", "total": "1"}]


def test_a_repair_stays_as_its_step_recorded_when_its_category_changes(centre) -> None:
    """Books marked electrical after a book's repair: the repair named no ORDS product, so it
    stays out of the table (whose product_category_id allows no missing value) and among the
    unpowered; a lamp's repair keeps its product when lamps are mapped otherwise."""
    store, workshop, gate, _ = centre
    repaired(store, workshop, gate, "books", "2026-03-01T10:00")
    repaired(store, workshop, gate, "lamps", "2026-03-02T10:00", problem="Switch")
    admin = AdminService(store, FixedClock(datetime(2026, 6, 30, tzinfo=UTC)))
    admin.set_category_electrical(store.user("system"), "books", True)
    admin.set_category_ords(store.user("system"), "books", "Misc")
    admin.set_category_ords(store.user("system"), "lamps", "Decorative or safety lights")
    text = ords_csv(store, YEAR)
    check_against_schema(text)
    assert [(r["partner_product_category"], r["product_category"]) for r in rows(text)] == [
        ("Lamps", "Lamp")]
    assert [r["product_category"] for r in rows(ords_unpowered_csv(store, YEAR))] == [
        "Unpowered - Other"]


def test_the_demo_years_export_meets_the_schema(tmp_path: Path) -> None:
    from intake.demo import build_demo

    store = Store.open(tmp_path / "demo.sqlite", create=True)
    initialize(store, FixedClock(datetime(2025, 6, 1, tzinfo=UTC)))
    build_demo(store, end=datetime(2026, 6, 30, 18, tzinfo=UTC), scale=0.1)
    text = ords_csv(store, Period(date(2025, 7, 1), date(2026, 6, 30)))
    check_against_schema(text)
    categories = {c.code: c for c in store.categories(include_hidden=True)}
    powered = {c.name_en for c in categories.values() if c.is_electrical}
    assert rows(text) and all(r["partner_product_category"] in powered for r in rows(text))
    assert len({r["product_category"] for r in rows(text)
                if r["partner_product_category"] == "Computers and phones"}) > 1


@pytest.mark.parametrize(("outcome", "message"), [
    ({}, "Describe the problem"),
    ({"problem": "  "}, "Describe the problem"),
    ({"problem": "Dead"}, "ORDS product category"),
    ({"problem": "Dead", "product": "Laptop", "year": "2027"}, "Made in 2027"),
])
def test_a_powered_repair_without_problem_product_or_with_a_later_year_is_refused(
    centre, outcome: dict[str, str], message: str
) -> None:
    store, workshop, gate, _ = centre
    me = store.user("system")
    code = gate.take_in(me, gate.prepare("computers", "repair", None), None,
                        local("2026-02-03T10:00")).code
    workshop.start_repair(me, code, local("2026-02-03T10:00"))
    clock_year = FixedClock(datetime(2027, 3, 1, tzinfo=UTC))
    later = WorkshopService(store, clock_year, "A")
    events = "SELECT count(*) FROM events"
    before = store.db.execute(events).fetchone()
    with pytest.raises(ValidationError, match=message):
        later.finish_repair(me, code, later.outcome("fixed", **outcome),
                            local("2026-02-04T10:00"))
    assert store.db.execute(events).fetchone() == before


def test_the_coordinator_maps_a_category_and_the_cli_takes_product_and_flag(
    centre, capsys: pytest.CaptureFixture[str]
) -> None:
    store, workshop, gate, path = centre
    AdminService(store, FixedClock(datetime(2026, 6, 30, tzinfo=UTC))).set_category_ords(
        store.user("system"), "computers", "laptop")
    code = gate.take_in(store.user("system"), gate.prepare("computers", "repair", None), None,
                        local("2026-02-03T10:00")).code
    db = ["--db", str(path)]
    assert main(["repair", "start", code, *db, "--at", "2026-02-03T11:00"]) == 0
    assert main(["repair", "finish", code, *db, "--status", "end-of-life", "--barrier",
                 "No way to open product", "--problem", "Glued shut", "--at",
                 "2026-02-03T12:00"]) == 0
    capsys.readouterr()
    assert main(["report", *db, "--from", "2026-01-01", "--to", "2026-12-31",
                 "--format", "ords"]) == 0
    record, = rows(capsys.readouterr().out)
    assert (record["product_category"], record["repair_barrier_if_end_of_life"]) == (
        "Laptop", "No way to open product")
    assert main(["report", *db, "--from", "2026-01-01", "--to", "2026-12-31",
                 "--format", "ords", "--unpowered"]) == 0
    assert capsys.readouterr().out == "data_provider,product_category,repair_status,total\n"


@pytest.mark.parametrize("options", [
    ["--format", "json", "--unpowered"], ["--format", "eu-reuse", "--unpowered"],
    ["--format", "csv", "--unpowered"], ["--format", "ords", "--year-earlier"],
    ["--format", "ords", "--baseline-from", "2025-01-01", "--baseline-to", "2025-12-31"],
    ["--format", "eu-reuse", "--baseline-from", "2025-01-01"],
    ["--format", "eu-reuse", "--year-earlier"]])
def test_an_option_the_format_does_not_use_is_refused(
    centre, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    store, _, _, path = centre
    exports = "SELECT count(*) FROM report_exports"
    before = store.db.execute(exports).fetchone()
    assert main(["report", "--db", str(path), "--from", "2026-01-01", "--to", "2026-12-31",
                 *options]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert ("--unpowered" in err) if "--unpowered" in options else ("leave out" in err)
    assert store.db.execute(exports).fetchone() == before


def test_a_product_for_an_unpowered_repair_is_refused(
    centre, capsys: pytest.CaptureFixture[str]
) -> None:
    store, workshop, gate, path = centre
    me = store.user("system")
    code = gate.take_in(me, gate.prepare("books", "repair", None), None,
                        local("2026-02-03T10:00")).code
    workshop.start_repair(me, code, local("2026-02-03T10:00"))
    events = "SELECT count(*) FROM events"
    before = store.db.execute(events).fetchone()
    capsys.readouterr()
    assert main(["repair", "finish", code, "--db", str(path), "--status", "fixed",
                 "--product", "Laptop", "--problem", "Loose spine"]) == 2
    assert capsys.readouterr().err == (
        f"ambacht: Item {code} is not electrical, so it has no ORDS product category: leave "
        "the product out.\n")
    assert store.db.execute(events).fetchone() == before
    assert main(["repair", "finish", code, "--db", str(path), "--status", "fixed"]) == 0

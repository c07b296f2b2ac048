"""The EU re-use report (issue 14, point 10; Commission Implementing Decision (EU) 2021/19):
tonnes re-used per EU category add up to the report's kg reused, each EU category gets what
left for re-use, the coordinator's mapping moves kilos and is recorded, the quality check's
shares add up to 100 %, the workbook's sheet and the PDF's page carry it, and bad input is
refused with nothing changed."""

from __future__ import annotations

import io
import json
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from bad_input import dump
from hypothesis import HealthCheck, settings
from hypothesis.stateful import initialize as first_step
from openpyxl import load_workbook
from test_counting import AMS, LATER, month_ends
from test_properties import START, ZONE, Centre

from db import Store
from db.site_config import travels
from intake.admin import AdminService, NameList
from intake.clock import FixedClock
from intake.demo import build_demo
from intake.errors import AmbachtError, NotFound, ValidationError
from intake.eu_reuse import EuCategory, eu_mapping, eu_reuse, eu_reuse_json, parse_eu_category
from intake.exports import report_xlsx
from intake.gate import GateService
from intake.material import MaterialService
from intake.model import Route, User
from intake.monitoring import Period, build_report
from intake.report_pdf import render_report_pdf
from intake.setup import initialize
from intake.shop import ShopService
from intake.workshop import WorkshopService

END = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_year() -> Store:
    store = Store.open(":memory:")
    initialize(store, FixedClock(END))
    build_demo(store, end=END, scale=0.3)
    return store


def test_the_tonnes_add_up_to_kg_reused_every_month_of_the_demo_year(demo_year: Store) -> None:
    """Per EU category, the kg reused of the categories mapped to it; in all, the report's
    kg reused; and each re-used gram was either weighed or estimated."""
    first = date(2025, 11, 24)
    for end in month_ends(first, END.astimezone(AMS).date()):
        report = build_report(demo_year, Period(end.replace(day=1), end), LATER)
        eu = eu_reuse(demo_year, report)
        assert sum(eu.grams.values()) == report.total.grams_reused, end
        assert eu.grams_weighed + eu.grams_estimated == report.total.grams_reused, end
        for category in EuCategory:
            assert eu.grams[category] == sum(
                figures.grams_reused for code, figures in report.by_category.items()
                if eu.mapping[code] is category), (end, category)
    year = eu_reuse(demo_year, build_report(demo_year, Period(first, END.date()), LATER))
    assert all(grams > 0 for grams in year.grams.values())  # the demo has all five
    data = eu_reuse_json(year)
    assert sum(data["reuse_tonnes"].values()) == pytest.approx(data["total_tonnes"])
    assert data["total_tonnes"] * 1000 == pytest.approx(data["kg_reused"])


@pytest.fixture
def me(store: Store, clock: FixedClock) -> User:
    user = store.user("system")
    assert user is not None
    admin = AdminService(store, clock)
    for name, kind in (("Metaal Oost", "recycling"), ("Techniek College", "reuse")):
        admin.add_name(user, NameList.RECIPIENTS, name)
        admin.set_recipient_kind(user, name, kind)
    return user


def _today(store: Store, clock: FixedClock):
    day = clock.now().astimezone(AMS).date()
    report = build_report(store, Period(day, day), LATER)
    return report, eu_reuse(store, report)


def test_each_eu_category_counts_what_left_for_reuse_and_nothing_else(
    store: Store, clock: FixedClock, me: User, gate: GateService, shop: ShopService,
    workshop: WorkshopService, material: MaterialService,
) -> None:
    def take(category: str, route: Route, grams: int | None = None) -> str:
        return gate.take_in(me, gate.prepare(category, route, grams)).code

    shop.sell(me, [(take("textiles", Route.SALE), 300)])  # the standard 2 kg, estimated
    lamp = take("lamps", Route.REPAIR, 1200)
    workshop.start_repair(me, lamp)
    workshop.finish_repair(me, lamp, workshop.outcome(
        "fixed", problem="Switch broken", safety_test="pass", price_cents=500))
    shop.sell(me, [(lamp, None)])  # after repair
    planks = [take("wood", Route.MATERIAL, 10_000) for _ in range(3)]
    table = workshop.repurpose(me, planks, "furniture", 25_000)
    shop.sell(me, [(table.code, 9000)])  # the table's own 25 kg, the planks not again
    material.send(me, "Techniek College", [take("metal", Route.MATERIAL, 4000)],
                  [("wood", 6000)])  # reuse: the item and the batch
    material.send(me, "Metaal Oost", [take("metal", Route.MATERIAL, 7000)], [])  # recycling
    bike = take("bicycles", Route.SALE, 14_000)
    shop.sell(me, [(bike, 3500)])
    shop.take_back(me, bike, "Frame cracked")  # a return takes its sale back
    shop.sell(me, [(take("books", Route.SALE, 800), 100)])
    take("toys", Route.SALE, 900)  # handed in, still here: not re-used
    report, eu = _today(store, clock)
    assert eu.grams == {EuCategory.TEXTILES: 2000, EuCategory.EEE: 1200,
                        EuCategory.FURNITURE: 25_000, EuCategory.CONSTRUCTION: 10_000,
                        EuCategory.OTHER: 800}
    assert sum(eu.grams.values()) == report.total.grams_reused == 39_000
    assert (eu.grams_weighed, eu.grams_estimated) == (37_000, 2000)
    assert eu.weighed_share + eu.estimated_share == pytest.approx(1.0)
    quality = eu_reuse_json(eu)["quality"]
    assert quality["weighed_share"] == pytest.approx(37 / 39, abs=1e-4)
    assert quality["estimated_share"] == pytest.approx(2 / 39, abs=1e-4)
    assert quality["weighed_share"] + quality["estimated_share"] == pytest.approx(1.0)


def test_the_coordinator_maps_a_category_and_the_kilos_follow(
    store: Store, clock: FixedClock, me: User, coordinator: User, coach: User,
    gate: GateService, shop: ShopService,
) -> None:
    admin = AdminService(store, clock)
    shop.sell(me, [(gate.take_in(me, gate.prepare("books", Route.SALE, 800)).code, 100)])
    assert _today(store, clock)[1].grams[EuCategory.OTHER] == 800
    assert admin.set_category_eu(coordinator, "books", "Textiel") is EuCategory.TEXTILES
    report, eu = _today(store, clock)
    assert (eu.grams[EuCategory.TEXTILES], eu.grams[EuCategory.OTHER]) == (800, 0)
    [change] = eu.changes
    assert (change[1:]) == ("setting eu_category.books", "other", "textiles")
    assert eu_reuse_json(eu)["quality"]["method_changes"][0]["new"] == "textiles"
    assert travels("setting", "eu_category.books")  # to every station of the site, by the hub
    # A new category is "other products" until mapped; a coach may not map.
    admin.add_category(coordinator, "rugs", "Kleden", "Rugs", 3000)
    assert eu_mapping(store.settings(), store.categories())["rugs"] is EuCategory.OTHER
    with pytest.raises(AmbachtError):
        admin.set_category_eu(coach, "rugs", "textiles")


@pytest.mark.parametrize("text", ["", "textile", "EEE2", "kleding", "'; DROP TABLE x; --"])
def test_an_unknown_eu_category_is_refused_and_changes_nothing(
    store: Store, clock: FixedClock, coordinator: User, text: str,
) -> None:
    before = dump(store.db.conn)
    with pytest.raises(ValidationError) as refused:
        AdminService(store, clock).set_category_eu(coordinator, "books", text)
    assert "is not an EU re-use category: textiles, eee, furniture, construction or other" in (
        str(refused.value))
    with pytest.raises(NotFound):
        AdminService(store, clock).set_category_eu(coordinator, "spaceships", "eee")
    assert dump(store.db.conn) == before


def test_the_codes_and_both_languages_names_are_understood() -> None:
    assert [parse_eu_category(t) for t in ("eee", "Furniture", " bouwmaterialen en -PRODUCTEN ",
                                           "Overige producten")] == [
        EuCategory.EEE, EuCategory.FURNITURE, EuCategory.CONSTRUCTION, EuCategory.OTHER]


def test_the_workbook_has_the_eu_sheet_and_the_pdf_its_page(demo_year: Store,
                                                              tmp_path: Path) -> None:
    report = build_report(demo_year, Period(date(2026, 1, 1), date(2026, 6, 30)), LATER)
    eu = eu_reuse(demo_year, report)
    book = load_workbook(io.BytesIO(report_xlsx(report, lang="nl", eu=eu, zone=AMS)))
    sheet = book["EU-hergebruik"]
    values: dict[object, object] = {}
    for row in sheet.iter_rows(values_only=True):  # the first table's rows come first
        values.setdefault(row[0], row[1])
    assert values["Textiel"] == pytest.approx(eu.grams[EuCategory.TEXTILES] / 1e6)
    assert values["Bouwmaterialen en -producten"] == pytest.approx(
        eu.grams[EuCategory.CONSTRUCTION] / 1e6)
    assert values["Totaal"] == pytest.approx(report.total.grams_reused / 1e6)
    assert values["Aandeel gewogen"] + values["Aandeel geschat"] == pytest.approx(1.0)
    assert values["Versie standaardgewichten"] == eu.weights_version
    # Dutch words throughout: the decision's Dutch title, the centre (never "de centrale").
    assert values["Besluit"] == "Uitvoeringsbesluit (EU) 2021/19 van de Commissie"
    texts = " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    assert "het centrum verlaat" in texts and "Commission" not in texts
    without = load_workbook(io.BytesIO(report_xlsx(report, zone=AMS)))
    assert "EU-hergebruik" not in without.sheetnames
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report_pdf(report, lang="en", eu=eu, zone=AMS))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    page = text[text.index("EU re-use\n"):]
    for words in ("Implementing Decision (EU) 2021/19", "Construction materials and products",
                  "Share weighed", "Share estimated", "Standard weights' version",
                  eu.weights_version, "Data sources", "Counting rules version"):
        assert words in page, words
    total = f"{report.total.grams_reused / 1e6:,.3f}"
    assert any(line.split()[:1] == ["Total"] and line.split()[-1] == total
               for line in page.splitlines())


def test_the_command_line_gives_the_last_complete_year_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main

    db = str(tmp_path / "centre.sqlite")
    assert main(["init", "--db", db]) == 0
    capsys.readouterr()
    assert main(["category-eu", "--db", db, "toys", "textiles"]) == 0
    assert capsys.readouterr().out == "category toys: EU textiles\n"
    assert main(["report", "--db", db, "--format", "eu-reuse"]) == 0
    data = json.loads(capsys.readouterr().out)
    year = datetime.now(AMS).year - 1
    assert data["period"]["from"] == f"{year}-01-01" and data["period"]["to"] == f"{year}-12-31"
    assert set(data["reuse_tonnes"]) == {c.value for c in EuCategory}
    assert data["decision"] == "Commission Implementing Decision (EU) 2021/19"
    assert data["provenance"]["counting_rules"] == data["quality"]["counting_rules"]
    assert {c["code"]: c["eu_category"] for c in data["categories"]}["toys"] == "textiles"
    out = tmp_path / "eu.json"
    assert main(["report", "--db", db, "--format", "eu-reuse", "--from", "2026-01-01",
                 "--to", "2026-01-31", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["period"]["from"] == "2026-01-01"
    store = Store.open(db)
    formats = [row[0] for row in store.db.execute("SELECT format FROM report_exports")]
    store.close()
    assert formats == ["eu-reuse"]  # the one written to a file: a report looked at is none


def test_a_period_before_the_database_is_not_counted(
    store: Store, clock: FixedClock, me: User, gate: GateService,
) -> None:
    gate.take_in(me, gate.prepare("books", Route.SALE, 800))
    report = build_report(store, Period(date(2020, 1, 1), date(2020, 12, 31)), LATER)
    data = eu_reuse_json(eu_reuse(store, report))
    assert data["period"]["counted"] is False
    assert data["total_tonnes"] is None and set(data["reuse_tonnes"].values()) == {None}
    assert data["quality"]["weighed_share"] is None


class EuCentre(Centre):
    """test_properties' random histories (intake, repair, sale, return, material, products,
    voids, corrections), its recipient one who reuses: after each, the EU tonnes add up to kg
    reused, and each re-used gram was weighed or estimated, in every period."""

    @first_step()
    def open(self) -> None:
        super().open()
        self.store.name_lists.set_recipient_kind("Metaal Oost", "reuse")

    def teardown(self) -> None:
        if hasattr(self, "store"):
            today = self.clock.now().astimezone(ZONE).date()
            for first, last in ((START.date(), today), (today, today)):
                report = build_report(self.store, Period(first, last), LATER)
                eu = eu_reuse(self.store, report)
                assert sum(eu.grams.values()) == report.total.grams_reused
                assert eu.grams_weighed + eu.grams_estimated == report.total.grams_reused
        super().teardown()


EuCentre.TestCase.settings = settings(
    max_examples=30, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestEuCentre = EuCentre.TestCase

"""Figures of one station beside the whole site's (issue 13: the dashboard's "Dit station"
and "Deze locatie"): in a file that holds the site's history, a station's report counts the
items and visits it took in and the steps it took, and the stations' reports add up to the
site's."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from stations import CLERK, COACH, exchange, station

from intake.audit import first_wrong_day
from intake.monitoring import Period, build_report

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
DAY = Period(date(2026, 11, 21), date(2026, 11, 21))
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def test_a_stations_report_counts_its_own_steps_and_the_stations_add_up_to_the_site(
        tmp_path: Path) -> None:
    gate, shop = station(tmp_path, "A", START), station(tmp_path, "B", START)
    visit = gate.gate.start_visit(COACH, "Zwijndrecht")
    chairs = [gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000), visit)
              for _ in range(3)]
    gate.gate.end_visit(visit)
    own = shop.gate.take_in(COACH, shop.gate.prepare("books", "sale", 1000))
    exchange(gate, shop)
    shop.clock.advance(minutes=30)
    shop.shop.sell(CLERK, [(chairs[0].code, 2500)])
    store = shop.store
    site = build_report(store, DAY, NOW).total
    at_gate = build_report(store, DAY, NOW, station="A").total
    at_shop = build_report(store, DAY, NOW, station="B").total
    assert (site.items_in, site.grams_in, site.visits) == (4, 25000, 1)
    assert (at_gate.items_in, at_gate.grams_in, at_gate.visits) == (3, 24000, 1)
    assert (at_shop.items_in, at_shop.grams_in, at_shop.visits) == (1, 1000, 0)
    # The sale is the shop's step, though the gate took the chair in.
    assert (at_gate.items_sold, at_gate.revenue_cents) == (0, 0)
    assert (at_shop.items_sold, at_shop.grams_sold, at_shop.revenue_cents) == (1, 8000, 2500)
    for name in ("items_in", "grams_in", "visits", "items_sold", "grams_sold",
                 "revenue_cents", "co2_avoided_g", "items_in_stock", "grams_in_stock"):
        assert getattr(site, name) == getattr(at_gate, name) + getattr(at_shop, name), name
    # The stock: the items each station took in and still at the centre.
    assert (at_gate.items_in_stock, at_shop.items_in_stock) == (2, 1)
    report = build_report(store, DAY, NOW, station="B")
    assert report.station == "B" and set(report.by_category) == {"books", "furniture"}
    assert report.by_category["furniture"].items_sold == 1
    assert sum(f.items_in for f in report.by_week.values()) == 1
    assert own.code.startswith("B") and first_wrong_day(store) is None  # cache = afresh
    # A station with no steps in the file counts nothing, and nothing before its first.
    nobody = build_report(store, DAY, NOW, station="C")
    assert nobody.total.items_in == 0 and nobody.first_record is None

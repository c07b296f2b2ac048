"""Stations that received the same steps in different orders count the same (issue 13): no
figure takes the order a file received its steps in (its rowid) as the order of the history."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stations import CLERK, COACH, Station, exchange, report_text, station

from intake.model import Status

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def test_a_sale_and_its_return_at_the_same_time_count_the_same_everywhere(
        tmp_path: Path) -> None:
    gate, back, till, first, second = (station(tmp_path, letter, START)
                                       for letter in "ABCDE")
    chair = gate.gate.take_in(COACH, gate.gate.prepare("furniture", "sale", 8000)).code
    exchange(gate, till)
    sold_at = START + timedelta(hours=2)
    till.clock.set(sold_at)
    till.shop.sell(CLERK, [(chair, 2500)])
    exchange(till, back)
    back.clock.set(sold_at)  # the same second, by another till's clock
    back.shop.take_back(CLERK, chair, "Past niet")
    # `first` gets the sale before its return, `second` the return first (B before C).
    exchange(till, first)
    exchange(back, first)
    exchange(back, second)
    assert _written_order(first, chair) != _written_order(second, chair)
    # Sold again the next day: the day of the sale and return counts the stock at its end
    # from the steps of that day, and the chair was back in stock then.
    till.clock.set(sold_at + timedelta(days=1))
    exchange(back, till)
    till.shop.sell(CLERK, [(chair, 2500)])
    for other in (first, second):
        exchange(till, other)
        assert other.item(chair).status is Status.SOLD
    day = sold_at.date()
    texts = [report_text(other, day, day, sold_at + timedelta(days=2))
             for other in (first, second)]
    assert texts[0] == texts[1]
    assert json.loads(texts[0])["totals"]["items_in_stock"] == 1


def _written_order(here: Station, code: str) -> list[str]:
    return [row[0] for row in here.store.db.execute(
        "SELECT e.type FROM events e JOIN items i ON i.id = e.item_id WHERE i.code = ? "
        "ORDER BY e.rowid", [code])]

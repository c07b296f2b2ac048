"""The reporting SQL: what the monitoring figures are summed from (`intake.monitoring`) and
the repair records of the ORDS export (`intake.exports`). Read only; `store.reports`.

Every query counts only rows whose times can be read (`db/times.py`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from db.newer_steps import KNOWN_STEPS
from db.overruled import CANCELLED, CANCELLED_STEPS
from db.rows import EVENT_READ_COLUMNS, event_from, payload_from_row
from db.times import UNREADABLE_EVENT, UNREADABLE_ITEM, readable_time
from intake.clock import from_storage, to_storage
from intake.model import Event, GateTotals
from intake.order import merged_order

# Only rows whose times can be read are counted (db/times.py). The few that cannot are found
# through their partial indexes (m009) and left out by id: testing every row's time instead
# would cost a strftime() per row of every figure.
_READABLE_ITEM = f"id NOT IN (SELECT id FROM items WHERE {UNREADABLE_ITEM})"
_READABLE_STEP = (f"e.id NOT IN (SELECT id FROM events WHERE {UNREADABLE_EVENT}) "
                  f"AND i.{_READABLE_ITEM}")


class ReportQueries:
    """The reporting queries on one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def gate_totals(self, start: datetime, end: datetime, station: str | None = None) -> GateTotals:
        """Items (not voided), grams and visits (not cancelled) taken in at the gate from
        `start` up to (not incl.) `end`: not the items labelled in the shop, the products made
        in the workshop or the batches weighed out as material."""
        span = [to_storage(start), to_storage(end)]
        at_station = " AND station = ?" if station else ""
        extra = [station] if station else []
        items, grams = self.db.execute(
            "SELECT count(*), coalesce(sum(weight_g), 0) FROM items WHERE origin = 'gate' "
            f"AND voided = 0 AND intake_at >= ? AND intake_at < ?{at_station} "
            f"AND {_READABLE_ITEM}",
            span + extra,
        ).fetchone()
        (visits,) = self.db.execute(
            f"SELECT count(*) FROM visits WHERE started_at >= ? AND started_at < ?{at_station} "
            f"AND {readable_time('started_at')} "
            "AND id NOT IN (SELECT visit_id FROM visit_cancellations)",
            span + extra,
        ).fetchone()
        return GateTotals(items=items, grams=grams, visits=visits)

    def intake_rows(self, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
        """What came in from `start` up to `end`, not voided, not made here: items taken in at
        the gate or labelled in the store, and batches weighed out as material (counted in on
        the day they were weighed, so that in and out balance): (category, municipality or
        '', route at the gate, grams, estimated, intake time, origin, station)."""
        return [
            (*row[:5], from_storage(row[5]), *row[6:])
            for row in self.db.execute(
                "SELECT category, coalesce(municipality, ''), gate_route, weight_g, "
                "weight_estimated, intake_at, origin, station FROM items "
                "WHERE voided = 0 AND origin IN ('gate', 'store', 'bulk') "
                f"AND intake_at >= ? AND intake_at < ? AND {_READABLE_ITEM}",
                [to_storage(start), to_storage(end)],
            )
        ]

    def first_record(self, station: str | None = None) -> datetime | None:
        """When the first item came in or the first visit started (at `station`, if given):
        before it, nothing was counted (a figure then is not counted, not zero)."""
        at = " AND station = ?" if station else ""
        extra = [station] if station else []
        times = [row[0] for row in (
            self.db.execute(f"SELECT intake_at FROM items WHERE {_READABLE_ITEM}{at} "
                            "ORDER BY intake_at LIMIT 1", extra).fetchone(),
            self.db.execute(f"SELECT started_at FROM visits WHERE {readable_time('started_at')}"
                            f"{at} ORDER BY started_at LIMIT 1", extra).fetchone(),
        ) if row is not None]
        return from_storage(min(times)) if times else None

    def visit_rows(self, start: datetime, end: datetime) -> list[tuple[str, datetime, bool, str]]:
        """(municipality or '', start, whether an item of it stands, station) of the visits
        started from `start` up to `end`; a visit cancelled as started by mistake is left
        out."""
        return [
            (row[0], from_storage(row[1]), bool(row[2]), row[3])
            for row in self.db.execute(
                "SELECT coalesce(v.municipality, ''), v.started_at, EXISTS (SELECT 1 FROM items i "
                "WHERE i.visit_id = v.id AND i.voided = 0), v.station FROM visits v "
                "WHERE v.started_at >= ? AND v.started_at < ? "
                "AND v.id NOT IN (SELECT visit_id FROM visit_cancellations) "
                f"AND {readable_time('v.started_at')}",
                [to_storage(start), to_storage(end)],
            )
        ]

    def step_rows(self, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
        """The steps after the gate from `start` up to `end` that still stand (not cancelled,
        item not voided), and the making of repurposed products: (payload, category,
        municipality or '', route at the gate, grams, time of the step, item's intake time,
        item's origin, whether the item had been fixed in the workshop by the step's time, the
        step's station)."""
        cancelled = self._cancelled_steps()
        rows = self.db.execute(
            "SELECT e.id, e.type, e.data, i.category, coalesce(i.municipality, ''), "
            "i.gate_route, i.weight_g, e.at, i.intake_at, i.origin, i.id, e.station "
            "FROM events e JOIN items i ON i.id = e.item_id "
            "WHERE e.at >= ? AND e.at < ? AND i.voided = 0 AND e.type IN ("
            "'repair_finished', 'sold', 'returned', 'material_out', 'repurposed', "
            "'intake') AND (e.type <> 'intake' OR i.origin = 'repurposed') "
            f"AND {_READABLE_STEP}",
            [to_storage(start), to_storage(end)],
        ).fetchall()
        fixed = self._fixed_at(
            {row[10] for row in rows if row[1] in ("sold", "returned")}, cancelled)
        return [
            (payload_from_row(*row[0:3]), *row[3:7], from_storage(row[7]),
             from_storage(row[8]), row[9],
             any(at <= row[7] for at in fixed.get(row[10], ())), row[11])
            for row in rows if row[0] not in cancelled
        ]

    def _fixed_at(self, item_ids: set[str], cancelled: set[str]) -> dict[str, list[str]]:
        """When each of `item_ids` was fixed in the workshop (repair outcomes 'fixed' that
        still stand), as stored times: a sale counts as after repair only if one came before
        it, so a later repair never changes an earlier sale's rung."""
        fixed: dict[str, list[str]] = {}
        for chunk, marks in _in_chunks(sorted(item_ids)):
            for event_id, item_id, at in self.db.execute(
                "SELECT id, item_id, at FROM events WHERE type = 'repair_finished' "
                f"AND item_id IN ({marks}) AND json_extract(data, '$.status') = 'fixed'",
                chunk,
            ):
                if event_id not in cancelled:
                    fixed.setdefault(item_id, []).append(at)
        return fixed

    def _cancelled_steps(self) -> set[str]:
        """Ids of the steps that do not stand: cancelled by a correction, or in conflict with
        another station's (m012, kept without effect). Few, so looked up once, not per row."""
        return {
            row[0] for row in self.db.execute(
                f"{CANCELLED_STEPS} UNION SELECT event_id FROM conflicts")
        }

    def stock_by_category(self, end: datetime, station: str | None = None
                          ) -> list[tuple[str, int, int, int, int]]:
        """Items at the centre at `end` per category: taken in before it (at `station`, if
        given), not voided, and not sold, sent out or used up before it (or taken back
        since): (category, items, grams, ages in whole days summed, items older than 90 days).

        Only two kinds of item can be in stock then: those at the centre now that have not
        moved since `end` (in stock then too: summed by SQL), and those that moved on or came
        back since `end` (looked at one by one; few for a recent `end`).
        """
        moment = to_storage(end)
        at = " AND station = :station" if station else ""
        moves = "('sold', 'returned', 'material_out', 'repurposed')"
        moved_since = f"SELECT item_id FROM events WHERE at >= :moment AND type IN {moves}"
        stock: dict[str, list[int]] = {
            row[0]: list(row[1:]) for row in self.db.execute(
                "SELECT category, count(*), sum(weight_g), sum(age), sum(age > 90) FROM ("
                "SELECT category, weight_g, CAST(round((julianday(:moment) - "
                "julianday(intake_at)) * 86400000) AS INTEGER) / 86400000 AS age "
                # The planner, without statistics, would take items_status and read the table.
                "FROM items INDEXED BY items_at_centre "
                "WHERE status IN ('in_stock', 'in_repair') AND voided = 0 AND origin <> 'bulk' "
                f"AND intake_at < :moment AND {_READABLE_ITEM}{at} "
                f"AND id NOT IN ({moved_since})) GROUP BY category",
                {"moment": moment, "station": station})
        }
        rows = self.db.execute(
            "SELECT id, category, weight_g, intake_at FROM items WHERE voided = 0 "
            f"AND origin <> 'bulk' AND intake_at < :moment AND {_READABLE_ITEM}{at} "
            f"AND id IN ({moved_since})",
            {"moment": moment, "station": station},
        ).fetchall()
        last = self._last_moves([row[0] for row in rows], moment, moves)
        for item_id, category, grams, intake_at in rows:
            if last.get(item_id, "returned") == "returned":
                age = (end - from_storage(intake_at)).days
                sums = stock.setdefault(category, [0, 0, 0, 0])
                for index, value in enumerate((1, grams, age, age > 90)):
                    sums[index] += value
        return [(category, items, grams, days, old)
                for category, (items, grams, days, old) in stock.items()]

    def _last_moves(self, item_ids: list[str], moment: str, moves: str) -> dict[str, str]:
        """The kind of each item's last standing move before `moment`. Moves at the same
        `at` are told apart by the item's merged order (`intake.order`), never by the order
        this file received them in: every station of a site counts the same stock."""
        cancelled = self._cancelled_steps()
        latest: dict[str, list[tuple[str, str]]] = {}  # item id -> its latest (id, kind)
        top: dict[str, str] = {}
        for chunk, marks in _in_chunks(item_ids):
            for event_id, item_id, kind, at in self.db.execute(
                f"SELECT id, item_id, type, at FROM events WHERE item_id IN ({marks}) "
                f"AND at < ? AND type IN {moves} AND {readable_time('at')}", [*chunk, moment],
            ):
                if event_id in cancelled or at < top.get(item_id, ""):
                    continue
                if at > top.get(item_id, ""):
                    top[item_id], latest[item_id] = at, []
                latest[item_id].append((event_id, kind))
        tied = sorted(item_id for item_id, found in latest.items() if len(found) > 1)
        for chunk, marks in _in_chunks(tied):
            histories: dict[str, list[Event]] = {}
            for row in self.db.execute(
                    f"SELECT {EVENT_READ_COLUMNS} FROM events WHERE item_id IN ({marks}) "
                    f"AND {KNOWN_STEPS}", chunk):
                event = event_from(row)
                histories.setdefault(event.item_id, []).append(event)
            for item_id, history in histories.items():
                place = {event.id: n for n, event in enumerate(merged_order(history))}
                latest[item_id].sort(key=lambda found: place[found[0]])
        return {item_id: found[-1][1] for item_id, found in latest.items()}

    def repair_records(self, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
        """Repair outcomes from `start` up to `end` that still stand: (event id, at,
        recorded_at, payload, category, station, place in the station's chain)."""
        return [
            (row[0], from_storage(row[1]), from_storage(row[2]),
             payload_from_row(row[0], "repair_finished", row[3]), *row[4:])
            for row in self.db.execute(
                "SELECT e.id, e.at, e.recorded_at, e.data, i.category, e.station, e.seq "
                "FROM events e JOIN items i ON i.id = e.item_id "
                "WHERE e.type = 'repair_finished' AND e.at >= ? AND e.at < ? AND i.voided = 0 "
                f"AND {readable_time('e.at')} AND {readable_time('e.recorded_at')} "
                f"AND NOT {CANCELLED} "
                "AND e.id NOT IN (SELECT event_id FROM conflicts) ORDER BY e.at, e.id",
                [to_storage(start), to_storage(end)],
            )
        ]


def _in_chunks(values: Sequence[str], size: int = 500) -> Iterator[tuple[list[str], str]]:
    """`values` in slices that fit SQLite's limit on parameters, each with its '?, ?, ...'."""
    for first in range(0, len(values), size):
        chunk = list(values[first:first + size])
        yield chunk, ", ".join("?" * len(chunk))

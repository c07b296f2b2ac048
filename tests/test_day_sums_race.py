"""The day-sum cache keeps every "this day changed" mark (issue 14, point 8).

Two refreshes of the sums ran at once (the start-up refresh and a report) while the gate took
an item in: the first refresh read the day, the intake committed, the second refresh claimed
the mark and summed the day, and then the first saved its older sums over it as done. The day
then stayed one item short for good. The test drives exactly that interleaving with real
connections on one file: a hook stops the first refresh after it has read the day's intake,
and lets the gate and the second refresh run on threads of their own meanwhile.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path

from db import Store
from intake.audit import first_wrong_day
from intake.clock import FixedClock
from intake.day_sums import refresh_day_figures
from intake.gate import GateService
from intake.model import Route
from intake.monitoring import Period, build_report
from intake.setup import initialize

NOW = datetime(2026, 3, 28, 11, 0, tzinfo=UTC)
DAY = date(2026, 3, 28)


def take_in(path: Path, grams: int) -> None:
    """One intake at the gate on its own connection, as the gate's PC would."""
    store = Store.open(path)
    try:
        gate = GateService(store, FixedClock(NOW), "A")
        me = store.user("system")
        assert me is not None
        gate.take_in(me, gate.prepare("books", Route.SALE, grams), None, NOW)
    finally:
        store.close()


def refresh(path: Path) -> None:
    """A second refresh of the day on its own connection (the dashboard or `ambacht report`)."""
    store = Store.open(path)
    try:
        refresh_day_figures(store, DAY, DAY, store.categories(include_hidden=True))
    finally:
        store.close()


def test_a_step_during_a_refresh_is_never_lost(tmp_path: Path) -> None:
    path = tmp_path / "centre.sqlite"
    first = Store.open(path, create=True)
    initialize(first, FixedClock(NOW))
    take_in(path, 2000)
    build_report(first, Period(DAY, DAY), NOW)  # the day is summed: one item
    take_in(path, 3000)  # ... and marked changed: the next refresh sums it again

    others: list[threading.Thread] = []
    read_intake = first.reports.intake_rows

    def intake_rows_then_others(*args: object) -> object:
        """The first refresh has read the day: now the gate takes an item in and a second
        refresh runs, each as far as SQLite lets it before the first refresh goes on."""
        rows = read_intake(*args)  # type: ignore[arg-type]
        if not others:
            gate = threading.Thread(target=take_in, args=(path, 1000))
            gate.start()
            gate.join(timeout=1.0)  # blocked behind the first refresh's lock, as it must be
            second = threading.Thread(target=refresh, args=(path,))
            second.start()
            second.join(timeout=1.0)
            others.extend([gate, second])
        return rows

    first.reports.intake_rows = intake_rows_then_others  # type: ignore[method-assign]
    refresh_day_figures(first, DAY, DAY, first.categories(include_hidden=True))
    for thread in others:
        thread.join(timeout=30)
        assert not thread.is_alive()
    first.reports.intake_rows = read_intake  # type: ignore[method-assign]

    report = build_report(first, Period(DAY, DAY), NOW)
    assert (report.total.items_in, report.total.grams_in) == (3, 6000)
    assert first_wrong_day(first) is None
    first.close()

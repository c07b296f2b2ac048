"""Visits count only with an item that stands (issue 14, point 5): a visit whose items were
all voided counts under `visits_without_items`, and a visit started by mistake is cancelled by
the coach (a row in the history, never a delete) and counts nowhere."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from taps import log_in, tap
from test_bad_input import dump
from test_gate_screen import panel

from db import Store
from intake.clock import FixedClock
from intake.errors import AmbachtError
from intake.gate import GateService
from intake.hub_errors import RestoredStation
from intake.model import Route, User
from intake.monitoring import Period, build_report
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.panels import ConfirmPanel

TODAY = date(2026, 11, 21)
EVENING = datetime(2026, 11, 21, 20, 0, tzinfo=UTC)


def visits(store: Store) -> tuple[int, int]:
    """(visits, visits without items) of the day the fixtures' clock stands on."""
    total = build_report(store, Period(TODAY, TODAY), EVENING).total
    return total.visits, total.visits_without_items


def test_a_visit_counts_only_with_an_item_that_stands(
    store: Store, coach: User, gate: GateService
) -> None:
    kept = gate.start_visit(coach)
    gate.take_in(coach, gate.prepare("books", Route.SALE), kept)
    voided = gate.start_visit(coach)
    gate.take_in(coach, gate.prepare("books", Route.SALE), voided)
    assert visits(store) == (2, 0)
    gate.undo_last(coach, voided, "Entered twice")
    assert visits(store) == (1, 1)
    assert store.reports.gate_totals(*Period(TODAY, TODAY).span(store)).visits == 2


def test_a_visit_started_by_mistake_is_cancelled_and_counts_nowhere(
    store: Store, coach: User, shop_clerk: User, gate: GateService
) -> None:
    mistake = gate.start_visit(coach)
    busy = gate.start_visit(coach)
    gate.take_in(coach, gate.prepare("books", Route.SALE), busy)
    assert visits(store) == (1, 1)
    for who, visit in ((shop_clerk, mistake), (coach, busy)):
        before = dump(store.db.conn)
        with pytest.raises(AmbachtError):
            gate.cancel_visit(who, visit)
        assert dump(store.db.conn) == before
    gate.cancel_visit(coach, mistake)
    assert visits(store) == (1, 0)
    assert store.reports.gate_totals(*Period(TODAY, TODAY).span(store)).visits == 1
    assert store.visit(mistake.code) is not None  # kept in the history, with who and why
    assert store.db.execute("SELECT user_id, reason FROM visit_cancellations").fetchall() == [
        (coach.id, "Started by mistake")]
    before = dump(store.db.conn)
    with pytest.raises(AmbachtError, match="cancelled already"):
        gate.cancel_visit(coach, mistake)
    assert dump(store.db.conn) == before


def test_a_restored_station_cancels_no_visit_before_it_synced(
    store: Store, coach: User, gate: GateService
) -> None:
    """The backup's copy of a visit may lack items the hub holds: it only looks empty."""
    visit = gate.start_visit(coach)
    with store.atomic():
        store.db.execute("INSERT INTO hub_restored (only_row, restored_at) VALUES (1, ?)",
                         [EVENING.isoformat()])
    before = dump(store.db.conn)
    with pytest.raises(RestoredStation):
        gate.cancel_visit(coach, visit)
    assert dump(store.db.conn) == before


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    return build_context(store, clock, "en")


def test_the_coach_cancels_a_visit_by_a_tap_after_a_question(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    log_in(qtbot, window, "1111")
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    assert gate.cancel_visit_button.isVisible() and not gate.undo_button.isVisible()
    tap(qtbot, gate.cancel_visit_button)
    tap(qtbot, panel(window, ConfirmPanel).no_button)  # kept
    assert gate.visit is not None
    tap(qtbot, gate.cancel_visit_button)
    tap(qtbot, panel(window, ConfirmPanel).yes_button)
    assert gate.visit is None and gate.pages.currentWidget() is gate.visit_start
    assert "cancelled" in gate.banner.text()
    assert visits(ctx.store) == (0, 0)

"""Screens read through the context, whose lists come from the store's cache: the work of a
scan into a sale does not grow with the sale."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_flow_screens import scan
from test_gate_screen import log_in

from db import Store
from intake.clock import FixedClock
from intake.model import User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, shop_clerk: User,
        tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    return build_context(store, clock, "en")


def test_each_scan_into_a_sale_costs_the_same_however_long_the_sale(
    qtbot, window: MainWindow, ctx: AppContext, coach: User
) -> None:
    codes = [ctx.gate.take_in(coach, ctx.gate.prepare("books", "sale", 500)).code
             for _ in range(30)]
    log_in(qtbot, window, "3333")
    statements: list[str] = []
    ctx.store.db.conn.set_trace_callback(statements.append)
    per_scan = []
    for code in codes:
        statements.clear()
        scan(qtbot, code)
        per_scan.append(len(statements))
    ctx.store.db.conn.set_trace_callback(None)
    assert len(window.shop.basket) == 30
    assert len(set(per_scan[1:])) == 1, per_scan  # the first fills the caches
    assert per_scan[-1] <= 6, statements


def test_screens_and_widgets_read_through_the_context_not_the_store() -> None:
    """ui/context.py's promise: the screens never reach for the database themselves."""
    ui = Path(__file__).resolve().parents[1] / "ui"
    reaching = [f"{path.relative_to(ui)}:{number}"
                for folder in ("screens", "widgets") for path in (ui / folder).glob("*.py")
                for number, line in enumerate(path.read_text().splitlines(), 1)
                if "ctx.store" in line]
    assert reaching == []

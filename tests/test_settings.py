"""Typed settings (`intake.settings`), read once and again only after a change
(`db.config_cache`): by this program, by another program on the file, or not at all when the
change was rolled back."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from db import Store
from devices.settings import DEFAULTS as DEVICE_DEFAULTS
from intake.defaults import DEFAULT_SETTINGS
from intake.gate import GateService
from intake.model import User
from intake.settings import SCOPES, Scope, Settings, is_site_key, scope_of
from intake.setup import initialize

ROOT = Path(__file__).resolve().parents[1]


def test_values_are_parsed_once_with_their_defaults() -> None:
    empty = Settings({})
    assert (empty.site_name, empty.station, empty.language, empty.idle_logout_s) == (
        "", "", "nl", 120)
    assert (empty.label_size, empty.labels_per_item, empty.label_folder) == ("62x29", 1, None)
    assert str(empty.zone) == "Europe/Amsterdam" and empty.baseline is None
    odd = Settings({"idle_logout_s": "soon", "labels_per_item": "99", "label_size": "1x1",
                    "timezone": "Mars/Olympus", "label_folder": "  ", "baseline_from": "x",
                    "baseline_to": "2026-03-31", "target.2026.kg_collected": "lots"})
    assert (odd.idle_logout_s, odd.labels_per_item, odd.label_size) == (120, 5, "62x29")
    assert str(odd.zone) == "Europe/Amsterdam" and odd.label_folder is None
    assert odd.baseline is None and odd.target(2026, "kg_collected") is None
    set_ = Settings({"baseline_from": "2026-01-01", "baseline_to": "2026-03-31",
                     "target.2026.kg_collected": "1500", "document_folder": "/srv/docs"})
    assert set_.baseline == (date(2026, 1, 1), date(2026, 3, 31))
    assert set_.target(2026, "kg_collected") == 1500.0
    assert set_.document_folder == Path("/srv/docs")


def _keys_the_coordinator_sets() -> set[str]:
    """The literal keys `AdminService._set` is called with."""
    tree = ast.parse((ROOT / "intake" / "admin.py").read_text())
    return {node.args[1].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "_set" and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)}


def test_every_setting_belongs_to_the_station_or_the_site() -> None:
    known = {*DEFAULT_SETTINGS, *DEVICE_DEFAULTS, *_keys_the_coordinator_sets(), "backup_folder"}
    assert known - set(SCOPES) == set()
    assert scope_of("printer") is Scope.STATION and scope_of("scale_port") is Scope.STATION
    assert scope_of("site_name") is Scope.SITE and scope_of("timezone") is Scope.SITE
    assert is_site_key("target.2027.kg_reused") and not is_site_key("idle_logout_s")
    assert is_site_key("a_setting_of_a_newer_version")  # travels on as it came


def _selects(store: Store, table: str) -> list[str]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(
        lambda sql: seen.append(sql) if f"FROM {table}" in sql else None)
    return seen


def test_an_intake_reads_the_settings_table_at_most_once(
    store: Store, gate: GateService, coach: User
) -> None:
    gate.take_in(coach, gate.prepare("books", "sale", 1000))  # the first reads fill the cache
    reads = _selects(store, "settings")
    for _ in range(3):
        gate.take_in(coach, gate.prepare("furniture", "repair", 12_000))
    assert reads == []


def test_a_change_is_seen_at_once_and_a_rolled_back_one_never(store: Store) -> None:
    assert store.settings().site_name == "Ambachtscentrum Test"
    with store.atomic():
        store.set_setting("site_name", "Kringloop Noord")
        assert store.settings().site_name == "Kringloop Noord"  # inside: the table itself
    assert store.settings().site_name == "Kringloop Noord"
    with pytest.raises(RuntimeError), store.atomic():
        store.set_setting("site_name", "Never")
        raise RuntimeError("the step fails after the change")
    assert store.settings().site_name == "Kringloop Noord"


def test_a_change_by_another_program_is_seen(tmp_path: Path, clock) -> None:
    path = tmp_path / "ambacht.db"
    gate_pc = Store.open(path, create=True)
    initialize(gate_pc, clock, site_name="Noord", station="A")
    assert gate_pc.settings().site_name == "Noord" and gate_pc.category("books") is not None
    other = Store.open(path)
    with other.atomic():
        other.set_setting("site_name", "Zuid")
        other.db.execute("UPDATE categories SET hidden = 1 WHERE code = 'books'")
    other.close()
    assert gate_pc.settings().site_name == "Zuid"
    assert gate_pc.category("books").hidden and "books" not in {
        c.code for c in gate_pc.categories()}
    reads = _selects(gate_pc, "settings")
    gate_pc.settings()
    assert reads == []  # read again once, then kept
    gate_pc.close()

"""Every command closes the database it opened when it ends, also when it refuses: commands
run one after another in one process (the tests, a script importing `cli.main`) must not hold
the file until the garbage collector runs, or `restore` rightly refuses it as in use."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_run import run, run_on


def _open_connections() -> Iterator[sqlite3.Connection]:
    for thing in gc.get_objects():
        if isinstance(thing, sqlite3.Connection):
            try:
                thing.execute("SELECT 1")
            except sqlite3.ProgrammingError:  # closed
                continue
            yield thing


@pytest.fixture
def no_collector() -> Iterator[None]:
    """The garbage collector off, so that only what a command closes itself is closed."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


COMMANDS = [
    ("init",),
    ("intake", "--category", "books", "--route", "sale"),
    ("item", "A000001"),
    ("item", "not-a-code"),  # a refusal
    ("report", "--from", "2026-01-01", "--to", "2027-01-01"),
    ("report", "--from", "2026-01-01"),  # a refusal of usage
    ("conflicts",),
    ("categories",),
    ("check", "--full"),
    ("sell", "A000001", "--price", "2.50"),
    ("void", "A000001", "--reason", "broken"),
    ("sync",),  # refused: not joined
]


def test_no_command_leaves_its_database_open(capsys, tmp_path: Path, no_collector) -> None:
    db = tmp_path / "centre.sqlite"
    before = list(_open_connections())
    for command in COMMANDS:
        run_on(capsys, db, *command)
        left = [conn for conn in _open_connections() if conn not in before]
        assert not left, f"{command[0]} left {len(left)} connection(s) open"
    backup = tmp_path / "old.sqlite"
    assert run_on(capsys, db, "backup", "--out", str(backup))[0] == 0
    assert run(capsys, "restore", str(backup), "--db", str(db))[0] == 0

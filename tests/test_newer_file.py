"""A database a newer Ambacht changed (issue 11): read-only commands read it with a warning and
write nothing, not even the report's cache; every write command and the app refuse it, and the
app offers no older backup over it."""

from __future__ import annotations

import gc
import json
import sqlite3
from pathlib import Path

import pytest
from cli_run import run
from PySide6.QtWidgets import QLabel

from cli.main import main
from db import Store
from db.backup import check_backup, write_backup
from intake.clock import FixedClock
from intake.errors import NewerDatabase
from ui.app import Startup
from ui.screens.recovery import RecoveryScreen

FUTURE = "m099_from_a_newer_version"



def dump(path: Path) -> list[str]:
    """The whole content of the file, as SQL (read-only)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def make_newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('ambacht', ?, '2027-01-01T00:00:00')", [FUTURE])
    conn.close()


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    """A file with two items, a report cached, then a third item (its day stale again),
    then changed by a newer version."""
    path = tmp_path / "centre.sqlite"
    assert main(["init", "--db", str(path), "--site", "Oss"]) == 0
    for category in ("bicycles", "books"):
        assert main(["intake", "--db", str(path), "--category", category, "--route", "sale",
                     "--at", "2026-03-02T10:00"]) == 0
    assert main(["report", "--db", str(path), "--from", "2026-03-01",
                 "--to", "2026-03-31"]) == 0
    assert main(["intake", "--db", str(path), "--category", "books", "--route", "repair",
                 "--at", "2026-03-02T11:00"]) == 0
    capsys.readouterr()
    make_newer(path)
    return path


def test_read_only_commands_read_it_with_a_warning_and_change_nothing(
    capsys, db: Path, tmp_path: Path
) -> None:
    before = dump(db)
    stale = [line for line in before if "stale_dates" in line and "INSERT" in line]
    assert stale, "the third intake left its day stale for the next report"
    code, out, err = run(capsys, "report", "--db", str(db), "--from", "2026-03-01",
                         "--to", "2026-03-31")
    assert code == 0 and FUTURE in err and "newer version" in err and "Update Ambacht" in err
    # Summed in memory from the events: the third item counts, though the cache in the file
    # is stale and stays so.
    assert json.loads(out)["totals"]["items_in"] == 3
    code, out, err = run(capsys, "item", "A000003", "--db", str(db))
    assert code == 0 and out.startswith("A000003") and FUTURE in err
    code, out, _ = run(capsys, "categories", "--db", str(db))
    assert code == 0 and "bicycles" in out
    label = tmp_path / "label.pdf"
    code, _, _ = run(capsys, "label", "A000001", "--out", str(label), "--db", str(db))
    assert code == 0 and label.read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, "check", "--db", str(db))
    assert code == 0 and out.endswith(": ok\n")
    copy = tmp_path / "copy.sqlite"
    code, out, _ = run(capsys, "backup", "--db", str(db), "--out", str(copy))
    assert code == 0 and out.strip() == str(copy)
    assert dump(db) == before
    # The backup is whole, and as newer as its source: restoring it here is refused.
    assert check_backup(copy, newer_ok=True).items == 3
    with pytest.raises(NewerDatabase):
        check_backup(copy)


@pytest.mark.parametrize("command", [
    ["intake", "--category", "books", "--route", "sale"],
    ["void", "A000001", "--reason", "by mistake"],
    ["price", "A000001", "--price-eur", "5"],
    ["target", "--year", "2026", "--kg-collected", "1000"],
    ["init", "--site", "Other"],
])
def test_every_write_command_is_refused_and_changes_nothing(
    capsys, db: Path, command: list[str]
) -> None:
    before = dump(db)
    code, out, err = run(capsys, *command, "--db", str(db))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "changed by a newer version of Ambacht" in err
    assert FUTURE in err and "nothing was changed" in err
    assert dump(db) == before


def test_restore_over_it_is_refused(capsys, db: Path, tmp_path: Path) -> None:
    older = tmp_path / "older.sqlite"
    assert main(["init", "--db", str(older)]) == 0
    backup = write_backup(older, tmp_path / "older-backup.sqlite").path
    capsys.readouterr()
    gc.collect()  # the earlier commands' connections close, as when their processes end
    before = dump(db)
    code, _, err = run(capsys, "restore", str(backup), "--db", str(db))
    assert code == 2 and "newer version" in err
    assert dump(db) == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_the_app_says_to_update_and_offers_no_backup(
    qtbot, db: Path, clock: FixedClock
) -> None:
    (db.parent / "backups").mkdir()
    write_backup(db, db.parent / "backups" / "ambacht-2026-11-20T170000Z.sqlite")
    with pytest.raises(NewerDatabase):
        Store.open(db)
    before = dump(db)
    startup = Startup(db, clock, "nl")
    startup.begin()
    [window] = startup.windows
    screen = window.centralWidget()
    assert isinstance(screen, RecoveryScreen) and not startup.opened
    assert screen.choices == {}
    texts = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "nieuwere versie" in texts and "nieuwste versie" in texts and FUTURE in texts
    window.close()
    assert dump(db) == before

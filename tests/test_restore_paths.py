"""The restore's other paths, each killed at its named steps (the AMBACHT_FAULT hook): over a
file SQLite cannot read (with a -wal of its own), from a backup with another page size, and
where there is no database but a -wal of a deleted one still lies."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from test_all_or_nothing import codes, integrity, plant_orphan_wal, take_in
from test_backup import make_db

from db.backup import write_backup
from db.restore import restore

NOW = datetime(2026, 11, 26, 9, 30, 12, tzinfo=UTC)
GARBAGE = b"SQLite format 3\x00" + b"\xff" * 5000


def ambacht_restore(backup: Path, db: Path, step: str | None = None) -> int:
    env = {**os.environ, "AMBACHT_FAULT": step} if step else None
    done = subprocess.run([sys.executable, "-m", "cli", "restore", str(backup), "--db",
                           str(db)], env=env, capture_output=True)
    assert done.returncode in (0, -signal.SIGKILL), done.stderr.decode()
    return done.returncode


def pragma(path: Path, name: str) -> object:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_an_unreadable_file_is_replaced_whole_and_its_wal_kept_apart(tmp_path: Path) -> None:
    source = make_db(tmp_path / "source.sqlite", 6)
    backup = write_backup(source, tmp_path / "b.sqlite").path
    db = tmp_path / "ambacht.sqlite"
    for step in ("restore-kept", "restore-staged", "restore-set-aside", None):
        db.write_bytes(GARBAGE)  # the disk mangled it; its -wal is no use to the new one
        Path(f"{db}-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 60)
        rc = ambacht_restore(backup, db, step)
        assert rc == (0 if step is None else -signal.SIGKILL), step
        if db.read_bytes() == GARBAGE:
            assert step is not None  # killed before the rename: the old file, untouched
        else:
            assert not Path(f"{db}-wal").exists(), step  # never beside the new file
            assert integrity(db) == "ok" and codes(db) == codes(backup)
    kept = sorted(tmp_path.glob("ambacht.sqlite.before-restore-*"))
    assert any(path.name.endswith("-wal") for path in kept)
    assert all(path.read_bytes() == GARBAGE for path in kept if path.name[-4:] not in
               ("-wal", "-shm"))
    take_in(db)
    assert not list(tmp_path.glob(".ambacht.sqlite.*"))  # the last run cleared the copies


def test_a_backup_with_another_page_size_is_restored_in_rollback_mode(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 5)
    backup = write_backup(make_db(tmp_path / "source.sqlite", 9), tmp_path / "b.sqlite").path
    with closing(sqlite3.connect(backup, isolation_level=None)) as conn:
        conn.execute("PRAGMA page_size=8192")
        conn.execute("VACUUM")  # as a copy made by another tool might be
    assert pragma(backup, "page_size") == 8192
    old = codes(db)
    for step in ("restore-copying", "restore-copied"):
        assert ambacht_restore(backup, db, step) == -signal.SIGKILL
        assert integrity(db) == "ok"
        assert codes(db) == (old if step == "restore-copying" else codes(backup))
        if step == "restore-copying":  # the rollback journal took the old content back
            assert pragma(db, "page_size") == 4096
    summary, kept = restore(backup, db, NOW)
    assert (summary.items, pragma(db, "page_size"), pragma(db, "journal_mode")) == (
        9, 8192, "wal")
    assert kept is not None and codes(kept) == codes(backup)
    assert take_in(db)


def test_no_database_and_a_deleted_ones_wal_the_backup_comes_in_alone(tmp_path: Path) -> None:
    backup = write_backup(make_db(tmp_path / "source.sqlite", 4), tmp_path / "b.sqlite").path
    db = tmp_path / "ambacht.sqlite"
    plant_orphan_wal(db)
    assert ambacht_restore(backup, db, "restore-staged") == -signal.SIGKILL
    assert not db.exists() and Path(f"{db}-wal").exists()  # nothing changed yet
    summary, kept = restore(backup, db, NOW)
    assert kept is None and summary.items == 4
    assert not Path(f"{db}-wal").exists()
    assert sorted(path.name for path in tmp_path.glob("*-wal")) == [
        "ambacht.sqlite.before-restore-2026-11-26T093012Z-wal"]
    with closing(sqlite3.connect(db)) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "foreign_marker" not in tables and codes(db) == codes(backup)
    assert take_in(db)

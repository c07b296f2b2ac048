"""Backups and restore: checked copies, rotation, and refusals that change nothing."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from db import Store
from db.backup import (
    back_up,
    backup_folder,
    backup_name,
    check_backup,
    list_backups,
    rotate,
    write_backup,
)
from db.connection import check_intact
from db.restore import restore
from intake.auth import SYSTEM_USER_ID
from intake.clock import FixedClock
from intake.errors import StorageError
from intake.gate import GateService
from intake.setup import initialize

NOW = datetime(2026, 11, 26, 9, 30, 12, tzinfo=UTC)


def make_db(path: Path, items: int) -> Path:
    store = Store.open(path, create=True)
    clock = FixedClock(NOW)
    initialize(store, clock, station="A")
    add_items(store, items)
    store.close()
    return path


def add_items(store: Store, count: int) -> None:
    gate = GateService(store, FixedClock(NOW), "A")
    user = store.user(SYSTEM_USER_ID)
    assert user is not None
    for _ in range(count):
        gate.take_in(user, gate.prepare("books", "sale"))


def item_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM items").fetchone()[0])
    finally:
        conn.close()


def test_a_backup_is_checked_dated_and_a_single_file(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 5)
    folder = tmp_path / "stick"
    folder.mkdir()
    summary = back_up(db, {"backup_folder": str(folder)}, NOW)
    assert summary.path == folder / "ambacht-2026-11-26T093012Z.sqlite"
    assert (summary.items, summary.events) == (5, 5) and summary.latest_event_at
    assert list(folder.iterdir()) == [summary.path]  # no temporary file, no -wal left behind
    conn = sqlite3.connect(summary.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert check_backup(summary.path) == summary


def test_a_backup_while_the_gate_has_the_database_open(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 3)
    store = Store.open(db)
    add_items(store, 2)  # committed, still in the -wal
    out = write_backup(db, tmp_path / "copy.sqlite")
    assert out.items == 5
    add_items(store, 1)  # the gate goes on while the backup exists
    store.close()


def test_missing_folder_says_to_connect_the_stick(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 1)
    with pytest.raises(StorageError, match="is not there. Is the USB stick"):
        back_up(db, {"backup_folder": str(tmp_path / "unplugged")}, NOW)
    assert back_up(db, {}, NOW).path.parent == tmp_path / "backups"  # the default is made


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 1)
    out = tmp_path / "taken.sqlite"
    out.write_bytes(b"mine")
    with pytest.raises(StorageError, match="exists already"):
        write_backup(db, out)
    assert out.read_bytes() == b"mine"


def test_default_folder_is_beside_the_database(tmp_path: Path) -> None:
    assert backup_folder({}, tmp_path / "a.sqlite") == tmp_path.resolve() / "backups"
    assert backup_folder({"backup_folder": "/media/usb"}, tmp_path / "a.sqlite") == Path(
        "/media/usb")


def test_rotation_keeps_a_week_of_days_and_two_months_of_weeks(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 1)
    one = write_backup(db, tmp_path / "one.sqlite").path
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not ours")
    made = [NOW - timedelta(hours=6 * n) for n in range(4 * 90)]  # four a day for 90 days
    for moment in made:
        shutil.copyfile(one, folder / backup_name(moment))
    removed = rotate(folder, NOW)
    kept = list_backups(folder)
    assert len(kept) + len(removed) == len(made)
    assert kept[0].name == backup_name(NOW)  # the newest always stays
    days = {p.name[8:18] for p in kept}
    assert len(kept) <= 15 and len(days) == len(kept)  # at most one a day
    assert {backup_name(NOW - timedelta(days=d))[8:18] for d in range(7)} <= days
    assert (folder / "notes.txt").exists()
    oldest = min(p.name for p in kept)
    assert oldest < backup_name(NOW - timedelta(weeks=6))  # weekly ones reach back 8 weeks


def test_rotation_clears_copies_left_half_written_by_a_killed_backup(tmp_path: Path) -> None:
    import os
    import time

    folder = tmp_path / "backups"
    folder.mkdir()
    left = folder / f".{backup_name(NOW)}.k2j9x_a1.tmp"  # as `_temporary` names them
    running = folder / f".{backup_name(NOW)}.q8w7e6r5.tmp"
    for path in (left, running):
        path.write_bytes(b"SQLite format 3\x00")
    day_ago = time.time() - 24 * 3600
    os.utime(left, (day_ago, day_ago))
    assert rotate(folder, NOW) == [left]
    assert running.exists() and not left.exists()


def test_incomplete_foreign_and_newer_files_are_refused(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 200)
    good = write_backup(db, tmp_path / "good.sqlite").path
    half = tmp_path / "half.sqlite"
    half.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(StorageError, match="damaged"):
        check_backup(half)
    text = tmp_path / "notes.sqlite"
    text.write_text("hello")
    with pytest.raises(StorageError, match="not an Ambacht backup"):
        check_backup(text)
    other = tmp_path / "photos.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photo (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="not an Ambacht backup"):
        check_backup(other)
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(good, newer)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('ambacht', 'm999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer version of Ambacht"):
        check_backup(newer)


def test_restore_keeps_the_current_database_aside(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 4)
    backup = write_backup(db, tmp_path / "monday.sqlite")
    store = Store.open(db)
    add_items(store, 3)
    store.close()
    summary, kept = restore(backup.path, db, NOW)
    assert (summary.items, kept) == (4, tmp_path / "ambacht.sqlite.before-restore-"
                                     "2026-11-26T093012Z")
    assert item_count(db) == 4 and item_count(kept) == 7
    store = Store.open(db)  # opens normally and goes on numbering after the backup's items
    add_items(store, 1)
    assert store.item_by_code("A000005") is not None
    store.close()


def test_restore_refuses_a_bad_backup_and_a_database_in_use(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 50)
    backup = write_backup(db, tmp_path / "b.sqlite").path
    half = tmp_path / "half.sqlite"
    half.write_bytes(backup.read_bytes()[:8192])
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StorageError):
        restore(half, db, NOW)
    store = Store.open(db)  # the app is running on it
    with pytest.raises(StorageError, match="open in a running Ambacht"):
        restore(backup, db, NOW)
    store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert item_count(db) == 50


def test_restore_replaces_a_damaged_file_and_keeps_it(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 3)
    backup = write_backup(db, tmp_path / "b.sqlite").path
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(StorageError):
        Store.open(db)
    _, kept = restore(backup, db, NOW)
    assert kept is not None and kept.read_bytes().startswith(b"SQLite format 3\x00\xff")
    assert Store.open(db).item_count() == 3


def test_a_damaged_database_is_found_by_the_check(tmp_path: Path, capsys) -> None:
    from cli.main import main

    db = make_db(tmp_path / "ambacht.sqlite", 300)
    assert main(["check", "--db", str(db), "--full"]) == 0
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * page: root * page] = b"\x07" * page  # a page of the items table scribbled
    db.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged"):
        check_intact(db)
    assert main(["check", "--db", str(db)]) == 2
    assert "damaged" in capsys.readouterr().err


def test_backup_and_restore_on_the_command_line(tmp_path: Path, capsys) -> None:
    from cli.main import main

    db = make_db(tmp_path / "ambacht.sqlite", 2)
    assert main(["backup", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    made = Path(out.strip())
    assert made.parent == tmp_path / "backups" and "2 items, 2 steps" in err
    assert main(["backup", "--db", str(db), "--out", str(made)]) == 2
    assert capsys.readouterr().err == f"ambacht: {made} exists already; choose another name.\n"
    store = Store.open(db)
    add_items(store, 1)
    store.close()
    assert main(["restore", str(made), "--db", str(db)]) == 0
    out, _ = capsys.readouterr()
    assert f"Restored {db} from {made}: 2 items" in out and "kept as" in out
    assert item_count(db) == 2
    assert main(["restore", str(tmp_path / "nothing.sqlite"), "--db", str(db)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_backup_that_is_not_there_is_named_so(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"gone\.sqlite is not there\.$"):
        check_backup(tmp_path / "gone.sqlite")

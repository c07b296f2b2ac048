"""Backups when the clock is wrong, the rotation rule that keeps the fullest backup, and a
backup killed at its named steps.

With the injected clock (`FixedClock`) for the rules, and one real run of `ambacht backup`
under `faketime` with the machine's clock set back and ahead.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_backup import add_items, make_db

from db import Store
from db.backup import (
    back_up,
    backup_due,
    backup_name,
    backup_time,
    check_backup,
    list_backups,
    rotate,
)
from intake.clock import FixedClock
from ui.app import build_context

NOW = datetime(2026, 11, 26, 9, 30, 12, tzinfo=UTC)


def history(db: Path, folder: Path, last: datetime, days: int) -> list[Path]:
    """Daily backups of `db` for `days` days up to `last` (copies of one), rotated."""
    one = back_up(db, {"backup_folder": str(folder)}, last).path
    for day in range(1, days):
        shutil.copyfile(one, folder / backup_name(last - timedelta(days=day)))
    rotate(folder, last)
    return list_backups(folder)


def test_a_newer_emptier_backup_never_pushes_out_the_fullest_of_its_day(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 20)
    good = back_up(db, {}, NOW).path
    (tmp_path / "empty").mkdir()
    empty = make_db(tmp_path / "empty" / "ambacht.sqlite", 0)  # what a failed restore left
    later = back_up(empty, {"backup_folder": str(good.parent)}, NOW + timedelta(hours=2)).path
    assert list_backups(good.parent) == [later, good]  # both stay: the earlier holds more
    store = Store.open(db)
    add_items(store, 5)
    store.close()
    fuller = back_up(db, {}, NOW + timedelta(hours=3)).path
    assert list_backups(good.parent) == [fuller]  # 25 steps: both earlier ones are covered


def test_rotation_never_removes_the_backup_just_made_with_the_clock_set_back(
    tmp_path: Path,
) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 3)
    folder = tmp_path / "backups"
    folder.mkdir()
    real = history(db, folder, NOW, 70)  # ten weeks: every slot taken by a real day or week
    back = back_up(db, {}, NOW - timedelta(days=400))  # the clock went back a year
    assert back.path.exists() and set(list_backups(folder)) == set(real) | {back.path}
    again = back_up(db, {}, NOW - timedelta(days=399))
    assert again.path.exists() and back.path.exists()  # the days up to now: two of them
    assert set(real) <= set(list_backups(folder))  # the real days and weeks are untouched
    fixed = back_up(db, {}, NOW + timedelta(hours=1))  # the clock is right again
    assert not again.path.exists() and not back.path.exists()  # as full as the newer ones
    assert fixed.path == list_backups(folder)[0]


def test_backups_made_while_the_clock_ran_ahead_never_take_a_real_days_slot(
    tmp_path: Path,
) -> None:
    """The tester's run: a week of backups 400 days ahead, then four real days, a step
    before each backup: every real day keeps its backup beside the week ahead."""
    db = make_db(tmp_path / "ambacht.sqlite", 1)
    store = Store.open(db)
    ahead = []
    for day in range(400, 407):
        add_items(store, 1)
        ahead.append(back_up(db, {}, NOW + timedelta(days=day)).path)
    real = []
    for day in range(4):
        add_items(store, 1)
        real.append(back_up(db, {}, NOW + timedelta(days=day)).path)
    store.close()
    assert set(list_backups(tmp_path / "backups")) == set(real) | set(ahead)


def test_a_backup_dated_in_the_future_never_stops_the_daily_backup(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 2)
    folder = tmp_path / "backups"
    assert backup_due(folder, NOW)  # no folder yet
    back_up(db, {}, NOW + timedelta(days=3 * 365))  # made while the clock was years ahead
    assert backup_due(folder, NOW)
    back_up(db, {}, NOW)
    assert not backup_due(folder, NOW + timedelta(hours=23, minutes=59))
    assert backup_due(folder, NOW + timedelta(days=1))
    assert backup_due(folder, NOW - timedelta(hours=1))  # set back: NOW's is "future" now


def test_the_app_backs_up_daily_beside_a_future_dated_backup(qtbot, tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 2)
    back_up(db, {}, NOW + timedelta(days=900))
    clock = FixedClock(NOW)
    ctx = build_context(Store.open(db), clock, "en")
    with qtbot.waitSignal(ctx.backups.done, timeout=20_000) as done:
        ctx.backups.back_up_if_due()
    assert backup_time(Path(done.args[0])) == NOW.replace(microsecond=0)
    clock.advance(hours=2)
    ctx.backups.back_up_if_due()
    assert not ctx.backups.running()  # one from the last day is there now
    ctx.store.close()


def test_backups_in_the_same_second_each_get_a_name(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 1)
    first, second = back_up(db, {}, NOW), back_up(db, {}, NOW)
    assert first.path.name == backup_name(NOW)
    assert second.path.name == backup_name(NOW + timedelta(seconds=1))
    assert second.path.exists() and not first.path.exists()  # as full: the newer one stays


def test_an_unreadable_backup_keeps_nothing_from_rotation(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 4)
    good = back_up(db, {}, NOW).path
    broken = good.with_name(backup_name(NOW + timedelta(hours=1)))
    broken.write_bytes(b"not a database")
    rotate(good.parent, NOW + timedelta(hours=1))
    assert good.exists() and broken.exists()  # the newest of the day stays; the good one too


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime (apt: faketime)")
def test_ambacht_backup_under_faketime_prints_a_file_that_is_there(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 2)
    today = datetime.now(UTC)
    (tmp_path / "backups").mkdir()
    history(db, tmp_path / "backups", today, 70)

    def backup_at(moment: str) -> Path:
        done = subprocess.run(["faketime", moment, sys.executable, "-m", "cli",
                               "backup", "--db", str(db)],
                              capture_output=True, text=True, check=True)
        made = Path(done.stdout.strip())
        assert made.exists(), f"printed {made}, which is gone"
        return made

    back = backup_at((today - timedelta(days=500)).strftime("%Y-%m-%d %H:%M:%S"))
    assert backup_time(back) is not None and backup_time(back) < today - timedelta(days=499)
    ahead = backup_at((today + timedelta(days=800)).strftime("%Y-%m-%d %H:%M:%S"))
    assert backup_time(ahead) is not None and backup_time(ahead) > today
    assert backup_due(db.parent / "backups", today + timedelta(days=1, minutes=1))
    assert backup_at(today.strftime("%Y-%m-%d %H:%M:%S")).exists()
    assert not back.exists()  # superseded by the newer ones, which hold as many steps


def test_a_killed_backup_leaves_no_half_file_and_the_next_clears_its_copy(
    tmp_path: Path,
) -> None:
    db = make_db(tmp_path / "ambacht.sqlite", 3)
    folder = tmp_path / "backups"
    for step in ("backup-copied", "file-linked", "backup-named"):
        done = subprocess.run([sys.executable, "-m", "cli", "backup", "--db", str(db)],
                              env={**os.environ, "AMBACHT_FAULT": step}, capture_output=True)
        assert done.returncode == -signal.SIGKILL, step
        for path in list_backups(folder):  # whatever has a backup's name is whole
            assert check_backup(path).items == 3
    assert any(path.name.endswith(".tmp") for path in folder.iterdir())
    back_up(db, {}, datetime.now(UTC))
    assert not any(path.name.endswith(".tmp") for path in folder.iterdir())

"""The keypad lock after wrong PINs (issue 11, point 8): five within ten minutes lock the
station, nobody's right PIN forgives them, parallel attempts are all counted, and a clock set
back never makes a lock longer than it was set for."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cli.main import main
from db import Store
from db.immediate import ImmediateDatabase
from db.schema import migrations
from intake import auth as auth_module
from intake.auth import (
    LOCK_AFTER,
    LOCK_MAX_S,
    AuthService,
    LockedOut,
    format_wait,
    lock_seconds,
)
from intake.clock import FixedClock, to_storage
from intake.errors import ValidationError
from intake.model import Role, User

ROOT = Path(__file__).resolve().parents[1]


def wrong_pins(auth: AuthService, count: int) -> None:
    for _ in range(count):
        with pytest.raises(ValidationError):
            auth.login("9999")


def remaining(auth: AuthService, clock: FixedClock) -> int:
    until = auth.locked_until()
    return 0 if until is None else int((until - clock.now()).total_seconds())


def test_the_lock_schedule() -> None:
    assert [lock_seconds(n) for n in range(1, 12)] == [
        0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]
    assert (format_wait(5), format_wait(60), format_wait(845)) == ("0:05", "1:00", "14:05")


def test_five_wrong_pins_lock_the_station_for_a_growing_time(
    store: Store, clock: FixedClock, auth: AuthService, coach: User
) -> None:
    wrong_pins(auth, LOCK_AFTER - 1)
    assert auth.locked_until() is None
    with pytest.raises(LockedOut, match=r"Try again in 0:30") as locked:
        auth.login("9999")
    assert locked.value.until == clock.now() + timedelta(seconds=30)
    with pytest.raises(LockedOut, match="0:30"):  # even the right PIN is not looked at
        auth.login("1111")
    clock.advance(seconds=20)
    with pytest.raises(LockedOut, match="0:10"):
        auth.login("1111")
    assert AuthService(store, clock).locked_until() == locked.value.until  # a restart keeps it
    clock.advance(seconds=10)
    assert auth.locked_until() is None
    # Each further wrong PIN locks again, longer: by the number within the window (1, 2, 4,
    # 8 minutes), then, when the window has forgotten the first ones, at least twice the lock
    # that just ended (15 minutes at most).
    for minutes in (1, 2, 4, 8, 15, 15):
        with pytest.raises(LockedOut, match=f"{minutes}:00"):
            auth.login("9999")
        clock.set(auth.locked_until() or clock.now())
    clock.advance(minutes=10)  # a lock ended more than a window ago and no wrong PIN since
    assert auth.login("1111").id == coach.id
    wrong_pins(auth, LOCK_AFTER - 1)
    assert auth.locked_until() is None


def test_nobodys_right_pin_forgives_wrong_ones(
    clock: FixedClock, auth: AuthService, coordinator: User, coach: User
) -> None:
    """Typing one's own right PIN after every four guesses once reset the count."""
    wrong_pins(auth, LOCK_AFTER - 1)
    assert auth.login("1111").id == coach.id
    assert auth.login("1234").id == coordinator.id  # another colleague, the coordinator
    with pytest.raises(LockedOut, match="0:30"):
        auth.login("9999")


def test_a_right_pin_is_refused_when_parallel_wrong_ones_locked_the_station_meanwhile(
    monkeypatch: pytest.MonkeyPatch, store: Store, clock: FixedClock, auth: AuthService,
    coach: User,
) -> None:
    """Guesses run side by side all pass the first look at the lock; whichever is right must
    not get in once the others have locked the station while it was being checked."""
    others_lock_the_station_while_a_pin_is_hashed(monkeypatch, store, clock)
    with pytest.raises(LockedOut, match="0:30"):
        auth.login("1111")


def test_a_wrong_pin_hashed_while_others_locked_the_station_is_not_counted(
    monkeypatch: pytest.MonkeyPatch, store: Store, clock: FixedClock, auth: AuthService,
    coach: User,
) -> None:
    """A guess that passed the first look at the lock is refused, and not counted, when
    guesses beside it locked the station while it was hashed: as if typed after them."""
    others_lock_the_station_while_a_pin_is_hashed(monkeypatch, store, clock)
    with pytest.raises(LockedOut, match="0:30"):
        auth.login("8888")
    assert store.login_guard.failures_since(auth.station, clock.now()) == LOCK_AFTER
    assert remaining(auth, clock) == 30


def test_wrong_pins_count_within_a_sliding_window_of_ten_minutes(
    clock: FixedClock, auth: AuthService, coach: User
) -> None:
    wrong_pins(auth, LOCK_AFTER - 1)
    clock.advance(minutes=10, seconds=1)  # those four are out of the window now
    for _ in range(LOCK_AFTER - 1):  # four more, three minutes apart
        wrong_pins(auth, 1)
        assert auth.locked_until() is None
        clock.advance(minutes=3)
    clock.advance(minutes=-3, seconds=59)  # the fifth 9:59 after the first of them
    with pytest.raises(LockedOut, match="0:30"):
        auth.login("9999")


def test_a_lock_is_per_station_and_wrong_pins_are_recorded_without_the_pin(
    store: Store, clock: FixedClock, auth: AuthService, coach: User
) -> None:
    wrong_pins(auth, LOCK_AFTER - 1)
    with pytest.raises(LockedOut):
        auth.login("8765")
    assert AuthService(store, clock, "B").login("1111").id == coach.id
    rows = store.db.execute("SELECT * FROM login_failures").fetchall()
    assert len(rows) == LOCK_AFTER and all(row[2] == "A" for row in rows)
    text = repr(store.db.execute("SELECT * FROM login_failures, login_guard").fetchall())
    assert "9999" not in text and "8765" not in text
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM login_failures")


@pytest.mark.parametrize("back", [timedelta(hours=2), timedelta(days=30), timedelta(seconds=1)])
def test_a_clock_set_back_never_makes_a_lock_longer(
    clock: FixedClock, auth: AuthService, coordinator: User, back: timedelta
) -> None:
    """A 30-second lock once refused even the coordinator for two hours after the clock was
    set back two hours."""
    wrong_pins(auth, LOCK_AFTER - 1)
    with pytest.raises(LockedOut):
        auth.login("9999")
    clock.advance(seconds=10)
    assert remaining(auth, clock) == 20
    clock.advance(seconds=-5)  # back, but still within the lock: 25 s, never more than 30
    assert remaining(auth, clock) == 25
    clock.advance(seconds=-5 - back.total_seconds())  # back to before the lock began
    assert auth.locked_until() is None
    assert auth.login("1234").id == coordinator.id
    # The wrong PINs dated 'later' still count: the next one locks again, for a minute.
    with pytest.raises(LockedOut, match="1:00"):
        auth.login("9999")
    for _ in range(5):
        clock.advance(seconds=10)
        assert 0 < remaining(auth, clock) <= 60


def test_a_clock_set_back_and_forth_keeps_every_lock_within_its_length(
    clock: FixedClock, auth: AuthService, coach: User
) -> None:
    wrong_pins(auth, LOCK_AFTER - 1)
    for _ in range(4):  # locks of 30 s, 1, 2 and 4 minutes, each tried again when it ended
        clock.set(auth.locked_until() or clock.now())
        with pytest.raises(LockedOut):
            auth.login("9999")
    start = clock.now()
    assert remaining(auth, clock) == 240
    for offset in range(-3600, 3600, 7):
        clock.set(start + timedelta(seconds=offset))
        assert 0 <= remaining(auth, clock) <= 240


def _wrong_pin_processes(db: Path, count: int) -> list[str]:
    """Run `count` real `ambacht sell --pin 9999` at once; their error lines."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen([sys.executable, "-m", "cli", "sell", "A000001",
                          "--pin", "9999", "--db", str(db)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(count)
    ]
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert all(process.returncode == 2 for process in processes), errors
    return errors


@pytest.fixture
def centre(tmp_path: Path) -> Path:
    """A database with a coordinator (1234) and a store clerk (3333), and one item."""
    path = tmp_path / "centre.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    store = Store.open(path)
    auth = AuthService(store, FixedClock(datetime.now(UTC)))
    auth.add_user(auth.set_first_pin("1234"), "Mo", Role.SHOP, "3333")
    store.close()
    assert main(["intake", "--db", str(path), "--category", "furniture", "--route", "sale"]) == 0
    return path


def failures_and_lock(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        (rows,) = conn.execute("SELECT count(*) FROM login_failures").fetchone()
        lock = conn.execute("SELECT lock_s FROM login_guard").fetchone()
        return rows, lock[0] if lock else 0
    finally:
        conn.close()


def test_parallel_attempts_from_real_processes_count_as_one_after_another(
    centre: Path,
) -> None:
    """Several `ambacht ... --pin` at once were not all counted, and then, once they were,
    counted past the lock (the tester's three then ten wrong PINs locked for 4:00 or 8:00):
    each is counted in its own write transaction that first looks at the lock, so that the
    count and the lock are exactly those of one after another."""
    started = time.monotonic()
    for _ in range(3):
        errors = _wrong_pin_processes(centre, 1)
        assert "Unknown PIN" in errors[0], errors
    assert failures_and_lock(centre) == (3, 0)
    # Ten more at once: two are counted, the second locks the station, and every one after
    # it is refused, before or after its PIN was hashed, and not counted.
    errors = _wrong_pin_processes(centre, 10)
    assert sum("Unknown PIN" in err for err in errors) == LOCK_AFTER - 1 - 3, errors
    assert sum("Too many wrong PINs" in err for err in errors) == 10 - (LOCK_AFTER - 1 - 3)
    assert failures_and_lock(centre) == (LOCK_AFTER, lock_seconds(LOCK_AFTER))
    print(f"\n3 + 10 wrong PINs from parallel processes: {LOCK_AFTER} counted, "
          f"{13 - LOCK_AFTER} refused as locked, lock {lock_seconds(LOCK_AFTER)} s, "
          f"{time.monotonic() - started:.1f} s")
    # One after another while locked: refused and not counted either.
    for _ in range(3):
        assert "Too many wrong PINs" in _wrong_pin_processes(centre, 1)[0]
    assert failures_and_lock(centre) == (LOCK_AFTER, lock_seconds(LOCK_AFTER))
    done = subprocess.run([sys.executable, "-m", "cli", "sell", "A000001", "--pin",
                           "3333", "--db", str(centre)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and "Too many wrong PINs" in done.stderr


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime (apt: faketime)")
def test_a_real_clock_set_back_two_hours_does_not_keep_the_coordinator_out(
    centre: Path,
) -> None:
    for _ in range(LOCK_AFTER):
        _wrong_pin_processes(centre, 1)
    assert failures_and_lock(centre) == (LOCK_AFTER, 30)
    back = (datetime.now() - timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(["faketime", back, sys.executable, "-m", "cli", "price",
                           "A000001", "--price-eur", "5", "--pin", "1234", "--db", str(centre)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


def test_a_lock_made_before_the_migration_lasts_at_most_the_longest(tmp_path: Path) -> None:
    """An older version kept only the lock's end: m009 gives it the longest length, so a
    clock set back before this version cannot stretch it either."""
    path = tmp_path / "older.sqlite"
    older = ImmediateDatabase(path)
    migrations.apply(older, stop_before="m009_pins_and_times")
    until = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    older.execute("INSERT INTO login_guard (station, failures, locked_until) VALUES "
                  "('A', 7, ?)", [to_storage(until)])
    migrations.apply(older)
    older.close()
    store = Store.open(path)
    assert store.login_guard.lock("A") == (until, LOCK_MAX_S)
    assert store.login_guard.lock("B") == (None, 0)
    store.close()


def others_lock_the_station_while_a_pin_is_hashed(
    monkeypatch: pytest.MonkeyPatch, store: Store, clock: FixedClock
) -> None:
    """The next PIN check, while it hashes, lets other guesses (another process's) lock the
    station: it passed the first look at the lock before they did."""
    real_verify = auth_module.verify_pin

    def verify_while_others_guess(pin: str, stored: str) -> bool:
        monkeypatch.setattr(auth_module, "verify_pin", real_verify)
        wrong_pins(AuthService(store, clock), LOCK_AFTER - 1)
        with pytest.raises(LockedOut):
            AuthService(store, clock).login("9999")
        return real_verify(pin, stored)

    monkeypatch.setattr(auth_module, "verify_pin", verify_while_others_guess)

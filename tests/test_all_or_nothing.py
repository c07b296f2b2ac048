"""Restore and first init are all-or-nothing: real `ambacht restore` and `ambacht init`
processes are killed with SIGKILL at random moments and at each named step (the AMBACHT_FAULT
hook of `db.files`), again and again on the same files.

After every kill the database is the old one or the new one, whole: `integrity_check` is ok,
Ambacht opens it and takes an item in. Before half the restores a killed writer leaves a
commit in the old database's -wal: it must be in the old content (and in the kept copy) and
never in the new. Before some inits a -wal of a deleted database lies where the new one goes:
it must never be applied. A backup after every restore round, all on one day, shows that
rotation never lets a newer, emptier backup push out the fullest one. Copies half-written by
a killed process are gone after the next run. Run with -s for the figures (docs/durability.md).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db import Store
from db.backup import back_up, list_backups, write_backup
from intake.auth import SYSTEM_USER_ID
from intake.clock import FixedClock
from intake.defaults import DEFAULT_CATEGORIES
from intake.gate import GateService
from intake.setup import initialize

CLI = [sys.executable, "-m", "cli"]
RESTORE_STEPS = ("restore-checked", "restore-kept-copy", "file-linked", "restore-kept",
                 "restore-copying", "restore-copied")
INIT_STEPS = ("init-schema", "init-built", "file-linked")
MIN_RANDOM_KILLS = 30  # issue 11 asks for at least 30 of each
MAX_RANDOM_KILLS = 40
TIME_BUDGET_S = 15.0  # per test, past the minimum: the two cores are shared
DAY = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
# A commit left in the -wal by a writer that died (os._exit: no checkpoint, no close). It marks
# the old content with a setting that no backup has.
WAL_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('wal_marker', ?)", [sys.argv[2]])
conn.commit()
os._exit(0)
"""
Content = tuple[frozenset[str], str | None]


def content(path: Path) -> Content:
    """What identifies a database's content here: its item codes and the -wal's marker."""
    with closing(sqlite3.connect(path)) as conn:
        marker = conn.execute("SELECT value FROM settings WHERE key = 'wal_marker'").fetchone()
    return codes(path), marker[0] if marker else None


def codes(path: Path) -> frozenset[str]:
    with closing(sqlite3.connect(path)) as conn:
        return frozenset(row[0] for row in conn.execute("SELECT code FROM items"))


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def take_in(path: Path, count: int = 1) -> list[str]:
    """Take items in through the real service (one transaction): the file works."""
    store = Store.open(path)
    try:
        gate = GateService(store, FixedClock(DAY), store.settings()["station"])
        user = store.user(SYSTEM_USER_ID)
        assert user is not None
        with store.atomic():
            return [gate.take_in(user, gate.prepare("books", "sale")).code for _ in range(count)]
    finally:
        store.close()


def temporaries(folder: Path, name: str) -> list[Path]:
    return [path for path in folder.iterdir() if path.name.startswith(f".{name}.")
            and ".tmp" in path.name]


class Killer:
    """Runs a command and kills it: at a random moment within a window that adapts to the
    shared machine's speed (wider after a kill, narrower after a finished run, so that about
    a third of the runs finish and the kills spread over the whole run), or through the
    hook at a named step."""

    def __init__(self, rng: random.Random, args: list[str]) -> None:
        self.rng = rng
        start = time.monotonic()
        subprocess.run([*CLI, *args], check=True, capture_output=True)
        self.window = 1.3 * (time.monotonic() - start)

    def run(self, args: list[str], step: str | None = None) -> int:
        env = {**os.environ, "AMBACHT_FAULT": step} if step else None
        child = subprocess.Popen([*CLI, *args], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
        if step is None:
            time.sleep(self.rng.uniform(0.0, self.window))
            child.send_signal(signal.SIGKILL)
        _, err = child.communicate()
        assert child.returncode in (0, -signal.SIGKILL), err.decode()
        if step is None:
            self.window *= 1.1 if child.returncode else 0.85
        return child.returncode


def test_restore_killed_anywhere_leaves_the_old_or_the_new_database(tmp_path: Path) -> None:
    live = tmp_path / "ambacht.sqlite"
    store = Store.open(live, create=True)
    initialize(store, FixedClock(DAY), station="A")
    store.close()
    take_in(live, 400)
    stick = tmp_path / "stick"
    stick.mkdir()
    small = write_backup(live, stick / "small.sqlite").path
    take_in(live, 200)
    big = write_backup(live, stick / "big.sqlite").path
    contents = {small: content(small), big: content(big)}
    rng = random.Random()
    seed = rng.randrange(1_000_000)
    rng.seed(seed)
    killer = Killer(rng, ["restore", str(big), "--db", str(live)])
    current = contents[big]
    plan: list[str | None] = [*RESTORE_STEPS]
    kills = restored = wal_rounds = 0
    fullest = -1  # the most steps any backup of the day held
    start = time.monotonic()
    while plan or kills < MIN_RANDOM_KILLS or (
            kills < MAX_RANDOM_KILLS and time.monotonic() - start < TIME_BUDGET_S):
        step = plan.pop(0) if plan else None
        if (kills + len(plan)) % 2 == 0:  # a writer died with its commit in the -wal
            subprocess.run([sys.executable, "-c", WAL_WRITER, str(live), str(wal_rounds)],
                           check=True)
            assert Path(f"{live}-wal").stat().st_size > 0
            current = (current[0], str(wal_rounds))
            wal_rounds += 1
        source = small if current != contents[small] else big
        before = set(tmp_path.iterdir())
        rc = killer.run(["restore", str(source), "--db", str(live)], step)
        if step is not None:
            assert rc == -signal.SIGKILL, f"the hook never reached {step}"
        else:
            kills += 1
        found = content(live)
        assert found in (current, contents[source]), f"a mixed database (seed {seed})"
        assert rc != 0 or found == contents[source]
        restored += found == contents[source]
        assert integrity(live) == "ok"
        for kept in set(tmp_path.iterdir()) - before:
            if ".before-restore-" in kept.name:  # whole, and the old content
                assert integrity(kept) == "ok" and content(kept) == current, kept.name
        # Only the copies of the process just killed (its pid) may be left; the next run
        # removes them.
        assert len({path.name.split(".")[3].split("-")[0]
                    for path in temporaries(tmp_path, live.name)}) <= 1
        current = (found[0] | set(take_in(live)), found[1])
        # The day's backup (ten minutes apart) never loses the fullest copy of the day.
        now = DAY + timedelta(minutes=10 * (kills + len(RESTORE_STEPS) - len(plan)))
        made = back_up(live, {}, now)
        assert made.path.exists()
        fullest = max(fullest, made.events)
        assert max(_events(path) for path in list_backups(made.path.parent)) == fullest
    elapsed = time.monotonic() - start
    subprocess.run([*CLI, "restore", str(small), "--db", str(live)], check=True,
                   capture_output=True)
    assert temporaries(tmp_path, live.name) == []
    assert content(live) == contents[small] and integrity(live) == "ok"
    print(f"\nrestore kills: {kills} random + {len(RESTORE_STEPS)} at named steps in "
          f"{elapsed:.1f} s, {restored} restored, {wal_rounds} with a commit in the old -wal, "
          f"0 lost or mixed (seed {seed})")


def _events(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


def plant_orphan_wal(path: Path) -> None:
    """Leave the -wal and -shm of another database where `path` will be made, as a
    database deleted by hand after a crash would: its commit must never reach the new one."""
    script = ("import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
              "c.execute('PRAGMA journal_mode=WAL'); c.execute('CREATE TABLE foreign_marker (x)');"
              "os._exit(0)")
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    path.unlink()
    assert Path(f"{path}-wal").exists()


def test_first_init_killed_anywhere_leaves_nothing_or_a_complete_database(
    tmp_path: Path,
) -> None:
    db = tmp_path / "ambacht.sqlite"
    args = ["init", "--db", str(db), "--site", "Kringloop Oost", "--station", "B"]
    rng = random.Random()
    seed = rng.randrange(1_000_000)
    rng.seed(seed)
    killer = Killer(rng, args)
    db.unlink()
    plan: list[str | None] = [*INIT_STEPS]
    kills = created = orphans = rounds = 0
    start = time.monotonic()
    while plan or kills < MIN_RANDOM_KILLS or (
            kills < MAX_RANDOM_KILLS and time.monotonic() - start < TIME_BUDGET_S):
        step = plan.pop(0) if plan else None
        rounds += 1
        if rounds % 3 == 0:
            plant_orphan_wal(db)
            orphans += 1
        rc = killer.run(args, step)
        if step is not None:
            assert rc == -signal.SIGKILL, f"the hook never reached {step}"
        else:
            kills += 1
        assert rc != 0 or db.exists()
        if db.exists():
            created += 1
            assert integrity(db) == "ok"
            store = Store.open(db)  # Ambacht's, complete: settings, station, categories
            try:
                settings = store.settings()
                assert (settings["site_name"], settings["station"]) == ("Kringloop Oost", "B")
                assert len(store.categories(include_hidden=True)) == len(DEFAULT_CATEGORIES)
                tables = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master")}
                assert "foreign_marker" not in tables, f"a foreign -wal was applied (seed {seed})"
            finally:
                store.close()
            assert take_in(db)[0].startswith("B")
            db.rename(tmp_path / f"made-{rounds}.sqlite")  # the next round starts afresh
        assert len({path.name.split(".")[3] for path in temporaries(tmp_path, db.name)}) <= 1
    elapsed = time.monotonic() - start
    subprocess.run([*CLI, *args], check=True, capture_output=True)
    assert temporaries(tmp_path, db.name) == []
    print(f"\ninit kills: {kills} random + {len(INIT_STEPS)} at named steps in {elapsed:.1f} s, "
          f"{created} complete databases, {orphans} with a foreign -wal in the way, none "
          f"half-made (seed {seed})")


def test_init_where_nothing_can_be_written_refuses_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database's folder should be")
    done = subprocess.run([*CLI, "init", "--db", str(blocker / "ambacht.sqlite")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.startswith("ambacht: Cannot write in ")
    assert done.stderr.count("\n") == 1 and blocker.is_file()

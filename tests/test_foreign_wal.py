"""A `-wal` of another database beside ours is never applied (issue 11).

The bad day is made with `cp`: database B's `-wal`, holding commits, is copied next to
database A while A is closed (tests may copy files; Ambacht never does). Opening A is refused
with a clear message, whatever command asks; A's file stays byte for byte as it was; once the
stray file is moved away, as the message says, A opens with its own data and nothing of B.
A's own `-wal` after a kill, and a restore of another database's backup or of A's own
earlier one killed halfway, are never mistaken for a foreign one. A copy keeps the file's id:
the `-wal` of an earlier copy of the same file, or of a copy that went on apart from it, is
refused by the header's commit counter and the chain's last events (the tester's repros).
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from cli.main import main
from db import Store
from db.backup import write_backup
from intake.clock import FixedClock
from intake.errors import StorageError
from intake.gate import GateService
from intake.model import Route
from ui.app import Startup
from ui.screens.recovery import RecoveryScreen

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wal(path: Path) -> Path:
    return path.with_name(f"{path.name}-wal")


def take_in(store: Store, clock: FixedClock) -> str:
    gate = GateService(store, clock, store.settings()["station"])
    return gate.take_in(store.users()[0], gate.prepare("books", Route.SALE, 1500)).code


@pytest.fixture
def two(tmp_path: Path, capsys) -> tuple[Path, Path]:
    """Database A (station A, one item, closed: no -wal) and B (station B)."""
    a, b = tmp_path / "a" / "ambacht.sqlite", tmp_path / "b" / "ambacht.sqlite"
    assert main(["init", "--db", str(a), "--station", "A"]) == 0
    assert main(["init", "--db", str(b), "--station", "B"]) == 0
    assert main(["intake", "--db", str(a), "--category", "bicycles", "--route", "sale"]) == 0
    capsys.readouterr()
    gc.collect()  # the commands' connections close, as they do when the process ends
    assert not wal(a).exists()
    return a, b


def _steps(store: Store, clock: FixedClock) -> None:
    for _ in range(3):
        take_in(store, clock)


def _lone_write(store: Store, _clock: FixedClock) -> None:
    store.set_setting("site_name", "Centrum B")  # one statement, outside any atomic()


def _as_before_identities(b: Path) -> None:
    """Make B as a version before m011 left it: then its -wal gets B's identity table itself
    when this version first opens it, and the table read through that -wal agrees with it."""
    conn = sqlite3.connect(b)
    with conn:
        conn.execute("DROP TABLE file_identity")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_file_identity'")
        conn.execute("PRAGMA user_version = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.parametrize(("older", "write"), [(False, _steps), (False, _lone_write),
                                              (True, _steps)],
                         ids=["steps", "lone-write", "identity-in-the-wal"])
def test_a_copied_wal_is_refused_and_never_applied(
    capsys, two: tuple[Path, Path], clock: FixedClock, older: bool,
    write: Callable[[Store, FixedClock], None],
) -> None:
    a, b = two
    if older:
        _as_before_identities(b)
    store_b = Store.open(b)
    write(store_b, clock)
    assert wal(b).stat().st_size > 0
    shutil.copyfile(wal(b), wal(a))  # while B's commits are still only in its -wal
    store_b.close()
    before, stray = digest(a), digest(wal(a))

    for command in (["intake", "--category", "books", "--route", "sale"],
                    ["item", "A000001"], ["report", "--from", "2026-01-01", "--to", "2026-12-31"],
                    ["backup", "--out", str(a.parent / "copy.sqlite")]):
        code, out, err = run(capsys, *command, "--db", str(a))
        assert code == 2 and out == "", command
        assert err.count("\n") == 1 and "belongs to another database" in err
        assert str(wal(a)) in err and "Move that file out of the folder" in err
        assert f"{a}, which is unchanged" in err
    with pytest.raises(StorageError, match="belongs to another database"):
        Store.open(a)
    assert digest(a) == before and digest(wal(a)) == stray  # nothing applied, nothing lost
    assert not (a.parent / "copy.sqlite").exists()

    backup = write_backup(b, b.parent / "b-backup.sqlite").path
    code, _, err = run(capsys, "restore", str(backup), "--db", str(a))
    assert code == 2 and "belongs to another database" in err  # the file alone is newer
    assert digest(a) == before and digest(wal(a)) == stray
    assert not list(a.parent.glob("*.before-restore-*"))

    wal(a).rename(a.parent / "stray-wal")  # what the message asks
    code, out, _ = run(capsys, "item", "A000001", "--db", str(a))
    assert code == 0 and out.startswith("A000001")
    store = Store.open(a)
    assert store.item_count() == 1 and store.settings()["site_name"] != "Centrum B"
    assert take_in(store, clock) == "A000002"
    store.close()


def test_the_app_says_to_move_it_and_offers_no_backup(
    qtbot, two: tuple[Path, Path], clock: FixedClock
) -> None:
    a, b = two
    (a.parent / "backups").mkdir()
    write_backup(a, a.parent / "backups" / "ambacht-2026-11-20T170000Z.sqlite")
    store_b = Store.open(b)
    _steps(store_b, clock)
    shutil.copyfile(wal(b), wal(a))
    store_b.close()
    before = digest(a)
    startup = Startup(a, clock, "nl")
    startup.begin()
    [window] = startup.windows
    screen = window.centralWidget()
    assert isinstance(screen, RecoveryScreen) and not startup.opened and screen.choices == {}
    texts = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "hoort bij een andere database" in texts and "uit de map" in texts
    window.close()
    assert digest(a) == before and wal(a).exists()


def test_its_own_wal_after_a_kill_is_applied(two: tuple[Path, Path]) -> None:
    a, _ = two
    _killed_writer(a, 1)  # no close, no checkpoint: the commit is in the -wal only
    store = Store.open(a)
    assert store.item_count() == 2 and store.item_by_code("A000002") is not None
    store.close()


@pytest.mark.parametrize("step", ["restore-copying", "restore-copied", None])
@pytest.mark.parametrize("own", [False, True], ids=["other-database", "own-earlier"])
def test_a_restore_killed_halfway_opens(
    two: tuple[Path, Path], clock: FixedClock, step: str | None, own: bool
) -> None:
    """Another database's backup brings another file id, the file's own backup an earlier
    content: a restore killed inside its copy or right after it leaves a file Ambacht opens
    (the old content or the new), never a -wal that looks like another file's."""
    a, b = two
    if own:
        backup = write_backup(a, a.parent / "a-backup.sqlite").path
        store = Store.open(a)
        take_in(store, clock)  # the file goes on past its backup: A000002
        store.close()
        gc.collect()
        outcomes = [("A", 2), ("A", 1)]
    else:
        backup = write_backup(b, b.parent / "b-backup.sqlite").path
        outcomes = [("A", 1), ("B", 0)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if step:
        env["AMBACHT_FAULT"] = step
    done = subprocess.run([sys.executable, "-m", "cli", "restore", str(backup), "--db",
                           str(a)], env=env, capture_output=True, cwd=ROOT)
    assert done.returncode == (-9 if step else 0), done.stderr
    store = Store.open(a)
    found = (store.settings()["station"], store.item_count())
    assert found in outcomes
    take_in(store, clock)
    store.close()
    store = Store.open(a)  # and again, after its own commits
    assert store.item_count() == found[1] + 1
    store.close()


# The same database's -wal from an earlier or a diverged copy (the tester's F1). A copy keeps
# the file's id, so it is the commit counter and the chain's last events that tell.

def _killed_writer(path: Path, intakes: int) -> None:
    """A process taking `intakes` items in at `path`, killed after the last: its commits stay
    in the -wal, which no close checkpointed."""
    child = (
        "import os, sys\n"
        "from db import Store\n"
        "from intake.clock import SystemClock\n"
        "from intake.gate import GateService\n"
        "from intake.model import Route\n"
        f"store = Store.open({str(path)!r})\n"
        "gate = GateService(store, SystemClock(), store.settings()['station'])\n"
        f"for _ in range({intakes}):\n"
        "    gate.take_in(store.users()[0], gate.prepare('books', Route.SALE, 900))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", child], cwd=ROOT, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert wal(path).stat().st_size > 0


def _intakes(capsys, path: Path, count: int) -> None:
    for _ in range(count):
        assert main(["intake", "--db", str(path), "--category", "books", "--route", "sale"]) == 0
    capsys.readouterr()
    gc.collect()  # closed as at the end of the commands: checkpointed, no -wal left
    assert not wal(path).exists()


def _refused_then_whole(capsys, path: Path, items: int) -> None:
    """Every command refuses the stray -wal and changes nothing; moved away, the file opens
    whole with its own `items`."""
    before, stray = digest(path), digest(wal(path))
    for command in (["item", "A000001"], ["intake", "--category", "books", "--route", "sale"],
                    ["check"]):
        code, out, err = run(capsys, *command, "--db", str(path))
        assert code == 2 and out == "", command
        assert err.count("\n") == 1 and f"is from an earlier copy of {path}" in err
        assert "Move that file out of the folder" in err
    with pytest.raises(StorageError, match="earlier copy"):
        Store.open(path)
    assert digest(path) == before and digest(wal(path)) == stray
    wal(path).rename(path.parent / "stray-wal")
    path.with_name(f"{path.name}-shm").unlink(missing_ok=True)
    assert run(capsys, "check", "--full", "--db", str(path))[0] == 0
    store = Store.open(path)
    assert store.item_count() == items
    store.close()


@pytest.mark.parametrize("later", [2, 20, 400], ids=["fewer-commits", "more-commits", "many"])
def test_a_diverged_copys_wal_is_refused(capsys, tmp_path: Path, later: int) -> None:
    """Repro 1: b is a `cp` of a; a goes on with 5 intakes, b with `later` in a -wal that a
    kill leaves; b's -wal copied beside a. With more commits than a had, b's -wal counts
    higher, and only the chain's last event (a's fifth intake, not b's) tells."""
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    assert main(["init", "--db", str(a), "--station", "A"]) == 0
    _intakes(capsys, a, 3)
    shutil.copyfile(a, b)
    _intakes(capsys, a, 5)
    _killed_writer(b, later)
    shutil.copyfile(wal(b), wal(a))
    _refused_then_whole(capsys, a, 8)


def _settings(capsys, path: Path, count: int) -> None:
    store = Store.open(path)
    for number in range(count):
        store.set_setting("site_name", f"Centrum {number}")
    store.close()
    gc.collect()  # no connection of this process may keep the -shm in its memory


@pytest.mark.parametrize("later", [_intakes, _settings], ids=["intakes", "settings-only"])
def test_an_earlier_wal_of_the_same_file_is_refused(
    capsys, tmp_path: Path, later: Callable[..., None]
) -> None:
    """Repro 2: the -wal (and -shm) put aside after a kill come back after 30 more commits
    and a checkpoint, without the -shm. Commits without a step leave the chain's last events
    as they were: the counter tells then."""
    c, old = tmp_path / "c.sqlite", tmp_path / "old"
    assert main(["init", "--db", str(c), "--station", "A"]) == 0
    capsys.readouterr()
    _killed_writer(c, 4)
    old.mkdir()
    for name in (c.name, wal(c).name, f"{c.name}-shm"):
        shutil.copyfile(c.parent / name, old / name)
    later(capsys, c, 30)
    with closing(sqlite3.connect(c)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(old / wal(c).name, wal(c))
    c.with_name(f"{c.name}-shm").unlink(missing_ok=True)
    _refused_then_whole(capsys, c, 34 if later is _intakes else 4)


def test_every_commit_counts(two: tuple[Path, Path], clock: FixedClock) -> None:
    """The header's counter rises with a step and with a lone write."""
    a, _ = two
    store = Store.open(a)
    counts = [store.db.execute("PRAGMA application_id").fetchone()[0]]
    take_in(store, clock)
    counts.append(store.db.execute("PRAGMA application_id").fetchone()[0])
    store.set_setting("site_name", "Centrum A")
    counts.append(store.db.execute("PRAGMA application_id").fetchone()[0])
    store.close()
    assert counts[0] < counts[1] < counts[2]

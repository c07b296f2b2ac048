"""A full disk, a locked database and a read-only folder: a clear message, nothing half-written.

The disk is filled honestly with `PRAGMA max_page_count` (SQLite then answers SQLITE_FULL as
on a full disk). Tests run as root in CI, where permission bits stop nothing, so the read-only
case runs its command in a child process without the capabilities that override them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cli.main import main
from db import Store
from intake.clock import FixedClock
from intake.errors import StorageError
from intake.gate import GateService
from intake.model import Route, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def counts(store: Store) -> tuple[int, ...]:
    return tuple(store.db.execute(
        "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM events), "
        "(SELECT next_item_seq FROM stations WHERE letter = 'A')").fetchone())


def fill_the_disk(store: Store, gate: GateService, coach: User) -> StorageError:
    """Let the database not grow by a single page, and take items in until that shows."""
    store.db.execute("PRAGMA max_page_count = 1")  # SQLite makes it the current page count
    with pytest.raises(StorageError) as refused:
        for _ in range(2000):  # the free room left in the last pages runs out soon
            gate.take_in(coach, gate.prepare("books", "sale"))
    return refused.value


def tap(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_disk_full_refuses_the_intake_and_writes_nothing(
    store: Store, gate: GateService, coach: User, tmp_path: Path
) -> None:
    path = tmp_path / "full.sqlite"
    store.db.conn.backup(sqlite3.connect(path))  # a file database with the fixture's users
    disk = Store.open(path)
    gate = GateService(disk, gate.clock, "A")
    refused = fill_the_disk(disk, gate, coach)
    assert "The disk is full, so this was not saved" in str(refused)
    assert refused.__cause__.sqlite_errorcode == sqlite3.SQLITE_FULL  # type: ignore[union-attr]
    before = counts(disk)
    with pytest.raises(StorageError):
        gate.take_in(coach, gate.prepare("books", "sale"))
    assert counts(disk) == before  # no item, no event, no number used up
    disk.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    item = gate.take_in(coach, gate.prepare("books", "sale"))
    assert item.code == f"A{before[2]:06d}"  # the sequence goes on without a gap
    disk.close()


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    return build_context(store, clock, "nl")


def test_the_gate_shows_a_full_disk_in_red_and_acknowledges_nothing(
    qtbot, window: MainWindow, ctx: AppContext, coach: User
) -> None:
    for digit in "1111":
        tap(qtbot, window.login.pinpad.keypad.buttons[digit])
    tap(qtbot, window.login.pinpad.ok_button)
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[next(iter(gate.visit_start.buttons))])
    fill_the_disk(ctx.store, ctx.gate, coach)
    before = counts(ctx.store)
    tap(qtbot, gate.categories.tiles["books"])
    tap(qtbot, gate.weight.standard_button)
    tap(qtbot, gate.weight.route_buttons[Route.SALE])
    assert gate.banner.is_error() and "De schijf is vol" in gate.banner.text()
    assert counts(ctx.store) == before and gate.last_item is None
    assert gate.weight.category is not None  # the taps stay, to try again once there is room


def test_a_lock_held_elsewhere_is_refused_clearly(tmp_path: Path, coach: User,
                                                  store: Store, clock: FixedClock) -> None:
    path = tmp_path / "locked.sqlite"
    store.db.conn.backup(sqlite3.connect(path))
    ours = Store.open(path)
    ours.db.execute("PRAGMA busy_timeout = 100")  # the real 5 s would only slow the test
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    gate = GateService(ours, clock, "A")
    before = counts(ours)
    with pytest.raises(StorageError, match="in use by another program"):
        gate.take_in(coach, gate.prepare("books", "sale"))
    other.execute("ROLLBACK")
    other.close()
    assert counts(ours) == before
    assert gate.take_in(coach, gate.prepare("books", "sale")).code == "A000001"


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder the unprivileged child can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="ambacht-ro-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def unprivileged(command: list[str]) -> list[str]:
    """`command` run so that permission bits apply to it, as they do for a normal user."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot be enforced")
    # Root keeps its uid (so it can reach the Python it runs) but loses the capabilities that
    # let it write where the permission bits say no.
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner",
            "--inh-caps=-all", "--", *command]


def test_a_read_only_folder_is_refused_clearly(shared_dir: Path, capsys) -> None:
    path = shared_dir / "ambacht.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    assert main(["intake", "--db", str(path), "--category", "books", "--route", "sale"]) == 0
    capsys.readouterr()
    path.chmod(0o444)
    shared_dir.chmod(0o555)
    before = sorted(p.name for p in shared_dir.iterdir()), path.read_bytes()
    done = subprocess.run(
        unprivileged([sys.executable, "-m", "cli", "intake", "--db", str(path),
                      "--category", "books", "--route", "sale"]),
        capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"ambacht: The database {path} cannot be written: the file or its " \
        "folder is read-only. This was not saved.\n"
    assert (sorted(p.name for p in shared_dir.iterdir()), path.read_bytes()) == before


def test_cli_says_disk_full_in_one_line(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "ambacht.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    capsys.readouterr()
    connect = sqlite3.connect

    def limited(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute("PRAGMA max_page_count = 1")  # a page limit belongs to a connection
        return conn

    monkeypatch.setattr(sqlite3, "connect", limited)
    taken = 0
    while main(["intake", "--db", str(path), "--category", "books", "--route", "sale"]) == 0:
        taken += 1
        assert taken < 500
    out, err = capsys.readouterr()
    assert err == ("ambacht: The disk is full, so this was not saved. Free up space on the disk "
                   "(or ask the coordinator to), then try again.\n")
    assert out.split() == [f"A{n:06d}" for n in range(1, taken + 1)]
    monkeypatch.undo()
    assert Store.open(path).item_count() == taken

"""A database with a second name, and a `-wal`/`-shm` left read-only (issue 11, F4 and F5).

A hard link gives the file a second name, and SQLite a second `-wal` for it: commands and the
app refuse such a file, whichever name they are given, with the file unchanged; the names
Ambacht itself links for a moment (a temporary copy, a restore's kept file) do not count. A
read-only moment leaves a `-wal` and `-shm` of mode 0400; the write that fails on them later
names that file instead of calling the database or its folder read-only.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from cli.main import main
from db import Store
from intake.clock import FixedClock
from intake.errors import SecondName
from tests.cli_run import digest
from tests.test_storage_errors import ROOT, shared_dir, unprivileged
from ui.app import Startup
from ui.screens.recovery import RecoveryScreen

__all__ = ["shared_dir"]  # a fixture of the read-only tests, used here too


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "h.sqlite"
    assert main(["init", "--db", str(path), "--station", "A"]) == 0
    assert main(["intake", "--db", str(path), "--category", "books", "--route", "sale"]) == 0
    capsys.readouterr()
    gc.collect()
    return path


def test_a_second_name_is_refused_by_every_command(db: Path, capsys) -> None:
    other = db.with_name("other.sqlite")
    os.link(db, other)
    before = digest(db)
    for name in (db, other):
        for command in (["item", "A000001"], ["intake", "--category", "books", "--route", "sale"],
                        ["check"]):
            assert main([*command, "--db", str(name)]) == 2, command
            out, err = capsys.readouterr()
            assert out == "" and err.count("\n") == 1
            assert f"The database {name} has another name too (a hard link)" in err
            assert "Remove the other name, keeping this one" in err
        with pytest.raises(SecondName):
            Store.open(name)
    assert digest(db) == before and not db.with_name("other.sqlite-wal").exists()
    other.unlink()  # what the message asks
    assert main(["intake", "--db", str(db), "--category", "books", "--route", "sale"]) == 0
    assert capsys.readouterr().out.startswith("A000002")


@pytest.mark.parametrize("name", [".h.sqlite.4242-0a1b2c3d.tmp",
                                  "h.sqlite.before-restore-2026-12-01T101500Z"],
                         ids=["init-copy-linked", "restore-kept"])
def test_the_names_ambacht_links_for_a_moment_do_not_count(db: Path, capsys, name: str) -> None:
    """A kill between linking a copy into place and removing its temporary name (init), or
    after a restore kept the unreadable file by a second name, leaves two names."""
    os.link(db, db.with_name(name))
    assert main(["item", "A000001", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("A000001")


def test_the_app_says_to_remove_the_other_name(qtbot, db: Path, clock: FixedClock) -> None:
    os.link(db, db.with_name("other.sqlite"))
    before = digest(db)
    startup = Startup(db, clock, "nl")
    startup.begin()
    [window] = startup.windows
    screen = window.centralWidget()
    assert isinstance(screen, RecoveryScreen) and not startup.opened and screen.choices == {}
    texts = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "nog een andere naam" in texts and "andere naam van de database" in texts
    window.close()
    assert digest(db) == before


def ambacht(*args: str) -> subprocess.CompletedProcess[str]:
    """`ambacht ARGS` as a user whom the permission bits bind."""
    return subprocess.run(unprivileged([sys.executable, "-m", "cli", *args]),
                          capture_output=True, text=True, cwd=ROOT, check=False)


def test_a_read_only_shm_left_behind_is_named(shared_dir: Path, capsys) -> None:
    """The tester's F5: `item` while the database was 0400 leaves its -wal and -shm 0400;
    the database made writable again, an intake names the -shm, which it cannot write."""
    path = shared_dir / "r.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    capsys.readouterr()
    gc.collect()
    path.chmod(0o400)
    done = ambacht("item", "A000001", "--db", str(path))
    assert done.returncode == 2 and "No item has code" in done.stderr  # read, from a 0400 file
    sides = [path.with_name(f"{path.name}{suffix}") for suffix in ("-wal", "-shm")]
    assert all(side.exists() and side.stat().st_mode & 0o777 == 0o400 for side in sides)
    path.chmod(0o600)
    done = ambacht("intake", "--db", str(path), "--category", "books", "--route", "sale")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"ambacht: The database {path} cannot be written: its file {sides[1]} is read-only "
        "(left by a program that could only read the database). Make that file writable for "
        "this account, like the database itself, then try again. This was not saved.\n")
    sides[1].chmod(0o600)  # what the message asks; the -wal is 0600 again by then
    done = ambacht("intake", "--db", str(path), "--category", "books", "--route", "sale")
    assert done.returncode == 0 and done.stdout.startswith("A000001"), done.stderr

"""Output files (issue 11, point 3): `--out`, `--label` and `--note` never overwrite a file
without `--force`, never follow a symbolic link, never write over the database, its -wal or a
backup; a refused path changes nothing; a step saved whose file then could not be written
exits 4, saved exactly once.

Everything is real: files, links and hard links in a temporary folder, a real full disk (a
4 KiB tmpfs mounted in a private mount namespace with `unshare`) and a read-only folder for
a process without root's override (`setpriv`, as in test_storage_errors.py).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from test_bad_input import dump
from test_storage_errors import unprivileged

from cli.main import main
from db.backup import check_backup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    """A database with two metal items (A000001, A000002) and a backup in the default folder."""
    path = tmp_path / "centre.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    for _ in range(2):
        assert main(["intake", "--db", str(path), "--category", "metal", "--route",
                     "material"]) == 0
    assert main(["backup", "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as conn:
        return dump(conn)


def shipments(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM shipments").fetchone()[0])


def backup_file(db: Path) -> Path:
    (found,) = (db.parent / "backups").glob("ambacht-*.sqlite")
    return found


# Each command that writes a file, as (arguments before the path, option naming the path).
def commands(db: Path) -> list[list[str]]:
    d = ["--db", str(db)]
    return [
        ["intake", *d, "--category", "books", "--route", "sale", "--label"],
        ["material", "A000002", *d, "--recipient", "Metaal Oost", "--note"],
        ["repurpose", "--from", "A000001", "--category", "furniture", *d, "--label"],
        ["label", "A000001", *d, "--out"],
        ["delivery-note", "UA000001", *d, "--out"],  # made by the material command before
        ["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "xlsx", *d,
         "--out"],
    ]


def refused_untouched(capsys, db: Path, argv: list[str], expect: str) -> None:
    before = tables(db)
    capsys.readouterr()
    assert main(argv) == 2, argv
    _, err = capsys.readouterr()
    assert err.startswith("ambacht: ") and err.count("\n") == 1 and expect in err, err
    assert tables(db) == before
    assert not list(db.parent.rglob(".*.tmp")), "a temporary file was left"


def test_the_database_its_wal_and_backups_are_never_written_over(db: Path, capsys) -> None:
    backup = backup_file(db)
    hard_link = db.parent / "innocent.pdf"
    os.link(db, hard_link)
    symlink = db.parent / "link.pdf"
    symlink.symlink_to(db)
    original = backup.stat().st_mtime_ns, backup.stat().st_size
    precious = [db, Path(f"{db}-wal"), Path(f"{db}-shm"), backup, backup.parent / "new.pdf",
                hard_link]
    for command in commands(db):
        for target in precious:
            refused_untouched(capsys, db, [*command, str(target), "--force"],
                              "the database or a backup")
        refused_untouched(capsys, db, [*command, str(symlink), "--force"], "symbolic link")
    assert (backup.stat().st_mtime_ns, backup.stat().st_size) == original
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert symlink.is_symlink() and symlink.resolve() == db


def test_any_ambacht_database_is_never_written_over(db: Path, tmp_path: Path, capsys) -> None:
    """The tester's run: a `backup --out` copy of this database, and another centre's file,
    are refused even with --force; a SQLite file of another program is not Ambacht's."""
    copy = tmp_path / "centre-copy.sqlite"
    assert main(["backup", "--db", str(db), "--out", str(copy)]) == 0
    other = tmp_path / "elsewhere" / "other.sqlite"
    other.parent.mkdir()
    assert main(["init", "--db", str(other)]) == 0
    for command in commands(db):
        for target in (copy, other):
            refused_untouched(capsys, db, [*command, str(target), "--force"],
                              "is an Ambacht database")
    assert check_backup(copy).items == 2 and check_backup(other).items == 0
    foreign = tmp_path / "notes.sqlite"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    assert main(["label", "A000001", "--db", str(db), "--out", str(foreign), "--force"]) == 0


def test_an_existing_file_is_replaced_only_with_force(db: Path, tmp_path: Path,
                                                      capsys) -> None:
    existing = tmp_path / "mine.pdf"
    for command in commands(db):
        existing.write_bytes(b"keep me")
        refused_untouched(capsys, db, [*command, str(existing)], "add --force")
        assert existing.read_bytes() == b"keep me"
        assert main([*command, str(existing), "--force"]) == 0, command
        assert existing.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    assert not list(tmp_path.glob(".*.tmp"))
    assert (existing.stat().st_mode & 0o777) == 0o600  # made by mkstemp, for us alone


def test_a_symbolic_link_is_never_followed(db: Path, tmp_path: Path, capsys) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"not yours")
    to_file, dangling = tmp_path / "to_file.pdf", tmp_path / "dangling.pdf"
    to_file.symlink_to(elsewhere)
    dangling.symlink_to(tmp_path / "nothing" / "there.pdf")
    for command in commands(db):
        for link in (to_file, dangling):
            for force in ([], ["--force"]):
                refused_untouched(capsys, db, [*command, str(link), *force], "symbolic link")
    assert elsewhere.read_bytes() == b"not yours" and not (tmp_path / "nothing").exists()
    # A link in the folder part is fine: only the file's own name must not be a link.
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real").mkdir()
    assert main(["label", "A000001", "--db", str(db), "--out", str(linked_folder / "l.pdf")]) == 0
    assert (tmp_path / "real" / "l.pdf").read_bytes().startswith(b"%PDF")


def test_a_missing_folder_or_a_directory_is_refused_before_anything_is_saved(
    db: Path, tmp_path: Path, capsys
) -> None:
    for command in commands(db):
        refused_untouched(capsys, db, [*command, str(tmp_path / "gone" / "x.pdf")],
                          "is not there")
        refused_untouched(capsys, db, [*command, str(tmp_path), "--force"], "not a plain file")


def test_a_read_only_folder_is_refused_before_the_step(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    before = tables(db)
    for command in commands(db)[:3]:
        done = subprocess.run(unprivileged([sys.executable, "-m", "cli", *command,
                                            str(folder / "out.pdf")]),
                              capture_output=True, text=True, cwd=ROOT, check=False)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("ambacht: Cannot write in") and done.stdout == ""
    assert tables(db) == before and list(folder.iterdir()) == []


def on_a_full_disk(folder: Path, argv: list[str]) -> subprocess.CompletedProcess[str]:
    """Run `ambacht argv` with a 4 KiB tmpfs mounted on `folder` (in its own mount namespace,
    so nothing else sees it): the check before the step passes, the PDF then does not fit.
    The files left in the tmpfs afterwards are listed on stderr's last line."""
    script = ('mount -t tmpfs -o size=4k tmpfs "$1" || exit 99; folder=$1; shift; "$@"; rc=$?; '
              'echo "left: $(ls -A "$folder")" >&2; exit $rc')
    return subprocess.run(
        ["unshare", "--mount", "--map-root-user", "sh", "-c", script, "sh", str(folder),
         sys.executable, "-m", "cli", *argv],
        capture_output=True, text=True, cwd=ROOT, check=False)


def test_a_step_saved_whose_file_does_not_fit_exits_4_and_is_saved_once(
    db: Path, tmp_path: Path
) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("no unshare to mount a small file system")
    full = tmp_path / "full"
    full.mkdir()
    probe = subprocess.run(["unshare", "--mount", "--map-root-user", "mount", "-t", "tmpfs",
                            "tmpfs", str(full)], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("this system does not allow a private tmpfs mount")
    d = ["--db", str(db)]
    done = on_a_full_disk(full, ["material", "A000001", *d, "--recipient", "Metaal Oost",
                                 "--note", str(full / "note.pdf")])
    assert done.returncode == 4, done.stderr
    assert done.stdout == "UA000001\n"
    *said, left = done.stderr.splitlines()
    assert said[-1].startswith("ambacht: saved; the file could not be written: ")
    assert "No space left" in said[-1]
    assert left == "left: "  # no half-written note under its name, no temporary file
    assert shipments(db) == 1
    # Told the note was saved, the coordinator prints it again instead of sending twice.
    assert main(["delivery-note", "UA000001", *d, "--out", str(tmp_path / "note.pdf")]) == 0

    items = len(tables(db)["items"])
    done = on_a_full_disk(full, ["intake", *d, "--category", "books", "--route", "sale",
                                 "--label", str(full / "label.pdf")])
    assert done.returncode == 4 and done.stdout.strip().startswith("A"), done.stderr
    assert "saved; the file could not be written" in done.stderr
    assert done.stderr.splitlines()[-1] == "left: "
    assert len(tables(db)["items"]) == items + 1

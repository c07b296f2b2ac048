"""Private files: everything Ambacht makes is readable by its own account only.

Real `ambacht` processes, started with the usual umask 022, make the data folder, the
database (and its -wal and -shm), a label, a report, a backup, and PDFs in the app's label and
document folders; the app itself makes its database, log and start-up backup. Every file must
be 0600 and every folder 0700.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

CLI = [sys.executable, "-m", "cli"]


def ambacht(xdg: Path, *args: str) -> str:
    done = subprocess.run([*CLI, *args], env={**os.environ, "XDG_DATA_HOME": str(xdg)},
                          preexec_fn=lambda: os.umask(0o022), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def modes(top: Path) -> dict[str, str]:
    """Every file and folder under `top` (itself included) with a mode other than private."""
    found = {}
    for path in [top, *top.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode != (0o700 if path.is_dir() else 0o600):
            found[str(path.relative_to(top.parent))] = oct(mode)
    return found


def test_the_command_line_makes_only_private_files(tmp_path: Path) -> None:
    xdg = tmp_path / "share"  # like ~/.local/share: the user's, left as it is
    xdg.mkdir(mode=0o755)
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    ambacht(xdg, "init", "--site", "Kringloop Oost")
    code = ambacht(xdg, "intake", "--category", "books", "--route", "sale", "--label",
                   str(out / "label.pdf"))
    ambacht(xdg, "label", code)  # to the app's label folder
    note = ambacht(xdg, "material", "--category", "wood", "--weight-kg", "3", "--recipient",
                   "Houthandel")
    ambacht(xdg, "delivery-note", note)  # to the app's document folder
    ambacht(xdg, "report", "--from", "2020-01-01", "--to", "2030-12-31", "--format", "csv",
            "--out", str(out / "report.csv"))
    backup = Path(ambacht(xdg, "backup"))
    data = xdg / "ambacht"
    with closing(sqlite3.connect(data / "ambacht.sqlite")) as conn:  # -wal and -shm while open
        conn.execute("SELECT count(*) FROM items").fetchone()
        made = {path.name for path in data.iterdir()}
        assert {"ambacht.sqlite-wal", "ambacht.sqlite-shm", "labels", "documents",
                "backups"} <= made
        assert backup.parent == data / "backups" and list((data / "labels").glob("*.pdf"))
        assert list((data / "documents").glob("*.pdf"))
        assert modes(data) == {}
    assert {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in out.iterdir()} == {
        "label.pdf": "0o600", "report.csv": "0o600"}


def test_the_app_makes_only_private_files(tmp_path: Path) -> None:
    xdg = tmp_path / "share"
    xdg.mkdir(mode=0o755)
    app = subprocess.Popen(CLI, env={**os.environ, "XDG_DATA_HOME": str(xdg),
                                     "QT_QPA_PLATFORM": "offscreen"},
                           preexec_fn=lambda: os.umask(0o022), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    data = xdg / "ambacht"
    deadline = time.monotonic() + 60
    try:
        while not list((data / "backups").glob("ambacht-*.sqlite")):  # the start-up backup
            assert app.poll() is None and time.monotonic() < deadline, "no start-up backup"
            time.sleep(0.2)
    finally:
        app.send_signal(signal.SIGKILL)  # the -wal and -shm stay, as after a power cut
        app.wait()
    assert {"ambacht.sqlite", "ambacht.sqlite-wal", "ambacht.sqlite-shm", "ambacht.log",
            "backups"} <= {path.name for path in data.iterdir()}
    assert modes(data) == {}

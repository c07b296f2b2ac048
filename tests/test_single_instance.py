"""One app per database file on a PC: a second start brings the first window forward and
ends with nothing opened; a first killed by a power cut or `kill -9` never keeps the next
start out. Real processes, as a desktop icon or an autostart would start them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime),
            "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}


def _start(db: Path, env: dict[str, str], out: Path) -> subprocess.Popen[bytes]:
    with out.open("wb") as sink:
        return subprocess.Popen([sys.executable, "-m", "cli", "--db", str(db), "--lang", "en"],
                                env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=ROOT)


def _wait_for(what, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not what():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _locked(env: dict[str, str]) -> bool:
    """Whether an app holds a database's lock (it listens right after taking it)."""
    return any(Path(env["XDG_RUNTIME_DIR"]).glob("ambacht-*.lock"))


def _second_start(db: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", "--db", str(db)], env=env,
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_a_second_start_brings_the_first_forward_and_a_killed_first_keeps_no_one_out(
        tmp_path: Path) -> None:
    env, db = _env(tmp_path), tmp_path / "station.sqlite"
    log = tmp_path / "data" / "ambacht" / "ambacht.log"
    said = [f"ambacht: Ambacht is open on {db} already; its window was brought forward."]
    first = _start(db, env, tmp_path / "first.txt")
    try:
        _wait_for(lambda: _locked(env) and db.exists() or first.poll() is not None)
        assert first.poll() is None, (tmp_path / "first.txt").read_text()
        second = _second_start(db, env)
        assert (second.returncode, second.stderr.strip().splitlines()) == (0, said)
        _wait_for(lambda: log.exists() and log.read_text().count("comes forward") == 1, 10)
        assert first.poll() is None  # the first goes on
    finally:
        first.kill()  # as a power cut: its lock file stays behind
        first.wait(10)
    again = _start(db, env, tmp_path / "again.txt")
    try:
        time.sleep(3)  # it takes the dead first's lock and opens the file
        assert again.poll() is None, (tmp_path / "again.txt").read_text()
        second = _second_start(db, env)  # and it is the one now brought forward
        assert (second.returncode, second.stderr.strip().splitlines()) == (0, said)
        _wait_for(lambda: log.read_text().count("comes forward") == 2, 10)
    finally:
        again.terminate()
        again.wait(30)

"""Running `ambacht` commands in the test's own process, as the command-line tests do."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    """The exit status, stdout and stderr of one command."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_on(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    """`run` on the database `db`."""
    return run(capsys, *args, "--db", str(db))


def digest(path: Path) -> str:
    """A file's bytes, summed up: what 'left byte for byte as it was' is checked against."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(capsys, db: Path, *options: str) -> tuple[int, str]:
    """`ambacht check` on `db`: its exit status and all it said."""
    code, out, err = run_on(capsys, db, "check", *options)
    return code, out + err

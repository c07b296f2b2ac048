"""Bad input on the command line and a database file that is not Ambacht's: refused in one
line, nothing changed (the cases are in the spirit of `test_bad_input.py`)."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from bad_input import (
    CODES,
    FULLWIDTH,
    HUGE,
    ROOT,
    SQL,
    dump,
)

from cli.main import main

# --- the command line ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A000001 a chair for sale, A000002 a lamp for repair, A000003 planks for material."""
    path = tmp_path_factory.mktemp("cli") / "centre.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    for category, route in (("furniture", "sale"), ("lamps", "repair"), ("wood", "material")):
        with redirect_stdout(io.StringIO()):
            assert main(["intake", "--db", str(path), "--category", category, "--route", route,
                         "--at", "2026-01-05T10:00"]) == 0
    return path


WEIGHTS = ["", "-1", "0", "1e9", "NaN", "inf", "12,34,5", "€5", "５", "1\x00", "9" * 10_000,
           "0,0001", "1200", "' OR 1=1 --"]
PRICES = ["", "-1", "1e9", "NaN", "inf", "-inf", "12,34,5", "€", "5€", "５", "1,005",
          "99999999", "1\n2", "9" * 10_000, "0x10"]
TIMES = ["2999-01-01T10:00", "nonsense", "", "2026-13-01", "2020-01-01T10:00", "9" * 10_000,
         "2026-01-01T10:00\n"]
CLI: list[list[str]] = [
    *(["intake", "--category", "books", "--route", "sale", "--weight-kg", w] for w in WEIGHTS),
    *(["material", "--category", "wood", "--weight-kg", w, "--recipient", "Metaal Oost"]
      for w in WEIGHTS[:6]),
    *(["repurpose", "--from", "A000003", "--category", "furniture", "--weight-kg", w]
      for w in WEIGHTS[:6]),
    *(["price", "A000001", "--price-eur", p] for p in PRICES),
    *(["sell", "A000001", "--price-eur", p] for p in PRICES[:7]),
    *(["repair", "finish", "A000002", "--status", "fixed", "--price-eur", p]
      for p in PRICES[:4]),
    *(["sell", "A000001", "--at", t] for t in TIMES),
    *(["repair", "start", "A000002", "--at", t] for t in TIMES[:3]),
    *(["item", code] for code, _ in CODES),
    *(["sell", code] for code in ("Z000001", SQL, FULLWIDTH, "A" * 10_000)),
    ["intake", "--category", "books\nx", "--route", "sale"],
    ["intake", "--category", "books", "--route", "sale\nx"],
    ["intake", "--category", "books", "--route", "sale", "--visit", "VA\n1"],
    ["intake", "--category", "books", "--route", "sale", "--visit", "new",
     "--municipality", "Zwolle\nx"],
    ["intake", "--category", "books", "--route", "sale", "--user", "Nobody\n"],
    ["intake", "--category", "books", "--route", "sale", "--user", HUGE],
    ["material", "A000003", "--recipient", "\x00"],
    ["material", "A000003", "--recipient", HUGE],
    ["return", "A000001", "--reason", "\x00\x00\x00"],
    ["void", "A000001", "--reason", HUGE],
    ["repair", "finish", "A000002", "--status", "fixed\n"],
    ["repair", "finish", "A000002", "--status", "fixed", "--brand", "\u202eHema"],
    ["repair", "finish", "A000002", "--status", "fixed", "--problem", HUGE],
    ["repair", "finish", "A000002", "--status", "fixed", "--year", "２０１５"],
    ["repair", "finish", "A000002", "--status", "fixed", "--minutes", "NaN"],
    ["delivery-note", "UA\n1", "--out", "never.pdf"],
    ["report", "--from", "2026\n-01-01", "--to", "2026-01-02"],
    ["report", "--from", HUGE, "--to", "2026-01-02"],
    ["target", "--year", "2026", "--kg-collected", "nan"],
    ["target", "--year", "2026", "--kg-collected", "inf"],
    ["target", "--year", "NaN", "--kg-collected", "5"],
    *(["intake", "--category", "bicycles", "--route", "sale", "--serial", s]
      for s in ("", "a@b.nl", "12\n34", FULLWIDTH, HUGE, SQL)),
    *(["item", "--serial", s] for s in ("", "a@b.nl", HUGE, "WTU123456")),
    ["item"],
    ["item", "A000001", "--serial", "WTU123456"],
    ["register", "--from", "2026-13-01", "--to", "2026-12-31"],
    ["register", "--from", "2026-12-31", "--to", "2026-01-01"],
    ["category-serial", "books", "isbn"],
    ["category-serial", "spaceships", "frame"],
    *(["category-eu", "books", eu] for eu in ("", "isbn", "textile", HUGE, SQL, FULLWIDTH)),
    ["category-eu", "spaceships", "eee"],
    ["report", "--format", "eu-reuse", "--from", "2026-01-01"],
    ["report", "--format", "eu-reuse", "--to", "2026-12-31"],
    ["report", "--format", "eu-reuse", "--from", "2026-12-31", "--to", "2026-01-01"],
    ["report", "--format", "json"],
    ["staff-kind", "Nobody", "paid"],
    ["staff-kind", "Command line", "volunteer"],
    ["staff-kind", HUGE, "paid"],
    *(["course", "add", "--date", "2026-01-05", "--subject", "Naaien", "--participants", n]
      for n in ("", "0", "-1", "1e3", "NaN", "５", "10001")),
    *(["course", "add", "--date", d, "--subject", "Naaien", "--participants", "5"]
      for d in ("", "2999-01-01", "1999-12-31", "nonsense")),
    *(["course", "add", "--date", "2026-01-05", "--subject", s, "--participants", "5"]
      for s in ("", "\x00", HUGE)),
    ["course", "cancel", "no-such-course", "--reason", "Oops"],
]


@pytest.mark.parametrize("args", CLI, ids=[ascii(" ".join(a))[:60] for a in CLI])
def test_the_command_line_refuses_bad_input_in_one_line(cli_db: Path, args: list[str]) -> None:
    conn = sqlite3.connect(cli_db)
    before = dump(conn)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([*args, "--db", str(cli_db)])
    assert (code, out.getvalue()) == (2, ""), err.getvalue()
    lines = err.getvalue().split("\n")
    assert len(lines) == 2 and lines[1] == "" and lines[0].startswith("ambacht"), lines
    assert lines[0].isprintable() and len(lines[0]) < 200, lines[0][:200]
    assert dump(conn) == before
    conn.close()


def test_a_price_may_be_typed_with_the_euro_sign(cli_db: Path, tmp_path: Path) -> None:
    """'€5' is not refused: the euro sign before an amount is how a price is written."""
    db = tmp_path / "copy.sqlite"
    with sqlite3.connect(cli_db) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    with redirect_stdout(io.StringIO()) as out:
        assert main(["price", "A000001", "--price-eur", "€5", "--db", str(db)]) == 0
    assert out.getvalue() == "A000001  €5.00\n"


def test_the_console_refuses_a_control_character_in_one_line(cli_db: Path) -> None:
    """The real process: stderr holds one line, whatever the argument held."""
    done = subprocess.run(
        [sys.executable, "-m", "cli", "intake", "--db", str(cli_db), "--category",
         "books\r\n\x1b[2J", "--route", "sale"],
        capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("ambacht: Unknown category") and done.stderr.count("\n") == 1
    assert "\x1b" not in done.stderr and "\r" not in done.stderr


# --- the one file the app reads: its database ----------------------------------------------


def _sqlite_of_another_app(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")


FILES: list[tuple[str, Callable[[Path], object]]] = [
    ("empty file", lambda p: p.write_bytes(b"")),
    ("text", lambda p: p.write_text("shopping list\n")),
    ("random bytes", lambda p: p.write_bytes(bytes(range(256)) * 64)),
    ("SQLite header, then nothing", lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\0" * 84)),
    ("another app's SQLite", _sqlite_of_another_app),
    ("a folder", lambda p: p.mkdir()),
]


@pytest.mark.parametrize("make", [f for _, f in FILES], ids=[n for n, _ in FILES])
def test_a_file_that_is_not_an_ambacht_database_is_refused_untouched(
    tmp_path: Path, make: Callable[[Path], object]
) -> None:
    path = tmp_path / "centre.sqlite"
    make(path)
    before = sorted((p.name, p.read_bytes() if p.is_file() else None)
                    for p in tmp_path.rglob("*"))
    for args in (["categories"], ["intake", "--category", "books", "--route", "sale"],
                 ["report", "--from", "2026-01-01", "--to", "2026-01-31"]):
        err = io.StringIO()
        with redirect_stdout(io.StringIO()), redirect_stderr(err):
            assert main([*args, "--db", str(path)]) == 2
        assert err.getvalue().startswith("ambacht: ") and err.getvalue().count("\n") == 1
    assert sorted((p.name, p.read_bytes() if p.is_file() else None)
                  for p in tmp_path.rglob("*")) == before



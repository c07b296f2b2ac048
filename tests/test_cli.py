"""The `ambacht` command: init, intake, item, label, categories, and its refusals."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run

from cli.main import main


@pytest.fixture
def db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "centre.sqlite"
    assert main(["init", "--db", str(path), "--site", "Ambacht Oss"]) == 0
    assert capsys.readouterr().out == f"Created {path}\n"
    return path



def snapshot(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [
            (table, conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())  # noqa: S608
            for table in ("items", "events", "visits", "stations", "settings", "categories")
        ]
    finally:
        conn.close()


def test_init_then_init_again_changes_nothing(capsys, db: Path) -> None:
    before = snapshot(db)
    code, _, err = run(capsys, "init", "--db", str(db), "--site", "Other")
    assert code == 0 and "already an Ambacht database; nothing changed" in err
    assert snapshot(db) == before


def test_intake_prints_the_code_alone(capsys, db: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "intake", "--db", str(db), "--category", "bicycles",
                       "--route", "sale")
    assert (code, out) == (0, "A000001\n")
    label = tmp_path / "label.pdf"
    code, out, err = run(capsys, "intake", "--db", str(db), "--category", "books", "--route",
                         "repair", "--weight-kg", "2,5", "--visit", "new", "--municipality",
                         "", "--label", str(label))
    assert (code, out) == (0, "A000002\n") and "visit VA000001" in err
    assert label.read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, "item", "A000002", "--json", "--db", str(db))
    data = json.loads(out)
    assert data["weight_g"] == 2500 and not data["weight_estimated"]
    assert data["route"] == "repair" and data["visit"] == "VA000001"
    assert [e["type"] for e in data["history"]] == ["intake"]
    assert data["history"][0]["user"] == "Command line"


def test_standard_weight_is_marked_estimated(capsys, db: Path) -> None:
    run(capsys, "intake", "--db", str(db), "--category", "furniture", "--route", "sale")
    data = json.loads(run(capsys, "item", "a000001", "--json", "--db", str(db))[1])
    assert data["weight_g"] == 15_000 and data["weight_estimated"]


def test_past_intake_for_a_baseline(capsys, db: Path) -> None:
    run(capsys, "intake", "--db", str(db), "--category", "wood", "--route", "material",
        "--weight-kg", "30", "--at", "2025-03-01T10:30")
    data = json.loads(run(capsys, "item", "A000001", "--json", "--db", str(db))[1])
    assert data["intake_at"] == "2025-03-01T09:30:00+00:00"  # 10:30 in Amsterdam, winter time
    assert data["history"][0]["recorded_at"] > "2026"


def test_item_text_and_categories(capsys, db: Path) -> None:
    run(capsys, "intake", "--db", str(db), "--category", "lamps", "--route", "repair")
    code, out, _ = run(capsys, "item", "A000001", "--db", str(db))
    assert code == 0 and "A000001" in out and "lamps" in out and "intake" in out
    code, out, _ = run(capsys, "categories", "--db", str(db))
    assert code == 0 and "bicycles" in out and "eee_large" in out
    cats = json.loads(run(capsys, "categories", "--json", "--db", str(db))[1])
    assert {c["code"] for c in cats} >= {"textiles", "books", "toys", "computers"}
    assert all(c["co2_factor"] == 1.1 for c in cats)


def test_label_reprint_to_file(capsys, db: Path, tmp_path: Path) -> None:
    run(capsys, "intake", "--db", str(db), "--category", "toys", "--route", "sale")
    out = tmp_path / "again.pdf"
    assert run(capsys, "label", "A000001", "--out", str(out), "--db", str(db))[0] == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["intake", "--category", "spaceship", "--route", "sale"], "Unknown category"),
        (["intake", "--category", "books", "--route", "burn"], "Unknown route"),
        (["intake", "--category", "books", "--route", "sale", "--weight-kg", "heavy"],
         "is not a weight"),
        (["intake", "--category", "books", "--route", "sale", "--weight-kg", "0"], "more than 0"),
        (["intake", "--category", "books", "--route", "sale", "--weight-kg", "1200"], "at most"),
        (["intake", "--category", "books", "--route", "sale", "--weight-kg", "80"], "unusual"),
        (["intake", "--category", "books", "--route", "sale", "--visit", "VZ999999"], "No visit"),
        (["intake", "--category", "books", "--route", "sale", "--visit", "new",
          "--municipality", "Atlantis"], "Unknown municipality"),
        (["intake", "--category", "books", "--route", "sale", "--at", "yesterday"], "ISO time"),
        (["intake", "--category", "books", "--route", "sale", "--at", "2099-01-01"], "future"),
        (["intake", "--route", "sale"], "required"),
        (["item", "A999999"], "No item has code A999999"),
        (["item", "'; DROP TABLE items; --"], "not an item code"),
        (["label", "A999999", "--out", "x.pdf"], "No item"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    capsys, db: Path, args: list[str], message: str
) -> None:
    before = snapshot(db)
    code, out, err = run(capsys, *args, "--db", str(db)) if args != ["frobnicate"] else run(
        capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err, err
    assert snapshot(db) == before


def test_missing_and_foreign_databases(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "categories", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "ambacht init" in err
    assert not (tmp_path / "none.sqlite").exists()
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    for args in (["init"], ["categories"]):
        code, _, err = run(capsys, *args, "--db", str(foreign))
        assert code == 2 and "is not an Ambacht database" in err
    assert foreign.read_bytes() == before
    text = tmp_path / "notes.sqlite"
    text.write_text("shopping list")
    code, _, err = run(capsys, "categories", "--db", str(text))
    assert code == 2 and "is not an Ambacht database" in err


# The console script pip installed beside this Python (the venv's bin folder need not be on PATH).
AMBACHT = shutil.which("ambacht", path=str(Path(sys.executable).parent)) or "ambacht"


def test_console_script(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    subprocess.run([AMBACHT, "init", "--db", str(db)], check=True, capture_output=True)
    done = subprocess.run(
        [AMBACHT, "intake", "--db", str(db), "--category", "textiles", "--route", "sale"],
        capture_output=True, text=True, check=True,
    )
    assert done.stdout == "A000001\n"
    bad = subprocess.run([sys.executable, "-m", "cli", "intake", "--db", str(db),
                          "--category", "x", "--route", "sale"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("ambacht: Unknown category")


def test_a_reader_that_stops_early_ends_the_command_quietly(db: Path) -> None:
    """`ambacht categories | head -1`: no BrokenPipeError traceback, the shell's SIGPIPE status."""
    reader, writer = os.pipe()
    os.close(reader)  # gone before the first line is written
    try:
        done = subprocess.run([sys.executable, "-m", "cli", "categories", "--db", str(db)],
                              stdout=writer, stderr=subprocess.PIPE, text=True, check=False)
    finally:
        os.close(writer)
    assert done.stderr == ""
    assert done.returncode == 141


def snapshot_all(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return [
            (table, conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())  # noqa: S608
            for table in ("items", "events", "stations", "shipments", "recipients")
        ]
    finally:
        conn.close()


def test_an_item_walks_through_the_centre_on_the_command_line(
    capsys, db: Path, tmp_path: Path
) -> None:
    d = ("--db", str(db))
    _, lamp, _ = run(capsys, "intake", *d, "--category", "lamps", "--route", "repair",
                     "--at", "2026-03-02T10:00")
    lamp = lamp.strip()
    assert run(capsys, "repair", "start", lamp, *d, "--at", "2026-03-03T09:00")[0] == 0
    code, out, _ = run(capsys, "repair", "finish", lamp, *d, "--status", "fixed",
                       "--problem", "Broken switch", "--brand", "Ikea", "--minutes", "25",
                       "--safety-test", "pass", "--price-eur", "8,50",
                       "--at", "2026-03-03T10:00")
    assert (code, out) == (0, f"{lamp}  in_stock  route sale\n")
    _, chair, _ = run(capsys, "intake", *d, "--category", "furniture", "--route", "sale")
    chair = chair.strip()
    code, out, _ = run(capsys, "sell", lamp, chair, *d, "--price-eur", "8.50", "12")
    assert code == 0 and out.splitlines()[-1] == "total  €20.50"
    assert run(capsys, "return", lamp, *d, "--reason", "Wrong colour")[0] == 0
    _, planks, _ = run(capsys, "intake", *d, "--category", "wood", "--route", "material")
    code, table, _ = run(capsys, "repurpose", "--from", planks.strip(), "--category",
                         "furniture", "--weight-kg", "9", *d)
    assert code == 0 and table.strip().startswith("A")
    _, scrap, _ = run(capsys, "intake", *d, "--category", "metal", "--route", "material")
    note = tmp_path / "note.pdf"
    code, out, err = run(capsys, "material", scrap.strip(), *d, "--recipient", "Metaal Oost",
                         "--note", str(note))
    assert (code, out) == (0, "UA000001\n") and "added recipient 'Metaal Oost'" in err
    code, out, err = run(capsys, "material", *d, "--category", "wood", "--weight-kg", "80",
                         "--recipient", "metaal oost")
    assert (code, out, err) == (0, "UA000002\n", "")
    assert note.read_bytes().startswith(b"%PDF")
    again = tmp_path / "again.pdf"
    assert run(capsys, "delivery-note", "ua000001", *d, "--out", str(again))[0] == 0
    assert again.read_bytes() == note.read_bytes()
    code, _, err = run(capsys, "delivery-note", "UA000099", *d)
    assert code == 2 and "No delivery note has number UA000099" in err
    assert run(capsys, "correct", chair, *d, "--reason", "Scanned by mistake")[0] == 0
    assert run(capsys, "void", chair, *d, "--reason", "Never was here",
               "--at", "2026-03-05T16:00")[0] == 2  # before the correction just made
    assert run(capsys, "void", chair, *d, "--reason", "Never was here")[0] == 0
    _, book, _ = run(capsys, "intake", *d, "--category", "books", "--route", "sale")
    _, vase, _ = run(capsys, "intake", *d, "--category", "household", "--route", "sale")
    code, out, _ = run(capsys, "sell", book.strip(), vase.strip(), *d,
                       "--price-eur", "1", "--price-eur", "2,50")  # repeated, in order
    assert code == 0 and out.splitlines()[-1] == "total  €3.50"

    code, out, _ = run(capsys, "item", lamp, "--json", *d)
    data = json.loads(out)
    assert (data["status"], data["route"], data["price_eur"], data["safety_test"]) == (
        "in_stock", "sale", 8.5, "pass")
    assert [e["type"] for e in data["history"]] == [
        "intake", "repair_started", "safety_tested", "repair_finished", "sold", "returned"]
    assert data["history"][3]["data"]["brand"] == "Ikea"
    assert data["history"][0]["at"].startswith("2026-03-02T09:00")  # 10:00 in Amsterdam


@pytest.mark.parametrize(
    "args",
    [
        ["sell", "A000001"],  # electrical, no safety test
        ["sell", "A000002", "A000003", "--price-eur", "5"],  # one price for two codes
        ["sell", "A000002", "--price-eur", "-5"],
        ["sell", "A000002", "--price-eur", "abc"],
        ["sell", "A000002", "--price-eur", "1.234"],
        ["sell", "A000002", "A000002"],
        ["sell", "A000002", "--at", "2020-01-01T10:00"],  # before the intake
        ["sell", "A000002", "--at", "2999-01-01T10:00"],
        ["sell", "A000002", "--at", "yesterday"],
        ["sell", "A000003"],  # meant for material
        ["return", "A000002", "--reason", "Did not fit"],  # not sold
        ["return", "A000002"],
        ["repair", "finish", "A000002", "--status", "fixed"],  # not in repair
        ["repair", "start", "A000002", "--at", "2999-01-01T00:00"],
        ["repair", "finish", "A000002", "--status", "broken"],
        ["repair", "finish", "A000002", "--status", "end-of-life", "--barrier", "gremlins"],
        ["repair", "start", "Z123"],
        ["repair", "start", "A000404"],
        ["repair"],
        ["material", "A000003"],  # no recipient
        ["material", "--category", "wood", "--recipient", "Recycler"],  # no weight
        ["material", "--category", "wood", "--weight-kg", "-3", "--recipient", "Recycler"],
        ["material", "--category", "gold", "--weight-kg", "3", "--recipient", "Recycler"],
        ["material", "A000003", "A000003", "--recipient", "Recycler"],
        ["void", "A000002", "--reason", ""],
        ["void", "A000002"],
        ["correct", "A000002", "--reason", "Nothing to correct"],
        ["repurpose", "--from", "A000002", "--category", "spaceship"],
        ["repurpose", "--from", "A000003", "--category", "furniture", "--weight-kg", "0"],
        ["repurpose", "--category", "furniture"],
        ["safety-test", "A000002", "pass"],  # furniture
        ["price", "A000002", "--price-eur", "99999999"],
    ],
)
def test_refused_steps_exit_2_with_one_line_and_change_nothing(
    capsys, db: Path, args: list[str]
) -> None:
    for category, route in (("eee_small", "sale"), ("furniture", "sale"), ("wood", "material")):
        assert run(capsys, "intake", "--db", str(db), "--category", category, "--route",
                   route, "--at", "2026-01-05T10:00")[0] == 0
    before = snapshot_all(db)
    code, out, err = run(capsys, *args, "--db", str(db))
    assert code == 2, (out, err)
    assert out == "" and err.count("\n") == 1 and err.startswith(("ambacht", "usage")), err
    assert snapshot_all(db) == before

"""Outputs are data, not code (issue 11, point 5): names that look like formulas reach the
CSV, ORDS and XLSX files of `ambacht report` as plain text with a leading quote, the
workbook holds no formula cell and its numbers stay numbers, and a site name with control
characters (refused now, but stored by an older version) does not break any export.

The names are typed through the real command line and the real services into a real file;
the files are read back with the csv module and openpyxl.
"""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stderr, redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli.main import main
from db import Store
from intake.admin import AdminService, NameList
from intake.auth import AuthService
from intake.clock import SystemClock
from intake.text import spreadsheet_safe

SITE = '=HYPERLINK("http://evil.example","Kringloop")'
CATEGORY = "=1+1"
MUNICIPALITY = "-2+3 Gemeente"
RECIPIENT = "@SUM(A1:A9)"
PROBLEM = "=cmd|' /C calc'!A0"
BRAND = "+Brand"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A centre whose every name a spreadsheet could run: site, category, municipality,
    recipient, repair problem and brand."""
    path = tmp_path_factory.mktemp("data") / "centre.sqlite"
    d = ("--db", str(path))
    assert run("init", *d, "--site", SITE)[0] == 0
    store = Store.open(path)
    me = AuthService(store, SystemClock()).command_line_user(None, None)
    admin = AdminService(store, SystemClock())
    admin.add_category(me, "evil", CATEGORY, CATEGORY, 2500)
    admin.add_name(me, NameList.MUNICIPALITIES, MUNICIPALITY)
    store.close()
    code, out = run("intake", *d, "--category", "evil", "--route", "material", "--visit", "new",
                    "--municipality", MUNICIPALITY)
    assert code == 0, out
    assert run("material", out.split()[0], *d, "--recipient", RECIPIENT)[0] == 0
    code, out = run("intake", *d, "--category", "lamps", "--route", "repair")
    lamp = out.split()[0]
    assert run("repair", "start", lamp, *d)[0] == 0
    assert run("repair", "finish", lamp, *d, "--status", "end-of-life", "--barrier",
               "too-worn-out", "--problem", PROBLEM, "--brand", BRAND)[0] == 0
    return path


def report(path: Path, fmt: str, out: Path) -> Path:
    today = datetime.now(UTC).date()
    code, said = run("report", "--db", str(path), "--from", str(today - timedelta(days=1)),
                     "--to", str(today + timedelta(days=1)), "--format", fmt, "--out", str(out))
    assert code == 0, said
    return out


def assert_inert(texts: list[str]) -> None:
    for text in texts:
        assert not text.startswith(FORMULA_STARTS), text
        assert text.isprintable(), text


def test_the_workbook_holds_names_as_text_and_numbers_as_numbers(centre: Path,
                                                                 tmp_path: Path) -> None:
    book = load_workbook(report(centre, "xlsx", tmp_path / "r.xlsx"))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert_inert(texts)
    assert all(cell.data_type == "s" for cell in cells if isinstance(cell.value, str))
    for name in (SITE, CATEGORY, MUNICIPALITY, RECIPIENT):
        assert f"'{name}" in texts, name
    totals = book.worksheets[0]
    items_in = next(row for row in totals.iter_rows() if row[0].value == "Items in")
    assert items_in[1].value == 2 and items_in[1].data_type == "n"


def test_the_csv_and_ords_files_hold_names_with_a_leading_quote(centre: Path,
                                                                tmp_path: Path) -> None:
    rows = list(csv.reader(report(centre, "csv", tmp_path / "r.csv").open(encoding="utf-8")))
    assert_inert([field for row in rows for field in row])
    keys = {(row[0], row[1]) for row in rows}
    assert {("category", "evil"), ("municipality", f"'{MUNICIPALITY}"),
            ("recipient", f"'{RECIPIENT}")} <= keys
    total = dict(zip(rows[0], rows[1], strict=True))
    assert float(total["items_in"]) == 2  # a number, written as one

    ords = list(csv.DictReader(report(centre, "ords", tmp_path / "o.csv")
                               .open(encoding="utf-8")))
    assert_inert([field for row in ords for field in row.values()])
    (record,) = ords
    assert (record["data_provider"], record["problem"], record["brand"]) == (
        f"'{SITE}", f"'{PROBLEM}", f"'{BRAND}")


def test_a_site_name_with_control_characters_is_refused_at_init(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    for bad in ("Kringloop\x07", "A\x1bB", "\u202eevil"):
        code, said = run("init", "--db", str(path), "--site", bad)
        assert code == 2 and "control characters" in said, said
    assert run("init", "--db", str(path), "--site", "  Kringloop \n  Oost ")[0] == 0
    store = Store.open(path)
    assert store.settings()["site_name"] == "Kringloop Oost"
    store.close()


def test_a_stored_site_name_with_control_characters_does_not_break_an_export(
    centre: Path, tmp_path: Path
) -> None:
    bad = "\tKringloop\x07 Oost\r"
    store = Store.open(centre)
    store.set_setting("site_name", bad)  # as an older version or a hand edit left it
    store.close()
    try:
        book = load_workbook(report(centre, "xlsx", tmp_path / "r.xlsx"))
        assert book.worksheets[0]["B1"].value == "'?Kringloop? Oost?"
        for fmt in ("csv", "ords", "pdf"):
            report(centre, fmt, tmp_path / f"r.{fmt}")
    finally:
        store = Store.open(centre)
        store.set_setting("site_name", SITE)
        store.close()


@pytest.mark.parametrize(("value", "shown"), [
    ("=1+1", "'=1+1"), ("+31 6", "'+31 6"), ("-", "'-"), ("@x", "'@x"), ("\tx", "'?x"),
    ("\rx", "'?x"), ("a=b", "a=b"), ("", ""), ("Ærø Škoda", "Ærø Škoda"), (-5, -5),
    (1.5, 1.5), (None, None),
])
def test_one_rule_makes_a_cell_safe(value: object, shown: object) -> None:
    assert spreadsheet_safe(value) == shown

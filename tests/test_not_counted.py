"""A period that is not counted (it ended before the database's first record) is empty in
every format, never 0 (issue 14): null in the JSON, empty cells in the workbook, "–" in the
PDF."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_monitoring import write_march

from cli.main import main
from intake.exports import COLUMNS


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The March 2026 of `test_monitoring`, whose first record is 28 February 2026."""
    path = tmp_path_factory.mktemp("not-counted") / "centre.sqlite"
    write_march(path, lambda store: None).close()
    return path


def test_a_period_not_counted_is_empty_in_the_workbook_and_the_pdf(
    centre: Path, tmp_path: Path
) -> None:
    """March 2025 ended before the first record (28 February 2026): empty cells and "–",
    never 0, as its JSON is null."""
    path = centre
    period = ["--from", "2025-03-01", "--to", "2025-03-31", "--lang", "en"]
    book_path, pdf_path = tmp_path / "before.xlsx", tmp_path / "before.pdf"
    assert main(["report", "--db", str(path), *period, "--format", "xlsx",
                 "--out", str(book_path)]) == 0
    totals = {row[0]: row[1:] for row in
              load_workbook(book_path)["Totals"].iter_rows(min_row=5, values_only=True)}
    assert len(totals) == len(COLUMNS)
    assert {values[0] for values in totals.values()} == {None}
    assert main(["report", "--db", str(path), *period, "--format", "pdf",
                 "--out", str(pdf_path)]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True,
                          text=True, check=True).stdout
    key_figures = text.split("Key figures")[1].split("Not counted")[0]
    for _, _, label, _ in COLUMNS:
        line = next(line for line in key_figures.splitlines() if line.strip().startswith(label))
        assert line.split()[-1] == "–", line
    assert "Not counted: this period ended before the first record" in text
    assert "(0 kg)" not in text  # no R-ladder of zeros
    # The record of each export keeps the key totals as the JSON has them: null.
    with sqlite3.connect(path) as db:
        recorded = [json.loads(row[0]) for row in db.execute(
            "SELECT totals FROM report_exports WHERE period_from = '2025-03-01'")]
    assert len(recorded) == 2 and {value for totals in recorded
                                   for value in totals.values()} == {None}
    # A book entered from paper makes March 2025 counted: the next export says it was "–".
    assert main(["intake", "--db", str(path), "--category", "books", "--route", "sale",
                 "--weight-kg", "2", "--at", "2025-03-10T10:00"]) == 0
    assert main(["report", "--db", str(path), *period, "--format", "xlsx",
                 "--out", str(tmp_path / "after.xlsx")]) == 0
    rows = [row[1] for row in load_workbook(tmp_path / "after.xlsx")["Provenance"].iter_rows(
        values_only=True)]
    assert "Kg in: then –, now 2.000" in rows

"""Reports carry their provenance (issue 14, point 7): when made, the last step included, the
Ambacht version and the counting rules; every export is recorded with a hash, and a later
report of the same period lists what changed since and why. Day sums made under older
counting rules are made again."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest
from test_monitoring import NOW, local, write_march

from cli.main import main
from db import Store
from intake.clock import FixedClock
from intake.counting import COUNTING_RULES
from intake.gate import GateService
from intake.monitoring import Period, build_report
from intake.provenance import app_version

MARCH = ["--from", "2026-03-01", "--to", "2026-03-31"]


@pytest.fixture
def march(tmp_path: Path) -> Path:
    path = tmp_path / "march.sqlite"
    write_march(path, lambda store: None).close()
    return path


def report(path: Path, capsys, *extra: str) -> tuple[dict, bytes]:
    """A JSON report of March written to a file: an export."""
    out = path.parent / "march.json"
    assert main(["report", "--db", str(path), *MARCH, *extra, "--out", str(out),
                 "--force"]) == 0
    return json.loads(out.read_text()), out.read_bytes()


def test_every_export_states_where_it_comes_from_and_is_recorded(march: Path, capsys) -> None:
    data, printed = report(march, capsys)
    provenance = data["provenance"]
    store = Store.open(march)
    last_id, last_at = store.db.execute(
        "SELECT id, recorded_at FROM events ORDER BY recorded_at DESC, id DESC LIMIT 1"
    ).fetchone()  # the latest recorded, whichever order the steps reached this file
    assert provenance["last_event"] == last_id
    assert provenance["last_event_recorded_at"].startswith(last_at[:19])
    assert (provenance["ambacht_version"], provenance["counting_rules"]) == (
        app_version(), COUNTING_RULES)
    assert provenance["made_at"] and provenance["since_last_export"] is None
    [(kind, first, last, rules, totals, digest)] = store.db.execute(
        "SELECT format, period_from, period_to, rules, totals, hash FROM report_exports"
    ).fetchall()
    assert (kind, first, last, rules) == ("json", "2026-03-01", "2026-03-31", COUNTING_RULES)
    assert json.loads(totals)["kg_in"] == data["totals"]["kg_in"]
    assert digest == hashlib.sha256(printed).hexdigest()
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE report_exports SET hash = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM report_exports")


def test_a_later_report_lists_what_changed_since_and_why(march: Path, capsys) -> None:
    report(march, capsys)  # the council got this one
    store = Store.open(march)
    me = store.user("system")
    gate = GateService(store, FixedClock(local("2026-04-20T10:00")), "A")
    gate.void(me, "A000001", "Donated twice by mistake")  # sold on 5 March for EUR 30
    store.close()
    data, _ = report(march, capsys)
    since = data["provenance"]["since_last_export"]
    assert since["format"] == "json"
    assert (since["totals_then"]["revenue_eur"], since["totals_now"]["revenue_eur"]) == (
        84.0, 54.0)
    assert [(c["what"], c["why"]) for c in since["changes"]] == [
        ("A000001 voided", "Donated twice by mistake")]
    # Taken back later: the PDF made next says so, against the JSON just made.
    store = Store.open(march)
    gate = GateService(store, FixedClock(local("2026-04-21T10:00")), "A")
    gate.void(store.user("system"), "A000002", "Not ours")
    store.close()
    pdf = march.parent / "march.pdf"
    assert main(["report", "--db", str(march), *MARCH, "--format", "pdf", "--out", str(pdf),
                 "--lang", "en"]) == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for part in ("Where this report comes from", "Counting rules version", "A000002 Voided",
                 "Not ours", "Revenue (EUR): then € 54.00, now € 53.00"):
        assert part in text, part
    from openpyxl import load_workbook

    xlsx = march.parent / "march.xlsx"
    assert main(["report", "--db", str(march), *MARCH, "--format", "xlsx", "--out", str(xlsx),
                 "--lang", "nl"]) == 0
    rows = list(load_workbook(xlsx)["Herkomst"].iter_rows(values_only=True))
    assert ("Versie telregels", str(COUNTING_RULES)) in rows
    table = march.parent / "march.csv"
    assert main(["report", "--db", str(march), *MARCH, "--format", "csv", "--out",
                 str(table)]) == 0
    assert "provenance,Counting rules version" in table.read_text()
    assert Store.open(march).db.execute("SELECT count(*) FROM report_exports").fetchone() == (5,)


def test_day_sums_made_under_older_counting_rules_are_made_again(march: Path) -> None:
    store = Store.open(march)
    day = Period(date(2026, 3, 5), date(2026, 3, 5))
    right = build_report(store, day, NOW).total
    # As an older version left it: other sums, and a version of older rules.
    store.db.execute("UPDATE day_figures SET grams = grams * 2 WHERE day = '2026-03-05'")
    store.db.execute("UPDATE day_figures_done SET version = 'rules-1' WHERE day = '2026-03-05'")
    assert build_report(store, day, NOW).total == right

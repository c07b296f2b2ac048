"""Step times (issue 11, point 4): `--at` from 2000 up to five minutes ahead, no local time
the clocks skip or repeat, four digits of year in storage, and a history holding a time that
cannot be read (an older version's year 226, a hand edit) never crashes a report, `item` or
`void`: they name the item and go on."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cli_run import run_on

from cli.main import main
from db import Store
from db.chain import chain_history
from db.times import readable_time, unreadable_item_codes
from intake.clock import UNREADABLE, UnreadableTime, from_storage, to_storage
from intake.errors import ValidationError
from intake.gate import GateService
from intake.localtime import parse_step_time
from intake.model import Route, User

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(("text", "expected"), [
    ("2000-01-01T00:00Z", datetime(2000, 1, 1, tzinfo=UTC)),
    ("2000-01-01T00:00", datetime(1999, 12, 31, 23, 0, tzinfo=UTC)),  # 2000 began locally
    ("2026-11-24T10:35", NOW + timedelta(minutes=5)),  # local, five minutes ahead: allowed
    ("2026-03-29T01:59", datetime(2026, 3, 29, 0, 59, tzinfo=UTC)),
    ("2026-03-29T03:00", datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
    ("2026-03-29T02:30+01:00", datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
    ("2026-10-25T02:30+02:00", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
    ("2026-10-25T02:30+01:00", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
    ("2026-10-25T03:00", datetime(2026, 10, 25, 2, 0, tzinfo=UTC)),
])
def test_step_times_that_are_accepted(text: str, expected: datetime) -> None:
    assert parse_step_time(text, NOW, AMSTERDAM) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("1999-12-31T23:59:59", "A time before 2000 is not accepted."),
    ("1999-12-31T09:59:59Z", "A time before 2000 is not accepted."),  # 1999 everywhere
    ("0226-03-01T10:00", "A time before 2000 is not accepted."),  # was stored as year 226
    ("0001-01-01T00:00", "A time before 2000 is not accepted."),
    ("2026-11-24T10:35:01", "That time is in the future."),
    ("9999-12-31T23:59", "That time is in the future."),
    ("226-03-01T10:00", "'226-03-01T10:00' is not an ISO time like 2025-03-01T10:30."),
    ("2026-02-30T10:00", "is not an ISO time"),
    ("", "is not an ISO time"),
    ("2026-03-29T02:30", "2026-03-29T02:30 does not exist in Europe/Amsterdam: the clocks "
     "jump from +01:00 to +02:00 then. Give the offset, e.g. 2026-03-29T02:30+01:00."),
    ("2026-10-25T02:30", "2026-10-25T02:30 happens twice in Europe/Amsterdam, at +02:00 and "
     "at +01:00. Give the offset, e.g. 2026-10-25T02:30+02:00."),
    ("9999-12-31T23:59-01:00", "That time is in the future."),
    ("2026-10-25T02:00", "happens twice"),
    ("2026-10-25T02:59", "happens twice"),
])
def test_step_times_that_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_step_time(text, NOW, AMSTERDAM)
    assert message in str(refused.value)


def test_stored_times_have_four_digits_of_year_and_read_back() -> None:
    for moment in (datetime(226, 3, 1, 9, 40, tzinfo=UTC), datetime(2026, 11, 24, tzinfo=UTC),
                   datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)):
        text = to_storage(moment)
        assert len(text) == 27 and text[4] == "-"
    assert to_storage(datetime(226, 3, 1, 9, 40, tzinfo=UTC)) == "0226-03-01T09:40:00.000000Z"
    assert from_storage(to_storage(NOW)) == NOW


BAD_TIMES = ["226-03-01T09:40:28.000000Z", "0226-03-01T09:40:28.000000Z",
             "2026-02-30T10:00:00.000000Z", "2026-03-01T24:00:00.000000Z",
             "2026-03-01 10:00:00.000000Z", "2026-03-01T10:00:00Z",
             "2026-03-01T10:00:00.000000+01:00", "gisteren", ""]


def test_python_and_sql_agree_on_which_stored_times_can_be_read() -> None:
    conn = sqlite3.connect(":memory:")
    for text in [to_storage(NOW), "2024-02-29T23:59:59.999999Z", *BAD_TIMES]:
        in_sql = conn.execute(f"SELECT {readable_time(':t')}", {"t": text}).fetchone()[0]
        try:
            from_storage(text)
            in_python = 1
        except UnreadableTime:
            in_python = 0
        assert in_sql == in_python, text
        assert in_python == (text in (to_storage(NOW), "2024-02-29T23:59:59.999999Z"))


def test_the_database_refuses_to_store_a_time_it_could_not_read(
    store: Store, gate: GateService, coordinator: User,
) -> None:
    item = gate.take_in(coordinator, gate.prepare("books", Route.SALE, None), None)
    # The event continues its station's hash chain, so that only its time is wrong.
    for sql in ("INSERT INTO events (id, item_id, type, at, recorded_at, station, user_id, seq, "
                "prev_hash, hash) SELECT 'e2', item_id, 'priced', ?, recorded_at, station, "
                "user_id, seq + 1, hash, 'x' FROM events ORDER BY seq DESC LIMIT 1",
                "INSERT INTO visits (id, code, station, user_id, started_at) "
                "VALUES ('v', 'VA1', 'A', 'system', ?)"):
        for bad in BAD_TIMES:
            with pytest.raises(sqlite3.IntegrityError, match="not in the stored form"):
                store.db.execute(sql, [bad])
    assert len(store.events(item.id)) == 1


# --- a history with a time that cannot be read ----------------------------------------------


def hand_edit(db: Path, code: str, time: str, step: str = "intake") -> None:
    """Give a step of item `code` (its intake: the item row's time too) a time as an older
    version left it: the append-only and stored-form triggers are dropped for the edit and put
    back after it, and the history is chained again as m010 chains an older version's history.
    (A hand edit of a chained history is tampering, which `check` names: tests/test_chain.py.)
    """
    conn = sqlite3.connect(db)
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND (name LIKE 'events_no_%' OR name LIKE '%_readable_times')").fetchall()
    assert len(triggers) == 5
    with conn:
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        if step == "intake":
            conn.execute("UPDATE items SET intake_at = ? WHERE code = ?", [time, code])
        conn.execute("UPDATE events SET at = ? WHERE type = ? AND item_id = "
                     "(SELECT id FROM items WHERE code = ?)", [time, step, code])
        chain_history(conn)
        for _, sql in triggers:
            conn.execute(sql)
    conn.close()


@pytest.fixture
def centre(tmp_path: Path, capsys) -> Path:
    """Three books for sale taken in today; A000001 then gets the year 226 an older version
    wrote for `--at 0226-03-01T10:00`, A000002 a date that does not exist."""
    db = tmp_path / "centre.sqlite"
    assert main(["init", "--db", str(db)]) == 0
    for _ in range(3):
        assert main(["intake", "--db", str(db), "--category", "books", "--route", "sale"]) == 0
    hand_edit(db, "A000001", "226-03-01T09:40:28.000000Z")
    hand_edit(db, "A000002", "2026-02-30T10:00:00.000000Z")
    capsys.readouterr()
    return db


def test_a_report_leaves_out_and_names_items_whose_time_cannot_be_read(
    capsys, centre: Path,
) -> None:
    year = datetime.now(UTC).year
    for fmt in ("json", "csv", "ords"):
        code, out, err = run_on(capsys, centre, "report", "--from", f"{year}-01-01",
                             "--to", f"{year}-12-31", "--format", fmt)
        assert code == 0, err
        assert err == ("ambacht: 2 items have a time that cannot be read and are not counted: "
                       "A000001, A000002\n")
    code, out, _ = run_on(capsys, centre, "report", "--from", f"{year}-01-01",
                       "--to", f"{year}-12-31")
    totals = json.loads(out)["totals"]
    assert (totals["items_in"], totals["items_in_stock"]) == (1, 1)  # A000003 alone


def test_item_and_void_name_the_item_and_go_on(capsys, centre: Path) -> None:
    code, out, err = run_on(capsys, centre, "item", "A000001")
    assert code == 0 and "(unreadable)" in out and "intake" in out
    assert err == ("ambacht: A000001 has a time that cannot be read and is not counted in "
                   "reports: '226-03-01T09:40:28.000000Z'\n")
    code, out, err = run_on(capsys, centre, "item", "A000001", "--json")
    data = json.loads(out)
    assert code == 0 and data["intake_at"] is None and data["history"][0]["at"] is None
    assert data["unreadable_times"] == ["226-03-01T09:40:28.000000Z"]
    code, out, err = run_on(capsys, centre, "void", "A000001", "--reason", "Year 226")
    assert (code, out) == (0, "A000001  voided\n") and "A000001 has a time" in err
    code, out, err = run_on(capsys, centre, "void", "A000002", "--reason", "30 February",
                         "--at", datetime.now(UTC).isoformat())
    assert code == 0 and "'2026-02-30T10:00:00.000000Z'" in err
    data = json.loads(run_on(capsys, centre, "item", "A000001", "--json")[1])
    assert [e["type"] for e in data["history"]] == ["intake", "voided"]
    assert data["voided"] and data["history"][1]["at"] is not None
    year = datetime.now(UTC).year  # the void marked the year 226 stale: the sums go on
    code, out, err = run_on(capsys, centre, "report", "--from", f"{year}-01-01",
                         "--to", f"{year}-12-31")
    assert code == 0 and json.loads(out)["totals"]["items_in"] == 1
    assert "2 items have a time that cannot be read" in err


def test_a_later_step_with_a_time_that_cannot_be_read(capsys, centre: Path) -> None:
    """A step whose time cannot be read keeps its place after the step its station had seen
    (its `after` link, intake/order.py), and the item's other steps still order the next one."""
    assert run_on(capsys, centre, "price", "A000003", "--price-eur", "4")[0] == 0
    hand_edit(centre, "A000003", "2026-03-01 10:00:00.000000Z", "priced")
    code, out, err = run_on(capsys, centre, "sell", "A000003", "--price-eur", "4")
    assert code == 0, err
    data = json.loads(run_on(capsys, centre, "item", "A000003", "--json")[1])
    assert [e["type"] for e in data["history"]] == ["intake", "priced", "sold"]
    assert data["history"][1]["at"] is None
    assert datetime(2000, 1, 1, tzinfo=UTC) > UNREADABLE


def test_the_command_line_refuses_a_bad_at_and_changes_nothing(capsys, centre: Path) -> None:
    before = sqlite3.connect(centre).execute("SELECT count(*) FROM events").fetchone()
    for at in ("0226-03-01T10:00", "2026-03-29T02:30", "1999-12-31T23:00"):
        code, out, err = run_on(capsys, centre, "intake", "--category", "books", "--route", "sale",
                             "--at", at, "--pin", "9999")
        assert (code, out) == (2, "") and err.count("\n") == 1 and "PIN" not in err
    conn = sqlite3.connect(centre)
    assert conn.execute("SELECT count(*) FROM events").fetchone() == before
    assert conn.execute("SELECT count(*) FROM login_failures").fetchone() == (0,)


def test_naming_them_reads_only_the_partial_indexes(store: Store) -> None:
    """SQLite uses a partial index only for the very same condition: if the query and the
    indexes of m009 drifted apart, every report would read every step."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    assert unreadable_item_codes(store.db) == []
    store.db.conn.set_trace_callback(None)
    plan = " ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {statements[-1]}"))
    assert "SCAN items USING INDEX items_unreadable_time" in plan
    assert "SCAN events USING INDEX events_unreadable_time" in plan

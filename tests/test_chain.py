"""The events' hash chain (issue 11, point 7): every event linked onto its station's chain as
it is written, an old history chained by m010, and `ambacht check` naming the first event
changed, removed or inserted round Ambacht."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import check
from test_recovery import recovery_after_start

from cli.main import main
from db import Store
from db.chain import TAIL, find_break
from db.immediate import ImmediateDatabase
from db.schema import migrations
from intake.chain import GENESIS, BreakKind, StoredEvent, event_hash, first_break, link
from intake.clock import FixedClock
from intake.demo import build_demo
from intake.gate import GateService
from intake.model import Route
from intake.setup import initialize
from intake.shop import ShopService

EVENT_ROW = "id, item_id, type, at, recorded_at, station, user_id, reason, data"
OLD_INTAKE = ('{"category": "books", "route": "sale", "visit": null, "weight_estimated": true, '
              '"weight_g": 500}')


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock) -> Iterator[Path]:
    path = tmp_path / "ambacht.sqlite"
    store = Store.open(path, create=True)
    initialize(store, clock, site_name="Test", station="A")
    store.close()
    yield path


def fill(path: Path, clock: FixedClock, intakes: int, *, station: str = "A",
         sell: tuple[int, ...] = ()) -> list[str]:
    """`intakes` items taken in at `station` (in one transaction) and the `sell`-th of them
    sold; returns their codes."""
    store = Store.open(path)
    store.add_station(station)
    gate = GateService(store, clock, station)
    user = store.users()[0]
    with store.atomic():
        items = [gate.take_in(user, gate.prepare("books", Route.SALE)) for _ in range(intakes)]
    shop = ShopService(store, clock, station)
    for index in sell:
        clock.advance(minutes=1)
        shop.sell(user, [(items[index].code, 500)])
    store.close()
    return [item.code for item in items]


def rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT id, station, seq, prev_hash, hash FROM events ORDER BY rowid").fetchall()
    finally:
        conn.close()


def tamper(path: Path, *statements: str) -> None:
    """Change the file as someone with sqlite3 would: triggers dropped, rows edited."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()



# --- the chain as it is written ------------------------------------------------------------

def test_every_event_links_onto_its_stations_chain(db: Path, clock: FixedClock) -> None:
    fill(db, clock, 3, sell=(1,))
    fill(db, clock, 2, station="B", sell=(0,))
    fill(db, clock, 1, sell=(0,))
    chains: dict[str, list[tuple]] = {}
    for row in rows(db):
        chains.setdefault(row[1], []).append(row)
    assert {station: [row[2] for row in chain] for station, chain in chains.items()} == {
        "A": [1, 2, 3, 4, 5, 6], "B": [1, 2, 3]}
    for chain in chains.values():
        assert [row[3] for row in chain] == [GENESIS] + [row[4] for row in chain[:-1]]
    conn = sqlite3.connect(db)
    for (seq, prev, stored, *fields) in conn.execute(
            f"SELECT seq, prev_hash, hash, {EVENT_ROW} FROM events"):
        assert event_hash(prev, seq, StoredEvent(*fields)) == stored
    conn.close()


def test_a_sound_database_passes_both_checks(capsys, db: Path, clock: FixedClock) -> None:
    fill(db, clock, 5, sell=(2, 3))
    fill(db, clock, 2, station="C")
    assert check(capsys, db) == (0, f"{db}: ok\n")
    assert check(capsys, db, "--full") == (0, f"{db}: ok\n")


def test_bulk_writes_link_too(clock: FixedClock) -> None:
    """The demo's bulk insert goes through the same place as a single step."""
    store = Store.open(":memory:")
    initialize(store, clock, site_name="Demo", station="A")
    build_demo(store, end=clock.now(), days=20)
    (count, top) = store.db.execute("SELECT count(*), max(seq) FROM events").fetchone()
    assert count == top > 100
    assert find_break(store.db.conn, whole=True) is None


def test_two_programs_on_one_file_keep_one_chain(db: Path, clock: FixedClock) -> None:
    """Each write links inside its own write transaction, so two open stores taking turns
    never give two events the same place."""
    first, second = Store.open(db), Store.open(db)
    user = first.users()[0]
    gates = [GateService(store, clock, "A") for store in (first, second)]
    for turn in range(6):
        gate = gates[turn % 2]
        gate.take_in(user, gate.prepare("books", Route.SALE))
    first.close()
    second.close()
    assert [row[2] for row in rows(db)] == [1, 2, 3, 4, 5, 6]
    assert main(["check", "--db", str(db), "--full"]) == 0


def test_an_insert_that_does_not_continue_the_chain_is_refused(db: Path,
                                                                clock: FixedClock) -> None:
    fill(db, clock, 2)
    conn = sqlite3.connect(db)
    event = StoredEvent(*conn.execute(f"SELECT {EVENT_ROW} FROM events").fetchone())
    copy = event._replace(id="x")
    for seq, prev in ((3, GENESIS), (2, GENESIS), (None, None)):
        values = [*copy[:9], seq, prev, "f" * 64 if seq else None]
        with pytest.raises(sqlite3.IntegrityError, match="hash chain"):
            conn.execute(f"INSERT INTO events ({EVENT_ROW}, seq, prev_hash, hash) "
                         f"VALUES ({', '.join('?' * 12)})", values)
    conn.close()


# --- an old database ---------------------------------------------------------------------

def test_the_migration_chains_an_old_history_as_it_was_written(
    db: Path, clock: FixedClock, capsys
) -> None:
    fill(db, clock, 4, sell=(0, 2))
    fill(db, clock, 2, station="B", sell=(1,))
    fill(db, clock, 1)
    chained = rows(db)
    # The same file as the version before m010 left it: no chain columns, no chain triggers
    # (nor m025's held steps, whose triggers read them).
    tamper(db, "DROP TRIGGER events_chained", "DROP TABLE held_steps", "DROP TABLE held_codes",
           "DELETE FROM _sqlite_migrations WHERE name = 'm025_held_steps'",
           "DROP INDEX events_chain",
           "ALTER TABLE events DROP COLUMN seq", "ALTER TABLE events DROP COLUMN prev_hash",
           "ALTER TABLE events DROP COLUMN hash",
           "DELETE FROM _sqlite_migrations WHERE name = 'm010_event_chain'")
    Store.open(db).close()
    assert rows(db) == chained  # the very links the events got as they were written
    assert check(capsys, db, "--full") == (0, f"{db}: ok\n")
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE events SET reason = 'x'")
    conn.close()


def test_a_database_made_before_m010_is_chained_when_opened(tmp_path: Path,
                                                            clock: FixedClock) -> None:
    """A file of the version before, written with that version's statements."""
    path = tmp_path / "old.sqlite"
    old = ImmediateDatabase(path)
    migrations.apply(old, stop_before="m010_event_chain")
    old.execute("INSERT INTO users (id, name, role, created_at) VALUES ('u', 'Mo', "
                "'coach', '2026-01-01T00:00:00.000000Z')")
    for number in range(3):
        old.execute("INSERT INTO items (id, code, category, weight_g, weight_estimated, route, "
                    "station, intake_at) VALUES (?, ?, 'books', 500, 1, 'sale', 'A', ?)",
                    [f"i{number}", f"A00000{number}", "2026-01-01T00:00:00.000000Z"])
        # What an intake event of that version held (check --full replays the item from it).
        old.execute(f"INSERT INTO events ({EVENT_ROW}) VALUES (?, ?, 'intake', ?, ?, 'A', "
                    "'u', NULL, ?)", [f"e{number}", f"i{number}",
                                         "2026-01-01T00:00:00.000000Z",
                                         f"2026-01-0{3 - number}T00:00:00.000000Z",
                                         OLD_INTAKE])
    old.conn.commit()
    old.close()
    Store.open(path).close()
    assert [(row[0], row[2]) for row in rows(path)] == [("e0", 1), ("e1", 2), ("e2", 3)]
    assert main(["check", "--db", str(path), "--full"]) == 0


# --- changes made round Ambacht -------------------------------------------------------------

def test_a_sale_edited_with_sqlite3_is_named_by_the_full_check(
    capsys, db: Path, clock: FixedClock
) -> None:
    codes = fill(db, clock, 5, sell=(1, 3))
    tamper(db, "DROP TRIGGER events_no_update",
           "UPDATE events SET data = json_set(data, '$.price_cents', 50) "
           "WHERE rowid = (SELECT min(rowid) FROM events WHERE type = 'sold')")
    code, said = check(capsys, db, "--full")
    assert code == 2
    assert f"event 6 of station A (item {codes[1]}, sold) was changed" in said
    assert f"{db}: ok" not in said


def test_a_removed_event_is_named(capsys, db: Path, clock: FixedClock) -> None:
    codes = fill(db, clock, 4, sell=(0, 2))
    tamper(db, "DROP TRIGGER events_no_delete", "DELETE FROM events WHERE seq = 5")
    code, said = check(capsys, db, "--full")
    assert code == 2
    assert f"event 5 of station A was removed (before item {codes[2]}, sold)" in said


def test_an_inserted_event_is_named(capsys, db: Path, clock: FixedClock) -> None:
    codes = fill(db, clock, 3)
    tamper(db, "DROP TRIGGER events_chained",
           f"INSERT INTO events ({EVENT_ROW}) SELECT 'forged', item_id, 'sold', at, "
           "recorded_at, station, user_id, NULL, '{\"price_cents\": 100}' FROM events "
           "WHERE seq = 2")
    code, said = check(capsys, db)
    assert code == 2
    assert f"an event of station A (item {codes[1]}, sold) was inserted" in said


def test_the_plain_check_walks_the_last_events_of_each_station(
    capsys, db: Path, clock: FixedClock
) -> None:
    fill(db, clock, TAIL + 10)
    edit = "UPDATE events SET recorded_at = '2020-01-01T00:00:00.000000Z' WHERE seq = {}"
    tamper(db, "DROP TRIGGER events_no_update", edit.format(5))
    assert check(capsys, db) == (0, f"{db}: ok\n")  # too far back for the daily check
    assert check(capsys, db, "--full")[0] == 2
    tamper(db, edit.format(TAIL))
    code, said = check(capsys, db)
    assert code == 2 and f"event {TAIL} of station A" in said


# --- the rules, without a database -----------------------------------------------------------

def chain(count: int, station: str = "A") -> list[StoredEvent]:
    events: list[StoredEvent] = []
    for number in range(count):
        event = StoredEvent(f"e{number}", f"i{number}", "intake", "2026-01-01T00:00:00Z",
                            "2026-01-01T00:00:00Z", station, "u", None, '{"b": 1, "a": [2]}')
        events.append(link(events[-1].place() if events else None, event))
    return events


def test_the_hash_covers_every_stored_field_and_the_place() -> None:
    [event] = chain(1)
    assert event.hash is not None
    for field in ("id", "item_id", "type", "at", "recorded_at", "station", "user_id"):
        assert event_hash(GENESIS, 1, event._replace(**{field: "x"})) != event.hash
    assert event_hash(GENESIS, 1, event._replace(reason="x")) != event.hash
    assert event_hash(GENESIS, 1, event._replace(data='{"b": 2, "a": [2]}')) != event.hash
    assert event_hash(GENESIS, 2, event) != event.hash
    assert event_hash("1" * 64, 1, event) != event.hash
    # The data's JSON is read, so its spelling (key order, spaces) does not matter: a copy of
    # the event in another database checks the same.
    assert event_hash(GENESIS, 1, event._replace(data='{"a":[2],"b":1}')) == event.hash
    assert event_hash(GENESIS, 1, event._replace(data="not json")) != event.hash


def test_a_whole_chain_and_its_tail_hold() -> None:
    events = chain(5)
    assert first_break(events) is None
    assert first_break(events[2:], whole=False) is None
    found = first_break(events[2:])  # as a whole chain, its first two are missing
    assert found is not None and found.kind is BreakKind.REMOVED and found.missing == (1, 2)


def test_an_event_changed_and_given_a_new_hash_is_still_named() -> None:
    events = chain(4)
    edited = events[1]._replace(type="voided")
    events[1] = edited._replace(hash=event_hash(edited.prev_hash or "", 2, edited))
    found = first_break(events)
    assert found is not None and (found.kind, found.event.id) == (BreakKind.CHANGED, "e1")


def test_a_first_event_built_on_something_else_is_named() -> None:
    events = chain(2)
    edited = events[0]._replace(prev_hash="1" * 64)
    events[0] = edited._replace(hash=event_hash("1" * 64, 1, edited))
    found = first_break(events)
    assert found is not None and (found.kind, found.event.id) == (BreakKind.CHANGED, "e0")
    assert first_break(events, whole=False) is not None  # its successor no longer links


def test_an_event_slipped_in_with_the_rest_renumbered_is_named() -> None:
    events = chain(4)
    forged = link(events[1].place(), events[1]._replace(id="forged"))
    renumbered = [event._replace(seq=event.seq + 1) for event in events[2:]]  # type: ignore
    found = first_break([*events[:2], forged, *renumbered])
    assert found is not None and (found.kind, found.event.id) == (BreakKind.INSERTED, "forged")


def test_an_event_removed_with_the_rest_renumbered_is_named() -> None:
    events = chain(4)
    renumbered = [event._replace(seq=event.seq - 1) for event in events[2:]]  # type: ignore
    found = first_break([*events[:1], *renumbered])
    assert found is not None and found.kind is BreakKind.REMOVED
    assert (found.event.id, found.missing) == ("e2", (2, 2))


def test_a_second_event_in_a_place_taken_and_a_link_edited_are_named() -> None:
    events = chain(3)
    double = link(events[0].place(), events[1]._replace(id="double"))
    found = first_break([*events[:2], double, events[2]])
    assert found is not None and (found.kind, found.event.id) == (BreakKind.INSERTED, "double")
    events[1] = events[1]._replace(seq="2")  # type: ignore[arg-type]
    found = first_break(events)
    assert found is not None and (found.kind, found.event.id) == (BreakKind.CHANGED, "e1")


# --- the app's check after start ----------------------------------------------------------

def test_the_app_finds_a_changed_history_after_start_and_offers_the_backups(
    qtbot, db: Path, clock: FixedClock
) -> None:


    codes = fill(db, clock, 3, sell=(2,))
    tamper(db, "DROP TRIGGER events_no_update",
           "UPDATE events SET at = '2026-01-01T00:00:00.000000Z' WHERE type = 'sold'")
    texts = recovery_after_start(qtbot, db, clock)
    assert f"stap 4 van station A (artikel {codes[2]}, sold) is gewijzigd" in texts


def test_a_backup_of_a_changed_history_is_neither_made_nor_restored(
    capsys, db: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """A copy of a changed history would bring the change back, and as the newest backup it
    would push a sound one out of the rotation."""
    codes = fill(db, clock, 3, sell=(1,))
    sound = tmp_path / "sound.sqlite"
    assert main(["backup", "--db", str(db), "--out", str(sound)]) == 0
    tamper(db, "DROP TRIGGER events_no_update",
           "UPDATE events SET data = json_set(data, '$.price_cents', 1) WHERE type = 'sold'")
    capsys.readouterr()
    changed = tmp_path / "changed.sqlite"
    assert main(["backup", "--db", str(db), "--out", str(changed)]) == 2
    said = capsys.readouterr().err
    assert f"(item {codes[1]}, sold) was changed" in said and not changed.exists()
    # A backup tampered with after it was made is refused for a restore; a sound one is not.
    spoiled = tmp_path / "spoiled.sqlite"
    assert main(["backup", "--db", str(sound), "--out", str(spoiled)]) == 0
    tamper(spoiled, "DROP TRIGGER events_no_update",
           "UPDATE events SET reason = 'x' WHERE type = 'intake' AND seq = 1")
    capsys.readouterr()
    assert main(["restore", str(spoiled), "--db", str(db)]) == 2
    assert f"The history in {spoiled} was changed" in capsys.readouterr().err
    assert main(["restore", str(sound), "--db", str(db)]) == 0
    capsys.readouterr()
    assert check(capsys, db, "--full") == (0, f"{db}: ok\n")

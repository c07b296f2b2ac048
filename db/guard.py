"""The file's identity, and damage remembered: what every connection Ambacht writes through keeps.

**Identity (issue 11).** SQLite applies a `-wal` to whichever database file it lies beside: its
header has no field naming the file it belongs to. A `-wal` copied from another database (a
`cp` of both files that went wrong, a folder put back from two copies) would be replayed into
this one, mixing the pages of two databases. So each database gets a random id when it is made
or first migrated (`m011_file_identity`): it is kept in the one-row table `file_identity` and
mirrored into the header's `user_version`, and every commit writes it there again
(`GuardedConnection`). Page 1, which holds the header, is therefore in every write
transaction's frames: a `-wal` carries the id of the file it was written for.

Before a file is written, `check_wal` compares three readings of the id: the header as the
pages in the file give it (read with SQLite's `immutable=1`, which ignores the `-wal`), the
header as the `-wal` gives it, and the table. A `-wal` of another database shows another id
in the header than the file's own pages and the table do, and the file is refused before any
writing connection could apply or checkpoint that `-wal`. A backup is a page copy and keeps its
database's id; a restore of another database's backup, which changes the id, copies in
rollback-journal mode (`db/restore.py`), so no `-wal` ever carries an id change. A file that
never had an id (made before this version, id 0) cannot be judged until it has one.

**Lineage.** A copy (`cp`, a folder put back from an older copy) keeps the id, so the id alone
lets through a `-wal` of an earlier or a diverged copy of the same database, which SQLite would
replay over pages that have changed since. A `-wal` only ever holds commits made after the
file's own pages were written, so three more readings are compared: every commit also counts
up the header's `application_id`, and a `-wal` whose newest header counts less than the file's
own pages is older than the file; every station's last event in the file's own pages (its
`seq` in the chain, `db/chain.py`) must be in the history the `-wal` gives, the same event
(its id) at the same place, since events are never removed; and the whole
file as the `-wal` shows it must pass `quick_check` when the file's own pages do, since a
copy's pages mixed with the file's can show the file's own events. Every restore copies in
rollback-journal mode, so no `-wal` ever legitimately takes a file back to an earlier state.
`docs/durability.md` says what still slips through.

**Damage.** SQLITE_CORRUPT on any statement is remembered on the connection (`damage`), so that
`Store.atomic` refuses every new step on that file from then on, with the message that points
to a restore.
"""

from __future__ import annotations

import secrets
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any, NamedTuple

from db.chain import heads
from intake.errors import QT_TRANSLATE_NOOP, ForeignWal

IDENTITY_TABLE = "file_identity"


class GuardedConnection(sqlite3.Connection):
    """A connection that writes the file's id into the header with every commit, and
    remembers when SQLite found the file damaged."""

    file_id: int | None = None  # set once the file's id is known (`adopt_identity`)
    damage: sqlite3.DatabaseError | None = None
    # `total_changes` when the transaction began: one that changed no row writes no page, and
    # is not made to write page 1 either (a report's cache look-up would otherwise cost a
    # write and an fsync every time).
    _changes_at_begin: int | None = None

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        if sql.startswith("BEGIN"):
            self._changes_at_begin = self.total_changes
        elif sql == "COMMIT":  # how ImmediateDatabase and sqlite-utils end their transactions
            self._stamp()
        try:
            return super().execute(sql, parameters)
        except sqlite3.DatabaseError as exc:
            if is_corrupt(exc):
                self.damage = exc
            raise

    def commit(self) -> None:
        self._stamp()
        super().commit()

    def _stamp(self) -> None:
        changed = self._changes_at_begin is None or self.total_changes != self._changes_at_begin
        self._changes_at_begin = None
        if self.file_id is not None and self.in_transaction and changed:
            # Rewriting the same value still puts page 1 into this transaction's WAL frames.
            super().execute(f"PRAGMA user_version = {int(self.file_id)}")
            # Inside the write transaction, so two programs never give out the same count.
            (count,) = super().execute("PRAGMA application_id").fetchone()
            super().execute(f"PRAGMA application_id = {next_count(int(count))}")


def connect(target: str, *, uri: bool = False) -> GuardedConnection:
    """A GuardedConnection usable from the thread that opened it and by sqlite-utils."""
    conn = sqlite3.connect(target, uri=uri, factory=GuardedConnection)
    assert isinstance(conn, GuardedConnection)
    return conn


def is_corrupt(exc: sqlite3.Error) -> bool:
    """Whether SQLite said the file is damaged (SQLITE_CORRUPT, or SQLITE_NOTADB for a header
    broken while the file was open), not merely busy or full; `storage_error` words both so."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def next_count(count: int) -> int:
    """The commit counter after `count`: `application_id` is a signed 32-bit field, so it
    starts again at 1 after 2**31 - 1 commits (some 500 years at 10,000 commits a day)."""
    return count % (2**31 - 1) + 1


def new_file_id() -> int:
    """A random id for a new database: positive, as `user_version` is a signed 32-bit field."""
    return 1 + secrets.randbelow(2**31 - 1)


def recorded_id(conn: sqlite3.Connection) -> int | None:
    """The id in the file's `file_identity` table; None for a file made before it existed."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [IDENTITY_TABLE]
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute(f"SELECT id FROM {IDENTITY_TABLE}").fetchone()
    return int(row[0]) if row else None


def adopt_identity(conn: sqlite3.Connection) -> None:
    """Let every later commit on `conn` stamp the file's id (after the migrations ran)."""
    if isinstance(conn, GuardedConnection):
        conn.file_id = recorded_id(conn)


def check_wal(conn: sqlite3.Connection, path: Path) -> bool:
    """Refuse the file when its `-wal` belongs to another database, or to an earlier or diverged
    copy of this one; `conn` is a read-only connection on it, which sees the pages through the
    `-wal` but never writes them back. True when this read every page, as the `-wal` shows
    them, and found them sound: a check of damage right after need not read them again."""
    wal = path.with_name(f"{path.name}-wal")
    if not wal.exists():
        return False
    # The file's own pages first: a running Ambacht may checkpoint meanwhile, which only makes
    # them newer, and the view through the -wal read after them is at least as new.
    own = _own_pages(path)
    (seen,) = conn.execute("PRAGMA user_version").fetchone()
    recorded = recorded_id(conn)
    if (recorded is not None and seen != recorded) or (own.file_id not in (0, None)
                                                       and seen != own.file_id):
        raise ForeignWal(QT_TRANSLATE_NOOP(
            "Errors", "The file {wal} belongs to another database, so it was not applied to "
            "{path}, which is unchanged. Move that file out of the folder (keep it), then "
            "start Ambacht again."), wal=str(wal), path=str(path))
    (count,) = conn.execute("PRAGMA application_id").fetchone()
    if (own.commits is not None and count < own.commits) or not _holds(conn, own.last_events):
        raise _not_its_own(wal, path)
    # A copy's pages mixed with the file's can show the file's own events and a higher count,
    # so the whole file is read as the -wal shows it (a running Ambacht's -wal too: one
    # consistent snapshot, never a false alarm). Damage the file's own pages hold too is the
    # file's: it is left to the checks of damage, which let a read go on where it can.
    if wal.stat().st_size == 0:
        return False
    if [row[0] for row in conn.execute("PRAGMA quick_check(1)")] == ["ok"]:
        return True
    misfit = misfit_wal(path)
    if misfit is not None:
        raise misfit
    return False


def misfit_wal(path: Path) -> ForeignWal | None:
    """After SQLite found the file damaged as its `-wal` shows it: the refusal of that `-wal`
    when the file's own pages are sound (`quick_check`, read with `immutable=1`), so the damage
    is the `-wal`'s (a copy's commits replayed over pages that changed since); None without a
    `-wal`, or when the file's own pages are damaged too (then the file is, not the `-wal`)."""
    wal = path.with_name(f"{path.name}-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)) as own:
            sound = [row[0] for row in own.execute("PRAGMA quick_check(1)")] == ["ok"]
    except sqlite3.DatabaseError:
        return None
    return _not_its_own(wal, path) if sound else None


def _not_its_own(wal: Path, path: Path) -> ForeignWal:
    return ForeignWal(QT_TRANSLATE_NOOP(
        "Errors", "The file {wal} is from an earlier copy of {path} or damaged, not the file's "
        "own, so it was not applied to {path}, which is unchanged. Move that file out of the "
        "folder (keep it), then start Ambacht again."), wal=str(wal), path=str(path))


class _OwnPages(NamedTuple):
    """What the file's own pages say, without its `-wal`; None where they could not say."""

    file_id: int | None
    commits: int | None
    last_events: list[tuple[str, int, str]]  # (station, seq, id) of each station's last


def _own_pages(path: Path) -> _OwnPages:
    """Read the file alone: the header's id and commit counter, and each station's last event.

    `immutable=1` makes SQLite read the file alone: no `-wal`, no locks taken. SQLite's own
    file handling still keeps the locks this process holds on the file (only SQLite opens
    it). A reading that fails (a page being checkpointed at that moment, a file of a version
    before the hash chain) leaves that part unknown: the other readings still judge."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    except sqlite3.DatabaseError:
        return _OwnPages(None, None, [])
    try:
        try:
            (file_id,) = conn.execute("PRAGMA user_version").fetchone()
            (count,) = conn.execute("PRAGMA application_id").fetchone()
        except sqlite3.DatabaseError:
            return _OwnPages(None, None, [])
        try:
            events = heads(conn)
        except sqlite3.DatabaseError:
            events = []
        return _OwnPages(int(file_id), int(count), events)
    finally:
        conn.close()


def _holds(conn: sqlite3.Connection, events: list[tuple[str, int, str]]) -> bool:
    """Whether the history seen through the -wal has each of these events at its place. The
    event's id, not its hash: a history edited round Ambacht and chained again keeps its
    ids, and that is for the chain's check to name, not a -wal to move away."""
    for station, seq, event_id in events:
        row = conn.execute("SELECT id FROM events WHERE station = ? AND seq = ?",
                           [station, seq]).fetchone()
        if row is None or row[0] != event_id:
            return False
    return True

"""People at the centre (m015): each member of staff's kind, their sessions at a station and
the courses and workshops the centre held. Reports read only counts from here.

Sessions are operational records, like print jobs: a row is written at login and its end
filled in at logout. Courses are append-only: a course recorded by mistake is cancelled by a
new row that names it, with a reason.

A session counts under the kind its person had when it began (m030): `staff_kinds.earlier`
keeps the kinds a colleague had before the current one, each with the moment it ended, as a
JSON list of [until, kind] in time order. It is a column of the row, so it travels with the
staff kind to the hub and every station of the site counts alike (config_changes, which
also records each change, stays on the station that made it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from db.hub_restore import refuse_if_restored
from intake.clock import to_storage

# The statements of migration m015 for people, as shipped: never change them.
PEOPLE_TABLES = [
    """CREATE TABLE staff_kinds (
        user_id TEXT PRIMARY KEY REFERENCES users(id),
        kind TEXT NOT NULL CHECK (kind IN ('paid', 'volunteer', 'placement', 'trainee'))
    )""",
    """CREATE TABLE station_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        station TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        active_s INTEGER CHECK (active_s >= 0),
        ended_by TEXT CHECK (ended_by IN ('logout', 'idle', 'closed'))
    )""",
    "CREATE INDEX station_sessions_started ON station_sessions (started_at)",
    """CREATE TABLE courses (
        id TEXT PRIMARY KEY,
        held_on TEXT NOT NULL,
        subject TEXT NOT NULL,
        participants INTEGER NOT NULL CHECK (participants >= 1),
        recorded_at TEXT NOT NULL,
        station TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id),
        cancels TEXT REFERENCES courses(id),
        reason TEXT
    )""",
    """CREATE TRIGGER courses_no_update BEFORE UPDATE ON courses
       BEGIN SELECT RAISE(ABORT, 'courses are append-only'); END""",
    """CREATE TRIGGER courses_no_delete BEFORE DELETE ON courses
       BEGIN SELECT RAISE(ABORT, 'courses are append-only'); END""",
]

def people_at_the_time(db: Database) -> None:
    """Migration m030: `staff_kinds.earlier`, filled from the kind changes this station
    recorded (config_changes names the colleague as they were called then: a colleague
    renamed since, or whose name two share, keeps an empty history)."""
    db.execute("ALTER TABLE staff_kinds ADD COLUMN earlier TEXT NOT NULL DEFAULT '[]'")
    names = db.execute("SELECT u.name, k.user_id FROM staff_kinds k JOIN users u "
                       "ON u.id = k.user_id WHERE u.name NOT IN "
                       "(SELECT name FROM users GROUP BY name HAVING count(*) > 1)").fetchall()
    for name, user_id in names:
        earlier = [[at, old] for at, old, new in db.execute(
            "SELECT at, old_value, new_value FROM config_changes WHERE what = ? "
            "ORDER BY at, rowid", [f"user {name} kind"]) if old is not None and old != new]
        if earlier:
            db.execute("UPDATE staff_kinds SET earlier = ? WHERE user_id = ?",
                       [json.dumps(earlier), user_id])


# The kind a session's person had when it began: the first earlier kind that ended after
# the session's start, else the current one ('' for none set). Stored times sort as text.
_KIND_AT_START = (
    "coalesce((SELECT json_extract(e.value, '$[1]') FROM json_each(k.earlier) e "
    "WHERE json_extract(e.value, '$[0]') > s.started_at "
    "ORDER BY json_extract(e.value, '$[0]') LIMIT 1), k.kind, '')")
# A course that stands: not a cancellation, and not cancelled.
_STANDS = ("c.cancels IS NULL AND NOT EXISTS "
           "(SELECT 1 FROM courses x WHERE x.cancels = c.id)")


class People:
    """The people tables of one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def kinds(self) -> dict[str, str]:
        """User id -> kind, for those whose kind was set."""
        return dict(self.db.execute("SELECT user_id, kind FROM staff_kinds").fetchall())

    def kind_of(self, user_id: str) -> tuple[str | None, list[list[str]]]:
        """A colleague's kind (None if never set) and the earlier ones, [until, kind]."""
        row = self.db.execute("SELECT kind, earlier FROM staff_kinds WHERE user_id = ?",
                              [user_id]).fetchone()
        return (row[0], json.loads(row[1])) if row else (None, [])

    def set_kind(self, user_id: str, kind: str, earlier: Sequence[list[str]] = ()) -> None:
        """Set a colleague's kind, with the kinds they had before it."""
        self.db.execute("INSERT INTO staff_kinds (user_id, kind, earlier) VALUES (?, ?, ?) "
                        "ON CONFLICT (user_id) DO UPDATE SET kind = excluded.kind, "
                        "earlier = excluded.earlier",
                        [user_id, kind, json.dumps(list(earlier))])

    def start_session(self, session_id: str, user_id: str, station: str,
                      at: datetime) -> None:
        self.db.execute("INSERT INTO station_sessions (id, user_id, station, started_at) "
                        "VALUES (?, ?, ?, ?)", [session_id, user_id, station, to_storage(at)])

    def end_session(self, session_id: str, at: datetime, active_s: int, ended_by: str) -> None:
        """Close a session that is still open (a second end changes nothing)."""
        self.db.execute("UPDATE station_sessions SET ended_at = ?, active_s = ?, ended_by = ? "
                        "WHERE id = ? AND ended_at IS NULL",
                        [to_storage(at), active_s, ended_by, session_id])

    def active_by_kind(self, start: datetime, end: datetime) -> list[tuple[str, int, int]]:
        """Per kind ('' for none set): the people with a session begun from `start` up to
        `end`, and their seconds at a station (sessions still open count none yet); each
        session under the kind its person had when it began."""
        return self.db.execute(
            f"SELECT kind, count(DISTINCT user_id), coalesce(sum(active_s), 0) FROM "
            f"(SELECT s.user_id, s.active_s, {_KIND_AT_START} AS kind "
            "FROM station_sessions s LEFT JOIN staff_kinds k ON k.user_id = s.user_id "
            "WHERE s.started_at >= ? AND s.started_at < ?) GROUP BY 1 ORDER BY 1",
            [to_storage(start), to_storage(end)],
        ).fetchall()

    def active_people(self, start: datetime, end: datetime) -> int:
        """The people with a session begun from `start` up to `end` (one who changed kind
        meanwhile is one person, though counted under both kinds)."""
        return int(self.db.execute(
            "SELECT count(DISTINCT user_id) FROM station_sessions "
            "WHERE started_at >= ? AND started_at < ?",
            [to_storage(start), to_storage(end)]).fetchone()[0])

    def add_course(self, row: dict[str, Any]) -> None:
        """Append a course, or (with `cancels`) the cancellation of one; refused on a restored
        station before its sync, as every record that travels (sessions are not refused:
        logging in is how someone starts that sync)."""
        refuse_if_restored(self.db)
        self.db.execute(
            "INSERT INTO courses (id, held_on, subject, participants, recorded_at, station, "
            "user_id, cancels, reason) VALUES (:id, :held_on, :subject, :participants, "
            ":recorded_at, :station, :user_id, :cancels, :reason)", row)

    def courses(self, first: date, last: date) -> list[tuple[str, str, str, int]]:
        """The courses that stand, held from `first` to `last` (local days, both included):
        (id, day, subject, participants), in order."""
        return self.db.execute(
            "SELECT c.id, c.held_on, c.subject, c.participants FROM courses c "
            f"WHERE c.held_on BETWEEN ? AND ? AND {_STANDS} ORDER BY c.held_on, c.id",
            [first.isoformat(), last.isoformat()],
        ).fetchall()

    def course(self, course_id: str) -> tuple[str, str, str, int] | None:
        """A course that stands, by its id."""
        return self.db.execute(
            "SELECT c.id, c.held_on, c.subject, c.participants FROM courses c "
            f"WHERE c.id = ? AND {_STANDS}", [course_id]).fetchone()

    def cancelled(self, course_id: str) -> bool:
        """Whether a course was recorded and then cancelled."""
        return self.db.execute("SELECT 1 FROM courses WHERE cancels = ?",
                               [course_id]).fetchone() is not None

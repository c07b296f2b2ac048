"""People at the centre (m015): each member of staff's kind, their sessions at a station and
the courses and workshops the centre held. Reports read only counts from here.

Sessions are operational records, like print jobs: a row is written at login and its end
filled in at logout. Courses are append-only: a course recorded by mistake is cancelled by a
new row that names it, with a reason.
"""

from __future__ import annotations

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

    def set_kind(self, user_id: str, kind: str) -> None:
        self.db.execute("INSERT INTO staff_kinds (user_id, kind) VALUES (?, ?) "
                        "ON CONFLICT (user_id) DO UPDATE SET kind = excluded.kind",
                        [user_id, kind])

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
        `end`, and their seconds at a station (sessions still open count none yet)."""
        return self.db.execute(
            "SELECT coalesce(k.kind, ''), count(DISTINCT s.user_id), "
            "coalesce(sum(s.active_s), 0) FROM station_sessions s "
            "LEFT JOIN staff_kinds k ON k.user_id = s.user_id "
            "WHERE s.started_at >= ? AND s.started_at < ? GROUP BY 1 ORDER BY 1",
            [to_storage(start), to_storage(end)],
        ).fetchall()

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

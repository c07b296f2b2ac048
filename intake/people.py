"""People at the centre: the starters' guide asks how many people work at the centre and how
many learned something there, and its functions include education and (social) employment.

Each member of staff has a kind (paid, volunteer, work placement or participation, trainee);
their time at a station runs from login to logout, the idle time before an idle logout left
out; the coordinator records the courses and workshops held. A report gets only counts: per
kind, the people active in the period and their hours; the courses, their subjects and their
participants. Never a name or an id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db import Store
from db.people import People
from intake.auth import SYSTEM_USER_ID, Action, require
from intake.clock import Clock, to_storage
from intake.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from intake.ids import new_id
from intake.model import User
from intake.steps import clean_reason
from intake.text import one_line

# The kinds of staff, in the order reports list them.
PAID, VOLUNTEER, PLACEMENT, TRAINEE = "paid", "volunteer", "placement", "trainee"
KINDS = (PAID, VOLUNTEER, PLACEMENT, TRAINEE)
SUBJECT_MAX = 80
PARTICIPANTS_MAX = 10_000
# A kind's hours are shown only for at least this many people: one trainee's hours are that
# trainee's (docs/figures.md, "People").
FEWEST_SHOWN = 3
# Why a kind's hours are not shown (the JSON's `hours_hidden`).
FEW_PEOPLE = "fewer_than_3_people"
WOULD_REVEAL = "would_reveal_a_hidden_kind"
_BAD_KIND = QT_TRANSLATE_NOOP(
    "Errors", "A kind of staff is paid, volunteer, placement (work placement or participation) "
    "or trainee.")


def parse_kind(text: str) -> str:
    """A staff kind from its code, refused with the list otherwise."""
    kind = str(text).strip().lower().replace("-", "_")
    if kind not in KINDS:
        raise ValidationError(_BAD_KIND)
    return kind


@dataclass(frozen=True)
class Session:
    """A login at a station, open until logout."""

    id: str
    started_at: datetime


@dataclass(frozen=True)
class Course:
    """A course or workshop held at the centre."""

    id: str
    day: date
    subject: str
    participants: int


@dataclass(frozen=True)
class PeopleFigures:
    """The people block of a report: only counts."""

    by_kind: tuple[tuple[str, int, int], ...]  # (kind or '' for not set, people, seconds)
    courses: tuple[Course, ...]
    people: int  # different people: one who changed kind in the period counts once

    @property
    def seconds(self) -> int:
        return sum(seconds for _, _, seconds in self.by_kind)

    @property
    def participants(self) -> int:
        return sum(course.participants for course in self.courses)

    def hidden(self) -> dict[str, str]:
        """The kinds whose hours are not shown, with why: those of 1 or 2 people; and then the
        smallest of the others, one by one, until the total less the kinds shown covers at
        least 3 people, since it would give the hidden kinds' hours away. (People who were of
        two kinds in a period count in both, so the people the hidden kinds cover are at
        least the total's people less those of the kinds shown: counted low, to be safe.
        The total's own hours go when it has fewer than 3 people.)"""
        few = {kind: FEW_PEOPLE for kind, people, _ in self.by_kind
               if 0 < people < FEWEST_SHOWN}
        shown = sorted((people, seconds, kind) for kind, people, seconds in self.by_kind
                       if people and kind not in few)
        while few and shown and self.people - sum(people for people, *_ in shown) < (
                FEWEST_SHOWN):
            few[shown.pop(0)[2]] = WOULD_REVEAL
        return few

    @property
    def total_hidden(self) -> bool:
        """Whether the total's hours are not shown (fewer than 3 people in all)."""
        return 0 < self.people < FEWEST_SHOWN


def people_figures(store: Store, start: datetime, end: datetime, first: date,
                   last: date) -> PeopleFigures:
    """Per kind, the people with a session begun from `start` up to `end` and their time at a
    station, each session under the kind its person had when it began; the courses held from
    `first` to `last`. Every kind is listed, with zeros."""
    tables = People(store.db)
    found = {kind: (people, seconds)
             for kind, people, seconds in tables.active_by_kind(start, end)}
    kinds = [*KINDS, *([""] if "" in found else [])]
    return PeopleFigures(
        by_kind=tuple((kind, *found.get(kind, (0, 0))) for kind in kinds),
        courses=tuple(Course(row[0], date.fromisoformat(row[1]), row[2], row[3])
                      for row in tables.courses(first, last)),
        people=tables.active_people(start, end),
    )


class PeopleService:
    """Staff kinds, sessions at a station, and the courses the coordinator records."""

    def __init__(self, store: Store, clock: Clock, station: str | None = None) -> None:
        self.store, self.clock = store, clock
        self.station = station or store.settings().station
        self.tables = People(store.db)

    # --- kinds -------------------------------------------------------------------------------

    def kinds(self) -> dict[str, str]:
        """User id -> kind, for those whose kind was set."""
        return self.tables.kinds()

    def set_kind(self, actor: User, user_id: str, kind: str) -> None:
        """Say what kind of staff a colleague is (paid, volunteer, placement, trainee). A
        change counts from now on: sessions begun before it keep the kind they had. A first
        kind counts for the past too (it was not different then, only not said)."""
        require(actor, Action.MANAGE_USERS)
        user = self.store.user(user_id)
        if user is None or user.id == SYSTEM_USER_ID:  # the built-in account is no one
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Unknown colleague."))
        checked = parse_kind(kind)
        with self.store.atomic():
            old, earlier = self.tables.kind_of(user_id)
            if old == checked:  # nothing changes: nothing to record, nothing to list
                return
            if old is not None:
                earlier.append([to_storage(self.clock.now()), old])
            self.tables.set_kind(user_id, checked, earlier)
            self.store.add_config_change(new_id(), self.clock.now(), self.station, actor.id,
                                         f"user {user.name} kind", old, checked)

    # --- sessions ----------------------------------------------------------------------------

    def start_session(self, user: User) -> Session:
        """A login at this station."""
        session = Session(new_id(), self.clock.now())
        with self.store.atomic():
            self.tables.start_session(session.id, user.id, self.station, session.started_at)
        return session

    def end_session(self, session: Session, last_active: datetime, ended_by: str) -> None:
        """End a session at the user's last activity: at logout that is now; at an idle
        logout, when the idle time began, so that the idle time does not count."""
        end = max(last_active, session.started_at)
        with self.store.atomic():
            self.tables.end_session(session.id, end, round(
                (end - session.started_at).total_seconds()), ended_by)

    # --- courses -----------------------------------------------------------------------------

    def add_course(self, actor: User, day: date, subject: str, participants: int | str) -> Course:
        """Record a course or workshop held on `day` with its number of participants."""
        require(actor, Action.MANAGE_SETTINGS)
        course = Course(new_id(), self._check_day(day), _subject(subject), _count(participants))
        with self.store.atomic():
            self.tables.add_course(self._row(actor, course))
        return course

    def cancel_course(self, actor: User, course_id: str, reason: str) -> Course:
        """Cancel a course recorded by mistake; the record and the cancellation both stay."""
        require(actor, Action.MANAGE_SETTINGS)
        row = self.tables.course(course_id)
        if row is None and self.tables.cancelled(course_id):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Course {id} is cancelled already."), id=str(course_id)[:40])
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No course {id} to cancel."),
                           id=str(course_id)[:40])
        course = Course(row[0], date.fromisoformat(row[1]), row[2], row[3])
        with self.store.atomic():
            self.tables.add_course(self._row(
                actor, Course(new_id(), course.day, course.subject, course.participants),
                cancels=course.id, reason=clean_reason(reason)))
        return course

    def courses(self, first: date, last: date) -> list[Course]:
        """The courses that stand, held from `first` to `last`."""
        return [Course(row[0], date.fromisoformat(row[1]), row[2], row[3])
                for row in self.tables.courses(first, last)]

    def check_course(self, day: date, subject: str | None = None,
                     participants: int | str | None = None) -> None:
        """Refuse a course's answers given so far as `add_course` would, recording nothing: a
        screen that asks them one at a time says what is wrong at the step it was given."""
        self._check_day(day)
        if subject is not None:
            _subject(subject)
        if participants is not None:
            _count(participants)

    def _check_day(self, day: date) -> date:
        today = self.clock.now().astimezone(self.store.settings().zone).date()
        if not date(2000, 1, 1) <= day <= today:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "A course is recorded on a day from 2000 up to today."))
        return day

    def _row(self, actor: User, course: Course, *, cancels: str | None = None,
             reason: str | None = None) -> dict[str, object]:
        return {"id": course.id, "held_on": course.day.isoformat(), "subject": course.subject,
                "participants": course.participants, "recorded_at": to_storage(self.clock.now()),
                "station": self.station, "user_id": actor.id, "cancels": cancels,
                "reason": reason}


def _subject(text: str) -> str:
    """A course's subject: one line of 1 to SUBJECT_MAX characters."""
    cleaned = one_line(text)
    if not cleaned or len(cleaned) > SUBJECT_MAX:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A subject is 1 to {max} characters."), max=SUBJECT_MAX)
    return cleaned


def _count(value: int | str) -> int:
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= PARTICIPANTS_MAX:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "The number of participants is 1 to {max}."), max=PARTICIPANTS_MAX)
    return int(text)

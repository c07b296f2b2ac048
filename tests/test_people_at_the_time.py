"""The people figures an auditor checked (issue 14, point 12): a session counts under the kind
its person had when it began, on every station of a site; and a kind's hours are not shown
for fewer than 3 people, nor where the total would give them away."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from db import Store
from db.people import people_at_the_time
from db.site_config import apply_records, read_records
from intake.auth import AuthService
from intake.clock import FixedClock
from intake.model import Role, User
from intake.monitoring import Period, build_report
from intake.people import FEW_PEOPLE, WOULD_REVEAL, PeopleFigures, PeopleService, people_figures
from intake.report_formats import report_json
from intake.report_pdf import render_report_pdf
from intake.setup import initialize

JANUARY = Period(date(2026, 1, 1), date(2026, 1, 31))
DECEMBER = Period(date(2026, 12, 1), date(2026, 12, 31))
EARLY = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _store(clock: FixedClock, station: str) -> Store:
    store = Store.open(":memory:")
    initialize(store, clock, site_name="Ambachtscentrum Test", station=station)
    return store


def by_kind(store: Store, period: Period) -> dict[str, tuple[int, int]]:
    """Kind -> (people, seconds), as the report counts them, before any is hidden."""
    start, end = period.span(store)
    figures = people_figures(store, start, end, period.first, period.last)
    return {kind: (people, seconds) for kind, people, seconds in figures.by_kind}


def worked(people: PeopleService, clock: FixedClock, user: User, minutes: int) -> None:
    session = people.start_session(user)
    people.end_session(session, clock.now() + timedelta(minutes=minutes), "logout")


@pytest.fixture
def ahmed(auth: AuthService, coordinator: User) -> User:
    return auth.add_user(coordinator, "Ahmed", Role.WORKSHOP, "7777")


def test_a_changed_kind_leaves_earlier_sessions_where_they_were(
    store: Store, clock: FixedClock, coordinator: User, ahmed: User
) -> None:
    clock.set(EARLY)
    people = PeopleService(store, clock)
    people.set_kind(coordinator, ahmed.id, "placement")
    worked(people, clock, ahmed, 93 * 60 + 12)
    clock.set(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    people.set_kind(coordinator, ahmed.id, "trainee")
    worked(people, clock, ahmed, 60)
    january = by_kind(store, JANUARY)
    assert january["placement"] == (1, (93 * 60 + 12) * 60)
    assert january["trainee"] == (0, 0)
    assert by_kind(store, DECEMBER)["trainee"] == (1, 3600)
    assert by_kind(store, DECEMBER)["placement"] == (0, 0)


def test_a_first_kind_counts_for_the_past_too(
    store: Store, clock: FixedClock, coordinator: User, ahmed: User
) -> None:
    """Before anyone said, the kind was not other, only not known."""
    clock.set(EARLY)
    people = PeopleService(store, clock)
    worked(people, clock, ahmed, 60)
    clock.set(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    people.set_kind(coordinator, ahmed.id, "volunteer")
    assert by_kind(store, JANUARY)["volunteer"] == (1, 3600)
    assert "" not in by_kind(store, JANUARY)


def test_one_who_changed_kind_in_the_period_is_one_person(
    store: Store, clock: FixedClock, coordinator: User, ahmed: User
) -> None:
    clock.set(EARLY)
    people = PeopleService(store, clock)
    people.set_kind(coordinator, ahmed.id, "placement")
    worked(people, clock, ahmed, 60)
    clock.advance(days=10)
    people.set_kind(coordinator, ahmed.id, "paid")
    worked(people, clock, ahmed, 30)
    start, end = JANUARY.span(store)
    figures = people_figures(store, start, end, JANUARY.first, JANUARY.last)
    assert by_kind(store, JANUARY)["placement"] == (1, 3600)
    assert by_kind(store, JANUARY)["paid"] == (1, 1800)
    assert (figures.people, figures.seconds) == (1, 5400)


def test_every_station_of_a_site_counts_the_same(clock: FixedClock) -> None:
    """The earlier kinds travel with the staff kind, as the hub carries it (its value is the
    row's columns): a station that did not make the change counts January alike."""
    clock.set(EARLY)
    gate, workshop = _store(clock, "A"), _store(clock, "B")
    auth = AuthService(gate, clock)
    ahmed = auth.add_user(auth.command_line_user(None, None), "Ahmed", Role.WORKSHOP, "7777")
    system = auth.command_line_user(None, None)
    people = PeopleService(gate, clock)
    people.set_kind(system, ahmed.id, "placement")
    worked(people, clock, ahmed, 120)
    clock.set(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    people.set_kind(system, ahmed.id, "trainee")

    def travel(kind: str, key: str) -> None:
        [(_, value)] = read_records(gate, [(kind, key)]).items()
        with workshop.atomic():
            apply_records(workshop, [{"kind": kind, "key": key, "value": value}])

    travel("user", ahmed.id)
    travel("staff_kind", ahmed.id)
    session = gate.db.execute("SELECT id, user_id, station, started_at, ended_at, active_s, "
                              "ended_by FROM station_sessions").fetchone()
    workshop.db.execute("INSERT INTO station_sessions (id, user_id, station, started_at, "
                        "ended_at, active_s, ended_by) VALUES (?, ?, ?, ?, ?, ?, ?)", session)
    assert by_kind(workshop, JANUARY) == by_kind(gate, JANUARY)
    assert by_kind(workshop, JANUARY)["placement"] == (1, 7200)


def test_the_migration_takes_the_earlier_kinds_from_the_recorded_changes(
    store: Store, clock: FixedClock, coordinator: User, ahmed: User
) -> None:
    """A database made before m030: its kind changes are in config_changes only."""
    clock.set(EARLY)
    people = PeopleService(store, clock)
    people.set_kind(coordinator, ahmed.id, "placement")
    worked(people, clock, ahmed, 60)
    clock.set(datetime(2026, 12, 2, 9, 0, tzinfo=UTC))
    people.set_kind(coordinator, ahmed.id, "trainee")
    store.db.execute("ALTER TABLE staff_kinds DROP COLUMN earlier")  # as before m030
    people_at_the_time(store.db)
    assert by_kind(store, JANUARY)["placement"] == (1, 3600)


def figures(*by_kind: tuple[str, int, int], people: int | None = None) -> PeopleFigures:
    return PeopleFigures(by_kind=by_kind, courses=(),
                         people=sum(n for _, n, _ in by_kind) if people is None else people)


def test_the_hours_of_fewer_than_3_people_are_hidden() -> None:
    two_and_two = figures(("paid", 2, 3600), ("volunteer", 2, 7200), ("placement", 5, 9000),
                          ("trainee", 0, 0))
    assert two_and_two.hidden() == {"paid": FEW_PEOPLE, "volunteer": FEW_PEOPLE}
    assert not two_and_two.total_hidden


def test_a_lone_hidden_kind_hides_the_next_smallest_as_well() -> None:
    """Else the total less the others' hours would be the trainee's."""
    one = figures(("paid", 4, 3600), ("volunteer", 9, 7200), ("placement", 0, 0),
                  ("trainee", 1, 1800))
    assert one.hidden() == {"trainee": FEW_PEOPLE, "paid": WOULD_REVEAL}
    assert not one.total_hidden


def test_two_small_kinds_of_one_person_or_two_hide_the_next_kind_too() -> None:
    """The total less the kinds shown gives the hidden kinds' hours: it must cover 3 people.
    Sanne a volunteer and then a trainee in one day (4 people, not 5), or two people, one
    in each small kind: both times paid's hours go too, and the total's stay."""
    one_person = figures(("paid", 3, 6 * 3600), ("volunteer", 1, 7200), ("placement", 0, 0),
                         ("trainee", 1, 5400), people=4)
    assert one_person.hidden() == {"volunteer": FEW_PEOPLE, "trainee": FEW_PEOPLE,
                                   "paid": WOULD_REVEAL}
    two_people = figures(("paid", 3, 6 * 3600), ("volunteer", 1, 7200), ("placement", 0, 0),
                         ("trainee", 1, 5400))
    assert two_people.hidden() == one_person.hidden()
    assert not one_person.total_hidden and not two_people.total_hidden
    enough = figures(("paid", 3, 3600), ("volunteer", 2, 7200), ("placement", 5, 9000),
                     ("trainee", 1, 1800))  # the two small kinds cover 3 people
    assert enough.hidden() == {"volunteer": FEW_PEOPLE, "trainee": FEW_PEOPLE}


def test_a_total_of_fewer_than_3_people_is_hidden_too() -> None:
    alone = figures(("paid", 0, 0), ("volunteer", 0, 0), ("placement", 0, 0),
                    ("trainee", 1, 3600))
    assert alone.hidden() == {"trainee": FEW_PEOPLE}
    assert alone.total_hidden
    assert figures(("paid", 0, 0)).hidden() == {} and not figures(("paid", 0, 0)).total_hidden


def test_the_report_hides_them_in_json_and_pdf(
    store: Store, clock: FixedClock, coordinator: User, ahmed: User, tmp_path: Path
) -> None:
    clock.set(EARLY)
    people = PeopleService(store, clock)
    people.set_kind(coordinator, ahmed.id, "trainee")
    worked(people, clock, ahmed, 1046 * 60 + 42)
    report = build_report(store, JANUARY, datetime(2026, 2, 2, 9, 0, tzinfo=UTC))
    block = report_json(report)["people"]
    assert block["by_kind"][3] == {"kind": "trainee", "people": 1, "hours": None,
                                   "hours_hidden": FEW_PEOPLE}
    assert (block["people"], block["hours"], block["hours_hidden"]) == (1, None, FEW_PEOPLE)
    assert "1046" not in json.dumps(block)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report_pdf(report, lang="en", zone=UTC))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    trainee = next(line for line in text.splitlines() if line.strip().startswith("Trainee"))
    assert trainee.split()[-2:] == ["1", "–"]
    assert "1,046" not in text and "1.046" not in text
    assert "–: hours not shown for fewer than 3 people" in " ".join(text.split())

"""People without personal data: each member of staff's kind, time at a station from login
to logout (idle time left out), courses and workshops, and the report's people block in
counts only (JSON, XLSX, PDF)."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from taps import idle_out, log_in, tap

from cli.main import main
from db import Store
from intake.auth import AuthService
from intake.clock import FixedClock
from intake.errors import NotAllowed, NotFound, ValidationError
from intake.exports import report_xlsx
from intake.model import Role, User
from intake.monitoring import Period, build_report
from intake.people import PeopleService
from intake.report_formats import report_json
from intake.setup import initialize
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def people(store: Store, clock: FixedClock) -> PeopleService:
    return PeopleService(store, clock)


def worked(people: PeopleService, clock: FixedClock, user: User, minutes: int) -> None:
    session = people.start_session(user)
    people.end_session(session, clock.now() + timedelta(minutes=minutes), "logout")


def test_the_people_block_counts_per_kind(
    store: Store, clock: FixedClock, people: PeopleService, auth: AuthService,
    coordinator: User, coach: User, repairer: User, shop_clerk: User,
) -> None:
    ans = auth.add_user(coordinator, "Ans", Role.WORKSHOP, "4444")
    piet = auth.add_user(coordinator, "Piet", Role.WORKSHOP, "5555")
    people.set_kind(coordinator, coach.id, "paid")
    for volunteer in (repairer, shop_clerk, ans):
        people.set_kind(coordinator, volunteer.id, "volunteer")
    people.set_kind(coordinator, piet.id, "trainee")
    worked(people, clock, coach, 90)
    worked(people, clock, coach, 30)  # twice on one day: one person, two hours
    worked(people, clock, repairer, 45)
    worked(people, clock, shop_clerk, 60)
    worked(people, clock, ans, 15)
    worked(people, clock, piet, 30)
    people.add_course(coordinator, date(2026, 11, 14), "Fietsen repareren", 12)
    mistake = people.add_course(coordinator, date(2026, 11, 14), "Fietsen repareren", 12)
    people.cancel_course(coordinator, mistake.id, "Recorded twice")
    people.add_course(coordinator, date(2026, 10, 3), "Solderen", 5)  # before November
    block = report_json(build_report(store, NOVEMBER, NOW))["people"]
    few = {"hours": None, "hours_hidden": "fewer_than_3_people"}
    assert block == {
        "by_kind": [{"kind": "paid", "people": 1, **few},
                    # shown, its hours would give away the other two's: 4.5 - 2.0
                    {"kind": "volunteer", "people": 3, "hours": None,
                     "hours_hidden": "would_reveal_a_hidden_kind"},
                    {"kind": "placement", "people": 0, "hours": 0.0},
                    {"kind": "trainee", "people": 1, **few}],
        "people": 5, "hours": 4.5, "courses": 1, "course_participants": 12,
        "course_list": [{"date": "2026-11-14", "subject": "Fietsen repareren",
                         "participants": 12}],
    }
    text = json.dumps(block)
    for secret in (coach.name, repairer.name, coach.id, repairer.id, coordinator.id):
        assert secret not in text
    book = load_workbook(io.BytesIO(report_xlsx(build_report(store, NOVEMBER, NOW), lang="en",
                                                zone=store.settings().zone)))
    rows = [row for row in book["People"].iter_rows(values_only=True) if any(row)]
    assert rows[:6] == [("Kind", "Active (people)", "Hours at a station"), ("Paid", 1, None),
                        ("Volunteer", 3, None), ("Work placement / participation", 0, 0.0),
                        ("Trainee", 1, None), ("Total", 5, 4.5)]
    assert ("2026-11-14", "Fietsen repareren", 12) in rows
    assert rows[-1][0].startswith("–: hours not shown for fewer than 3 people")


def test_a_colleague_without_a_kind_is_counted_as_not_set(
    store: Store, clock: FixedClock, people: PeopleService, coach: User
) -> None:
    worked(people, clock, coach, 60)
    block = report_json(build_report(store, NOVEMBER, NOW))["people"]
    assert block["by_kind"][-1] == {"kind": None, "people": 1, "hours": None,
                                    "hours_hidden": "fewer_than_3_people"}


@pytest.mark.parametrize(("action", "error"), [
    (lambda p, boss, coach: p.set_kind(coach, coach.id, "paid"), NotAllowed),
    (lambda p, boss, coach: p.set_kind(boss, coach.id, "intern"), ValidationError),
    (lambda p, boss, coach: p.set_kind(boss, "nobody", "paid"), NotFound),
    (lambda p, boss, coach: p.set_kind(boss, "system", "paid"), NotFound),
    (lambda p, boss, coach: p.add_course(coach, date(2026, 11, 1), "Solderen", 5), NotAllowed),
    (lambda p, boss, coach: p.add_course(boss, date(2026, 11, 22), "Solderen", 5),
     ValidationError),  # tomorrow
    (lambda p, boss, coach: p.add_course(boss, date(1999, 1, 1), "Solderen", 5),
     ValidationError),
    (lambda p, boss, coach: p.add_course(boss, date(2026, 11, 1), "", 5), ValidationError),
    (lambda p, boss, coach: p.add_course(boss, date(2026, 11, 1), "S" * 81, 5),
     ValidationError),
    (lambda p, boss, coach: p.add_course(boss, date(2026, 11, 1), "Solderen", "0"),
     ValidationError),
    (lambda p, boss, coach: p.add_course(boss, date(2026, 11, 1), "Solderen", "-3"),
     ValidationError),
    (lambda p, boss, coach: p.add_course(boss, date(2026, 11, 1), "Solderen", "1e3"),
     ValidationError),
    (lambda p, boss, coach: p.cancel_course(boss, "no-such-course", "Oops"), NotFound),
])
def test_bad_input_is_refused_and_changes_nothing(
    store: Store, people: PeopleService, coordinator: User, coach: User, action, error
) -> None:
    tables = ("staff_kinds", "courses", "config_changes")
    before = [store.db.execute(f"SELECT count(*) FROM {t}").fetchone() for t in tables]
    with pytest.raises(error):
        action(people, coordinator, coach)
    assert [store.db.execute(f"SELECT count(*) FROM {t}").fetchone() for t in tables] == before


def test_courses_are_append_only(store: Store, people: PeopleService,
                                 coordinator: User) -> None:
    people.add_course(coordinator, date(2026, 11, 14), "Solderen", 5)
    with pytest.raises(Exception, match="append-only"):
        store.db.execute("UPDATE courses SET participants = 50")
    with pytest.raises(Exception, match="append-only"):
        store.db.execute("DELETE FROM courses")


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "centre.sqlite"
    store = Store.open(path, create=True)
    clock = FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    initialize(store, clock)
    AuthService(store, clock).add_user(store.user("system"), "Sanne", Role.COACH, "1111")
    store.close()
    db = ["--db", str(path)]
    assert main(["staff-kind", *db, "sanne", "volunteer"]) == 0
    assert main(["staff-kind", *db, "Command line", "paid"]) == 2
    assert main(["staff-kind", *db, "Sanne", "boss"]) == 2
    capsys.readouterr()
    assert main(["course", "add", *db, "--date", "2026-11-01", "--subject", "Naaien",
                 "--participants", "7"]) == 0
    course_id = capsys.readouterr().out.split()[1]
    assert main(["course", "list", *db, "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    assert "Naaien" in capsys.readouterr().out
    assert main(["course", "cancel", *db, course_id, "--reason", "Did not happen"]) == 0
    capsys.readouterr()
    assert main(["course", "cancel", *db, course_id, "--reason", "Again"]) == 2
    assert f"Course {course_id} is cancelled already." in capsys.readouterr().err
    assert main(["course", "list", *db, "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    assert "Naaien" not in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["staff-kind", "Nobody", "paid"], "no colleague is called 'Nobody'"),
    (["course", "add", "--date", "2026-11-01", "--subject", " ", "--participants", "7"],
     "A subject is 1 to 80 characters."),
    (["course", "list", "--from", "2026-11-30", "--to", "2026-11-15"],
     "The period ends before it starts."),
    (["course", "cancel", "no-such-course", "--reason", "Oops"],
     "No course no-such-course to cancel."),
])
def test_the_command_line_says_what_is_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             args: list[str], message: str) -> None:
    path = tmp_path / "centre.sqlite"
    store = Store.open(path, create=True)
    initialize(store, FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    store.close()
    capsys.readouterr()
    assert main([*args[:2], "--db", str(path), *args[2:]] if args[0] == "course"
                else [args[0], "--db", str(path), *args[1:]]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    return build_context(store, clock, "nl")


def sessions(store: Store) -> list[tuple[object, ...]]:
    return store.db.execute("SELECT started_at, ended_at, active_s, ended_by "
                            "FROM station_sessions ORDER BY rowid").fetchall()


def test_the_window_records_time_at_the_station_without_the_idle_time(
    qtbot, window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    log_in(qtbot, window, "1111")
    clock.advance(minutes=20)
    tap(qtbot, window.gate.visit_start.buttons[None])  # a touch: active until now
    clock.advance(minutes=2)  # then nothing, until the idle logout
    idle_out(window)
    assert window.user is None
    [(_, _, active, how)] = sessions(ctx.store)
    assert (active, how) == (20 * 60, "idle")
    log_in(qtbot, window, "1111")
    clock.advance(minutes=5)
    tap(qtbot, window.gate.top.logout_button)
    assert [(s[2], s[3]) for s in sessions(ctx.store)] == [(1200, "idle"), (300, "logout")]


def test_a_command_is_no_time_at_a_station(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A step on the command line is recorded in the colleague's name but starts no session:
    the report's hours are time at a station (docs/figures.md, People)."""
    path = tmp_path / "centre.sqlite"
    store = Store.open(path, create=True)
    initialize(store, FixedClock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)))
    AuthService(store, FixedClock(NOW)).add_user(store.user("system"), "Sanne", Role.COACH,
                                                 "1111")
    store.close()
    assert main(["intake", "--db", str(path), "--user", "Sanne", "--pin", "1111",
                 "--category", "books", "--route", "sale"]) == 0
    store = Store.open(path)
    try:
        assert store.db.execute("SELECT count(*) FROM station_sessions").fetchone() == (0,)
        assert store.db.execute("SELECT count(*) FROM events").fetchone() == (1,)
    finally:
        store.close()


def test_course_add_help_says_to_type_no_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["course", "add", "--help"]) == 0
    assert "no names: the subject is printed in the report" in " ".join(
        capsys.readouterr().out.split())

"""Commands about people: each member of staff's kind, the coordinators of the network, and the
courses and workshops held."""

from __future__ import annotations

import argparse

from cli.common import Refusal, acting, note_earlier_periods
from db import Store
from intake.auth import SYSTEM_USER_ID, AuthService
from intake.model import User
from intake.monitoring import Period, parse_day
from intake.people import PeopleService


def cmd_staff_kind(args: argparse.Namespace) -> int:
    """Say what kind of staff a colleague is: paid, volunteer, placement or trainee."""
    store, user, _ = acting(args)
    colleague = _colleague(store, args.name, "set the kind")
    people = PeopleService(store, args.clock)
    before = people.kinds().get(colleague.id)
    people.set_kind(user, colleague.id, args.kind)
    print(f"{colleague.name}: {args.kind}")
    if before is None:  # a first kind counts the past sessions too; a change does not
        note_earlier_periods(args, store, "staff", colleague.id)
    return 0


def cmd_network_coordinator(args: argparse.Namespace) -> int:
    """Let a coordinator see every site's figures on the hub, or (--no) no longer."""
    store, user, _ = acting(args)
    colleague = _colleague(store, args.name, "mark the coordinator")
    AuthService(store, args.clock).set_network(user, colleague.id, args.network)
    print(f"{colleague.name}: {'all sites' if args.network else 'this site'}")
    return 0


def _colleague(store: Store, name: str, there: str) -> User:
    """The one colleague called `name` (case and spacing aside); else a refusal that says to
    `there` in Settings → Staff."""
    wanted = " ".join(name.split()).casefold()
    found = [u for u in store.users(include_inactive=True)
             if u.name.casefold() == wanted and u.id != SYSTEM_USER_ID]
    if len(found) != 1:
        shown = ascii(name[:40])  # one printable line, however long the name typed
        raise Refusal(f"no colleague is called {shown}" if not found else
                      f"{len(found)} colleagues are called {shown}; {there} in "
                      "Settings → Staff")
    return found[0]


def cmd_course(args: argparse.Namespace) -> int:
    """Record a course or workshop, cancel one, or list those of a period."""
    store, user, _ = acting(args)
    people = PeopleService(store, args.clock)
    if args.course_step == "add":
        course = people.add_course(user, parse_day(args.day), args.subject, args.participants)
        print(f"course {course.id}  {course.day.isoformat()}  {course.participants}")
    elif args.course_step == "cancel":
        course = people.cancel_course(user, args.id, args.reason)
        print(f"cancelled course {course.id}  {course.day.isoformat()}  {course.subject}")
    else:
        period = Period(parse_day(args.first), parse_day(args.last))  # refused backwards
        for course in people.courses(period.first, period.last):
            print(f"{course.id}  {course.day.isoformat()}  {course.participants:>5}  "
                  f"{course.subject}")
    return 0

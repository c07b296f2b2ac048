"""Commands about people: each member of staff's kind, and the courses and workshops held."""

from __future__ import annotations

import argparse

from cli.common import Refusal, acting
from intake.auth import SYSTEM_USER_ID
from intake.monitoring import parse_day
from intake.people import PeopleService


def cmd_staff_kind(args: argparse.Namespace) -> int:
    """Say what kind of staff a colleague is: paid, volunteer, placement or trainee."""
    store, user, _ = acting(args)
    wanted = " ".join(args.name.split()).casefold()
    found = [u for u in store.users(include_inactive=True)
             if u.name.casefold() == wanted and u.id != SYSTEM_USER_ID]
    if len(found) != 1:
        shown = ascii(args.name[:40])  # one printable line, however long the name typed
        raise Refusal(f"no one colleague is called {shown}" if not found else
                      f"{len(found)} colleagues are called {shown}; set the kind in "
                      "Settings → Staff")
    PeopleService(store, args.clock).set_kind(user, found[0].id, args.kind)
    print(f"{found[0].name}: {args.kind}")
    return 0


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
        for course in people.courses(parse_day(args.first), parse_day(args.last)):
            print(f"{course.id}  {course.day.isoformat()}  {course.participants:>5}  "
                  f"{course.subject}")
    return 0

"""The demo's people: each colleague's kind, their sessions at a station on the days the
centre is open, and a course or workshop every other week, so that the report's people block
shows what a year looks like. Drawn from their own random numbers, so that the demo's items
stay as they were."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from db import Store
from db.people import People
from intake.clock import to_storage
from intake.ids import new_id
from intake.model import User
from intake.people import PAID, PLACEMENT, TRAINEE, VOLUNTEER

KINDS = {"Sanne": PAID, "Ahmed": PLACEMENT, "Joris": VOLUNTEER, "Fatima": TRAINEE}
SUBJECTS = ("Fietsen repareren", "Solderen voor beginners", "Naaien en verstellen",
            "Meubels opknappen", "Elektra veilig testen")


def add_demo_people(store: Store, staff: dict[str, User], coordinator: User, station: str,
                    days: list[date], zone: ZoneInfo, seed: int) -> None:
    """Kinds, a session per colleague per open day (most days), and the courses."""
    rng = random.Random(seed + 1)
    people = People(store.db)
    with store.atomic():
        for name, user in staff.items():
            people.set_kind(user.id, KINDS.get(name, VOLUNTEER))
        for day in days:
            for user in staff.values():
                if rng.random() < 0.15:
                    continue  # a day off
                start = datetime.combine(day, time(8, 45), zone) + timedelta(
                    minutes=rng.randint(0, 40))
                minutes = rng.randint(150, 480)
                session = new_id()
                people.start_session(session, user.id, station, start)
                people.end_session(session, start + timedelta(minutes=minutes), minutes * 60,
                                   "logout" if rng.random() < 0.7 else "idle")
        for index, day in enumerate(days[::10]):
            people.add_course({
                "id": new_id(), "held_on": day.isoformat(),
                "subject": SUBJECTS[index % len(SUBJECTS)], "participants": rng.randint(4, 14),
                "recorded_at": to_storage(datetime.combine(day, time(17), zone)),
                "station": station, "user_id": coordinator.id, "cancels": None,
                "reason": None})

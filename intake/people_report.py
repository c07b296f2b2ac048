"""The people block of a report in each output: JSON, an XLSX sheet and a PDF section. All
counts, in Dutch or English words from the table here (as the other exports, since a file is
read outside the app): per kind of staff the people active and their hours at a station, and
the courses and workshops with their subjects and participants. No name, no id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from intake.people import PeopleFigures


def kind_name(kind: str, lang: str) -> str:
    """A kind of staff ('' for not set) as the report and the settings both name it: the one
    place its words are kept."""
    return WORDS.get(lang, WORDS["nl"])[kind]


WORDS = {
    "nl": {"people": "Mensen", "kind": "Soort", "active": "Actief (mensen)",
           "hours": "Uren aan een station", "total": "Totaal", "courses": "Cursussen en workshops",
           "day": "Datum", "subject": "Onderwerp", "participants": "Deelnemers",
           "none": "geen", "paid": "Betaald", "volunteer": "Vrijwilliger",
           "placement": "Werkervaring / participatie", "trainee": "Stagiair / leerling",
           "": "Niet ingesteld",
           "note": "Uren lopen van inloggen tot uitloggen aan een station; de tijd zonder "
                   "gebruik voor een automatische uitlog telt niet mee. Alleen aantallen, "
                   "geen namen."},
    "en": {"people": "People", "kind": "Kind", "active": "Active (people)",
           "hours": "Hours at a station", "total": "Total", "courses": "Courses and workshops",
           "day": "Date", "subject": "Subject", "participants": "Participants",
           "none": "none", "paid": "Paid", "volunteer": "Volunteer",
           "placement": "Work placement / participation", "trainee": "Trainee",
           "": "Not set",
           "note": "Hours run from login to logout at a station; the idle time before an "
                   "automatic logout does not count. Counts only, no names."},
}


def _hours(seconds: int) -> float:
    return round(seconds / 3600, 1)


def people_json(people: PeopleFigures | None) -> dict[str, object] | None:
    """The `people` block of `report --format json`."""
    if people is None:
        return None
    return {
        "by_kind": [{"kind": kind or None, "people": count, "hours": _hours(seconds)}
                    for kind, count, seconds in people.by_kind],
        "people": people.people,
        "hours": _hours(people.seconds),
        "courses": len(people.courses),
        "course_participants": people.participants,
        "course_list": [{"date": c.day.isoformat(), "subject": c.subject,
                         "participants": c.participants} for c in people.courses],
    }


def kind_rows(people: PeopleFigures, lang: str) -> list[list[Any]]:
    """A header, a row per kind (people, hours) and the total."""
    words = WORDS.get(lang, WORDS["nl"])
    return [[words["kind"], words["active"], words["hours"]],
            *[[words[kind], count, _hours(seconds)] for kind, count, seconds in people.by_kind],
            [words["total"], people.people, _hours(people.seconds)]]


def course_rows(people: PeopleFigures, lang: str,
                day: Callable[[Any], str] = lambda d: d.isoformat()) -> list[list[Any]]:
    """A header, a row per course and the total of participants."""
    words = WORDS.get(lang, WORDS["nl"])
    return [[words["day"], words["subject"], words["participants"]],
            *[[day(c.day), c.subject, c.participants] for c in people.courses],
            [words["total"], len(people.courses), people.participants]]


def people_sheet(book: Any, people: PeopleFigures | None, lang: str,
                 rows: Callable[[Any, list[str], Sequence[Sequence[object]], list[str]], None],
                 append: Callable[[Any, Sequence[object]], None]) -> None:
    """The people sheet of the workbook, written with the workbook's own helpers (which keep
    a typed subject a text, never a formula)."""
    if people is None:
        return
    words = WORDS.get(lang, WORDS["nl"])
    sheet = book.create_sheet(words["people"])
    header, *body = kind_rows(people, lang)
    rows(sheet, header, body, ["@", "0", "0.0"])
    for row in ([], [words["courses"]], *course_rows(people, lang), [], [words["note"]]):
        append(sheet, row)

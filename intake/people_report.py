"""The people block of a report in each output: JSON, an XLSX sheet and a PDF section. All
counts, in Dutch or English words from the table here (as the other exports, since a file is
read outside the app): per kind of staff the people active and their hours at a station, and
the courses and workshops with their subjects and participants. No name, no id; and no hours
of a kind of fewer than 3 people, whose hours would be a person's (`PeopleFigures.hidden`):
JSON null with the reason in `hours_hidden`, an empty cell in the XLSX, "–" in the PDF, each
with a note saying why."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from intake.people import FEW_PEOPLE, PeopleFigures


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
                   "gebruik voor een automatische uitlog telt niet mee, en een stap met een "
                   "ambacht-opdracht telt geen uren. Elke sessie telt bij de soort die de persoon "
                   "had toen ze begon. Alleen aantallen, geen namen.",
           "hidden": "–: uren niet getoond bij minder dan 3 mensen, zodat niemands eigen "
                     "uren te lezen zijn (of omdat ze anders uit het totaal te berekenen "
                     "zijn); het totaal telt ze wel mee."},
    "en": {"people": "People", "kind": "Kind", "active": "Active (people)",
           "hours": "Hours at a station", "total": "Total", "courses": "Courses and workshops",
           "day": "Date", "subject": "Subject", "participants": "Participants",
           "none": "none", "paid": "Paid", "volunteer": "Volunteer",
           "placement": "Work placement / participation", "trainee": "Trainee",
           "": "Not set",
           "note": "Hours run from login to logout at a station; the idle time before an "
                   "automatic logout does not count, and a step given as an ambacht command "
                   "counts no hours. Each session counts under the kind its person had when it "
                   "began. Counts only, no names.",
           "hidden": "–: hours not shown for fewer than 3 people, so that no one's own "
                     "hours can be read (or because they could be worked out from the "
                     "total); the total counts them."},
}


def _hours(seconds: int) -> float:
    return round(seconds / 3600, 1)


def _shown_hours(seconds: int, reason: str | None) -> dict[str, object]:
    """`hours`, or null and why (`hours_hidden`)."""
    return {"hours": _hours(seconds)} if reason is None else {"hours": None,
                                                              "hours_hidden": reason}


def people_json(people: PeopleFigures | None) -> dict[str, object] | None:
    """The `people` block of `report --format json`."""
    if people is None:
        return None
    hidden = people.hidden()
    return {
        "by_kind": [{"kind": kind or None, "people": count,
                     **_shown_hours(seconds, hidden.get(kind))}
                    for kind, count, seconds in people.by_kind],
        "people": people.people,
        **_shown_hours(people.seconds, FEW_PEOPLE if people.total_hidden else None),
        "courses": len(people.courses),
        "course_participants": people.participants,
        "course_list": [{"date": c.day.isoformat(), "subject": c.subject,
                         "participants": c.participants} for c in people.courses],
    }


def kind_rows(people: PeopleFigures, lang: str) -> list[list[Any]]:
    """A header, a row per kind (people, hours) and the total; hours not shown are None."""
    words, hidden = WORDS.get(lang, WORDS["nl"]), people.hidden()
    return [[words["kind"], words["active"], words["hours"]],
            *[[words[kind], count, None if kind in hidden else _hours(seconds)]
              for kind, count, seconds in people.by_kind],
            [words["total"], people.people,
             None if people.total_hidden else _hours(people.seconds)]]


def notes(people: PeopleFigures, lang: str) -> list[str]:
    """The notes under the kinds: how hours are counted, and why some are not shown."""
    words = WORDS.get(lang, WORDS["nl"])
    return [words["note"], *([words["hidden"]] if people.hidden() or people.total_hidden
                             else [])]


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
    for row in ([], [words["courses"]], *course_rows(people, lang), [],
                *([note] for note in notes(people, lang))):
        append(sheet, row)

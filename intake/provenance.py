"""Where a report comes from, and what changed since the last one (issue 14, point 7).

Every export (JSON, CSV, XLSX, PDF) states when it was made, the last step it includes, the
Ambacht version and the counting rules' version (`intake.counting`); each is recorded with its
period, key totals, a SHA-256 of its bytes and the highest events rowid the file held
(`db.export_records`), when it is written to a file: a report only looked at on a terminal
is no export. A later export of the same period lists what changed since the last one: its
key totals then and now, the steps this file got after it on items of the period (voids and
corrections with their reasons; steps merged from the hub since too), visits cancelled since,
and the coordinator's changes that change figures (`intake.figure_changes`), described in
Dutch and English.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from db import Store
from db.export_records import (
    add_export,
    last_event,
    last_export,
    method_changes_since,
    steps_since,
    visits_cancelled_since,
    watermark,
)
from db.report_steps import step_named
from intake.counting import COUNTING_RULES
from intake.figure_changes import figure_change
from intake.ids import new_id
from intake.monitoring import Period
from intake.report_words import VISIT_CANCELLED, Wording

# The figures a record keeps of each export, and a later report holds against.
KEY_TOTALS = ("items_in", "kg_in", "visits", "items_sold", "kg_sold", "revenue_eur",
              "kg_reused", "kg_material_out", "co2_avoided_kg")
# A later export lists at most this many steps written since the previous one.
MAX_STEPS_LISTED = 500


def app_version() -> str:
    """The installed Ambacht's version."""
    try:
        return version("ambacht")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


@dataclass(frozen=True)
class Change:
    """One thing that changed the period's figures after the previous export."""

    at: datetime  # when it happened (a step's time, a cancellation's, a setting's)
    what: str  # the item or visit code and the step, or the setting
    why: str  # the reason given, or what the step was
    # A change of method in words: (Dutch, English), "CO2 factor of Books: 1.1 → 0.9".
    described: tuple[str, str] | None = None
    # The item's (or visit's) code and the step's kind (`report_words.STEP_NAMES`), for the
    # words of the PDF and the workbook; None for a change of method.
    step: tuple[str, str] | None = None

    def text(self, lang: str) -> str:
        """The change in one line of `lang` ('nl' or 'en'), after its time."""
        if self.described is not None:
            return self.described[1 if lang == "en" else 0]
        return f"{self.what}: {self.why}"


@dataclass(frozen=True)
class Provenance:
    """A report's origin and, if the period was exported before, what changed since."""

    made_at: datetime
    last_event: str | None
    last_recorded_at: datetime | None
    version: str
    rules: int
    # The highest events rowid the file held: what a later export is held against (0 for the
    # figures of every site, which are no steps of this file).
    watermark: int = 0
    previous: dict[str, Any] | None = None  # made_at, format, rules, totals, hash
    changes: list[Change] = field(default_factory=list)
    # Figures of every site on a hub (`intake.network_figures`): the hub, as shown, and when
    # its figures of each site were made (None: never).
    hub: str | None = None
    network: dict[str, datetime | None] | None = None
    # The last step included as an auditor finds it: (item code, kind, when it happened).
    last_step: tuple[str, str, datetime] | None = None


def provenance_of(store: Store, period: Period, now: datetime) -> Provenance:
    """The provenance of a report of `period` made `now`; read before the figures, so that
    the report includes at least the step it names."""
    last = last_event(store.db)
    held = watermark(store.db)
    previous = last_export(store.db, period.first.isoformat(), period.last.isoformat())
    changes: list[Change] = []
    if previous is not None:
        start, end = period.span(store)
        steps = steps_since(store.db, previous["watermark"], start, end, MAX_STEPS_LISTED + 1)
        for code, payload, at, _, reason in steps[:MAX_STEPS_LISTED]:
            step = payload.TYPE.value
            changes.append(Change(at, f"{code} {step}", reason or step, step=(code, step)))
        if len(steps) > MAX_STEPS_LISTED:  # `ambacht item CODE` shows any item's history
            changes.append(Change(steps[-1][2], "…", f"more steps than {MAX_STEPS_LISTED}"))
        for code, at, reason in visits_cancelled_since(store.db, previous["made_at"], start,
                                                       end):
            changes.append(Change(at, f"{code} visit cancelled", reason,
                                  step=(code, VISIT_CANCELLED)))
        changes += _method_changes(store, previous["made_at"])
    return Provenance(
        made_at=now, last_event=None if last is None else last[0],
        last_recorded_at=None if last is None else last[2], version=app_version(),
        rules=COUNTING_RULES, watermark=held, previous=previous, changes=changes,
        last_step=None if last is None else step_named(store.db, last[0]))


def _method_changes(store: Store, since: datetime) -> list[Change]:
    """The coordinator's changes after `since` that change figures, described."""
    categories = store.categories(include_hidden=True)
    names = {lang: {c.code: c.name(lang) for c in categories} for lang in ("nl", "en")}
    changes = []
    for at, what, old, new in method_changes_since(store.db, since):
        change = figure_change(what, old, new)
        if change is not None:
            described = (change.describe("nl", names["nl"]), change.describe("en", names["en"]))
            changes.append(Change(at, change.what, described[1], described))
    return changes


def key_totals(totals: dict[str, object]) -> dict[str, object]:
    """The key totals of a report's JSON totals."""
    return {key: totals[key] for key in KEY_TOTALS}


def provenance_json(provenance: Provenance, totals: dict[str, object]) -> dict[str, object]:
    """The provenance block of the JSON (and the rows of the other formats)."""
    previous = provenance.previous
    network = {} if provenance.network is None else {"network": {
        "hub": provenance.hub,
        "sites": {site: None if at is None else at.isoformat()
                  for site, at in provenance.network.items()}}}
    return {
        **network,
        "made_at": provenance.made_at.isoformat(),
        "last_event": provenance.last_event,
        "last_event_recorded_at": None if provenance.last_recorded_at is None
        else provenance.last_recorded_at.isoformat(),
        "ambacht_version": provenance.version,
        "counting_rules": provenance.rules,
        "since_last_export": None if previous is None else {
            "made_at": previous["made_at"].isoformat(), "format": previous["format"],
            "counting_rules": previous["rules"], "hash": previous["hash"],
            "totals_then": previous["totals"], "totals_now": key_totals(totals),
            "changes": [_change_json(change) for change in provenance.changes],
        },
    }


def _change_json(change: Change) -> dict[str, object]:
    """A change in the JSON: when, what, why; a change of method also in Dutch and English."""
    data: dict[str, object] = {"at": change.at.isoformat(), "what": change.what,
                               "why": change.why}
    if change.described is not None:
        data["description"] = {"nl": change.described[0], "en": change.described[1]}
    return data


def record_export(store: Store, provenance: Provenance, period: Period, kind: str,
                  totals: dict[str, object], data: bytes) -> None:
    """Keep the record of an export written. A file only read (of a newer version, or
    damaged) keeps none: the export still says where it came from; nor does an export of
    every site's figures (`network`), which this site's later exports are not held against."""
    if store.newer or store.damage is not None or provenance.network is not None:
        return
    with store.atomic():
        add_export(store.db, {
            "id": new_id(), "made_at": provenance.made_at, "station": store.settings().station,
            "format": kind, "period_from": period.first.isoformat(),
            "period_to": period.last.isoformat(), "rules": provenance.rules,
            "app_version": provenance.version, "last_event": provenance.last_event,
            "last_recorded_at": provenance.last_recorded_at,
            "watermark": provenance.watermark, "totals": key_totals(totals),
            "hash": hashlib.sha256(data).hexdigest()})


_WORDS = {
    "nl": {"made_at": "Gemaakt op", "last_event": "Laatste stap meegeteld",
           "step": "{code}: {step} op {at} (stap {id})",
           "version": "Ambacht-versie", "rules": "Versie telregels",
           "previous": "Vorige export van deze periode", "none": "geen",
           "then_now": "{key}: toen {then}, nu {now}", "changes": "Veranderd sinds toen",
           "network": "Alle locaties, van de hub", "site_made": "cijfers van {at}",
           "never": "nog geen cijfers op de hub"},
    "en": {"made_at": "Made at", "last_event": "Last step included",
           "step": "{code}: {step} at {at} (step {id})",
           "version": "Ambacht version", "rules": "Counting rules version",
           "previous": "Previous export of this period", "none": "none",
           "then_now": "{key}: then {then}, now {now}", "changes": "Changed since",
           "network": "All sites, from the hub", "site_made": "figures of {at}",
           "never": "no figures on the hub yet"},
}


def provenance_rows(provenance: Provenance, totals: dict[str, object], lang: str,
                    wording: Wording | None = None) -> list[tuple[str, str]]:
    """(label, text) rows of the provenance: with a `wording`, for people (the workbook's
    sheet, the PDF's page: local times, the figures' names and numbers in the language's
    style, the last step by its item and kind); without, as data (the CSV: ISO times in
    UTC, the figures' keys, plain numbers)."""
    words = _WORDS.get(lang, _WORDS["nl"])

    def time(moment: datetime) -> str:
        return (moment.isoformat(timespec="seconds") if wording is None
                else wording.time(moment))

    def change_text(change: Change) -> str:
        if wording is None or change.step is None:
            return change.text(lang)
        code, kind = change.step
        named = f"{code} {wording.step(kind)}"
        return named if change.why == kind else f"{named}: {change.why}"

    def then_now(key: str, then: object, now: object) -> str:
        if wording is None:
            return words["then_now"].format(key=key, then=then, now=now)
        return words["then_now"].format(key=wording.figure(key), then=wording.value(key, then),
                                        now=wording.value(key, now))

    last = provenance.last_event or words["none"]
    if wording is not None and provenance.last_step is not None:
        code, kind, at = provenance.last_step
        last = words["step"].format(code=code, step=wording.step(kind), at=time(at), id=last)
    elif provenance.last_recorded_at is not None:
        last += f" ({time(provenance.last_recorded_at)})"
    rows = [(words["made_at"], time(provenance.made_at)),
            (words["last_event"], last), (words["version"], provenance.version),
            (words["rules"], str(provenance.rules))]
    if provenance.network is not None:
        rows.insert(0, (words["network"], str(provenance.hub)))
        rows[1:1] = [(site, words["never"] if at is None else words["site_made"].format(
            at=time(at))) for site, at in provenance.network.items()]
    previous = provenance.previous
    if previous is None:
        return [*rows, (words["previous"], words["none"])]
    rows.append((words["previous"], f"{time(previous['made_at'])} ({previous['format']}, "
                                    f"sha256 {str(previous['hash'])[:16]}…)"))
    then, now = previous["totals"], key_totals(totals)
    rows += [("", then_now(key, then.get(key), now.get(key)))
             for key in KEY_TOTALS if then.get(key) != now.get(key)]
    rows += [(words["changes"] if index == 0 else "",
              f"{time(change.at)} {change_text(change)}")
             for index, change in enumerate(provenance.changes)]
    return rows

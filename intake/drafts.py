"""Half-done work kept in the station's file, so that a crash, a power cut or a restart loses
none of it: each item's repair-done answers (`RepairDraft`) and the material-out list.

Written at each answer and each line, offered back after a restart, dropped when the work ends
or is cancelled. Drafts are the station's own (`db/drafts.py`): they never travel and are never
counted. A draft this version cannot read (a newer or damaged one) is left out, never guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from db import Store
from db.drafts import DraftRows
from intake.clock import Clock
from intake.repair_flow import RepairDraft, Step

REPAIR = "repair"
MATERIAL = "material"
MATERIAL_KEY = "list"  # a station has one material-out list


@dataclass(frozen=True)
class MaterialDraft:
    """The material-out list as it was: item codes and weighed batches (category, grams)."""

    codes: list[str]
    batches: list[tuple[str, int]]


def repair_to_json(draft: RepairDraft) -> str:
    return json.dumps({"electrical": draft.electrical, "powered": draft.powered,
                       "answers": {step.value: value for step, value in draft.answers.items()},
                       "index": draft.index}, sort_keys=True)


def repair_from_json(code: str, text: str) -> RepairDraft | None:
    """The draft stored for `code`; None when it is not one this version can read."""
    try:
        data: Any = json.loads(text)
        answers = {Step(key): str(value) for key, value in data["answers"].items()}
        draft = RepairDraft(code, electrical=bool(data["electrical"]),
                            powered=bool(data["powered"]), answers=answers,
                            index=int(data["index"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return draft if 0 <= draft.index < len(draft.steps()) else None


def material_from_json(text: str) -> MaterialDraft | None:
    try:
        data: Any = json.loads(text)
        return MaterialDraft([str(code) for code in data["codes"]],
                             [(str(cat), int(grams)) for cat, grams in data["batches"]])
    except (ValueError, KeyError, TypeError):
        return None


class DraftService:
    """This station's drafts in its file."""

    def __init__(self, store: Store, clock: Clock, station: str) -> None:
        self.store, self.clock, self.station = store, clock, station
        self.rows = DraftRows(store.db)

    def _save(self, kind: str, key: str, data: str) -> None:
        with self.store.atomic():
            self.rows.save(self.station, kind, key, data, self.clock.now())

    def _drop(self, kind: str, key: str) -> None:
        with self.store.atomic():
            self.rows.drop(self.station, kind, key)

    def save_repair(self, draft: RepairDraft) -> None:
        """Keep a repair flow's answers and the step it is at."""
        self._save(REPAIR, draft.code, repair_to_json(draft))

    def drop_repair(self, code: str) -> None:
        self._drop(REPAIR, code)

    def repairs(self) -> list[RepairDraft]:
        """The repair flows left half done at this station, the latest first."""
        found = (repair_from_json(code, text)
                 for code, text, _ in self.rows.drafts(self.station, REPAIR))
        return [draft for draft in found if draft is not None]

    def save_material(self, codes: list[str], batches: list[tuple[str, int]]) -> None:
        """Keep the material-out list; an empty list is no draft."""
        if not codes and not batches:
            self._drop(MATERIAL, MATERIAL_KEY)
            return
        self._save(MATERIAL, MATERIAL_KEY, json.dumps(
            {"codes": codes, "batches": [[cat, grams] for cat, grams in batches]}))

    def material(self) -> MaterialDraft | None:
        """The material-out list left at this station, if any."""
        rows = self.rows.drafts(self.station, MATERIAL)
        return material_from_json(rows[0][1]) if rows else None

"""The steps of recording a repair's end, without Qt: which questions an item needs, the
answers so far, going back, and the minutes suggested from the repair's start.

The workshop screen keeps a draft per item, and in the station's file at each answer
(`intake.drafts`), so that a logout, a scan of another item, a crash or a restart in the
middle loses no answer: the next visit to the item resumes where it stopped. No step enters
the item's history until the last answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from intake.model import RepairStatus
from intake.units import parse_eur

MINUTES_STEP = 5  # suggested minutes are rounded to this
# Longer than a working day since the start is not time worked: then nothing is suggested.
WORKDAY = timedelta(hours=8)


class Step(StrEnum):
    """One question of the flow, in the order they are asked."""

    STATUS = "status"
    BARRIER = "barrier"  # why not repairable (end of life only)
    SAFETY = "safety"  # the electrical safety test (a fixed electrical item)
    PRICE = "price"  # the store price, which is the item's price (a fixed item)
    MINUTES = "minutes"
    PROBLEM = "problem"
    BRAND = "brand"
    YEAR = "year"
    PRODUCT = "product"  # the ORDS product category (a powered item)


@dataclass
class RepairDraft:
    """The answers given so far for one item's repair, and the step being asked."""

    code: str
    electrical: bool
    powered: bool
    answers: dict[Step, str] = field(default_factory=dict)
    index: int = 0

    def steps(self) -> list[Step]:
        """The questions this item needs with the answers so far (before the outcome is
        chosen, those of a fixed item: the most common end)."""
        status = self.answers.get(Step.STATUS, RepairStatus.FIXED.value)
        steps = [Step.STATUS]
        if status == RepairStatus.END_OF_LIFE.value:
            steps.append(Step.BARRIER)
        if status == RepairStatus.FIXED.value:
            if self.electrical:
                steps.append(Step.SAFETY)
            if not (self.electrical and self.answers.get(Step.SAFETY) == "fail"):
                steps.append(Step.PRICE)
        steps += [Step.MINUTES, Step.PROBLEM, Step.BRAND, Step.YEAR]
        if self.powered:
            steps.append(Step.PRODUCT)
        return steps

    @property
    def current(self) -> Step:
        return self.steps()[self.index]

    @property
    def done(self) -> bool:
        return self.index >= len(self.steps())

    def position(self) -> tuple[int, int | None]:
        """(number of the step asked, number of steps), counted from 1; the number of steps
        is None while the step asked decides it (the outcome; a safety test that may fail),
        so that "step 1 of 8" is never followed by "step 2 of 7"."""
        deciding = not self.done and self.current in (Step.STATUS, Step.SAFETY)
        return self.index + 1, None if deciding else len(self.steps())

    def answer(self, value: str) -> None:
        """Answer the current step and go to the next."""
        self.answers[self.current] = value
        self.index += 1

    def back(self) -> None:
        """Go to the previous step; its answer stays as the one offered."""
        self.index = max(0, self.index - 1)

    def given(self) -> list[tuple[Step, str]]:
        """The answers of the steps before the current one, in order."""
        return [(step, self.answers.get(step, "")) for step in self.steps()[:self.index]]

    def outcome_fields(self) -> dict[str, Any]:
        """The keyword arguments of `WorkshopService.outcome` from the steps that apply: an
        answer to a step the item no longer needs (the outcome changed) is left out."""
        answers = {step: self.answers.get(step, "") for step in self.steps()}
        price = answers.get(Step.PRICE)
        return {
            "status": answers[Step.STATUS], "barrier": answers.get(Step.BARRIER) or None,
            "safety_test": answers.get(Step.SAFETY) or None,
            "price_cents": parse_eur(price) if price else None,
            "minutes": answers[Step.MINUTES] or None, "problem": answers[Step.PROBLEM] or None,
            "brand": answers[Step.BRAND] or None, "year": answers[Step.YEAR] or None,
            "product": answers.get(Step.PRODUCT) or None,
        }


def suggested_minutes(started: datetime | None, now: datetime) -> int | None:
    """The minutes since the repair started, rounded to 5 (at least 5); none when the start
    is unknown or more than a working day ago."""
    if started is None or not timedelta(0) <= now - started <= WORKDAY:
        return None
    minutes = (now - started).total_seconds() / 60
    return max(MINUTES_STEP, round(minutes / MINUTES_STEP) * MINUTES_STEP)

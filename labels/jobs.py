"""A print job: labels kept until a printer has confirmed them.

A job holds the texts as they were when it was queued, and how many of each to print. Each
attempt goes to the station's printer of that moment, in its label size, and the job records
both, so a coordinator who replaces a broken printer in the settings gets the waiting labels
from the new one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum

from labels.layout import LabelContent
from labels.setting import PrinterSetting


class JobState(StrEnum):
    QUEUED = "queued"  # not tried yet
    PRINTING = "printing"  # handed to the printer, no answer yet
    DONE = "done"  # the printer confirmed it
    FAILED = "failed"  # the latest attempt failed; it is tried again
    CANCELLED = "cancelled"  # someone cancelled it before it printed


@dataclass(frozen=True)
class PrintJob:
    """One job: an item's labels, and where and how far they got."""

    id: str
    code: str  # the item's code, or the test label's
    station: str
    labels: tuple[LabelContent, ...]
    copies: int
    label_size: str
    printer: PrinterSetting
    state: JobState
    attempts: int
    last_error: str
    result: str  # where it went, as the printer said
    created_at: datetime
    updated_at: datetime


def labels_to_json(labels: tuple[LabelContent, ...]) -> str:
    return json.dumps([asdict(label) for label in labels], ensure_ascii=False)


def labels_from_json(text: str) -> tuple[LabelContent, ...]:
    return tuple(LabelContent(**fields) for fields in json.loads(text))

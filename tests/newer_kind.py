"""A newer Ambacht in a test (issue 13): a kind of step that takes items in, which this version
does not have. Registered, it is known as another name for `intake` (what the newer version's
new way of taking items in does here); not registered, it is a kind this version does not
know, and `db/held_steps.py` holds its steps."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import pytest

from db import Store
from db.newer_steps import KNOWN_STEPS
from db.rows import INSERT_ITEM, item_row
from intake.clock import to_storage
from intake.events import Intake, to_data
from intake.ids import new_id
from intake.model import EventType, Item, Route

KIND = "intake_by_photo"  # the newer version's new way of taking an item in
# Every module that reads an item's history with the condition `KNOWN_STEPS`.
READERS = ("db.newer_steps", "db.held_steps", "db.merge", "db.store", "db.audit",
           "db.reports", "db.export_records")


@contextmanager
def knowing(monkeypatch: pytest.MonkeyPatch, *files: Store) -> Iterator[None]:
    """This process as the newer Ambacht (or one updated to it): it knows KIND, and `files`
    have its migration (the gate's facts on an item, as m004 keeps them for an intake)."""
    import db.newer_steps

    for store in files:
        with store.atomic():
            store.db.execute(
                f"""CREATE TRIGGER IF NOT EXISTS items_gate_facts_{KIND} AFTER INSERT ON events
                    WHEN NEW.type = '{KIND}'
                    BEGIN
                      UPDATE items SET gate_route = json_extract(NEW.data, '$.route')
                      WHERE id = NEW.item_id;
                    END""")
    with monkeypatch.context() as patch:
        patch.setattr(db.newer_steps, "_KNOWN", db.newer_steps._KNOWN | {KIND})
        patch.setitem(EventType._value2member_map_, KIND, EventType.INTAKE)
        for module in READERS:
            patch.setattr(f"{module}.KNOWN_STEPS", KNOWN_STEPS[:-1] + f", '{KIND}')")
        yield


def take_in_newly(store: Store, letter: str, user_id: str, at: datetime, category: str,
                  weight_g: int) -> str:
    """An item taken in as the newer version does it (a step of KIND); its code."""
    with store.atomic():
        code = f"{letter}{store.take_item_seq(letter):06d}"
        item = Item(id=new_id(), code=code, category=category, weight_g=weight_g,
                    weight_estimated=False, route=Route.SALE, station=letter, intake_at=at)
        store.db.execute(INSERT_ITEM, item_row(item))
        data = to_data(Intake(category=category, weight_g=weight_g, weight_estimated=False,
                              route=Route.SALE))
        moment = to_storage(at)
        store._insert_events([(new_id(), item.id, KIND, moment, moment, letter, user_id, None,
                               json.dumps(data))])
    return code

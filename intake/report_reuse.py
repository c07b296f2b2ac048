"""A site's report from the hub made again only when something it depends on changed
(`ambacht report --hub` without `--site`, issue 13).

A site's copy (`intake/hub_report.py`) holds nothing but the hub's records up to a number, so
its report is fixed by: that number, the question (period, format, baseline, year before),
the local day it is asked on (how far a running period counts, the targets' progress), the
Ambacht version and counting rules, and the provenance's last step and previous export. Only
the provenance's own time changes from one report to the next: it is made afresh and set in.

A period still running is never reused: its stock is counted at the moment of the report,
and the stock's ages in whole days move with the clock, not with the steps.

The last report of each site is kept beside its copy (`<copy>.last-report.json`), written
whole and then renamed over the old one (`intake/outfiles.py`), so a report killed half-way
leaves the old one or none. It can be removed at any time.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from intake.errors import ValidationError
from intake.monitoring import Figures
from intake.outfiles import reserve
from intake.provenance import Provenance

# The provenance's own time in a site's JSON report: the one key of the provenance block
# (indented once inside the report) that changes when nothing else did.
_MADE_AT = '\n    "made_at": "{}"'


def reuse_key(question: dict[str, Any], provenance: Provenance, upto: int) -> str:
    """What a site's report depends on, as one hash: `question` (the period, format, local
    day, ...), the hub's number the copy holds the records up to, and the provenance but its
    time (its version and counting rules, last step and previous export)."""
    origin = {key: value for key, value in asdict(provenance).items() if key != "made_at"}
    return hashlib.sha256(json.dumps([question, upto, origin], sort_keys=True,
                                     default=str).encode()).hexdigest()


def reused(copy_path: Path, key: str, provenance: Provenance
           ) -> tuple[str, Figures, str] | None:
    """The last report of the site whose copy is `copy_path`, if made for `key`: (site,
    totals, JSON text with the provenance's time set to `provenance`'s); None if there is
    none (or it cannot be read)."""
    try:
        kept = json.loads(_kept(copy_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("key") != key:
        return None
    old = _MADE_AT.format(kept["made_at"])
    if kept["text"].count(old) != 1:
        return None
    text = kept["text"].replace(old, _MADE_AT.format(provenance.made_at.isoformat()))
    return kept["site"], _figures(kept["total"]), text


def keep(copy_path: Path, key: str, made_at: datetime, site: str, total: Figures,
         text: str) -> None:
    """Keep a site's report made for `key` beside its copy, for the next report to reuse; one
    that cannot be written is not kept (the next report is made afresh)."""
    data = json.dumps({"key": key, "made_at": made_at.isoformat(), "site": site,
                       "total": {field.name: getattr(total, field.name)
                                 for field in fields(Figures)},  # Counters as objects
                       "text": text}, ensure_ascii=False)
    try:
        with reserve(_kept(copy_path), force=True, db_path=copy_path, settings={}) as out:
            out.write(data.encode("utf-8"))
    except (OSError, ValidationError):
        pass


def _kept(copy_path: Path) -> Path:
    return copy_path.with_name(copy_path.stem + ".last-report.json")


def _figures(saved: dict[str, Any]) -> Figures:
    """Figures as kept: the breakdowns are Counters again (their keys the text of a
    recipient, barrier or recipient kind: `RecipientKind` is a text enum)."""
    counters = {field.name for field in fields(Figures) if field.default_factory is Counter}
    values: dict[str, Any] = {name: Counter(value) if name in counters else value
                              for name, value in saved.items()}
    return Figures(**values)

"""Refresh the translation files: collect strings with lupdate, compile them with lrelease.

Run `python ui/translations/build.py` after changing visible text; then fill in the new
Dutch texts in ambacht_nl.ts (Qt Linguist, or by hand) and run it again to compile the .qm.
Source strings are English; the app shows Dutch by default through the compiled .qm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# English is the source language; its file only holds the plural forms ("1 item", "2 items").
LANGUAGES = ("nl", "en")


def sources() -> list[Path]:
    """Every Python file whose strings may be shown: the UI and the services' messages."""
    return [
        path
        for package in ("ui", "intake", "db", "devices")
        for path in sorted((ROOT / package).rglob("*.py"))
        if path != Path(__file__).resolve()
    ]


def tool(name: str) -> str:
    """The PySide6 wrapper of a Qt tool (pyside6-lupdate), next to this Python if possible."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(beside) if beside.exists() else shutil.which(f"pyside6-{name}") or name


def update(ts: Path, *, plurals_only: bool = False) -> None:
    files = [str(path.relative_to(ROOT)) for path in sources()]
    only = ["-pluralonly"] if plurals_only else []
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", *only, *files, "-ts", str(ts)],
        cwd=ROOT, check=True, capture_output=True,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main() -> int:
    for lang in LANGUAGES:
        ts = HERE / f"ambacht_{lang}.ts"
        update(ts, plurals_only=lang == "en")
        release(ts, HERE / f"ambacht_{lang}.qm")
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.name}: {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Every visible string has a Dutch translation, and the shipped .qm matches the .ts."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui" / "translations"))
import build  # noqa: E402 - the translation build script, ui/translations/build.py


@pytest.mark.parametrize("lang", build.LANGUAGES)
def test_no_string_is_left_untranslated(tmp_path: Path, lang: str) -> None:
    ts = tmp_path / f"ambacht_{lang}.ts"
    shutil.copy(build.HERE / ts.name, ts)
    # Collect the strings added to the code since the .ts was last refreshed.
    build.update(ts, plurals_only=lang == "en")
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "run python ui/translations/build.py and translate"
    assert text.count("<source>") > (150 if lang == "nl" else 1)


@pytest.mark.parametrize("lang", build.LANGUAGES)
def test_shipped_qm_is_compiled_from_the_ts(tmp_path: Path, lang: str) -> None:
    build.release(build.HERE / f"ambacht_{lang}.ts", tmp_path / "out.qm")
    assert (tmp_path / "out.qm").read_bytes() == (build.HERE / f"ambacht_{lang}.qm").read_bytes()


def test_no_tr_call_hides_inside_an_f_string() -> None:
    """lupdate does not read inside f-string braces: a tr() there is never translated."""
    import re

    pattern = re.compile(r"""\bf(["'])[^\n]*?\{[^}\n]*\btr\(""")
    hidden = [
        f"{path.relative_to(build.ROOT)}:{number}"
        for path in build.sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert hidden == []

"""The code stays as the house style says: ruff clean, cli/, intake/, db/, devices/ and labels/
type-check, and every module is small enough to read whole."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ui.style import PAPER, stylesheet

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff() -> None:
    done = run("ruff", "check", "--output-format", "concise", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_on_domain_and_storage() -> None:
    done = run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


MAX_LINES = 449  # a module grows past this by mixing things that want rooms of their own


def test_every_module_is_under_450_lines() -> None:
    folders = ("cli", "intake", "db", "ui", "labels", "devices", "tests", "bench", "docs")
    too_long = {str(path.relative_to(ROOT)): lines
                for folder in folders for path in (ROOT / folder).rglob("*.py")
                if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert too_long == {}


def contrast(one: str, other: str) -> float:
    """The WCAG 2 contrast ratio of two "#rrggbb" colours (1 to 21)."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                   for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_follows_wcag() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


def test_every_disabled_button_has_3_to_1_contrast(qapp) -> None:
    rules = {selector.strip(): dict(re.findall(r"([\w-]+):\s*([^;]+);", body))
             for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", stylesheet())
             for selector in selectors.split(",")}
    disabled = {selector: style for selector, style in rules.items() if ":disabled" in selector}
    coloured = {selector for selector, style in rules.items() if selector.startswith(
        "QPushButton") and ":" not in selector and {"color", "background"} & set(style)}
    assert {f"{selector}:disabled" for selector in coloured} <= set(disabled)
    for selector, style in disabled.items():
        assert contrast(style["color"], style["background"]) >= 3, selector
        assert contrast(style["border-color"], PAPER) >= 3, selector

"""The code stays as the house style says: ruff clean, and cli/, intake/, db/, devices/ and
labels/ type-check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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

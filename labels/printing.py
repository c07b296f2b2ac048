"""Sending label PDFs somewhere: a CUPS queue (`lp`) or a folder of PDF files.

Both raise PrintError with a plain English sentence; the app wraps it in the user's language
and the item, saved before printing, can be printed again.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Protocol


class PrintError(Exception):
    """A label could not be printed; str(error) says why."""


class LabelPrinter(Protocol):
    """Anything that takes a label PDF and says where it went."""

    def print_pdf(self, pdf: bytes, job_name: str) -> str: ...


def safe_job_name(name: str) -> str:
    """A job name usable as a file name and a CUPS title."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.")
    return cleaned[:60] or "label"


class CupsPrinter:
    """A CUPS queue, printed to with `lp -d QUEUE` (the PDF goes on standard input)."""

    def __init__(
        self, queue: str, *, copies: int = 1, lp_command: str = "lp", timeout_s: float = 15
    ) -> None:
        self.queue, self.copies, self.lp_command, self.timeout_s = (
            queue, copies, lp_command, timeout_s)

    def print_pdf(self, pdf: bytes, job_name: str) -> str:
        command = [self.lp_command, "-d", self.queue, "-n", str(self.copies),
                   "-t", safe_job_name(job_name), "-"]
        try:
            done = subprocess.run(command, input=pdf, capture_output=True,
                                  timeout=self.timeout_s, check=False)
        except FileNotFoundError:
            raise PrintError(f"'{self.lp_command}' is not installed (CUPS is missing)") from None
        except subprocess.TimeoutExpired:
            raise PrintError(
                f"printer {self.queue} did not answer in {self.timeout_s:g} s"
            ) from None
        if done.returncode != 0:
            detail = done.stderr.decode(errors="replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit code {done.returncode}"
            raise PrintError(f"printer {self.queue}: {reason}")
        found = re.search(r"request id is (\S+)", done.stdout.decode(errors="replace"))
        return f"{self.queue}, job {found.group(1)}" if found else self.queue


class FolderPrinter:
    """Writes each label as a PDF file into a folder (when there is no printer)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def print_pdf(self, pdf: bytes, job_name: str) -> str:
        name = safe_job_name(job_name)
        part: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Write beside the target, then link it into place: a half-written file is never
            # visible, and an earlier label of the same item is never overwritten.
            with tempfile.NamedTemporaryFile(dir=self.folder, suffix=".part", delete=False) as tmp:
                part = tmp.name
                tmp.write(pdf)
                tmp.flush()
                os.fsync(tmp.fileno())
            target = self.folder / f"{name}.pdf"
            number = 1
            while True:
                try:
                    os.link(part, target)
                    break
                except FileExistsError:
                    number += 1
                    target = self.folder / f"{name}-{number}.pdf"
        except OSError as exc:
            raise PrintError(f"cannot write to {self.folder}: {exc.strerror or exc}") from exc
        finally:
            if part is not None and os.path.exists(part):
                os.unlink(part)
        return str(target)


def list_cups_queues(lpstat_command: str = "lpstat") -> list[str]:
    """Names of the CUPS printer queues; empty when CUPS is absent or not running."""
    if shutil.which(lpstat_command) is None:
        return []
    try:
        done = subprocess.run([lpstat_command, "-e"], capture_output=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if done.returncode != 0:
        return []
    return [line.strip() for line in done.stdout.decode(errors="replace").splitlines()
            if line.strip()]

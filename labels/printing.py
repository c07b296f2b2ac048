"""Sending labels somewhere: a CUPS queue (`lp`), a folder of PDF files, or (`labels.zpl`) a
Zebra printer; which one a station uses is its `PrinterSetting`.

Every printer raises PrintError with a plain English sentence (for the log) and the kind of
`Problem` it is; the app shows the kind in a few short words of the user's language, and the
item, saved before printing, waits in the print queue for another attempt.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Protocol

from labels.layout import LabelContent
from labels.render import render_pdf


class Problem(Enum):
    """What kind of failure a print was: what the person at the printer can do about it."""

    UNREACHABLE = "unreachable"  # off, unplugged, another address: switch it on, check cable
    PAPER = "paper"  # out of labels or ribbon: load them
    OPEN = "open"  # the print head is open: close it
    PAUSED = "paused"  # paused on the printer or stopped in CUPS: resume it
    SETUP = "setup"  # the station's setting cannot work: the coordinator must fix it
    FAILED = "failed"  # anything else the printer said


class PrintError(Exception):
    """A label could not be printed; str(error) says why in detail, `problem` what kind."""

    def __init__(self, message: str, problem: Problem = Problem.FAILED) -> None:
        super().__init__(message)
        self.problem = problem


class LabelPrinter(Protocol):
    """Anything that prints labels and, once the printer has taken them, says where."""

    def print_labels(
        self, labels: Sequence[LabelContent], size_key: str, copies: int, job_name: str
    ) -> str: ...


class DocumentPrinter(Protocol):
    """Anything that takes a PDF (a label sheet or a delivery note) and says where it went."""

    def print_pdf(self, pdf: bytes, job_name: str) -> str: ...


class PdfPrinter:
    """Base of the printers that take PDFs: labels become pages, each one `copies` times."""

    def print_pdf(self, pdf: bytes, job_name: str) -> str:
        raise NotImplementedError

    def print_labels(
        self, labels: Sequence[LabelContent], size_key: str, copies: int, job_name: str
    ) -> str:
        try:
            pdf = render_pdf([label for label in labels for _ in range(copies)], size_key)
        except ValueError as exc:
            raise PrintError(str(exc), Problem.SETUP) from None
        return self.print_pdf(pdf, job_name)


def safe_job_name(name: str) -> str:
    """A job name usable as a file name and a CUPS title."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.")
    return cleaned[:60] or "label"


class CupsPrinter(PdfPrinter):
    """A CUPS queue, printed to with `lp -d QUEUE` (the PDF goes on standard input).

    A job is sent only while the queue is enabled: CUPS would accept a job for a stopped queue
    and hold it without telling, so the gate would say 'printed' while nothing comes out.
    Once `lp` gives a request id, CUPS has the job and prints it.
    """

    def __init__(
        self, queue: str, *, copies: int = 1, lp_command: str = "lp",
        lpstat_command: str = "lpstat", timeout_s: float = 15,
    ) -> None:
        self.queue, self.copies, self.lp_command, self.lpstat_command, self.timeout_s = (
            queue, copies, lp_command, lpstat_command, timeout_s)

    def print_pdf(self, pdf: bytes, job_name: str) -> str:
        return self._lp(pdf, job_name)

    def print_raw(self, data: bytes, job_name: str) -> str:
        """Bytes the printer itself reads (ESC/POS), passed through CUPS unfiltered."""
        return self._lp(data, job_name, "-o", "raw")

    def _lp(self, data: bytes, job_name: str, *options: str) -> str:
        stopped = self.stopped_reason()
        if stopped is not None:
            raise PrintError(f"printer {self.queue} is stopped: {stopped}", Problem.PAUSED)
        command = [self.lp_command, "-d", self.queue, "-n", str(self.copies), *options,
                   "-t", safe_job_name(job_name), "-"]
        try:
            done = subprocess.run(command, input=data, capture_output=True,
                                  timeout=self.timeout_s, check=False)
        except FileNotFoundError:
            raise PrintError(f"'{self.lp_command}' is not installed (CUPS is missing)",
                             Problem.SETUP) from None
        except subprocess.TimeoutExpired:
            raise PrintError(
                f"printer {self.queue} did not answer in {self.timeout_s:g} s",
                Problem.UNREACHABLE) from None
        if done.returncode != 0:
            detail = done.stderr.decode(errors="replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit code {done.returncode}"
            # A queue that is not there is the station's setting, not the printer.
            kind = Problem.SETUP if "does not exist" in reason else Problem.FAILED
            raise PrintError(f"printer {self.queue}: {reason}", kind)
        found = re.search(r"request id is (\S+)", done.stdout.decode(errors="replace"))
        return f"{self.queue}, job {found.group(1)}" if found else self.queue

    def stopped_reason(self) -> str | None:
        """Why CUPS has stopped the queue ('Paused', a backend's error), or None when it runs
        or cannot be asked (then `lp` itself says what is wrong)."""
        try:
            done = subprocess.run([self.lpstat_command, "-p", self.queue], capture_output=True,
                                  timeout=self.timeout_s, check=False,
                                  env={**os.environ, "LC_ALL": "C"})
        except (OSError, subprocess.TimeoutExpired):
            return None
        lines = done.stdout.decode(errors="replace").splitlines()
        if done.returncode != 0 or not lines or " disabled since " not in lines[0]:
            return None
        return lines[1].strip() if len(lines) > 1 and lines[1].strip() else "disabled"


class FolderPrinter(PdfPrinter):
    """Writes each label as a PDF file into a folder (when there is no printer)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def print_pdf(self, pdf: bytes, job_name: str) -> str:
        try:
            return str(save_new_file(self.folder, safe_job_name(job_name), ".pdf", pdf))
        except OSError as exc:
            raise PrintError(f"cannot write to {self.folder}: {exc.strerror or exc}",
                             Problem.SETUP) from exc


def save_new_file(folder: Path, stem: str, suffix: str, data: bytes, *,
                  make_folder: bool = True) -> Path:
    """Write `data` as a new file `stem + suffix` in `folder` (made if missing, unless
    `make_folder` is false) and return its path; a name already taken gets a number
    (`stem-2`), so nothing is ever overwritten.

    The data goes into a temporary file beside the target first, is synced, and is linked
    (or, on a file system without links such as a USB stick's FAT, renamed) into place whole,
    and the folder is synced: a half-written file is never visible, a failed write leaves
    nothing behind, and a link (symbolic or not) lying in wait under the name is never
    followed. Raises OSError when the folder can't be written.
    """
    part: str | None = None
    try:
        if make_folder:
            folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as tmp:
            part = tmp.name
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        target = folder / f"{stem}{suffix}"
        number = 1
        while True:
            try:
                link_new(part, target)
            except FileExistsError:
                number += 1
                target = folder / f"{stem}-{number}{suffix}"
                continue
            sync_folder(folder)
            return target
    finally:
        if part is not None:
            with contextlib.suppress(OSError):  # renamed into place, or gone with the stick
                os.unlink(part)


# File systems without hard links (FAT on a USB stick, some shares) answer these to link().
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV}


def link_new(temp: str | Path, final: Path) -> None:
    """Give the finished file `temp` the name `final` unless that name is taken
    (FileExistsError; a link lying there is never followed): a hard link, or a rename on a
    file system without links."""
    try:
        os.link(temp, final)  # `final` is never followed; `temp` is our own plain file
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(final):  # no hard links here: a rename, after one more look
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(final)) from exc
        os.rename(temp, final)


def sync_folder(folder: Path) -> None:
    """Make a new name in `folder` survive a power cut (POSIX; Windows cannot open a folder).
    A file system that cannot sync a folder (some FUSE drivers) is let be."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOSYS):
            raise
    finally:
        os.close(handle)


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


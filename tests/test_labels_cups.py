"""Labels through a real CUPS server to the cups-pdf virtual printer, scanned back: one by `lp`,
several through the app's print queue, one through Qt, and none lost while the queue is
stopped."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from labelcheck import decode_pdf

from db import Store
from intake.clock import SystemClock
from intake.gate import GateService
from intake.labelling import LabelService
from intake.model import User
from labels.layout import LabelContent
from labels.printing import CupsPrinter, Problem, list_cups_queues
from labels.render import render_pdf
from ui.device_messages import problem_text
from ui.printing import PrintQueue

QUEUE = "AmbachtTest"
HELD_QUEUE = "AmbachtTestHeld"  # stopped and started by one test, so no other test waits on it
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"

pytestmark = pytest.mark.cups


def _cups_pdf_out() -> Path:
    """Where cups-pdf writes its PDFs (its `Out` setting, ~/PDF by default)."""
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text().splitlines():
            if line.startswith("Out "):
                out = line.split(None, 1)[1].strip()
    # cups-pdf runs as the job's user; for root that is root's home.
    return Path(out.replace("${HOME}", str(Path.home())))


@pytest.fixture(scope="module")
def cups_queue() -> str:
    if not (shutil.which("cupsd") and shutil.which("lpadmin")
            and Path("/usr/lib/cups/backend/cups-pdf").exists()):
        pytest.skip("CUPS with cups-pdf is not installed (apt-get install cups "
                    "printer-driver-cups-pdf)")
    if subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout.find(
            "is running") < 0:
        if os.geteuid() != 0:
            pytest.skip("cupsd is not running and only root can start it")
        subprocess.run(["cupsd"], check=True)
        deadline = time.monotonic() + 15
        while "is running" not in subprocess.run(["lpstat", "-r"], capture_output=True,
                                                 text=True).stdout:
            assert time.monotonic() < deadline, "cupsd did not start"
            time.sleep(0.2)
    add_queue(QUEUE)
    return QUEUE


def add_queue(name: str) -> None:
    subprocess.run(["lpadmin", "-p", name, "-v", "cups-pdf:/", "-E", "-m", PPD],
                   check=True, capture_output=True)


def printed_codes(out: Path, before: set[Path], codes: list[str], tmp_path: Path) -> list[str]:
    """The codes scanned from the PDFs cups-pdf writes for `codes` (named after the job),
    waiting until there is one for each."""
    def ours() -> list[Path]:
        return sorted((p for p in set(out.glob("*.pdf")) - before
                       if p.name.split("-job_")[0] in codes), key=lambda p: p.stat().st_mtime)

    deadline = time.monotonic() + 60
    while len(ours()) < len(codes):
        assert time.monotonic() < deadline, f"{len(ours())} of {len(codes)} PDFs in {out}"
        time.sleep(0.3)
    time.sleep(0.5)  # cups-pdf writes the file in place; let it finish
    found = []
    for index, pdf in enumerate(ours()):
        copy = tmp_path / f"printed-{index}.pdf"
        shutil.copy(pdf, copy)
        found += [text for text, _ in decode_pdf(copy)]
    return found


def test_label_printed_through_cups_scans_back(cups_queue: str, tmp_path: Path) -> None:
    assert cups_queue in list_cups_queues()
    out = _cups_pdf_out()
    before = set(out.glob("*.pdf")) if out.exists() else set()
    code = f"P{int(time.time()) % 1_000_000:06d}"
    label = LabelContent(code, "Fietsen", "15 kg", "Verkoop", "24-11-2026", "Ambacht Test")
    where = CupsPrinter(cups_queue).print_pdf(render_pdf([label], "62x29"), code)
    assert where.startswith(f"{cups_queue}, job ")
    deadline = time.monotonic() + 30
    while not (new := set(out.glob("*.pdf")) - before if out.exists() else set()):
        assert time.monotonic() < deadline, f"no PDF from cups-pdf in {out}"
        time.sleep(0.3)
    printed = tmp_path / "printed.pdf"
    time.sleep(0.5)  # cups-pdf writes the file in place; let it finish
    shutil.copy(max(new, key=lambda p: p.stat().st_mtime), printed)
    assert decode_pdf(printed) == [(code, "Code128")]


def use_cups(store: Store, kind: str, name: str) -> None:
    store.set_setting("printer_kind", kind)
    store.set_setting("qt_printer" if kind == "qt" else "printer", name)


@pytest.mark.parametrize("kind", ["cups", "qt"])
def test_several_labels_through_the_print_queue_scan_back(
    qtbot, cups_queue: str, store: Store, gate: GateService, coach: User, tmp_path: Path,
    kind: str,
) -> None:
    """By `lp`, or through Qt: QtPdf renders the label onto the QPrinter of the CUPS queue."""
    use_cups(store, kind, cups_queue)
    out = _cups_pdf_out()
    before = set(out.glob("*.pdf")) if out.exists() else set()
    items = [gate.take_in(coach, gate.prepare(category, "sale"))
             for category in ("books", "toys", "bicycles")]
    queue = PrintQueue(LabelService(store, SystemClock()))
    with qtbot.waitSignals([queue.printed] * 3, timeout=30_000):
        for item in items:
            queue.print_item(item)
    queue.wait()
    assert queue.waiting() == []
    codes = [item.code for item in items]
    assert sorted(printed_codes(out, before, codes, tmp_path)) == codes


def test_a_stopped_cups_queue_loses_no_label(
    qtbot, cups_queue: str, store: Store, gate: GateService, coach: User, tmp_path: Path,
) -> None:
    add_queue(HELD_QUEUE)
    try:
        subprocess.run(["cupsdisable", "-r", "Out of labels", HELD_QUEUE], check=True)
        use_cups(store, "cups", HELD_QUEUE)
        out = _cups_pdf_out()
        before = set(out.glob("*.pdf")) if out.exists() else set()
        items = [gate.take_in(coach, gate.prepare("books", "sale")) for _ in range(3)]
        queue = PrintQueue(LabelService(store, SystemClock()), retry_delays_s=(0.2, 0.5))
        failures: list[str] = []
        queue.failed.connect(lambda _code, error: failures.append(error))
        for item in items:
            queue.print_item(item)
        qtbot.waitUntil(lambda: len(failures) == 3, timeout=20_000)
        assert failures[0] == problem_text(Problem.PAUSED)
        assert queue.waiting()[0].last_error == f"printer {HELD_QUEUE} is stopped: Out of labels"
        qtbot.waitUntil(lambda: queue.waiting()[0].attempts >= 2, timeout=20_000)
        assert len(queue.waiting()) == 3
        subprocess.run(["cupsenable", HELD_QUEUE], check=True)
        qtbot.waitUntil(lambda: not queue.waiting(), timeout=30_000)
        queue.wait()
        codes = [item.code for item in items]
        assert sorted(printed_codes(out, before, codes, tmp_path)) == codes  # each once
    finally:
        subprocess.run(["lpadmin", "-x", HELD_QUEUE], check=False, capture_output=True)

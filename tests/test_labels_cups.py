"""A label through a real CUPS server to the cups-pdf virtual printer, scanned back."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from labelcheck import decode_pdf

from labels.layout import LabelContent
from labels.printing import CupsPrinter, list_cups_queues
from labels.render import render_pdf

QUEUE = "AmbachtTest"
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
    subprocess.run(["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-m", PPD],
                   check=True, capture_output=True)
    return QUEUE


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

"""Printer and device trouble in a few short words of the user's language.

The printers raise a `PrintError` with a detailed English sentence (the queue name, the
address, what CUPS said): that goes to the log and the job's record. The screens show only
what kind of problem it is (`labels.printing.Problem`) and what to do, in one short line, so
that a banner stays one or two lines on any panel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from labels.printing import PrintError, Problem


def print_problem(exc: Exception) -> str:
    """A failed print in a few words: a PrintError by its kind; anything else (a driver's
    bug) as a plain printer error, its detail left to the log."""
    kind = exc.problem if isinstance(exc, PrintError) else Problem.FAILED
    return problem_text(kind)


def problem_text(kind: Problem) -> str:
    """The short text of one kind of print problem: a sentence, which messages put first."""
    texts = {
        Problem.UNREACHABLE: QCoreApplication.translate(
            "Printer", "Printer not reachable: is it switched on?"),
        Problem.PAPER: QCoreApplication.translate("Printer", "The printer is out of labels."),
        Problem.OPEN: QCoreApplication.translate("Printer", "The printer is open: close it."),
        Problem.PAUSED: QCoreApplication.translate("Printer", "The printer is paused."),
        Problem.SETUP: QCoreApplication.translate(
            "Printer", "The printer is not set up right: ask the coordinator."),
        Problem.FAILED: QCoreApplication.translate("Printer", "The printer reports an error."),
    }
    return texts[kind]


class PrinterWords(QObject):
    """Plural texts: lupdate reads the number of a `tr` call, not of `translate`."""

    def waiting_labels(self, count: int) -> str:
        return self.tr("%n labels waiting", "", count)


def waiting_labels(count: int) -> str:
    """'1 label waiting' / '3 labels waiting': the waiting-labels button and every message
    that tells the user to tap it use these same words."""
    return PrinterWords().waiting_labels(count)

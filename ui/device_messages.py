"""Printer trouble in one short sentence of the user's language that says what to do.

The printers raise a `PrintError` with a detailed English sentence (the queue name, the
address, what CUPS or the socket said): that goes to the log and the job's record. The
screens show only what kind of problem it is (`labels.printing.Problem`) and what to do, so
that a banner stays one or two lines on any panel; a sentence that sends the user to a button
names it by the button's own words (`waiting_labels`, the till's receipt button). The scale's
sentences are `ui.devices.describe` and `explain_fault`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from labels.printing import PrintError, Problem


def print_problem(exc: Exception) -> str:
    """A failed label print in one short sentence: a PrintError by its kind; anything else (a
    driver's bug) as a plain printer error, its detail left to the log."""
    return problem_text(_kind(exc))


def receipt_problem(exc: Exception, button: str) -> str:
    """A failed receipt in one short sentence that ends by naming the till's `button` to tap
    again; the detail is left to the log."""
    return receipt_text(_kind(exc)).format(button=button)


def _kind(exc: Exception) -> Problem:
    return exc.problem if isinstance(exc, PrintError) else Problem.FAILED


def problem_text(kind: Problem) -> str:
    """One kind of label print problem in one sentence that says what to do."""
    texts = {
        Problem.UNREACHABLE: QCoreApplication.translate(
            "Printer", "The label printer does not answer: switch it on and check its cable."),
        Problem.PAPER: QCoreApplication.translate(
            "Printer", "The label printer is out of labels: put in a new roll."),
        Problem.OPEN: QCoreApplication.translate(
            "Printer", "The label printer is open: close its lid."),
        Problem.PAUSED: QCoreApplication.translate(
            "Printer", "The label printer is paused: press its pause key, or ask the "
            "coordinator."),
        Problem.SETUP: QCoreApplication.translate(
            "Printer", "The label printer is not set up right: ask the coordinator."),
        Problem.FAILED: QCoreApplication.translate(
            "Printer", "The label printer reports an error: switch it off and on again."),
    }
    return texts[kind]


def receipt_text(kind: Problem) -> str:
    """One kind of receipt printer problem in one sentence that says what to do, with
    `{button}` for the button that prints again."""
    texts = {
        Problem.UNREACHABLE: QCoreApplication.translate(
            "Printer", "The receipt printer does not answer: switch it on and tap {button} "
            "again."),
        Problem.PAPER: QCoreApplication.translate(
            "Printer", "The receipt printer is out of paper: put in a new roll and tap "
            "{button} again."),
        Problem.OPEN: QCoreApplication.translate(
            "Printer", "The receipt printer is open: close its lid and tap {button} again."),
        Problem.PAUSED: QCoreApplication.translate(
            "Printer", "The receipt printer is paused: ask the coordinator."),
        Problem.SETUP: QCoreApplication.translate(
            "Printer", "The receipt printer is not set up right: ask the coordinator."),
        Problem.FAILED: QCoreApplication.translate(
            "Printer", "The receipt printer reports an error: switch it off and on, then tap "
            "{button} again."),
    }
    return texts[kind]


class PrinterWords(QObject):
    """Plural texts: lupdate reads the number of a `tr` call, not of `translate`."""

    def waiting_labels(self, count: int) -> str:
        return self.tr("%n labels waiting", "", count)


def receipt_button() -> str:
    """The words of the till's button that prints a receipt (after a sale and on the day
    close), which a receipt printer's trouble names."""
    return QCoreApplication.translate("Receipts", "Receipt")


def waiting_labels(count: int) -> str:
    """'1 label waiting' / '3 labels waiting': the waiting-labels button and every message
    that tells the user to tap it use these same words."""
    return PrinterWords().waiting_labels(count)

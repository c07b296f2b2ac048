"""The log file in the data folder (`ambacht.log`, a few rotated files of 1 MB): what the app
and the command line note for whoever looks after the PCs, such as what a hub said when it
refused (the screens and the command line say it in one short sentence)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from intake.paths import data_dir

log = logging.getLogger("ambacht")


def log_to_file(*, or_stderr: bool) -> None:
    """Send the "ambacht" log, INFO and up, to the data folder's `ambacht.log`, once per
    process; if that cannot be written, to stderr when `or_stderr` (the app), else nowhere
    (the command line, whose stderr holds its one-line messages)."""
    if log.handlers:  # set up already
        return
    try:
        data_dir().mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            data_dir() / "ambacht.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler() if or_stderr else logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

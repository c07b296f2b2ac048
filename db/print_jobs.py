"""The label print jobs of each station (m007): kept until a printer confirms them, so a
printer that is off, out of paper or unplugged loses no label (`ui.printing.PrintQueue`).

Jobs are station business: they never leave the station's file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from intake.clock import from_storage, to_storage
from labels.jobs import JobState, PrintJob, labels_from_json, labels_to_json
from labels.setting import PrinterSetting

_COLUMNS = ("id, code, station, labels, copies, label_size, printer, state, attempts, "
            "last_error, result, created_at, updated_at")


class PrintJobs:
    """The print_jobs table of one open database (`store.print_jobs`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, job: PrintJob) -> None:
        self.db.execute(f"INSERT INTO print_jobs ({_COLUMNS}) VALUES ({', '.join('?' * 13)})",
                        _row(job))

    def update(self, job: PrintJob) -> None:
        """Write a job's progress: state, attempts, error, result and its latest printer."""
        self.db.execute(
            "UPDATE print_jobs SET label_size = ?, printer = ?, state = ?, attempts = ?, "
            "last_error = ?, result = ?, updated_at = ? WHERE id = ?",
            [job.label_size, job.printer.to_json(), job.state.value, job.attempts,
             job.last_error, job.result, to_storage(job.updated_at), job.id],
        )

    def get(self, job_id: str) -> PrintJob | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM print_jobs WHERE id = ?",
                              [job_id]).fetchone()
        return _job(row) if row else None

    def waiting(self, station: str) -> list[PrintJob]:
        """The station's jobs not printed nor cancelled yet, in the order they were queued."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM print_jobs WHERE station = ? "
            "AND state IN ('queued', 'printing', 'failed') ORDER BY rowid",
            [station],
        ).fetchall()
        return [_job(row) for row in rows]


def _row(job: PrintJob) -> list[Any]:
    return [job.id, job.code, job.station, labels_to_json(job.labels), job.copies,
            job.label_size, job.printer.to_json(), job.state.value, job.attempts, job.last_error,
            job.result, to_storage(job.created_at), to_storage(job.updated_at)]


def _job(row: Sequence[Any]) -> PrintJob:
    return PrintJob(row[0], row[1], row[2], labels_from_json(row[3]), row[4], row[5],
                    PrinterSetting.from_json(row[6]), JobState(row[7]), row[8], row[9], row[10],
                    from_storage(row[11]), from_storage(row[12]))

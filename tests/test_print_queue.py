"""The print queue keeps every label until a printer confirms it, and prints each one once.

A Zebra on the loopback (tests/fakezebra.py) is switched off and on, runs out of paper, and
the app is restarted with labels waiting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakezebra import PAPER_OUT, FakeZebra, free_port

from db import Store
from intake.clock import FixedClock
from intake.gate import GateService
from intake.labelling import LabelService
from intake.model import Item, User
from intake.setup import initialize
from labels.jobs import JobState
from labels.printing import Problem
from ui.device_messages import problem_text
from ui.printing import PrintQueue

FAST = (0.05, 0.1, 0.2)  # retry delays, so that a test waits tenths of seconds, not minutes


def use_zebra(store: Store, port: int) -> None:
    for key, value in (("printer_kind", "zebra"), ("zebra_host", "127.0.0.1"),
                       ("zebra_port", str(port))):
        store.set_setting(key, value)


def printed_codes(zebra: FakeZebra) -> list[str]:
    return [re.search(rb"\^BC[^^]*\^FD([^^]*)\^FS", label)[1].decode()  # type: ignore[index]
            for label in zebra.labels]


def take_in(gate: GateService, coach: User, count: int) -> list[Item]:
    return [gate.take_in(coach, gate.prepare("books", "sale")) for _ in range(count)]


@pytest.fixture
def labels(store: Store, clock: FixedClock) -> LabelService:
    return LabelService(store, clock)


@pytest.fixture
def queue(qtbot, labels: LabelService) -> Iterator[PrintQueue]:
    queue = PrintQueue(labels, retry_delays_s=FAST)
    yield queue
    queue.wait()


def test_labels_queued_while_the_zebra_is_off_all_print_once_when_it_is_back(
    qtbot, store: Store, gate: GateService, coach: User, queue: PrintQueue
) -> None:
    port = free_port()
    use_zebra(store, port)
    items = take_in(gate, coach, 5)
    failures: list[tuple[str, str]] = []
    queue.failed.connect(lambda code, error: failures.append((code, error)))
    for item in items:
        queue.print_item(item)
    qtbot.waitUntil(lambda: len(failures) == 5, timeout=10_000)
    # Each label the coach asked for says so once, clearly; retries fail quietly.
    assert [code for code, _ in failures] == [item.code for item in items]
    # The coach reads a few words of what to do; the detail stays with the job (and the log).
    assert failures[0][1] == problem_text(Problem.UNREACHABLE) == queue.problem
    # The queue tries the oldest label again and again; the others wait behind it rather
    # than knock at a printer that is off.
    qtbot.waitUntil(lambda: queue.waiting()[0].attempts >= 3, timeout=10_000)
    waiting = queue.waiting()
    assert [job.code for job in waiting] == [item.code for item in items]
    assert "refused" in waiting[0].last_error
    assert [job.attempts for job in waiting[1:]] == [0, 0, 0, 0]
    assert len(failures) == 5

    zebra = FakeZebra(port)  # switched on again
    try:
        qtbot.waitUntil(lambda: not queue.waiting(), timeout=15_000)
        queue.wait()
        assert printed_codes(zebra) == [item.code for item in items]  # in order, once each
        queue.retry_now()  # nothing left to send again
        queue.wait()
        assert len(zebra.labels) == 5
        assert queue.problem is None  # the printer is fine again
    finally:
        zebra.stop()
    jobs = [store.print_jobs.get(job.id) for job in waiting]
    assert all(job is not None and job.state is JobState.DONE and job.attempts >= 1 and
               job.result == f"Zebra 127.0.0.1:{port}" and job.last_error == "" for job in jobs)


def test_paper_out_keeps_the_job_and_says_so(
    qtbot, store: Store, gate: GateService, coach: User, queue: PrintQueue
) -> None:
    zebra = FakeZebra()
    try:
        use_zebra(store, zebra.port)
        zebra.problems.add(PAPER_OUT)
        [item] = take_in(gate, coach, 1)
        with qtbot.waitSignal(queue.failed, timeout=10_000) as failed:
            queue.print_item(item)
        assert failed.args == [item.code, problem_text(Problem.PAPER)]
        [job] = queue.waiting()
        assert job.code == item.code and job.last_error.endswith("paper out")
        assert zebra.labels == []
        zebra.problems.clear()  # a new roll
        with qtbot.waitSignal(queue.printed, timeout=10_000) as printed:
            pass
        assert printed.args[0] == item.code
        assert printed_codes(zebra) == [item.code] and queue.waiting() == []
    finally:
        zebra.stop()


def test_label_again_while_waiting_and_cancel(
    qtbot, store: Store, gate: GateService, coach: User, labels: LabelService
) -> None:
    port = free_port()
    use_zebra(store, port)
    queue = PrintQueue(labels, retry_delays_s=(60,))  # no retry by itself during the test
    first, second = take_in(gate, coach, 2)
    with qtbot.waitSignals([queue.failed, queue.failed], timeout=10_000):
        queue.print_item(first)
        queue.print_item(second)
    queue.wait()
    # 'Label again' for a label still waiting tries that job now rather than adding one.
    with qtbot.waitSignal(queue.failed, timeout=10_000):
        again = queue.print_item(first)
    queue.wait()
    assert [job.code for job in queue.waiting()] == [first.code, second.code]
    assert again.id == queue.waiting()[0].id and queue.waiting()[0].attempts == 2
    assert queue.cancel(queue.waiting()[1].id)
    zebra = FakeZebra(port)
    try:
        with qtbot.waitSignal(queue.printed, timeout=10_000):
            queue.retry_now()
        queue.wait()
        assert printed_codes(zebra) == [first.code]  # the cancelled label never printed
    finally:
        zebra.stop()
    assert queue.waiting() == [] and not queue.cancel(again.id)  # printed: too late


def test_labels_waiting_at_a_restart_print_when_the_app_is_back(
    qtbot, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "ambacht.db"
    store = Store.open(path, create=True)
    initialize(store, clock, site_name="Ambacht", station="A")
    from intake.auth import AuthService
    from intake.model import Role

    auth = AuthService(store, clock)
    coach = auth.add_user(auth.set_first_pin("1234"), "Sanne", Role.COACH, "1111")
    gate = GateService(store, clock, "A")
    port = free_port()
    use_zebra(store, port)
    items = take_in(gate, coach, 3)
    before = PrintQueue(LabelService(store, clock), retry_delays_s=(60,))
    with qtbot.waitSignals([before.failed] * 3, timeout=10_000):
        for item in items:
            before.print_item(item)
    before.wait()
    # The app died while sending the last one: the job says 'printing'.
    from dataclasses import replace

    last = store.print_jobs.waiting("A")[-1]
    store.print_jobs.update(replace(last, state=JobState.PRINTING))
    store.close()

    store = Store.open(path)
    zebra = FakeZebra(port)
    try:
        after = PrintQueue(LabelService(store, clock), retry_delays_s=FAST)
        qtbot.waitUntil(lambda: not after.waiting(), timeout=10_000)
        after.wait()
        assert printed_codes(zebra) == [item.code for item in items]
    finally:
        zebra.stop()
        store.close()

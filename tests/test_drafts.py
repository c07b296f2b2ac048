"""Half-done work survives a restart or a power cut (issue 15): the repair-done flow's answers
and the material-out list are kept in the station's file at each answer and line, offered
back after a restart, and dropped when the work ends or is cancelled.

The real app is killed with SIGKILL in the middle of both (`draft_child.py`), then started
again on the same file.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from repair_taps import flow
from taps import log_in, tap
from test_flow_screens import log_out, scan
from test_gate_screen import panel

from db import Store
from intake.auth import AuthService
from intake.clock import FixedClock, SystemClock
from intake.drafts import DraftService
from intake.gate import GateService
from intake.model import Role, Status
from intake.repair_flow import RepairDraft, Step
from intake.setup import initialize
from ui.app import build_context
from ui.main_window import MainWindow
from ui.widgets.panels import ConfirmPanel

CHILD = Path(__file__).with_name("draft_child.py")
CHILD_TIMEOUT_S = 120


def test_drafts_are_kept_per_station_and_dropped(store: Store, clock: FixedClock) -> None:
    here, there = DraftService(store, clock, "A"), DraftService(store, clock, "B")
    draft = RepairDraft("A000007", electrical=True, powered=True)
    draft.answer("fixed")
    draft.answer("pass")
    here.save_repair(draft)
    clock.advance(minutes=1)
    newer = RepairDraft("A000009", electrical=False, powered=False)
    newer.answer("repairable")
    here.save_repair(newer)
    [latest, kept] = here.repairs()
    assert latest.code == "A000009"
    assert (kept.code, kept.answers, kept.index, kept.current) == (
        "A000007", {Step.STATUS: "fixed", Step.SAFETY: "pass"}, 2, Step.PRICE)
    assert there.repairs() == [] and there.material() is None  # another station's own
    here.save_material(["A000001", "A000002"], [("wood", 12_000)])
    assert here.material().codes == ["A000001", "A000002"]
    assert here.material().batches == [("wood", 12_000)]
    here.drop_repair("A000007")
    here.save_material([], [])  # an empty list is no draft
    assert [d.code for d in here.repairs()] == ["A000009"] and here.material() is None


def test_a_draft_this_version_cannot_read_is_left_out(store: Store, clock: FixedClock) -> None:
    drafts = DraftService(store, clock, "A")
    for key, data in (("A000001", "{"), ("A000002", '{"answers": {"colour": "red"}}'),
                      ("A000003", '{"electrical": false, "powered": false, "answers": {}, '
                                  '"index": 99}')):
        drafts.rows.save("A", "repair", key, data, clock.now())
    drafts.rows.save("A", "material", "list", '{"codes": 5}', clock.now())
    assert drafts.repairs() == [] and drafts.material() is None


def station_file(path: Path, labels: Path) -> tuple[str, list[str]]:
    """A station's file with a coordinator, a coach (1111), a repairer (2222), a bike waiting
    for repair and two pans for material: the bike's code and the pans'."""
    clock = SystemClock()  # the child runs on the real clock: steps follow each other
    store = Store.open(path, create=True)
    try:
        initialize(store, clock, site_name="Ambachtscentrum Test", station="A")
        auth = AuthService(store, clock)
        coordinator = auth.set_first_pin("1234")
        coach = auth.add_user(coordinator, "Sanne", Role.COACH, "1111")
        auth.add_user(coordinator, "Joris", Role.WORKSHOP, "2222")
        store.set_setting("label_folder", str(labels))
        gate = GateService(store, clock, "A")
        bike = gate.take_in(coach, gate.prepare("bicycles", "repair"))
        pans = [gate.take_in(coach, gate.prepare("metal", "material", 1_000)).code
                for _ in range(2)]
    finally:
        store.close()
    return bike.code, pans


def killed_midway(path: Path, bike: str, pans: list[str]) -> None:
    """The real app taps halfway into both, then gets SIGKILL: a power cut."""
    child = subprocess.Popen([sys.executable, str(CHILD), str(path), bike, *pans],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stderr is not None
        line = child.stdout.readline()
        if line != "ready\n":
            child.kill()
            pytest.fail(f"the child did not get ready: {line!r} {child.stderr.read()}")
        child.send_signal(signal.SIGKILL)
        child.wait(CHILD_TIMEOUT_S)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(CHILD_TIMEOUT_S)
    assert child.returncode == -signal.SIGKILL


def test_a_killed_app_gives_both_back_after_its_restart(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ambacht.sqlite"
    bike, pans = station_file(path, tmp_path / "labels")
    killed_midway(path, bike, pans)

    store = Store.open(path)  # the restart
    ctx = build_context(store, SystemClock(), "nl")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        log_in(qtbot, window, "2222")
        offer = panel(window, ConfirmPanel)
        assert offer.title.text() == (f"Verder met de reparatie van {bike}? Die stond bij "
                                      "stap 4.")
        tap(qtbot, offer.yes_button)
        assert flow(window).progress.text().replace("\u00a0", " ").startswith(
            "Stap 4 van 6: Gerepareerd · € 45,00 · 5 min")
        for _ in range(3):  # no problem described, brand and year unknown
            tap(qtbot, flow(window).skip_button)
        repaired = ctx.workshop.item(bike)
        assert (repaired.status, repaired.price_cents) == (Status.IN_STOCK, 4500)
        assert ctx.drafts.repairs() == []

        tap(qtbot, window.workshop.top.place_button)  # 'Materiaal uit'
        material = window.material
        assert [item.code for item in material.items] == pans
        assert material.batches == [("wood", 12_000)]
        assert material.banner.text() == "De lijst van eerder staat er nog: 3 regels."
        tap(qtbot, material.clear_button)
        tap(qtbot, panel(window, ConfirmPanel).yes_button)
        assert ctx.drafts.material() is None
    finally:
        ctx.printer_queue.wait()


def test_a_restart_offers_a_draft_only_while_its_item_is_in_repair(
    qtbot, tmp_path: Path
) -> None:
    """A draft whose repair was finished elsewhere meanwhile is dropped, not offered; 'Later'
    keeps the other for the next visit to its item."""
    path = tmp_path / "ambacht.sqlite"
    bike, _ = station_file(path, tmp_path / "labels")
    store = Store.open(path)
    ctx = build_context(store, SystemClock(), "nl")
    repairer = ctx.auth.login("2222")
    coach = ctx.auth.login("1111")
    other = ctx.gate.take_in(coach, ctx.gate.prepare("bicycles", "repair"))
    for code in (bike, other.code):
        ctx.workshop.start_repair(repairer, code)
        draft = RepairDraft(code, electrical=False, powered=False)
        draft.answer("fixed")
        ctx.drafts.save_repair(draft)
    ctx.workshop.finish_repair(repairer, other.code, ctx.workshop.outcome("repairable"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        log_in(qtbot, window, "2222")
        offer = panel(window, ConfirmPanel)
        assert bike in offer.title.text() and other.code not in offer.title.text()
        assert [d.code for d in ctx.drafts.repairs()] == [bike]
        tap(qtbot, offer.no_button)
        scan(qtbot, bike)
        assert window.workshop.hint.text() == ("Reparatie half ingevuld: 'Reparatie klaar' gaat "
                                               "verder bij stap 2.")
        tap(qtbot, window.workshop.finish_button)
        tap(qtbot, flow(window).cancel_button)
        tap(qtbot, panel(window, ConfirmPanel).yes_button)  # throw the answers away
        assert ctx.drafts.repairs() == []
        log_out(qtbot, window)
    finally:
        ctx.printer_queue.wait()

"""The coordinator's dashboard by taps: periods, figures, baseline, targets and exports."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from test_flow_screens import answer, scan
from test_gate_screen import log_in, panel, tap

from db import Store
from intake.clock import FixedClock
from intake.export_places import Volumes
from intake.model import User
from intake.monitoring import Period
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.dashboard import DashboardScreen, period_of
from ui.screens.figures_panels import BaselinePanel
from ui.widgets.charts import axis_step
from ui.widgets.item_panel import ItemPanel


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    store.set_setting("document_folder", str(tmp_path / "documents"))
    return build_context(store, clock, "en")


def test_periods() -> None:
    day = date(2026, 11, 21)  # a Saturday
    assert period_of("week", day) == Period(date(2026, 11, 16), date(2026, 11, 22))
    assert period_of("month", day) == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert period_of("quarter", day) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert period_of("year", day) == Period(date(2026, 1, 1), date(2026, 12, 31))
    assert period_of("month", date(2026, 12, 5)).last == date(2026, 12, 31)
    assert Period(date(2028, 2, 1), date(2028, 2, 29)).year_earlier() == Period(
        date(2027, 2, 1), date(2027, 2, 28))


@pytest.mark.parametrize(("peak", "labels"), [
    (0, [0, 1, 2, 3, 4]),  # no data: not 0, 0, 1, 1, 1
    (2293, [0, 600, 1200, 1800, 2400]),  # not 0, 573, 1.147, 1.720, 2.293
    (45, [0, 15, 30, 45, 60]),
    (1612, [0, 500, 1000, 1500, 2000]),
    (100_000, [0, 25_000, 50_000, 75_000, 100_000])])
def test_the_weekly_axis_reads_round_numbers(peak: float, labels: list[int]) -> None:
    step = axis_step(peak)
    assert [step * n for n in range(5)] == labels


def test_the_dashboard_shows_the_period_and_exports_it(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User, tmp_path: Path
) -> None:
    coach = ctx.auth.login("1111")
    for kg in (12, 8):
        ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale", kg * 1000))
    ctx.admin.set_baseline(coordinator, Period(date(2026, 1, 1), date(2026, 3, 31)))
    ctx.admin.set_target(coordinator, 2026, "kg_collected", 1000)
    log_in(qtbot, window, "1234")
    tap(qtbot, window.gate.top.place_button)
    answer(qtbot, window, "dashboard")
    dashboard = window.dashboard
    assert window.stack.currentWidget() is dashboard
    assert dashboard.kind_buttons["month"].isChecked()
    # It opens on the last complete month, not on the first days of this one.
    assert "01-10-2026 – 31-10-2026" in dashboard.period_label.text()
    assert dashboard.tiles["kg_in"].value == "0 kg"
    tap(qtbot, dashboard.later)
    assert dashboard.tiles["kg_in"].value == "20 kg"
    assert "01-11-2026 – 30-11-2026" in dashboard.period_label.text()
    assert not dashboard.later.isEnabled()  # no figures from the future
    qtbot.waitUntil(lambda: bool(dashboard.targets.bars))  # drawn right after showing
    [target] = dashboard.targets.bars
    assert (target.value, target.target) == (20.0, 1000.0)
    assert [bar.text for bar in dashboard.ladder.bars][0] == "0 kg"
    tap(qtbot, dashboard.kind_buttons["week"])  # the week of today runs: the one before
    assert "09-11-2026 – 15-11-2026" in dashboard.period_label.text()
    assert dashboard.tiles["kg_in"].value == "0 kg"
    tap(qtbot, dashboard.kind_buttons["year"])
    assert "01-01-2025 – 31-12-2025" in dashboard.period_label.text()
    tap(qtbot, dashboard.later)
    no_sticks(dashboard, tmp_path)  # whatever this machine has in: the documents folder only
    export(qtbot, window, "xlsx")
    assert (tmp_path / "documents" / "report-2026-01-01-2026-12-31.xlsx").exists()
    export(qtbot, window, "pdf")
    assert (tmp_path / "documents" / "report-2026-01-01-2026-12-31.pdf").exists()
    # Where in words, the file's name only: no path for a volunteer to read.
    assert dashboard.banner.text() == ("Saved in Ambacht's Documents folder: "
                                       "report-2026-01-01-2026-12-31.pdf")
    # A second export never overwrites the first, nor follows a link lying in wait.
    precious = tmp_path / "precious.txt"
    precious.write_text("keep")
    (tmp_path / "documents" / "report-2026-01-01-2026-12-31-2.pdf").symlink_to(precious)
    export(qtbot, window, "pdf")
    third = tmp_path / "documents" / "report-2026-01-01-2026-12-31-3.pdf"
    assert third.read_bytes().startswith(b"%PDF") and precious.read_text() == "keep"
    assert third.name in dashboard.banner.text()
    export(qtbot, window, "csv")
    table = (tmp_path / "documents" / "report-2026-01-01-2026-12-31.csv").read_text()
    assert table.startswith("section,key,")
    assert ctx.store.db.execute("SELECT format FROM report_exports").fetchall() == [
        ("xlsx",), ("pdf",), ("pdf",), ("csv",)]  # each export recorded, with its hash
    # A scan on the dashboard opens the item at the gate.
    code = ctx.gate.take_in(coach, ctx.gate.prepare("books", "sale")).code
    scan(qtbot, code)
    assert window.stack.currentWidget() is window.gate
    assert panel(window, ItemPanel).card.heading.text().startswith(code)


def texts(widget: QWidget) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel) if label.isVisible()}


def no_sticks(dashboard: DashboardScreen, tmp_path: Path) -> None:
    """The dashboard's exports see no USB stick, whatever this machine has mounted."""
    (tmp_path / "no-mounts").write_text("")
    dashboard.exports.volumes = Volumes(mounts=tmp_path / "no-mounts", roots=())


def export(qtbot, window: MainWindow, kind: str) -> None:
    """"Export", then the kind of file (one place to save it: no question where)."""
    tap(qtbot, window.dashboard.export_button)
    answer(qtbot, window, kind)


def test_tiles_compare_the_pace_per_day_and_rates_in_points(
    qtbot, window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    """November so far (21 days, 20 kg) beside the same 21 days a year before (7 kg): per
    day, not against the whole of November 2025."""
    from datetime import UTC, datetime

    coach = ctx.auth.login("1111")
    clock.set(datetime(2025, 11, 5, 10, 0, tzinfo=UTC))
    ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale", 7000))
    clock.set(datetime(2025, 11, 28, 10, 0, tzinfo=UTC))  # after the 21st: not compared
    ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale", 50_000))
    clock.set(datetime(2026, 11, 21, 9, 0, tzinfo=UTC))
    for kg in (12, 8):
        ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale", kg * 1000))
    log_in(qtbot, window, "1234")
    window.show_place("dashboard")
    dashboard = window.dashboard
    tap(qtbot, dashboard.later)
    kg_in, reuse = dashboard.tiles["kg_in"], dashboard.tiles["reuse"]
    assert (kg_in.name, kg_in.change) == ("in", "+186 % vs 2025")
    assert (reuse.name, reuse.change) == ("reused", "0 pp vs 2025")


def test_only_the_coordinator_gets_the_dashboard(qtbot, window: MainWindow) -> None:
    log_in(qtbot, window, "1111")
    assert window.gate.top.place_button.text() == "Material out"
    window.show_place("dashboard")
    assert window.stack.currentWidget() is window.gate


def test_the_coordinator_marks_the_baseline_and_sets_targets_by_taps(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    from test_flow_screens import keypad

    from intake.monitoring import stored_baseline, stored_targets

    log_in(qtbot, window, "1234")
    window.show_place("dashboard")
    dashboard = window.dashboard
    tap(qtbot, dashboard.kind_buttons["quarter"])  # the last complete quarter
    tap(qtbot, dashboard.baseline_button)
    first = panel(window, BaselinePanel)
    assert "no baseline yet" in texts(first) and "01-07-2026 – 30-09-2026" in texts(first)
    tap(qtbot, first.yes_button)
    third_quarter = Period(date(2026, 7, 1), date(2026, 9, 30))
    assert stored_baseline(ctx.store.settings()) == third_quarter
    # Another period: the baseline it would replace beside it; "Cancel" keeps that one.
    tap(qtbot, dashboard.earlier)
    tap(qtbot, dashboard.baseline_button)
    second = panel(window, BaselinePanel)
    assert {"Baseline now", "01-07-2026 – 30-09-2026", "New baseline",
            "01-04-2026 – 30-06-2026"} <= texts(second)
    assert second.yes_button.text() == "Yes, replace the baseline"
    tap(qtbot, second.no_button)
    assert stored_baseline(ctx.store.settings()) == third_quarter
    tap(qtbot, dashboard.baseline_button)
    tap(qtbot, panel(window, BaselinePanel).yes_button)
    assert stored_baseline(ctx.store.settings()).first == date(2026, 4, 1)
    # Each replacement is a new record of who and when, the old value kept in it.
    assert ctx.store.db.execute(
        "SELECT old_value, new_value FROM config_changes WHERE what = 'setting baseline_from' "
        "ORDER BY at, rowid").fetchall() == [(None, "2026-07-01"), ("2026-07-01", "2026-04-01")]
    tap(qtbot, dashboard.later)
    tap(qtbot, dashboard.target_button)
    answer(qtbot, window, "reuse_rate")
    keypad(qtbot, window, "60")
    assert stored_targets(ctx.store.settings(), 2026) == {"reuse_rate": 60.0}
    tap(qtbot, dashboard.target_button)
    answer(qtbot, window, "reuse_rate")
    keypad(qtbot, window, "250")  # more than 100 %
    assert dashboard.banner.is_error()
    assert stored_targets(ctx.store.settings(), 2026) == {"reuse_rate": 60.0}


def test_an_export_goes_to_the_usb_stick_tapped(qtbot, window: MainWindow, ctx: AppContext,
                                                tmp_path: Path) -> None:
    """With a stick in, "Export" asks where: the stick by its label, or this computer."""
    from ui.widgets.panels import ChoicePanel

    stick = tmp_path / "media" / "anna" / "KINGSTON"
    stick.mkdir(parents=True)
    (tmp_path / "mounts").write_text(f"/dev/sdb1 {stick} vfat rw 0 0\n")
    log_in(qtbot, window, "1234")
    window.show_place("dashboard")
    dashboard = window.dashboard
    dashboard.exports.volumes = Volumes(tmp_path / "mounts", roots=(tmp_path / "media",))
    export(qtbot, window, "xlsx")
    where = panel(window, ChoicePanel)
    assert [b.text() for b in where.option_buttons.values()] == [
        "USB stick KINGSTON", "Documents folder on this computer"]
    tap(qtbot, where.option_buttons["0"])
    name = "report-2026-10-01-2026-10-31.xlsx"
    assert (stick / name).read_bytes().startswith(b"PK")  # a workbook is a zip
    assert dashboard.banner.text() == f"Saved on USB stick KINGSTON: {name}"
    export(qtbot, window, "pdf")
    (tmp_path / "mounts").write_text("")  # pulled out while the question was up
    tap(qtbot, panel(window, ChoicePanel).option_buttons["0"])
    assert dashboard.banner.is_error()
    assert dashboard.banner.text() == (
        "USB stick KINGSTON is gone: was it pulled out? Nothing was saved.")
    assert sorted(os.listdir(stick)) == [name]


def test_the_export_folder_is_offered_once_set(qtbot, window: MainWindow, ctx: AppContext,
                                               coordinator: User, tmp_path: Path) -> None:
    """A folder the coordinator set (a share, say) is offered beside this computer's; one
    that is not there is refused, and the setting stays as it was."""
    from intake.errors import ValidationError
    from ui.widgets.panels import ChoicePanel

    with pytest.raises(ValidationError, match="is not there"):
        ctx.admin.set_export_folder(coordinator, str(tmp_path / "share"))
    assert ctx.settings().export_folder == ""
    (tmp_path / "share").mkdir()
    ctx.admin.set_export_folder(coordinator, str(tmp_path / "share"))
    log_in(qtbot, window, "1234")
    window.show_place("dashboard")
    no_sticks(window.dashboard, tmp_path)
    export(qtbot, window, "csv")
    where = panel(window, ChoicePanel)
    assert [b.text() for b in where.option_buttons.values()] == [
        "Folder share", "Documents folder on this computer"]
    tap(qtbot, where.option_buttons["0"])
    assert (tmp_path / "share" / "report-2026-10-01-2026-10-31.csv").exists()
    assert window.dashboard.banner.text() == (
        "Saved in the folder share: report-2026-10-01-2026-10-31.csv")


def test_the_baseline_question_compares_paces_with_the_lengths_shown(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    """A quarter's totals beside a month's looked like a drop: the panel shows per week."""
    from intake.comparisons import counted_days

    coach = ctx.auth.login("1111")
    for kg in (12, 9):
        ctx.gate.take_in(coach, ctx.gate.prepare("furniture", "sale", kg * 1000))
    dashboard = window.dashboard
    quarter = dashboard.report(Period(date(2026, 8, 1), date(2026, 11, 20)))
    month = dashboard.report(Period(date(2026, 11, 1), date(2026, 11, 21)))
    shown = texts(BaselinePanel(window, ctx.language, month, quarter).open())
    assert {"Length", "Items in per week", "Kg in per week", "Revenue per week"} <= shown
    assert {"112 days", "21 days"} <= shown and counted_days(month) == 21
    assert {"0.7", "7.0 kg", "0.0", "0.0 kg"} <= shown  # 2 items, 21 kg in 3 weeks; none before
    assert "21 kg" not in shown  # no total beside a total of another length

"""Before the coordinator changes something that counts earlier periods by its new value too,
the settings screen says how many exports of earlier periods hold the old figures and asks
(issue 14, point 7); with none, it saves at once."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QLabel
from taps import tap
from test_admin_screen import open_panel, select

from db import Store
from intake.clock import FixedClock
from intake.eu_reuse import EuCategory, eu_mapping
from intake.model import Route, User
from intake.monitoring import Period
from intake.report_formats import figures_json
from ui.app import build_context
from ui.screens.admin import AdminScreen
from ui.screens.figures_panels import BaselinePanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


def screen_in(qtbot, store: Store, clock: FixedClock, coordinator: User,
              lang: str) -> AdminScreen:
    ctx = build_context(store, clock, lang)
    ctx.gate.take_in(coordinator, ctx.gate.prepare("bicycles", Route.SALE, 14_000), None,
                     datetime(2026, 10, 12, 10, 0, tzinfo=UTC))
    report = ctx.report(OCTOBER)
    for _ in range(2):  # October exported twice
        ctx.record_export(ctx.provenance(OCTOBER), report, "pdf", b"%PDF")
    assert figures_json(report.total)["kg_in"] == 14.0
    screen = AdminScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    screen.enter(coordinator)
    return screen


def eu_of_bicycles(store: Store) -> EuCategory:
    return eu_mapping(store.settings(), store.categories())["bicycles"]


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "This also changes the figures of earlier periods: 2 exports of earlier periods "
           "hold the old figures. Save the change?"),
    ("nl", "Dit verandert ook de cijfers van eerdere periodes: 2 exports van eerdere periodes "
           "hebben nog de oude cijfers. Wijziging opslaan?")])
def test_a_change_asks_first_naming_the_exports_it_touches(
        qtbot, store: Store, clock: FixedClock, coordinator: User, lang: str,
        question: str) -> None:
    screen = screen_in(qtbot, store, clock, coordinator, lang)
    section = screen.sections["categories"]
    select(screen, "categories", "bicycles")
    for yes in (False, True):
        tap(qtbot, section.eu)
        tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["construction"])
        panel = open_panel(screen, ConfirmPanel)
        assert panel.title.text() == question
        assert eu_of_bicycles(store) is EuCategory.OTHER  # nothing saved before the answer
        tap(qtbot, panel.yes_button if yes else panel.no_button)
    assert eu_of_bicycles(store) is EuCategory.CONSTRUCTION
    tap(qtbot, section.eu)  # the same again changes nothing: no question
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["construction"])
    assert not [p for p in screen.window().findChildren(ConfirmPanel) if p.isVisible()]


def test_a_change_no_export_holds_is_saved_at_once(
        qtbot, store: Store, clock: FixedClock, coordinator: User) -> None:
    screen = screen_in(qtbot, store, clock, coordinator, "en")
    select(screen, "categories", "books")  # no books in October
    tap(qtbot, screen.sections["categories"].eu)
    tap(qtbot, open_panel(screen, ChoicePanel).option_buttons["textiles"])
    assert not [p for p in screen.window().findChildren(ConfirmPanel) if p.isVisible()]
    assert eu_mapping(store.settings(), store.categories())["books"] is EuCategory.TEXTILES


def test_the_baseline_question_names_the_exports_it_touches(
        qtbot, store: Store, clock: FixedClock, coordinator: User) -> None:
    screen = screen_in(qtbot, store, clock, coordinator, "nl")
    ctx = screen.ctx
    panel = BaselinePanel(screen, ctx.language, ctx.report(OCTOBER), None,
                          ctx.exports_touched("baseline", None))
    panel.open()
    assert ("Dit verandert ook de cijfers van eerdere periodes: 2 exports van eerdere "
            "periodes hebben nog de oude cijfers.") in {
        label.text() for label in panel.findChildren(QLabel)}

"""The dashboard's "Alle locaties" on a real PostgreSQL hub (issue 13): a network coordinator
sees every site's figures added up and per site, read in the background; the hub out of
reach is a short Dutch message and the last figures stay with their time; an export says
where it comes from; a coordinator not (yet) of the network is not offered it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QCoreApplication, QEvent
from taps import log_in, tap

from db import Store
from intake.clock import SystemClock
from tests.cli_run import run, run_on
from tests.hub_server import HubServer
from tests.test_hub_screen import _open_panel, _station
from tests.test_hub_sync import DAYS
from ui.app import build_context
from ui.main_window import MainWindow
from ui.widgets.panels import ChoicePanel

WAIT_MS = 20_000


@pytest.fixture
def network(capsys, hub_url: str, monkeypatch, tmp_path: Path) -> Path:
    """Two sites on a hub whose figures `report --hub` made: Zwolle (this station, one item)
    and Kampen (two); Zwolle's coordinator is the network's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the report's site copies
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    zwolle = _station(capsys, tmp_path, "zwolle", "A", history=True)
    kampen = tmp_path / "kampen.sqlite"
    assert run_on(capsys, kampen, "init", "--site", "Kampen", "--station", "A")[0] == 0
    for _ in range(2):
        assert run_on(capsys, kampen, "intake", "--category", "books", "--route", "sale")[0] == 0
    for db, site in ((zwolle, "Zwolle"), (kampen, "Kampen")):
        assert run_on(capsys, db, "station", "join", "--hub", hub_url, "--site", site)[0] == 0
    assert run(capsys, "report", "--hub", hub_url, *DAYS, "--out",
               str(tmp_path / "all.json"))[0] == 0
    store = Store.open(zwolle)
    store.set_setting("document_folder", str(tmp_path / "documents"))
    store.close()
    return zwolle


@pytest.fixture
def window(qtbot, network: Path) -> Iterator[MainWindow]:
    """Zwolle's app, its coordinator logged in, on the dashboard's year."""
    store = Store.open(network)
    ctx = build_context(store, SystemClock(), "nl")
    window = MainWindow(ctx)
    window.resize(1280, 800)  # a station's screen: the top bar shows its actions unfolded
    window.show()
    ctx.sync.start()
    log_in(qtbot, window, "1234")
    window.show_place("dashboard")
    dashboard = window.dashboard
    dashboard.kind, dashboard.day = "year", dashboard.today()
    dashboard.refresh()
    yield window
    window.logout()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ctx.language.apply("en")  # the tests after this one read English
    ctx.sync.stop()
    ctx.printer_queue.wait()
    ctx.printer_queue.stop()  # no retry left to fire on the closed file
    store.close()


def _scopes(qtbot, window: MainWindow) -> ChoicePanel:
    tap(qtbot, window.dashboard.scope_button)
    panel = _open_panel(window, ChoicePanel)
    assert isinstance(panel, ChoicePanel)
    return panel


def test_a_network_coordinator_sees_all_sites(qtbot, capsys, network: Path,
                                             window: MainWindow, hub_server: HubServer,
                                             tmp_path: Path) -> None:
    dashboard = window.dashboard
    assert "network" not in _scopes(qtbot, window).option_buttons
    tap(qtbot, _open_panel(window, ChoicePanel).cancel_button)
    # Marked meanwhile (here from the command line): offered from the next visit on.
    assert run_on(capsys, network, "network-coordinator", "Coördinator")[0] == 0
    window.show_place("gate")
    window.show_place("dashboard")
    panel = _scopes(qtbot, window)
    assert list(panel.option_buttons) == ["site", "A", "network"]
    assert panel.option_buttons["network"].text() == "Alle locaties"
    tap(qtbot, panel.option_buttons["network"])
    assert dashboard.scope_button.text() == "Alle locaties"
    assert dashboard.network.label.text() == "Cijfers van alle locaties ophalen bij de hub…"
    period = dashboard.period()
    qtbot.waitUntil(lambda: dashboard.network.read(period) is not None, timeout=WAIT_MS)
    assert dashboard.network.label.text().startswith("2 locaties, cijfers van de hub van ")
    assert dashboard.report(period).total.items_in == 3  # one and two
    assert dashboard.tiles["kg_in"].value.endswith("kg")
    assert dashboard.categories.title == "Kg in per locatie · hergebruikpercentage"
    assert [bar.label for bar in dashboard.categories.bars] == ["Kampen", "Zwolle"]
    # An export of every site's figures says where they come from, and is not recorded
    # among this site's exports.
    tap(qtbot, dashboard.export_button)
    tap(qtbot, _open_panel(window, ChoicePanel).option_buttons["xlsx"])
    [saved] = (tmp_path / "documents").glob("*.xlsx")
    assert saved.name == f"netwerk-rapport-{period.first}-{period.last}.xlsx"
    sheet = load_workbook(saved)["Herkomst"]
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row]
    assert "Alle locaties, van de hub" in cells and "Kampen" in cells
    assert window.ctx.store.db.execute("SELECT count(*) FROM report_exports").fetchone() == (0,)
    # The hub out of reach: a short message, the figures last read stay with their time.
    hub_server.stop()
    try:
        window.show_place("gate")
        window.show_place("dashboard")
        qtbot.waitUntil(lambda: dashboard.network.label.text().startswith(
            "De hub is niet bereikbaar. Cijfers van "), timeout=WAIT_MS)
    finally:
        hub_server.start()
    assert dashboard.report(period).total.items_in == 3


"""Backups in the app (at start, on demand, a failure shown to the coordinator) and the screen
that offers a restore when the database at start cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from db import Store
from db.backup import list_backups, write_backup
from intake.clock import FixedClock
from intake.errors import StorageError
from intake.model import User
from ui.app import Startup, build_context, open_store
from ui.i18n import Language
from ui.main_window import MainWindow
from ui.screens.recovery import RecoveryScreen
from ui.widgets.panels import ConfirmPanel


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "ambacht.sqlite"
    open_store(path, clock).close()
    return path


def test_a_backup_at_start_then_only_when_a_day_old(qtbot, db: Path, clock: FixedClock) -> None:
    ctx = build_context(Store.open(db), clock, "nl")
    with qtbot.waitSignal(ctx.backups.done, timeout=20_000) as done:
        ctx.backups.start()
    assert Path(done.args[0]).parent == db.parent / "backups"
    assert ctx.backups.latest() == clock.now().replace(microsecond=0)
    clock.advance(hours=23)
    ctx.backups.back_up_if_due()
    assert not ctx.backups.running()
    clock.advance(hours=1)
    with qtbot.waitSignal(ctx.backups.done, timeout=20_000):
        ctx.backups.back_up_if_due()
    assert len(list_backups(db.parent / "backups")) == 2
    ctx.store.close()


def test_a_failed_backup_is_shown_to_the_coordinator_and_the_gate_goes_on(
    qtbot, db: Path, clock: FixedClock, tmp_path: Path
) -> None:
    store = Store.open(db)
    store.set_setting("backup_folder", str(tmp_path / "unplugged-stick"))
    ctx = build_context(store, clock, "nl")
    coordinator = ctx.auth.set_first_pin("1234")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(ctx.backups.failed, timeout=20_000):
        ctx.backups.back_up_now()
    assert ctx.backups.last_error is not None
    window.on_logged_in(coordinator)
    banner = window.gate.banner
    assert banner.is_error() and "USB-stick" in banner.text()
    admin = window.admin
    window.show_admin()
    admin.show_section("station")
    rows = [admin.sections["station"].rows.item(i).text()
            for i in range(admin.sections["station"].rows.count())]
    assert any("unplugged-stick" in row for row in rows)
    assert any(row.startswith("De laatste back-up is mislukt") for row in rows)


def test_back_up_now_in_the_settings(qtbot, db: Path, clock: FixedClock) -> None:
    store = Store.open(db)
    ctx = build_context(store, clock, "en")
    coordinator: User = ctx.auth.set_first_pin("1234")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.on_logged_in(coordinator)
    window.show_admin()
    window.admin.show_section("station")
    section = window.admin.sections["station"]
    window.admin.show_message("The folder 't' is not there.", True)  # older news
    with qtbot.waitSignal(ctx.backups.done, timeout=20_000):
        qtbot.mouseClick(section.back_up, Qt.MouseButton.LeftButton)
        assert window.admin.banner.text() == "Backing up…"  # at once, the old red one gone
        assert not window.admin.banner.is_error()
    # The time as the screen shows times (the site's local time), no path.
    assert window.admin.banner.text() == "Backup saved at 10:00."
    rows = [section.rows.item(i).text() for i in range(section.rows.count())]
    assert "Latest backup: 21-11-2026 10:00" in rows


def test_a_damaged_database_at_start_offers_its_backups(
    qtbot, db: Path, clock: FixedClock
) -> None:
    store = Store.open(db)
    store.close()
    (db.parent / "backups").mkdir()
    write_backup(db, db.parent / "backups" / "ambacht-2026-11-20T170000Z.sqlite")
    db.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4096)  # the disk mangled it
    with pytest.raises(StorageError) as refused:
        open_store(db, clock)
    language = Language()
    language.apply("nl")
    screen = RecoveryScreen(refused.value, db, clock, language)
    qtbot.addWidget(screen)
    screen.show()
    [(path, button)] = screen.choices.items()
    assert button.text() == "Back-up van 20-11-2026 18:00 · 0 artikelen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [panel] = [p for p in screen.findChildren(ConfirmPanel) if p.isVisible()]
    with qtbot.waitSignal(screen.restored):
        qtbot.mouseClick(panel.yes_button, Qt.MouseButton.LeftButton)
    assert open_store(db, clock).settings()["station"] == "A"  # the app starts normally
    kept = list(db.parent.glob("ambacht.sqlite.before-restore-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"SQLite format 3\x00\x13")


def test_a_bad_backup_is_refused_on_the_screen(qtbot, db: Path, clock: FixedClock) -> None:
    (db.parent / "backups").mkdir()
    bad = db.parent / "backups" / "ambacht-2026-11-20T170000Z.sqlite"
    good = write_backup(db, db.parent / "copy.sqlite").path
    bad.write_bytes(good.read_bytes()[:4096])  # a copy cut short
    language = Language()
    language.apply("en")
    screen = RecoveryScreen(StorageError("{path} is not an Ambacht database.", path=str(db)),
                            db, clock, language)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.restore(bad) is None
    assert screen.banner.is_error() and "damaged" in screen.banner.text()
    assert not list(db.parent.glob("*.before-restore-*"))


def test_damage_found_after_start_closes_the_app_and_offers_the_backups(
    qtbot, db: Path, clock: FixedClock
) -> None:
    """The file opens (its schema reads) but a page of the items is scribbled: the check that
    runs right after start finds it, and the recovery screen replaces the app."""
    import sqlite3


    store = Store.open(db)
    store.close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * page: root * page] = b"\x07" * page
    db.write_bytes(bytes(data))
    assert "beschadigd" in recovery_after_start(qtbot, db, clock)


def recovery_after_start(qtbot, db: Path, clock: FixedClock) -> str:
    """Start the app on `db` (in Dutch), wait for the check after start to find the file
    unusable, and return what the recovery screen that replaced the app's window says."""
    startup = Startup(db, clock, "nl")
    with qtbot.waitSignal(startup.damaged, timeout=20_000):
        startup.begin()
    qtbot.waitUntil(lambda: bool(startup.windows) and isinstance(
        startup.windows[-1].centralWidget(), RecoveryScreen), timeout=5000)
    [recovery] = startup.windows
    assert recovery.isVisible() and not startup.contexts
    texts = " ".join(label.text() for label in recovery.centralWidget().findChildren(QLabel))
    recovery.close()
    return texts

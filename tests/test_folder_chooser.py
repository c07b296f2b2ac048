"""A folder chosen by taps (issue 15): the export and backup folders were a full path typed on
a keyboard without "/", which a physical keyboard could not reach, an empty OK said "Saved."
and changed nothing, and the only folder offered was a system mount."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from taps import tap
from test_admin_screen import open_panel, screen, select  # noqa: F401 - the screen fixture

from intake.errors import ValidationError
from intake.export_places import Volumes
from intake.folders import checked_folder, starts, subfolders
from ui.screens.admin import AdminScreen
from ui.widgets.folder_chooser import FolderPanel
from ui.widgets.keyboard import TextEntryPanel


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for folder in ("Documents/rapporten", "Documents/.cache", "Downloads"):
        (home / folder).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))  # Path.home() on Linux
    return home


def stick(tmp_path: Path) -> Volumes:
    """A USB stick labelled DATA, as the desktop mounts one (under /media/USER)."""
    media = tmp_path / "media"
    (media / "sanne" / "DATA" / "backups").mkdir(parents=True)
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sdb1 {media / 'sanne' / 'DATA'} vfat rw 0 0\n"
                      "tmpfs /mnt/sandboxing tmpfs rw 0 0\n")
    return Volumes(mounts, roots=(media,), blocks=tmp_path / "no-blocks")


def test_places_are_sticks_home_and_documents_never_a_system_mount(
        tmp_path: Path, home: Path) -> None:
    found = starts(stick(tmp_path), home)
    assert [(s.kind, s.label, s.path) for s in found] == [
        ("stick", "DATA", tmp_path / "media" / "sanne" / "DATA"), ("home", "", home),
        ("documents", "", home / "Documents")]
    assert subfolders(home) == [home / "Documents", home / "Downloads"]
    assert subfolders(home / "Documents") == [home / "Documents" / "rapporten"]  # no hidden
    assert subfolders(tmp_path / "pulled-out") == []


@pytest.mark.parametrize(("typed", "says"), [
    ("", "Choose a folder"), ("   ", "Choose a folder"), ("t", "is not a full folder path"),
    ("/nowhere/at/all", "is not there")])
def test_a_folder_that_will_not_do_is_refused(typed: str, says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        checked_folder(typed)


def test_the_export_folder_is_chosen_by_taps(
        qtbot, screen: AdminScreen, home: Path) -> None:  # noqa: F811
    section = screen.sections["station"]
    tap(qtbot, screen.tabs["station"])
    select(screen, "station", "export_folder")
    tap(qtbot, section.change)
    panel = open_panel(screen, FolderPanel)
    assert not panel.use_button.isEnabled()  # a place first
    names = [panel.rows.item(n).text() for n in range(panel.rows.count())]
    assert "Home folder" in names and "Documents folder" in names
    assert not any("/mnt" in name for name in names)

    def open_row(text: str) -> None:
        [row] = [panel.rows.item(n) for n in range(panel.rows.count())
                 if panel.rows.item(n).text() == text]
        qtbot.mouseClick(panel.rows.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.rows.visualItemRect(row).center())

    open_row("Home folder")
    assert [panel.rows.item(n).text() for n in range(panel.rows.count())] == [
        "Documents", "Downloads"]
    open_row("Documents")
    assert panel.where.text() == "In Home folder › Documents"
    tap(qtbot, panel.up_button)
    open_row("Downloads")
    tap(qtbot, panel.use_button)
    assert screen.ctx.settings().export_folder == str(home / "Downloads")
    assert screen.banner.text() == "Saved."


def test_a_typed_folder_is_checked_and_a_physical_keyboard_types_it(
        qtbot, screen: AdminScreen, home: Path) -> None:  # noqa: F811
    section = screen.sections["station"]
    tap(qtbot, screen.tabs["station"])
    select(screen, "station", "backup_folder")
    before = screen.ctx.settings().backup_folder
    tap(qtbot, section.change)
    panel = open_panel(screen, FolderPanel)
    tap(qtbot, panel.type_button)
    typed = open_panel(screen, TextEntryPanel)
    assert "/" in typed.keys and "?" not in typed.keys  # a path's keys
    tap(qtbot, typed.ok_button)  # empty: refused, nothing saved, the chooser stays
    assert panel.isVisible() and panel.message.text() == "Choose a folder, or tap Cancel."
    assert screen.ctx.settings().backup_folder == before
    tap(qtbot, panel.type_button)
    typed = open_panel(screen, TextEntryPanel)
    QTest.keyClicks(typed, str(home / "Documents" / "rapporten"))  # slowly, by a person
    assert typed.text() == str(home / "Documents" / "rapporten")
    QTest.keyClick(typed, Qt.Key.Key_Return)
    assert screen.ctx.settings().backup_folder == str(home / "Documents" / "rapporten")

"""The kiosk and the panel's size: `--fullscreen` fills the screen on a bare X server, with no
window manager to act on "full screen"; a new screen size starts the app again; `--panel-dpi`
refuses nonsense in one line (issue 15)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main

PROBE = Path(__file__).resolve().parent / "kiosk_probe.py"
TOOLS = ("xvfb-run", "xdotool", "xwininfo")


@pytest.mark.skipif(any(shutil.which(tool) is None for tool in TOOLS),
                    reason="needs xvfb-run, xdotool and xwininfo")
@pytest.mark.parametrize("screen", ["1024x768", "1280x800", "1920x1080"])
def test_fullscreen_fills_a_screen_without_a_window_manager(tmp_path: Path, screen: str
                                                             ) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "XDG_DATA_HOME": str(tmp_path)}
    for _attempt in range(3):  # `xvfb-run -a` may pick a display another one takes first
        done = subprocess.run(
            ["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", sys.executable, str(PROBE),
             str(tmp_path / "kiosk.sqlite")], capture_output=True, text=True, env=env,
            timeout=120, check=False)
        if "could not connect to display" not in done.stderr:
            break
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    width, height = (int(n) for n in screen.split("x"))
    assert shown == {"window": [0, 0, width, height], "screen": [width, height]}


@pytest.mark.parametrize("value", ["0", "49", "401", "lots", "-96", "96.5"])
def test_a_panel_dpi_out_of_range_is_refused_in_one_line(capsys, value: str) -> None:
    assert main(["--panel-dpi", value]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--panel-dpi" in err and "50 to 400" in err


def test_a_new_screen_size_starts_the_app_again(tmp_path: Path) -> None:
    """'Start again' after a new size ends the event loop with RESTART: the app builds its
    window again at the new size, on the same file, without the process ending."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("restart_child.py")),
         str(tmp_path / "a.sqlite")], capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["exit"] == 0
    first, second = shown["px_per_mm"]
    assert first == pytest.approx(96 / 25.4)
    assert second == pytest.approx(first * 0.8)

"""Feedback that is hard to miss (issue 15, point 3): the saved and error sounds, per station
and screen, and their setting. Runs offscreen without a sound card: `Sounds.played` says
what went to the speaker."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from taps import log_in, tap

from db import Store
from intake.clock import FixedClock
from intake.errors import ValidationError
from intake.model import Route, User
from ui.app import build_context
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.sounds import ERROR, FOLDER, SAVED


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, shop_clerk: User,
        tmp_path: Path) -> AppContext:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    return build_context(store, clock, "nl")


@pytest.fixture
def played(ctx: AppContext) -> list[str]:
    sounds: list[str] = []
    ctx.sounds.played.connect(sounds.append)
    return sounds


def save_an_item(qtbot, window: MainWindow) -> None:
    gate = window.gate
    tap(qtbot, gate.visit_start.buttons[None])
    tap(qtbot, gate.categories.tiles["toys"])
    tap(qtbot, gate.weight.standard_button)
    tap(qtbot, gate.weight.route_buttons[Route.SALE])


def test_the_gate_sounds_a_saved_item_and_an_error_by_default(
    qtbot, window: MainWindow, ctx: AppContext, played: list[str]
) -> None:
    log_in(qtbot, window, "1111")
    save_an_item(qtbot, window)
    assert window.gate.saved.isVisible() and played == [SAVED]
    tap(qtbot, window.gate.categories.tiles["toys"])
    tap(qtbot, window.gate.weight.keypad.buttons["0"])
    tap(qtbot, window.gate.weight.route_buttons[Route.SALE])  # 0 kg: refused
    assert window.gate.banner.is_error() and played == [SAVED, ERROR]


def test_the_till_is_quiet_by_default_and_sounds_when_the_station_says_so(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User, played: list[str]
) -> None:
    log_in(qtbot, window, "3333")
    window.on_scan("A999999")  # no such item
    assert window.shop.banner.is_error() and played == []
    ctx.admin.set_sound(coordinator, "on")
    window.on_scan("A999998")
    assert played == [ERROR]


def test_sound_off_silences_the_gate(
    qtbot, window: MainWindow, ctx: AppContext, coordinator: User, played: list[str]
) -> None:
    ctx.admin.set_sound(coordinator, "off")
    log_in(qtbot, window, "1111")
    save_an_item(qtbot, window)
    assert window.gate.saved.isVisible() and played == []


def test_a_bad_sound_setting_is_refused_and_changes_nothing(
    ctx: AppContext, coordinator: User
) -> None:
    ctx.admin.set_sound(coordinator, "off")
    with pytest.raises(ValidationError) as refused:
        ctx.admin.set_sound(coordinator, "loud")
    assert ctx.language.error(refused.value) == "Geluid staat aan, uit of op de standaard."
    assert ctx.settings().sound is False


def test_the_sounds_are_short_and_different() -> None:
    lengths = {}
    for name in (SAVED, ERROR):
        with wave.open(str(FOLDER / f"{name}.wav")) as sound:
            assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
            lengths[name] = sound.getnframes() / sound.getframerate()
            frames = sound.readframes(sound.getnframes())
        assert 0.1 < lengths[name] < 0.6
        assert max(frames) > 0  # not silence
    assert lengths[SAVED] < lengths[ERROR]  # the error is the longer, lower one


def test_the_effect_is_loaded_from_the_shipped_file(qtbot, ctx: AppContext) -> None:
    ctx.sounds.play(SAVED)  # no sound card here: silent, and no error
    effect = ctx.sounds._effects[SAVED]
    assert Path(effect.source().toLocalFile()) == FOLDER / "saved.wav"

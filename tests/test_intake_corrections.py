"""Putting right the category or weight an item was taken in with: a new step with a reason,
the replay and the figures following it, and every bad request refused with nothing changed."""

from __future__ import annotations

from datetime import date

import pytest
from bad_input import assert_translated

from db import Store
from intake.auth import AuthService
from intake.clock import FixedClock
from intake.errors import AmbachtError
from intake.events import IntakeCorrected, payload_of
from intake.gate import GateService
from intake.lifecycle import replay
from intake.model import Role, User
from intake.monitoring import Period, build_report

TODAY = Period(date(2026, 11, 21), date(2026, 11, 21))


def events(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM events").fetchone()[0]


def test_a_correction_is_a_step_and_the_figures_follow(
    store: Store, clock: FixedClock, gate: GateService, coach: User
) -> None:
    books = gate.take_in(coach, gate.prepare("books", "sale"))  # the standard weight
    before = build_report(store, TODAY, clock.now())  # the day's sums are cached now
    assert before.by_category["books"].grams_in == books.weight_g

    toys = gate.correct_intake(coach, books.code, "Wrong tile tapped", category="toys")
    assert (toys.category, toys.weight_g, toys.weight_estimated) == (
        "toys", gate.category("toys").standard_weight_g, True)  # an estimate follows the tile
    weighed = gate.correct_intake(coach, books.code, "Weighed again", weight_g=2_400)
    assert (weighed.category, weighed.weight_g, weighed.weight_estimated) == ("toys", 2_400,
                                                                              False)
    assert gate.correct_intake(coach, books.code, "Wrong tile after all",
                               category="books").weight_g == 2_400  # a weighed weight stays
    history = gate.history(weighed)
    fix = payload_of(history[2])
    assert isinstance(fix, IntakeCorrected) and history[2].reason == "Weighed again"
    assert (fix.from_category, fix.from_weight_g, fix.category, fix.weight_g) == (
        "toys", toys.weight_g, "toys", 2_400)
    now = gate.item(books.code)
    assert replay(now, history) == now

    after = build_report(store, TODAY, clock.now())
    assert after.by_category["books"].grams_in == 2_400
    assert after.total.grams_in == 2_400 and after.total.grams_in_measured == 2_400

    # The correction can itself be cancelled, like any step: the item is as it was before it.
    state, _ = gate.correct_last(coach, books.code, "Corrected the wrong item")
    assert (state.category, state.weight_g) == ("toys", 2_400)
    assert build_report(store, TODAY, clock.now()).by_category["toys"].grams_in == 2_400


@pytest.mark.parametrize(("change", "message"), [
    ({"category": "nonsense"}, "Unknown category"),
    ({"category": "books"}, "nothing to correct"),
    ({"weight_g": 0}, "more than 0"),
    ({"weight_g": 5_000_000}, "at most"),
    ({}, "nothing to correct"),
])
def test_a_bad_correction_changes_nothing(
    store: Store, gate: GateService, coach: User, change: dict[str, object], message: str,
) -> None:
    item = gate.take_in(coach, gate.prepare("books", "sale"))
    count = events(store)
    with pytest.raises(AmbachtError) as refused:
        gate.correct_intake(coach, item.code, "Weighed again", **change)  # type: ignore[arg-type]
    assert message in str(refused.value)
    assert_translated(refused.value)
    assert events(store) == count and gate.item(item.code) == item


def test_no_correction_without_a_reason_or_the_right_to_it(
    store: Store, gate: GateService, coach: User, auth: AuthService, coordinator: User
) -> None:
    item = gate.take_in(coach, gate.prepare("books", "sale"))
    colleague = auth.add_user(coordinator, "Ahmed", Role.COACH, "5555")
    count = events(store)
    for who, reason in ((coach, "x"), (colleague, "Weighed again")):
        with pytest.raises(AmbachtError):
            gate.correct_intake(who, item.code, reason, weight_g=3_000)
    gate.void(coach, item.code, "Entered twice")
    with pytest.raises(AmbachtError):
        gate.correct_intake(coordinator, item.code, "Weighed again", weight_g=3_000)
    assert events(store) == count + 1  # only the void


def test_the_command_line_corrects_category_and_weight(capsys, tmp_path) -> None:
    from cli_run import run_on
    from test_cli import snapshot

    db = tmp_path / "centre.sqlite"
    assert run_on(capsys, db, "init", "--site", "Ambacht Oss")[0] == 0
    run_on(capsys, db, "intake", "--category", "books", "--route", "sale")
    code, out, _ = run_on(capsys, db, "correct", "A000001", "--reason", "Wrong tile",
                          "--category", "toys", "--weight-kg", "2.4")
    assert (code, out) == (0, "A000001  now toys, 2.4 kg\n")
    before = snapshot(db)
    for bad in (["--weight-kg", "abc"], ["--category", "nonsense"], ["--weight-kg", "2.4"]):
        code, out, err = run_on(capsys, db, "correct", "A000001", "--reason", "Again", *bad)
        assert code == 2 and out == "" and len(err.splitlines()) == 1, (bad, err)
    assert snapshot(db) == before


def test_a_source_of_a_standing_product_is_neither_voided_nor_corrected(
    store: Store, clock: FixedClock, gate: GateService, coordinator: User,
) -> None:
    from bad_input import dump

    from intake.shop import ShopService
    from intake.workshop import WorkshopService

    workshop = WorkshopService(store, clock, "A")
    planks = [gate.take_in(coordinator, gate.prepare("wood", "material", 20_000)).code
              for _ in range(2)]
    table = workshop.repurpose(coordinator, planks, "furniture", 35_000)
    ShopService(store, clock, "A").sell(coordinator, [(table.code, 9_000)])
    before = dump(store.db.conn)
    for attempt in (
        lambda: gate.void(coordinator, planks[0], "Entered twice"),
        lambda: gate.correct_intake(coordinator, planks[0], "Weighed again", weight_g=2_000),
        lambda: gate.correct_intake(coordinator, planks[0], "Wrong tile", category="metal"),
        lambda: gate.correct_last(coordinator, planks[0], "Not used after all"),
    ):
        with pytest.raises(AmbachtError) as refused:
            attempt()
        assert str(refused.value) == (f"{planks[0]} is part of product {table.code}: void or "
                                      "correct the product first.")
        assert_translated(refused.value)
        assert dump(store.db.conn) == before
    total = build_report(store, TODAY, clock.now()).total
    assert total.grams_lost_in_making == 5_000 and total.reuse_rate == 35 / 40

    # Voiding the product itself gives its sources back; then they may be put right.
    gate.void(coordinator, table.code, "Made by mistake")
    assert gate.void(coordinator, planks[0], "Entered twice").voided


def test_the_command_line_refuses_to_void_a_source_of_a_product(capsys, tmp_path) -> None:
    from cli_run import run_on
    from test_cli import snapshot

    db = tmp_path / "centre.sqlite"
    assert run_on(capsys, db, "init", "--site", "Ambacht Oss")[0] == 0
    for _ in range(2):
        run_on(capsys, db, "intake", "--category", "wood", "--route", "material",
               "--weight-kg", "20")
    assert run_on(capsys, db, "repurpose", "--from", "A000001", "A000002",
                  "--category", "furniture", "--weight-kg", "35")[0] == 0
    before = snapshot(db)
    code, out, err = run_on(capsys, db, "void", "A000001", "--reason", "Entered twice")
    assert (code, out) == (2, "")
    assert err.strip().endswith(
        "A000001 is part of product A000003: void or correct the product first.")
    assert snapshot(db) == before

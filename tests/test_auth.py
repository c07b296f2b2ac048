"""PINs, first start, staff accounts and what each role may do."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from db import Store
from intake.auth import (
    LOCK_AFTER,
    LOCK_MAX_S,
    SYSTEM_USER_ID,
    Action,
    AuthService,
    LockedOut,
    format_wait,
    lock_seconds,
    may,
    verify_pin,
)
from intake.clock import FixedClock
from intake.errors import NotAllowed, NotFound, ValidationError
from intake.model import Role, User


def test_first_start_needs_a_coordinator_pin(auth: AuthService) -> None:
    assert auth.needs_first_pin()
    user = auth.set_first_pin("2468")
    assert user.role is Role.COORDINATOR and not auth.needs_first_pin()
    assert auth.login("2468").id == user.id
    with pytest.raises(NotAllowed):
        auth.set_first_pin("1357")


def test_pins_are_stored_only_as_salted_hashes(
    store: Store, auth: AuthService, coordinator: User
) -> None:
    [(user_id, stored)] = store.pin_hashes()
    # A field, not a substring: random hex may well contain "1234".
    assert user_id == coordinator.id and "1234" not in stored.split("$")
    assert stored.startswith("scrypt$")
    assert verify_pin("1234", stored) and not verify_pin("1235", stored)
    other = auth.add_user(coordinator, "Kim", Role.STORE, "1235")
    hashes = dict(store.pin_hashes())
    assert hashes[other.id].split("$")[4] != stored.split("$")[4]  # different salts


@pytest.mark.parametrize("pin", ["", "12", "123456789", "12a4", "١٢٣٤", "1234 "])
def test_bad_pins_are_refused(auth: AuthService, pin: str) -> None:
    with pytest.raises(ValidationError):
        auth.set_first_pin(pin)


def test_wrong_pin_and_disabled_user_cannot_log_in(
    auth: AuthService, coordinator: User, coach: User
) -> None:
    with pytest.raises(ValidationError, match="Unknown PIN"):
        auth.login("9999")
    assert auth.login("1111").id == coach.id
    auth.update_user(coordinator, coach.id, name="Sanne", role=Role.COACH, active=False)
    with pytest.raises(ValidationError):
        auth.login("1111")


def test_pins_are_unique(auth: AuthService, coordinator: User) -> None:
    with pytest.raises(ValidationError, match="taken"):
        auth.add_user(coordinator, "Kim", Role.COACH, "1234")


def test_only_coordinators_manage_users(auth: AuthService, coach: User, coordinator: User) -> None:
    with pytest.raises(NotAllowed):
        auth.add_user(coach, "Eve", Role.COORDINATOR, "5555")
    with pytest.raises(NotAllowed):
        auth.update_user(coordinator, coordinator.id, name="x", role=Role.STORE, active=True)
    auth.change_pin(coach, coach.id, "4321")  # one's own PIN is always allowed
    assert auth.login("4321").id == coach.id


def test_system_account_is_not_a_staff_member(auth: AuthService, coordinator: User) -> None:
    assert SYSTEM_USER_ID not in {user.id for user in auth.users()}


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [(Role.COACH, Action.INTAKE, True), (Role.STORE, Action.INTAKE, False),
     (Role.WORKSHOP, Action.INTAKE, False), (Role.COACH, Action.MANAGE_CATEGORIES, False),
     (Role.COORDINATOR, Action.MANAGE_CATEGORIES, True)],
)
def test_role_table(role: Role, action: Action, allowed: bool) -> None:
    assert may(User(id="u", name="u", role=role), action) is allowed


def wrong_pins(auth: AuthService, count: int) -> None:
    for _ in range(count):
        with pytest.raises(ValidationError):
            auth.login("9999")


def test_five_wrong_pins_lock_the_station_for_a_growing_time(
    store: Store, clock: FixedClock, auth: AuthService, coach: User
) -> None:
    wrong_pins(auth, LOCK_AFTER - 1)
    assert auth.locked_until() is None
    with pytest.raises(LockedOut, match=r"Try again in 0:30") as locked:
        auth.login("9999")
    assert locked.value.until == clock.now() + timedelta(seconds=30)
    with pytest.raises(LockedOut, match="0:30"):  # even the right PIN is not looked at
        auth.login("1111")
    clock.advance(seconds=20)
    with pytest.raises(LockedOut, match="0:10"):
        auth.login("1111")
    # A restart (a new service on the same database) keeps the lock.
    assert AuthService(store, clock).locked_until() == locked.value.until
    clock.advance(seconds=10)
    assert auth.locked_until() is None
    with pytest.raises(LockedOut, match="1:00"):  # one more wrong PIN locks again, longer
        auth.login("9999")
    for minutes in (2, 4, 8, 15, 15):
        clock.set(auth.locked_until() or clock.now())
        with pytest.raises(LockedOut, match=f"{minutes}:00"):
            auth.login("9999")
    clock.advance(minutes=15)
    assert auth.login("1111").id == coach.id  # the right PIN after the lock clears the count
    wrong_pins(auth, LOCK_AFTER - 1)
    assert auth.locked_until() is None


def test_a_lock_is_per_station_and_wrong_pins_are_recorded_without_the_pin(
    store: Store, clock: FixedClock, auth: AuthService, coach: User
) -> None:
    wrong_pins(auth, LOCK_AFTER - 1)
    with pytest.raises(LockedOut):
        auth.login("8765")
    assert AuthService(store, clock, "B").login("1111").id == coach.id
    rows = store.db.execute("SELECT * FROM login_failures").fetchall()
    assert len(rows) == LOCK_AFTER and all(row[2] == "A" for row in rows)
    text = repr(store.db.execute("SELECT * FROM login_failures, login_guard").fetchall())
    assert "9999" not in text and "8765" not in text
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM login_failures")


def test_a_clock_set_back_does_not_lock_for_longer_than_the_longest_lock(
    clock: FixedClock, auth: AuthService, coach: User
) -> None:
    wrong_pins(auth, LOCK_AFTER - 1)
    with pytest.raises(LockedOut):
        auth.login("9999")
    clock.advance(days=-30)
    assert auth.locked_until() == clock.now() + timedelta(seconds=LOCK_MAX_S)


def test_the_lock_schedule() -> None:
    assert [lock_seconds(n) for n in range(1, 12)] == [
        0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]
    assert (format_wait(5), format_wait(60), format_wait(845)) == ("0:05", "1:00", "14:05")


def test_account_changes_are_recorded_with_station_and_never_the_pin(
    store: Store, auth: AuthService, coordinator: User, coach: User
) -> None:
    auth.update_user(coordinator, coach.id, name="Sanne B", role=Role.STORE, active=False)
    auth.change_pin(coordinator, coach.id, "7531")
    rows = store.db.execute(
        "SELECT station, user_id, what, old_value, new_value FROM config_changes").fetchall()
    assert [row[2] for row in rows] == ["user Sanne added", "user Sanne name", "user Sanne role",
                                        "user Sanne active", "user Sanne B PIN"]
    assert all(row[0] == "A" and row[1] == coordinator.id for row in rows)
    assert not any(pin in repr(rows) for pin in ("1111", "7531"))


def test_the_last_coordinator_stays(auth: AuthService, coordinator: User) -> None:
    other = auth.add_user(coordinator, "Noor", Role.COORDINATOR, "4444")
    system = auth.command_line_user(None, None)  # the command line's account is not staff
    with pytest.raises(NotAllowed, match="your own account"):
        auth.update_user(coordinator, coordinator.id, name="C", role=Role.COORDINATOR,
                         active=False)
    auth.update_user(coordinator, other.id, name="Noor", role=Role.COACH, active=True)
    with pytest.raises(NotAllowed, match="last coordinator"):
        auth.update_user(system, coordinator.id, name="C", role=Role.COORDINATOR, active=False)
    assert auth.login("1234").active


def test_the_command_line_user(auth: AuthService, coordinator: User, coach: User) -> None:
    assert auth.command_line_user(None, None).id == SYSTEM_USER_ID
    assert auth.command_line_user("  sanne ", None).id == coach.id
    assert auth.command_line_user(None, "1111").id == coach.id
    assert auth.command_line_user("Sanne", "1111").id == coach.id
    with pytest.raises(ValidationError, match="Unknown PIN"):
        auth.command_line_user("Sanne", "1234")  # a PIN, but not Sanne's
    with pytest.raises(NotFound, match="No active staff member"):
        auth.command_line_user("Command line", None)
    auth.add_user(coordinator, "SANNE", Role.STORE, "5555")
    with pytest.raises(ValidationError, match="More than one"):
        auth.command_line_user("Sanne", None)

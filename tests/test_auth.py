"""PINs, first start, staff accounts and what each role may do."""

from __future__ import annotations

import pytest

from db import Store
from intake.auth import (
    SYSTEM_USER_ID,
    Action,
    AuthService,
    may,
    verify_pin,
)
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
    other = auth.add_user(coordinator, "Kim", Role.SHOP, "1235")
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
        auth.update_user(coordinator, coordinator.id, name="x", role=Role.SHOP, active=True)
    auth.change_pin(coach, coach.id, "4321")  # one's own PIN is always allowed
    assert auth.login("4321").id == coach.id


def test_system_account_is_not_a_staff_member(auth: AuthService, coordinator: User) -> None:
    assert SYSTEM_USER_ID not in {user.id for user in auth.users()}


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [(Role.COACH, Action.INTAKE, True), (Role.SHOP, Action.INTAKE, False),
     (Role.WORKSHOP, Action.INTAKE, False), (Role.COACH, Action.MANAGE_CATEGORIES, False),
     (Role.COORDINATOR, Action.MANAGE_CATEGORIES, True)],
)
def test_role_table(role: Role, action: Action, allowed: bool) -> None:
    assert may(User(id="u", name="u", role=role), action) is allowed


def test_account_changes_are_recorded_with_station_and_never_the_pin(
    store: Store, auth: AuthService, coordinator: User, coach: User
) -> None:
    auth.update_user(coordinator, coach.id, name="Sanne B", role=Role.SHOP, active=False)
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
    assert auth.command_line_user("  sanne ", "1111").id == coach.id
    assert auth.command_line_user(None, "1111").id == coach.id
    with pytest.raises(ValidationError, match="Unknown PIN"):
        auth.command_line_user("Sanne", "1234")  # a PIN, but not Sanne's
    with pytest.raises(ValidationError, match="Acting as 'Sanne' needs that person's PIN"):
        auth.command_line_user("Sanne", None)  # a name alone once recorded the step as Sanne's
    for name, pin in (("", None), (" ", "1111"), ("", "")):
        with pytest.raises(ValidationError, match="The name is empty"):
            auth.command_line_user(name, pin)
    for name, pin in ((None, ""), ("Sanne", " ")):
        with pytest.raises(ValidationError, match="The PIN is empty"):
            auth.command_line_user(name, pin)
    with pytest.raises(NotFound, match="No active staff member"):
        auth.command_line_user("Command line", "1234")
    other = auth.add_user(coordinator, "SANNE", Role.SHOP, "5555")
    assert auth.command_line_user("Sanne", "5555").id == other.id  # of two, the PIN's
    assert auth.command_line_user("sanne", "1111").id == coach.id
    with pytest.raises(ValidationError, match="Unknown PIN"):
        auth.command_line_user("Sanne", "1234")

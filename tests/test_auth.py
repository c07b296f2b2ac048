"""PINs, first start, staff accounts and what each role may do."""

from __future__ import annotations

import pytest

from db import Store
from intake.auth import SYSTEM_USER_ID, Action, AuthService, may, verify_pin
from intake.errors import NotAllowed, ValidationError
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

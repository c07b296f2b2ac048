"""Who may do what, PIN hashing and logging in.

Login is by PIN alone (fast with gloves on), so PINs are unique per user. PINs are kept only as
salted scrypt hashes; checking a PIN means trying it against each user's hash, which at a
centre's ten to thirty staff stays well under a second.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from enum import StrEnum

from db import Store
from intake.clock import Clock
from intake.errors import QT_TRANSLATE_NOOP, NotAllowed, NotFound, ValidationError
from intake.ids import new_id
from intake.model import Role, User

SYSTEM_USER_ID = "system"  # the command line acts as this user; it has no PIN to log in with
PIN_MIN, PIN_MAX = 4, 8
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class Action(StrEnum):
    """Things a role may or may not do; checked in the services, not only by hiding buttons."""

    INTAKE = "intake"
    CORRECT_INTAKE = "correct_intake"
    REPAIR = "repair"  # start and finish repairs, record safety tests
    REPURPOSE = "repurpose"
    PRICE = "price"
    SELL = "sell"  # and take sold items back
    LABEL_IN_STORE = "label_in_store"  # give a code to an item that came from elsewhere
    MATERIAL_OUT = "material_out"
    MANAGE_CATEGORIES = "manage_categories"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"


ALLOWED: dict[Action, frozenset[Role]] = {
    Action.INTAKE: frozenset({Role.COACH, Role.COORDINATOR}),
    Action.CORRECT_INTAKE: frozenset({Role.COACH, Role.COORDINATOR}),
    Action.REPAIR: frozenset({Role.WORKSHOP, Role.COORDINATOR}),
    Action.REPURPOSE: frozenset({Role.WORKSHOP, Role.COORDINATOR}),
    Action.PRICE: frozenset({Role.WORKSHOP, Role.STORE, Role.COORDINATOR}),
    Action.SELL: frozenset({Role.STORE, Role.COORDINATOR}),
    Action.LABEL_IN_STORE: frozenset({Role.STORE, Role.COORDINATOR}),
    Action.MATERIAL_OUT: frozenset({Role.COACH, Role.WORKSHOP, Role.COORDINATOR}),
    Action.MANAGE_CATEGORIES: frozenset({Role.COORDINATOR}),
    Action.MANAGE_USERS: frozenset({Role.COORDINATOR}),
    Action.MANAGE_SETTINGS: frozenset({Role.COORDINATOR}),
}


def may(user: User, action: Action) -> bool:
    """Whether `user` may do `action` at all."""
    return user.active and user.role in ALLOWED[action]


def require(user: User, action: Action) -> None:
    """Raise NotAllowed unless `user` may do `action`."""
    if not may(user, action):
        raise NotAllowed(QT_TRANSLATE_NOOP("Errors", "Your role does not allow this."))


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of `pin`, with its parameters, as one string."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches a hash made by `hash_pin`."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p)
    )
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


def check_pin_format(pin: str) -> None:
    """PINs are 4 to 8 digits."""
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A PIN is {min} to {max} digits."), min=PIN_MIN, max=PIN_MAX
        )


def check_name(name: str) -> str:
    """A user's display name, trimmed; 1 to 40 printable characters."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 40 or not cleaned.isprintable():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A name is 1 to 40 characters."))
    return cleaned


class AuthService:
    """Logging in and managing staff accounts."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def needs_first_pin(self) -> bool:
        """True on a new database: no one can log in until the coordinator sets a PIN."""
        return not self.store.pin_hashes()

    def first_coordinator(self) -> User:
        """The coordinator account made at initialisation, whose PIN the first screen sets."""
        for user in self.store.users():
            if user.role is Role.COORDINATOR and user.id != SYSTEM_USER_ID:
                return user
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no coordinator account."))

    def set_first_pin(self, pin: str) -> User:
        """Set the first coordinator's PIN; refused once anyone has a PIN."""
        if not self.needs_first_pin():
            raise NotAllowed(QT_TRANSLATE_NOOP("Errors", "The first PIN has already been set."))
        user = self.first_coordinator()
        check_pin_format(pin)
        self.store.set_pin_hash(user.id, hash_pin(pin))
        return user

    def login(self, pin: str) -> User:
        """The active user whose PIN this is."""
        if pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX:
            for user_id, stored in self.store.pin_hashes():
                if verify_pin(pin, stored):
                    user = self.store.user(user_id)
                    if user is not None:
                        return user
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown PIN. Try again."))

    def users(self) -> list[User]:
        """Staff accounts, active and disabled, without the command line's own account."""
        return [u for u in self.store.users(include_inactive=True) if u.id != SYSTEM_USER_ID]

    def add_user(self, actor: User, name: str, role: Role, pin: str) -> User:
        """Create a staff account with its own unique PIN."""
        require(actor, Action.MANAGE_USERS)
        user = User(id=new_id(), name=check_name(name), role=role)
        pin_hash = self._new_pin_hash(pin)
        self.store.add_user(user, pin_hash, self.clock.now())
        return user

    def change_pin(self, actor: User, user_id: str, pin: str) -> None:
        """A user changes their own PIN; a coordinator may change anyone's."""
        if actor.id != user_id:
            require(actor, Action.MANAGE_USERS)
        self.store.set_pin_hash(self._existing(user_id).id, self._new_pin_hash(pin, user_id))

    def update_user(
        self, actor: User, user_id: str, *, name: str, role: Role, active: bool
    ) -> User:
        """Rename, change the role of, or disable/enable an account."""
        require(actor, Action.MANAGE_USERS)
        current = self._existing(user_id)
        if current.id == actor.id and (not active or role is not Role.COORDINATOR):
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "You cannot disable or demote your own account.")
            )
        updated = User(id=current.id, name=check_name(name), role=role, active=active)
        self.store.update_user(updated)
        return updated

    def _existing(self, user_id: str) -> User:
        user = self.store.user(user_id)
        if user is None or user.id == SYSTEM_USER_ID:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such user."))
        return user

    def _new_pin_hash(self, pin: str, owner_id: str | None = None) -> str:
        check_pin_format(pin)
        for user_id, stored in self.store.pin_hashes():
            if user_id != owner_id and verify_pin(pin, stored):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "This PIN is taken. Choose another one.")
                )
        return hash_pin(pin)

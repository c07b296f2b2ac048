"""Who may do what, PIN hashing, logging in and the lock after wrong PINs.

Login is by PIN alone (fast with gloves on), so PINs are unique per user. PINs are kept only as
salted scrypt hashes; checking a PIN means trying it against each user's hash, which at a
centre's ten to thirty staff stays well under a second. A four-digit PIN is guessed in at most
10,000 tries, so `LOCK_AFTER` wrong PINs within `LOCK_WINDOW` lock a station's keypad for a
while, longer for each further one (`lock_length`). Every wrong PIN is recorded in the
database and counted in the same write transaction, which first looks whether the station is
locked: parallel attempts are counted (or refused as locked, not counted) exactly as the same
attempts one after another, and a restart lifts nothing; a right PIN, anyone's, forgives none
of them.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
from dataclasses import replace
from datetime import datetime, timedelta
from enum import StrEnum

from db import Store
from db.shared_pins import note_checked, note_shared, shares, unchecked
from intake.clock import Clock
from intake.errors import QT_TRANSLATE_NOOP, NotAllowed, NotFound, ValidationError
from intake.ids import new_id
from intake.model import Role, User
from intake.text import clean_name

SYSTEM_USER_ID = "system"  # the command line acts as this user; it has no PIN to log in with
PIN_MIN, PIN_MAX = 4, 8
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
LOCK_AFTER = 5  # wrong PINs within LOCK_WINDOW that lock the keypad
LOCK_WINDOW = timedelta(minutes=10)
LOCK_FIRST_S, LOCK_MAX_S = 30, 15 * 60  # 30 s, then 1, 2, 4, 8 and at most 15 minutes


class Action(StrEnum):
    """Things a role may or may not do; checked in the services, not only by hiding buttons."""

    INTAKE = "intake"
    CORRECT_INTAKE = "correct_intake"
    REPAIR = "repair"  # start and finish repairs, record safety tests
    REPURPOSE = "repurpose"
    PRICE = "price"
    SELL = "sell"  # and take sold items back
    LABEL_IN_SHOP = "label_in_shop"  # give a code to an item that came from elsewhere
    MATERIAL_OUT = "material_out"
    MANAGE_CATEGORIES = "manage_categories"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    RESOLVE_CONFLICTS = "resolve_conflicts"  # between stations' steps (intake/conflicts.py)
    NETWORK_FIGURES = "network_figures"  # every site's on the hub: a coordinator marked so


ALLOWED: dict[Action, frozenset[Role]] = {
    Action.INTAKE: frozenset({Role.COACH, Role.COORDINATOR}),
    Action.CORRECT_INTAKE: frozenset({Role.COACH, Role.COORDINATOR}),
    Action.REPAIR: frozenset({Role.WORKSHOP, Role.COORDINATOR}),
    Action.REPURPOSE: frozenset({Role.WORKSHOP, Role.COORDINATOR}),
    Action.PRICE: frozenset({Role.WORKSHOP, Role.SHOP, Role.COORDINATOR}),
    Action.SELL: frozenset({Role.SHOP, Role.COORDINATOR}),
    Action.LABEL_IN_SHOP: frozenset({Role.SHOP, Role.COORDINATOR}),
    Action.MATERIAL_OUT: frozenset({Role.COACH, Role.WORKSHOP, Role.COORDINATOR}),
    Action.MANAGE_CATEGORIES: frozenset({Role.COORDINATOR}),
    Action.MANAGE_USERS: frozenset({Role.COORDINATOR}),
    Action.MANAGE_SETTINGS: frozenset({Role.COORDINATOR}),
    Action.RESOLVE_CONFLICTS: frozenset({Role.COORDINATOR}),
    Action.NETWORK_FIGURES: frozenset({Role.COORDINATOR}),
}


def may(user: User, action: Action) -> bool:
    """Whether `user` may do `action` at all (every site's figures: a coordinator marked as
    the network's, `User.network`)."""
    return user.active and user.role in ALLOWED[action] and (
        action is not Action.NETWORK_FIGURES or user.network)


def require(user: User, action: Action) -> None:
    """Raise NotAllowed unless `user` may do `action`."""
    if not may(user, action):
        raise NotAllowed(QT_TRANSLATE_NOOP("Errors", "Your role does not allow this."))


def lock_seconds(failures: int) -> int:
    """How long the keypad locks after `failures` wrong PINs within the window (0: not)."""
    if failures < LOCK_AFTER:
        return 0
    return min(LOCK_FIRST_S * 2 ** (failures - LOCK_AFTER), LOCK_MAX_S)


def lock_length(failures: int, previous_until: datetime | None, previous_s: int,
                now: datetime) -> int:
    """How long a wrong PIN at `now` locks the keypad, with `failures` wrong PINs (this one
    included) within the window: by their number, and at least twice the previous lock while
    it lasts or ended less than a window ago. Otherwise the window would forget the PINs
    before an 8-minute lock, and a guesser would get four free tries after every lock."""
    wait = lock_seconds(failures)
    if previous_until is not None and previous_s and now < previous_until + LOCK_WINDOW:
        wait = max(wait, min(2 * previous_s, LOCK_MAX_S))
    return wait


def lock_remaining(until: datetime | None, length_s: int, now: datetime) -> int:
    """Seconds left of a lock of `length_s` seconds ending at `until` (0: not locked).

    A lock runs from `until - length_s` to `until` by the clock. A clock set back to before
    its start cannot tell how long it has lasted; such a lock is over rather than stretched
    by the clock (the wrong PINs still count towards the next one)."""
    if until is None or not until - timedelta(seconds=length_s) <= now < until:
        return 0
    return seconds_until(until, now)


def format_wait(seconds: int) -> str:
    """A wait as minutes and seconds, '0:30' or '14:05', the same in every language."""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes}:{rest:02d}"


def seconds_until(until: datetime, now: datetime) -> int:
    """Whole seconds left until `until`, rounded up so a countdown never shows 0:00 early."""
    return max(0, math.ceil((until - now).total_seconds()))


class LockedOut(NotAllowed):
    """Too many wrong PINs: no PIN is checked at this station until `until` (UTC)."""

    def __init__(self, until: datetime, now: datetime) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Too many wrong PINs. Try again in {wait}."),
            wait=format_wait(seconds_until(until, now)),
        )
        self.until = until


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


class AuthService:
    """Logging in and managing staff accounts."""

    def __init__(self, store: Store, clock: Clock, station: str | None = None) -> None:
        """`station`: where PINs are typed, which a lock applies to (default: the database's
        own station)."""
        self.store = store
        self.clock = clock
        self.station = station or store.settings()["station"]

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
        with self.store.atomic():  # a full disk becomes a clear message here too
            self.store.set_pin_hash(user.id, hash_pin(pin))
        return user

    def login(self, pin: str) -> User:
        """The active user whose PIN this is; a wrong PIN counts towards locking the station."""
        return self._attempt(pin, None)

    def locked_until(self) -> datetime | None:
        """When this station takes PINs again after too many wrong ones; None if it does now."""
        until, length = self.store.login_guard.lock(self.station)
        return until if lock_remaining(until, length, self.clock.now()) else None

    def command_line_user(self, name: str | None, pin: str | None) -> User:
        """Who acts in a command (None: not given): the user whose PIN it is, or the active
        staff member of that name (case-insensitive) whose PIN it is. With neither, the
        built-in 'Command line' account, a coordinator. An empty name or PIN is refused, and
        so is a name without a PIN: a step is never recorded as a person who did not say so."""
        if name is not None and not name.strip():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The name is empty; give a staff member's name or leave it out."))
        if pin is not None and not pin.strip():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The PIN is empty; give a PIN or leave it out."))
        if name is None:
            if pin is not None:
                return self.login(pin)
            user = self.store.user(SYSTEM_USER_ID)
            assert user is not None, "initialize() creates the command line's account"
            return user
        if pin is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Acting as '{name}' needs that person's PIN (--pin or AMBACHT_PIN)."),
                name=name[:40])
        wanted = " ".join(name.split()).casefold()
        found = [u for u in self.users() if u.active and u.name.casefold() == wanted]
        if not found:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No active staff member is called "
                                                       "'{name}'."), name=name[:40])
        return self._attempt(pin, {u.id for u in found})  # of two of that name, the PIN's

    def _attempt(self, pin: str, user_ids: set[str] | None) -> User:
        """The user (one of `user_ids`, or anyone) whose PIN this is, unless the station is
        locked; any other PIN counts as wrong."""
        self._refuse_if_locked()
        if pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX:
            for owner, stored in self.store.pin_hashes():
                if (user_ids is None or owner in user_ids) and verify_pin(pin, stored):
                    user = self.store.user(owner)
                    if user is not None:
                        # Wrong PINs tried in parallel may have locked the station while this
                        # one was checked: then it is refused too, so that guesses run side by
                        # side learn nothing after the lock.
                        self._refuse_if_locked()
                        self._refuse_if_shared(owner, stored, pin)
                        return user
        self._count_wrong_pin()
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown PIN. Try again."))

    def _refuse_if_shared(self, owner: str, stored: str, pin: str) -> None:
        """Compare the PIN, once, with each other colleague's not compared yet (staff lists
        of stations that ran alone meet on the hub, `db/shared_pins.py`); a PIN that is
        another's too opens no session, or one would act in the other's name."""
        others = unchecked(self.store.db, stored)
        owners = {pin_hash: user_id for user_id, pin_hash in self.store.pin_hashes()}
        matches = {other for other in others if other in owners and verify_pin(pin, other)}
        if others:
            with self.store.atomic():
                note_checked(self.store.db, stored, others)
                for other in matches:
                    note_shared(self.store.db, owner, stored, owners[other], other,
                                self.clock.now())
        if shares(self.store.db, stored):
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "Errors", "Another colleague has this PIN too, since the stations' staff "
                "lists met. Ask the coordinator to give one of you a new PIN (see 'Let op')."))

    def _refuse_if_locked(self) -> None:
        until = self.locked_until()
        if until is not None:
            raise LockedOut(until, self.clock.now())

    def _count_wrong_pin(self) -> None:
        """Record a wrong PIN and count the window's, in one write transaction (BEGIN
        IMMEDIATE): parallel attempts are counted one after another, none lost. Raises
        LockedOut when the station is locked (then the PIN is not counted) or this one locks
        it."""
        with self.store.atomic():
            now = self.clock.now()  # read holding the write lock: no counted PIN is dated later
            # Looked at again inside the transaction: a PIN tried beside this one may have
            # locked the station while this one was hashed. Refused then and not counted, as
            # it would have been one after another, so that parallel guesses never make the
            # lock longer than the same guesses typed in a row.
            until, length = self.store.login_guard.lock(self.station)
            if lock_remaining(until, length, now) and until is not None:
                raise LockedOut(until, now)
            self.store.login_guard.add_failure(new_id(), now, self.station)
            failures = self.store.login_guard.failures_since(self.station, now - LOCK_WINDOW)
            until, length = self.store.login_guard.lock(self.station)
            wait = lock_length(failures, until, length, now)
            if wait:
                until, length = now + timedelta(seconds=wait), wait
            self.store.login_guard.set_lock(self.station, failures, until, length)
        if wait and until is not None:
            raise LockedOut(until, now)

    def users(self) -> list[User]:
        """Staff accounts, active and disabled, without the command line's own account."""
        return [u for u in self.store.users(include_inactive=True) if u.id != SYSTEM_USER_ID]

    def add_user(self, actor: User, name: str, role: Role, pin: str) -> User:
        """Create a staff account with its own unique PIN."""
        require(actor, Action.MANAGE_USERS)
        user = User(id=new_id(), name=clean_name(name), role=role)
        pin_hash = self._new_pin_hash(pin)
        with self.store.atomic():
            self.store.add_user(user, pin_hash, self.clock.now())
            self._record(actor, f"user {user.name} added", None, role.value)
        return user

    def change_pin(self, actor: User, user_id: str, pin: str) -> None:
        """A user changes their own PIN; a coordinator may change anyone's."""
        if actor.id != user_id:
            require(actor, Action.MANAGE_USERS)
        user = self._existing(user_id)
        pin_hash = self._new_pin_hash(pin, user_id)
        with self.store.atomic():
            self.store.set_pin_hash(user.id, pin_hash)
            self._record(actor, f"user {user.name} PIN", None, "changed")  # never the PIN

    def update_user(
        self, actor: User, user_id: str, *, name: str, role: Role, active: bool
    ) -> User:
        """Rename, change the role of, or disable/enable an account."""
        require(actor, Action.MANAGE_USERS)
        current = self._existing(user_id)
        demoted = current.role is Role.COORDINATOR and current.active and (
            not active or role is not Role.COORDINATOR)
        if demoted and current.id == actor.id:
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "You cannot disable or demote your own account.")
            )
        if demoted and not any(u.active and u.role is Role.COORDINATOR and u.id != current.id
                               for u in self.users()):
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "Errors", "This is the last coordinator; make someone else coordinator first."))
        updated = User(id=current.id, name=clean_name(name), role=role, active=active,
                       network=current.network and role is Role.COORDINATOR)
        with self.store.atomic():
            self.store.update_user(updated)
            for what, old, new in (("name", current.name, updated.name),
                                   ("role", current.role.value, role.value),
                                   ("active", str(current.active), str(active))):
                if old != new:
                    self._record(actor, f"user {current.name} {what}", old, new)
        return updated

    def set_network(self, actor: User, user_id: str, network: bool) -> User:
        """Mark a coordinator as the network's, who sees every site's figures on the hub (or
        no longer)."""
        require(actor, Action.MANAGE_USERS)
        current = self._existing(user_id)
        if network and current.role is not Role.COORDINATOR:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Only a coordinator can see the figures of every site."))
        updated = replace(current, network=network)
        if updated != current:
            with self.store.atomic():
                self.store.update_user(updated)
                self._record(actor, f"user {current.name} network", str(current.network),
                             str(network))
        return updated

    def _record(self, actor: User, what: str, old: str | None, new: str | None) -> None:
        self.store.add_config_change(new_id(), self.clock.now(), self.station, actor.id, what,
                                     old, new)

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

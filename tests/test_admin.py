"""The coordinator's configuration services: categories, municipalities, settings, audit."""

from __future__ import annotations

import sqlite3

import pytest

from db import Store
from intake.admin import AdminService, NameList
from intake.clock import FixedClock
from intake.errors import NotAllowed, NotFound, ValidationError
from intake.model import User


@pytest.fixture
def admin(store: Store, clock: FixedClock) -> AdminService:
    return AdminService(store, clock)


def state(store: Store) -> tuple:
    return (store.categories(include_hidden=True), store.settings(),
            store.name_lists.rows("municipalities"), store.config_changes(1000))


def test_add_rename_hide_category(admin: AdminService, coordinator: User, store: Store) -> None:
    added = admin.add_category(coordinator, "cds", "Cd's", "CDs", 100, min_weight_g=20,
                               max_weight_g=5_000)
    assert admin.categories()[-1] == added
    admin.rename_category(coordinator, "cds", "Cd's en dvd's", "CDs and DVDs")
    assert store.category("cds").name_nl == "Cd's en dvd's"
    admin.set_category_hidden(coordinator, "cds", True)
    assert "cds" not in [c.code for c in store.categories()]
    assert [c.what for c in admin.changes()] == [
        "category cds hidden", "category cds name", "category cds"]
    assert admin.changes()[0].user == "Coördinator"


def test_reorder_categories(admin: AdminService, coordinator: User) -> None:
    codes = [c.code for c in admin.categories()]
    moved = [c.code for c in admin.move_category(coordinator, codes[2], -2)]
    assert moved == [codes[2], codes[0], codes[1], *codes[3:]]
    moved = [c.code for c in admin.move_category(coordinator, codes[2], 99)]
    assert moved[-1] == codes[2]
    orders = [c.sort_order for c in admin.categories()]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)


def test_weights_and_co2(admin: AdminService, coordinator: User) -> None:
    admin.set_category_weights(coordinator, "bicycles", 14_000, 3_000, 40_000)
    admin.set_category_co2(coordinator, "bicycles", 2.4, "Fietsersbond LCA 2024")
    bike = next(c for c in admin.categories() if c.code == "bicycles")
    assert (bike.standard_weight_g, bike.min_weight_g, bike.max_weight_g) == (14_000, 3_000, 40_000)
    assert (bike.co2_factor, bike.co2_source) == (2.4, "Fietsersbond LCA 2024")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a, u: a.add_category(u, "Bad Code", "x", "x", 100), "lower-case"),
        (lambda a, u: a.add_category(u, "books", "x", "x", 100), "exists already"),
        (lambda a, u: a.add_category(u, "cds", "", "x", 100), "name is 1 to"),
        (lambda a, u: a.add_category(u, "cds", "x", "x", 0), "more than 0"),
        (lambda a, u: a.set_category_weights(u, "books", 500, 600, 900), "between the lower"),
        (lambda a, u: a.set_category_weights(u, "books", 2_000_000, None, None), "at most"),
        (lambda a, u: a.set_category_co2(u, "books", -1, "x"), "CO2 factor"),
        (lambda a, u: a.rename_category(u, "nope", "x", "y"), "Unknown category"),
        (lambda a, u: a.set_idle_logout(u, 5), "30 to 3600"),
        (lambda a, u: a.set_language(u, "de"), "nl or en"),
        (lambda a, u: a.set_label_size(u, "99x99"), "Unknown label size"),
        (lambda a, u: a.set_printer(u, "my printer; rm -rf /"), "not a printer queue"),
        (lambda a, u: a.set_labels_per_item(u, 9), "1 to 5"),
        (lambda a, u: a.set_site_name(u, "x" * 61), "1 to 60"),
        (lambda a, u: a.set_name_hidden(u, NameList.MUNICIPALITIES, "Atlantis", True),
         "not on the list"),
    ],
)
def test_refusals_change_nothing(
    admin: AdminService, coordinator: User, store: Store, call, message: str
) -> None:
    before = state(store)
    with pytest.raises((ValidationError, NotFound), match=message):
        call(admin, coordinator)
    assert state(store) == before


def test_only_the_coordinator_configures(admin: AdminService, coach: User, store: Store) -> None:
    before = state(store)
    for call in (lambda: admin.add_category(coach, "cds", "x", "x", 100),
                 lambda: admin.set_site_name(coach, "Mine now"),
                 lambda: admin.add_name(coach, NameList.MUNICIPALITIES, "Zwolle"),
                 lambda: admin.move_category(coach, "books", 1)):
        with pytest.raises(NotAllowed):
            call()
    assert state(store) == before


def test_municipalities(admin: AdminService, coordinator: User, store: Store) -> None:
    admin.add_name(coordinator, NameList.MUNICIPALITIES, " Zwolle ")
    admin.add_name(coordinator, NameList.MUNICIPALITIES, "Kampen")
    with pytest.raises(ValidationError, match="exists already as 'Zwolle'"):
        admin.add_name(coordinator, NameList.MUNICIPALITIES, "ZWOLLE")
    admin.set_name_hidden(coordinator, NameList.MUNICIPALITIES, "Kampen", True)
    assert admin.names(NameList.MUNICIPALITIES) == [("Zwolle", False), ("Kampen", True)]
    assert store.name_lists.names("municipalities") == ["Zwolle"]


def test_settings_are_recorded(admin: AdminService, coordinator: User) -> None:
    admin.set_site_name(coordinator, "Ambacht Oss")
    admin.set_idle_logout(coordinator, 300)
    admin.set_label_size(coordinator, "102x51")
    admin.set_printer(coordinator, "Brother_QL-800")
    admin.set_labels_per_item(coordinator, 2)
    settings = admin.settings()
    assert (settings["site_name"], settings["idle_logout_s"], settings["label_size"],
            settings["printer"], settings["labels_per_item"]) == (
        "Ambacht Oss", "300", "102x51", "Brother_QL-800", "2")
    change = admin.changes()[-1]
    assert (change.what, change.old, change.new) == (
        "setting site_name", "Ambachtscentrum Test", "Ambacht Oss")


def test_config_history_is_append_only(admin: AdminService, coordinator: User,
                                       store: Store) -> None:
    admin.set_site_name(coordinator, "Ambacht Oss")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE config_changes SET new_value = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM config_changes")


def test_category_price_electrical_and_ords(admin: AdminService, coordinator: User,
                                            coach: User) -> None:
    assert admin.set_category_price(coordinator, "books", 75).price_cents == 75
    assert admin.set_category_price(coordinator, "books", None).price_cents is None
    with pytest.raises(ValidationError, match="price"):
        admin.set_category_price(coordinator, "books", -5)
    assert admin.set_category_electrical(coordinator, "toys", True).is_electrical
    assert admin.set_category_ords(coordinator, "toys", "toy").ords_category == "Toy"
    assert admin.set_category_ords(coordinator, "toys", "").ords_category == ""
    with pytest.raises(ValidationError, match="not an ORDS product category"):
        admin.set_category_ords(coordinator, "toys", "Spaceship")
    with pytest.raises(NotAllowed):
        admin.set_category_price(coach, "books", 100)

"""Shared fixtures. Qt runs offscreen; services get an in-memory database and a fixed clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402

import pytest  # noqa: E402

from db import Store  # noqa: E402
from intake.admin import AdminService, NameList  # noqa: E402
from intake.auth import AuthService  # noqa: E402
from intake.clock import FixedClock  # noqa: E402
from intake.gate import GateService  # noqa: E402
from intake.material import MaterialService  # noqa: E402
from intake.model import Role, User  # noqa: E402
from intake.setup import initialize  # noqa: E402
from intake.shop import ShopService  # noqa: E402
from intake.workshop import WorkshopService  # noqa: E402
from tests.hub_server import HubServer, binaries  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


@pytest.fixture(autouse=True)
def no_pin_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PIN exported in the shell running the tests must not change who the CLI acts as."""
    monkeypatch.delenv("AMBACHT_PIN", raising=False)


@pytest.fixture
def clock() -> FixedClock:
    # A Saturday morning in November, 10:00 in Amsterdam.
    return FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(clock: FixedClock) -> Store:
    store = Store.open(":memory:")
    initialize(store, clock, site_name="Ambachtscentrum Test", station="A")
    return store


@pytest.fixture
def auth(store: Store, clock: FixedClock) -> AuthService:
    return AuthService(store, clock)


@pytest.fixture
def coordinator(auth: AuthService) -> User:
    return auth.set_first_pin("1234")


@pytest.fixture
def coach(auth: AuthService, coordinator: User) -> User:
    return auth.add_user(coordinator, "Sanne", Role.COACH, "1111")


@pytest.fixture
def shop_clerk(auth: AuthService, coordinator: User) -> User:
    return auth.add_user(coordinator, "Mo", Role.SHOP, "3333")


@pytest.fixture
def gate(store: Store, clock: FixedClock) -> GateService:
    return GateService(store, clock, "A")


@pytest.fixture
def repairer(auth: AuthService, coordinator: User) -> User:
    return auth.add_user(coordinator, "Joris", Role.WORKSHOP, "2222")


@pytest.fixture
def workshop(store: Store, clock: FixedClock) -> WorkshopService:
    return WorkshopService(store, clock, "A")


@pytest.fixture
def shop(store: Store, clock: FixedClock) -> ShopService:
    return ShopService(store, clock, "A")


@pytest.fixture
def material(store: Store, clock: FixedClock, coordinator: User) -> MaterialService:
    AdminService(store, clock).add_name(coordinator, NameList.RECIPIENTS, "Metaal Oost")
    AdminService(store, clock).add_name(coordinator, NameList.RECIPIENTS, "Houtwerk College")
    return MaterialService(store, clock, "A")


@pytest.fixture
def window(qtbot, ctx: AppContext) -> Iterator[MainWindow]:
    """The app's main window at 1280x800 around the AppContext each screen module provides."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    ctx.printer_queue.wait()


@pytest.fixture(scope="session")
def hub_server() -> Iterator[HubServer]:
    """A real PostgreSQL cluster for the whole session (`tests/hub_server.py`), stopped at the
    end. Skipped only where PostgreSQL is not installed; `.ci/run` installs it."""
    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    server = HubServer(bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture
def hub_url(hub_server: HubServer) -> str:
    """The admin's URL of a new, empty database on the session's PostgreSQL."""
    return hub_server.new_database()

"""`ambacht report --hub URL [--site NAME]` on a real PostgreSQL hub (issue 13): a site's
figures as the hub holds them are a station's of that site, all but the provenance; every
site's come under `by_site` with the totals of all, each reused while nothing it depends
on changed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from intake.clock import FixedClock
from tests.cli_run import run, run_on
from tests.hub_server import HubServer
from tests.test_hub_people import _people_at_the_gate
from tests.test_hub_sync import DAYS, TODAY


@pytest.fixture
def hub(capsys, hub_url: str, monkeypatch, tmp_path: Path) -> str:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the sites' copies
    assert run(capsys, "hub", "init", "--hub", hub_url)[0] == 0
    return hub_url


def _ok(capsys, db: Path | None, *args: str) -> str:
    code, out, err = run(capsys, *args) if db is None else run_on(capsys, db, *args)
    assert code == 0, err
    return out


def _figures(text: str) -> dict[str, object]:
    figures = json.loads(text)
    figures.pop("provenance")
    return figures


def _site(capsys, hub: str, folder: Path, site: str, chairs: int) -> Path:
    """A site of two stations with items, a sale, a course and a cancelled visit."""
    gate, shop = folder / f"{site}-gate.sqlite", folder / f"{site}-shop.sqlite"
    for db in (gate, shop):
        assert run_on(capsys, db, "station", "join", "--hub", hub, "--site", site)[0] == 0
    codes = [_ok(capsys, gate, "intake", "--category", "furniture", "--route", "sale",
                 "--visit", "new").strip() for _ in range(chairs)]
    _people_at_the_gate(gate)
    for db in (gate, shop):
        _ok(capsys, db, "sync")
    _ok(capsys, shop, "price", codes[0], "--price-eur", "20")
    _ok(capsys, shop, "sell", codes[0])
    for db in (shop, gate):
        _ok(capsys, db, "sync")
    return gate


def test_a_sites_figures_from_the_hub_are_its_stations(capsys, monkeypatch, hub: str,
                                                       tmp_path: Path) -> None:
    monkeypatch.setattr("intake.hub_report.BATCH", 2)  # batches that end among a push's steps
    zwolle = _site(capsys, hub, tmp_path, "Zwolle", 3)
    kampen = _site(capsys, hub, tmp_path, "Kampen", 2)
    stations = {site: _figures(_ok(capsys, db, "report", *DAYS, "--format", "json"))
                for site, db in (("Zwolle", zwolle), ("Kampen", kampen))}
    from_hub = _figures(_ok(capsys, None, "report", "--hub", hub, "--site", "Zwolle", *DAYS,
                            "--format", "json"))
    assert from_hub == stations["Zwolle"]
    assert from_hub["totals"]["items_sold"] == 1 and from_hub["people"]["courses"] == 1
    text = _ok(capsys, None, "report", "--hub", hub, *DAYS)  # the sites made in parallel
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    every = json.loads(text)
    assert every["sites"] == ["Kampen", "Zwolle"]
    assert [_figures(json.dumps(site)) for site in every["by_site"]] == [
        stations["Kampen"], stations["Zwolle"]]
    totals = every["totals"]
    assert (totals["items_in"], totals["items_sold"], totals["visits"]) == (5, 2, 5)
    assert totals["kg_in"] == stations["Zwolle"]["totals"]["kg_in"] + \
        stations["Kampen"]["totals"]["kg_in"]
    _ok(capsys, zwolle, "intake", "--category", "books", "--route", "material")
    _ok(capsys, zwolle, "sync")  # the copy kept from the last report takes in what is new
    again = _figures(_ok(capsys, None, "report", "--hub", hub, "--site", "Zwolle", *DAYS))
    assert again == _figures(_ok(capsys, zwolle, "report", *DAYS, "--format", "json"))
    assert again["totals"]["items_in"] == 4


def test_a_period_over_is_reported_again_only_when_it_changed(capsys, monkeypatch, hub: str,
                                                              tmp_path: Path) -> None:
    zwolle = _site(capsys, hub, tmp_path, "Zwolle", 2)
    _site(capsys, hub, tmp_path, "Kampen", 1)
    later = FixedClock(datetime.now(UTC) + timedelta(days=3))  # DAYS are over
    monkeypatch.setattr("cli.main.SystemClock", lambda: later)

    def every_site() -> tuple[dict[str, object], list[str]]:
        later.advance(minutes=1)
        every = json.loads(_ok(capsys, None, "report", "--hub", hub, *DAYS))
        times = [site["provenance"].pop("made_at") for site in every["by_site"]]
        assert times == [later.now().isoformat()] * 2  # made afresh, reused or not
        return every, [path.read_text() for path in kept()]

    def kept() -> list[Path]:
        return sorted((tmp_path / "data").rglob("*.last-report.json"))

    first, kept_first = every_site()
    assert len(kept_first) == 2
    again, kept_again = every_site()
    assert again == first and kept_again == kept_first  # both reused, not made again
    # A new step at one site: its report is made again, the other's is reused.
    _ok(capsys, zwolle, "intake", "--category", "books", "--route", "material")
    _ok(capsys, zwolle, "sync")
    changed, kept_changed = every_site()
    # (the copies are named by site id: Zwolle joined first)
    assert kept_changed[0] != kept_first[0] and kept_changed[1] == kept_first[1]
    # What is reused is what a report made afresh gives.
    for path in kept():
        path.unlink()
    afresh, _ = every_site()
    assert afresh == changed
    # A period still running is made every time and never kept.
    for path in kept():
        path.unlink()
    _ok(capsys, None, "report", "--hub", hub, "--from", str(TODAY), "--to",
        str(later.now().date()))
    assert kept() == []


def test_a_pdf_of_one_site_and_bad_requests(capsys, hub: str, tmp_path: Path) -> None:
    _site(capsys, hub, tmp_path, "Zwolle", 1)
    pdf = tmp_path / "zwolle.pdf"
    _ok(capsys, None, "report", "--hub", hub, "--site", "Zwolle", *DAYS, "--format", "pdf",
        "--out", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    for args, said in (
            (("--site", "Atlantis"), "The hub has no site Atlantis."),
            (("--format", "csv"), "the report of every site is JSON"),
            (("--format", "pdf", "--site", "Zwolle"), "needs --out FILE.pdf")):
        status, out, err = run(capsys, "report", "--hub", hub, *DAYS, *args)
        assert (status, out) == (2, "") and said in err, err
    status, _, err = run(capsys, "report", "--site", "Zwolle", *DAYS)
    assert status == 2 and "give the hub with --hub URL" in err


def test_an_unreachable_hub_exits_3(capsys, hub: str, hub_server: HubServer) -> None:
    hub_server.stop()
    try:
        status, out, err = run(capsys, "report", "--hub", hub, *DAYS)
    finally:
        hub_server.start()
    assert (status, out) == (3, "") and "cannot be reached" in err
    assert "station" not in err  # a report of the hub uses no station
    assert hub_server.password not in err

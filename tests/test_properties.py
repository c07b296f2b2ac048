"""Any sequence of steps on items keeps the history consistent and the monitoring figures equal
to a plain recount from the events.

Hypothesis drives the real services on a fresh database per example: visits started and
cancelled, items taken in (some back-dated, onto days already summed), voided, re-routed,
repaired, tested, priced, sold (alone and together), taken back, sent out, repurposed and
corrected, with whatever the state allows; a refused step must change nothing. Reports are
built along the way, so that the sums per day the database keeps (m006) meet the steps written
after them.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from test_bad_input import dump

from db import Store
from intake.clock import FixedClock
from intake.errors import AmbachtError
from intake.gate import GateService
from intake.lifecycle import replay
from intake.material import MaterialService
from intake.model import Event, EventType, Origin, Visit
from intake.monitoring import Figures, Period, build_report
from intake.setup import initialize as initialize_store
from intake.shop import ShopService
from intake.workshop import WorkshopService

ZONE = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 3, 27, 8, 0, tzinfo=UTC)  # the switch to summer time falls inside
CATEGORIES = ["furniture", "books", "wood", "metal", "eee_small", "lamps"]
ROUTES = ["sale", "repair", "material"]
FIELDS = ("items_in", "grams_in", "visits", "visits_without_items", "items_in_gate",
          "items_labelled_in_store", "batches_in", "grams_in_batches", "items_sold",
          "grams_sold", "grams_sold_repaired", "grams_sold_products", "revenue_cents",
          "items_returned", "items_material_out", "grams_material_out", "repair_attempts",
          "items_repaired", "products_made", "grams_products_made", "grams_repurposed")

picks = st.lists(st.integers(0, 10_000), min_size=1, max_size=3)
prices = st.one_of(st.none(), st.integers(0, 20_000))


def recount(store: Store, first: date, last: date) -> dict[str, Counter[str]]:
    """The oracle: the figures of local days `first` to `last`, counted plainly from every
    item's events under the counting rules of issue 14. Voided items count nowhere,
    cancelled steps count nowhere, a return takes its sale back, a batch weighed out counts
    in, a sale is after repair only if a repair fixed the item before it, a visit counts only
    with an item that stands."""
    figures: dict[str, Counter[str]] = {"total": Counter()}

    def add(category: str, **counts: int) -> None:
        for key in ("total", category):
            figures.setdefault(key, Counter()).update(counts)

    def inside(moment: datetime) -> bool:
        return first <= moment.astimezone(ZONE).date() <= last

    for started, standing in store.db.execute(
        "SELECT started_at, EXISTS (SELECT 1 FROM items i WHERE i.visit_id = v.id "
        "AND i.voided = 0) FROM visits v "
        "WHERE id NOT IN (SELECT visit_id FROM visit_cancellations)"
    ):
        if inside(datetime.fromisoformat(started.replace("Z", "+00:00"))):
            figures["total"]["visits" if standing else "visits_without_items"] += 1
    for (item_id,) in store.db.execute("SELECT id FROM items"):
        events = store.events(item_id)
        intake = events[0]
        item = store.item_by_code(str(store.db.execute(
            "SELECT code FROM items WHERE id = ?", [item_id]).fetchone()[0]))
        assert item is not None
        if any(e.type is EventType.VOIDED for e in events):
            continue
        cancelled = {e.data["cancels"] for e in events if e.type is EventType.CORRECTED}
        grams, category = item.weight_g, item.category
        if intake.at and inside(intake.at):
            if item.origin is Origin.GATE:
                add(category, items_in=1, grams_in=grams, items_in_gate=1)
            elif item.origin is Origin.SHOP:
                add(category, items_in=1, grams_in=grams, items_labelled_in_store=1)
            elif item.origin is Origin.BULK:
                add(category, grams_in=grams, batches_in=1, grams_in_batches=grams)
            elif item.origin is Origin.REPURPOSED:
                add(category, products_made=1, grams_products_made=grams)
        fixed_at = [e.at for e in events if e.type is EventType.REPAIR_FINISHED
                    and e.id not in cancelled and e.data["status"] == "fixed"]
        for event in events[1:]:
            if event.id in cancelled or not inside(event.at):
                continue
            rung = ("grams_sold_products" if item.origin is Origin.REPURPOSED
                    else "grams_sold_repaired" if any(at <= event.at for at in fixed_at)
                    else "")
            if event.type is EventType.SOLD:
                add(category, items_sold=1, grams_sold=grams,
                    revenue_cents=int(event.data["price_cents"]), **({rung: grams} if rung else {}))
            elif event.type is EventType.RETURNED:
                add(category, items_sold=-1, grams_sold=-grams, items_returned=1,
                    revenue_cents=-int(event.data["refund_cents"]),
                    **({rung: -grams} if rung else {}))
            elif event.type is EventType.MATERIAL_OUT:
                add(category, items_material_out=1, grams_material_out=grams)
            elif event.type is EventType.REPAIR_FINISHED:
                add(category, repair_attempts=1,
                    items_repaired=int(event.data["status"] == "fixed"))
            elif event.type is EventType.REPURPOSED:
                add(category, grams_repurposed=grams)
    return {key: +counts for key, counts in figures.items() if +counts}


def unaccounted_grams(total: Figures) -> int:
    """The mass balance of a period from the first day on: every gram taken in is in stock,
    sold (as it was, after repair, or in a product made here: the product's own kilos), lost
    in making or sent out to a recipient of some kind; what is not is returned."""
    places = (total.grams_in_stock + total.grams_sold_as_is + total.grams_sold_repaired
              + total.grams_sold_products + total.grams_lost_in_making
              + sum(total.material_by_kind.values()))
    return total.grams_in - places


def reported(store: Store, first: date, last: date, now: datetime) -> dict[str, Counter[str]]:
    report = build_report(store, Period(first, last), now)
    groups = {"total": report.total, **report.by_category}
    result = {key: +Counter({name: getattr(figures, name) for name in FIELDS})
              for key, figures in groups.items()}
    result["total"]["visits"] = report.total.visits
    return {key: +counts for key, counts in result.items() if +counts}


class Centre(RuleBasedStateMachine):
    """A centre's database and the services, acted on by the coordinator."""

    @initialize()
    def open(self) -> None:
        self.clock = FixedClock(START)
        self.store = Store.open(":memory:")
        initialize_store(self.store, self.clock)
        self.store.name_lists.add("municipalities", "Zwolle", 1)
        self.store.name_lists.add("recipients", "Metaal Oost", 1)
        user = self.store.user("system")
        assert user is not None
        self.me = user
        self.gate = GateService(self.store, self.clock, "A")
        self.workshop = WorkshopService(self.store, self.clock, "A")
        self.shop = ShopService(self.store, self.clock, "A")
        self.material = MaterialService(self.store, self.clock, "A")
        self.codes: list[str] = []
        self.visits: list[Visit] = []
        self.seen: dict[str, list[str]] = {}  # item code -> its event ids so far
        self.refused = 0

    def attempt(self, step) -> object:
        """Take a step; a refusal must leave every table as it was."""
        before = dump(self.store.db.conn)
        try:
            return step()
        except AmbachtError:
            self.refused += 1
            assert dump(self.store.db.conn) == before
            return None

    def pick(self, index: int) -> str:
        return self.codes[index % len(self.codes)] if self.codes else "A999999"

    # --- time and reports ------------------------------------------------------------------

    @rule(minutes=st.integers(1, 36 * 60))
    def time_passes(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)

    @rule(offset=st.integers(0, 8), length=st.integers(0, 5))
    def report_along_the_way(self, offset: int, length: int) -> None:
        first = START.date() - timedelta(days=2) + timedelta(days=offset)
        self.check_report(first, first + timedelta(days=length))

    def check_report(self, first: date, last: date) -> None:
        assert reported(self.store, first, last, self.clock.now()) == recount(
            self.store, first, last), (first, last)

    # --- steps -----------------------------------------------------------------------------

    @rule(category=st.sampled_from(CATEGORIES), route=st.sampled_from(ROUTES),
          grams=st.one_of(st.none(), st.integers(100, 60_000)),
          visit=st.sampled_from([None, "", "Zwolle"]), back_hours=st.integers(0, 60))
    def take_in(self, category: str, route: str, grams: int | None, visit: str | None,
                back_hours: int) -> None:
        at = self.clock.now() - timedelta(hours=back_hours)

        def step() -> str:
            request = self.gate.prepare(category, route, grams, confirmed=True)
            with self.store.atomic():
                opened = None if visit is None else self.gate.start_visit(
                    self.me, visit or None, at)
                if opened is not None:
                    self.visits.append(opened)
                return self.gate.take_in(self.me, request, opened, at).code
        code = self.attempt(step)
        if isinstance(code, str):
            self.codes.append(code)

    @rule(back_hours=st.integers(0, 60))
    def start_a_visit(self, back_hours: int) -> None:
        visit = self.attempt(lambda: self.gate.start_visit(
            self.me, None, self.clock.now() - timedelta(hours=back_hours)))
        if visit is not None:
            self.visits.append(visit)  # type: ignore[arg-type]

    @rule(index=st.integers(0, 10_000))
    def cancel_a_visit(self, index: int) -> None:
        if self.visits:
            visit = self.visits[index % len(self.visits)]
            self.attempt(lambda: self.gate.cancel_visit(self.me, visit))

    @rule(category=st.sampled_from(CATEGORIES), price=prices)
    def label_in_shop(self, category: str, price: int | None) -> None:
        item = self.attempt(lambda: self.shop.label_in_shop(self.me, category, None, price))
        if item is not None:
            self.codes.append(item.code)  # type: ignore[attr-defined]

    @rule(index=st.integers(0, 10_000))
    def void(self, index: int) -> None:
        self.attempt(lambda: self.gate.void(self.me, self.pick(index), "Taken in by mistake"))

    @rule(index=st.integers(0, 10_000), route=st.sampled_from(ROUTES))
    def change_route(self, index: int, route: str) -> None:
        self.attempt(lambda: self.gate.change_route(self.me, self.pick(index), route,
                                                    "Another route"))

    @rule(index=st.integers(0, 10_000))
    def start_repair(self, index: int) -> None:
        self.attempt(lambda: self.workshop.start_repair(self.me, self.pick(index)))

    @rule(index=st.integers(0, 10_000),
          status=st.sampled_from(["fixed", "repairable", "end-of-life"]),
          safety=st.sampled_from([None, "pass", "fail"]), price=prices)
    def finish_repair(self, index: int, status: str, safety: str | None,
                      price: int | None) -> None:
        self.attempt(lambda: self.workshop.finish_repair(
            self.me, self.pick(index), self.workshop.outcome(
                status, safety_test=safety, price_cents=price, minutes="30",
                problem="Loose wire")))

    @rule(index=st.integers(0, 10_000), result=st.sampled_from(["pass", "fail"]))
    def safety_test(self, index: int, result: str) -> None:
        self.attempt(lambda: self.workshop.safety_test(self.me, self.pick(index), result))

    @rule(index=st.integers(0, 10_000), price=st.integers(0, 20_000))
    def set_price(self, index: int, price: int) -> None:
        self.attempt(lambda: self.workshop.set_price(self.me, self.pick(index), price))

    @rule(indexes=picks, price_list=st.lists(prices, min_size=3, max_size=3))
    def sell(self, indexes: list[int], price_list: list[int | None]) -> None:
        lines = [(self.pick(i), price) for i, price in zip(indexes, price_list, strict=False)]
        self.attempt(lambda: self.shop.sell(self.me, lines))

    @rule(index=st.integers(0, 10_000))
    def take_back(self, index: int) -> None:
        self.attempt(lambda: self.shop.take_back(self.me, self.pick(index), "Did not fit"))

    @rule(indexes=st.lists(st.integers(0, 10_000), max_size=2),
          batch=st.one_of(st.none(), st.integers(1000, 80_000)))
    def send_out(self, indexes: list[int], batch: int | None) -> None:
        codes = [self.pick(i) for i in indexes]
        batches = [] if batch is None else [("metal", batch)]
        self.attempt(lambda: self.material.send(self.me, "Metaal Oost", codes, batches))

    @rule(indexes=picks, category=st.sampled_from(CATEGORIES), price=prices)
    def repurpose(self, indexes: list[int], category: str, price: int | None) -> None:
        sources = [self.pick(i) for i in indexes]
        product = self.attempt(lambda: self.workshop.repurpose(
            self.me, sources, category, price_cents=price))
        if product is not None:
            self.codes.append(product.code)  # type: ignore[attr-defined]

    @rule(index=st.integers(0, 10_000))
    def correct_last(self, index: int) -> None:
        self.attempt(lambda: self.gate.correct_last(self.me, self.pick(index), "Wrong step"))

    # --- what always holds -----------------------------------------------------------------

    @invariant()
    def rows_are_their_history(self) -> None:
        """Every item row equals a replay of its events; events only ever get added, in
        order of time."""
        if not hasattr(self, "store"):
            return
        for (code,) in self.store.db.execute("SELECT code FROM items"):
            item = self.gate.item(code)
            events: list[Event] = self.gate.history(item)
            assert replay(item, events) == item, code
            assert [e.at for e in events] == sorted(e.at for e in events), code
            ids = [e.id for e in events]
            assert ids[:len(self.seen.get(code, []))] == self.seen.get(code, []), code
            self.seen[code] = ids

    def teardown(self) -> None:
        if not hasattr(self, "store"):
            return
        today = self.clock.now().astimezone(ZONE).date()
        first = START.date() - timedelta(days=3)
        for period in ((first, today), (first, START.date()), (START.date(), today),
                       (today, today)):
            self.check_report(*period)
        # The stock at the end of today: what was taken in this very moment is in it.
        report = build_report(self.store, Period(first, today), datetime(2100, 1, 1, tzinfo=UTC))
        assert unaccounted_grams(report.total) == 0
        assert report.total.environmental_yield is None or (
            0 <= report.total.environmental_yield <= 1)
        self.store.close()


Centre.TestCase.settings = settings(
    max_examples=100, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestCentre = Centre.TestCase

"""An item used up in a product that stands is neither voided nor corrected (issue 14): the
screens show the service's refusal, which names the product."""

from __future__ import annotations

from test_flow_screens import answer, ctx, scan  # noqa: F401 - ctx is the screens' fixture
from test_gate_screen import log_in, panel, tap

from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.item_panel import ItemPanel


def test_voiding_a_source_of_a_product_at_the_gate_names_the_product(
    qtbot, window: MainWindow, ctx: AppContext  # noqa: F811 - the fixture imported above
) -> None:
    log_in(qtbot, window, "1111")
    coach = ctx.auth.login("1111")
    planks = [ctx.gate.take_in(coach, ctx.gate.prepare("wood", "material", 8000)).code
              for _ in range(2)]
    table = ctx.workshop.repurpose(ctx.auth.login("2222"), planks, "furniture", 14_000)
    scan(qtbot, planks[0])
    tap(qtbot, panel(window, ItemPanel).void_button)
    answer(qtbot, window, "Entered twice")
    assert not ctx.gate.item(planks[0]).voided
    assert window.gate.banner.is_error()
    assert window.gate.banner.text() == (
        f"{planks[0]} is part of product {table.code}: void or correct the product first.")

"""The steps after the gate: repair, safety test, price, sale, return, material out and its
delivery note, void, correct and repurpose."""

from __future__ import annotations

import argparse
import sys

from cli.common import (
    Refusal,
    acting,
    note_earlier_periods,
    note_unreadable,
    open_store,
    optional,
    reserve_for,
    service,
    write_after_step,
    write_file,
)
from intake.admin import AdminService, NameList
from intake.auth import Action, may
from intake.events import Returned, payloads_of_kind
from intake.gate import GateService
from intake.labelling import LabelService
from intake.material import MaterialService
from intake.model import PaymentMethod
from intake.shop import ShopService
from intake.till import Payment
from intake.units import format_eur, format_kg, parse_eur, parse_kg
from intake.workshop import WorkshopService


def cmd_repair(args: argparse.Namespace) -> int:
    """Take an item into repair, or record how its repair ended."""
    store, user, at = acting(args)
    workshop = service(args, store, WorkshopService)
    if args.repair_step == "start":
        item = workshop.start_repair(user, args.code, at)
    else:
        outcome = workshop.outcome(
            args.status, barrier=args.barrier, problem=args.problem, brand=args.brand,
            year=args.year, minutes=args.minutes, safety_test=args.safety_test,
            price_cents=optional(parse_eur, args.price_eur), product=args.product,
        )
        item = workshop.finish_repair(user, args.code, outcome, at)
    print(f"{item.code}  {item.status.value}  route {item.route.value}")
    return 0


def cmd_safety_test(args: argparse.Namespace) -> int:
    """Record an electrical safety test."""
    store, user, at = acting(args)
    item = service(args, store, WorkshopService).safety_test(user, args.code, args.result, at)
    print(f"{item.code}  safety {item.safety}  route {item.route.value}")
    return 0


def cmd_price(args: argparse.Namespace) -> int:
    """Put a shop price on an item."""
    store, user, at = acting(args)
    item = service(args, store, WorkshopService).set_price(user, args.code,
                                                           parse_eur(args.price_eur), at)
    print(f"{item.code}  {format_eur(item.price_cents or 0, 'en')}")
    return 0


def cmd_sell(args: argparse.Namespace) -> int:
    """Sell items as one sale, each at its given or suggested price."""
    store, user, at = acting(args)
    prices: list[int | None] = [None] * len(args.codes)
    if args.price_eur is not None:
        if len(args.price_eur) != len(args.codes):
            raise Refusal(f"give one --price-eur per code: {len(args.codes)} codes, "
                          f"{len(args.price_eur)} prices")
        prices = [parse_eur(text) for text in args.price_eur]
    method = PaymentMethod(args.paid or "unknown")
    if args.received_eur is not None and method is not PaymentMethod.CASH:
        raise Refusal("--received-eur is the cash handed over: give --paid cash with it")
    received = None if args.received_eur is None else parse_eur(args.received_eur)
    sale = service(args, store, ShopService).sell(
        user, list(zip(args.codes, prices, strict=True)), at, Payment(method, received))
    for item in sale.items:
        print(f"{item.code}  {format_eur(item.price_cents or 0, 'en')}")
    print(f"total  {format_eur(sale.total_cents, 'en')}")
    if method is not PaymentMethod.UNKNOWN:
        print(f"paid  {method.value}")
    if received is not None:
        print(f"change  {format_eur(sale.change_cents, 'en')}")
    return 0


def cmd_return(args: argparse.Namespace) -> int:
    """Take a sold item back."""
    store, user, at = acting(args)
    shop = service(args, store, ShopService)
    item = shop.take_back(user, args.code, args.reason, at,
                          method=PaymentMethod(args.paid or "unknown"))
    [returned] = payloads_of_kind(shop.history(item)[-1:], Returned)
    print(f"{item.code}  back in stock; pay back {format_eur(returned.refund_cents, 'en')}"
          + (f" by {args.paid}" if args.paid else ""))
    return 0


def cmd_material(args: argparse.Namespace) -> int:
    """Send items and a weighed batch out to a recipient as one shipment."""
    store, user, at = acting(args)
    batches = []
    if args.category is not None or args.weight_kg is not None:
        if args.category is None or args.weight_kg is None:
            raise Refusal("a batch needs both --category and --weight-kg")
        batches.append((args.category, parse_kg(args.weight_kg)))
    material = service(args, store, MaterialService)
    recipient = " ".join(args.recipient.split())
    # A coordinator keeps the list, so theirs adds a new name; anyone else's is refused.
    added = may(user, Action.MANAGE_SETTINGS) and recipient.casefold() not in {
        r.casefold() for r in material.recipients()}
    with reserve_for(store, args.note, args.force) as out:
        with store.atomic():  # a new recipient is kept only with the shipment it came with
            admin = AdminService(store, args.clock)
            if added:
                recipient = admin.add_name(user, NameList.RECIPIENTS, recipient)
            if args.recipient_kind:
                recipient = material.recipient(recipient)
                kind_before = admin.recipient_kinds().get(recipient)
                admin.set_recipient_kind(user, recipient, args.recipient_kind)
            shipment = material.send(user, recipient, args.codes, batches, at)
        if added or args.recipient_kind:
            kind = admin.recipient_kinds()[recipient]
            print(f"ambacht: {'added ' if added else ''}recipient '{recipient}' ({kind})",
                  file=sys.stderr)
            if args.recipient_kind and not added and kind != kind_before:
                note_earlier_periods(args, store, "recipient", recipient)
        print(shipment.code)
        return write_after_step(out, lambda: material.delivery_note_pdf(shipment.code))


def cmd_delivery_note(args: argparse.Namespace) -> int:
    """Print a delivery note again, or write it to a file."""
    store = open_store(args)
    material = service(args, store, MaterialService)
    if args.out:
        return write_file(store, args.out, args.force,
                          lambda: material.delivery_note_pdf(args.code))
    pdf = material.delivery_note_pdf(args.code)
    printer = LabelService(store, args.clock).document_printer()
    print(printer.print_pdf(pdf, args.code.strip().upper()))
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    """Void an item taken in by mistake."""
    store, user, at = acting(args)
    item = service(args, store, GateService).void(user, args.code, args.reason, at)
    print(f"{item.code}  voided")
    return note_unreadable(store, item)


def cmd_correct(args: argparse.Namespace) -> int:
    """Cancel an item's latest step, or put right the category or weight it came in with."""
    store, user, at = acting(args)
    gate = service(args, store, GateService)
    if args.category is not None or args.weight_kg is not None:
        item = gate.correct_intake(user, args.code, args.reason, category=args.category,
                                   weight_g=optional(parse_kg, args.weight_kg), at=at)
        print(f"{item.code}  now {item.category}, "
              f"{format_kg(item.weight_g, 'en', estimated=item.weight_estimated)}")
        return 0
    item, step = gate.correct_last(user, args.code, args.reason, at)
    print(f"{item.code}  cancelled {step.type.value}; now {item.status.value}, "
          f"route {item.route.value}")
    return 0


def cmd_repurpose(args: argparse.Namespace) -> int:
    """Make a new product from material items; prints its code."""
    store, user, at = acting(args)
    weight_g = optional(parse_kg, args.weight_kg)
    price = optional(parse_eur, args.price_eur)
    with reserve_for(store, args.label, args.force) as out:
        product = service(args, store, WorkshopService).repurpose(
            user, args.sources, args.category, weight_g, at, price)
        print(product.code)
        return write_after_step(out, lambda: LabelService(store, args.clock).render([product]))

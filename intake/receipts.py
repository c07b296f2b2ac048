"""From a sale to its receipt: the texts in the site's label language (the receipt is the
customer's, like the labels), the time in the site's zone, amounts as that language writes
them. `labels.escpos` and `labels.receipt` print it."""

from __future__ import annotations

from datetime import datetime

from db import Store
from intake.model import PaymentMethod
from intake.shop import Sale
from intake.units import format_eur
from labels.receipt import Receipt

WORDS: dict[str, dict[str, str]] = {
    "nl": {"total": "Totaal", "cash": "Contant", "pin": "Pin", "unknown": "Betaald",
           "change": "Wisselgeld", "thanks": "Bedankt en tot ziens!"},
    "en": {"total": "Total", "cash": "Cash", "pin": "Card (pin)", "unknown": "Paid",
           "change": "Change", "thanks": "Thank you, see you again!"},
}


def receipt_of(store: Store, sale: Sale, when: datetime) -> Receipt:
    """The receipt of `sale`, paid at `when` (UTC)."""
    settings = store.settings()
    lang = settings.label_language if settings.label_language in WORDS else "nl"
    words = WORDS[lang]
    names = {category.code: category.name(lang) for category in store.categories(
        include_hidden=True)}
    lines = tuple((item.code, names.get(item.category, item.category),
                   format_eur(item.price_cents or 0, lang)) for item in sale.items)
    payment = sale.payment
    sums = [(words["total"], format_eur(sale.total_cents, lang))]
    if payment.method is PaymentMethod.CASH:
        received = payment.received_cents
        sums.append((words["cash"], format_eur(
            sale.total_cents if received is None else received, lang)))
        sums.append((words["change"], format_eur(sale.change_cents, lang)))
    else:
        sums.append((words[payment.method.value], format_eur(sale.total_cents, lang)))
    return Receipt(settings.site_name, when.astimezone(settings.zone).strftime("%d-%m-%Y %H:%M"),
                   lines, tuple(sums), words["thanks"])

"""From a sale to its receipt, and from a day's takings to the day close's: the texts in the
site's label language (a receipt is the customer's, like the labels), the time in the site's
zone, amounts as that language writes them. `labels.escpos` and `labels.receipt` print them."""

from __future__ import annotations

from datetime import datetime

from db import Store
from intake.model import PaymentMethod
from intake.shop import Sale
from intake.till import Takings
from intake.units import format_eur
from labels.receipt import Receipt

WORDS: dict[str, dict[str, str]] = {
    "nl": {"total": "Totaal", "cash": "Contant", "pin": "Pin", "unknown": "Betaald",
           "change": "Wisselgeld", "thanks": "Bedankt en tot ziens!",
           "day_close": "Dagafsluiting", "not_recorded": "Niet vastgelegd",
           "sale": "verkoop", "sales": "verkopen", "return": "retour", "returns": "retouren"},
    "en": {"total": "Total", "cash": "Cash", "pin": "Card (pin)", "unknown": "Paid",
           "change": "Change", "thanks": "Thank you, see you again!",
           "day_close": "Day close", "not_recorded": "Not recorded",
           "sale": "sale", "sales": "sales", "return": "return", "returns": "returns"},
}


def _language(store: Store) -> str:
    lang = store.settings().label_language
    return lang if lang in WORDS else "nl"


def receipt_of(store: Store, sale: Sale, when: datetime) -> Receipt:
    """The receipt of `sale`, paid at `when` (UTC)."""
    settings = store.settings()
    lang = _language(store)
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


def day_close_receipt(store: Store, takings: Takings, when: datetime) -> Receipt:
    """The day close on paper, for the cash drawer: per payment method its sales and returns
    and what it took in, then the day's total."""
    settings, lang = store.settings(), _language(store)
    words = WORDS[lang]
    names = {PaymentMethod.CASH: words["cash"], PaymentMethod.PIN: words["pin"],
             PaymentMethod.UNKNOWN: words["not_recorded"]}
    def count(number: int, what: str) -> str:
        return f"{number} {words[what if number == 1 else what + 's']}"

    sums = [(f"{names[method]} ({count(t.sales, 'sale')}, {count(t.returns, 'return')})",
             format_eur(t.net_cents, lang))
            for method, t in takings.by_method.items()
            if method is not PaymentMethod.UNKNOWN or t.sales or t.returns]
    sums.append((words["total"], format_eur(takings.net_cents, lang)))
    local = when.astimezone(settings.zone).strftime("%d-%m-%Y %H:%M")
    return Receipt(settings.site_name, f"{words['day_close']} {local}", (), tuple(sums))

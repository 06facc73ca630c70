"""Load-test customers: N accounts × M transactions each, generated quickly and deterministically."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sandbox.data.merchants import CATEGORIES, merchant_doc
from sandbox.data.seed import account_number
from sandbox.model import Account, Card, Customer, Tx, iso

_KEYS = ("grocery", "restaurant", "fastfood", "taxi", "marketplace", "pharmacy", "transport", "clothing")


def build_big(
    bank_id: str,
    customer_id: str,
    accounts: int,
    txs: int,
    seed: str,
    today: date,
    serial_base: int,
    days: int = 365,
) -> tuple[Customer, list[Account], list[Card], list[Tx]]:
    """A customer with ``accounts`` current accounts of ``txs`` transactions each over the last
    ``days`` days (a year by default; a few days for a business account's busy month).

    Transaction ids are left empty for the bank to assign. Salaries keep every account positive.
    """
    rng = random.Random(f"{seed}|{customer_id}|big|{accounts}x{txs}")
    customer = Customer(
        customer_id, f"Нагрузкин Тест Тестович (Load test, {customer_id})", "employee", "big", "Москва"
    )
    start = datetime(today.year, today.month, today.day) - timedelta(days=days)
    span = days * 86400
    out_accounts, cards, out_txs = [], [], []
    for a in range(accounts):
        acc_id = f"acc-{serial_base + a}"
        acc = Account(
            acc_id,
            customer_id,
            account_number(bank_id, "checking", 999, serial_base % 10000 + a),
            "checking",
            (start.date() - timedelta(days=400)).isoformat(),
        )
        card = Card(
            f"card-{bank_id}-big{serial_base + a}",
            customer_id,
            acc_id,
            f"{rng.randint(0, 9999):04d}",
            "debit",
            "МИР Classic",
            "NAGRUZKIN TEST",
            12,
            today.year + 3,
            f"{start.date().isoformat()}T10:00:00Z",
        )
        cards.append(card)
        spent = 0
        steps = sorted(rng.random() for _ in range(txs))
        for k, frac in enumerate(steps):
            when = start + timedelta(seconds=frac * span, microseconds=rng.randint(0, 999999))
            if k % 40 == 0:
                amount = rng.randint(9_000_000, 12_000_000)
                out_txs.append(
                    Tx(
                        "",
                        acc_id,
                        iso(when),
                        amount,
                        True,
                        "Заработная плата",
                        "02",
                        counterparty="ООО «Нагрузка»",
                    )
                )
                spent -= amount
                continue
            cat = CATEGORIES[rng.choice(_KEYS)]
            name = rng.choice(cat.names)
            amount = int(rng.uniform(cat.low, cat.high) * 100)
            out_txs.append(
                Tx(
                    "",
                    acc_id,
                    iso(when),
                    amount,
                    False,
                    f"{name} - Москва",
                    "01",
                    "completed",
                    merchant_doc(cat.key, name, cat.mcc, "Москва", 5),
                    "Москва",
                    card.tx_ref(),
                )
            )
            spent += amount
        acc.balance = max(0, -spent) + 5_000_000 if spent > 0 else -spent
        out_accounts.append(acc)
    return customer, out_accounts, cards, out_txs

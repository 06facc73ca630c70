"""The analytics engine on 100 000 transactions over 3 banks (issue 6: median <= 300 ms).

Data is generated deterministically (fixed seed): per bank a current account, a salary twice a
month, monthly subscriptions and utilities, loan instalments, and card purchases from a pool of
merchants with real MCCs, spread over the 13 months before `today`. Building the domain objects is
not timed; `compute_dashboard` is, several times, and the median is reported.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "layers" / "common" / "python"))

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.domain import (
    Account,
    AccountKind,
    Agreement,
    AgreementKind,
    Balance,
    BalanceType,
    FinancialInputs,
    Product,
    ProductKind,
    Transaction,
)

TODAY = date(2025, 11, 21)
BANKS = ("vbank", "abank", "sbank")
TRANSACTIONS = 100_000
RUNS = 7
TARGET_MS = 300.0
MERCHANTS = [
    ("Пятёрочка", "5411"),
    ("Перекрёсток", "5411"),
    ("ВкусВилл", "5499"),
    ("Dodopizza", "5812"),
    ("Burger King", "5814"),
    ("Теремок", "5812"),
    ("Zara", "5651"),
    ("H&M", "5651"),
    ("Яндекс Go", "4121"),
    ("Лукойл", "5541"),
    ("Аптека Ригла", "5912"),
    ("DNS", "5732"),
    ("Кинотеатр Синема", "7832"),
    ("Ozon", "5399"),
]


def build(seed: int = 20251121) -> EngineInput:
    rng = random.Random(seed)
    accounts: list[Account] = []
    balances: list[Balance] = []
    agreements: list[Agreement] = []
    products: list[Product] = []
    transactions: list[Transaction] = []
    start = datetime(TODAY.year - 1, TODAY.month, 1, tzinfo=UTC)
    span_seconds = int((datetime.combine(TODAY, datetime.min.time(), UTC) - start).total_seconds())
    for b, bank in enumerate(BANKS):
        # The last bank takes the remainder so that the total is exactly TRANSACTIONS.
        per_bank = TRANSACTIONS // len(BANKS) + (TRANSACTIONS % len(BANKS) if b == len(BANKS) - 1 else 0)
        account_id = f"acc-{b + 1}"
        accounts.append(
            Account(
                bank_id=bank,
                account_id=account_id,
                kind=AccountKind.CURRENT,
                currency="RUB",
                number=f"408178100000000{b:05d}",
            )
        )
        for kind in BalanceType:
            balances.append(
                Balance(
                    bank_id=bank,
                    account_id=account_id,
                    type=kind,
                    amount=Decimal("154000.00"),
                    currency="RUB",
                    at=datetime(2025, 11, 21, 9, tzinfo=UTC),
                )
            )
        agreements.append(
            Agreement(
                bank_id=bank,
                agreement_id=f"loan-{bank}",
                kind=AgreementKind.LOAN,
                product_id="loan",
                product_name=f"Кредит {bank}",
                outstanding=Decimal(400_000 + 100_000 * b),
                interest_rate=Decimal(14 + 3 * b),
                start_date=date(2024, 3, 5 + b),
                term_months=48,
            )
        )
        agreements.append(
            Agreement(
                bank_id=bank,
                agreement_id=f"card-{bank}",
                kind=AgreementKind.CREDIT_CARD,
                credit_limit=Decimal(200_000),
                used_amount=Decimal(35_000 * (b + 1)),
                interest_rate=Decimal("29.9"),
            )
        )
        products.append(
            Product(
                bank_id=bank,
                product_id="refi",
                kind=ProductKind.LOAN,
                name="Рефинансирование",
                rate_min=Decimal(11 + b),
                rate_max=Decimal(11 + b),
                min_amount=Decimal(50_000),
                term_months=60,
                commission_amount=Decimal(2_000),
            )
        )
        products.append(
            Product(
                bank_id=bank,
                product_id="dep",
                kind=ProductKind.DEPOSIT,
                name="Вклад",
                rate_min=Decimal("16.5"),
                rate_max=Decimal(18 + b),
                min_amount=Decimal(10_000),
            )
        )
        raw: list[dict[str, Any]] = []
        month = date(start.year, start.month, 1)
        while month <= TODAY:
            for day, amount in ((5, "61500.00"), (20, "58500.00")):
                raw.append(
                    {
                        "d": datetime(month.year, month.month, day, 6, tzinfo=UTC),
                        "a": Decimal(amount),
                        "t": "ООО Ромашка зарплата",
                        "m": None,
                    }
                )
            for day, name, amount, mcc in (
                (3, "Netflix", "799.00", "4899"),
                (12, "МТС", "650.00", "4814"),
                (25, "Мосэнергосбыт", "4320.50", "4900"),
            ):
                raw.append(
                    {
                        "d": datetime(month.year, month.month, day, 9, tzinfo=UTC),
                        "a": -Decimal(amount),
                        "t": name,
                        "m": (name, mcc),
                    }
                )
            raw.append(
                {
                    "d": datetime(month.year, month.month, 5 + b, 10, tzinfo=UTC),
                    "a": -Decimal(12_000 + 1_000 * b),
                    "t": f"Платеж по кредиту №loan-{bank}",
                    "m": None,
                }
            )
            month = (month + timedelta(days=32)).replace(day=1)
        while len(raw) < per_bank:
            name, mcc = MERCHANTS[rng.randrange(len(MERCHANTS))]
            raw.append(
                {
                    "d": start + timedelta(seconds=rng.randrange(span_seconds)),
                    "a": -Decimal(rng.randrange(5_000, 900_000)) / 100,
                    "t": f"{name} - Москва",
                    "m": (name, mcc),
                }
            )
        for i, item in enumerate(raw):
            merchant = item["m"]
            transactions.append(
                Transaction(
                    bank_id=bank,
                    account_id=account_id,
                    transaction_id=f"tx-{bank}-{i:07d}",
                    booked_at=item["d"],
                    amount=item["a"],
                    currency="RUB",
                    description=item["t"],
                    merchant_name=merchant[0] if merchant else None,
                    mcc=merchant[1] if merchant else None,
                )
            )
    rng.shuffle(transactions)
    return EngineInput(
        today=TODAY,
        accounts=accounts,
        balances=balances,
        transactions=transactions,
        agreements=agreements,
        products=products,
        inputs=FinancialInputs(savings_goal_amount=Decimal(300_000), savings_goal_date=date(2026, 6, 1)),
    )


def run() -> dict[str, Any]:
    data = build()
    count = sum(1 for _ in data.transactions)
    compute_dashboard(data)  # warm-up: imports, MCC table, zoneinfo cache
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        dashboard = compute_dashboard(data)
        timings.append((time.perf_counter() - started) * 1000)
    median = statistics.median(timings)
    return {
        "title": "Analytics engine",
        "metrics": [
            {
                "name": f"engine on {count} transactions over 3 banks, median of {RUNS} runs",
                "value": round(median, 1),
                "unit": "ms",
                "target": f"<= {TARGET_MS:.0f} ms",
                "ok": median <= TARGET_MS,
            },
            {
                "name": "engine, fastest run",
                "value": round(min(timings), 1),
                "unit": "ms",
                "target": "",
                "ok": None,
            },
        ],
        "notes": (
            f"compute_dashboard on {count} generated transactions (seed fixed); "
            f"safe-to-spend {dashboard.safe_to_spend.daily} RUB/day, "
            f"{len(dashboard.bills)} bills and {len(dashboard.income.streams)} income streams detected."
        ),
    }


if __name__ == "__main__":
    print(run())

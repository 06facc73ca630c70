"""The engine on the real recorded sandbox responses of customer team260-10 (three banks).

Expected values are read off the recorded JSON by hand (docs/ANALYTICS.md, "Recorded sandbox
customer"): the sandbox's traps are that both balance types are present, card agreements carry
their *limit* in `amount`, and agreement details repeat the linked *current account's* balance.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.analytics.results import Dashboard
from finpulse.domain import parsing

ROOT = Path(__file__).parent / "fixtures" / "team260-10"
TODAY = date(2025, 11, 21)


def load() -> EngineInput:
    accounts, balances, transactions, agreements, products = [], [], [], [], []
    for bank in ("vbank", "abank", "sbank"):
        raw = json.loads((ROOT / bank / "bank.json").read_text())
        accounts += [parsing.account(bank, a) for a in raw["accounts"]["data"]["account"]]
        balances += [parsing.balance(bank, b) for b in raw["balances"]["data"]["balance"]]
        agreements += [parsing.agreement(bank, a) for a in raw["agreements"]]
        products += [parsing.product(bank, p) for p in raw["catalog"]["data"]["product"]]
        transactions += [
            parsing.transaction(bank, t) for t in json.loads((ROOT / bank / "transactions.json").read_text())
        ]
    return EngineInput(
        today=TODAY,
        accounts=accounts,
        balances=balances,
        transactions=transactions,
        agreements=agreements,
        products=products,
    )


@pytest.fixture(scope="module")
def dashboard() -> Dashboard:
    return compute_dashboard(load())


def test_cash_is_one_balance_per_account(dashboard: Dashboard) -> None:
    # 4 354 918.14 (vbank) + 1 502 425.29 (abank) + 2 573 292.90 (sbank); each appears twice in the
    # recorded balances (InterimAvailable and InterimBooked) and is counted once.
    assert dashboard.cash.total == Decimal("8430636.33")
    assert {a.balance_type for a in dashboard.cash.accounts} == {"InterimAvailable"}


def test_debt_is_the_car_loan_not_the_card_limits(dashboard: Dashboard) -> None:
    assert dashboard.debt.total == Decimal("1449860.43")  # three 500 000 card limits are not debt
    assert [c.credit_limit for c in dashboard.debt.cards] == [Decimal("500000.00")] * 3
    assert dashboard.debt.loans[0].rate == Decimal("11.9")
    # No term, schedule or maturity in the sandbox data: the instalment is what the customer has been
    # paying ("Платеж по кредиту №loan-team260-10-0464", 72 493.02 on days 1-5 of every month),
    # on the lower-median day of those payments (3), flagged estimated.
    loan = dashboard.debt.loans[0]
    assert (loan.payment_source, loan.monthly_payment, loan.estimated) == (
        "observed",
        Decimal("72493.02"),
        True,
    )
    assert loan.next_payment_date == date(2025, 12, 3)
    assert dashboard.safe_to_spend.instalments == Decimal("72493.02")


def test_every_deposit_is_kept(dashboard: Dashboard) -> None:
    # vbank 8 003 420.31 + 9 843 969.81 + 4 154 219.09 + 2 753 408.80 = 24 755 018.01
    # abank 6 241 609.94 + 1 863 215.05 + 3 195 282.52 = 11 300 107.51
    # sbank 1 253 004.87 + 5 938 419.03 + 3 575 664.65 = 10 767 088.55
    assert [(b.bank_id, b.amount) for b in dashboard.savings.by_bank] == [
        ("abank", Decimal("11300107.51")),
        ("sbank", Decimal("10767088.55")),
        ("vbank", Decimal("24755018.01")),
    ]
    assert dashboard.savings.total == Decimal("46822214.07")


def test_spending_window_matches_the_recorded_debits(dashboard: Dashboard) -> None:
    start = TODAY - timedelta(days=29)
    moscow = timedelta(hours=3)
    total = Decimal(0)
    for bank in ("vbank", "abank", "sbank"):
        for t in json.loads((ROOT / bank / "transactions.json").read_text()):
            when = (
                datetime.fromisoformat(t["bookingDateTime"].replace("Z", "+00:00")).astimezone(UTC) + moscow
            )
            if t["creditDebitIndicator"] == "Debit" and start <= when.date() <= TODAY:
                total += Decimal(t["amount"]["amount"])
    assert dashboard.spending.total == total
    assert dashboard.transactions_used == 980  # 247 + 302 + 431
    assert dashboard.safe_to_spend.daily >= 0

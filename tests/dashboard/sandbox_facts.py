"""Facts about a sandbox customer, read straight from the sandbox's generated data.

The golden figures (`golden.py`) are worked out by hand from these facts. This module only lists
and sums raw sandbox records (integer kopecks, the bank's own timestamps) — it shares no code with
the engine, so a bug there cannot hide here.

The data is what the test banks serve: seed `finpulse`, reference date `TEST_TODAY`
(sandbox/pytest_plugin.py), 10 customers, banks vbank/abank/sbank.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from sandbox.data.seed import BankData, build_bank
from sandbox.model import Account, Agreement, Tx
from sandbox.pytest_plugin import TEST_TODAY

BANKS = ("vbank", "abank", "sbank")
TODAY = date.fromisoformat(TEST_TODAY)
MOSCOW = ZoneInfo("Europe/Moscow")

# docs/ANALYTICS.md, "Spending": the MCC table, written out again (not imported from the engine).
_MCC = [
    ((3000, 3350), "travel"), ((3351, 3500), "transport"), ((3501, 3999), "travel"),
    ((4011, 4131), "transport"), ((4511, 4582), "travel"), ((4722, 4722), "travel"),
    ((4784, 4784), "transport"), ((4789, 4789), "transport"), ((4812, 4816), "telecom"),
    ((4899, 4899), "subscriptions"), ((4900, 4900), "utilities"), ((5200, 5399), "shopping"),
    ((5411, 5411), "groceries"), ((5422, 5499), "groceries"), ((5541, 5542), "fuel"),
    ((5511, 5599), "transport"), ((5600, 5699), "clothing"), ((5700, 5799), "shopping"),
    ((5811, 5814), "restaurants"), ((5815, 5818), "subscriptions"), ((5912, 5912), "health"),
    ((5900, 5999), "shopping"), ((6010, 6011), "cash"), ((6300, 6399), "insurance"),
    ((7832, 7832), "entertainment"), ((7900, 7999), "entertainment"), ((8011, 8099), "health"),
    ((8211, 8299), "education"),
]  # fmt: skip
_WORDS = {"restaurant": "restaurants", "clothing": "clothing"}
PURCHASES = {
    "groceries", "restaurants", "clothing", "shopping", "fuel", "transport", "travel",
    "entertainment", "health", "cash",
}  # fmt: skip


@cache
def _banks() -> dict[str, BankData]:
    return {b: build_bank(b, list(BANKS), "finpulse", TODAY, "team200", 10) for b in BANKS}


def rub(kopecks: int) -> Decimal:
    return Decimal(kopecks) / 100


def local_day(tx: Tx) -> date:
    return datetime.fromisoformat(tx.booked.replace("Z", "")).replace(tzinfo=UTC).astimezone(MOSCOW).date()


def category(tx: Tx, loan_ids: list[str]) -> str:
    if any(loan_id in tx.info for loan_id in loan_ids) or "Платеж по кредиту" in tx.info:
        return "loan_payments"
    merchant = tx.merchant or {}
    mcc = merchant.get("mccCode")
    if mcc and str(mcc).isdigit():
        code = int(mcc)
        for (low, high), name in _MCC:
            if low <= code <= high:
                return name
    return _WORDS.get(str(merchant.get("category") or ""), "other")


@dataclass(frozen=True)
class Move:
    """One transaction as the customer's accounts saw it, with the sandbox's facts."""

    bank: str
    account: Account
    tx: Tx
    day: date
    signed: int  # kopecks, credit positive

    @property
    def amount(self) -> Decimal:
        return rub(self.signed)

    @property
    def name(self) -> str:
        """Merchant name, else counterparty, else the description."""
        return str((self.tx.merchant or {}).get("name") or self.tx.counterparty or self.tx.info)


@dataclass(frozen=True)
class Customer:
    customer_id: str
    accounts: dict[str, list[Account]]
    agreements: dict[str, list[Agreement]]
    moves: list[Move]

    @property
    def loan_ids(self) -> list[str]:
        return [a.agreement_id for ags in self.agreements.values() for a in ags if a.product_type == "loan"]

    @property
    def own_numbers(self) -> set[str]:
        return {a.number for accs in self.accounts.values() for a in accs}

    def internal(self, move: Move) -> bool:
        """docs/ANALYTICS.md "Internal movements": loan/deposit account legs, card repayments,
        transfers to or from the customer's own accounts (loan instalments and interest excepted)."""
        kind = move.account.kind
        if kind in ("loan", "deposit"):
            return True
        if kind == "credit_card" and move.signed > 0:
            return True
        if move.tx.counterparty in self.own_numbers:
            if move.signed < 0:
                return category(move.tx, self.loan_ids) != "loan_payments"
            return "процент" not in move.tx.info.lower()
        return False

    def flows(self) -> list[Move]:
        return [m for m in self.moves if not self.internal(m)]

    def window(self, start: date, end: date) -> list[Move]:
        return [m for m in self.flows() if start <= m.day <= end]

    def spending_by_category(self, start: date, end: date) -> dict[str, Decimal]:
        sums: dict[str, int] = defaultdict(int)
        for m in self.window(start, end):
            if m.signed < 0:
                sums[category(m.tx, self.loan_ids)] += -m.signed
        return {k: rub(v) for k, v in sums.items()}

    def top_merchants(self, start: date, end: date, count: int = 10) -> list[tuple[str, Decimal]]:
        """Merchant name, else counterparty (unless only an account number), else the description."""
        sums: dict[str, int] = defaultdict(int)
        for m in self.window(start, end):
            if m.signed < 0:
                other = m.tx.counterparty if m.tx.counterparty and not m.tx.counterparty.isdigit() else None
                sums[(m.tx.merchant or {}).get("name") or other or m.tx.info] += -m.signed
        ranked = sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(name, rub(v)) for name, v in ranked[:count]]

    def plan_spending(self, year: int, month: int, is_bill: Callable[[Move], bool]) -> Decimal:
        """docs/ANALYTICS.md "Monthly surplus": the month's outflow without loan payments and the
        recurring bills (`is_bill`, listed by hand in the golden)."""
        total = 0
        for m in self.flows():
            if (m.day.year, m.day.month) != (year, month) or m.signed > 0:
                continue
            if category(m.tx, self.loan_ids) != "loan_payments" and not is_bill(m):
                total += -m.signed
        return rub(total)

    def month_flows(self, year: int, month: int) -> tuple[Decimal, Decimal]:
        inflow = outflow = 0
        for m in self.flows():
            if (m.day.year, m.day.month) == (year, month):
                if m.signed > 0:
                    inflow += m.signed
                else:
                    outflow += -m.signed
        return rub(inflow), rub(outflow)


@cache
def customer(index: int) -> Customer:
    cid = f"team200-{index}"
    accounts: dict[str, list[Account]] = {}
    agreements: dict[str, list[Agreement]] = {}
    moves: list[Move] = []
    for bank, data in _banks().items():
        mine = {a.account_id: a for a in data.accounts if a.customer_id == cid}
        accounts[bank] = list(mine.values())
        agreements[bank] = [a for a in data.agreements if a.customer_id == cid]
        for tx in data.txs:
            account = mine.get(tx.account_id)
            if account is not None:
                moves.append(Move(bank, account, tx, local_day(tx), tx.amount if tx.credit else -tx.amount))
    return Customer(cid, accounts, agreements, moves)


def lookback_start() -> date:
    """docs/ANALYTICS.md: detection uses the last 190 days up to today."""
    return TODAY - timedelta(days=190)

"""Internal movements: money that only moves between the user's own accounts.

Banks report both legs of such a move, and neither is income or spending:
- transactions *on* loan and deposit accounts mirror payments made from a current account
  (`Погашение основного долга` on the loan account is the instalment already seen on the current
  account) or capitalise interest into a balance that savings already shows;
- credits on a credit-card account are repayments from the user's own money; its debits
  (purchases, interest) are spending, but they lower the card's free limit, not cash — so they are
  neither recurring bills nor "spent today" in safe-to-spend;
- a transaction that **names another of the user's accounts** — its full number or a masked one
  (`*1234`) in any text field, or one of the user's agreement ids — is a transfer between them
  (`Перевод на свой счёт в другом банке`, a card repayment, a deposit top-up whose text carries only
  the deposit's number);
- a transaction **mirrored** on another of the user's accounts (the same amount the other way within
  `MIRROR_WINDOW_MINUTES`) is one too, whatever the texts say;
- a purchase at a merchant (an MCC of a purchase category) is never a move;
- except a loan instalment, which stays a loan payment (a debit naming a loan account's number is
  one), and interest paid out, which is earned money.
Without account data (unit fixtures) nothing is internal, as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal

from finpulse.analytics import constants as c
from finpulse.analytics.categories import purchase_codes
from finpulse.domain import Account, AccountKind, Agreement, AgreementKind, Transaction

AccountKey = tuple[str, str]
TxKey = tuple[str, str, str]

# Account and card numbers: 12+ digits, groups may be separated by spaces.
_NUMBER = re.compile(r"\d(?:[ \u00a0]?\d){11,}")
# A masked number shows its last four digits after a mask: `*1234`, `•• 1234`, `40817810****1234`.
_MASKED = re.compile(r"[*•]+[ \u00a0]?(\d{4})(?!\d)")
MIN_AGREEMENT_ID = 6
"""Shorter agreement ids are not looked for in texts: `12345` names too many other things."""


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


@dataclass(frozen=True, slots=True)
class Movements:
    mirror_accounts: frozenset[AccountKey] = frozenset()
    card_accounts: frozenset[AccountKey] = frozenset()
    loan_accounts: frozenset[AccountKey] = frozenset()
    by_number: dict[str, frozenset[AccountKey]] = field(default_factory=dict)
    """Own numbers (digits) → the accounts that have them (an agreement's number without a listed
    account has a key of its own)."""
    by_tail: dict[str, frozenset[AccountKey]] = field(default_factory=dict)
    agreement_ids: tuple[str, ...] = ()
    """Own agreement ids, lower case, longest first."""
    loan_numbers: dict[str, str] = field(default_factory=dict)
    """Loan account number (digits) → the loan's agreement id."""
    mirrored: frozenset[TxKey] = frozenset()
    _named: dict[tuple[object, ...], tuple[str | None, bool]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def of(cls, accounts: Iterable[Account], agreements: Iterable[Agreement]) -> Movements:
        accounts, agreements = list(accounts), list(agreements)
        holders: dict[str, set[AccountKey]] = {}
        kinds: dict[str, AccountKind] = {}
        for a in accounts:
            if a.number and _digits(a.number):
                holders.setdefault(_digits(a.number), set()).add(a.key)
                kinds[_digits(a.number)] = a.kind
        loan_numbers: dict[str, str] = {}
        for g in agreements:
            number = _digits(g.account_number or "")
            if not number:
                continue
            # The real sandbox names the *current* account on a loan agreement: that number is the
            # current account's, not a loan's, and must not turn its every movement into one.
            if g.kind is AgreementKind.LOAN and kinds.get(number, AccountKind.LOAN) is AccountKind.LOAN:
                loan_numbers[number] = g.agreement_id
            holders.setdefault(number, {(g.bank_id, f"agreement:{g.agreement_id}")})
        tails: dict[str, set[AccountKey]] = {}
        for number, keys in holders.items():
            if len(number) >= 4:
                tails.setdefault(number[-4:], set()).update(keys)
        ids = {g.agreement_id.lower() for g in agreements if len(g.agreement_id) >= MIN_AGREEMENT_ID}
        return cls(
            mirror_accounts=frozenset(
                a.key for a in accounts if a.kind in (AccountKind.LOAN, AccountKind.DEPOSIT)
            ),
            card_accounts=frozenset(a.key for a in accounts if a.kind is AccountKind.CREDIT_CARD),
            loan_accounts=frozenset(a.key for a in accounts if a.kind is AccountKind.LOAN),
            by_number={k: frozenset(v) for k, v in holders.items()},
            by_tail={k: frozenset(v) for k, v in tails.items()},
            agreement_ids=tuple(sorted(ids, key=lambda i: (-len(i), i))),
            loan_numbers=loan_numbers,
        )

    @property
    def knows_accounts(self) -> bool:
        return bool(self.by_number or self.agreement_ids)

    def with_mirrors(self, transactions: list[Transaction]) -> Movements:
        """The same rules, plus the mirrored pairs found among `transactions`."""
        if not self.knows_accounts:
            return self
        return replace(self, mirrored=mirrored_pairs(transactions, self.loan_accounts), _named={})

    def names_own(self, tx: Transaction) -> bool:
        """The transaction's texts name another of the user's accounts or one of their agreements
        (the account it is booked on does not count: `с карты *1234` names the source)."""
        return self.reference(tx)[1]

    def loan_named(self, tx: Transaction) -> str | None:
        """The loan whose account number the transaction names (a repayment without the words)."""
        return self.reference(tx)[0]

    def reference(self, tx: Transaction) -> tuple[str | None, bool]:
        """(the loan whose account number it names, whether it names another own account or an
        own agreement) — both from one scan of its texts."""
        # Texts repeat heavily (every purchase at one shop): each distinct set is scanned once.
        key = (
            tx.bank_id,
            tx.account_id,
            tx.counterparty_account,
            tx.counterparty_name,
            tx.description,
            tx.merchant_name,
        )
        found = self._named.get(key)
        if found is None:
            found = self._named[key] = self._scan(tx)
        return found

    def _scan(self, tx: Transaction) -> tuple[str | None, bool]:
        here = (tx.bank_id, tx.account_id)
        loan: str | None = None
        named = False
        for text in (tx.counterparty_account, tx.counterparty_name, tx.description, tx.merchant_name):
            if not text:
                continue
            for run in _NUMBER.findall(text):
                number = _digits(run)
                loan = loan or self.loan_numbers.get(number)
                named = named or bool(self.by_number.get(number, frozenset()) - {here})
            for tail in _MASKED.findall(text):
                named = named or bool(self.by_tail.get(tail, frozenset()) - {here})
            lowered = text.lower()
            named = named or any(agreement_id in lowered for agreement_id in self.agreement_ids)
        return loan, named

    def internal(self, tx: Transaction, *, loan_payment: bool, interest: bool) -> bool:
        """The rules above for one transaction (`prepared.py` inlines them for speed)."""
        account = (tx.bank_id, tx.account_id)
        if account in self.mirror_accounts:
            return True
        if tx.amount >= 0:
            if account in self.card_accounts:
                return True
            return not interest and (tx.key in self.mirrored or self.names_own(tx))
        return not loan_payment and (tx.key in self.mirrored or self.names_own(tx))


def mirrored_pairs(transactions: list[Transaction], loan_accounts: frozenset[AccountKey]) -> frozenset[TxKey]:
    """Both legs of every move between two of the user's accounts: a debit and a credit of the same
    amount and currency on different accounts, booked at most `MIRROR_WINDOW_MINUTES` apart; each
    transaction pairs at most once, with the closest in time. A credit to a loan account is the
    principal of a repayment, which stays a loan payment: such pairs are left alone."""
    window = timedelta(minutes=c.MIRROR_WINDOW_MINUTES)
    # Purchases at merchants (most transactions) are never one leg of a move: skipped unexamined.
    purchases = _PURCHASE_CODES
    movers = [tx for tx in transactions if tx.mcc is None or tx.mcc not in purchases]
    credits: dict[tuple[Decimal, str], list[Transaction]] = {}
    for tx in movers:
        if tx.amount > 0:
            credits.setdefault((tx.amount, tx.currency), []).append(tx)
    if not credits:
        return frozenset()
    # Most debits are purchases of amounts no credit has: one set lookup each, no arithmetic.
    wanted = {-amount for amount, _ in credits}
    times: dict[tuple[Decimal, str], list[datetime]] = {}
    for key, group in credits.items():
        group.sort(key=lambda t: (t.booked_at, t.key))
        times[key] = [t.booked_at for t in group]
    candidates: list[tuple[Transaction, Transaction]] = []
    for tx in movers:
        if tx.amount not in wanted:
            continue
        key = (-tx.amount, tx.currency)
        moments = times.get(key)
        if moments is None:
            continue
        start = bisect_left(moments, tx.booked_at - window)
        stop = bisect_right(moments, tx.booked_at + window)
        for other in credits[key][start:stop]:
            if other.account_id != tx.account_id or other.bank_id != tx.bank_id:
                candidates.append((tx, other))
    candidates.sort(key=lambda p: (abs(p[1].booked_at - p[0].booked_at), p[0].key, p[1].key))
    used: set[TxKey] = set()
    pairs: set[TxKey] = set()
    for debit, credit in candidates:
        if debit.key in used or credit.key in used:
            continue
        used.update((debit.key, credit.key))
        if (credit.bank_id, credit.account_id) not in loan_accounts:
            pairs.update((debit.key, credit.key))
    return frozenset(pairs)


_PURCHASE_CODES = purchase_codes()
NO_MOVEMENTS = Movements()
"""Nothing is internal: the default when no account data is given."""

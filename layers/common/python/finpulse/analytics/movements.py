"""Internal movements: money that only moves between the user's own accounts.

Banks report both legs of such a move, and neither is income or spending:
- transactions *on* loan and deposit accounts mirror payments made from a current account
  (`Погашение основного долга` on the loan account is the instalment already seen on the current
  account) or capitalise interest into a balance that savings already shows;
- credits on a credit-card account are repayments from the user's own money; its debits
  (purchases, interest) are spending, but they lower the card's free limit, not cash — so they are
  neither recurring bills nor "spent today" in safe-to-spend;
- a transaction whose counterparty is one of the user's own account numbers is a transfer between
  them (`Перевод на свой счёт в другом банке`, a card repayment, a deposit top-up) — except a loan
  instalment, which stays a loan payment, and interest paid out, which is earned money.
Without account data (unit fixtures) nothing is internal, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from finpulse.domain import Account, AccountKind, Agreement, Transaction

AccountKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Movements:
    mirror_accounts: frozenset[AccountKey] = frozenset()
    card_accounts: frozenset[AccountKey] = frozenset()
    own_numbers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, accounts: Iterable[Account], agreements: Iterable[Agreement]) -> Movements:
        accounts = list(accounts)
        numbers = {a.number for a in accounts if a.number}
        numbers |= {a.account_number for a in agreements if a.account_number}
        return cls(
            mirror_accounts=frozenset(
                a.key for a in accounts if a.kind in (AccountKind.LOAN, AccountKind.DEPOSIT)
            ),
            card_accounts=frozenset(a.key for a in accounts if a.kind is AccountKind.CREDIT_CARD),
            own_numbers=frozenset(_digits(n) for n in numbers),
        )

    def to_own_account(self, tx: Transaction) -> bool:
        # Banks put the other side's account number in the counterparty field, as a number or as
        # the "name" (the sandbox and several real banks send a bare string).
        other = tx.counterparty_account or tx.counterparty_name
        return bool(other) and bool(self.own_numbers) and _digits(other or "") in self.own_numbers

    def internal(self, tx: Transaction, *, loan_payment: bool, interest: bool) -> bool:
        """The rules above for one transaction (`prepared.py` inlines them for speed)."""
        account = (tx.bank_id, tx.account_id)
        if account in self.mirror_accounts:
            return True
        if tx.amount >= 0:
            return account in self.card_accounts or (not interest and self.to_own_account(tx))
        return not loan_payment and self.to_own_account(tx)


def _digits(number: str) -> str:
    return number.replace(" ", "")


NO_MOVEMENTS = Movements()
"""Nothing is internal: the default when no account data is given."""

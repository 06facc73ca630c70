"""How much is owed on a loan, whatever sign convention the bank uses, cross-checked with the agreement.

A loan account holds nothing but debt, so its balance *is* the amount owed: a bank may report it as
a negative amount, as `Debit`, or as a positive `Credit` amount (the amount owed) — all three mean
the same, and the magnitude is taken. The agreement may say it too (`outstanding`, or the detail's
`account_balance` of the same account). When they disagree, the documented rule decides and a note
says so; a loan is never silently zero:

1. the loan's own account shows a debt → that (the ledger changes with every payment; an
   agreement's figure may be older). A different agreement figure adds a note;
2. the account shows 0 while the agreement is active and names an amount → the agreement's
   `outstanding`, else its `principal`, with a note;
3. no loan account → `outstanding`, else `principal` (flagged `outstanding_is_principal`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from finpulse.analytics.cash import balances_by_number
from finpulse.analytics.money import ZERO, rub
from finpulse.domain import Account, AccountKind, Agreement, Balance

TOLERANCE = Decimal(1)
"""Figures within 1 ₽ of each other agree (rounding, a fee booked a moment later)."""

OwedSource = Literal["account", "agreement", "principal", "none"]


@dataclass(frozen=True, slots=True)
class Owed:
    amount: Decimal | None
    """In the agreement's currency; `None` if no figure exists at all."""
    source: OwedSource
    note: str | None = None


def loan_accounts_owed(
    accounts: Sequence[Account], balances: dict[tuple[str, str], list[Balance]]
) -> dict[str, Decimal]:
    """Loan account number → amount owed: the magnitude of its chosen balance, any sign."""
    return {n: abs(v) for n, v in balances_by_number(accounts, balances, AccountKind.LOAN).items()}


def owed_on(agreement: Agreement, account_owed: Decimal | None) -> Owed:
    """The rule in the module docstring for one loan agreement."""
    stated = agreement.outstanding if agreement.outstanding is not None else agreement.principal
    if account_owed is None:
        if agreement.outstanding is not None:
            return Owed(agreement.outstanding, "agreement")
        return Owed(agreement.principal, "principal" if agreement.principal is not None else "none")
    name = agreement.product_name or agreement.agreement_id
    if account_owed == ZERO and agreement.active and stated is not None and stated > ZERO:
        return Owed(
            stated,
            "agreement" if agreement.outstanding is not None else "principal",
            f"Кредит «{name}»: по счёту кредита банк показывает 0 ₽, а договор действует — "
            f"показан долг по договору {rub(stated)}",
        )
    checks = [agreement.outstanding]
    if agreement.account_balance is not None:  # the detail's balance of this same loan account
        checks.append(abs(agreement.account_balance))
    other = next((v for v in checks if v is not None and abs(v - account_owed) > TOLERANCE), None)
    note = None
    if other is not None:
        note = (
            f"Кредит «{name}»: остаток по счёту кредита {rub(account_owed)}, по договору "
            f"{rub(other)} — показан остаток по счёту"
        )
    return Owed(account_owed, "account", note)

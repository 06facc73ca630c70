"""Who pays and who is paid: the debtor and the creditor, always accounts the bank itself reported.

The debtor must be one of the caller's current or savings accounts at that bank (as last synced).
The creditor is the target's own account: a loan's or card's account (agreement → its account
number, or the loan/card account named directly), a deposit's or savings account. A target whose
account number the bank never reported is refused (`CREDITOR_UNKNOWN`): there is no placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass

from finpulse.banks.registry import all_banks
from finpulse.domain import Account, AccountKind, Agreement, AgreementKind, Balance, mask_account_number
from finpulse.payments.checks import Checks
from finpulse.payments.records import Party, PartyKind, PaymentKind
from finpulse.payments.requests import PaymentDebtorRef, PaymentTargetRef

_DEBTOR_KINDS: dict[AccountKind, PartyKind] = {AccountKind.CURRENT: "current", AccountKind.SAVINGS: "savings"}
_ACCOUNT_TARGETS: dict[AccountKind, PartyKind] = {
    AccountKind.LOAN: "loan",
    AccountKind.CREDIT_CARD: "credit_card",
    AccountKind.DEPOSIT: "deposit",
    AccountKind.SAVINGS: "savings_account",
}
_AGREEMENT_TARGETS: dict[AgreementKind, PartyKind] = {
    AgreementKind.LOAN: "loan",
    AgreementKind.CREDIT_CARD: "credit_card",
    AgreementKind.DEPOSIT: "deposit",
}
TARGETS_OF: dict[str, frozenset[str]] = {
    "mdp": frozenset({"loan", "credit_card"}),
    "adp": frozenset({"loan", "credit_card"}),
    "sdp": frozenset({"deposit", "savings_account"}),
}
_WHAT = {
    "mdp": "a loan or a credit card",
    "adp": "a loan or a credit card",
    "sdp": "a deposit or savings account",
}


@dataclass(frozen=True)
class Holdings:
    """The caller's stored accounts, balances and agreements (one read, as the dashboard loads them)."""

    accounts: list[Account]
    balances: list[Balance]
    agreements: list[Agreement]

    def account(self, bank_id: str, account_id: str) -> Account | None:
        return next((a for a in self.accounts if a.key == (bank_id, account_id)), None)

    def agreement(self, bank_id: str, agreement_id: str) -> Agreement | None:
        return next((a for a in self.agreements if a.key == (bank_id, agreement_id)), None)

    def agreement_of(self, account: Account) -> Agreement | None:
        """The agreement whose account this is (loans, cards and deposits have their own accounts)."""
        if not account.number:
            return None
        return next(
            (
                a
                for a in self.agreements
                if a.bank_id == account.bank_id and a.account_number == account.number
            ),
            None,
        )

    def booked(self, bank_id: str, account_id: str) -> Balance | None:
        return next(
            (
                b
                for b in self.balances
                if (b.bank_id, b.account_id) == (bank_id, account_id) and b.type.value == "InterimBooked"
            ),
            None,
        )


def holdings(user_id: str) -> Holdings:
    from finpulse.data import entities

    found = entities.load(user_id)
    return Holdings(found.accounts, found.balances, found.agreements)


@dataclass(frozen=True)
class Target:
    party: Party
    agreement: Agreement | None

    @property
    def ref(self) -> str | None:
        """The dashboard's name for it (`bank/agreement`)."""
        return f"{self.party.bank_id}/{self.agreement.agreement_id}" if self.agreement else None


def _configured(bank_id: str) -> bool:
    return any(b.bank_id == bank_id for b in all_banks())


def debtor(h: Holdings, ref: PaymentDebtorRef, checks: Checks) -> Party | None:
    account = h.account(ref.bank_id, ref.account_id) if _configured(ref.bank_id) else None
    if account is None:
        checks.fail(
            "debtor_account",
            "DEBTOR_NOT_OWNED",
            "The debtor is not one of your connected accounts at this bank",
            "body.debtor",
        )
        return None
    kind = _DEBTOR_KINDS.get(account.kind)
    if kind is None or not account.enabled or not account.number:
        checks.fail(
            "debtor_account",
            "DEBTOR_NOT_PAYABLE",
            "Payments can only be made from an enabled current or savings account",
            "body.debtor",
        )
        return None
    checks.ok("debtor_account", f"Your account {_mask(account)} at {ref.bank_id}")
    return Party(
        bank_id=account.bank_id,
        account_id=account.account_id,
        number=account.number,
        currency=account.currency,
        kind=kind,
        name=account.nickname or account.sub_type or "",
    )


def target(h: Holdings, kind: PaymentKind, ref: PaymentTargetRef, checks: Checks) -> Target | None:
    found = _find(h, ref) if _configured(ref.bank_id) else None
    if found is None:
        checks.fail(
            "target", "TARGET_UNKNOWN", "No such loan, card, deposit or account of yours", "body.target"
        )
        return None
    party_kind, agreement, account = found
    if party_kind is None or party_kind not in TARGETS_OF[kind]:
        checks.fail(
            "target", "TARGET_KIND_MISMATCH", f"A {kind.upper()} goes to {_WHAT[kind]}", "body.target"
        )
        return None
    name = (agreement.product_name if agreement else "") or (account.nickname if account else "") or ""
    checks.ok("target", f"{name or party_kind} at {ref.bank_id}")
    number = (agreement.account_number if agreement else None) or (account.number if account else None)
    if not number:
        checks.fail(
            "creditor_account",
            "CREDITOR_UNKNOWN",
            "The bank has not reported this target's account number; nothing can be paid to it",
            "body.target",
        )
        return None
    checks.ok("creditor_account", f"Paid into {_mask_number(number)}")
    currency = (account.currency if account else None) or (agreement.currency if agreement else "RUB")
    party = Party(
        bank_id=ref.bank_id,
        account_id=account.account_id if account else _account_id(h, ref.bank_id, number),
        agreement_id=agreement.agreement_id if agreement else None,
        number=number,
        currency=currency,
        kind=party_kind,
        name=name,
    )
    return Target(party, agreement)


def _find(
    h: Holdings, ref: PaymentTargetRef
) -> tuple[PartyKind | None, Agreement | None, Account | None] | None:
    if ref.agreement_id is not None:
        agreement = h.agreement(ref.bank_id, ref.agreement_id)
        if agreement is None:
            return None
        account = next(
            (
                a
                for a in h.accounts
                if a.bank_id == ref.bank_id and a.number and a.number == agreement.account_number
            ),
            None,
        )
        return _AGREEMENT_TARGETS.get(agreement.kind), agreement, account
    assert ref.account_id is not None
    account = h.account(ref.bank_id, ref.account_id)
    if account is None:
        return None
    return _ACCOUNT_TARGETS.get(account.kind), h.agreement_of(account), account


def _account_id(h: Holdings, bank_id: str, number: str) -> str | None:
    return next((a.account_id for a in h.accounts if a.bank_id == bank_id and a.number == number), None)


def _mask(account: Account) -> str:
    return account.masked_number or "****"


def _mask_number(number: str) -> str:
    return mask_account_number(number) or "****"

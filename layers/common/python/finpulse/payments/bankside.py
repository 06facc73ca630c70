"""What payments read from banks through the user's account consent: the debtor's available balance
right now (never the cache) and the debtor's statement (to find a payment whose answer was lost).

The consents package is imported on first use: it loads boto3, a cold-start cost worth paying only
once a request needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from finpulse.banks.client import BankClient
from finpulse.banks.errors import BankError
from finpulse.banks.retry import Deadline
from finpulse.payments.checks import Checks
from finpulse.payments.records import Party, PaymentRecord

if TYPE_CHECKING:
    from finpulse.consents.records import ConsentRecord

STATEMENT_PAGE = 100


def payable(user_id: str, *bank_ids: str) -> str:
    """The caller's customer id at the first bank (the debtor's), once every bank named holds an
    identity bound to the caller and verified where the bank requires it (404/403 otherwise)."""
    from finpulse.consents.identity import ensure_payable

    customers = [ensure_payable(user_id, bank_id).customer_id for bank_id in dict.fromkeys(bank_ids)]
    return customers[0]


def asked[T](
    checks: Checks, name: str, what: str, call: Callable[[], T], field: str | None = None
) -> tuple[T | None, BankError | None]:
    """`call()` (a read at the bank); a bank error fails the check `name` instead (`what` could not
    be read now) and is returned for the caller to answer with (nothing was sent)."""
    try:
        return call(), None
    except BankError as exc:
        checks.fail(name, exc.code, f"{what} could not be read now: {exc.message}", field)
        return None, exc


def client(bank_id: str) -> BankClient:
    from finpulse.consents.lifecycle import client_for

    return client_for(bank_id)


def available_now(user_id: str, debtor: Party, deadline: Deadline) -> Decimal | None:
    """InterimAvailable of the debtor account, asked of the bank now (signed; None if not reported)."""
    from finpulse.consents.lifecycle import consented_call
    from finpulse.sync.pipeline.normalise import balance

    assert debtor.account_id is not None

    def call(bank: BankClient, consent: ConsentRecord) -> Decimal | None:
        assert consent.consent_id is not None
        items = bank.balances(debtor.account_id or "", consent.customer_id, consent.consent_id, deadline)
        for item in items:
            parsed = balance(debtor.bank_id, item)
            if parsed is not None and parsed.type.value == "InterimAvailable":
                return parsed.amount
        return None

    return consented_call(user_id, debtor.bank_id, "accounts", call)


def on_statement(user_id: str, record: PaymentRecord, deadline: Deadline) -> bool:
    """True when the debtor's statement shows this payment: a debit of its amount carrying its
    reference, booked after it was sent (the newest page, from a day before)."""
    from finpulse.consents.lifecycle import consented_call

    debtor = record.debtor
    since = (record.submitted_at or record.created_at) - timedelta(days=1)

    def call(bank: BankClient, consent: ConsentRecord) -> bool:
        assert consent.consent_id is not None
        items, _ = bank.transactions_page(
            debtor.account_id or "",
            consent.customer_id,
            consent.consent_id,
            deadline,
            page=1,
            limit=min(STATEMENT_PAGE, bank.bank.page_limit),
            since=since,
        )
        for item in items:
            text = " ".join(
                str(v) for v in (item.raw.get(k) for k in ("transactionInformation", "description")) if v
            )
            if (
                item.credit_debit.lower() == "debit"
                and item.amount == record.amount
                and record.reference in text
            ):
                return True
        return False

    return consented_call(user_id, debtor.bank_id, "accounts", call)

"""Settling a pending payment: ``completed``, or ``rejected`` with the money returned.

Payments settle lazily, when they are read after their ``settle_at`` (``payment_settle_seconds``).
A payment accepted under the ``reject_after_accept`` knob settles as ``rejected``: the debtor is
credited back and the creditor debited back (at another sandbox bank over ``/__internal/credit``
with ``reverse``), so nothing counts as paid.
"""

from __future__ import annotations

import httpx
import orjson

from sandbox.bank.context import Bank
from sandbox.model import Payment, iso, utcnow

REFUND_TEXT = "Возврат платежа"


async def settle(bank: Bank, p: Payment) -> None:
    if p.status != "pending" or not p.settle_at or iso(utcnow()) < p.settle_at:
        return
    if p.settles_as == "rejected":
        await _reverse(bank, p)
    p.status, p.updated = p.settles_as, p.settle_at
    bank.state.save_payment(p)


async def _reverse(bank: Bank, p: Payment) -> None:
    state = bank.state
    text = f"{REFUND_TEXT}: {p.description}"
    debtor = state.by_number.get(p.debtor_number)
    if debtor is not None:
        state.post(debtor, p.amount, True, text, counterparty=p.creditor_number)
    if p.creditor_bank == bank.settings.bank_id:
        creditor = state.by_number.get(p.creditor_number)
        if creditor is not None:
            state.post(creditor, p.amount, False, text, counterparty=p.debtor_number)
        return
    peer = bank.settings.peers.get(p.creditor_bank)
    if peer is None:
        return
    body = {
        "account_number": p.creditor_number,
        "amount": p.amount,
        "description": text,
        "debtor_number": p.debtor_number,
        "debtor_bank": bank.settings.bank_id,
        "reverse": True,
    }
    # Best effort, as a real bank's recall: the debtor's refund above stands either way.
    try:
        await bank.peers().post(
            f"{peer}/__internal/credit",
            content=orjson.dumps(body),
            headers={"x-internal-secret": bank.settings.internal_secret},
        )
    except httpx.HTTPError:
        return

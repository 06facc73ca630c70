"""`GET /api/payments`: the caller's payments from the payments table alone (no bank is asked)."""

from __future__ import annotations

from finpulse.payments import store
from finpulse.payments.views import PaymentsPage, PaymentView


def history(user_id: str, f: store.PageFilter, *, limit: int, cursor: str | None) -> PaymentsPage:
    found, next_cursor = store.page(user_id, f, limit=limit, cursor=cursor)
    return PaymentsPage(payments=[PaymentView.of(r) for r in found], next_cursor=next_cursor)

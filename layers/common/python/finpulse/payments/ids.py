"""Payment ids: time-ordered (the history lists newest first by key order) and unguessable.

`pay-20260120T101500123Z-1a2b3c4d5e6f`; the payment's reference on bank statements is the random
part (`FP-1A2B3C4D5E6F`), which is what reconciliation looks for on the debtor's statement.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime

PAYMENT_ID_PATTERN = r"^pay-\d{8}T\d{9}Z-[0-9a-f]{12}$"


def _stamp(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%S") + f"{moment.microsecond // 1000:03d}Z"


def new_payment_id(now: datetime) -> str:
    return f"pay-{_stamp(now)}-{secrets.token_hex(6)}"


def reference(payment_id: str) -> str:
    return "FP-" + payment_id.rsplit("-", 1)[-1].upper()


def day_floor(day: date) -> str:
    """The smallest payment id created on `day` (UTC): bounds of a date range in key order."""
    return f"pay-{day:%Y%m%d}T000000000Z"

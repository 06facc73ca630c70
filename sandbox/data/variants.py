"""Data variants: seed-time switches that make the generated data look the way other banks send it.

The default data follows the recorded sandbox. A variant changes what every bank serves for every
customer, consistently across balances, agreements and transactions, so that a client can be
tested against the shapes independent implementations of the same API produce. Variants are part
of the seed key: switching them (``SANDBOX_VARIANTS``, or ``PATCH /__admin/settings
{"variants": "..."}``, which re-seeds) regenerates the data.
"""

from __future__ import annotations

VARIANTS: dict[str, str] = {
    "loan_owed_as_credit": (
        "loan accounts report the amount owed as a positive balance with creditDebitIndicator "
        "Credit, and so does the loan agreement's account_balance"
    ),
    "topup_number_only": (
        "deposit openings and top-ups from a current account name the deposit only by its account "
        "number in transactionInformation; the counterparty is the customer's name"
    ),
    "salary_everywhere": (
        "every salary is also paid — same employer, amount and time — into the customer's first "
        "current account at each of the other two banks"
    ),
}


def parse_variants(text: str | None) -> tuple[str, ...]:
    """``"salary_everywhere, loan_owed_as_credit"`` → the names, sorted; unknown names are an error."""
    names = sorted({part.strip() for part in (text or "").split(",") if part.strip()})
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        known = ", ".join(sorted(VARIANTS))
        raise ValueError(f"unknown data variant(s) {', '.join(unknown)}; known: {known}")
    return tuple(names)

"""Masking of account and card numbers for anything a person or a log can see."""

from __future__ import annotations

VISIBLE_DIGITS = 4


def mask_account_number(number: str | None) -> str | None:
    """`4081781026010066706` → `****6706`. Already-masked input (`****2802`) is returned as is.

    Short identifiers keep at most half of their characters so that masking never reveals the
    whole value of a short number.
    """
    if number is None:
        return None
    compact = "".join(number.split())
    if not compact:
        return None
    visible = min(VISIBLE_DIGITS, len(compact) // 2)
    return "****" + compact[len(compact) - visible :] if visible else "****"

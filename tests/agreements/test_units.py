"""Pure parts of opening and closing: the deposit interest (docs/ANALYTICS.md's worked example) and
what a product consent allows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from finpulse.agreements.eligibility import ConsentTerms, to_close, to_open
from finpulse.analytics.deposit_interest import add_months, at_maturity, lost_if_closed


def test_interest_at_maturity_is_the_worked_example() -> None:
    maturity, interest = at_maturity(Decimal(100000), Decimal("8.5"), date(2026, 12, 2), 6)
    assert (maturity, interest) == (date(2027, 6, 2), Decimal("4238.36"))
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    lost = lost_if_closed(
        Decimal(100000), Decimal("8.5"), date(2026, 12, 2), maturity, Decimal("101200"), date(2027, 3, 1)
    )
    assert lost == Decimal("3038.36")
    assert (
        lost_if_closed(
            Decimal(100000), Decimal("8.5"), date(2026, 12, 2), maturity, Decimal(100000), maturity
        )
        == 0
    )


def _codes(verdict: object) -> list[str]:
    return [m.code for m in verdict.missing]  # type: ignore[attr-defined]


def test_what_a_product_consent_allows() -> None:
    terms = ConsentTerms(
        "c1",
        open=True,
        product_types=("deposit", "credit"),
        max_amount=Decimal(300000),
        opened_so_far=Decimal(100000),
    )
    assert to_open(terms, "deposit", Decimal(200000)).allowed
    assert _codes(to_open(terms, "deposit", Decimal("200000.01"))) == ["CONSENT_MAX_AMOUNT_EXCEEDED"]
    assert to_open(terms, "loan", None).allowed, "a bank's `credit` covers loans"
    assert _codes(to_open(terms, "credit_card", None)) == ["PRODUCT_TYPE_NOT_ALLOWED"]
    assert _codes(to_open(None, "deposit", None)) == ["PRODUCT_CONSENT_REQUIRED"]
    read_only = ConsentTerms("c2", product_types=("deposit",))
    assert _codes(to_open(read_only, "deposit", None)) == ["OPEN_NOT_GRANTED"]
    assert _codes(to_close(read_only, "deposit")) == ["CLOSE_NOT_GRANTED"]
    assert ConsentTerms("c3", open=True).room is None, "no max_amount: no cap"

"""Bank variants through the real path: sandbox banks serving the same customers the way other
implementations of the API send them (sandbox data variants), synced, then `GET /api/dashboard`.

Each must give the figures worked out by hand for the default data (golden_*.py), or the one
difference the variant is about.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from tests.dashboard.flow import pin_clock, synced_dashboard
from tests.dashboard.golden import kop
from tests.dashboard.golden_salaried import CAR, MORTGAGE, SALARIED, SALARY
from tests.dashboard.golden_saver import SAVER

pytestmark = pytest.mark.usefixtures("seed_data")


@pytest.fixture
def variants(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Switch data variants on at every bank (re-seeds them); the `sandbox` fixture restores."""
    pin_clock(monkeypatch)

    def switch(*names: str) -> None:
        for bank in sandbox:
            bank.admin.set_settings(variants=",".join(names))

    return switch


def test_a_loan_owed_as_a_positive_credit_is_the_same_debt(
    variants: Callable[..., None], live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    variants("loan_owed_as_credit")
    d = synced_dashboard("team200-1", api_client, make_user(), sandbox)
    loans = [(loan["agreement_id"], Decimal(loan["outstanding"])) for loan in d["debt"]["loans"]]
    assert loans == [("loan-team200-1-0108", CAR), ("loan-team200-1-5072", MORTGAGE)]
    assert Decimal(d["debt"]["total"]) == CAR + MORTGAGE
    assert not any(loan["outstanding_is_principal"] for loan in d["debt"]["loans"])
    assert d["notes"] == []  # the agreement's account_balance says the same amount
    assert d["health"]["score"] == SALARIED.figures["health.score"]


def test_top_ups_named_only_by_the_deposits_number_are_not_spending(
    variants: Callable[..., None], live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    variants("topup_number_only")
    d = synced_dashboard("team200-2", api_client, make_user(), sandbox, SAVER.inputs)
    months = [(m["month"], Decimal(m["income"]), Decimal(m["spending"])) for m in d["spending"]["by_month"]]
    assert months == [(k, kop(i), kop(o)) for k, i, o in SAVER.months()]
    spending = {c["category"]: Decimal(c["amount"]) for c in d["spending"]["by_category"]}
    assert spending == {k: kop(v) for k, v in SAVER.spending().items()}
    assert Decimal(d["surplus"]["spending"]) == SAVER.figures["surplus.spending"]
    assert Decimal(d["safe_to_spend"]["spent_today"]) == 0


def test_the_same_salary_at_three_banks_is_three_salaries(
    variants: Callable[..., None], live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    variants("salary_everywhere")
    d = synced_dashboard("team200-1", api_client, make_user(), sandbox)
    streams = [(s["label"], s["bank_id"], Decimal(s["monthly_amount"])) for s in d["income"]["streams"]]
    label = "ооо «технософт»"
    assert streams == [(label, "abank", SALARY), (label, "sbank", SALARY), (label, "vbank", SALARY)]
    assert Decimal(d["income"]["monthly_total"]) == 3 * SALARY
    assert Decimal(d["income"]["next_amount"]) == 3 * SALARY

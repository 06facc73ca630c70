"""Every sandbox customer through the real path: the repayment plan fits the income.

For all ten customers: `extra_monthly ≤ surplus ≤ monthly income`, ADP never more than its daily
share of the extra nor than today's safe-to-spend, and the same data on another day of the month
gives the same surplus and the same plan (docs/ANALYTICS.md, "Monthly surplus").
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from tests.dashboard.flow import dashboard, pin_clock, synced_dashboard

pytestmark = pytest.mark.usefixtures("seed_data")
FIRST_OF_MONTH = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
"""The same data, read on the first day of the month instead of the 20th."""


def _plan(d: dict[str, Any]) -> dict[str, Any]:
    """What must not move within a month: the surplus, the extra payment and the strategies. (The
    advice may: whether a refinance offer saves enough depends on the instalments left from today.)"""
    repayment = d["recommendations"]["repayment"]
    if repayment is not None:
        repayment = {k: v for k, v in repayment.items() if k not in ("advice", "reason")}
    return {"surplus": d["surplus"], "repayment": repayment}


@pytest.mark.parametrize("index", range(1, 11), ids=lambda i: f"team200-{i}")
def test_the_plan_fits_the_income_and_holds_all_month(
    index: int, live: Any, api_client: Any, make_user: Any, sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_clock(monkeypatch)
    user = make_user()
    d = synced_dashboard(f"team200-{index}", api_client, user, sandbox)
    surplus = d["surplus"]
    amount, income = Decimal(surplus["amount"]), Decimal(surplus["income"])
    assert Decimal(0) <= amount <= income
    assert amount <= Decimal(d["income"]["monthly_total"])
    assert surplus["reason"]
    repayment = d["recommendations"]["repayment"]
    adp = Decimal(d["daily_plan"]["adp_daily"])
    if repayment is None:
        assert d["debt"]["total"] == "0.00" or adp == 0
    else:
        extra = Decimal(repayment["extra_monthly"])
        assert Decimal(0) <= extra <= amount
        assert Decimal(repayment["surplus"]) == amount
        if extra > 0:
            assert repayment["advice"] == "extra_payments"
        else:
            assert repayment["advice"] in ("refinance", "minimums")
            assert adp == 0
        # ADP: the daily share of the extra, never more than today's safe-to-spend.
        assert adp <= (extra * 12 / 365).quantize(Decimal("0.01")) + Decimal("0.01")
        assert adp <= Decimal(d["safe_to_spend"]["daily"])
    pin_clock(monkeypatch, FIRST_OF_MONTH)
    other = dashboard(api_client, user)
    assert other["today"] == "2026-11-01"
    assert _plan(other) == _plan(d)

"""Golden dashboards of sandbox customers through the real path: sandbox banks over HTTP →
consents → full refresh (Step Functions, per-bank sync) → stored data → `GET /api/dashboard`.

Every expected figure is worked out by hand in `golden*.py` from the sandbox's generated data; the
dashboard must equal it to the kopeck.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.dashboard.flow import pin_clock, synced_dashboard
from tests.dashboard.golden import Golden, kop
from tests.dashboard.golden_cards import CARDS_HEAVY
from tests.dashboard.golden_salaried import SALARIED
from tests.dashboard.golden_saver import SAVER
from tests.dashboard.golden_student import STUDENT
from tests.dashboard.golden_two_paydays import TWO_PAYDAYS

GOLDENS = [SALARIED, SAVER, CARDS_HEAVY, STUDENT, TWO_PAYDAYS]
pytestmark = pytest.mark.usefixtures("seed_data")


def value_at(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def _same(actual: Any, expected: Any) -> bool:
    if isinstance(expected, Decimal):
        return actual is not None and Decimal(str(actual)) == kop(expected)
    return bool(actual == expected)


def _shape(path: str, actual: Any) -> Any:
    """Lists compared as tuples of the fields the golden names."""
    if path == "cash.by_bank":
        return [(b["bank_id"], Decimal(b["amount"])) for b in actual]
    if path == "income.streams":
        return [(s["label"], s["cadence"], Decimal(s["amount"]), s["next_date"]) for s in actual]
    if path == "savings.by_bank":
        return [(b["bank_id"], Decimal(b["amount"])) for b in actual]
    if path == "surplus.spending_months":
        return [(m["month"], Decimal(m["spending"])) for m in actual]
    if path == "bills":
        return [(b["label"], Decimal(b["amount"]), b["next_date"]) for b in actual]
    return actual


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda g: g.customer_id)
def test_golden_dashboard(
    golden: Golden, live: Any, api_client: Any, make_user: Any, sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pin_clock(monkeypatch)
    d = synced_dashboard(golden.customer_id, api_client, make_user(), sandbox, golden.inputs)
    assert d["today"] == "2026-11-20"
    mismatches = []
    for path, expected in golden.figures.items():
        actual = _shape(path, value_at(d, path))
        if isinstance(expected, list) and expected and isinstance(expected[0], tuple):
            expected = [tuple(kop(x) if isinstance(x, Decimal) else x for x in row) for row in expected]
        if not _same(actual, expected):
            mismatches.append(f"{path}: dashboard {actual!r} != hand {expected!r}")
    events = [
        (e["date"], e["kind"], Decimal(e["amount"]), Decimal(e["projected_balance"]))
        for e in d["timeline"]["events"]
    ]
    if events != golden.timeline:
        mismatches.append(f"timeline: {events} != {golden.timeline}")
    spending = {c["category"]: Decimal(c["amount"]) for c in d["spending"]["by_category"]}
    hand = {k: kop(v) for k, v in golden.spending().items()}
    if spending != hand:
        mismatches.append(f"spending by category: {spending} != {hand}")
    if Decimal(d["spending"]["total"]) != kop(sum(hand.values(), Decimal(0))):
        mismatches.append(f"spending total {d['spending']['total']}")
    merchants = [(m["merchant"], Decimal(m["amount"])) for m in d["spending"]["by_merchant"]]
    if merchants != golden.merchants():
        mismatches.append(f"merchants: {merchants} != {golden.merchants()}")
    months = [(m["month"], Decimal(m["income"]), Decimal(m["spending"])) for m in d["spending"]["by_month"]]
    if months != [(k, kop(i), kop(o)) for k, i, o in golden.months()]:
        mismatches.append(f"months: {months} != {golden.months()}")
    offers = [
        (
            o["loan"],
            o["product_id"],
            Decimal(o["new_payment"]),
            Decimal(o["monthly_saving"]),
            Decimal(o["total_saving"]),
        )
        for o in d["recommendations"]["refinance"]
    ]
    hand_offers = [(loan, p, kop(a), kop(b), kop(c)) for loan, p, a, b, c in golden.refinance]
    if offers != hand_offers:
        mismatches.append(f"refinance: {offers} != {hand_offers}")
    assert not mismatches, "\n".join(mismatches)

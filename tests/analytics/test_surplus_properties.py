"""Properties of the monthly surplus and the plan built on it (hypothesis; docs/ANALYTICS.md,
"Monthly surplus"): the extra payment never exceeds the surplus, the surplus never exceeds income,
ADP never exceeds its daily share nor today's safe-to-spend, and the same data read on any two days
of one month gives the same surplus and plan."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.analytics.dates import add_months
from finpulse.analytics.results import Dashboard
from finpulse.domain import (
    Account,
    AccountKind,
    Agreement,
    AgreementKind,
    Balance,
    BalanceType,
    FinancialInputs,
    RepaymentSpeed,
    Strategy,
    Transaction,
)
from tests.analytics.test_properties import fast, scenarios

KOPECK = Decimal("0.01")
incomes = st.decimals(min_value=Decimal("20000"), max_value=Decimal("300000"), places=2, allow_nan=False)
purchases = st.decimals(min_value=Decimal("100"), max_value=Decimal("20000"), places=2, allow_nan=False)


def _check_bounds(d: Dashboard) -> None:
    surplus = d.surplus
    assert Decimal(0) <= surplus.amount <= max(Decimal(0), surplus.income)
    assert surplus.shortfall >= 0
    repayment = d.recommendations.repayment
    if repayment is not None:
        assert Decimal(0) <= repayment.extra_monthly <= surplus.amount
        assert repayment.surplus == surplus.amount
        ceiling = (repayment.extra_monthly * 12 / 365).quantize(KOPECK) + KOPECK
        assert d.daily_plan.adp_daily <= ceiling
    assert d.daily_plan.adp_daily <= d.safe_to_spend.daily


@fast
@given(scenarios(), st.sampled_from(list(RepaymentSpeed)))
def test_extra_payment_never_exceeds_the_surplus_nor_the_surplus_income(
    data: EngineInput, speed: RepaymentSpeed
) -> None:
    inputs = replace(data.inputs, repayment_speed=speed)
    _check_bounds(compute_dashboard(replace(data, inputs=inputs)))


def _tx(i: int, day: date, amount: Decimal, text: str, mcc: str | None = None) -> Transaction:
    return Transaction(
        bank_id="vbank",
        account_id="cur",
        transaction_id=f"t{i}",
        booked_at=datetime.combine(day, time(9), UTC),
        amount=amount,
        currency="RUB",
        description=text,
        mcc=mcc,
        merchant_name=text if mcc else None,
        counterparty_name="ООО Работа" if amount > 0 else None,
    )


@st.composite
def month_of_data(draw: st.DrawFn) -> tuple[EngineInput, date, date]:
    """Six months of a life, and two days of the month after them; the data stops before the
    earlier day, so both days see the same data."""
    start = draw(st.dates(date(2024, 8, 1), date(2027, 11, 1))).replace(day=1)
    last = calendar.monthrange(start.year, start.month)[1]
    day_a, day_b = sorted(draw(st.lists(st.integers(1, last), min_size=2, max_size=2, unique=True)))
    cutoff = start.replace(day=day_a)
    salary, payday = draw(incomes), draw(st.integers(1, 28))
    bill, bill_day = draw(st.decimals(Decimal("100"), Decimal("5000"), places=2)), draw(st.integers(1, 28))
    txs: list[Transaction] = []
    for back in range(6, -1, -1):
        year, month = add_months(start.year, start.month, -back)
        for day, amount, text, mcc in (
            (payday, salary, "Зарплата", None),
            (bill_day, -bill, "МТС", "4814"),
            *(
                (draw(st.integers(1, 28)), -draw(purchases), "Пятёрочка", "5411")
                for _ in range(draw(st.integers(0, 4)))
            ),
        ):
            moment = date(year, month, day)
            if moment < cutoff:
                txs.append(_tx(len(txs), moment, amount, text, mcc))
    agreements = [
        Agreement(
            bank_id="vbank",
            agreement_id=f"loan-{k}",
            kind=AgreementKind.LOAN,
            outstanding=draw(st.decimals(Decimal("1000"), Decimal("3000000"), places=2)),
            interest_rate=draw(st.decimals(Decimal(0), Decimal(30), places=1)),
            monthly_payment=draw(st.decimals(Decimal("500"), Decimal("40000"), places=2)),
        )
        for k in range(draw(st.integers(0, 2)))
    ]
    if draw(st.booleans()):
        agreements.append(
            Agreement(
                bank_id="vbank",
                agreement_id="card-1",
                kind=AgreementKind.CREDIT_CARD,
                credit_limit=Decimal(300000),
                used_amount=draw(st.decimals(Decimal(0), Decimal(300000), places=2)),
                interest_rate=Decimal("29.9"),
            )
        )
    goal = draw(st.none() | st.integers(2, 24))
    inputs = FinancialInputs(
        repayment_speed=draw(st.sampled_from(list(RepaymentSpeed))),
        strategy=draw(st.sampled_from(list(Strategy))),
        salary=draw(st.none() | incomes),
        savings_goal_amount=None if goal is None else Decimal(5_000_000),
        savings_goal_date=None if goal is None else start + timedelta(days=31 * goal),
    )
    data = EngineInput(
        today=cutoff,
        accounts=[Account(bank_id="vbank", account_id="cur", kind=AccountKind.CURRENT, currency="RUB")],
        balances=[
            Balance(
                bank_id="vbank",
                account_id="cur",
                type=BalanceType.INTERIM_AVAILABLE,
                amount=draw(st.decimals(Decimal(0), Decimal(500000), places=2)),
                currency="RUB",
                at=datetime(2024, 1, 1, tzinfo=UTC),
            )
        ],
        transactions=txs,
        agreements=agreements,
        inputs=inputs,
    )
    return data, start.replace(day=day_a), start.replace(day=day_b)


def _plan(d: Dashboard) -> tuple[object, object]:
    repayment = d.recommendations.repayment
    # The advice may change with the instalments left from today (refinance offers); nothing else.
    kept = None if repayment is None else repayment.model_dump(exclude={"advice", "reason"})
    return d.surplus, kept


@fast
@given(month_of_data())
def test_the_plan_is_the_same_on_every_day_of_a_month(case: tuple[EngineInput, date, date]) -> None:
    data, day_a, day_b = case
    first = compute_dashboard(replace(data, today=day_a))
    second = compute_dashboard(replace(data, today=day_b))
    _check_bounds(first)
    _check_bounds(second)
    assert _plan(first) == _plan(second)

"""Properties that must hold for any data (hypothesis)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finpulse.analytics import EngineInput, compute_dashboard
from finpulse.analytics.money import Converter
from finpulse.analytics.prepared import prepare
from finpulse.domain import (
    Account,
    AccountKind,
    Agreement,
    AgreementKind,
    Balance,
    BalanceType,
    FinancialInputs,
    Transaction,
)

BANKS = ("vbank", "abank", "sbank")
DESCRIPTIONS = (
    ("Зарплата", None),
    ("Пятёрочка", "5411"),
    ("Netflix", "4899"),
    ("МТС", "4814"),
    ("Перевод", None),
    ("Платеж по кредиту №loan-vbank", None),
)
money = st.decimals(min_value=Decimal("-200000"), max_value=Decimal("200000"), places=2, allow_nan=False)
positive = st.decimals(min_value=Decimal("0"), max_value=Decimal("5000000"), places=2, allow_nan=False)
today_st = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def transactions(draw: st.DrawFn, today: date) -> list[Transaction]:
    count = draw(st.integers(0, 40))
    out = []
    for i in range(count):
        bank = draw(st.sampled_from(BANKS))
        desc, mcc = draw(st.sampled_from(DESCRIPTIONS))
        offset = draw(st.integers(-200 * 24 * 60, 24 * 60))
        moment = datetime.combine(today, datetime.min.time(), UTC) + timedelta(minutes=offset)
        amount = draw(money.filter(lambda x: x != 0))
        out.append(
            Transaction(
                bank_id=bank,
                account_id="acc",
                transaction_id=f"t{i}",
                booked_at=moment,
                amount=amount,
                currency="RUB",
                description=desc,
                mcc=mcc,
                merchant_name=desc if mcc else None,
            )
        )
    return out


@st.composite
def scenarios(draw: st.DrawFn) -> EngineInput:
    today = draw(today_st)
    accounts, balances, agreements = [], [], []
    for bank in BANKS:
        if not draw(st.booleans()):
            continue
        kind = draw(
            st.sampled_from(
                [AccountKind.CURRENT, AccountKind.DEBIT_CARD, AccountKind.SAVINGS, AccountKind.CREDIT_CARD]
            )
        )
        accounts.append(
            Account(bank_id=bank, account_id="acc", kind=kind, currency="RUB", enabled=draw(st.booleans()))
        )
        for kind_b in draw(st.sets(st.sampled_from(list(BalanceType)))):
            balances.append(
                Balance(
                    bank_id=bank,
                    account_id="acc",
                    type=kind_b,
                    amount=draw(money),
                    currency="RUB",
                    at=datetime(2025, 1, 1, tzinfo=UTC),
                )
            )
        if draw(st.booleans()):
            agreements.append(
                Agreement(
                    bank_id=bank,
                    agreement_id=f"loan-{bank}",
                    kind=AgreementKind.LOAN,
                    outstanding=draw(positive),
                    interest_rate=draw(st.none() | st.decimals(0, 40, places=1)),
                    term_months=draw(st.none() | st.integers(1, 360)),
                    start_date=draw(st.none() | st.dates(date(2020, 1, 1), today)),
                    overdue_amount=draw(st.sampled_from([Decimal(0), Decimal("1500.00")])),
                )
            )
        if draw(st.booleans()):
            agreements.append(
                Agreement(
                    bank_id=bank,
                    agreement_id=f"card-{bank}",
                    kind=AgreementKind.CREDIT_CARD,
                    credit_limit=draw(positive),
                    used_amount=draw(st.none() | positive),
                )
            )
    inputs = FinancialInputs(
        paydays=tuple(draw(st.sets(st.integers(1, 31), max_size=2))),
        salary=draw(st.none() | positive),
        savings_goal_amount=draw(st.none() | positive),
        savings_goal_date=draw(st.none() | st.dates(today - timedelta(days=30), today + timedelta(days=900))),
    )
    return EngineInput(
        today=today,
        accounts=accounts,
        balances=balances,
        agreements=agreements,
        transactions=draw(transactions(today)),
        inputs=inputs,
    )


fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(scenarios())
def test_safe_to_spend_is_never_negative_and_divides_by_future_days(data: EngineInput) -> None:
    sts = compute_dashboard(data).safe_to_spend
    assert sts.daily >= 0
    assert sts.left_today >= 0
    assert sts.tomorrow_daily is None or sts.tomorrow_daily >= 0
    assert sts.days >= 1
    assert sts.period_end > data.today
    assert sts.days == (sts.period_end - data.today).days


def shuffled(data: EngineInput, seed: int) -> EngineInput:
    rng = random.Random(seed)

    def mix(items: object) -> list:
        out = list(items)  # type: ignore[call-overload]
        rng.shuffle(out)
        return out

    return EngineInput(
        today=data.today,
        accounts=mix(data.accounts),
        balances=mix(data.balances),
        transactions=mix(data.transactions),
        agreements=mix(data.agreements),
        products=mix(data.products),
        inputs=data.inputs,
    )


@fast
@given(scenarios(), st.integers(0, 2**32))
def test_results_do_not_depend_on_order(data: EngineInput, seed: int) -> None:
    assert compute_dashboard(shuffled(data, seed)) == compute_dashboard(data)


@fast
@given(scenarios(), st.data())
def test_duplicate_transactions_change_nothing(data: EngineInput, extra: st.DataObject) -> None:
    txs = list(data.transactions)
    if not txs:
        return
    dupes = extra.draw(st.lists(st.sampled_from(txs), min_size=1, max_size=5))
    doubled = EngineInput(
        today=data.today,
        accounts=data.accounts,
        balances=data.balances,
        transactions=txs + dupes,
        agreements=data.agreements,
        inputs=data.inputs,
    )
    result = compute_dashboard(doubled)
    assert result.duplicates_ignored == len(dupes)
    assert result.model_copy(update={"duplicates_ignored": 0}) == compute_dashboard(data)


@fast
@given(scenarios())
def test_cash_never_counts_a_balance_twice(data: EngineInput) -> None:
    cash = compute_dashboard(data).cash
    enabled = {
        (a.bank_id, a.account_id)
        for a in data.accounts
        if a.enabled and a.kind in (AccountKind.CURRENT, AccountKind.DEBIT_CARD)
    }
    assert len(cash.accounts) == len(enabled)
    expected = Decimal(0)
    for key in enabled:
        mine = [b for b in data.balances if (b.bank_id, b.account_id) == key]
        available = [b.amount for b in mine if b.type is BalanceType.INTERIM_AVAILABLE]
        booked = [b.amount for b in mine if b.type is BalanceType.INTERIM_BOOKED]
        expected += (available or booked or [Decimal(0)])[0]
    assert cash.total == expected


@fast
@given(scenarios(), positive)
def test_debt_never_includes_a_card_limit(data: EngineInput, new_limit: Decimal) -> None:
    debt = compute_dashboard(data).debt
    loans = sum((a.outstanding or 0 for a in data.agreements if a.kind is AgreementKind.LOAN), Decimal(0))
    used = sum((c.used for c in debt.cards), Decimal(0))
    assert debt.total == loans + used
    relimited = EngineInput(
        today=data.today,
        accounts=data.accounts,
        balances=data.balances,
        transactions=data.transactions,
        agreements=[
            Agreement(**{**{f: getattr(a, f) for f in a.__dataclass_fields__}, "credit_limit": new_limit})
            if a.kind is AgreementKind.CREDIT_CARD and a.used_amount is not None
            else a
            for a in data.agreements
        ],
        inputs=data.inputs,
    )
    assert compute_dashboard(relimited).debt.total == debt.total


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)),
    st.sampled_from(["Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"]),
)
def test_local_day_matches_astimezone(moment: datetime, zone: str) -> None:
    tz = ZoneInfo(zone)
    local = moment.astimezone(tz).date()
    spend = Transaction(
        bank_id="b",
        account_id="a",
        transaction_id="t",
        booked_at=moment,
        amount=Decimal("-1.00"),
        currency="RUB",
        mcc="5411",
    )
    prepared = prepare([spend], today=local, tz=tz, converter=Converter("RUB", {}), loan_ids=())
    assert [amount for _, amount in prepared.today_spending] == [Decimal("1.00")]

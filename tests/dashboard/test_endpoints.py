"""The analytics endpoints: cache and invalidation, sections, spending, inputs, edge cases.

Data is stored in the sync's layout (`store.py`) for a clock pinned to 2025-11-21 12:00 Moscow,
the date of the engine's hand-worked profiles (docs/ANALYTICS.md), so figures can be checked
against the documented examples.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from finpulse import clock
from finpulse.analytics import EngineInput
from finpulse.data import versioning
from finpulse.domain import AccountKind, Agreement, AgreementKind
from tests.analytics.builders import TODAY, account, balance, deposit, loan, monthly, tx
from tests.analytics.profiles import salaried
from tests.dashboard.store import store
from tests.sync.support import emf_metrics
from tests.timeshift import running_from

SECTIONS = {
    "/api/loans": ["loans", "loans_total", "overdue_total", "monthly_payments", "daily_plan", "repayment"],
    "/api/deposits": ["savings"],
    "/api/cards": ["cards", "cards_used_total"],
    "/api/safe-to-spend": ["safe_to_spend", "daily_plan", "income", "cash"],
    "/api/timeline": ["timeline"],
    "/api/refinance/optimize-loans": ["offers", "loans", "repayment"],
    "/api/recommendations": ["recommendations", "health", "daily_plan"],
}


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", running_from(datetime(2025, 11, 21, 9, 0, tzinfo=UTC)))


@pytest.fixture
def user(live: Any, make_user: Any) -> Any:
    return make_user()


def get(api_client: Any, user: Any, path: str) -> dict[str, Any]:
    r = api_client.get(path, headers=user.auth_header)
    assert r.status_code == 200, (path, r.get_json())
    assert r.headers.get("Cache-Control") == "private, no-store" or path.startswith(
        ("/api/spending", "/api/me")
    )
    body: dict[str, Any] = r.get_json()
    return body


def test_dashboard_is_cached_per_data_version_and_recomputed_after_a_change(
    api_client: Any, user: Any
) -> None:
    store(user.sub, salaried().data)
    first = get(api_client, user, "/api/dashboard")
    assert first["from_cache"] is False
    # docs/ANALYTICS.md, worked example: cash 180 000.00, safe-to-spend 5 950.00 a day for 19 days.
    assert first["dashboard"]["cash"]["total"] == "180000.00"
    assert (first["dashboard"]["safe_to_spend"]["daily"], first["dashboard"]["safe_to_spend"]["days"]) == (
        "5950.00",
        19,
    )
    second = get(api_client, user, "/api/dashboard")
    assert second["from_cache"] is True
    assert second["dashboard"] == first["dashboard"]
    assert second["data_version"] == first["data_version"] == versioning.current_version(user.sub)

    # Every section is cut from the same cached computation.
    for path, keys in SECTIONS.items():
        body = get(api_client, user, path)
        assert body["from_cache"] is True, path
        assert body["data_version"] == first["data_version"]
        assert set(keys) <= set(body), path
    d = first["dashboard"]
    assert get(api_client, user, "/api/safe-to-spend")["safe_to_spend"] == d["safe_to_spend"]
    assert get(api_client, user, "/api/timeline")["timeline"] == d["timeline"]
    assert get(api_client, user, "/api/loans")["loans"] == d["debt"]["loans"]
    assert (
        get(api_client, user, "/api/refinance/optimize-loans")["offers"] == d["recommendations"]["refinance"]
    )

    # An input change bumps the version: the next read recomputes with the new inputs.
    r = api_client.put("/api/me/financial-inputs", json={"safety_buffer": "30000"}, headers=user.auth_header)
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["data_version"] == first["data_version"] + 1
    third = get(api_client, user, "/api/dashboard")
    assert third["from_cache"] is False
    assert third["data_version"] == first["data_version"] + 1
    assert third["dashboard"]["safe_to_spend"]["safety_buffer"] == "30000.00"
    # (181 200 − 56 150 − 30 000) / 19 = 5 002.63
    assert third["dashboard"]["safe_to_spend"]["daily"] == "5002.63"
    assert get(api_client, user, "/api/dashboard")["from_cache"] is True

    # A sync (or payment) bumps the version too; force_refresh recomputes regardless.
    versioning.bump(user.sub, "sync")
    assert get(api_client, user, "/api/dashboard")["from_cache"] is False
    forced = get(api_client, user, "/api/dashboard?force_refresh=true")
    assert forced["from_cache"] is False
    assert forced["dashboard"] == third["dashboard"]


def test_the_cache_follows_the_local_day(api_client: Any, user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    store(user.sub, salaried().data)
    assert get(api_client, user, "/api/dashboard")["dashboard"]["today"] == "2025-11-21"
    # 21:30 UTC is already the 22nd in Moscow: a new day, a new computation, same data version.
    monkeypatch.setattr(clock, "now", running_from(datetime(2025, 11, 21, 21, 30, tzinfo=UTC)))
    later = get(api_client, user, "/api/dashboard")
    assert (later["from_cache"], later["dashboard"]["today"]) == (False, "2025-11-22")


def test_spending_groups_and_ranges(api_client: Any, user: Any) -> None:
    store(user.sub, salaried().data)
    by_category = get(api_client, user, "/api/spending")["report"]
    # docs/ANALYTICS.md, worked example step 9 (10-23 … 11-21): 78 200.00.
    assert (by_category["start"], by_category["end"], by_category["total"]) == (
        "2025-10-23",
        "2025-11-21",
        "78200.00",
    )
    assert {r["key"]: r["amount"] for r in by_category["rows"]}["loan_payments"] == "52000.00"
    months = get(api_client, user, "/api/spending?group_by=month&from=2025-08-01&to=2025-11-21")["report"]
    assert [r["key"] for r in months["rows"]] == ["2025-08", "2025-09", "2025-10", "2025-11"]
    assert months["rows"][0]["amount"] == "76050.00"
    merchants = get(api_client, user, "/api/spending?group_by=merchant&from=2025-11-21&to=2025-11-21")[
        "report"
    ]
    assert [(r["key"], r["amount"]) for r in merchants["rows"]] == [("Пятёрочка", "1200.00")]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("group_by=week", "query.group_by"),
        ("from=2025-11-10&to=2025-11-01", "query.to"),
        ("from=2020-01-01&to=2025-11-01", "query.from"),
        ("from=yesterday", "query.from"),
    ],
)
def test_spending_rejects_bad_queries_with_the_envelope(
    api_client: Any, user: Any, query: str, field: str
) -> None:
    r = api_client.get(f"/api/spending?{query}", headers=user.auth_header)
    assert r.status_code == 422, r.get_json()
    error = r.get_json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert field in [d["field"] for d in error["details"]]


def test_inputs_defaults_then_stored(api_client: Any, user: Any) -> None:
    fresh = get(api_client, user, "/api/me/financial-inputs")
    assert fresh["stored"] is False
    assert (fresh["repayment_speed"], fresh["strategy"], fresh["timezone"]) == (
        "balanced",
        "avalanche",
        "Europe/Moscow",
    )
    body = {
        "salary": 150000,
        "paydays": [25, 10],
        "credit_payment_overrides": [
            {"bank_id": "vbank", "agreement_id": "mort-1", "monthly_payment": "30000.00"}
        ],
        "savings_goal_amount": "1000000",
        "savings_goal_date": "2026-11-21",
        "repayment_speed": "fast",
        "strategy": "snowball",
        "safety_buffer": "5000.50",
        "timezone": "Asia/Yekaterinburg",
    }
    r = api_client.put("/api/me/financial-inputs", json=body, headers=user.auth_header)
    assert r.status_code == 200, r.get_json()
    saved = get(api_client, user, "/api/me/financial-inputs")
    assert saved["stored"] is True
    assert saved["paydays"] == [10, 25]
    assert (saved["salary"], saved["safety_buffer"], saved["strategy"]) == ("150000", "5000.50", "snowball")
    assert saved["credit_payment_overrides"][0]["monthly_payment"] == "30000.00"
    assert saved["timezone"] == "Asia/Yekaterinburg"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"salary": -1}, "body.salary"),
        ({"salary": "12.345"}, "body.salary"),
        ({"paydays": [0]}, "body.paydays"),
        ({"paydays": [5, 5]}, "body.paydays"),
        ({"paydays": [1, 2, 3, 4, 5]}, "body.paydays"),
        ({"repayment_speed": "warp"}, "body.repayment_speed"),
        ({"strategy": "random"}, "body.strategy"),
        ({"timezone": "Mars/Olympus"}, "body.timezone"),
        ({"savings_goal_date": "2026-01-01"}, "body"),
        ({"savings_goal_amount": "100", "savings_goal_date": "2025-11-21"}, "body.savings_goal_date"),
        ({"savings_goal_amount": 0}, "body.savings_goal_amount"),
        ({"safety_buffer": "NaN"}, "body.safety_buffer"),
        ({"unknown": 1}, "body.unknown"),
        (
            {
                "credit_payment_overrides": [{"bank_id": "vbank", "agreement_id": "x", "monthly_payment": 1}]
                * 2
            },
            "body.credit_payment_overrides",
        ),
        (
            {"credit_payment_overrides": [{"bank_id": "vbank", "agreement_id": "x"}]},
            "body.credit_payment_overrides",
        ),
    ],
)
def test_inputs_validation_names_the_field(
    api_client: Any, user: Any, body: dict[str, Any], field: str
) -> None:
    r = api_client.put("/api/me/financial-inputs", json=body, headers=user.auth_header)
    assert r.status_code == 422, r.get_json()
    error = r.get_json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert any(d["field"].startswith(field) for d in error["details"]), error["details"]
    assert get(api_client, user, "/api/me/financial-inputs")["stored"] is False


def test_a_foreign_user_id_is_refused(api_client: Any, user: Any) -> None:
    r = api_client.get("/api/dashboard?user_id=someone-else", headers=user.auth_header)
    assert r.status_code == 403
    assert r.get_json()["error"]["code"] == "FORBIDDEN"


def _only(**kw: Any) -> EngineInput:
    return EngineInput(today=TODAY, **kw)


LOAN_ACC = account("vbank", "la", AccountKind.LOAN, number="45507810000000000001")
EDGES: dict[str, tuple[EngineInput, dict[str, Any]]] = {
    "no accounts": (_only(), {"cash.total": "0.00", "safe_to_spend.daily": "0.00", "safe_to_spend.days": 30}),
    "only loans": (
        _only(
            accounts=[LOAN_ACC],
            balances=[balance("vbank", "la", "-250000.00")],
            agreements=[loan("vbank", "L-1", "300000", "12", account_number=LOAN_ACC.number, term_months=24)],
        ),
        {"cash.total": "0.00", "debt.total": "250000.00", "safe_to_spend.daily": "0.00"},
    ),
    "only deposits": (
        _only(agreements=[deposit("sbank", "D-1", "500000", "18")]),
        {"cash.total": "0.00", "savings.total": "500000.00", "debt.total": "0.00"},
    ),
    "foreign currency": (
        _only(
            accounts=[account("abank", "usd", currency="USD")],
            balances=[balance("abank", "usd", "1000.00", currency="USD")],
        ),
        {
            "cash.total": "0.00",
            "cash.foreign_unconverted.0.currency": "USD",
            "cash.foreign_unconverted.0.amount": "1000.00",
        },
    ),
    "loan without details": (
        _only(
            agreements=[
                Agreement(
                    bank_id="vbank",
                    agreement_id="nodet-1",
                    kind=AgreementKind.LOAN,
                    principal=Decimal(150000),
                )
            ]
        ),
        {
            "debt.total": "150000.00",
            "debt.loans.0.payment_source": "unknown",
            "debt.loans.0.monthly_payment": None,
        },
    ),
    "empty month": (
        _only(
            accounts=[account("vbank", "c")],
            balances=[balance("vbank", "c", "1000.00")],
            transactions=monthly(
                "vbank", "c", "old", ["2025-08", "2025-09"], 3, "-500.00", "Кафе", mcc="5812"
            ),
        ),
        {
            "spending.total": "0.00",
            "spending.by_month.11.month": "2025-11",
            "spending.by_month.11.spending": "0.00",
        },
    ),
}


def _at(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


@pytest.mark.parametrize("case", sorted(EDGES))
def test_edge_cases_answer_sensibly(api_client: Any, user: Any, case: str) -> None:
    data, expected = EDGES[case]
    store(user.sub, data)
    d = get(api_client, user, "/api/dashboard")["dashboard"]
    for path, value in expected.items():
        assert _at(d, path) == value, (case, path)
    for path in [*SECTIONS, "/api/spending", "/api/spending?group_by=month"]:
        get(api_client, user, path)


def test_payday_today_means_the_next_income_is_next_month(api_client: Any, user: Any) -> None:
    data = _only(
        accounts=[account("vbank", "c")],
        balances=[balance("vbank", "c", "20000.00")],
        transactions=[
            tx("vbank", "c", "s", "2025-11-21", "60000.00", "Зарплата", counterparty_name="ООО Ромашка")
        ],
    )
    store(user.sub, data)
    r = api_client.put(
        "/api/me/financial-inputs", json={"salary": 60000, "paydays": [21]}, headers=user.auth_header
    )
    assert r.status_code == 200
    sts = get(api_client, user, "/api/safe-to-spend")
    assert sts["income"]["next_date"] == "2025-12-21"
    assert (sts["safe_to_spend"]["days"], sts["safe_to_spend"]["period_end"]) == (30, "2025-12-21")
    # (20 000 − 6 000 buffer) / 30 = 466.67
    assert sts["safe_to_spend"]["daily"] == "466.67"


def test_a_full_refresh_with_include_dashboard_leaves_a_warm_cache(
    api_client: Any, user: Any, sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sync.support import connect, refresh

    # A sync runs on the real clock: its lock lease, in the past, would meet DynamoDB's TTL.
    monkeypatch.undo()

    connect(api_client, user, sandbox, customer="team200-5")
    done = refresh(api_client, user, include_dashboard=True)
    assert done["state"] == "succeeded", done
    body = get(api_client, user, "/api/dashboard")
    assert body["from_cache"] is True
    assert body["data_version"] == done["data_version"]
    assert [f["status"] for f in body["freshness"]] == ["fresh", "fresh", "fresh"]


def test_every_answer_matches_its_documented_model(api_client: Any, user: Any) -> None:
    """The handlers splice cached JSON instead of building models: the OpenAPI models must still
    describe exactly what is sent."""
    from finpulse.dashboard import views
    from finpulse.dashboard.sections import SECTIONS as MODELS

    store(user.sub, salaried().data)
    views.DashboardResponse.model_validate(get(api_client, user, "/api/dashboard"))
    paths = {name: "/api/" + name.replace("_", "-") for name in MODELS}
    paths["refinance"] = "/api/refinance/optimize-loans"
    for name, (_, model) in MODELS.items():
        model.model_validate(get(api_client, user, paths[name]))
    views.SpendingResponse.model_validate(get(api_client, user, "/api/spending?group_by=merchant"))


def test_cache_hits_and_misses_are_business_metrics(
    api_client: Any, user: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    store(user.sub, salaried().data)
    capsys.readouterr()
    get(api_client, user, "/api/dashboard")
    get(api_client, user, "/api/dashboard")
    names = [name for name, _ in emf_metrics(capsys.readouterr().out)]
    assert names.count("DashboardCacheMiss") == 1
    assert names.count("DashboardCacheHit") == 1

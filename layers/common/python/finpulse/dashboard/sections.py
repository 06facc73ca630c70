"""Sub-resources of the dashboard, cut from the cached dashboard's JSON.

`GET /api/loans`, `/api/cards`, … are views of one dashboard computation per data version: each
section names the parts of the dashboard it shows (its shape is the matching model in
`views.py`), so every endpoint answers with the same figures the dashboard shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from finpulse.dashboard import views

Json = dict[str, Any]


def _loans(d: Json) -> Json:
    debt = d["debt"]
    return {
        "loans": debt["loans"],
        "loans_total": debt["loans_total"],
        "overdue_total": debt["overdue_total"],
        "monthly_payments": debt["monthly_payments"],
        "daily_plan": d["daily_plan"],
        "surplus": d["surplus"],
        "repayment": d["recommendations"]["repayment"],
        "notes": d["notes"],
    }


def _deposits(d: Json) -> Json:
    return {"savings": d["savings"]}


def _cards(d: Json) -> Json:
    return {"cards": d["debt"]["cards"], "cards_used_total": d["debt"]["cards_used_total"]}


def _safe_to_spend(d: Json) -> Json:
    return {
        "safe_to_spend": d["safe_to_spend"],
        "daily_plan": d["daily_plan"],
        "income": d["income"],
        "cash": d["cash"],
    }


def _timeline(d: Json) -> Json:
    return {"timeline": d["timeline"]}


def _refinance(d: Json) -> Json:
    recs = d["recommendations"]
    return {
        "offers": recs["refinance"],
        "loans": d["debt"]["loans"],
        "surplus": d["surplus"],
        "repayment": recs["repayment"],
    }


def _recommendations(d: Json) -> Json:
    return {
        "recommendations": d["recommendations"],
        "surplus": d["surplus"],
        "health": d["health"],
        "daily_plan": d["daily_plan"],
    }


SECTIONS: dict[str, tuple[Callable[[Json], Json], type[BaseModel]]] = {
    "loans": (_loans, views.LoansResponse),
    "deposits": (_deposits, views.DepositsResponse),
    "cards": (_cards, views.CardsResponse),
    "safe_to_spend": (_safe_to_spend, views.SafeToSpendResponse),
    "timeline": (_timeline, views.TimelineResponse),
    "refinance": (_refinance, views.RefinanceResponse),
    "recommendations": (_recommendations, views.RecommendationsResponse),
}

"""Default amounts and targets, and what is owed, as the dashboard shows them (never recomputed).

MDP: the loan's next instalment (a card's minimum payment), never more than is owed. ADP: the
dashboard's extra payment (`daily_plan.adp_daily`) to its target (`daily_plan.adp_target`).
SDP: the dashboard's savings share (`daily_plan.sdp_daily`). A zero default is no default.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from finpulse.payments.requests import PaymentTargetRef
from finpulse.payments.resolve import Holdings, Target

AmountSource = Literal["request", "next_instalment", "dashboard_adp", "dashboard_sdp"]


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@dataclass(frozen=True)
class Figures:
    loans: dict[str, dict[str, Any]]
    cards: dict[str, dict[str, Any]]
    plan: dict[str, Any]

    def adp_target(self) -> PaymentTargetRef | None:
        ref = self.plan.get("adp_target")
        if not isinstance(ref, str) or "/" not in ref:
            return None
        bank_id, agreement_id = ref.split("/", 1)
        return PaymentTargetRef(bank_id=bank_id, agreement_id=agreement_id)

    def owed(self, target: Target, h: Holdings) -> Decimal | None:
        """A loan's outstanding or a card's used amount; the account's own balance without either."""
        ref = target.ref
        if ref in self.loans:
            return _dec(self.loans[ref].get("outstanding"))
        if ref in self.cards:
            return _dec(self.cards[ref].get("used"))
        if target.party.account_id is None:
            return None
        booked = h.booked(target.party.bank_id, target.party.account_id)
        return None if booked is None else max(Decimal(0), -booked.amount)

    def default_amount(
        self, kind: str, target: Target | None, h: Holdings
    ) -> tuple[Decimal | None, AmountSource | None]:
        if kind == "adp":
            return _positive(_dec(self.plan.get("adp_daily"))), "dashboard_adp"
        if kind == "sdp":
            return _positive(_dec(self.plan.get("sdp_daily"))), "dashboard_sdp"
        if target is None:
            return None, None
        ref = target.ref
        due: Decimal | None = None
        if ref in self.loans:
            loan = self.loans[ref]
            due = _dec(loan.get("next_payment_amount")) or _dec(loan.get("monthly_payment"))
        elif ref in self.cards:
            due = _dec(self.cards[ref].get("min_payment"))
        owed = self.owed(target, h)
        if due is not None and owed is not None:
            due = min(due, owed)
        return _positive(due), "next_instalment"


def _positive(value: Decimal | None) -> Decimal | None:
    return value if value is not None and value > 0 else None


def figures(user_id: str) -> Figures:
    from finpulse.dashboard import service

    data = service.get(user_id).data
    debt = data.get("debt") or {}
    return Figures(
        loans={f"{x['bank_id']}/{x['agreement_id']}": x for x in debt.get("loans") or []},
        cards={f"{x['bank_id']}/{x['agreement_id']}": x for x in debt.get("cards") or []},
        plan=data.get("daily_plan") or {},
    )

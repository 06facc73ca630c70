"""Financial health score 0-100: five weighted components, each with the reason it moved."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from finpulse.analytics import constants as c
from finpulse.analytics.debt import DebtFigures
from finpulse.analytics.money import HUNDRED, ONE, ZERO, kop, ru_decimal, rub
from finpulse.analytics.results import Health, HealthComponent

W = c.HEALTH_WEIGHTS
# When two components lost as many points, the first here is the more urgent advice.
PRIORITY = ("overdue", "debt_to_income", "buffer", "card_utilisation", "income_regularity")
ACTIONS = {
    "overdue": "Погасите просроченную задолженность — это первый шаг",
    "debt_to_income": "Снизьте долговую нагрузку: досрочное погашение или рефинансирование",
    "buffer": "Откладывайте в подушку безопасности, пока она не покроет 6 месяцев расходов",
    "card_utilisation": "Погасите кредитные карты до 30 % лимита",
    "income_regularity": "Укажите зарплату и день выплаты в настройках",
    "keep_going": "Всё в порядке — продолжайте в том же духе",
}


def _scale(value: Decimal) -> Decimal:
    return min(ONE, max(ZERO, value))


def compute_health(
    *,
    debt: DebtFigures,
    monthly_income: Decimal,
    regularity: str,
    liquid: Decimal,
    monthly_spending: Decimal,
    monthly_obligations: Decimal,
) -> Health:
    parts: list[HealthComponent] = []

    def part(code: str, points: Decimal, value: Decimal | None, reason: str) -> None:
        parts.append(
            HealthComponent(code=code, points=points, max_points=W[code], value=value, reason=reason)
        )

    monthly_debt = debt.monthly_payments
    if monthly_income > ZERO:
        dti = monthly_debt / monthly_income
        points = W["debt_to_income"] * _scale((c.DTI_BAD - dti) / (c.DTI_BAD - c.DTI_GOOD))
        part(
            "debt_to_income",
            points,
            kop(dti * HUNDRED),
            f"Платежи по долгам — {ru_decimal(dti * HUNDRED)} % дохода",
        )
    elif monthly_debt == ZERO:
        part("debt_to_income", W["debt_to_income"], None, "Нет долговых платежей")
    else:
        part("debt_to_income", ZERO, None, "Есть платежи по долгам, но доход не найден")

    basis = monthly_spending if monthly_spending > ZERO else monthly_obligations
    if basis > ZERO:
        months = max(ZERO, liquid) / basis
        points = W["buffer"] * _scale(months / c.BUFFER_GOOD_MONTHS)
        part("buffer", points, kop(months), f"Денег хватит на {ru_decimal(months)} мес. расходов")
    else:
        part("buffer", W["buffer"], None, "Расходов не найдено")

    overdue = debt.overdue
    if overdue == ZERO:
        part("overdue", W["overdue"], kop(ZERO), "Просрочек нет")
    else:
        part("overdue", ZERO, kop(overdue), f"Просрочено {rub(overdue)}")

    # A card whose used amount the bank did not report says nothing about utilisation.
    known = [card for card in debt.cards if card.limit and card.used_known]
    limits = sum((card.limit or ZERO for card in known), ZERO)
    if limits > ZERO:
        used = sum((card.used for card in known), ZERO)
        share = used / limits
        points = W["card_utilisation"] * _scale(
            (c.UTILISATION_BAD - share) / (c.UTILISATION_BAD - c.UTILISATION_GOOD)
        )
        part(
            "card_utilisation",
            points,
            kop(share * HUNDRED),
            f"Карты использованы на {ru_decimal(share * HUNDRED)} %",
        )
    else:
        part("card_utilisation", W["card_utilisation"], None, "Нет данных об использовании кредитных карт")

    if regularity == "regular":
        part("income_regularity", W["income_regularity"], None, "Доход приходит регулярно")
    elif regularity == "irregular":
        part("income_regularity", c.IRREGULAR_INCOME_POINTS, None, "Доход нерегулярный")
    else:
        part("income_regularity", ZERO, None, "Доход не найден")

    total = sum((p.points for p in parts), ZERO)
    score = int(total.quantize(ONE, rounding=ROUND_HALF_UP))
    lost = {p.code: p.max_points - p.points for p in parts}
    # Overdue debt is always the first thing to fix; otherwise the component that lost most.
    worst = (
        "overdue" if lost["overdue"] > ZERO else max(PRIORITY, key=lambda k: (lost[k], -PRIORITY.index(k)))
    )
    action = worst if lost[worst] > ZERO else "keep_going"
    rounded = [p.model_copy(update={"points": kop(p.points)}) for p in parts]
    return Health(score=score, components=rounded, next_action_code=action, next_action=ACTIONS[action])

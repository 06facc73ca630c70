"""Loans, deposits and credit cards inside a :class:`~sandbox.data.life.Life`.

Loan instalments follow the agreement's annuity schedule: every due date inside the window debits the
paying account (``Платеж по кредиту №<agreement>``, counterparty = the loan account) and credits the
principal part to the loan account, whose balance is minus the outstanding principal.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sandbox.data.catalog import Product
from sandbox.data.life import DraftAccount, DraftAgreement, Life, add_months


def annuity(principal: int, rate: float, term: int) -> int:
    """Monthly annuity payment in kopecks."""
    r = rate / 1200
    return round(principal * r / (1 - (1 + r) ** -term))


def schedule(principal: int, rate: float, term: int, start: date, day: int) -> list[tuple[date, int, int]]:
    """``(due date, payment, principal part)`` for every instalment."""
    pay, out, r = annuity(principal, rate, term), principal, rate / 1200
    rows = []
    for k in range(1, term + 1):
        interest = round(out * r)
        part = out if k == term else min(out, pay - interest)
        rows.append((add_months(start, k, day), part + interest if k == term else pay, part))
        out -= part
    return rows


def loan(
    life: Life,
    slot: int,
    product: Product,
    principal: int,
    rate: float,
    term: int,
    start: date,
    pay_from: DraftAccount,
    day: int,
    missed_last: int = 0,
    purchase: str | None = None,
) -> DraftAgreement:
    """A loan agreement with its own account and instalments paid from ``pay_from``."""
    acc = DraftAccount(slot, "loan", start)
    life.accounts.append(acc)
    when = life.stamp(start)
    end = add_months(start, term)
    agreement = life.new_agreement(
        DraftAgreement(
            slot,
            "loan",
            product,
            principal,
            rate,
            when,
            datetime(end.year, end.month, end.day, when.hour, when.minute, when.second, when.microsecond),
            acc,
            term,
        )
    )
    rows = schedule(principal, rate, term, start, day)
    before = [row for row in rows if row[0] < life.start]
    acc.opening = -(principal - sum(part for _, _, part in before))
    if start >= life.start:
        acc.opening = 0
        life.post(acc, when, principal, False, "Выдача кредита по договору №{id}", counterparty=pay_from)
        life.post(
            pay_from,
            when + timedelta(seconds=5),
            principal,
            True,
            "Зачисление кредита по договору №{id}",
            counterparty=acc,
        )
        if purchase:
            life.post(
                pay_from, when + timedelta(minutes=40), principal, False, purchase, counterparty=purchase
            )
    due = [row for row in rows if life.start <= row[0] < life.today]
    paid = due[: len(due) - missed_last] if missed_last else due
    for d, payment, part in paid:
        t = life.at(d, 6, 10)
        life.post(pay_from, t, payment, False, "Платеж по кредиту №{id}", counterparty=acc)
        life.post(
            acc,
            t + timedelta(seconds=3),
            part,
            True,
            "Погашение основного долга по договору №{id}",
            counterparty=pay_from,
        )
    if missed_last:
        agreement.status = "overdue"
        for d, payment, _ in due[len(due) - missed_last :]:
            penalty = round(payment * 0.02)
            life.post(
                acc,
                life.at(d + timedelta(days=1), 0, 2),
                penalty,
                False,
                "Неустойка за просрочку платежа по договору №{id}",
            )
    return agreement


def deposit(
    life: Life,
    slot: int,
    product: Product,
    principal: int,
    rate: float,
    start: date,
    fund_from: DraftAccount | None,
    payout_to: DraftAccount | None,
    term: int | None = 12,
    topup: int = 0,
) -> DraftAgreement:
    """A deposit: opened from ``fund_from`` (if inside the window), interest paid monthly.

    Interest goes to ``payout_to`` (``Проценты по депозиту №<agreement>``, as recorded) or, when it is
    None, is capitalised on the deposit account.
    """
    acc = DraftAccount(slot, "deposit", start)
    life.accounts.append(acc)
    when = life.stamp(start)
    end = None
    if term:
        e = add_months(start, term)
        end = datetime(e.year, e.month, e.day, when.hour, when.minute, when.second, when.microsecond)
    agreement = life.new_agreement(
        DraftAgreement(slot, "dep", product, principal, rate, when, end, acc, term)
    )
    balance = principal
    # The variant of a bank that names the deposit only by its number, from the customer's own name.
    number_only = "topup_number_only" in life.variants
    out_open, out_topup = (
        ("Перевод на счёт {number}", "Пополнение счёта {number}")
        if number_only
        else ("Открытие вклада №{id}", "Пополнение вклада №{id}")
    )
    out_label = "{holder}" if number_only else None
    if start >= life.start and fund_from is not None:
        life.transfer(fund_from, acc, start, principal, out_open, "Пополнение вклада №{id}", out_label)
    else:
        acc.opening = principal
    month = start.replace(day=1)
    while month < life.today:
        month_end = add_months(month, 1, 1) - timedelta(days=1)
        if month_end >= life.start and month_end < life.today and month_end > start:
            interest = round(balance * rate / 1200)
            t = datetime(
                month_end.year,
                month_end.month,
                month_end.day,
                23,
                59,
                life.rng.randint(0, 59),
                life.rng.randint(0, 999999),
            )
            target = payout_to or acc
            life.post(target, t, interest, True, "Проценты по депозиту №{id}", counterparty=acc)
            if payout_to is None:
                balance += interest
        if topup and fund_from is not None and month > start:
            life.transfer(
                fund_from,
                acc,
                add_months(month, 0, 12),
                topup,
                out_topup,
                "Пополнение вклада №{id}",
                out_label,
            )
            balance += topup
        month = add_months(month, 1, 1)
    return agreement


def credit_card(
    life: Life,
    slot: int,
    product: Product,
    limit: int,
    per_month: int,
    weights: dict[str, float],
    repay_from: DraftAccount,
    repay_day: int,
    repay_share: float,
    opening_used: int = 0,
    rate: float | None = None,
) -> DraftAgreement:
    """A credit card account: purchases up to the limit, monthly repayments of ``repay_share`` of the debt.

    Unpaid debt accrues monthly interest (``Проценты за пользование кредитом``) at ``rate``.
    """
    acc = DraftAccount(
        slot,
        "credit_card",
        add_months(life.start, -life.rng.randint(3, 30)),
        opening=-opening_used,
        credit_limit=limit,
    )
    life.accounts.append(acc)
    acc.card = life._card(slot, "credit", acc, acc.opened)
    rate = rate if rate is not None else product.rate or 19.9
    agreement = life.new_agreement(
        DraftAgreement(slot, "card-cred", product, limit, rate, life.stamp(acc.opened), None, acc)
    )
    life.spend(acc, per_month, weights)
    purchases = sorted(acc.txs, key=lambda t: t.when)
    acc.txs = []
    used = opening_used
    month_iter = list(life.months())
    pi = 0
    for m in month_iter:
        due = add_months(m, 0, repay_day)
        while pi < len(purchases) and purchases[pi].when.date() < due:
            p = purchases[pi]
            pi += 1
            if used + p.amount <= limit:
                used += p.amount
                acc.txs.append(p)
        if used <= 0 or not life.in_window(due):
            continue
        interest = round(used * rate / 1200) if repay_share < 1 else 0
        if interest:
            life.post(
                acc,
                life.at(due - timedelta(days=1), 1, 3),
                interest,
                False,
                "Проценты за пользование кредитом",
            )
            used += interest
        pay = used if repay_share >= 1 else max(round(used * repay_share), min(used, 300000))
        life.transfer(
            repay_from,
            acc,
            due,
            pay,
            f"Погашение задолженности по кредитной карте *{acc.card.last4}",
            "Погашение задолженности по кредитной карте",
        )
        used -= pay
    for p in purchases[pi:]:
        if used + p.amount <= limit:
            used += p.amount
            acc.txs.append(p)
    return agreement

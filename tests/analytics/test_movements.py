"""Money moving between the user's own accounts is neither income, spending nor a bill.

Seen in the sandbox's real data (issue 6 golden customers): a loan account's "Погашение основного
долга" credit was detected as a monthly income, a monthly transfer to the user's own account at
another bank was both an income stream and a recurring bill, and a counterparty that is only an
account number gave series an empty label.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finpulse.analytics import Dashboard, EngineInput, compute_dashboard, spending_report
from finpulse.analytics.movements import Movements
from finpulse.domain import AccountKind, Transaction
from tests.analytics.builders import TODAY, D, account, balance, deposit, loan, monthly, tx

MONTHS = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11"]
CURRENT = account("vbank", "cur", number="40817810000000000001")
OTHER_BANK = account("abank", "cur2", number="40817810000000000002")
LOAN_ACC = account("vbank", "loanacc", AccountKind.LOAN, number="45507810000000000003")
CARD_ACC = account("vbank", "cardacc", AccountKind.CREDIT_CARD, number="40817810000000000004")


def _dashboard(transactions: list[Transaction], **kw: Any) -> Dashboard:
    return compute_dashboard(
        EngineInput(
            today=TODAY,
            accounts=[CURRENT, OTHER_BANK, LOAN_ACC, CARD_ACC],
            balances=[balance("vbank", "cur", "50000.00")],
            transactions=transactions,
            **kw,
        )
    )


def test_loan_account_mirror_and_own_transfers_are_not_income_or_bills() -> None:
    salary = monthly(
        "vbank", "cur", "sal", MONTHS, 5, "100000.00", "Зарплата", counterparty_name="ООО Ромашка"
    )
    # The principal part of each instalment, credited to the loan account.
    principal = monthly(
        "vbank",
        "loanacc",
        "pr",
        MONTHS,
        15,
        "12000.00",
        "Погашение основного долга",
        counterparty_name=CURRENT.number,
    )
    instalment = monthly(
        "vbank",
        "cur",
        "ins",
        MONTHS,
        15,
        "-20000.00",
        "Платеж по кредиту №L-1",
        counterparty_name=LOAN_ACC.number,
    )
    out = monthly(
        "vbank",
        "cur",
        "out",
        MONTHS,
        6,
        "-42000.00",
        "Перевод на свой счёт",
        counterparty_name=OTHER_BANK.number,
    )
    into = monthly(
        "abank",
        "cur2",
        "in",
        MONTHS,
        6,
        "42000.00",
        "Перевод собственных средств",
        counterparty_name=CURRENT.number,
    )
    d = _dashboard(
        salary + principal + instalment + out + into,
        agreements=[loan("vbank", "L-1", "500000", "12", account_number=LOAN_ACC.number)],
    )
    assert [(s.label, s.amount) for s in d.income.streams] == [("ооо ромашка", D("100000.00"))]
    assert d.bills == []
    # The instalment is still a loan payment (observed payment, spending category).
    assert d.debt.loans[0].monthly_payment == D("20000.00")
    assert {c.category for c in d.spending.by_category} == {"loan_payments"}
    assert d.spending.by_month[-1].income == D("100000.00")


def test_card_account_repayment_is_not_income_and_card_charges_are_not_bills_or_cash_spending() -> None:
    repay = monthly(
        "vbank",
        "cardacc",
        "rp",
        MONTHS,
        27,
        "30000.00",
        "Погашение задолженности",
        counterparty_name=CURRENT.number,
    )
    interest = monthly("vbank", "cardacc", "int", MONTHS, 26, "-3500.00", "Проценты за пользование кредитом")
    today_card = [tx("vbank", "cardacc", "buy", TODAY.isoformat(), "-700.00", "Кафе", mcc="5812")]
    d = _dashboard(repay + interest + today_card)
    assert d.income.streams == []
    assert d.income.regularity == "none"
    assert d.bills == []
    assert d.safe_to_spend.spent_today == D("0.00")  # a card purchase does not lower cash
    assert {c.category: c.amount for c in d.spending.by_category} == {
        "other": D("3500.00"),
        "restaurants": D("700.00"),
    }


def test_an_account_number_counterparty_falls_back_to_the_description_for_the_label() -> None:
    rent = monthly(
        "vbank", "cur", "rent", MONTHS, 1, "-30000.00", "Аренда квартиры", counterparty_name="40817810999"
    )
    d = _dashboard(rent)
    assert [b.label for b in d.bills] == ["аренда квартиры"]


def test_spending_report_leaves_out_own_transfers_and_names_merchants_not_account_numbers() -> None:
    moves = Movements.of([CURRENT, OTHER_BANK, LOAN_ACC, CARD_ACC], [])
    txs = [
        tx("vbank", "cur", "t1", "2025-11-10", "-42000.00", "Перевод", counterparty_name=OTHER_BANK.number),
        tx("abank", "cur2", "t2", "2025-11-10", "42000.00", "Перевод", counterparty_name=CURRENT.number),
        tx(
            "vbank",
            "cur",
            "t3",
            "2025-11-11",
            "-5000.00",
            "Платеж по кредиту №L-1",
            counterparty_name="455078",
        ),
        tx("vbank", "loanacc", "t4", "2025-11-11", "4000.00", "Погашение основного долга"),
    ]
    start, end = TODAY.replace(day=1), TODAY
    report = spending_report(
        txs, start=start, end=end, group_by="merchant", loan_ids=["L-1"], movements=moves
    )
    assert [(r.key, r.amount) for r in report.rows] == [("Платеж по кредиту №L-1", D("5000.00"))]
    assert (report.months[-1].income, report.months[-1].spending) == (D("0.00"), D("5000.00"))


def _spent(d: Dashboard) -> dict[str, Decimal]:
    return {c.category: c.amount for c in d.spending.by_category}


def test_a_top_up_naming_only_the_deposits_number_is_not_spending() -> None:
    # The deposit account itself is not listed: its number is known from the agreement only.
    number = "42305810015300020001"
    topups = monthly(
        "vbank",
        "cur",
        "top",
        MONTHS,
        12,
        "-20000.00",
        f"Пополнение счёта {number}",
        counterparty_name="Смирнова Анна Викторовна",
    )
    today = [tx("vbank", "cur", "t-today", TODAY.isoformat(), "-100000.00", f"Перевод на счёт {number}")]
    d = _dashboard(
        topups + today, agreements=[deposit("vbank", "dep-7", "500000", "8", account_number=number)]
    )
    assert _spent(d) == {}
    assert d.bills == []
    assert d.safe_to_spend.spent_today == D("0.00")


def test_a_masked_own_account_or_an_own_agreement_in_any_text_is_a_move_between_own_accounts() -> None:
    masked = tx("vbank", "cur", "m1", "2025-11-10", "-15000.00", "Перевод на счёт ****0002")
    agreement = tx("vbank", "cur", "a1", "2025-11-11", "-7000.00", "Взнос по договору dep-123456")
    # `с карты *0001` names the account the debit is on: the destination is someone else's.
    stranger = tx("vbank", "cur", "s1", "2025-11-12", "-3000.00", "Перевод с карты *0001 Иванову")
    d = _dashboard(
        [masked, agreement, stranger],
        agreements=[deposit("abank", "dep-123456", "10000", "8")],
    )
    assert _spent(d) == {"other": D("3000.00")}


def test_a_mirrored_movement_between_own_accounts_is_neither_income_nor_spending() -> None:
    out = tx("vbank", "cur", "o1", "2025-11-10", "-42000.00", "Перевод по СБП", hour=9)
    into = tx("abank", "cur2", "i1", "2025-11-10", "42000.00", "Поступление по СБП", hour=9)
    late_out = tx("vbank", "cur", "o2", "2025-11-12", "-5000.00", "Перевод по СБП", hour=9)
    late_in = tx("abank", "cur2", "i2", "2025-11-12", "5000.00", "Поступление по СБП", hour=12)
    d = _dashboard([out, into, late_out, late_in])
    assert _spent(d) == {"other": D("5000.00")}  # 3 hours apart: two separate movements
    assert d.spending.by_month[-1].income == D("5000.00")


def test_a_debit_naming_a_loan_accounts_number_is_that_loans_instalment() -> None:
    paid = monthly("vbank", "cur", "p", MONTHS, 15, "-20000.00", f"Погашение по счёту {LOAN_ACC.number}")
    d = _dashboard(paid, agreements=[loan("vbank", "L-1", "500000", "12", account_number=LOAN_ACC.number)])
    assert _spent(d) == {"loan_payments": D("20000.00")}
    assert d.debt.loans[0].monthly_payment == D("20000.00")  # observed
    assert d.bills == []

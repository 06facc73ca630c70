/**
 * A real GET /api/dashboard answer (the demo user, customer team200-1 at the three sandbox banks,
 * recorded from the local stack on 2026-12-02), trimmed; typed, so a change of the API's shape
 * shows up here.
 */
import type { DashboardResponse } from "../api/models";

export const DASHBOARD: DashboardResponse = {
 "data_version": 4,
 "today": "2026-12-02",
 "computed_at": "2026-12-01T22:32:43.448284Z",
 "from_cache": true,
 "freshness": [
  {
   "bank_id": "vbank",
   "status": "fresh",
   "stale": false,
   "last_success_at": "2026-12-01T22:32:28.640381Z",
   "last_attempt_at": "2026-12-01T22:32:28.640381Z",
   "error": null,
   "types": {
    "agreements": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:28.640381Z"
    },
    "balances": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:28.640381Z"
    },
    "accounts": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:28.640381Z"
    },
    "cards": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:28.640381Z"
    },
    "transactions": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:28.640381Z"
    },
    "products": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:28.640381Z"
    }
   }
  },
  {
   "bank_id": "abank",
   "status": "fresh",
   "stale": false,
   "last_success_at": "2026-12-01T22:32:27.699050Z",
   "last_attempt_at": "2026-12-01T22:32:27.699050Z",
   "error": null,
   "types": {
    "agreements": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:27.699050Z"
    },
    "balances": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:27.699050Z"
    },
    "accounts": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:27.699050Z"
    },
    "cards": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:27.699050Z"
    },
    "transactions": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:27.699050Z"
    },
    "products": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:27.699050Z"
    }
   }
  },
  {
   "bank_id": "sbank",
   "status": "fresh",
   "stale": false,
   "last_success_at": "2026-12-01T22:32:25.464853Z",
   "last_attempt_at": "2026-12-01T22:32:25.464853Z",
   "error": null,
   "types": {
    "agreements": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:25.464853Z"
    },
    "balances": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:25.464853Z"
    },
    "accounts": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:25.464853Z"
    },
    "cards": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:25.464853Z"
    },
    "transactions": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:25.464853Z"
    },
    "products": {
     "status": "ok",
     "last_success_at": "2026-12-01T22:32:25.464853Z"
    }
   }
  }
 ],
 "dashboard": {
  "today": "2026-12-02",
  "timezone": "Europe/Moscow",
  "base_currency": "RUB",
  "cash": {
   "total": "246140.35",
   "by_bank": [
    {
     "bank_id": "abank",
     "amount": "241140.35"
    },
    {
     "bank_id": "sbank",
     "amount": "0.00"
    },
    {
     "bank_id": "vbank",
     "amount": "5000.00"
    }
   ],
   "accounts": [
    {
     "bank_id": "abank",
     "account_id": "acc-1102",
     "masked_number": "****0002",
     "kind": "current",
     "currency": "RUB",
     "amount": "241140.35",
     "balance_type": "InterimAvailable",
     "amount_base": "241140.35"
    },
    {
     "bank_id": "sbank",
     "account_id": "acc-1104",
     "masked_number": "****0004",
     "kind": "current",
     "currency": "RUB",
     "amount": "0.00",
     "balance_type": "InterimAvailable",
     "amount_base": "0.00"
    },
    {
     "bank_id": "vbank",
     "account_id": "acc-1100",
     "masked_number": "****0000",
     "kind": "current",
     "currency": "RUB",
     "amount": "5000.00",
     "balance_type": "InterimAvailable",
     "amount_base": "5000.00"
    }
   ],
   "foreign_unconverted": []
  },
  "debt": {
   "total": "7454687.99",
   "loans_total": "7454687.99",
   "cards_used_total": "0.00",
   "overdue_total": "0.00",
   "monthly_payments": "99847.49",
   "loans": [
    {
     "bank_id": "abank",
     "agreement_id": "loan-team200-1-0108",
     "name": "Автокредит Smart 12.6%",
     "currency": "RUB",
     "outstanding": "1468385.02",
     "outstanding_is_principal": false,
     "rate": "14.9",
     "monthly_payment": "37979.95",
     "payment_source": "observed",
     "next_payment_date": "2026-12-20",
     "next_payment_amount": "37979.95",
     "estimated": true,
     "remaining_months": 53,
     "maturity_date": "2031-04-08",
     "overdue": "0.00",
     "masked_account_number": "****0003"
    },
    {
     "bank_id": "vbank",
     "agreement_id": "loan-team200-1-5072",
     "name": "Ипотека VBank 9.3%",
     "currency": "RUB",
     "outstanding": "5986302.97",
     "outstanding_is_principal": false,
     "rate": "9.8",
     "monthly_payment": "61867.54",
     "payment_source": "observed",
     "next_payment_date": "2026-12-15",
     "next_payment_amount": "61867.54",
     "estimated": true,
     "remaining_months": 191,
     "maturity_date": "2042-11-01",
     "overdue": "0.00",
     "masked_account_number": "****0001"
    }
   ],
   "cards": [],
   "foreign_unconverted": []
  },
  "income": {
   "streams": [
    {
     "label": "ооо «технософт»",
     "bank_id": "vbank",
     "source": "detected",
     "cadence": "monthly",
     "amount": "186945.83",
     "monthly_amount": "186945.83",
     "next_date": "2026-12-05",
     "last_date": "2026-11-05",
     "occurrences": 6
    }
   ],
   "next_date": "2026-12-05",
   "next_amount": "186945.83",
   "monthly_total": "186945.83",
   "regularity": "regular"
  },
  "bills": [
   {
    "label": "кинопоиск",
    "category": "subscriptions",
    "cadence": "monthly",
    "amount": "299.00",
    "monthly_amount": "299.00",
    "next_date": "2026-12-13",
    "last_date": "2026-11-13",
    "occurrences": 6
   },
   {
    "label": "мтс",
    "category": "telecom",
    "cadence": "monthly",
    "amount": "650.00",
    "monthly_amount": "650.00",
    "next_date": "2026-12-08",
    "last_date": "2026-11-08",
    "occurrences": 6
   },
   {
    "label": "яндекс плюс",
    "category": "subscriptions",
    "cadence": "monthly",
    "amount": "399.00",
    "monthly_amount": "399.00",
    "next_date": "2026-12-06",
    "last_date": "2026-11-06",
    "occurrences": 6
   }
  ],
  "safe_to_spend": {
   "daily": "75815.26",
   "days": 3,
   "period_end": "2026-12-05",
   "horizon": "next_income",
   "cash_now": "246140.35",
   "spent_today": "0.00",
   "cash_start_of_day": "246140.35",
   "due_total": "0.00",
   "instalments": "0.00",
   "card_payments": "0.00",
   "bills": "0.00",
   "overdue": "0.00",
   "planned_savings": "0.00",
   "safety_buffer": "18694.58",
   "spendable": "227445.77",
   "shortfall": "0.00",
   "left_today": "75815.26",
   "tomorrow_daily": "75815.26",
   "due_items": [],
   "explanation": [
    {
     "code": "cash",
     "label": "Деньги на счетах сейчас",
     "amount": "246140.35",
     "detail": null
    },
    {
     "code": "spent_today",
     "label": "Потрачено сегодня (входит в лимит дня)",
     "amount": "0.00",
     "detail": null
    },
    {
     "code": "planned_savings",
     "label": "Отложить на цель",
     "amount": "0.00",
     "detail": null
    },
    {
     "code": "safety_buffer",
     "label": "Подушка безопасности",
     "amount": "-18694.58",
     "detail": null
    },
    {
     "code": "per_day",
     "label": "Остаток ÷ 3 дн. до 2026-12-05",
     "amount": "75815.26",
     "detail": "до следующего дохода"
    }
   ]
  },
  "daily_plan": {
   "mdp_daily": "3282.66",
   "adp_daily": "0.00",
   "adp_target": "abank/loan-team200-1-0108",
   "sdp_daily": "0.00",
   "strategy": "avalanche",
   "speed": "balanced"
  },
  "savings": {
   "total": "0.00",
   "by_bank": [],
   "items": [],
   "goal": null,
   "foreign_unconverted": []
  },
  "health": {
   "score": 54,
   "components": [
    {
     "code": "debt_to_income",
     "points": "4.94",
     "max_points": "30",
     "value": "53.41",
     "reason": "Платежи по долгам — 53.41 % дохода"
    },
    {
     "code": "buffer",
     "points": "4.07",
     "max_points": "25",
     "value": "0.98",
     "reason": "Денег хватит на 0.98 мес. расходов"
    },
    {
     "code": "overdue",
     "points": "20.00",
     "max_points": "20",
     "value": "0.00",
     "reason": "Просрочек нет"
    },
    {
     "code": "card_utilisation",
     "points": "15.00",
     "max_points": "15",
     "value": null,
     "reason": "Нет данных об использовании кредитных карт"
    },
    {
     "code": "income_regularity",
     "points": "10.00",
     "max_points": "10",
     "value": null,
     "reason": "Доход приходит регулярно"
    }
   ],
   "next_action_code": "debt_to_income",
   "next_action": "Снизьте долговую нагрузку: досрочное погашение или рефинансирование"
  },
  "timeline": {
   "start": "2026-12-02",
   "end": "2026-12-31",
   "opening_balance": "246140.35",
   "events": [
    {
     "date": "2026-12-05",
     "kind": "income",
     "label": "ооо «технософт»",
     "bank_id": null,
     "amount": "186945.83",
     "estimated": true,
     "projected_balance": "433086.18"
    },
    {
     "date": "2026-12-06",
     "kind": "bill",
     "label": "яндекс плюс",
     "bank_id": null,
     "amount": "-399.00",
     "estimated": true,
     "projected_balance": "432687.18"
    },
    {
     "date": "2026-12-08",
     "kind": "bill",
     "label": "мтс",
     "bank_id": null,
     "amount": "-650.00",
     "estimated": true,
     "projected_balance": "432037.18"
    },
    {
     "date": "2026-12-13",
     "kind": "bill",
     "label": "кинопоиск",
     "bank_id": null,
     "amount": "-299.00",
     "estimated": true,
     "projected_balance": "431738.18"
    },
    {
     "date": "2026-12-15",
     "kind": "instalment",
     "label": "Ипотека VBank 9.3%",
     "bank_id": "vbank",
     "amount": "-61867.54",
     "estimated": true,
     "projected_balance": "369870.64"
    },
    {
     "date": "2026-12-20",
     "kind": "instalment",
     "label": "Автокредит Smart 12.6%",
     "bank_id": "abank",
     "amount": "-37979.95",
     "estimated": true,
     "projected_balance": "331890.69"
    }
   ],
   "closing_balance": "331890.69",
   "lowest_balance": "246140.35"
  },
  "spending": {
   "window_start": "2026-11-03",
   "window_end": "2026-12-02",
   "total": "239834.32",
   "by_category": [
    {
     "category": "loan_payments",
     "label": "Платежи по кредитам",
     "amount": "99847.49",
     "count": 2
    },
    {
     "category": "groceries",
     "label": "Продукты",
     "amount": "35252.86",
     "count": 14
    },
    {
     "category": "shopping",
     "label": "Покупки",
     "amount": "30202.50",
     "count": 7
    },
    {
     "category": "fuel",
     "label": "Топливо",
     "amount": "26337.94",
     "count": 8
    },
    {
     "category": "restaurants",
     "label": "Кафе и рестораны",
     "amount": "17337.43",
     "count": 13
    },
    {
     "category": "other",
     "label": "Прочее",
     "amount": "9728.48",
     "count": 3
    },
    {
     "category": "clothing",
     "label": "Одежда и обувь",
     "amount": "7145.26",
     "count": 1
    },
    {
     "category": "utilities",
     "label": "ЖКХ",
     "amount": "6517.26",
     "count": 1
    },
    {
     "category": "transport",
     "label": "Транспорт",
     "amount": "5204.77",
     "count": 12
    },
    {
     "category": "health",
     "label": "Здоровье",
     "amount": "912.33",
     "count": 2
    },
    {
     "category": "subscriptions",
     "label": "Подписки",
     "amount": "698.00",
     "count": 2
    },
    {
     "category": "telecom",
     "label": "Связь и интернет",
     "amount": "650.00",
     "count": 1
    }
   ],
   "by_merchant": [
    {
     "merchant": "Платеж по кредиту №loan-team200-1-5072",
     "amount": "61867.54",
     "count": 1
    },
    {
     "merchant": "Платеж по кредиту №loan-team200-1-0108",
     "amount": "37979.95",
     "count": 1
    },
    {
     "merchant": "Ozon",
     "amount": "14240.48",
     "count": 4
    },
    {
     "merchant": "Татнефть",
     "amount": "11691.46",
     "count": 3
    },
    {
     "merchant": "Леруа Мерлен",
     "amount": "9394.71",
     "count": 1
    },
    {
     "merchant": "ВкусВилл",
     "amount": "8204.43",
     "count": 4
    },
    {
     "merchant": "Якитория",
     "amount": "7909.51",
     "count": 4
    },
    {
     "merchant": "Uniqlo",
     "amount": "7145.26",
     "count": 1
    },
    {
     "merchant": "Пятёрочка",
     "amount": "7113.98",
     "count": 3
    },
    {
     "merchant": "Роснефть",
     "amount": "6861.67",
     "count": 2
    }
   ],
   "by_month": [
    {
     "month": "2026-01",
     "income": "186544.05",
     "spending": "201142.96",
     "net": "-14598.91"
    },
    {
     "month": "2026-02",
     "income": "187964.70",
     "spending": "259791.36",
     "net": "-71826.66"
    },
    {
     "month": "2026-03",
     "income": "181783.80",
     "spending": "189464.75",
     "net": "-7680.95"
    },
    {
     "month": "2026-04",
     "income": "182913.48",
     "spending": "1790561.38",
     "net": "-1607647.90"
    },
    {
     "month": "2026-05",
     "income": "182331.72",
     "spending": "216231.50",
     "net": "-33899.78"
    },
    {
     "month": "2026-06",
     "income": "182713.65",
     "spending": "222207.25",
     "net": "-39493.60"
    },
    {
     "month": "2026-07",
     "income": "182489.11",
     "spending": "196211.79",
     "net": "-13722.68"
    },
    {
     "month": "2026-08",
     "income": "186767.54",
     "spending": "262857.00",
     "net": "-76089.46"
    },
    {
     "month": "2026-09",
     "income": "182020.49",
     "spending": "234365.53",
     "net": "-52345.04"
    },
    {
     "month": "2026-10",
     "income": "186945.83",
     "spending": "276922.52",
     "net": "-89976.69"
    },
    {
     "month": "2026-11",
     "income": "187482.51",
     "spending": "244703.07",
     "net": "-57220.56"
    },
    {
     "month": "2026-12",
     "income": "0.00",
     "spending": "1079.14",
     "net": "-1079.14"
    }
   ]
  },
  "surplus": {
   "as_of": "2026-11-30",
   "income": "186945.83",
   "spending": "143507.58",
   "spending_months": [
    {
     "month": "2026-09",
     "spending": "133170.04"
    },
    {
     "month": "2026-10",
     "spending": "175727.03"
    },
    {
     "month": "2026-11",
     "spending": "143507.58"
    }
   ],
   "debt_payments": "99847.49",
   "bills": "1348.00",
   "planned_savings": "0.00",
   "obligations": "101195.49",
   "amount": "0.00",
   "shortfall": "57757.24",
   "status": "no_surplus",
   "reason": "Свободных денег нет: доход 186 945,83 ₽ − обычные расходы 143 507,58 ₽ − обязательные платежи 101 195,49 ₽ = −57 757,24 ₽ в месяц"
  },
  "recommendations": {
   "repayment": {
    "extra_monthly": "0.00",
    "speed_share": "0.50",
    "surplus": "0.00",
    "advice": "refinance",
    "reason": "Свободных денег нет: доход 186 945,83 ₽ − обычные расходы 143 507,58 ₽ − обязательные платежи 101 195,49 ₽ = −57 757,24 ₽ в месяц. Снизить платежи поможет рефинансирование",
    "baseline_payoff_month": "2043-01",
    "baseline_months": 193,
    "baseline_interest": "6436819.40",
    "avalanche": {
     "strategy": "avalanche",
     "extra_monthly": "0.00",
     "payoff_month": "2036-12",
     "months": 120,
     "total_interest": "4515368.09",
     "interest_saved": "1921451.31",
     "order": [
      "abank/loan-team200-1-0108",
      "vbank/loan-team200-1-5072"
     ]
    },
    "snowball": {
     "strategy": "snowball",
     "extra_monthly": "0.00",
     "payoff_month": "2036-12",
     "months": 120,
     "total_interest": "4515368.09",
     "interest_saved": "1921451.31",
     "order": [
      "abank/loan-team200-1-0108",
      "vbank/loan-team200-1-5072"
     ]
    },
    "chosen": "avalanche",
    "excluded": [],
    "balance_path": [
     {
      "month": "2026-12",
      "baseline": "7454687.99",
      "avalanche": "7454687.99",
      "snowball": "7454687.99"
     },
     {
      "month": "2028-12",
      "baseline": "6563897.76",
      "avalanche": "6563897.76",
      "snowball": "6563897.76"
     },
     {
      "month": "2030-12",
      "baseline": "5410299.04",
      "avalanche": "5410299.04",
      "snowball": "5410299.04"
     },
     {
      "month": "2032-12",
      "baseline": "4721066.09",
      "avalanche": "3943871.81",
      "snowball": "3943871.81"
     },
     {
      "month": "2034-12",
      "baseline": "4105742.11",
      "avalanche": "2158536.97",
      "snowball": "2158536.97"
     },
     {
      "month": "2036-12",
      "baseline": "3357779.55",
      "avalanche": "0.00",
      "snowball": "0.00"
     },
     {
      "month": "2038-12",
      "baseline": "2448587.00",
      "avalanche": "0.00",
      "snowball": "0.00"
     },
     {
      "month": "2040-12",
      "baseline": "1343409.85",
      "avalanche": "0.00",
      "snowball": "0.00"
     },
     {
      "month": "2042-12",
      "baseline": "1.92",
      "avalanche": "0.00",
      "snowball": "0.00"
     },
     {
      "month": "2043-01",
      "baseline": "0.00",
      "avalanche": "0.00",
      "snowball": "0.00"
     }
    ]
   },
   "refinance": [
    {
     "loan": "abank/loan-team200-1-0108",
     "offer_bank_id": "abank",
     "product_id": "prod-abank-refi-001",
     "product_name": "Рефинансирование 10.9%",
     "current_rate": "14.9",
     "new_rate": "10.90",
     "term_months": 53,
     "current_payment": "37979.95",
     "new_payment": "35030.58",
     "monthly_saving": "2949.37",
     "commission": "0.00",
     "total_saving": "156316.61",
     "break_even_month": 1
    },
    {
     "loan": "abank/loan-team200-1-0108",
     "offer_bank_id": "vbank",
     "product_id": "prod-vbank-refi-001",
     "product_name": "Рефинансирование 11.5%",
     "current_rate": "14.9",
     "new_rate": "11.50",
     "term_months": 53,
     "current_payment": "37979.95",
     "new_payment": "35464.21",
     "monthly_saving": "2515.74",
     "commission": "0.00",
     "total_saving": "133334.22",
     "break_even_month": 1
    },
    {
     "loan": "abank/loan-team200-1-0108",
     "offer_bank_id": "sbank",
     "product_id": "prod-sbank-auto-001",
     "product_name": "Автокредит Smart 11.9%",
     "current_rate": "14.9",
     "new_rate": "11.90",
     "term_months": 53,
     "current_payment": "37979.95",
     "new_payment": "35755.02",
     "monthly_saving": "2224.93",
     "commission": "0.00",
     "total_saving": "117921.29",
     "break_even_month": 1
    },
    {
     "loan": "abank/loan-team200-1-0108",
     "offer_bank_id": "vbank",
     "product_id": "prod-vbank-auto-001",
     "product_name": "Автокредит Smart 13.4%",
     "current_rate": "14.9",
     "new_rate": "13.40",
     "term_months": 53,
     "current_payment": "37979.95",
     "new_payment": "36857.87",
     "monthly_saving": "1122.08",
     "commission": "0.00",
     "total_saving": "59470.24",
     "break_even_month": 1
    },
    {
     "loan": "abank/loan-team200-1-0108",
     "offer_bank_id": "sbank",
     "product_id": "prod-sbank-refi-001",
     "product_name": "Рефинансирование 13.5%",
     "current_rate": "14.9",
     "new_rate": "13.50",
     "term_months": 53,
     "current_payment": "37979.95",
     "new_payment": "36932.07",
     "monthly_saving": "1047.88",
     "commission": "0.00",
     "total_saving": "55537.64",
     "break_even_month": 1
    },
    {
     "loan": "vbank/loan-team200-1-5072",
     "offer_bank_id": "sbank",
     "product_id": "prod-sbank-mortgage-001",
     "product_name": "Ипотека SBank 8.7%",
     "current_rate": "9.8",
     "new_rate": "8.70",
     "term_months": 191,
     "current_payment": "61867.54",
     "new_payment": "57994.44",
     "monthly_saving": "3873.10",
     "commission": "0.00",
     "total_saving": "739762.10",
     "break_even_month": 1
    }
   ],
   "savings_plan": null,
   "refinance_reasons": []
  },
  "notes": [],
  "transactions_used": 691,
  "duplicates_ignored": 0
 }
};

export const MONTH_SPENDING = {
  today: "2026-12-02",
  report: {
    start: "2026-12-01",
    end: "2026-12-02",
    group_by: "category",
    total: "1079.14",
    rows: [{ key: "transport", label: "Транспорт", amount: "1079.14", count: 1 }],
    months: [{ month: "2026-12", income: "0.00", spending: "1079.14", net: "-1079.14" }],
  },
  freshness: [],
} as const;

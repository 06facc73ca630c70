"""Spending categories: the MCC table, the bank-word fallback and loan-payment recognition.

MCC ranges follow the Visa/Mastercard merchant category code lists, folded into the few categories
a person recognises. A transaction's category is, in order: loan payment (it names one of the
user's loan agreements or says so in words), the MCC table, the bank's own category word, else
`other` (transfers and payments without a merchant).
"""

from __future__ import annotations

from typing import Final

CATEGORY_LABELS: Final[dict[str, str]] = {
    "groceries": "Продукты",
    "restaurants": "Кафе и рестораны",
    "transport": "Транспорт",
    "fuel": "Топливо",
    "clothing": "Одежда и обувь",
    "shopping": "Покупки",
    "health": "Здоровье",
    "utilities": "ЖКХ",
    "telecom": "Связь и интернет",
    "subscriptions": "Подписки",
    "entertainment": "Развлечения",
    "travel": "Путешествия",
    "education": "Образование",
    "insurance": "Страхование",
    "cash": "Наличные",
    "loan_payments": "Платежи по кредитам",
    "other": "Прочее",
}

# (first MCC, last MCC, category). Narrow codes come before the wide range that contains them:
# the first range that lists a code decides its category.
MCC_RANGES: Final[tuple[tuple[int, int, str], ...]] = (
    (3000, 3350, "travel"),  # airlines
    (3351, 3500, "transport"),  # car rental
    (3501, 3999, "travel"),  # hotels
    (4011, 4131, "transport"),  # rail, commuter, taxi, bus
    (4511, 4582, "travel"),  # air travel, airports
    (4722, 4722, "travel"),  # travel agencies
    (4784, 4784, "transport"),  # tolls
    (4789, 4789, "transport"),
    (4812, 4816, "telecom"),  # telecom equipment and services, internet
    (4899, 4899, "subscriptions"),  # cable, streaming
    (4900, 4900, "utilities"),
    (5200, 5299, "shopping"),  # home improvement
    (5300, 5399, "shopping"),  # department stores, discount stores
    (5411, 5411, "groceries"),
    (5422, 5499, "groceries"),
    (5541, 5542, "fuel"),
    (5511, 5599, "transport"),  # car dealers, parts
    (5600, 5699, "clothing"),
    (5700, 5799, "shopping"),  # furniture, electronics
    (5811, 5814, "restaurants"),
    (5815, 5818, "subscriptions"),  # digital goods and media
    (5912, 5912, "health"),  # pharmacies
    (5900, 5999, "shopping"),
    (6010, 6011, "cash"),
    (6300, 6399, "insurance"),
    (7011, 7012, "travel"),
    (7832, 7832, "entertainment"),  # cinemas
    (7900, 7999, "entertainment"),
    (8011, 8099, "health"),
    (8211, 8299, "education"),
)

BANK_CATEGORY_WORDS: Final[dict[str, str]] = {
    "restaurant": "restaurants",
    "restaurants": "restaurants",
    "cafe": "restaurants",
    "fast_food": "restaurants",
    "clothing": "clothing",
    "grocery": "groceries",
    "groceries": "groceries",
    "supermarket": "groceries",
    "transport": "transport",
    "taxi": "transport",
    "fuel": "fuel",
    "gas_station": "fuel",
    "pharmacy": "health",
    "health": "health",
    "utilities": "utilities",
    "telecom": "telecom",
    "subscription": "subscriptions",
    "entertainment": "entertainment",
    "travel": "travel",
    "education": "education",
    "electronics": "shopping",
    "shopping": "shopping",
}

LOAN_PAYMENT_WORDS: Final[tuple[str, ...]] = ("платеж по кредиту", "погашение кредита", "loan payment")

NOT_BILL_CATEGORIES: Final[frozenset[str]] = frozenset(
    {
        "groceries",
        "restaurants",
        "clothing",
        "shopping",
        "fuel",
        "transport",
        "travel",
        "entertainment",
        "health",
        "cash",
        "loan_payments",
    }
)
"""Purchases that can repeat by chance; only the other categories (utilities, telecom,
subscriptions, insurance, education and `other` — transfers and payments without a merchant) can
become recurring bills. Loan instalments are debt, never bills, so they are not counted twice."""

_MCC_TABLE: dict[str, str] = {}


def _build_table() -> None:
    # Expanded once so that the per-transaction lookup is a single dict access.
    for first, last, category in MCC_RANGES:
        for code in range(first, last + 1):
            _MCC_TABLE.setdefault(f"{code:04d}", category)


_build_table()


def category_for_mcc(mcc: str | None) -> str | None:
    return None if mcc is None else _MCC_TABLE.get(mcc)


def categorise(mcc: str | None, bank_category: str | None) -> str:
    """Category from MCC, else the bank's word, else `other` (loan payments are decided earlier)."""
    if mcc is not None:
        found = _MCC_TABLE.get(mcc)
        if found is not None:
            return found
    if bank_category is not None:
        return BANK_CATEGORY_WORDS.get(bank_category.lower(), "other")
    return "other"


def mentions_loan_payment(description: str, loan_ids: tuple[str, ...]) -> bool:
    lowered = description.lower()
    if any(agreement_id.lower() in lowered for agreement_id in loan_ids):
        return True
    return any(word in lowered for word in LOAN_PAYMENT_WORDS)


def purchase_codes() -> frozenset[str]:
    """Every MCC of a purchase category: a transaction with one is a purchase, never a transfer."""
    return frozenset(mcc for mcc, category in _MCC_TABLE.items() if category in NOT_BILL_CATEGORIES)

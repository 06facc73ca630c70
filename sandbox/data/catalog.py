"""Per-bank product catalogs (``GET /products``).

The common part mirrors the recorded catalogs; each bank then has its own loans, mortgage and
refinancing offers at different rates, so a refinance comparison across banks is meaningful.
Every catalog has one product of each *kind* the seed needs (``deposit``, ``consumer``, ``mortgage``,
``car``, ``refinance``, ``credit_card``, ``debit_card``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    """A catalog entry. ``kind`` is internal; the API shows ``product_type``."""

    product_id: str
    product_type: str
    name: str
    description: str | None
    rate: float | None
    min_amount: float | None
    max_amount: float | None
    term_months: int | None
    kind: str

    def to_api(self) -> dict[str, object]:
        """The catalog item exactly as the real sandbox renders it (decimal strings)."""
        return {
            "productId": self.product_id,
            "productType": self.product_type,
            "productName": self.name,
            "description": self.description,
            "interestRate": _dec(self.rate),
            "minAmount": _dec(self.min_amount),
            "maxAmount": _dec(self.max_amount),
            "termMonths": self.term_months,
        }


def _dec(value: float | None) -> str | None:
    return None if value is None else f"{value:.2f}"


# (deposit rate, consumer rate, mortgage, car, refinance, credit card rate) per known bank.
_RATES: dict[str, tuple[float, float, float, float, float, float]] = {
    "vbank": (8.5, 12.9, 9.3, 13.4, 11.5, 19.9),
    "abank": (9.1, 14.2, 10.1, 12.6, 10.9, 23.9),
    "sbank": (8.0, 15.5, 8.7, 11.9, 13.5, 17.9),
}


def _rates_for(bank_id: str) -> tuple[float, float, float, float, float, float]:
    if bank_id in _RATES:
        return _RATES[bank_id]
    # A bank added by configuration gets stable rates derived from its id.
    shift = (sum(map(ord, bank_id)) % 7) / 5
    return (7.8 + shift, 13.0 + shift, 9.0 + shift, 12.0 + shift, 11.0 + shift, 20.0 + shift)


def catalog(bank_id: str) -> list[Product]:
    """The bank's catalog, in the order ``GET /products`` returns it."""
    dep, cons, mort, car, refi, cc = _rates_for(bank_id)
    b = bank_id
    title = f"{b[0].upper()}Bank" if b.endswith("bank") and len(b) == 5 else b.capitalize()
    return [
        Product(
            f"prod-{b}-deposit-001",
            "deposit",
            "Накопительный депозит",
            "Выгодная ставка",
            dep,
            50000,
            None,
            12,
            "deposit_online",
        ),
        Product(
            f"prod-{b}-card-001",
            "credit_card",
            "Кредитная карта Premium",
            "Кэшбэк и бонусы",
            15.9,
            None,
            None,
            None,
            "credit_card_premium",
        ),
        Product(
            f"prod-{b}-loan-001",
            "loan",
            "Потребительский кредит",
            "Быстрое одобрение",
            cons,
            50000,
            None,
            36,
            "consumer",
        ),
        Product(
            "deposit-reliable",
            "deposit",
            'Вклад "Надежный"',
            "Классический вклад с гарантированной доходностью",
            dep,
            10000,
            10000000,
            12,
            "deposit",
        ),
        Product(
            "loan-consumer",
            "loan",
            "Потребительский кредит",
            "Кредит на любые цели",
            cons + 1.0,
            50000,
            3000000,
            60,
            "consumer_long",
        ),
        Product(
            "card-debit",
            "card",
            'Дебетовая карта "Свобода"',
            "Карта с кэшбэком 2%",
            None,
            None,
            None,
            None,
            "debit_card",
        ),
        Product(
            "card-credit",
            "card",
            'Кредитная карта "Лимит"',
            "Кредитная карта с льготным периодом",
            cc,
            50000,
            500000,
            None,
            "credit_card",
        ),
        Product(
            f"prod-{b}-mortgage-001",
            "loan",
            f"Ипотека {title} {mort:.1f}%",
            None,
            mort,
            1500000,
            30000000,
            240,
            "mortgage",
        ),
        Product(
            f"prod-{b}-auto-001",
            "loan",
            f"Автокредит Smart {car:.1f}%",
            None,
            car,
            200000,
            5000000,
            60,
            "car",
        ),
        Product(
            f"prod-{b}-refi-001",
            "loan",
            f"Рефинансирование {refi:.1f}%",
            "Объединение кредитов других банков",
            refi,
            100000,
            5000000,
            60,
            "refinance",
        ),
    ]


def product_by_kind(bank_id: str, kind: str) -> Product:
    """The catalog entry of a kind (``mortgage``, ``car``, ``deposit``, ...)."""
    for product in catalog(bank_id):
        if product.kind == kind:
            return product
    raise KeyError(kind)


def product_by_id(bank_id: str, product_id: str) -> Product | None:
    """A catalog entry by id, or None."""
    return next((p for p in catalog(bank_id) if p.product_id == product_id), None)

"""Decimal helpers: one rounding rule, one place that knows about currencies.

Money is exact `Decimal` all the way through. Rounding happens only (a) when an amount that will
actually be paid is created (an estimated instalment, a typical bill amount) — those are whole
kopecks in real life — and (b) when a figure is put into the output model for display.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
KOPECK = Decimal("0.01")
DAYS_PER_YEAR = Decimal(365)
MONTHS_PER_YEAR = Decimal(12)
DAYS_PER_MONTH = DAYS_PER_YEAR / MONTHS_PER_YEAR
"""365 / 12: the one conversion between monthly and daily amounts used everywhere."""


def kop(value: Decimal) -> Decimal:
    """Round to kopecks, half up (the convention of Russian bank statements)."""
    return value.quantize(KOPECK, rounding=ROUND_HALF_UP)


def kop_or_none(value: Decimal | None) -> Decimal | None:
    return None if value is None else kop(value)


def ceil_int(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def total(values: Iterable[Decimal]) -> Decimal:
    return sum(values, ZERO)


def median(values: list[Decimal]) -> Decimal:
    """Median of a non-empty list; the mean of the two middle values for an even count."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def monthly_to_daily(monthly: Decimal) -> Decimal:
    return monthly * MONTHS_PER_YEAR / DAYS_PER_YEAR


def daily_to_monthly(daily: Decimal) -> Decimal:
    return daily * DAYS_PER_YEAR / MONTHS_PER_YEAR


class Converter:
    """Turns an amount in any currency into the base currency, or says it cannot.

    Foreign-currency money is converted only with a rate the caller supplies (`rates[code]` = base
    units per one unit of `code`, e.g. `{"USD": Decimal("92.50")}`). Without a rate the amount is
    *not* summed into base-currency figures; callers report it apart. It is never treated as RUB.
    """

    __slots__ = ("base", "rates")

    def __init__(self, base: str, rates: Mapping[str, Decimal]) -> None:
        self.base = base
        self.rates = {code.upper(): rate for code, rate in rates.items() if rate > 0}

    def to_base(self, amount: Decimal, currency: str) -> Decimal | None:
        if currency == self.base:
            return amount
        rate = self.rates.get(currency)
        return None if rate is None else amount * rate

    def can_convert(self, currency: str) -> bool:
        return currency == self.base or currency in self.rates


def ru_decimal(value: Decimal) -> str:
    """`53.4123` → `53,41`: kopeck precision with the Russian decimal comma, for sentences."""
    return f"{kop(value):.2f}".replace("-", "−").replace(".", ",")


def rub(value: Decimal) -> str:
    """`186945.834` → `186 945,83 ₽` (kopecks, half up; no-break spaces), for sentences users read."""
    whole, _, frac = f"{kop(value):.2f}".partition(".")
    sign = "−" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
    return f"{sign}{'\u00a0'.join(groups)},{frac}\u00a0₽"

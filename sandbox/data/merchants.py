"""Merchants with their MCC codes, grouped by spending category.

Texts follow the recorded sandbox responses: ``transactionInformation`` is ``"<name> - <city>"`` and
``merchant`` carries ``merchantId``, ``name``, ``mccCode``, ``category``, ``city``, ``country``,
``address``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """A spending category: MCC, merchant names and a typical ticket range in roubles."""

    key: str
    mcc: str
    names: tuple[str, ...]
    low: float
    high: float


CATEGORIES: dict[str, Category] = {
    c.key: c
    for c in (
        Category(
            "grocery", "5411", ("Пятёрочка", "Перекрёсток", "Магнит", "ВкусВилл", "Лента", "Ашан"), 250, 4500
        ),
        Category(
            "restaurant",
            "5812",
            ("Dodopizza", "Теремок", "Якитория", "Сбарро", "Шоколадница", "Тануки"),
            450,
            4200,
        ),
        Category("fastfood", "5814", ("Вкусно — и точка", "KFC", "Burger King", "Макдоналдс"), 180, 1200),
        Category(
            "clothing",
            "5651",
            ("Zara", "H&M", "Uniqlo", "Спортмастер", "Gloria Jeans", "Befree"),
            1200,
            14000,
        ),
        Category("pharmacy", "5912", ("Ригла", "Аптека 36,6", "Горздрав", "Столички"), 150, 3500),
        Category("fuel", "5541", ("Лукойл", "Газпромнефть", "Роснефть", "Татнефть"), 1500, 4500),
        Category("taxi", "4121", ("Яндекс Go", "Ситимобил"), 220, 1600),
        Category("transport", "4111", ("Московский метрополитен", "Мосгортранс", "РЖД Пригород"), 50, 400),
        Category("marketplace", "5399", ("Wildberries", "Ozon", "Яндекс Маркет", "AliExpress"), 300, 9000),
        Category("electronics", "5732", ("М.Видео", "DNS", "Эльдорадо", "re:Store"), 2000, 60000),
        Category("home", "5200", ("Леруа Мерлен", "Hoff", "IKEA", "Castorama"), 900, 25000),
        Category("cinema", "7832", ("Синема Парк", "КАРО", "Формула Кино"), 400, 1800),
        Category(
            "beauty", "7230", ("Салон красоты «Локон»", "Барбершоп OldBoy", "Студия «Ногти»"), 900, 4500
        ),
        Category("travel", "4511", ("Аэрофлот", "S7 Airlines", "Победа", "Туту.ру"), 4500, 38000),
        Category("books", "5942", ("Читай-город", "Буквоед", "Лабиринт"), 350, 2500),
        Category("education", "8299", ("Skillbox", "Нетология", "Яндекс Практикум"), 3000, 15000),
    )
}

# Recurring monthly card charges: (name, category key, MCC, amount).
SUBSCRIPTIONS: tuple[tuple[str, str, str, float], ...] = (
    ("Яндекс Плюс", "subscription", "5815", 399.0),
    ("Кинопоиск", "subscription", "5815", 299.0),
    ("VK Музыка", "subscription", "5815", 199.0),
    ("Okko", "subscription", "5815", 399.0),
    ("Литрес", "subscription", "5815", 399.0),
    ("МТС", "telecom", "4814", 650.0),
    ("Билайн", "telecom", "4814", 550.0),
    ("МегаФон", "telecom", "4814", 700.0),
    ("Ростелеком", "telecom", "4814", 790.0),
    ("World Class", "fitness", "7997", 4900.0),
    ("Spirit Fitness", "fitness", "7997", 3200.0),
)

UTILITY = ("ЖКУ Единый расчётный центр", "utilities", "4900")


def merchant_id(category: str, name: str) -> str:
    """A stable merchant id such as ``merchant-restaurant-0378`` (same name → same id at every bank)."""
    digest = sum((i + 1) * ord(ch) for i, ch in enumerate(name)) % 9000
    return f"merchant-{category}-{digest + 100:04d}"


def merchant_doc(category: str, name: str, mcc: str, city: str, street_no: int) -> dict[str, object]:
    """The ``merchant`` object of a card transaction."""
    return {
        "merchantId": merchant_id(category, name),
        "name": name,
        "mccCode": mcc,
        "category": category,
        "city": city,
        "country": "RUS",
        "address": f"ул. Примерная, д. {street_no}, {city}",
    }

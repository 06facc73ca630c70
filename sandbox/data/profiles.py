"""The ten customer lives (``team200-1`` … ``team200-10``) and their holdings per slot.

Slot 0, 1, 2 are the first three configured banks (vbank, abank, sbank by default). Amounts are in
roubles here and converted to kopecks when posted. A profile only decides *what* happens; the
helpers in :mod:`sandbox.data.life` and :mod:`sandbox.data.holdings` post the transactions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sandbox.data.catalog import Product
from sandbox.data.holdings import credit_card, deposit, loan
from sandbox.data.life import Life, add_months

Catalog = Callable[[int, str], Product]

EVERYDAY = {
    "grocery": 5,
    "restaurant": 1.5,
    "fastfood": 1.5,
    "taxi": 1,
    "marketplace": 1.2,
    "pharmacy": 0.6,
    "clothing": 0.4,
    "transport": 1,
    "cinema": 0.3,
    "beauty": 0.3,
    "home": 0.2,
    "electronics": 0.1,
}
STUDENT = {
    "fastfood": 4,
    "grocery": 3,
    "transport": 3,
    "books": 0.6,
    "cinema": 0.6,
    "marketplace": 1,
    "education": 0.1,
}
PENSIONER = {"grocery": 6, "pharmacy": 3, "transport": 1, "home": 0.3, "clothing": 0.2}
VIP = {
    "restaurant": 4,
    "travel": 0.6,
    "clothing": 1.5,
    "electronics": 0.3,
    "grocery": 3,
    "taxi": 2,
    "beauty": 1,
}


def rub(value: float) -> int:
    return round(value * 100)


@dataclass(frozen=True)
class Profile:
    """A life: who the customer is and the function that lives it."""

    key: str
    full_name: str
    label: str
    segment: str
    city: str
    build: Callable[[Life, Catalog], None]


def salaried_mortgage(life: Life, cat: Catalog) -> None:
    main = life.checking(0, rub(40_000), floor=rub(5_000))
    life.salary(main, 5, rub(185_000), "Заработная плата за {month}", "ООО «ТехноСофт»", 0.02)
    life.spend(main, 48, EVERYDAY)
    life.subscriptions(main, ["Яндекс Плюс", "МТС", "Кинопоиск"])
    life.utilities(main, 12, 5_200, 6_800)
    loan(life, 0, cat(0, "mortgage"), rub(6_500_000), 9.8, 240, add_months(life.start, -37), main, 15)
    second = life.checking(1, rub(3_000))
    life.monthly_transfer(
        main, second, 6, rub(42_000), "Перевод на свой счёт в другом банке", "Перевод собственных средств"
    )
    loan(
        life,
        1,
        cat(1, "car"),
        rub(1_600_000),
        14.9,
        60,
        add_months(life.start, 4, 8),
        second,
        20,
        purchase="Оплата автомобиля ООО «Автомир»",
    )
    third = life.checking(2, rub(12_000), card=True)
    life.spend(third, 6, {"fuel": 3, "grocery": 1})
    life.holds(main, 2)


def saver(life: Life, cat: Catalog) -> None:
    main = life.checking(0, rub(150_000), floor=rub(20_000))
    life.salary(main, 10, rub(140_000), "Заработная плата за {month}", "АО «СеверСталь Инвест»", 0.0)
    life.spend(main, 30, EVERYDAY, 0.8)
    life.subscriptions(main, ["Яндекс Плюс", "Билайн"])
    life.utilities(main, 15, 4_000, 5_500)
    deposit(
        life, 0, cat(0, "deposit"), rub(800_000), 8.5, add_months(life.start, -2), main, main, 24, rub(20_000)
    )
    b = life.checking(1, rub(5_000))
    deposit(life, 1, cat(1, "deposit_online"), rub(1_200_000), 9.1, add_months(life.start, 7, 3), b, b, 12)
    life.transfer(
        main,
        b,
        add_months(life.start, 7, 2),
        rub(1_200_000),
        "Перевод на свой счёт в другом банке",
        "Перевод собственных средств",
    )
    c = life.checking(2, rub(30_000))
    deposit(life, 2, cat(2, "deposit"), rub(500_000), 8.0, add_months(life.start, 2, 20), c, None, 12)
    life.transfer(
        main,
        c,
        add_months(life.start, 2, 19),
        rub(480_000),
        "Перевод на свой счёт в другом банке",
        "Перевод собственных средств",
    )


def card_heavy(life: Life, cat: Catalog) -> None:
    pay = life.checking(1, rub(15_000), floor=rub(1_000))
    life.salary(pay, 25, rub(120_000), "Заработная плата за {month}", "ООО «Ритейл Групп»", 0.03)
    life.subscriptions(pay, ["VK Музыка", "МегаФон", "Okko"])
    a = life.checking(0, rub(2_000))
    life.monthly_transfer(
        pay, a, 26, rub(38_000), "Перевод на свой счёт в другом банке", "Перевод собственных средств"
    )
    credit_card(life, 0, cat(0, "credit_card"), rub(300_000), 45, EVERYDAY, a, 27, 0.12, rub(180_000), 23.9)
    credit_card(life, 1, cat(1, "credit_card"), rub(150_000), 25, EVERYDAY, pay, 28, 0.2, rub(70_000), 27.9)
    c = life.checking(2, rub(3_000))
    life.monthly_transfer(
        pay, c, 26, rub(16_500), "Перевод на свой счёт в другом банке", "Перевод собственных средств"
    )
    loan(life, 2, cat(2, "consumer"), rub(400_000), 18.9, 36, add_months(life.start, -9), c, 28)
    life.holds(pay, 1)


def freelancer(life: Life, cat: Catalog) -> None:
    main = life.checking(0, rub(90_000), floor=rub(2_000))
    b = life.checking(1, rub(10_000))
    clients = ("ООО «Креатив Лаб»", "ИП Сидоров А.В.", "ООО «Цифровые решения»", "АО «МедиаПлюс»")
    for m in life.months():
        for _ in range(life.rng.choice([0, 1, 1, 2, 2, 3, 4])):
            d = add_months(m, 0, life.rng.randint(1, 28))
            acc = main if life.rng.random() < 0.7 else b
            client = life.rng.choice(clients)
            amount = rub(life.rng.uniform(15_000, 150_000))
            life.post(
                acc,
                life.at(d, 10, 19),
                amount,
                True,
                f"Оплата по договору №{life.rng.randint(10, 999)} от {client}",
                counterparty=client,
            )
        life.post(
            main,
            life.at(add_months(m, 0, 25), 10, 16),
            rub(life.rng.uniform(3_000, 9_000)),
            False,
            "Налог на профессиональный доход (НПД)",
            counterparty="ФНС России",
        )
    life.spend(main, 35, EVERYDAY, 0.9)
    life.subscriptions(main, ["Яндекс Плюс", "Ростелеком", "Литрес"])
    life.spend(b, 8, {"education": 1, "electronics": 0.5, "books": 1})
    deposit(life, 1, cat(1, "deposit"), rub(150_000), 9.1, add_months(life.start, -1), b, None, 12)


def student(life: Life, cat: Catalog) -> None:
    main = life.checking(0, rub(64_000), floor=rub(300))
    life.spend(main, 28, STUDENT, 0.45)
    life.subscriptions(main, ["Яндекс Плюс"])
    b = life.checking(1, rub(4_500))
    life.spend(b, 3, {"fastfood": 1, "transport": 1}, 0.4)
    life.checking(2, rub(800), card=False)


def pensioner(life: Life, cat: Catalog) -> None:
    main = life.checking(2, rub(25_000), floor=rub(3_000))
    life.salary(main, 3, rub(24_500), "Пенсия СФР", "Социальный фонд России", 0.0)
    life.spend(main, 20, PENSIONER, 0.55)
    life.utilities(main, 10, 3_800, 5_200)
    deposit(life, 2, cat(2, "deposit"), rub(350_000), 8.0, add_months(life.start, -4), main, main, 12)
    life.checking(0, rub(1_200), card=False)
    life.checking(1, rub(600), card=False)


def two_paydays(life: Life, cat: Catalog) -> None:
    main = life.checking(1, rub(20_000), floor=rub(2_000))
    life.salary(main, 10, rub(58_000), "Заработная плата за {month}", "ПАО «Энергомаш»", 0.0)
    life.salary(main, 25, rub(42_000), "Аванс за {month}", "ПАО «Энергомаш»", 0.0)
    life.spend(main, 40, EVERYDAY, 0.8)
    life.subscriptions(main, ["МТС", "Spirit Fitness"])
    a = life.checking(0, rub(1_000))
    life.monthly_transfer(
        main, a, 11, rub(15_500), "Перевод на свой счёт в другом банке", "Перевод собственных средств"
    )
    loan(life, 0, cat(0, "consumer"), rub(300_000), 16.9, 24, add_months(life.start, -3, 12), a, 14)
    life.checking(2, rub(2_500))
    life.holds(main, 1)


def overdue(life: Life, cat: Catalog) -> None:
    main = life.checking(0, rub(2_000), floor=rub(0))
    life.salary(main, 15, rub(65_000), "Заработная плата за {month}", "ООО «СтройМонтаж»", 0.05)
    life.spend(main, 26, EVERYDAY, 0.6)
    credit_card(life, 0, cat(0, "credit_card"), rub(100_000), 20, EVERYDAY, main, 20, 0.05, rub(85_000), 29.9)
    b = life.checking(1, rub(500))
    stop = life.today - timedelta(days=62)
    for m in life.months():
        d = add_months(m, 0, 16)
        if d < stop:
            life.transfer(
                main, b, d, rub(19_500), "Перевод на свой счёт в другом банке", "Перевод собственных средств"
            )
    loan(
        life,
        1,
        cat(1, "consumer"),
        rub(500_000),
        21.9,
        36,
        add_months(life.start, -8, 18),
        b,
        18,
        missed_last=2,
    )
    life.checking(2, rub(150), card=False)


def refinance_candidate(life: Life, cat: Catalog) -> None:
    main = life.checking(2, rub(35_000), floor=rub(5_000))
    life.salary(main, 7, rub(160_000), "Заработная плата за {month}", "ООО «Фарма Дистрибуция»", 0.01)
    life.spend(main, 38, EVERYDAY)
    life.subscriptions(main, ["Яндекс Плюс", "МегаФон", "World Class"])
    life.utilities(main, 14, 5_000, 7_500)
    b = life.checking(1, rub(2_000))
    life.monthly_transfer(
        main, b, 8, rub(27_000), "Перевод на свой счёт в другом банке", "Перевод собственных средств"
    )
    loan(life, 1, cat(1, "consumer_long"), rub(800_000), 23.9, 48, add_months(life.start, -14, 9), b, 9)
    credit_card(
        life,
        2,
        cat(2, "credit_card"),
        rub(200_000),
        10,
        {"travel": 1, "electronics": 1, "home": 1},
        main,
        22,
        1.0,
    )
    a = life.checking(0, rub(10_000))
    deposit(life, 0, cat(0, "deposit"), rub(120_000), 8.5, add_months(life.start, 5, 1), a, a, 6)
    life.transfer(
        main,
        a,
        add_months(life.start, 4, 28),
        rub(115_000),
        "Перевод на свой счёт в другом банке",
        "Перевод собственных средств",
    )


def premium(life: Life, cat: Catalog) -> None:
    accounts = [life.checking(slot, rub(2_500_000), floor=rub(500_000)) for slot in range(3)]
    for acc in accounts:
        for m in life.months():
            for _ in range(life.rng.randint(2, 4)):
                d = add_months(m, 0, life.rng.randint(1, 28))
                life.post(
                    acc,
                    life.at(d, 0, 23),
                    rub(life.rng.uniform(300_000, 1_900_000)),
                    True,
                    "Доход",
                    counterparty=None,
                )
        life.spend(acc, 14, VIP, 6.0)
    for slot, acc in enumerate(accounts):
        start = add_months(life.start, life.rng.randint(-3, 9), life.rng.randint(1, 28))
        deposit(
            life,
            slot,
            cat(slot, "deposit"),
            rub(life.rng.uniform(1_000_000, 9_000_000)),
            8.5 - slot * 0.2,
            start,
            acc,
            acc,
            12,
        )
    loan(
        life,
        2,
        cat(2, "car"),
        rub(1_449_860.43),
        11.9,
        24,
        add_months(life.start, 9, 6),
        accounts[2],
        5,
        purchase="Оплата автомобиля АО «Премиум Моторс»",
    )


PROFILES: tuple[Profile, ...] = (
    Profile(
        "salaried_mortgage",
        "Иванов Сергей Петрович",
        "Salary + mortgage + car loan",
        "employee",
        "Москва",
        salaried_mortgage,
    ),
    Profile("saver", "Смирнова Анна Викторовна", "Saver", "employee", "Санкт-Петербург", saver),
    Profile(
        "card_heavy", "Кузнецов Дмитрий Олегович", "Credit cards", "employee", "Екатеринбург", card_heavy
    ),
    Profile("freelancer", "Попова Екатерина Андреевна", "Freelancer", "entrepreneur", "Казань", freelancer),
    Profile("student", "Васильев Артём Игоревич", "Student", "student", "Томск", student),
    Profile("pensioner", "Соколова Галина Ивановна", "Pensioner", "pensioner", "Воронеж", pensioner),
    Profile(
        "two_paydays", "Михайлов Павел Сергеевич", "Two paydays", "employee", "Нижний Новгород", two_paydays
    ),
    Profile("overdue", "Новиков Игорь Александрович", "Overdue loan", "employee", "Самара", overdue),
    Profile(
        "refinance",
        "Фёдорова Ольга Николаевна",
        "Refinance candidate",
        "employee",
        "Краснодар",
        refinance_candidate,
    ),
    Profile("premium", "Премиумов Премиум Премиумович", "Premium VIP", "vip", "Новосибирск", premium),
)


def basic(life: Life, cat: Catalog, slot: int) -> None:
    """The life a customer has at a bank beyond the first three: one card account, everyday spending."""
    acc = life.checking(slot, rub(life.rng.uniform(20_000, 80_000)), floor=rub(1_000))
    life.spend(acc, 10, EVERYDAY, 0.7)


def profile_for(index: int) -> Profile:
    """Customer ``index`` (1-based) lives profile ``(index - 1) % 10``."""
    return PROFILES[(index - 1) % len(PROFILES)]

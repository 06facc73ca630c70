"""Assemble one bank's seed data from the customer lives.

Deterministic: the same ``(seed, reference date, team, bank list, customer count)`` always yields the
same customers, accounts, numbers, agreements, cards and transactions (byte for byte). Every bank
generates each customer's whole life (all slots) and keeps its own part, so transfers between a
customer's accounts at two banks carry the same amounts and the right account numbers at both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date

from sandbox.data.catalog import Product, product_by_kind
from sandbox.data.life import DraftAccount, DraftTx, Life
from sandbox.data.profiles import basic, profile_for
from sandbox.model import Account, Agreement, Card, Customer, Tx, iso

KIND_PREFIX = {
    "checking": "40817810",
    "savings": "40817810",
    "deposit": "42305810",
    "loan": "45507810",
    "credit_card": "40817810",
}
FIRST_TX = 100001


@dataclass
class BankData:
    """Everything one bank starts with."""

    customers: list[Customer] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    txs: list[Tx] = field(default_factory=list)


def branch(bank_id: str) -> str:
    """Four digits that make account numbers unique across banks."""
    return f"{sum(map(ord, bank_id)) % 9000 + 1000:04d}"


def account_number(bank_id: str, kind: str, customer_index: int, serial: int) -> str:
    return f"{KIND_PREFIX.get(kind, '40817810')}0{branch(bank_id)}{customer_index:03d}{serial:04d}"


def slot_bank(banks: list[str], slot: int) -> str:
    return banks[slot % min(len(banks), 3)]


def build_bank(
    bank_id: str,
    banks: list[str],
    seed: str,
    today: date,
    team: str,
    customers: int,
    variants: tuple[str, ...] = (),
) -> BankData:
    """Generate the seed data of ``bank_id`` (one of ``banks``), with the given data variants."""
    data = BankData()
    for index in range(1, customers + 1):
        _build_customer(data, bank_id, banks, seed, today, team, index, frozenset(variants))
    data.txs.sort(key=lambda t: (t.booked, t.account_id, t.info))
    for n, tx in enumerate(data.txs):
        tx.tx_id = f"tx-{bank_id}-{FIRST_TX + n:08d}"
    return data


def _build_customer(
    data: BankData,
    bank_id: str,
    banks: list[str],
    seed: str,
    today: date,
    team: str,
    index: int,
    variants: frozenset[str],
) -> None:
    customer_id = f"{team}-{index}"
    profile = profile_for(index)
    bank_pos = banks.index(bank_id)
    life = Life(random.Random(f"{seed}|{customer_id}|{profile.key}"), profile.city, today, variants)

    def cat(slot: int, kind: str) -> Product:
        return product_by_kind(slot_bank(banks, slot) if slot < 3 else banks[slot], kind)

    if bank_pos < 3:
        profile.build(life, cat)
        if "salary_everywhere" in variants:
            _pay_salary_everywhere(life.accounts)
        mine = [a for a in life.accounts if slot_bank(banks, a.slot) == bank_id]
    else:
        life = Life(random.Random(f"{seed}|{customer_id}|{bank_id}"), profile.city, today)
        basic(life, cat, bank_pos)
        mine = list(life.accounts)
    holder = f"{profile.full_name} ({profile.label}, {team})"
    data.customers.append(Customer(customer_id, holder, profile.segment, profile.key, profile.city))

    ids: dict[int, tuple[str, str]] = {}
    for serial, acc in enumerate(life.accounts):
        owner_bank = slot_bank(banks, acc.slot) if bank_pos < 3 else bank_id
        ids[id(acc)] = (
            f"acc-{1000 + index * 100 + serial}",
            account_number(owner_bank, acc.kind, index, serial),
        )
    agreement_of: dict[int, str] = {}
    used: set[tuple[str, str]] = set()
    for k, draft in enumerate(life.agreements):
        owner_bank = slot_bank(banks, draft.slot) if bank_pos < 3 else bank_id
        if draft.prefix in ("loan", "dep"):
            suffix = random.Random(f"{seed}|{customer_id}|agreement|{k}").randint(0, 9999)
            aid = f"{draft.prefix}-{customer_id}-{suffix:04d}"
        else:
            aid = f"{draft.prefix}-{customer_id}"
        while (owner_bank, aid) in used:
            aid += "-2"
        used.add((owner_bank, aid))
        if draft.account is not None and draft.prefix != "card-deb":
            agreement_of[id(draft.account)] = aid
        if owner_bank == bank_id:
            acc_id = ids[id(draft.account)][0] if draft.account is not None else None
            data.agreements.append(
                Agreement(
                    aid,
                    customer_id,
                    draft.product.product_id,
                    draft.product.name,
                    draft.product.product_type,
                    draft.amount,
                    draft.rate,
                    draft.start.isoformat(),
                    draft.end.isoformat() if draft.end else None,
                    acc_id,
                    draft.status,
                    draft.term_months,
                )
            )

    card_refs: dict[int, Card] = {}
    for n, draft_card in enumerate(life.cards):
        if draft_card.account is None or draft_card.account not in mine:
            continue
        card = Card(
            f"card-{bank_id}-{index:03d}{n:03d}",
            customer_id,
            ids[id(draft_card.account)][0],
            draft_card.last4,
            draft_card.card_type,
            draft_card.name,
            profile.full_name.upper(),
            draft_card.expiry_month,
            draft_card.expiry_year,
            f"{draft_card.issued.isoformat()}T10:00:00Z",
            daily_limit=15_000_000,
            monthly_limit=50_000_000,
        )
        card_refs[id(draft_card)] = card
        data.cards.append(card)

    for acc in mine:
        acc_id, number = ids[id(acc)]
        _settle_opening(acc)
        account = Account(
            acc_id,
            customer_id,
            number,
            acc.kind,
            acc.opened.isoformat(),
            credit_limit=acc.credit_limit,
            owed_as_credit=acc.kind == "loan" and "loan_owed_as_credit" in variants,
        )
        for draft_tx in acc.txs:
            tx = _render(draft_tx, acc, acc_id, ids, agreement_of, card_refs, profile.full_name)
            data.txs.append(tx)
            if tx.status == "pending":
                account.holds += 0 if tx.credit else tx.amount
        account.balance = acc.final_balance()
        data.accounts.append(account)


def _pay_salary_everywhere(accounts: list[DraftAccount]) -> None:
    """Variant ``salary_everywhere``: each salary credit also lands, identical, on the first current
    account of every other slot (three employers' payrolls that look alike, or one split three ways)."""
    first: dict[int, DraftAccount] = {}
    for acc in accounts:
        if acc.kind == "checking":
            first.setdefault(acc.slot, acc)
    paid = [(acc, tx) for acc in accounts for tx in acc.txs if tx.tag == "salary"]
    for acc, tx in paid:
        for other in first.values():
            if other is not acc:
                other.txs.append(replace(tx))


def _settle_opening(acc: DraftAccount) -> None:
    """Raise a current account's opening balance so that it never dips below its floor."""
    if acc.floor is None:
        return
    running = low = 0
    for tx in sorted(acc.txs, key=lambda t: t.when):
        running += tx.amount if tx.credit else -tx.amount
        low = min(low, running)
    acc.opening = max(acc.opening, acc.floor - low)


def _render(
    d: DraftTx,
    acc: DraftAccount,
    acc_id: str,
    ids: dict[int, tuple[str, str]],
    agreement_of: dict[int, str],
    cards: dict[int, Card],
    holder: str,
) -> Tx:
    """A draft transaction as stored: numbers, agreement ids and card references filled in.

    ``{id}`` in a text names the agreement of the account itself (loan, deposit, card account) or,
    on a current account, that of the counterparty account (``Платеж по кредиту №<loan>``).
    """
    counterparty: str | None = None
    info = d.info
    if isinstance(d.counterparty, DraftAccount):
        counterparty = ids[id(d.counterparty)][1]
        info = info.replace("{number}", counterparty)
    elif isinstance(d.counterparty, str):
        counterparty = d.counterparty
    if d.counterparty_label is not None:
        counterparty = d.counterparty_label.replace("{holder}", holder)
    if "{id}" in info:
        target = agreement_of.get(id(acc))
        if target is None and isinstance(d.counterparty, DraftAccount):
            target = agreement_of.get(id(d.counterparty))
        info = info.replace("{id}", target or "")
    card = cards[id(d.card)].tx_ref() if d.card is not None and id(d.card) in cards else None
    return Tx(
        "",
        acc_id,
        iso(d.when),
        d.amount,
        d.credit,
        info,
        d.code,
        d.status,
        d.merchant,
        d.city,
        card,
        counterparty,
    )

"""A bank's state in memory, written through to SQLite.

Transactions are kept per account as pre-rendered JSON bytes in ascending ``(booking time, id)``
order, so a page of ``GET /accounts/{id}/transactions`` is two bisections and a slice: no per-request
serialisation on the hot path.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import orjson

from sandbox import DATA_VERSION
from sandbox.bank.settings import Settings
from sandbox.bank.store import Store
from sandbox.data.bigcustomer import build_big
from sandbox.data.merchants import CATEGORIES, merchant_doc
from sandbox.data.seed import build_bank
from sandbox.model import Account, Agreement, Card, Consent, Customer, Payment, Tx, iso, utcnow


class BankState:
    """Customers, accounts, transactions, agreements, cards, consents and payments of one bank."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self._clear()

    def _clear(self) -> None:
        self.customers: dict[str, Customer] = {}
        self.accounts: dict[str, Account] = {}
        self.by_number: dict[str, Account] = {}
        self.accounts_of: dict[str, list[Account]] = defaultdict(list)
        self.agreements: dict[str, Agreement] = {}
        self.cards: dict[str, Card] = {}
        self.consents: dict[str, Consent] = {}
        self.consent_ids: dict[str, Consent] = {}
        self.payments: dict[str, Payment] = {}
        self._tx_keys: dict[str, list[str]] = defaultdict(list)
        self._tx_body: dict[str, list[bytes]] = defaultdict(list)
        self.next_tx = 1

    # --- lifecycle ------------------------------------------------------------------------
    def open(self) -> None:
        """Load the data, seeding first if the store is empty or from another seed/version."""
        wanted = self._seed_key()
        if self.store.get_meta("seed_key") != wanted:
            self.seed()
        else:
            self.load()

    def _seed_key(self) -> str:
        s = self.settings
        parts = (
            f"v{DATA_VERSION}",
            s.seed,
            s.team,
            ",".join(s.bank_ids),
            s.customers,
            s.big_customers,
            s.today,
            s.variants,
        )
        return "|".join(map(str, parts))

    def reference_date(self) -> date:
        stored = self.store.get_meta("today")
        if stored:
            return date.fromisoformat(stored)
        return date.fromisoformat(self.settings.today) if self.settings.today else utcnow().date()

    def seed(self) -> None:
        """Regenerate the seed data (relative to ``SANDBOX_TODAY`` or today) and load it."""
        s = self.settings
        today = date.fromisoformat(s.today) if s.today else utcnow().date()
        self.store.wipe()
        variants = tuple(v for v in s.variants.split(",") if v)
        data = build_bank(s.bank_id, s.bank_ids, s.seed, today, s.team, s.customers, variants)
        with self.store.transaction():
            self.store.put_many("customers", ((c.customer_id, c) for c in data.customers))
            self.store.put_many("accounts", ((a.account_id, a) for a in data.accounts))
            self.store.put_many("agreements", ((a.agreement_id, a) for a in data.agreements))
            self.store.put_many("cards", ((c.card_id, c) for c in data.cards))
            self.store.put_many("transactions", ((t.tx_id, t) for t in data.txs))
            self.store.set_meta("today", today.isoformat())
            self.store.set_meta("seed_key", self._seed_key())
        self.load()
        for name, accounts, count in s.big_customers:
            self.add_big_customer(str(name), int(accounts), int(count))

    def load(self) -> None:
        self._clear()
        st = self.store
        for doc in st.all("customers"):
            self.customers[doc["customer_id"]] = Customer(**doc)
        for doc in st.all("accounts"):
            self._index_account(Account(**doc))
        for doc in st.all("agreements"):
            self.agreements[doc["agreement_id"]] = Agreement(**doc)
        for doc in st.all("cards"):
            self.cards[doc["card_id"]] = Card(**doc)
        for doc in st.all("consents"):
            self._index_consent(Consent(**doc))
        for doc in st.all("payments"):
            self.payments[doc["payment_id"]] = Payment(**doc)
        rows = [Tx(**doc) for doc in st.all("transactions")]
        rows.sort(key=lambda t: (t.booked, t.tx_id))
        for tx in rows:
            self._tx_keys[tx.account_id].append(f"{tx.booked}|{tx.tx_id}")
            self._tx_body[tx.account_id].append(tx.render())
        self.next_tx = max((int(t.tx_id.rsplit("-", 1)[1]) for t in rows), default=100000) + 1

    def reset(self) -> None:
        """Restore the seed: data, consents and payments (signing keys are kept)."""
        self.store.set_meta("seed_key", "")
        self.seed()

    # --- indexes --------------------------------------------------------------------------
    def _index_account(self, acc: Account) -> None:
        if acc.account_id not in self.accounts:
            self.accounts_of[acc.customer_id].append(acc)
        self.accounts[acc.account_id] = acc
        self.by_number[acc.number] = acc

    def _index_consent(self, consent: Consent) -> None:
        self.consents[consent.request_id] = consent
        if consent.consent_id:
            self.consent_ids[consent.consent_id] = consent

    def find_consent(self, any_id: str) -> Consent | None:
        """A consent by consent id or request id."""
        return self.consent_ids.get(any_id) or self.consents.get(any_id)

    def holder(self, customer_id: str) -> str:
        c = self.customers.get(customer_id)
        return c.full_name if c else ""

    # --- writes ---------------------------------------------------------------------------
    def save_account(self, acc: Account) -> None:
        self._index_account(acc)
        self.store.put("accounts", acc.account_id, acc)

    def save_consent(self, consent: Consent) -> None:
        self._index_consent(consent)
        self.store.put("consents", consent.request_id, consent)

    def save_payment(self, payment: Payment) -> None:
        self.payments[payment.payment_id] = payment
        self.store.put("payments", payment.payment_id, payment)

    def save_agreement(self, agreement: Agreement) -> None:
        self.agreements[agreement.agreement_id] = agreement
        self.store.put("agreements", agreement.agreement_id, agreement)

    def save_card(self, card: Card) -> None:
        self.cards[card.card_id] = card
        self.store.put("cards", card.card_id, card)

    def open_account(self, customer_id: str, kind: str, credit_limit: int | None = None) -> Account:
        """A new account (product opened through the API) with the next free id and number."""
        from sandbox.data.seed import account_number

        serial = 1 + max(
            (
                int(a.account_id.split("-")[-1])
                for a in self.accounts.values()
                if a.account_id.split("-")[-1].isdigit()
            ),
            default=5000,
        )
        acc = Account(
            f"acc-{serial}",
            customer_id,
            account_number(self.settings.bank_id, kind, 998, serial % 10000),
            kind,
            utcnow().date().isoformat(),
            credit_limit=credit_limit,
        )
        self.save_account(acc)
        return acc

    def new_tx_id(self) -> str:
        tx_id = f"tx-{self.settings.bank_id}-{self.next_tx:08d}"
        self.next_tx += 1
        return tx_id

    def post(
        self,
        acc: Account,
        amount: int,
        credit: bool,
        info: str,
        *,
        when: datetime | None = None,
        counterparty: str | None = None,
        code: str = "02",
        merchant: dict[str, Any] | None = None,
        card: dict[str, Any] | None = None,
        city: str | None = None,
    ) -> Tx:
        """Book a completed transaction and move the account's balance."""
        tx = Tx(
            self.new_tx_id(),
            acc.account_id,
            iso(when or utcnow()),
            amount,
            credit,
            info,
            code,
            "completed",
            merchant,
            city,
            card,
            counterparty,
        )
        acc.balance += amount if credit else -amount
        self._insert_tx(tx)
        self.save_account(acc)
        return tx

    def _insert_tx(self, tx: Tx) -> None:
        key = f"{tx.booked}|{tx.tx_id}"
        keys = self._tx_keys[tx.account_id]
        i = bisect.bisect_right(keys, key)
        keys.insert(i, key)
        self._tx_body[tx.account_id].insert(i, tx.render())
        self.store.put("transactions", tx.tx_id, tx)

    def book_pending(self, tx_id: str, when: datetime | None = None) -> Tx | None:
        """Book a pending (held) transaction, as a bank does when the card payment settles: same id,
        status ``completed``, booking time ``when`` (default now); the hold becomes a booked debit.
        None if there is no pending transaction with that id."""
        for account_id, keys in self._tx_keys.items():
            for i, key in enumerate(keys):
                if key.rsplit("|", 1)[1] != tx_id:
                    continue
                doc = orjson.loads(self._tx_body[account_id][i])
                if doc.get("status") != "pending":
                    return None
                old = next(Tx(**d) for d in self.store.all("transactions") if d["tx_id"] == tx_id)
                del keys[i], self._tx_body[account_id][i]
                booked = replace(old, booked=iso(when or utcnow()), status="completed")
                acc = self.accounts[account_id]
                if not booked.credit:
                    acc.holds = max(0, acc.holds - booked.amount)
                acc.balance += booked.amount if booked.credit else -booked.amount
                self._insert_tx(booked)
                self.save_account(acc)
                return booked
        return None

    def pending_transactions(self, account_id: str) -> list[str]:
        """Ids of the account's pending transactions, newest first."""
        out = []
        keys, bodies = self._tx_keys.get(account_id, []), self._tx_body.get(account_id, [])
        for key, body in zip(keys, bodies, strict=True):
            if b'"status":"pending"' in body:
                out.append(key.rsplit("|", 1)[1])
        return out[::-1]

    # --- reads ----------------------------------------------------------------------------
    def tx_count(self, account_id: str) -> int:
        return len(self._tx_keys.get(account_id, ()))

    def tx_page(
        self, account_id: str, since: str | None, until: str | None, page: int, limit: int
    ) -> tuple[list[bytes], int]:
        """Newest first: the bodies of page ``page`` and the total number of matching transactions."""
        keys = self._tx_keys.get(account_id, [])
        lo = bisect.bisect_left(keys, since) if since else 0
        hi = bisect.bisect_right(keys, until + "\uffff") if until else len(keys)
        total = max(0, hi - lo)
        stop = hi - (page - 1) * limit
        start = max(lo, stop - limit)
        if stop <= lo:
            return [], total
        bodies = self._tx_body[account_id][start:stop]
        bodies.reverse()
        return bodies, total

    # --- generated extras -----------------------------------------------------------------
    def add_big_customer(self, customer_id: str, accounts: int, txs: int, days: int = 365) -> list[str]:
        """Generate a load-test customer; returns its account ids."""
        serial = 900000 + 1000 * sum(1 for c in self.customers.values() if c.profile == "big")
        customer, accs, cards, rows = build_big(
            self.settings.bank_id,
            customer_id,
            accounts,
            txs,
            self.settings.seed,
            self.reference_date(),
            serial,
            days,
        )
        rows.sort(key=lambda t: t.booked)
        for tx in rows:
            tx.tx_id = self.new_tx_id()
        with self.store.transaction():
            self.customers[customer_id] = customer
            self.store.put("customers", customer_id, customer)
            for acc in accs:
                self.save_account(acc)
            for card in cards:
                self.save_card(card)
            self.store.put_many("transactions", ((t.tx_id, t) for t in rows))
        for tx in rows:
            self._tx_keys[tx.account_id].append(f"{tx.booked}|{tx.tx_id}")
            self._tx_body[tx.account_id].append(tx.render())
        return [a.account_id for a in accs]

    def add_random_transactions(self, acc: Account, count: int, rng_seed: str) -> list[str]:
        """``count`` new card purchases booked just now (what a sync test calls "new at the bank")."""
        import random

        rng = random.Random(rng_seed)
        city = self.customers[acc.customer_id].city if acc.customer_id in self.customers else "Москва"
        card = next((c for c in self.cards.values() if c.account_id == acc.account_id), None)
        now = utcnow()
        out = []
        with self.store.transaction():
            for k in range(count):
                cat = CATEGORIES[rng.choice(("grocery", "fastfood", "taxi", "pharmacy", "marketplace"))]
                name = rng.choice(cat.names)
                amount = int(rng.uniform(cat.low, cat.high) * 100)
                when = now - timedelta(seconds=count - k)
                tx = self.post(
                    acc,
                    amount,
                    False,
                    f"{name} - {city}",
                    when=when,
                    code="01",
                    city=city,
                    merchant=merchant_doc(cat.key, name, cat.mcc, city, rng.randint(1, 40)),
                    card=card.tx_ref() if card else None,
                )
                out.append(tx.tx_id)
        return out

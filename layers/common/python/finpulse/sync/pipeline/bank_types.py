"""The non-transaction data types of one bank sync: balances, agreements (+ details), cards, catalog.

A mixin of `BankSync` (finpulse.sync.pipeline.bank_sync): the handlers run on the coordinating thread when a
bank answer arrives; the attributes below are the run's state that `BankSync` sets up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from finpulse.banks.client import BankClient
from finpulse.banks.errors import BankError, InsufficientPermissions
from finpulse.banks.registry import BankConfig
from finpulse.banks.retry import Deadline
from finpulse.data import catalog
from finpulse.data.entities import AGREEMENT, BALANCE, CARD, EntityWriter
from finpulse.data.freshness import TypeState
from finpulse.sync.pipeline import bankcalls, normalise
from finpulse.sync.pipeline.connection import BankConnection

Handler = Callable[[Any], None]


class BankTypes:
    bank: BankConfig
    conn: BankConnection
    client: BankClient
    deadline: Deadline
    types: dict[str, TypeState]
    errors: list[BankError]
    entities: EntityWriter
    writer: Any
    balances_ok: set[str]
    account_numbers: dict[str, str]
    products_written: int
    agreements_pending: int
    agreements_failed: bool

    def _submit(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        ok: Handler,
        failed: Callable[[BankError], None],
        **kw: Any,
    ) -> None:
        raise NotImplementedError

    def _failed(self, exc: BankError) -> None:
        raise NotImplementedError

    # --- other types ------------------------------------------------------------------------
    def _on_balances(self, account_id: str) -> Handler:
        def handle(items: Any) -> None:
            for item in items:
                value = normalise.balance(self.bank.bank_id, item)
                if value is not None:
                    self.entities.put(BALANCE, (value.account_id, value.type.value), value)
            self.balances_ok.add(account_id)

        return handle

    def _start_agreements(self) -> None:
        consent = self.conn.product_consent_id
        if consent is None:
            self.types["agreements"] = "not_permitted"
            return
        self.agreements_failed = False

        def listed(items: Any) -> None:
            self.agreements_pending = len(items)
            for item in items:
                self._submit(
                    bankcalls.agreement_detail,
                    (self.client, item.agreement_id, self.conn.customer_id, consent, self.deadline),
                    self._on_agreement(item),
                    self._agreement_failed(item.agreement_id),
                )
            self._agreements_maybe_done()

        self._submit(
            self.client.agreements,
            (self.conn.customer_id, consent, self.deadline),
            listed,
            self._agreements_list_failed,
        )

    def _on_agreement(self, listed: Any) -> Handler:
        def handle(detail: Any) -> None:
            self.entities.put(
                AGREEMENT, (listed.agreement_id,), normalise.agreement(self.bank.bank_id, listed, detail)
            )
            self.agreements_pending -= 1
            self._agreements_maybe_done()

        return handle

    def _agreement_failed(self, agreement_id: str) -> Callable[[BankError], None]:
        def handle(exc: BankError) -> None:
            self.entities.keep(AGREEMENT, (agreement_id,))  # the stored one (with its rate) stays
            self.agreements_failed = True
            self.errors.append(exc)
            self.agreements_pending -= 1
            self._agreements_maybe_done()

        return handle

    def _agreements_list_failed(self, exc: BankError) -> None:
        self.types["agreements"] = "stale"
        self.errors.append(exc)

    def _agreements_maybe_done(self) -> None:
        if self.agreements_pending:
            return
        if self.agreements_failed:
            self.types["agreements"] = "stale"
        else:
            self.entities.remove_unseen(AGREEMENT)
            self.types["agreements"] = "ok"

    def _on_cards(self, items: Any) -> None:
        for raw in items:
            number = str(raw.get("accountNumber") or "")
            self.entities.put(
                CARD,
                (str(raw.get("cardId")),),
                normalise.card(self.bank.bank_id, raw, self.account_numbers.get(number)),
            )
        self.entities.remove_unseen(CARD)
        self.types["cards"] = "ok"

    def _cards_failed(self, exc: BankError) -> None:
        if isinstance(exc, InsufficientPermissions):
            self.types["cards"] = "not_permitted"
            return
        self.types["cards"] = "stale"
        self.errors.append(exc)

    def _on_products(self, items: Any) -> None:
        products = [normalise.product(self.bank.bank_id, raw) for raw in items if raw.get("productId")]
        self.products_written = catalog.store(self.bank.bank_id, products, self.writer)
        self.types["products"] = "ok"

    def _type_failed(self, name: str) -> Callable[[BankError], None]:
        def handle(exc: BankError) -> None:
            self.types[name] = "stale"
            self._failed(exc)

        return handle

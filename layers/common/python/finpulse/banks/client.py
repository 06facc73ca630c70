"""The Open Banking operations FinPulse uses, for one bank: consents and data calls.

Each call gets the team token from the token provider; a 401 invalidates that token and the call
is repeated once with a new one (a bank may revoke tokens before they expire). Answers are
validated into models; anything that does not fit is `InvalidBankResponse`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from finpulse.banks.errors import BankResourceNotFound, BankTokenRejected, InvalidBankResponse
from finpulse.banks.http import BankAnswer, BankHttp, ClientIdIn
from finpulse.banks.models import (
    AccountItem,
    AgreementItem,
    BalanceItem,
    BankConsent,
    envelope_items,
)
from finpulse.banks.registry import BankConfig
from finpulse.banks.retry import Deadline
from finpulse.banks.statement import BankTransaction, read_transactions
from finpulse.banks.statuslog import CallRecorder
from finpulse.banks.tokens import TokenProvider, default_provider

ConsentKind = Literal["accounts", "products", "payments"]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class KindApi:
    path: str  # the consent resource collection
    header: str  # the header data calls carry the consent id in
    operation: str  # prefix of status-log operation names


KINDS: dict[str, KindApi] = {
    "accounts": KindApi("/account-consents", "X-Consent-Id", "account_consent"),
    "products": KindApi("/product-agreement-consents", "X-Product-Agreement-Consent-Id", "product_consent"),
    "payments": KindApi("/payment-consents", "X-Payment-Consent-Id", "payment_consent"),
}

# Cards come with the account consent (the banks answer /cards under X-Consent-Id with ReadCards).
ACCOUNT_PERMISSIONS = ("ReadAccountsDetail", "ReadBalances", "ReadTransactionsDetail", "ReadCards")


class BankClient:
    def __init__(
        self,
        bank: BankConfig,
        *,
        tokens: TokenProvider | None = None,
        recorder: CallRecorder | None = None,
    ) -> None:
        self.bank = bank
        self.tokens = tokens or default_provider()
        self.http = BankHttp(bank, recorder)

    # --- plumbing ---------------------------------------------------------------------------
    def call(
        self, method: str, path: str, *, operation: str, deadline: Deadline, **kwargs: Any
    ) -> BankAnswer:
        """An authorised request; a 401 gets one retry with a token fetched after it (any other
        cached token may have been revoked with the refused one)."""
        token = self.tokens.get(self.bank, deadline)
        try:
            return self.http.request(
                method, path, operation=operation, deadline=deadline, token=token, **kwargs
            )
        except BankTokenRejected:
            rejected_at = time.time()
            self.tokens.invalidate(self.bank, token)
        token = self.tokens.get(self.bank, deadline, fetched_after=rejected_at)
        return self.http.request(method, path, operation=operation, deadline=deadline, token=token, **kwargs)

    def parse[T](self, operation: str, parse: Callable[[], T]) -> T:
        """`parse()`, with any shape error turned into InvalidBankResponse."""
        try:
            return parse()
        except (ValidationError, ValueError, TypeError) as exc:
            self.http.record_failure(operation, "invalid_response", f"Unexpected answer: {_first_error(exc)}")
            raise InvalidBankResponse(
                "The bank's answer does not have the expected shape",
                bank_id=self.bank.bank_id,
                operation=operation,
                details=[{"field": None, "message": _first_error(exc)}],
            ) from None

    def _items(self, answer: BankAnswer, key: str, model: type[M], operation: str) -> list[M]:
        adapter = TypeAdapter(list[model])  # type: ignore[valid-type]

        def parse() -> Any:
            return adapter.validate_python(envelope_items(answer.body, key))

        result: list[M] = self.parse(operation, parse)
        return result

    # --- consents ---------------------------------------------------------------------------
    def create_consent(
        self, kind: ConsentKind, customer_id: str, body: dict[str, Any], deadline: Deadline
    ) -> BankConsent:
        api = KINDS[kind]
        operation = f"{api.operation}.create"
        answer = self.call(
            "POST",
            f"{api.path}/request",
            operation=operation,
            deadline=deadline,
            client_id=customer_id,
            client_id_in=ClientIdIn.BOTH,
            body={"requesting_bank": self._team(), **body},
        )
        return self.parse(operation, lambda: BankConsent.model_validate(answer.body))

    def get_consent(
        self, kind: ConsentKind, any_id: str, customer_id: str, deadline: Deadline
    ) -> BankConsent:
        """By consent id or, while pending, by request id (banks accept either)."""
        api = KINDS[kind]
        operation = f"{api.operation}.get"
        answer = self.call(
            "GET", f"{api.path}/{any_id}", operation=operation, deadline=deadline, client_id=customer_id
        )
        return self.parse(operation, lambda: BankConsent.model_validate(answer.body))

    def revoke_consent(self, kind: ConsentKind, any_id: str, customer_id: str, deadline: Deadline) -> bool:
        """DELETE at the bank. False when the bank no longer knows the consent (nothing to revoke)."""
        api = KINDS[kind]
        try:
            self.call(
                "DELETE",
                f"{api.path}/{any_id}",
                operation=f"{api.operation}.revoke",
                deadline=deadline,
                client_id=customer_id,
            )
        except BankResourceNotFound:
            return False
        return True

    def _team(self) -> str:
        from finpulse.config import settings

        return settings().team_id

    # --- data -------------------------------------------------------------------------------
    def list_accounts(self, customer_id: str, consent_id: str, deadline: Deadline) -> list[AccountItem]:
        answer = self.call(
            "GET",
            "/accounts",
            operation="accounts.list",
            deadline=deadline,
            client_id=customer_id,
            consent=(KINDS["accounts"].header, consent_id),
        )
        return self._items(answer, "account", AccountItem, "accounts.list")

    def balances(
        self, account_id: str, customer_id: str, consent_id: str, deadline: Deadline
    ) -> list[BalanceItem]:
        answer = self.call(
            "GET",
            f"/accounts/{account_id}/balances",
            operation="accounts.balances",
            deadline=deadline,
            client_id=customer_id,
            consent=(KINDS["accounts"].header, consent_id),
        )
        return self._items(answer, "balance", BalanceItem, "accounts.balances")

    def transactions_page(
        self,
        account_id: str,
        customer_id: str,
        consent_id: str,
        deadline: Deadline,
        *,
        page: int = 1,
        limit: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> tuple[list[BankTransaction], dict[str, Any]]:
        """One page and the envelope's `meta` (totalPages, totalRecords) for the caller's paging."""
        params: dict[str, Any] = {"page": page, "limit": limit or self.bank.page_limit}
        if since is not None:
            params["from_booking_date_time"] = since.isoformat()
        if until is not None:
            params["to_booking_date_time"] = until.isoformat()
        answer = self.call(
            "GET",
            f"/accounts/{account_id}/transactions",
            operation="accounts.transactions",
            deadline=deadline,
            client_id=customer_id,
            consent=(KINDS["accounts"].header, consent_id),
            params=params,
        )
        operation = "accounts.transactions"
        items = self.parse(operation, lambda: read_transactions(envelope_items(answer.body, "transaction")))
        meta = answer.body.get("meta") if isinstance(answer.body, dict) else None
        return items, dict(meta) if isinstance(meta, dict) else {}

    def agreements(self, customer_id: str, consent_id: str, deadline: Deadline) -> list[AgreementItem]:
        answer = self.call(
            "GET",
            "/product-agreements",
            operation="agreements.list",
            deadline=deadline,
            client_id=customer_id,
            consent=(KINDS["products"].header, consent_id),
        )
        return self._items(answer, "agreement", AgreementItem, "agreements.list")


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err.get("loc", ()))
        return f"{loc}: {err.get('msg', 'invalid')}"[:200]
    return str(exc)[:200]

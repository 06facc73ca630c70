"""Helpers for the sandbox's own tests: a small team client over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from sandbox.client import SandboxBanks

READ_ALL = ["ReadAccountsDetail", "ReadBalances", "ReadTransactionsDetail", "ReadCards"]


class Team:
    """The aggregator's side: tokens, consents and data calls against one bank."""

    def __init__(self, banks: SandboxBanks, bank_id: str) -> None:
        self.banks, self.bank_id = banks, bank_id
        self.http = httpx.Client(base_url=banks.url(bank_id), timeout=10)
        self.token = banks.token(bank_id)

    def headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "X-Requesting-Bank": self.banks.team, **extra}

    def consent(self, customer: str, permissions: list[str] | None = None, **body: Any) -> dict[str, Any]:
        payload = {"client_id": customer, "permissions": permissions or READ_ALL, **body}
        resp = self.http.post("/account-consents/request", json=payload, headers=self.headers())
        assert resp.status_code == 200, resp.text
        return dict(resp.json())

    def get(self, path: str, consent: str | None = None, **params: Any) -> httpx.Response:
        extra = {"X-Consent-Id": consent} if consent else {}
        return self.http.get(path, params=params, headers=self.headers(**extra))

    def accounts(self, customer: str, consent: str) -> list[dict[str, Any]]:
        resp = self.get("/accounts", consent, client_id=customer)
        assert resp.status_code == 200, resp.text
        return list(resp.json()["data"]["account"])


@pytest.fixture
def team(sandbox: SandboxBanks) -> Iterator[Any]:
    """``team("vbank")`` → a :class:`Team` for that bank."""
    made: list[Team] = []

    def make(bank_id: str = "vbank") -> Team:
        made.append(Team(sandbox, bank_id))
        return made[-1]

    yield make
    for t in made:
        t.http.close()

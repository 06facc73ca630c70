"""The bank client against the sandbox banks over real HTTP: headers, retries, typed errors, tokens."""

from __future__ import annotations

import time
from typing import Any

import pytest

from finpulse.banks.client import ACCOUNT_PERMISSIONS, BankClient
from finpulse.banks.errors import (
    BankRateLimited,
    BankTokenRejected,
    BankUnavailable,
    ConsentRevoked,
    InvalidBankResponse,
)
from finpulse.banks.retry import Deadline
from finpulse.banks.tokens import TokenProvider
from finpulse.banks.tuning import tuning
from tests.banks.support import CUSTOMER, bank, cold_provider

pytestmark = pytest.mark.usefixtures("live")


def approved_consent(client: BankClient) -> str:
    answer = client.create_consent(
        "accounts", CUSTOMER, {"permissions": list(ACCOUNT_PERMISSIONS)}, Deadline.after(10)
    )
    assert answer.consent_id is not None
    return answer.consent_id


def hits(sandbox: Any, bank_id: str, path: str) -> list[dict[str, Any]]:
    """Requests the bank saw on `path` (faulted ones too: they have no operation name)."""
    return [r for r in sandbox.admin(bank_id).requests() if r["path"] == path]


def client_for(bank_id: str, provider: TokenProvider | None = None, **changes: Any) -> BankClient:
    return BankClient(bank(bank_id, **changes), tokens=provider or cold_provider(bank_id))


def test_every_request_carries_team_and_a_fresh_interaction_id(sandbox: Any) -> None:
    client = client_for("vbank")
    consent = approved_consent(client)
    for _ in range(3):
        client.list_accounts(CUSTOMER, consent, Deadline.after(5))
    log = hits(sandbox, "vbank", "/accounts")
    assert len(log) == 3
    ids = [r["interaction_id"] for r in log]
    assert all(ids)
    assert len(set(ids)) == 3
    assert all("client_id=team200-1" in r["query"] for r in log)


def test_429_with_retry_after_is_waited_for_then_succeeds(sandbox: Any) -> None:
    client = client_for("vbank")
    consent = approved_consent(client)
    sandbox.admin("vbank").set_faults(rate_429=1.0, retry_after=1, count=1, paths=["/accounts"])
    started = time.monotonic()
    accounts = client.list_accounts(CUSTOMER, consent, Deadline.after(8))
    assert accounts
    assert time.monotonic() - started >= 1.0
    calls = hits(sandbox, "vbank", "/accounts")
    assert [r["status"] for r in calls] == [429, 200]
    assert calls[1]["ts"] - calls[0]["ts"] >= 1.0


def test_retry_after_beyond_the_deadline_fails_fast_with_rate_limited(sandbox: Any) -> None:
    client = client_for("vbank")
    consent = approved_consent(client)
    sandbox.admin("vbank").set_faults(rate_429=1.0, retry_after=30, paths=["/accounts"])
    started = time.monotonic()
    with pytest.raises(BankRateLimited) as info:
        client.list_accounts(CUSTOMER, consent, Deadline.after(4))
    assert time.monotonic() - started < 1.0
    assert info.value.retry_after == 30
    assert (info.value.bank_id, info.value.operation, info.value.http_status) == (
        "vbank",
        "accounts.list",
        429,
    )
    assert len(hits(sandbox, "vbank", "/accounts")) == 1


def test_5xx_is_retried_then_a_typed_error(sandbox: Any) -> None:
    client = client_for("abank")
    consent = approved_consent(client)
    sandbox.admin("abank").set_faults(error_rate=1.0, paths=["/accounts"])
    with pytest.raises(BankUnavailable) as info:
        client.list_accounts(CUSTOMER, consent, Deadline.after(8))
    assert info.value.http_status in (500, 502, 503)
    assert info.value.code == "BANK_UNAVAILABLE"
    assert len(hits(sandbox, "abank", "/accounts")) == tuning().max_attempts


def test_a_transient_5xx_and_a_dropped_connection_are_retried(sandbox: Any) -> None:
    client = client_for("abank")
    consent = approved_consent(client)
    sandbox.admin("abank").set_faults(error_rate=1.0, count=1, paths=["/accounts"])
    assert client.list_accounts(CUSTOMER, consent, Deadline.after(8))
    sandbox.admin("abank").set_faults(drop_rate=1.0, count=1, paths=["/accounts"])
    assert client.list_accounts(CUSTOMER, consent, Deadline.after(8))


def test_a_hanging_bank_never_overruns_the_deadline(sandbox: Any) -> None:
    client = client_for("vbank")
    consent = approved_consent(client)
    sandbox.admin("vbank").set_faults(hang_rate=1.0, hang_seconds=20, paths=["/accounts"])
    started = time.monotonic()
    with pytest.raises(BankUnavailable, match="did not answer in time"):
        client.list_accounts(CUSTOMER, consent, Deadline.after(1.5))
    assert time.monotonic() - started < 2.5


def test_malformed_json_is_a_typed_error(sandbox: Any) -> None:
    client = client_for("vbank")
    consent = approved_consent(client)
    sandbox.admin("vbank").set_faults(malformed_rate=1.0, paths=["/accounts"])
    with pytest.raises(InvalidBankResponse) as info:
        client.list_accounts(CUSTOMER, consent, Deadline.after(5))
    assert info.value.code == "BANK_INVALID_RESPONSE"
    assert info.value.http_status == 200


def test_revoked_at_the_bank_is_a_typed_consent_error(sandbox: Any) -> None:
    client = client_for("vbank")
    consent = approved_consent(client)
    sandbox.admin("vbank").revoke(consent)
    with pytest.raises(ConsentRevoked) as info:
        client.list_accounts(CUSTOMER, consent, Deadline.after(5))
    assert info.value.http_status == 403
    assert info.value.status == 409  # to our API clients: reconnect, not "forbidden"


def test_a_401_after_the_bank_expires_all_tokens_gets_one_new_token(sandbox: Any) -> None:
    provider = cold_provider("vbank")
    client = client_for("vbank", provider)
    consent = approved_consent(client)
    sandbox.admin("vbank").expire_tokens()
    sandbox.admin("vbank").clear_requests()
    assert client.list_accounts(CUSTOMER, consent, Deadline.after(5))
    assert sandbox.admin("vbank").count("POST /auth/bank-token") == 1
    statuses = [r["status"] for r in hits(sandbox, "vbank", "/accounts")]
    assert statuses == [401, 200]


def test_a_401_is_retried_with_a_token_fetched_after_it_not_another_cached_one(sandbox: Any) -> None:
    """Lambda A holds token 1 in memory while Lambda B has since put token 2 in the table; the bank
    then expires every token. A's 401 must lead to a new token, not to token 2 (also expired)."""
    warm = cold_provider("vbank")
    client = client_for("vbank", warm)
    consent = approved_consent(client)  # token 1, in A's memory and the table
    other = cold_provider("vbank")  # the table item removed: B fetches token 2 and stores it
    second = other.get(bank("vbank"), Deadline.after(5))
    assert second != warm.get(bank("vbank"), Deadline.after(5))
    sandbox.admin("vbank").expire_tokens()
    sandbox.admin("vbank").clear_requests()
    assert client.list_accounts(CUSTOMER, consent, Deadline.after(5))
    assert sandbox.admin("vbank").count("POST /auth/bank-token") == 1
    assert [r["status"] for r in hits(sandbox, "vbank", "/accounts")] == [401, 200]


def test_key_rotation_refetches_the_jwks_once(sandbox: Any) -> None:
    provider = cold_provider("abank")
    client = client_for("abank", provider)
    consent = approved_consent(client)  # token verified with the first key
    sandbox.admin("abank").rotate_keys(grace_seconds=600)
    sandbox.admin("abank").expire_tokens()
    sandbox.admin("abank").clear_requests()
    for _ in range(3):
        assert client.list_accounts(CUSTOMER, consent, Deadline.after(5))
    assert sandbox.admin("abank").count("GET /.well-known/jwks.json") == 1
    assert sandbox.admin("abank").count("POST /auth/bank-token") == 1


def test_hs256_tokens_work_only_at_banks_configured_opaque(sandbox: Any) -> None:
    sandbox.admin("sbank").set_settings(token_mode="hs256")
    with pytest.raises(BankTokenRejected, match="token_mode=opaque"):
        client_for("sbank", TokenProvider()).create_consent(
            "accounts", CUSTOMER, {"permissions": list(ACCOUNT_PERMISSIONS)}, Deadline.after(5)
        )
    opaque = client_for("sbank", TokenProvider(), token_mode="opaque")
    answer = opaque.create_consent(
        "accounts", CUSTOMER, {"permissions": list(ACCOUNT_PERMISSIONS)}, Deadline.after(5)
    )
    assert answer.request_id  # sbank approves manually: the request went through with the opaque bearer
    assert sandbox.admin("sbank").count("GET /.well-known/jwks.json") == 0


def test_no_token_or_secret_ever_reaches_a_log_line(
    sandbox: Any, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")  # whatever the level, httpx's request lines (with the secret) stay out
    provider = cold_provider("vbank")
    client = client_for("vbank", provider)
    consent = approved_consent(client)
    sandbox.admin("vbank").set_faults(error_rate=1.0, count=1, paths=["/accounts"])
    sandbox.admin("vbank").expire_tokens()
    client.list_accounts(CUSTOMER, consent, Deadline.after(8))
    token = provider.get(client.bank, Deadline.after(5))
    out = capfd.readouterr()
    logged = out.out + out.err + caplog.text
    assert "bank token fetched" in logged  # the fetch is logged — by fingerprint
    assert token not in logged
    assert sandbox.secret not in logged
    assert "Bearer" not in logged

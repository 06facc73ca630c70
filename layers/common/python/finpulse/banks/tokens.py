"""Bank team tokens: memory, then the tokens table, then the bank — with one refresher at a time.

`get()` answers from memory while the token is fresh; otherwise from the tokens table (another
process may have refreshed it); otherwise it takes the refresh lease and asks the bank
(`POST /auth/bank-token` with the team credentials). Processes that lose the lease wait and read
the winner's token, so 20 cold Lambdas make one token request. A token is refreshed ahead of its
expiry (`token_refresh_ratio` of its life, at most 5 minutes before it ends); while a refresh
fails, the old token is used until it really expires. `invalidate()` drops a token the bank
answered 401 to (only that token: a newer one from another process is kept); the retry asks
`get(..., fetched_after=<time of the 401>)`, so it takes only a token fetched since — a bank that
revokes every token revokes the other cached ones too — and otherwise fetches one itself.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from typing import Protocol

from finpulse.banks.credentials import team_credentials
from finpulse.banks.errors import BankError, BankTokenRejected, BankUnavailable, InvalidBankResponse
from finpulse.banks.http import BankHttp
from finpulse.banks.models import TokenResponse
from finpulse.banks.registry import BankConfig
from finpulse.banks.retry import Deadline
from finpulse.banks.token_store import StoredToken, TokenStore, fingerprint
from finpulse.banks.token_verify import JwksCache, verify_team_token
from finpulse.banks.tuning import tuning
from finpulse.config import settings
from finpulse.observability import logger

MAX_REFRESH_AHEAD = 300.0
DEFAULT_LIFETIME = 3600.0


class Fetcher(Protocol):
    def __call__(self, bank: BankConfig, deadline: Deadline) -> StoredToken: ...


@dataclass
class _Slot:
    lock: threading.Lock
    token: StoredToken | None = None


class BankTokenFetcher:
    """Asks the bank for a token and verifies it (see token_verify)."""

    def __init__(self, jwks: JwksCache | None = None) -> None:
        self.jwks = jwks or JwksCache()

    def __call__(self, bank: BankConfig, deadline: Deadline) -> StoredToken:
        creds = team_credentials(bank.bank_id)
        http = BankHttp(bank)
        answer = http.request(
            "POST",
            "/auth/bank-token",
            operation="auth.token",
            deadline=deadline,
            params={"client_id": creds.client_id, "client_secret": creds.client_secret},
        )
        try:
            parsed = TokenResponse.model_validate(answer.body)
        except ValueError:
            http.record_failure("auth.token", "invalid_response", "The bank's token answer is not valid")
            raise InvalidBankResponse(
                "The bank's token answer is not valid", bank_id=bank.bank_id, operation="auth.token"
            ) from None
        try:
            verified = verify_team_token(bank, parsed.access_token, self.jwks, http, deadline)
        except BankTokenRejected as exc:
            # The bank answered 200, so nothing logged a failure yet; without this the bank would
            # look healthy while every call to it fails (e.g. HS256 tokens at a `jwks` bank).
            http.record_failure("auth.token", "token_rejected", exc.message)
            raise
        now = time.time()
        candidates = [now + parsed.expires_in] if parsed.expires_in else []
        if verified.expires_at is not None:
            candidates.append(verified.expires_at)
        expires_at = min(candidates) if candidates else now + DEFAULT_LIFETIME
        logger.info(
            "bank token fetched",
            extra={
                "bank_id": bank.bank_id,
                "token_fingerprint": fingerprint(parsed.access_token),
                "verified": verified.verified,
                "expires_in_s": int(expires_at - now),
            },
        )
        return StoredToken(parsed.access_token, expires_at, now, str(bank.base_url), verified.verified)


def _refresh_due(token: StoredToken, now: float) -> bool:
    life = max(0.0, token.expires_at - token.fetched_at)
    ahead = min(MAX_REFRESH_AHEAD, life * (1 - tuning().token_refresh_ratio))
    return now >= token.expires_at - ahead


def _usable(token: StoredToken | None, bank: BankConfig, now: float, after: float | None = None) -> bool:
    return (
        token is not None
        and token.base_url == str(bank.base_url)
        and now < token.expires_at - tuning().token_skew
        and (after is None or token.fetched_at >= after)
    )


def _fresh(token: StoredToken | None, bank: BankConfig, now: float, after: float | None) -> bool:
    return token is not None and _usable(token, bank, now, after) and not _refresh_due(token, now)


class TokenProvider:
    """One per process (see `default_provider`); tests make several to act as several Lambdas."""

    def __init__(self, store: TokenStore | None = None, fetcher: Fetcher | None = None) -> None:
        self.store = store
        self.fetcher: Fetcher = fetcher or BankTokenFetcher()
        self.owner = uuid.uuid4().hex
        self._slots: dict[tuple[str, str], _Slot] = {}
        self._slots_lock = threading.Lock()

    def _slot(self, bank: BankConfig) -> _Slot:
        key = (bank.bank_id, str(bank.base_url))
        with self._slots_lock:
            return self._slots.setdefault(key, _Slot(threading.Lock()))

    def get(self, bank: BankConfig, deadline: Deadline, *, fetched_after: float | None = None) -> str:
        """The team token; with `fetched_after`, only one fetched at or after that moment."""
        slot = self._slot(bank)
        now = time.time()
        token = slot.token
        if token is not None and _fresh(token, bank, now, fetched_after):
            return token.access_token
        # One thread per process goes further; the others wait here and then read its result.
        with slot.lock:
            now = time.time()
            token = slot.token
            if token is not None and _fresh(token, bank, now, fetched_after):
                return token.access_token
            # After a 401 the cached token is no fallback: a failed fetch is the answer then.
            current = slot.token if fetched_after is None else None
            slot.token = self._obtain(bank, current, deadline, fetched_after)
            return slot.token.access_token

    def invalidate(self, bank: BankConfig, token: str) -> None:
        slot = self._slot(bank)
        with slot.lock:
            if slot.token is not None and slot.token.access_token == token:
                slot.token = None
        if self.store is not None:
            self.store.invalidate(bank.bank_id, fingerprint(token))

    def _obtain(
        self, bank: BankConfig, current: StoredToken | None, deadline: Deadline, after: float | None
    ) -> StoredToken:
        if self.store is None:
            try:
                return self.fetcher(bank, deadline)
            except BankError as exc:
                return self._keep(bank, current, exc)
        store = self.store
        poll = tuning().token_wait_poll
        lease = tuning().token_lease_seconds
        while True:
            now = time.time()
            stored = store.read(bank.bank_id)
            if _usable(stored, bank, now, after) and stored is not None:
                if not _refresh_due(stored, now):
                    return stored
                # Due for refresh but still good: refresh unless someone else is, then use it.
                if not store.try_lease(bank.bank_id, self.owner, now, lease, stored):
                    return stored
                return self._refresh_leased(bank, store, stored, deadline)
            if store.try_lease(bank.bank_id, self.owner, now, lease, stored):
                return self._refresh_leased(bank, store, current, deadline)
            if deadline.remaining() <= poll:
                raise BankUnavailable(
                    "Timed out waiting for another process to fetch the bank token",
                    bank_id=bank.bank_id,
                    operation="auth.token",
                )
            time.sleep(poll)
            poll = min(poll * 1.5, 0.25)

    def _refresh_leased(
        self, bank: BankConfig, store: TokenStore, current: StoredToken | None, deadline: Deadline
    ) -> StoredToken:
        try:
            token = self.fetcher(bank, deadline)
        except BankError as exc:
            store.release(bank.bank_id, self.owner)
            return self._keep(bank, current, exc)
        except BaseException:
            store.release(bank.bank_id, self.owner)
            raise
        store.save(bank.bank_id, token, self.owner)
        return token

    @staticmethod
    def _keep(bank: BankConfig, current: StoredToken | None, failure: BankError) -> StoredToken:
        """After a failed refresh: the current token while it lasts, else the failure."""
        if current is not None and _usable(current, bank, time.time()):
            logger.warning(
                "bank token refresh failed; using the current one", extra={"bank_id": bank.bank_id}
            )
            return current
        raise failure


_provider: TokenProvider | None = None
_provider_table: str | None = None


def default_provider() -> TokenProvider:
    """The process's provider, reused across warm invocations (memory cache + JWKS cache)."""
    global _provider, _provider_table
    name = settings().tokens_table
    if _provider is None or name != _provider_table:
        _provider = TokenProvider(TokenStore(name) if name else None)
        _provider_table = name
    return _provider

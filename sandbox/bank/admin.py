"""The admin API (``/__admin/...``), present only in ``dev`` and ``test`` mode.

Faults, consent decisions, token expiry, key rotation, the request log and counters, run-time
settings, data reset and generated data (load-test customers, new transactions).
"""

from __future__ import annotations

from typing import Any

import orjson

from sandbox.bank import consents
from sandbox.bank.context import Bank
from sandbox.bank.http import ApiError, Request, Response, Router, json_response
from sandbox.data.variants import parse_variants
from sandbox.model import Consent, iso, utcnow


def _json(req: Request) -> dict[str, Any]:
    if not req.body.strip():
        return {}
    try:
        data = orjson.loads(req.body)
    except orjson.JSONDecodeError:
        raise ApiError(400, "INVALID_JSON", "Body is not JSON") from None
    if not isinstance(data, dict):
        raise ApiError(400, "INVALID_JSON", "Body must be a JSON object")
    return data


def consent_doc(c: Consent) -> dict[str, Any]:
    return {**c.to_doc(), "approval_url": None if c.status != "pending" else f"/app/consents/{c.request_id}"}


def register(router: Router, bank: Bank) -> None:
    state = bank.state

    def consent_of(req: Request) -> Consent:
        consent = state.find_consent(req.params["consent_id"])
        if consent is None:
            raise ApiError(404, "CONSENT_NOT_FOUND", "No consent or request with that id")
        return consent

    async def info(req: Request) -> Response:
        return json_response(bank.describe())

    async def get_faults(req: Request) -> Response:
        return json_response(bank.faults.config)

    async def put_faults(req: Request) -> Response:
        body = _json(req)
        try:
            return json_response(bank.faults.set(body))
        except ValueError as exc:
            raise ApiError(400, "INVALID_FAULTS", str(exc)) from None

    async def patch_faults(req: Request) -> Response:
        try:
            return json_response(bank.faults.set({**bank.faults.config, **_json(req)}))
        except ValueError as exc:
            raise ApiError(400, "INVALID_FAULTS", str(exc)) from None

    async def delete_faults(req: Request) -> Response:
        bank.faults.clear()
        return json_response({})

    async def patch_settings(req: Request) -> Response:
        body = _json(req)
        s = bank.settings
        if "variants" in body:
            try:
                body["variants"] = ",".join(parse_variants(str(body["variants"])))
            except ValueError as exc:
                raise ApiError(400, "INVALID_SETTING", str(exc)) from None
        reseed = "variants" in body and body["variants"] != s.variants
        for key, value in body.items():
            kind = s.MUTABLE.get(key)
            if kind is None or not isinstance(value, int | float | str) or isinstance(value, bool):
                raise ApiError(
                    400, "INVALID_SETTING", f"{key!r} cannot be set; settable: {sorted(s.MUTABLE)}"
                )
            setattr(s, key, kind(value))
        if "token_mode" in body:
            if s.token_mode not in ("rs256", "hs256"):
                raise ApiError(400, "INVALID_SETTING", "token_mode must be rs256 or hs256")
            if bank.tokens.active().alg.lower() != s.token_mode:
                bank.tokens.rotate()
        if reseed:  # other data: like a reset, consents and payments start over
            state.reset()
        return json_response(bank.describe())

    async def list_consents(req: Request) -> Response:
        status = req.query.get("status")
        items = [consent_doc(c) for c in state.consents.values() if status in (None, c.status)]
        return json_response({"consents": items})

    async def approve(req: Request) -> Response:
        return json_response(consent_doc(consents.decide(bank, consent_of(req), True)))

    async def reject(req: Request) -> Response:
        return json_response(consent_doc(consents.decide(bank, consent_of(req), False)))

    async def revoke(req: Request) -> Response:
        consent = consent_of(req)
        consents.revoke(bank, consent)
        return json_response(consent_doc(consent))

    async def expire(req: Request) -> Response:
        consent = consent_of(req)
        consent.expires = iso(utcnow())
        consents.mark_expired(bank, consent)
        return json_response(consent_doc(consent))

    async def expire_tokens(req: Request) -> Response:
        bank.tokens.expire_all()
        return json_response({"token_generation": bank.tokens.generation})

    async def rotate_keys(req: Request) -> Response:
        body = _json(req)
        grace = body.get("grace_seconds")
        key = bank.tokens.rotate(int(grace) if grace is not None else None)
        return json_response({"active_kid": key.kid, "valid_kids": [k.kid for k in bank.tokens.valid_keys()]})

    async def requests(req: Request) -> Response:
        since = req.q_int("since", 0, ge=0)
        limit = req.q_int("limit", 0, ge=0)
        req.check()
        return json_response({"requests": bank.log.since(since, limit), "last_seq": bank.log.seq})

    async def clear_requests(req: Request) -> Response:
        bank.log.clear()
        return json_response({"cleared": True})

    async def counters(req: Request) -> Response:
        return json_response(bank.log.counters())

    async def reset(req: Request) -> Response:
        state.reset()
        bank.faults.clear()
        bank.payment_knobs.clear()
        bank.agreement_knobs.clear()
        bank.log.clear()
        return json_response(bank.describe())

    async def customers(req: Request) -> Response:
        out = []
        for c in state.customers.values():
            accounts = [
                {
                    "account_id": a.account_id,
                    "number": a.number,
                    "kind": a.kind,
                    "balance": a.balance / 100,
                    "transactions": state.tx_count(a.account_id),
                }
                for a in state.accounts_of.get(c.customer_id, [])
            ]
            agreements = [a.agreement_id for a in state.agreements.values() if a.customer_id == c.customer_id]
            out.append(
                {
                    "customer_id": c.customer_id,
                    "name": c.full_name,
                    "profile": c.profile,
                    "segment": c.segment,
                    "accounts": accounts,
                    "agreements": agreements,
                }
            )
        return json_response({"customers": out})

    async def big_customer(req: Request) -> Response:
        body = _json(req)
        customer_id = str(body.get("customer_id") or f"{bank.settings.team}-big")
        accounts, txs = int(body.get("accounts", 4)), int(body.get("transactions", 5000))
        days = int(body.get("days", 365))
        if customer_id in state.customers:
            raise ApiError(409, "CUSTOMER_EXISTS", f"Customer {customer_id} already exists")
        if not (1 <= accounts <= 50 and 0 <= txs <= 200_000 and 1 <= days <= 3650):
            raise ApiError(
                400, "INVALID_SIZE", "accounts must be 1..50, transactions 0..200000, days 1..3650"
            )
        ids = state.add_big_customer(customer_id, accounts, txs, days)
        return json_response({"customer_id": customer_id, "accounts": ids}, 201)

    async def add_transactions(req: Request) -> Response:
        acc = state.accounts.get(req.params["account_id"])
        if acc is None:
            raise ApiError(404, "ACCOUNT_NOT_FOUND", "Account not found")
        count = int(_json(req).get("count", 10))
        if not 1 <= count <= 10000:
            raise ApiError(400, "INVALID_SIZE", "count must be 1..10000")
        ids = state.add_random_transactions(
            acc, count, f"{bank.settings.seed}|{acc.account_id}|{state.next_tx}"
        )
        return json_response({"account_id": acc.account_id, "transactions": ids}, 201)

    async def book_pending(req: Request) -> Response:
        tx = state.book_pending(req.params["tx_id"])
        if tx is None:
            raise ApiError(404, "PENDING_TX_NOT_FOUND", "No pending transaction with that id")
        return json_response({"transaction_id": tx.tx_id, "booked": tx.booked, "status": tx.status})

    async def pending(req: Request) -> Response:
        if req.params["account_id"] not in state.accounts:
            raise ApiError(404, "ACCOUNT_NOT_FOUND", "Account not found")
        return json_response({"transactions": state.pending_transactions(req.params["account_id"])})

    prefix = "/__admin"
    for method, path, handler in (
        ("GET", "", info),
        ("GET", "/faults", get_faults),
        ("PUT", "/faults", put_faults),
        ("PATCH", "/faults", patch_faults),
        ("DELETE", "/faults", delete_faults),
        ("PATCH", "/settings", patch_settings),
        ("GET", "/consents", list_consents),
        ("POST", "/consents/{consent_id}/approve", approve),
        ("POST", "/consents/{consent_id}/reject", reject),
        ("POST", "/consents/{consent_id}/revoke", revoke),
        ("POST", "/consents/{consent_id}/expire", expire),
        ("POST", "/tokens/expire", expire_tokens),
        ("POST", "/keys/rotate", rotate_keys),
        ("GET", "/requests", requests),
        ("DELETE", "/requests", clear_requests),
        ("GET", "/counters", counters),
        ("POST", "/reset", reset),
        ("GET", "/customers", customers),
        ("POST", "/customers/big", big_customer),
        ("POST", "/accounts/{account_id}/transactions", add_transactions),
        ("GET", "/accounts/{account_id}/pending", pending),
        ("POST", "/transactions/{tx_id}/book", book_pending),
    ):
        router.add(method, prefix + path, handler)

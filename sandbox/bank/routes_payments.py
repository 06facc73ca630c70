"""Payment consents, ``POST /payments`` (moves money, also to another sandbox bank), ``GET /payments``.

A payment debits the debtor at once; a credit to another sandbox bank (``creditorAccount.bank_code``)
goes bank→bank over loopback (``POST /__internal/credit``) and is refunded if the other bank refuses.
``X-Idempotency-Key`` makes a retried ``POST /payments`` return the first payment instead of paying twice.
Misbehaviour on demand (rejection after acceptance, a dropped answer after the commit, consents
stored with other terms, manual approval of payment consents): :mod:`sandbox.bank.payment_knobs`.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import httpx
import orjson

from sandbox.bank import consents
from sandbox.bank.context import Bank, team_of
from sandbox.bank.http import ApiError, Request, Response, Router, empty, json_response
from sandbox.bank.payment_knobs import DropAfterCommit
from sandbox.bank.payment_models import LIMIT_FIELDS, ConsentType, PaymentBody, PaymentConsentBody, kop
from sandbox.bank.routes_account_consents import requesting_team
from sandbox.bank.settlement import settle
from sandbox.bank.spelling import spell
from sandbox.model import Account, Consent, Payment, iso, money, utcnow


def register(router: Router, bank: Bank) -> None:
    state = bank.state

    def own_account(client_id: str, ref: str) -> Account | None:
        acc = state.by_number.get(ref) or state.accounts.get(ref)
        return acc if acc is not None and acc.customer_id == client_id and acc.status == "Enabled" else None

    async def request_consent(req: Request) -> Response:
        body = req.model(PaymentConsentBody)
        assert body is not None
        team = requesting_team(bank, req, body.requesting_bank)
        if body.client_id not in state.customers:
            raise ApiError(404, "CLIENT_NOT_FOUND", f"Client {body.client_id} not found")
        debtor = own_account(body.client_id, body.debtor_account)
        if debtor is None or debtor.kind not in ("checking", "savings"):
            raise ApiError(404, "ACCOUNT_NOT_FOUND", "debtor_account is not a current account of this client")
        limits = {f: kop(getattr(body, f)) for f in LIMIT_FIELDS}
        if body.consent_type is ConsentType.single_use and limits["amount"] is None:
            raise ApiError(400, "AMOUNT_REQUIRED", "a single_use consent needs amount")
        try:
            expires = consents.parse_time(body.valid_until)
        except ValueError:
            raise ApiError(400, "INVALID_REQUEST", "valid_until is not an ISO date-time") from None
        details = {
            "consent_type": body.consent_type.value,
            "currency": body.currency,
            "debtor_account": debtor.number,
            "creditor_account": body.creditor_account,
            "creditor_name": body.creditor_name,
            "reference": body.reference,
            "max_uses": body.max_uses,
            "allowed_creditor_accounts": body.allowed_creditor_accounts,
            "valid_from": body.valid_from,
            **limits,
        }
        knobs = bank.payment_knobs
        c = consents.create(
            bank,
            kind="payment",
            team=team,
            customer_id=body.client_id,
            permissions=["payments"],
            details=details,
            expires=expires,
            prefixes=("pcr", "pcon"),
            approval=knobs.approval(bank.settings.approval),
        )
        stored, stored_expiry = knobs.altered_terms(c.details, c.expires or "")
        if stored is not c.details:
            c.details, c.expires = stored, stored_expiry or c.expires
            state.save_consent(c)
        return json_response(
            consents.request_answer(bank, c, "/payment-consents", consent_type=body.consent_type.value)
        )

    def render_consent(c: Consent) -> dict[str, Any]:
        if consents.expired(c):
            consents.mark_expired(bank, c)
        d = c.details
        usage = {
            "used_count": c.used_count,
            "used_amount": money(c.used_amount),
            "used_today": money(_spent(c, 1)),
            "used_this_month": money(_spent(c, 31)),
        }
        data = {
            "consentId": c.consent_id or c.request_id,
            "requestId": c.request_id,
            "status": spell(c.status, "resource", bank.status_style()),
            "consentType": d["consent_type"],
            "creationDateTime": c.created,
            "statusUpdateDateTime": c.updated,
            "expirationDateTime": c.expires,
            "debtorAccount": d["debtor_account"],
            "creditorAccount": d.get("creditor_account"),
            "creditorName": d.get("creditor_name"),
            "reference": d.get("reference"),
            "currency": d["currency"],
            "limits": {f: None if d.get(f) is None else money(d[f]) for f in LIMIT_FIELDS}
            | {
                "max_uses": d.get("max_uses"),
                "allowed_creditor_accounts": d.get("allowed_creditor_accounts"),
            },
            "usage": usage,
        }
        return {"data": data, "links": {"self": f"/payment-consents/{data['consentId']}"}, "meta": {}}

    def _spent(c: Consent, days: int) -> int:
        now = utcnow()
        since = (
            iso(now - timedelta(days=1)) if days == 1 else iso(now.replace(day=1, hour=0, minute=0, second=0))
        )
        if days == 1:
            since = iso(now.replace(hour=0, minute=0, second=0, microsecond=0))
        return sum(
            p.amount for p in state.payments.values() if p.consent_id == c.consent_id and p.created >= since
        )

    def own_consent(req: Request) -> Consent:
        return consents.owned(bank, req, "payment", "Payment consent")

    async def get_consent(req: Request) -> Response:
        return json_response(render_consent(own_consent(req)))

    async def delete_consent(req: Request) -> Response:
        consents.revoke(bank, own_consent(req))
        return empty(204)

    def check_limits(c: Consent, amount: int, creditor: str) -> None:
        d, kind = c.details, c.details["consent_type"]
        if (
            c.status == "consumed"
            or (kind == "single_use" and c.used_count >= 1)
            or (d.get("max_uses") is not None and c.used_count >= d["max_uses"])
        ):
            raise ApiError(403, "CONSENT_USED", "Payment consent has been used up")
        allowed = d.get("allowed_creditor_accounts") or (
            [d["creditor_account"]] if d.get("creditor_account") else []
        )
        if allowed and creditor not in allowed:
            raise ApiError(403, "CREDITOR_NOT_ALLOWED", "Creditor account is not allowed by the consent")
        caps = [
            ("amount", amount),
            ("max_amount_per_payment", amount),
            ("vrp_max_individual_amount", amount),
            ("max_total_amount", c.used_amount + amount),
            ("vrp_daily_limit", _spent(c, 1) + amount),
            ("vrp_monthly_limit", _spent(c, 31) + amount),
        ]
        for name, value in caps:
            if d.get(name) is not None and value > d[name]:
                raise ApiError(
                    403, "LIMIT_EXCEEDED", f"Payment exceeds the consent's {name} ({money(d[name])})"
                )

    async def create_payment(req: Request) -> Response:
        team = consents.data_caller(bank, req)
        client_id = req.q_str("client_id", required=True)
        req.check()
        assert client_id is not None
        body = req.model(PaymentBody)
        assert body is not None
        ini = body.data.initiation
        key = req.headers.get("x-idempotency-key")
        digest = hashlib.sha256(req.body).hexdigest()
        if key:
            earlier = next(
                (p for p in state.payments.values() if p.idempotency_key == key and p.team == team), None
            )
            if earlier is not None:
                if earlier.request_hash != digest:
                    raise ApiError(
                        409, "IDEMPOTENCY_CONFLICT", "X-Idempotency-Key was used for another payment"
                    )
                return json_response(render_payment(earlier), 201)
        c = consents.require(
            bank,
            req,
            team=team,
            kind="payment",
            header="x-payment-consent-id",
            customer_id=client_id,
            permission=None,
        )
        amount = kop(ini.instructedAmount.amount) or 0
        if amount <= 0:
            raise ApiError(400, "INVALID_AMOUNT", "instructedAmount.amount must be positive")
        debtor = own_account(client_id, ini.debtorAccount.identification)
        if debtor is None or debtor.kind not in ("checking", "savings"):
            raise ApiError(404, "ACCOUNT_NOT_FOUND", "Debtor account not found for this client")
        if debtor.number != c.details["debtor_account"]:
            raise ApiError(403, "DEBTOR_ACCOUNT_MISMATCH", "The consent was given for another debtor account")
        creditor_number = ini.creditorAccount.identification
        check_limits(c, amount, creditor_number)
        if debtor.balance - debtor.holds < amount:
            raise ApiError(400, "INSUFFICIENT_FUNDS", "Недостаточно средств на счёте списания")
        target_bank = ini.creditorAccount.bank_code or bank.settings.bank_id
        text = (
            ini.comment or (ini.remittanceInformation or {}).get("unstructured") or "Перевод по номеру счёта"
        )
        if target_bank == bank.settings.bank_id:
            creditor = state.by_number.get(creditor_number)
            if creditor is None or creditor.status != "Enabled" or creditor.number == debtor.number:
                raise ApiError(404, "CREDITOR_ACCOUNT_NOT_FOUND", "Creditor account not found in this bank")
            credit_check(creditor, amount)
            state.post(debtor, amount, False, text, counterparty=creditor.number)
            state.post(creditor, amount, True, text, counterparty=debtor.number)
        else:
            peer = bank.settings.peers.get(target_bank)
            if peer is None:
                raise ApiError(400, "UNKNOWN_BANK", f"Unknown bank_code {target_bank!r}")
            state.post(debtor, amount, False, text, counterparty=creditor_number)
            await remote_credit(peer, creditor_number, amount, debtor, text)
        now = utcnow()
        delay = bank.settings.payment_settle_seconds
        rejects = bank.payment_knobs.reject_after_accept
        settles = delay > 0 or rejects
        payment = Payment(
            consents.new_id("pay"),
            client_id,
            team,
            debtor.number,
            creditor_number,
            target_bank,
            amount,
            ini.instructedAmount.currency,
            "pending" if settles else "completed",
            iso(now),
            iso(now),
            text,
            c.consent_id,
            key,
            digest,
            iso(now + timedelta(seconds=delay)) if settles else None,
            "rejected" if rejects else "completed",
        )
        state.save_payment(payment)
        c.used_count += 1
        c.used_amount += amount
        if c.details["consent_type"] == "single_use":
            c.status = "consumed"
        c.updated = iso(now)
        state.save_consent(c)
        if bank.payment_knobs.take_drop():
            raise DropAfterCommit
        return json_response(render_payment(payment), 201)

    def credit_check(creditor: Account, amount: int) -> None:
        if creditor.kind in ("loan", "credit_card") and amount > -creditor.balance:
            raise ApiError(400, "AMOUNT_EXCEEDS_DEBT", "Payment is larger than the outstanding debt")

    async def remote_credit(peer: str, number: str, amount: int, debtor: Account, text: str) -> None:
        body = {
            "account_number": number,
            "amount": amount,
            "description": text,
            "debtor_number": debtor.number,
            "debtor_bank": bank.settings.bank_id,
        }
        try:
            resp = await bank.peers().post(
                f"{peer}/__internal/credit",
                content=orjson.dumps(body),
                headers={"x-internal-secret": bank.settings.internal_secret},
            )
        except httpx.HTTPError:
            state.post(debtor, amount, True, f"Возврат платежа: {text}", counterparty=number)
            raise ApiError(502, "CREDITOR_BANK_UNAVAILABLE", "The creditor's bank did not answer") from None
        if resp.status_code != 200:
            state.post(debtor, amount, True, f"Возврат платежа: {text}", counterparty=number)
            detail = (
                resp.json().get("detail", {})
                if resp.headers.get("content-type") == "application/json"
                else {}
            )
            raise ApiError(
                resp.status_code if resp.status_code < 500 else 502,
                str(detail.get("error", "CREDIT_REJECTED")),
                str(detail.get("message", "Credit rejected")),
            )

    def render_payment(p: Payment) -> dict[str, Any]:
        return {
            "data": {
                "paymentId": p.payment_id,
                "status": p.status,
                "creationDateTime": p.created,
                "statusUpdateDateTime": p.updated,
                "description": p.description,
                "amount": money(p.amount),
                "currency": p.currency,
                "debtorAccount": {"identification": p.debtor_number},
                "creditorAccount": {"identification": p.creditor_number, "bank_code": p.creditor_bank},
            },
            "links": {"self": f"/payments/{p.payment_id}"},
            "meta": {},
        }

    async def get_payment(req: Request) -> Response:
        team = team_of(bank, req)
        p = state.payments.get(req.params["payment_id"])
        client_id = req.query.get("client_id")
        if p is None or p.team != team or (client_id and client_id != p.customer_id):
            raise ApiError(404, "PAYMENT_NOT_FOUND", "Payment not found")
        await settle(bank, p)
        return json_response(render_payment(p))

    async def internal_credit(req: Request) -> Response:
        if req.headers.get("x-internal-secret") != bank.settings.internal_secret:
            raise ApiError(403, "FORBIDDEN", "internal endpoint")
        body = orjson.loads(req.body)
        creditor = state.by_number.get(str(body["account_number"]))
        if creditor is None or creditor.status != "Enabled":
            raise ApiError(
                404, "CREDITOR_ACCOUNT_NOT_FOUND", "Creditor account not found in the creditor's bank"
            )
        amount = int(body["amount"])
        reverse = bool(body.get("reverse"))
        if not reverse:
            credit_check(creditor, amount)
        tx = state.post(
            creditor, amount, not reverse, str(body["description"]), counterparty=str(body["debtor_number"])
        )
        return json_response({"status": "ok", "transaction_id": tx.tx_id})

    router.add("POST", "/payment-consents/request", request_consent)
    router.add("GET", "/payment-consents/{consent_id}", get_consent)
    router.add("DELETE", "/payment-consents/{consent_id}", delete_consent)
    router.add("POST", "/payments", create_payment)
    router.add("GET", "/payments/{payment_id}", get_payment)
    router.add("POST", "/__internal/credit", internal_credit)

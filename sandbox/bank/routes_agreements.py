"""Product agreements: list, detail, open and close, under a product-agreement consent.

Consent enforcement (the spec's ``ProductAgreementConsentRequestData``): listing needs
``read_product_agreements``, opening ``open_product_agreements``, closing
``close_product_agreements`` (else 403 ``INSUFFICIENT_PERMISSIONS``); a product or agreement of a
type outside ``allowed_product_types`` is 403 ``INSUFFICIENT_PERMISSIONS``; an opening that would
take the sum opened under the consent (``current_total_opened``) over ``max_amount`` is 403
``LIMIT_EXCEEDED``.

Money: a deposit is funded from ``source_account_id`` (a current or savings account; 400
``INSUFFICIENT_FUNDS`` when it cannot pay); a loan is paid out to ``source_account_id`` (a current
account; the first one when omitted); a card gets its limit. Closing a deposit returns its balance
to ``repayment_account_id``; closing a loan whose balance is zero just closes it, one with debt
left repays it early from ``repayment_account_id``. Misbehaviour: :mod:`sandbox.bank.agreement_knobs`.
"""

from __future__ import annotations

import random

from pydantic import BaseModel

from sandbox.bank import consents
from sandbox.bank.context import Bank
from sandbox.bank.http import ApiError, Request, Response, Router, json_response
from sandbox.bank.knobs import DropAfterCommit
from sandbox.data.catalog import Product, product_by_id
from sandbox.data.life import add_months
from sandbox.model import Account, Agreement, Card, Consent, iso, to_kopecks, utcnow

FUNDING_KINDS = ("checking", "savings")


class OpenBody(BaseModel):
    """The spec's ``ProductAgreementRequest``."""

    product_id: str
    amount: float
    term_months: int | None = None
    source_account_id: str | None = None


class CloseBody(BaseModel):
    """The spec's ``CloseAgreementRequest``."""

    repayment_account_id: str | None = None
    repayment_amount: float | None = None


def family(product_type: str) -> str:
    """The consent's word for a product type (``credit`` for loans, ``card`` for cards)."""
    return {"credit_card": "card", "credit": "loan"}.get(product_type, product_type)


def _allowed(c: Consent, product_type: str) -> bool:
    allowed = c.details.get("allowed_product_types")
    return not allowed or family(product_type) in {family(t) for t in allowed}


def register(router: Router, bank: Bank) -> None:
    state = bank.state
    knobs = bank.agreement_knobs

    def caller(req: Request, permission: str) -> tuple[str, Consent]:
        team = consents.data_caller(bank, req)
        client_id = req.q_str("client_id", required=True)
        req.check()
        assert client_id is not None
        c = consents.require(
            bank,
            req,
            team=team,
            kind="product",
            header="x-product-agreement-consent-id",
            customer_id=client_id,
            permission=permission,
        )
        return client_id, c

    def number_and_balance(a: Agreement) -> tuple[str | None, int | None]:
        acc = state.accounts.get(a.account_id) if a.account_id else None
        return (acc.number, acc.reported_balance()) if acc else (None, None)

    def detail(a: Agreement) -> dict[str, object]:
        return a.detail(*number_and_balance(a))

    def agreement_of(req: Request, client_id: str) -> Agreement:
        a = state.agreements.get(req.params["agreement_id"])
        if a is None or a.customer_id != client_id:
            raise ApiError(404, "AGREEMENT_NOT_FOUND", "Agreement not found")
        return a

    def account_of(client_id: str, ref: str | None, kinds: tuple[str, ...], what: str) -> Account | None:
        """The customer's enabled account `ref` (id or number) of one of `kinds`; without `ref`
        their first current account."""
        if not ref:
            return next(
                (
                    a
                    for a in state.accounts_of.get(client_id, [])
                    if a.kind == "checking" and a.status == "Enabled"
                ),
                None,
            )
        acc = state.accounts.get(ref) or state.by_number.get(ref)
        if acc is None or acc.customer_id != client_id or acc.status != "Enabled":
            raise ApiError(404, "ACCOUNT_NOT_FOUND", f"Account {ref} not found")
        if acc.kind not in kinds:
            raise ApiError(400, "ACCOUNT_NOT_ALLOWED", f"{what} must be one of: {', '.join(kinds)}")
        return acc

    async def list_agreements(req: Request) -> Response:
        client_id, _ = caller(req, "read_product_agreements")
        items = [
            a.summary(number_and_balance(a)[0])
            for a in state.agreements.values()
            if a.customer_id == client_id and a.status != "closed"
        ]
        return json_response({"data": items, "meta": {"total": len(items)}})

    async def get_agreement(req: Request) -> Response:
        client_id, _ = caller(req, "read_product_agreements")
        return json_response({"data": detail(agreement_of(req, client_id))})

    def book(client_id: str, prod: Product, amount: int, body: OpenBody) -> Agreement:
        """Open the product: the agreement, its account and the money moved."""
        now = utcnow()
        prefix = {"deposit": "dep", "loan": "loan"}.get(prod.product_type, "card-cred")
        agreement_id = f"{prefix}-{client_id}-{random.randint(0, 9999):04d}"
        term = body.term_months or prod.term_months
        end = None
        if term and prod.product_type in ("deposit", "loan"):
            end = f"{add_months(now.date(), term).isoformat()}T{now.time().isoformat()}"
        if prod.kind == "debit_card":
            source = account_of(client_id, body.source_account_id, ("checking",), "The card's account")
            if source is None:
                raise ApiError(400, "SOURCE_ACCOUNT_REQUIRED", "No current account to bind the card to")
            account = source
        elif prod.product_type == "deposit":
            if not body.source_account_id:
                raise ApiError(400, "SOURCE_ACCOUNT_REQUIRED", "source_account_id is required for a deposit")
            source = account_of(client_id, body.source_account_id, FUNDING_KINDS, "The source account")
            assert source is not None
            if source.balance - source.holds < amount:
                raise ApiError(400, "INSUFFICIENT_FUNDS", "Not enough funds on the source account")
            account = state.open_account(client_id, "deposit")
            text = f"Открытие вклада №{agreement_id}"
            state.post(source, amount, False, text, counterparty=account.number)
            state.post(
                account, amount, True, f"Пополнение вклада №{agreement_id}", counterparty=source.number
            )
        elif prod.product_type == "loan":
            target = account_of(client_id, body.source_account_id, ("checking",), "The payout account")
            account = state.open_account(client_id, "loan")
            text = f"Выдача кредита по договору №{agreement_id}"
            state.post(account, amount, False, text, counterparty=target.number if target else None)
            if target is not None:
                text = f"Зачисление кредита по договору №{agreement_id}"
                state.post(target, amount, True, text, counterparty=account.number)
        else:
            account = state.open_account(client_id, "credit_card", credit_limit=amount)
        agreement = Agreement(
            agreement_id,
            client_id,
            prod.product_id,
            prod.name,
            prod.product_type,
            amount,
            prod.rate,
            now.isoformat(),
            end,
            account.account_id,
            "active",
            term,
        )
        state.save_agreement(agreement)
        if prod.product_type in ("card", "credit_card"):
            _issue_card(bank, client_id, account, prod)
        return agreement

    async def open_agreement(req: Request) -> Response:
        client_id, c = caller(req, "open_product_agreements")
        body = req.model(OpenBody)
        assert body is not None
        prod = product_by_id(bank.settings.bank_id, body.product_id)
        if prod is None:
            raise ApiError(404, "PRODUCT_NOT_FOUND", f"Product {body.product_id} not found")
        if not _allowed(c, prod.product_type):
            what = family(prod.product_type)
            raise ApiError(403, "INSUFFICIENT_PERMISSIONS", f"Consent does not allow {what} products")
        amount = to_kopecks(body.amount)
        if amount <= 0 and prod.kind != "debit_card":
            raise ApiError(400, "INVALID_AMOUNT", "amount must be positive")
        limit = c.details.get("max_amount")
        opened = to_kopecks(c.details.get("current_total_opened") or 0)
        if limit is not None and opened + amount > to_kopecks(limit):
            raise ApiError(
                403,
                "LIMIT_EXCEEDED",
                f"opening {amount / 100:.2f} takes the consent over its max_amount {limit} "
                f"({opened / 100:.2f} opened so far)",
            )
        if (prod.min_amount and amount < prod.min_amount * 100) or (
            prod.max_amount and amount > prod.max_amount * 100
        ):
            raise ApiError(
                400, "AMOUNT_OUT_OF_RANGE", f"amount must be within {prod.min_amount}..{prod.max_amount}"
            )
        if (
            body.term_months is not None
            and prod.term_months
            and not 1 <= body.term_months <= prod.term_months
        ):
            raise ApiError(400, "TERM_OUT_OF_RANGE", f"term_months must be within 1..{prod.term_months}")
        if knobs.take("open_decline"):
            raise ApiError(422, "APPLICATION_DECLINED", "The bank declined the application")
        agreement = book(client_id, prod, amount, body)
        c.details["current_total_opened"] = (opened + amount) / 100
        state.save_consent(c)
        if knobs.take("open_drop_after_commit"):
            raise DropAfterCommit()
        return json_response({"data": detail(agreement), "meta": {"message": "Договор открыт"}})

    def settle_close(client_id: str, a: Agreement, body: CloseBody) -> None:
        """Move the agreement's money out (a deposit's balance) or in (a loan's debt left)."""
        acc = state.accounts.get(a.account_id) if a.account_id else None
        if acc is None or acc.kind not in ("loan", "credit_card", "deposit") or acc.balance == 0:
            return
        other = account_of(client_id, body.repayment_account_id, FUNDING_KINDS, "The repayment account")
        if other is None or other.account_id == acc.account_id:
            raise ApiError(400, "REPAYMENT_ACCOUNT_REQUIRED", "repayment_account_id is required")
        if acc.balance < 0:
            debt = -acc.balance
            if other.balance - other.holds < debt:
                raise ApiError(400, "INSUFFICIENT_FUNDS", "Not enough funds to repay the debt")
            text = f"Погашение задолженности по договору №{a.agreement_id}"
            state.post(other, debt, False, text, counterparty=acc.number)
            state.post(acc, debt, True, text, counterparty=other.number)
        else:
            amount = acc.balance
            state.post(acc, amount, False, f"Закрытие вклада №{a.agreement_id}", counterparty=other.number)
            state.post(other, amount, True, f"Возврат вклада №{a.agreement_id}", counterparty=acc.number)

    async def close_agreement(req: Request) -> Response:
        client_id, c = caller(req, "close_product_agreements")
        body = req.model(CloseBody, optional=True) or CloseBody()
        a = agreement_of(req, client_id)
        if a.status == "closed":
            raise ApiError(409, "AGREEMENT_CLOSED", "Agreement is already closed")
        if not _allowed(c, a.product_type):
            what = family(a.product_type)
            raise ApiError(403, "INSUFFICIENT_PERMISSIONS", f"Consent does not allow closing {what} products")
        if knobs.take("close_refuse"):
            raise ApiError(409, "CLOSE_REFUSED", "The bank cannot close this agreement now")
        settle_close(client_id, a, body)
        acc = state.accounts.get(a.account_id) if a.account_id else None
        if acc is not None and acc.kind != "checking":
            acc.status = "Disabled"
            state.save_account(acc)
        a.status = "closed"
        a.end = utcnow().isoformat()
        state.save_agreement(a)
        if knobs.take("close_drop_after_commit"):
            raise DropAfterCommit()
        return json_response({"data": detail(a), "meta": {"message": "Договор закрыт"}})

    router.add("GET", "/product-agreements", list_agreements)
    router.add("POST", "/product-agreements", open_agreement)
    router.add("GET", "/product-agreements/{agreement_id}", get_agreement)
    router.add("DELETE", "/product-agreements/{agreement_id}", close_agreement)


def _issue_card(bank: Bank, client_id: str, account: Account, prod: Product) -> None:
    now = utcnow()
    state = bank.state
    card = Card(
        f"card-{bank.settings.bank_id}-{random.randint(0, 999999):06d}",
        client_id,
        account.account_id,
        f"{random.randint(0, 9999):04d}",
        "debit" if prod.kind == "debit_card" else "credit",
        prod.name,
        state.holder(client_id).split(" (")[0].upper(),
        now.month,
        now.year + 4,
        iso(now),
    )
    state.save_card(card)

"""Products (catalog), product-agreement consents and product agreements (list, detail, open, close)."""

from __future__ import annotations

import random

from pydantic import BaseModel, ConfigDict

from sandbox.bank import consents
from sandbox.bank.context import Bank, team_of
from sandbox.bank.http import ApiError, Request, Response, Router, empty, json_response
from sandbox.bank.routes_account_consents import requesting_team
from sandbox.bank.spelling import spell
from sandbox.data.catalog import catalog, product_by_id
from sandbox.model import Account, Agreement, Card, Consent, iso, to_kopecks, utcnow

PERMS = ("read_product_agreements", "open_product_agreements", "close_product_agreements")


class ProductConsentBody(BaseModel):
    """The spec's ``ProductAgreementConsentRequestData``."""

    model_config = ConfigDict(extra="allow")
    requesting_bank: str
    client_id: str | None = None
    read_product_agreements: bool = False
    open_product_agreements: bool = False
    close_product_agreements: bool = False
    allowed_product_types: list[str] | None = None
    max_amount: float | str | None = None
    valid_until: str | None = None
    reason: str | None = None


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


def _family(product_type: str) -> str:
    return {"credit_card": "card", "credit": "loan"}.get(product_type, product_type)


def register(router: Router, bank: Bank) -> None:
    state = bank.state

    # --- catalog --------------------------------------------------------------------------
    async def products(req: Request) -> Response:
        team_of(bank, req)
        wanted = req.query.get("product_type")
        items = [p.to_api() for p in catalog(bank.settings.bank_id) if wanted in (None, "", p.product_type)]
        return json_response({"data": {"product": items}})

    async def product(req: Request) -> Response:
        team_of(bank, req)
        found = product_by_id(bank.settings.bank_id, req.params["product_id"])
        if found is None:
            raise ApiError(404, "PRODUCT_NOT_FOUND", "Product not found")
        return json_response({"data": found.to_api()})

    # --- consents -------------------------------------------------------------------------
    def render_consent(c: Consent, by_request: bool) -> dict[str, object]:
        if consents.expired(c):
            consents.mark_expired(bank, c)
        style = bank.status_style()
        out: dict[str, object] = {"request_id": c.request_id, "consent_id": c.consent_id}
        out["status"] = spell(c.status, "request" if by_request else "resource", style)
        out["granted_to"] = c.team
        out.update({p: p in c.permissions for p in PERMS})
        out.update(
            {
                "allowed_product_types": c.details.get("allowed_product_types"),
                "max_amount": c.details.get("max_amount"),
                "current_total_opened": c.details.get("current_total_opened", 0.0),
                "created_at": c.created,
                "valid_until": c.expires,
            }
        )
        return out

    async def request_consent(req: Request) -> Response:
        body = req.model(ProductConsentBody)
        assert body is not None
        client_id = req.query.get("client_id") or body.client_id
        if not client_id:
            req.q_str("client_id", required=True)
            req.check()
        assert client_id is not None
        team = requesting_team(bank, req, body.requesting_bank)
        perms = [p for p in PERMS if getattr(body, p)]
        if not perms:
            raise ApiError(400, "NO_PERMISSIONS", "At least one permission must be requested")
        if client_id not in state.customers:
            raise ApiError(404, "CLIENT_NOT_FOUND", f"Client {client_id} not found")
        try:
            expires = consents.parse_time(body.valid_until)
            max_amount = None if body.max_amount is None else to_kopecks(body.max_amount) / 100
        except ValueError:
            raise ApiError(400, "INVALID_REQUEST", "valid_until or max_amount is malformed") from None
        details = {
            "allowed_product_types": body.allowed_product_types,
            "max_amount": max_amount,
            "current_total_opened": 0.0,
            "reason": body.reason,
        }
        c = consents.create(
            bank,
            kind="product",
            team=team,
            customer_id=client_id,
            permissions=perms,
            details=details,
            expires=expires,
            prefixes=("pagcr", "pagc"),
        )
        return json_response(consents.request_answer(bank, c, "/product-agreement-consents"))

    def own_consent(req: Request) -> tuple[Consent, bool]:
        c = consents.owned(bank, req, "product", "Product agreement consent")
        return c, req.params["consent_id"] == c.request_id

    async def get_consent(req: Request) -> Response:
        c, by_request = own_consent(req)
        return json_response(render_consent(c, by_request))

    async def delete_consent(req: Request) -> Response:
        consents.revoke(bank, own_consent(req)[0])
        return empty(204)

    # --- agreements -----------------------------------------------------------------------
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

    def account_of(client_id: str, ref: str | None, *, required: bool) -> Account | None:
        if not ref:
            if required:
                raise ApiError(
                    400, "SOURCE_ACCOUNT_REQUIRED", "source_account_id is required for this product"
                )
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

    async def open_agreement(req: Request) -> Response:
        client_id, c = caller(req, "open_product_agreements")
        body = req.model(OpenBody)
        assert body is not None
        prod = product_by_id(bank.settings.bank_id, body.product_id)
        if prod is None:
            raise ApiError(404, "PRODUCT_NOT_FOUND", f"Product {body.product_id} not found")
        family = _family(prod.product_type)
        allowed = c.details.get("allowed_product_types")
        if allowed and family not in {_family(t) for t in allowed}:
            raise ApiError(403, "INSUFFICIENT_PERMISSIONS", f"Consent does not allow {family} products")
        amount = to_kopecks(body.amount)
        limit = c.details.get("max_amount")
        if amount <= 0 and prod.kind != "debit_card":
            raise ApiError(400, "INVALID_AMOUNT", "amount must be positive")
        if limit is not None and amount > to_kopecks(limit):
            raise ApiError(403, "LIMIT_EXCEEDED", f"amount exceeds the consent's max_amount {limit}")
        if (prod.min_amount and amount < prod.min_amount * 100) or (
            prod.max_amount and amount > prod.max_amount * 100
        ):
            raise ApiError(
                400, "AMOUNT_OUT_OF_RANGE", f"amount must be within {prod.min_amount}..{prod.max_amount}"
            )
        agreement = _open(bank, client_id, prod, amount, body, account_of)
        c.details["current_total_opened"] = float(c.details.get("current_total_opened", 0.0)) + amount / 100
        state.save_consent(c)
        return json_response({"data": detail(agreement), "meta": {"message": "Договор открыт"}})

    async def close_agreement(req: Request) -> Response:
        client_id, _ = caller(req, "close_product_agreements")
        body = req.model(CloseBody, optional=True) or CloseBody()
        a = agreement_of(req, client_id)
        if a.status == "closed":
            raise ApiError(409, "AGREEMENT_CLOSED", "Agreement is already closed")
        acc = state.accounts.get(a.account_id) if a.account_id else None
        if acc is not None and acc.kind in ("loan", "credit_card", "deposit") and acc.balance != 0:
            other = account_of(client_id, body.repayment_account_id, required=False)
            if other is None or other.account_id == acc.account_id:
                raise ApiError(400, "REPAYMENT_ACCOUNT_REQUIRED", "repayment_account_id is required")
            if acc.balance < 0:
                debt = -acc.balance
                if other.balance - other.holds < debt:
                    raise ApiError(400, "INSUFFICIENT_FUNDS", "Not enough funds to repay the debt")
                state.post(
                    other,
                    debt,
                    False,
                    f"Погашение задолженности по договору №{a.agreement_id}",
                    counterparty=acc.number,
                )
                state.post(
                    acc,
                    debt,
                    True,
                    f"Погашение задолженности по договору №{a.agreement_id}",
                    counterparty=other.number,
                )
            else:
                amount = acc.balance
                state.post(
                    acc, amount, False, f"Закрытие вклада №{a.agreement_id}", counterparty=other.number
                )
                state.post(other, amount, True, f"Возврат вклада №{a.agreement_id}", counterparty=acc.number)
        if acc is not None and acc.kind != "checking":
            acc.status = "Disabled"
            state.save_account(acc)
        a.status = "closed"
        a.end = utcnow().isoformat()
        state.save_agreement(a)
        return json_response({"data": detail(a), "meta": {"message": "Договор закрыт"}})

    router.add("GET", "/products", products)
    router.add("GET", "/products/{product_id}", product)
    router.add("POST", "/product-agreement-consents/request", request_consent)
    router.add("GET", "/product-agreement-consents/{consent_id}", get_consent)
    router.add("DELETE", "/product-agreement-consents/{consent_id}", delete_consent)
    router.add("GET", "/product-agreements", list_agreements)
    router.add("POST", "/product-agreements", open_agreement)
    router.add("GET", "/product-agreements/{agreement_id}", get_agreement)
    router.add("DELETE", "/product-agreements/{agreement_id}", close_agreement)


def _open(
    bank: Bank, client_id: str, prod: object, amount: int, body: OpenBody, account_of: object
) -> Agreement:
    """Book a new product: deposit (funded from the source account), loan (paid out), card (limit)."""
    from sandbox.data.catalog import Product

    assert isinstance(prod, Product)
    state = bank.state
    pick = account_of  # (client_id, ref, required=...) -> Account | None
    now = utcnow()
    prefix = {"deposit": "dep", "loan": "loan"}.get(prod.product_type, "card-cred")
    agreement_id = f"{prefix}-{client_id}-{random.randint(0, 9999):04d}"
    term = body.term_months or prod.term_months
    end = None
    if term and prod.product_type in ("deposit", "loan"):
        from sandbox.data.life import add_months

        end_date = add_months(now.date(), term)
        end = f"{end_date.isoformat()}T{now.time().isoformat()}"
    if prod.kind == "debit_card":
        source = pick(client_id, body.source_account_id, required=False)  # type: ignore[operator]
        if source is None:
            raise ApiError(400, "SOURCE_ACCOUNT_REQUIRED", "No current account to bind the card to")
        account = source
    elif prod.product_type == "deposit":
        source = pick(client_id, body.source_account_id, required=True)  # type: ignore[operator]
        if source.balance - source.holds < amount:
            raise ApiError(400, "INSUFFICIENT_FUNDS", "Not enough funds on the source account")
        account = state.open_account(client_id, "deposit")
        state.post(source, amount, False, f"Открытие вклада №{agreement_id}", counterparty=account.number)
        state.post(account, amount, True, f"Пополнение вклада №{agreement_id}", counterparty=source.number)
    elif prod.product_type == "loan":
        target = pick(client_id, body.source_account_id, required=False)  # type: ignore[operator]
        account = state.open_account(client_id, "loan")
        state.post(
            account,
            amount,
            False,
            f"Выдача кредита по договору №{agreement_id}",
            counterparty=target.number if target else None,
        )
        if target is not None:
            state.post(
                target,
                amount,
                True,
                f"Зачисление кредита по договору №{agreement_id}",
                counterparty=account.number,
            )
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
        card_type = "debit" if prod.kind == "debit_card" else "credit"
        card = Card(
            f"card-{bank.settings.bank_id}-{random.randint(0, 999999):06d}",
            client_id,
            account.account_id,
            f"{random.randint(0, 9999):04d}",
            card_type,
            prod.name,
            state.holder(client_id).split(" (")[0].upper(),
            now.month,
            now.year + 4,
            iso(now),
        )
        state.save_card(card)
    return agreement

"""Products (catalog) and product-agreement consents (the agreements: routes_agreements)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sandbox.bank import consents
from sandbox.bank.context import Bank, team_of
from sandbox.bank.http import ApiError, Request, Response, Router, empty, json_response
from sandbox.bank.routes_account_consents import requesting_team
from sandbox.bank.spelling import spell
from sandbox.data.catalog import catalog, product_by_id
from sandbox.model import Consent, to_kopecks

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

    router.add("GET", "/products", products)
    router.add("GET", "/products/{product_id}", product)
    router.add("POST", "/product-agreement-consents/request", request_consent)
    router.add("GET", "/product-agreement-consents/{consent_id}", get_consent)
    router.add("DELETE", "/product-agreement-consents/{consent_id}", delete_consent)

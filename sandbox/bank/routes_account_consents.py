"""Account consents: ``POST /account-consents/request``, ``GET`` and ``DELETE /account-consents/{id}``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sandbox.bank import consents
from sandbox.bank.context import Bank, team_of
from sandbox.bank.http import ApiError, Request, Response, Router, empty, json_response
from sandbox.bank.spelling import spell
from sandbox.model import Consent


class ConsentRequestBody(BaseModel):
    """The spec's ``ConsentRequestBody`` (plus an optional ``expirationDateTime``)."""

    model_config = ConfigDict(extra="allow")
    client_id: str
    permissions: list[str] = Field(min_length=1)
    reason: str = ""
    requesting_bank: str = "test_bank"
    requesting_bank_name: str = "Test Bank"
    expirationDateTime: str | None = None  # noqa: N815 - the spec's spelling


def requesting_team(bank: Bank, req: Request, body_bank: str | None) -> str:
    """The token's team; ``X-Requesting-Bank`` / ``requesting_bank``, when given, must name it."""
    team = team_of(bank, req)
    named = req.headers.get("x-requesting-bank") or (
        body_bank if body_bank not in (None, "test_bank") else None
    )
    if named and named != team:
        raise ApiError(
            403, "INSUFFICIENT_PERMISSIONS", f"requesting bank {named!r} is not the team of the token"
        )
    return team


def register(router: Router, bank: Bank) -> None:
    state = bank.state

    def render(consent: Consent, asked_by: str) -> dict[str, object]:
        if consents.expired(consent):
            consents.mark_expired(bank, consent)
        status, consent_id = consent.status, consent.consent_id
        if asked_by == consent.request_id and bank.faults.config.get("approval_hidden_by_request_id"):
            # A bank whose request resource never learns the outcome: approved, it still says pending.
            status, consent_id = ("pending" if status == "authorized" else status), None
        return {
            "data": {
                "consentId": consent_id or consent.request_id,
                "status": spell(status, "account", bank.status_style()),
                "creationDateTime": consent.created,
                "statusUpdateDateTime": consent.updated,
                "permissions": consent.permissions,
                "expirationDateTime": consent.expires,
                "requestId": consent.request_id,
            },
            "links": {"self": f"/account-consents/{consent.consent_id or consent.request_id}"},
            "meta": {},
        }

    async def request_consent(req: Request) -> Response:
        body = req.model(ConsentRequestBody)
        assert body is not None
        team = requesting_team(bank, req, body.requesting_bank)
        if body.client_id not in state.customers:
            raise ApiError(404, "CLIENT_NOT_FOUND", f"Client {body.client_id} not found")
        try:
            expires = consents.parse_time(body.expirationDateTime)
        except ValueError:
            raise ApiError(400, "INVALID_EXPIRATION", "expirationDateTime is not an ISO date-time") from None
        consent = consents.create(
            bank,
            kind="account",
            team=team,
            customer_id=body.client_id,
            permissions=body.permissions,
            details={"reason": body.reason},
            expires=expires,
            prefixes=("req", "consent"),
        )
        style = bank.status_style()
        if consent.consent_id:
            return json_response(
                {
                    "request_id": consent.request_id,
                    "consent_id": consent.consent_id,
                    "status": spell("authorized", "request", style),
                    "message": "Согласие одобрено автоматически",
                    "created_at": consent.created,
                    "auto_approved": True,
                    "links": {"self": f"/account-consents/{consent.consent_id}"},
                }
            )
        return json_response(
            {
                "request_id": consent.request_id,
                "status": spell("pending", "request", style),
                "message": "Запрос отправлен на одобрение",
                "created_at": consent.created,
                "auto_approved": False,
                "links": {
                    "self": f"/account-consents/{consent.request_id}",
                    "consentApproval": consents.approval_link(bank, consent),
                },
            }
        )

    def own(req: Request) -> Consent:
        return consents.owned(bank, req, "account", "Consent")

    async def get_consent(req: Request) -> Response:
        return json_response(render(own(req), req.params["consent_id"]))

    async def delete_consent(req: Request) -> Response:
        consent = own(req)
        if req.params["consent_id"] == consent.request_id and bank.faults.config.get("request_id_delete_404"):
            raise ApiError(404, "CONSENT_NOT_FOUND", "Consent not found")  # only its consent id works
        consents.revoke(bank, consent)
        return empty(204)

    router.add("POST", "/account-consents/request", request_consent)
    router.add("GET", "/account-consents/{consent_id}", get_consent)
    router.add("DELETE", "/account-consents/{consent_id}", delete_consent)

"""Token endpoint, JWKS, root and health."""

from __future__ import annotations

from sandbox.bank.context import Bank
from sandbox.bank.http import ApiError, Request, Response, Router, json_response


def register(router: Router, bank: Bank) -> None:
    async def bank_token(req: Request) -> Response:
        client_id = req.q_str("client_id", required=True)
        client_secret = req.q_str("client_secret", required=True)
        req.check()
        if client_id != bank.settings.team or client_secret != bank.settings.secret:
            raise ApiError(401, "INVALID_CLIENT", "Invalid client_id or client_secret")
        token, ttl = bank.tokens.issue(client_id)
        return json_response(
            {"access_token": token, "token_type": "bearer", "client_id": client_id, "expires_in": ttl}
        )

    async def jwks(req: Request) -> Response:
        return json_response(bank.tokens.jwks())

    async def root(req: Request) -> Response:
        s = bank.settings
        return json_response(
            {
                "bank": s.bank_id,
                "name": s.name,
                "api": "OpenBanking Russia v2.1 (sandbox)",
                "version": "2.1",
                "jwks_uri": f"{s.base_url}/.well-known/jwks.json",
                "issuer": s.issuer,
                "audience": s.audience,
            }
        )

    async def health(req: Request) -> Response:
        return json_response({"status": "healthy", "bank": bank.settings.bank_id})

    router.add("POST", "/auth/bank-token", bank_token)
    router.add("GET", "/.well-known/jwks.json", jwks)
    router.add("GET", "/", root)
    router.add("GET", "/health", health)

"""Account data: ``/accounts``, details, balances, transactions (the hot path) and ``/cards``."""

from __future__ import annotations

import orjson

from sandbox.bank import consents
from sandbox.bank.context import Bank
from sandbox.bank.http import JSON, ApiError, Invalid, Request, Response, Router, json_response
from sandbox.model import Account, iso, utcnow

MAX_LIMIT = 500  # the spec's hard maximum; a bank may cap lower (limit_cap)


def register(router: Router, bank: Bank) -> None:
    state = bank.state

    def require_account_consent(req: Request, team: str, customer_id: str, permission: str) -> None:
        consents.require(
            bank,
            req,
            team=team,
            kind="account",
            header="x-consent-id",
            customer_id=customer_id,
            permission=permission,
        )

    def account_for(req: Request, team: str, permission: str) -> Account:
        acc = state.accounts.get(req.params["account_id"])
        client_id = req.query.get("client_id")
        if acc is None or (client_id and client_id != acc.customer_id):
            raise ApiError(404, "ACCOUNT_NOT_FOUND", "Account not found")
        require_account_consent(req, team, acc.customer_id, permission)
        return acc

    async def list_accounts(req: Request) -> Response:
        team = consents.data_caller(bank, req)
        client_id = req.q_str("client_id", required=True)
        req.check()
        assert client_id is not None
        require_account_consent(req, team, client_id, "ReadAccountsDetail")
        holder = state.holder(client_id)
        items = [a.summary(holder) for a in state.accounts_of.get(client_id, []) if a.status == "Enabled"]
        return json_response(
            {"data": {"account": items}, "links": {"self": "/accounts"}, "meta": {"totalPages": 1}}
        )

    async def account_detail(req: Request) -> Response:
        acc = account_for(req, consents.data_caller(bank, req), "ReadAccountsDetail")
        return json_response({"data": {"account": [acc.detail()]}})

    async def balances(req: Request) -> Response:
        acc = account_for(req, consents.data_caller(bank, req), "ReadBalances")
        return json_response({"data": {"balance": acc.balances(utcnow())}})

    async def transactions(req: Request) -> Response:
        team = consents.data_caller(bank, req)
        page = req.q_int("page", 1, ge=1)
        limit = req.q_int("limit", 50, ge=1, le=MAX_LIMIT)
        since = _bound(req, "from_booking_date_time")
        until = _bound(req, "to_booking_date_time")
        req.check()
        acc = account_for(req, team, "ReadTransactionsDetail")
        cap, mode = bank.effective_limit_cap()
        if limit > cap:
            if mode == "reject":
                raise Invalid(
                    [
                        {
                            "type": "less_than_equal",
                            "loc": ["query", "limit"],
                            "msg": f"Input should be less than or equal to {cap}",
                            "input": str(limit),
                            "ctx": {"le": cap},
                        }
                    ]
                )
            limit = cap
        if bank.faults.config.get("ignore_date_filters"):
            since = until = None
        bodies, total = state.tx_page(acc.account_id, since, until, page, limit)
        base = f"/accounts/{acc.account_id}/transactions"
        links = {"self": f"{base}?page={page}&limit={limit}"}
        if page * limit < total:
            links["next"] = f"{base}?page={page + 1}&limit={limit}"
        if page > 1:
            links["prev"] = f"{base}?page={page - 1}&limit={limit}"
        meta = {
            "totalPages": (total + limit - 1) // limit,
            "totalRecords": total,
            "currentPage": page,
            "pageSize": limit,
        }
        body = b"".join(
            (
                b'{"data":{"transaction":[',
                b",".join(bodies),
                b']},"links":',
                orjson.dumps(links),
                b',"meta":',
                orjson.dumps(meta),
                b"}",
            )
        )
        return 200, list(JSON), body

    async def cards(req: Request) -> Response:
        team = consents.data_caller(bank, req)
        client_id = req.q_str("client_id", required=True)
        req.check()
        assert client_id is not None
        require_account_consent(req, team, client_id, "ReadCards")
        items = [
            c.render(state.accounts[c.account_id]) for c in state.cards.values() if c.customer_id == client_id
        ]
        return json_response({"data": {"cards": items, "total": len(items)}, "meta": {}})

    async def card_detail(req: Request) -> Response:
        team = consents.data_caller(bank, req)
        card = state.cards.get(req.params["card_id"])
        client_id = req.query.get("client_id")
        if card is None or (client_id and client_id != card.customer_id):
            raise ApiError(404, "CARD_NOT_FOUND", "Card not found")
        require_account_consent(req, team, card.customer_id, "ReadCards")
        return json_response({"data": card.render(state.accounts[card.account_id]), "meta": {}})

    router.add("GET", "/accounts", list_accounts)
    router.add("GET", "/accounts/{account_id}", account_detail)
    router.add("GET", "/accounts/{account_id}/balances", balances)
    router.add("GET", "/accounts/{account_id}/transactions", transactions)
    router.add("GET", "/cards", cards)
    router.add("GET", "/cards/{card_id}", card_detail)


def _bound(req: Request, name: str) -> str | None:
    """A date filter as a sort key of the stored booking times; 422 when it is not a date-time."""
    raw = req.query.get(name)
    if not raw:
        return None
    try:
        parsed = consents.parse_time(raw)
    except ValueError:
        req.errors.append(
            {
                "type": "datetime_from_date_parsing",
                "loc": ["query", name],
                "msg": "Input should be a valid datetime or date, invalid character in year",
                "input": raw,
                "ctx": {"error": "invalid character in year"},
            }
        )
        return None
    return iso(parsed) if parsed else None

"""The customer's banking app, as far as consents go: pending requests with Approve / Reject.

``links.consentApproval`` of a manual bank's consent answer points to ``/app/consents/{request_id}``;
``/app/consents?client_id=team200-1`` lists every pending request of that customer. The buttons POST
an ordinary HTML form (``action=approve`` or ``action=reject``) — a real HTTP round trip, as when a
customer signs in their bank. The sandbox's customers have no password.
"""

from __future__ import annotations

from html import escape
from urllib.parse import parse_qsl

from sandbox.bank import consents
from sandbox.bank.context import Bank
from sandbox.bank.http import ApiError, Request, Response, Router, html_response
from sandbox.model import Consent

KIND_TITLES = {"account": "Доступ к счетам", "product": "Управление договорами", "payment": "Платежи"}
STYLE = """body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem}
.card{border:1px solid #d7dde4;border-radius:10px;padding:1rem 1.2rem;margin:1rem 0}
button{font-size:1rem;padding:.5rem 1.2rem;border-radius:6px;border:0;margin-right:.5rem;cursor:pointer}
.ok{background:#1f8f4e;color:#fff}.no{background:#c43d3d;color:#fff}dt{color:#5b6673}"""


def _page(bank: Bank, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body><h1>{escape(bank.settings.name)}</h1>{body}</body></html>"
    )


def _card(bank: Bank, c: Consent) -> str:
    rows = [
        ("Клиент", bank.state.holder(c.customer_id)),
        ("Запрашивает", c.team),
        ("Тип", KIND_TITLES.get(c.kind, c.kind)),
        ("Разрешения", ", ".join(c.permissions)),
        ("Действует до", c.expires or "—"),
        ("Запрос", c.request_id),
    ]
    if c.kind == "payment":
        d = c.details
        rows.append(("Счёт списания", str(d.get("debtor_account"))))
        rows.append(("Вид согласия", str(d.get("consent_type"))))
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in rows)
    form = ""
    if c.status == "pending":
        form = (
            f'<form method="post" action="/app/consents/{escape(c.request_id)}">'
            '<button class="ok" name="action" value="approve">Подписать</button>'
            '<button class="no" name="action" value="reject">Отклонить</button></form>'
        )
    return f'<div class="card" data-request-id="{escape(c.request_id)}"><dl>{items}</dl>{form}</div>'


def register(router: Router, bank: Bank) -> None:
    state = bank.state

    def pending_request(req: Request) -> Consent:
        c = state.consents.get(req.params["request_id"])
        if c is None:
            raise ApiError(404, "CONSENT_NOT_FOUND", "Запрос не найден")
        return c

    async def list_pending(req: Request) -> Response:
        client_id = req.query.get("client_id")
        pending = [
            c
            for c in state.consents.values()
            if c.status == "pending" and client_id in (None, "", c.customer_id)
        ]
        cards = "".join(_card(bank, c) for c in pending) or "<p>Нет запросов, ожидающих подписи.</p>"
        return html_response(_page(bank, "Запросы на согласие", f"<h2>Запросы на согласие</h2>{cards}"))

    async def show(req: Request) -> Response:
        c = pending_request(req)
        return html_response(
            _page(bank, "Запрос на согласие", f"<h2>Запрос на согласие</h2>{_card(bank, c)}")
        )

    async def answer(req: Request) -> Response:
        c = pending_request(req)
        action = dict(parse_qsl(req.body.decode("utf-8", "replace"))).get("action")
        if action not in ("approve", "reject"):
            raise ApiError(400, "INVALID_ACTION", "action must be approve or reject")
        consents.decide(bank, c, action == "approve")
        word = "подписано" if action == "approve" else "отклонено"
        body = (
            f'<h2>Согласие {word}</h2><p data-status="{escape(c.status)}">Можно вернуться в приложение.</p>'
        )
        return html_response(_page(bank, f"Согласие {word}", body + _card(bank, c)))

    router.add("GET", "/app/consents", list_pending)
    router.add("GET", "/app/consents/{request_id}", show)
    router.add("POST", "/app/consents/{request_id}", answer)

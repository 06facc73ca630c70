"""PUT/GET /api/me/banks: the caller's customer id per bank."""

from __future__ import annotations

from typing import Any

from tests.consents.support import Api, assert_envelope


def test_set_read_and_idempotently_repeat_an_identity(api: Api) -> None:
    first = api.ok("PUT", "/api/me/banks/vbank", {"customer_id": "team200-3"})
    assert (first["bank_id"], first["customer_id"]) == ("vbank", "team200-3")
    again = api.ok("PUT", "/api/me/banks/vbank", {"customer_id": "team200-3"})
    assert again["updated_at"] == first["updated_at"]
    api.ok("PUT", "/api/me/banks/abank", {"customer_id": "team200-4"})
    listed = api.ok("GET", "/api/me/banks")["identities"]
    assert {(i["bank_id"], i["customer_id"]) for i in listed} == {
        ("vbank", "team200-3"),
        ("abank", "team200-4"),
    }


def test_identities_are_per_user(api: Api, other_api: Api) -> None:
    api.identify(vbank="team200-3")
    assert other_api.ok("GET", "/api/me/banks")["identities"] == []


def test_bad_identity_input(api: Api, other_api: Any) -> None:
    assert_envelope(*api.call("PUT", "/api/me/banks/nobank", {"customer_id": "team200-1"}), 404)
    status, body = api.call("PUT", "/api/me/banks/vbank", {"customer_id": "team 200; drop"})
    assert_envelope(status, body, 422)
    assert body["error"]["details"][0]["field"] == "body.customer_id"
    assert_envelope(*api.call("PUT", "/api/me/banks/vbank", {}), 422)
    assert_envelope(*api.call("PUT", "/api/me/banks/vbank", {"customer_id": "team200-1", "extra": 1}), 422)
    foreign = {"customer_id": "team200-1", "user_id": other_api.user.sub}
    assert_envelope(*api.call("PUT", "/api/me/banks/vbank", foreign), 403)

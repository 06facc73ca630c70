"""Consents: auto and manual approval (through the HTML page), and every 403 a data call can get."""

import re

import httpx


def test_auto_approval_gives_a_consent_at_once(team):
    t = team("vbank")
    answer = t.consent("team200-1")
    assert answer["status"] == "approved"
    assert answer["auto_approved"] is True
    assert answer["consent_id"].startswith("consent-")
    got = t.get(f"/account-consents/{answer['consent_id']}").json()
    assert got["data"]["status"] == "Authorized"
    assert t.get("/accounts", answer["consent_id"], client_id="team200-1").status_code == 200


def test_manual_approval_through_the_html_page(team, sandbox):
    t = team("sbank")
    answer = t.consent("team200-2")
    assert answer["status"] == "pending"
    assert answer["auto_approved"] is False
    assert "consent_id" not in answer
    request_id = answer["request_id"]
    pending = t.get(f"/account-consents/{request_id}").json()["data"]
    assert pending["status"] == "AwaitingAuthorization"
    assert pending["consentId"] == request_id
    denied = t.get("/accounts", request_id, client_id="team200-2")
    assert denied.status_code == 403
    assert denied.json()["detail"]["error"] == "CONSENT_REQUIRED"

    link = answer["links"]["consentApproval"]
    page = httpx.get(link)
    assert page.status_code == 200
    assert "Подписать" in page.text
    assert request_id in page.text
    action = re.search(r'<form method="post" action="([^"]+)"', page.text).group(1)
    listing = httpx.get(f"{sandbox.url('sbank')}/app/consents", params={"client_id": "team200-2"})
    assert request_id in listing.text
    done = httpx.post(sandbox.url("sbank") + action, data={"action": "approve"})
    assert done.status_code == 200
    assert 'data-status="authorized"' in done.text

    approved = t.get(f"/account-consents/{request_id}").json()["data"]
    assert approved["status"] == "Authorized"
    assert approved["consentId"].startswith("consent-")
    assert t.get("/accounts", approved["consentId"], client_id="team200-2").status_code == 200


def test_manual_reject_and_admin_approve(team, sandbox):
    t = team("sbank")
    rejected = t.consent("team200-3")["request_id"]
    sandbox.admin("sbank").reject(rejected)
    assert t.get(f"/account-consents/{rejected}").json()["data"]["status"] == "Rejected"
    approved = sandbox.admin("sbank").approve(t.consent("team200-3")["request_id"])
    assert approved["status"] == "authorized"
    assert t.get("/accounts", approved["consent_id"], client_id="team200-3").status_code == 200


def test_403_missing_foreign_revoked_expired_and_permissions(team, sandbox):
    t = team("vbank")
    consent = t.consent("team200-4")["consent_id"]
    acc = t.accounts("team200-4", consent)[0]["accountId"]

    def code(resp):
        assert resp.status_code == 403, resp.text
        return resp.json()["detail"]["error"]

    assert code(t.get("/accounts", None, client_id="team200-4")) == "CONSENT_REQUIRED"
    assert code(t.get("/accounts", "consent-unknown", client_id="team200-4")) == "CONSENT_REQUIRED"
    assert (
        code(t.get("/accounts", consent, client_id="team200-5")) == "CONSENT_REQUIRED"
    )  # another customer's data
    narrow = t.consent("team200-4", ["ReadAccountsDetail"])["consent_id"]
    assert code(t.get(f"/accounts/{acc}/transactions", narrow)) == "INSUFFICIENT_PERMISSIONS"

    revoked = t.consent("team200-4")["consent_id"]
    assert t.http.delete(f"/account-consents/{revoked}", headers=t.headers()).status_code == 204
    assert code(t.get(f"/accounts/{acc}/balances", revoked)) == "CONSENT_REVOKED"
    assert t.get(f"/account-consents/{revoked}").json()["data"]["status"] == "Revoked"

    by_bank = t.consent("team200-4")["consent_id"]
    sandbox.admin("vbank").revoke(by_bank)
    assert code(t.get(f"/accounts/{acc}", by_bank)) == "CONSENT_REVOKED"

    expiring = t.consent("team200-4")["consent_id"]
    sandbox.admin("vbank").expire_consent(expiring)
    assert code(t.get(f"/accounts/{acc}", expiring)) == "CONSENT_EXPIRED"
    short = t.consent("team200-4", expirationDateTime="2000-01-01T00:00:00Z")["consent_id"]
    assert code(t.get(f"/accounts/{acc}", short)) == "CONSENT_EXPIRED"


def test_requests_without_team_headers_are_refused(team, sandbox):
    t = team("vbank")
    consent = t.consent("team200-1")["consent_id"]
    no_bank = t.http.get(
        "/accounts",
        params={"client_id": "team200-1"},
        headers={"Authorization": f"Bearer {t.token}", "X-Consent-Id": consent},
    )
    assert no_bank.status_code == 401
    other = t.http.get(
        "/accounts",
        params={"client_id": "team200-1"},
        headers={**t.headers(**{"X-Consent-Id": consent}), "X-Requesting-Bank": "team999"},
    )
    assert other.status_code == 403
    missing = t.get("/accounts", consent)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["query", "client_id"]

"""The demo user's onboarding answers, given through the app's own API.

The brief's demo login is customer `team200-1` at every sandbox bank. Setting that through
`PUT /api/me/banks/{bank_id}` — signed in as the demo user, like the SPA would — keeps the local
stack free of a second way to write user state.
"""

from __future__ import annotations

import logging

import httpx

from devstack.creators import Clients
from devstack.resources import LocalResources
from devstack.tokens import sign_in

log = logging.getLogger("devstack")
DEMO_CUSTOMER = "team200-1"


def seed_demo_identities(
    api_url: str, clients: Clients, resources: LocalResources, bank_ids: list[str]
) -> None:
    demo = resources.demo_user
    user = sign_in(clients, resources, demo.email, demo.password, demo.sub)
    with httpx.Client(base_url=api_url, headers=user.auth_header, timeout=30.0) as http:
        for bank_id in bank_ids:
            answer = http.put(f"/api/me/banks/{bank_id}", json={"customer_id": DEMO_CUSTOMER})
            if answer.status_code != 200:
                log.warning("demo user at %s: %s %s", bank_id, answer.status_code, answer.text[:200])
                return
    log.info("demo user is customer %s at %s", DEMO_CUSTOMER, ", ".join(bank_ids))

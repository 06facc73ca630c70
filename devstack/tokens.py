"""Users and tokens from the local Cognito user pool (moto), signed in the way the SPA signs in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from devstack.creators import Clients
from devstack.resources import LocalResources


@dataclass(frozen=True)
class SignedInUser:
    email: str
    password: str
    sub: str
    id_token: str
    access_token: str
    refresh_token: str

    @property
    def auth_header(self) -> dict[str, str]:
        """What the SPA sends: the ID token as a bearer token."""
        return {"Authorization": f"Bearer {self.id_token}"}


def initiate_auth(clients: Clients, client_id: str, email: str, password: str) -> dict[str, Any]:
    """USER_PASSWORD_AUTH, as the SPA's InitiateAuth call does; the AuthenticationResult."""
    result: dict[str, Any] = clients("cognito-idp").initiate_auth(
        ClientId=client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": email, "PASSWORD": password},
    )["AuthenticationResult"]
    return result


def create_user(clients: Clients, pool_id: str, email: str, password: str) -> str:
    """A confirmed user with a permanent password; returns its `sub`."""
    idp = clients("cognito-idp")
    user = idp.admin_create_user(
        UserPoolId=pool_id,
        Username=email,
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
        MessageAction="SUPPRESS",
    )["User"]
    idp.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=password, Permanent=True)
    attrs = {a["Name"]: a["Value"] for a in user.get("Attributes", [])}
    return str(attrs.get("sub", user["Username"]))


def sign_in(
    clients: Clients, resources: LocalResources, email: str, password: str, sub: str = ""
) -> SignedInUser:
    result = initiate_auth(clients, resources.user_pool_client_id, email, password)
    return SignedInUser(
        email=email,
        password=password,
        sub=sub,
        id_token=result["IdToken"],
        access_token=result["AccessToken"],
        refresh_token=result.get("RefreshToken", ""),
    )


def new_user(clients: Clients, resources: LocalResources, email: str | None = None) -> SignedInUser:
    """A fresh user (unique email unless given), signed in."""
    email = email or f"user-{uuid.uuid4().hex[:10]}@finpulse.test"
    password = f"Pw-{uuid.uuid4().hex[:12]}A1"
    sub = create_user(clients, resources.user_pool_id, email, password)
    return sign_in(clients, resources, email, password, sub)


def demo_user(clients: Clients, resources: LocalResources) -> SignedInUser:
    demo = resources.demo_user
    return sign_in(clients, resources, demo.email, demo.password, demo.sub)

"""The customer id a user has at each bank (`team200-1`), and whether the bank has confirmed it.

Stored with the user in the consents table (`pk = USER#<sub>`, `sk = IDENTITY#<bank_id>`). A
(bank, customer id) pair belongs to one FinPulse user at most: a claim item keyed by the pair is
written with a condition (`finpulse.consents.identity_claim`). A claim alone proves nothing; the
identity is *verified* once the customer approved a consent in the bank's own app (or, at a bank
whose automatic approval the registry trusts, once a consent was approved). Payments at a bank
whose registry entry says `identity: bank_approval` need a verified identity (`ensure_payable`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from boto3.dynamodb.conditions import Key
from pydantic import BaseModel, Field

from finpulse.banks.registry import get_bank
from finpulse.config import settings
from finpulse.consents.records import UtcTime, iso
from finpulse.errors import Conflict, Forbidden, NotFound
from finpulse.storage.dynamo import table
from finpulse.storage.keys import IDENTITY_PREFIX, identity_sk, user_pk


class BankIdentity(BaseModel):
    bank_id: str
    customer_id: str
    verified: bool = Field(
        default=False, description="The customer confirmed this id at the bank (approved a consent there)"
    )
    verified_at: UtcTime | None = None
    updated_at: UtcTime


class BankIdentities(BaseModel):
    identities: list[BankIdentity]


class BankIdentityTaken(Conflict):
    code = "BANK_IDENTITY_TAKEN"

    def __init__(self, bank_id: str) -> None:
        # Says nothing about who holds it: not even whether the holder is verified.
        super().__init__(
            "This customer id at this bank is already connected to another FinPulse account",
            details=[{"field": "body.customer_id", "message": f"taken at {bank_id}"}],
        )


class BankIdentityMissing(NotFound):
    code = "BANK_IDENTITY_MISSING"

    def __init__(self, bank_id: str) -> None:
        super().__init__(
            f"Set your customer id at {bank_id} first (PUT /api/me/banks/{bank_id})",
            details=[{"field": "bank_id", "message": "no customer id set"}],
        )


class BankIdentityUnverified(Forbidden):
    code = "BANK_IDENTITY_UNVERIFIED"

    def __init__(self, bank_id: str) -> None:
        super().__init__(
            f"Approve a consent in {bank_id}'s own app first: it confirms that this customer id is yours",
            details=[{"field": "bank_id", "message": "customer id not confirmed by the bank"}],
        )


def _parse_time(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None


def _identity(item: dict[str, Any]) -> BankIdentity:
    return BankIdentity(
        bank_id=str(item["bank_id"]),
        customer_id=str(item["customer_id"]),
        verified=bool(item.get("verified", False)),
        verified_at=_parse_time(item.get("verified_at")),
        updated_at=_parse_time(item["updated_at"]),
    )


def identity_item(user_id: str, identity: BankIdentity) -> dict[str, Any]:
    item: dict[str, Any] = {
        "pk": user_pk(user_id),
        "sk": identity_sk(identity.bank_id),
        "bank_id": identity.bank_id,
        "customer_id": identity.customer_id,
        "verified": identity.verified,
        "updated_at": iso(identity.updated_at),
    }
    if identity.verified_at is not None:
        item["verified_at"] = iso(identity.verified_at)
    return item


def get_identity(user_id: str, bank_id: str) -> BankIdentity | None:
    item = (
        table(settings().consents_table)
        .get_item(Key={"pk": user_pk(user_id), "sk": identity_sk(bank_id)}, ConsistentRead=True)
        .get("Item")
    )
    return _identity(item) if item else None


def list_identities(user_id: str) -> BankIdentities:
    page = table(settings().consents_table).query(
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(IDENTITY_PREFIX),
        ConsistentRead=True,
    )
    return BankIdentities(identities=[_identity(i) for i in page.get("Items", [])])


def mark_verified(user_id: str, bank_id: str, customer_id: str, now: datetime) -> bool:
    """The bank confirmed that `customer_id` is this user (a consent they approved there).

    Conditional on the identity still being that customer id, so a confirmation that arrives after
    the user changed their id never verifies the new one. True when this call verified it."""
    from botocore.exceptions import ClientError

    try:
        table(settings().consents_table).update_item(
            Key={"pk": user_pk(user_id), "sk": identity_sk(bank_id)},
            UpdateExpression="SET verified = :t, verified_at = :now",
            ConditionExpression="customer_id = :c AND (attribute_not_exists(verified) OR verified = :f)",
            ExpressionAttributeValues={":t": True, ":f": False, ":now": iso(now), ":c": customer_id},
        )
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
            return False
        raise
    return True


def ensure_payable(user_id: str, bank_id: str) -> BankIdentity:
    """The caller's identity at `bank_id`, if a payment may be made for it.

    404 `BANK_IDENTITY_MISSING` without one; 403 `BANK_IDENTITY_UNVERIFIED` at a bank whose
    automatic approval is not trusted as customer authentication, until the bank confirmed it."""
    bank = get_bank(bank_id)
    identity = get_identity(user_id, bank_id)
    if identity is None:
        raise BankIdentityMissing(bank_id)
    if not identity.verified and not bank.trusts_auto_approval:
        raise BankIdentityUnverified(bank_id)
    return identity

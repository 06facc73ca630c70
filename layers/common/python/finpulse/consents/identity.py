"""The customer id a user has at each bank (`team200-1`), set during onboarding.

Stored with the user in the consents table (`pk = USER#<sub>`, `sk = IDENTITY#<bank_id>`).
Changing it while consents for the old customer id are live is a conflict: those consents belong
to the old customer and must be revoked first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from boto3.dynamodb.conditions import Key
from pydantic import BaseModel

from finpulse.banks.registry import get_bank
from finpulse.config import settings
from finpulse.consents.records import UtcTime, iso, utcnow
from finpulse.consents.store import user_consents
from finpulse.errors import Conflict
from finpulse.storage.dynamo import table
from finpulse.storage.keys import IDENTITY_PREFIX, identity_sk, user_pk


class BankIdentity(BaseModel):
    bank_id: str
    customer_id: str
    updated_at: UtcTime


class BankIdentities(BaseModel):
    identities: list[BankIdentity]


def get_identity(user_id: str, bank_id: str) -> BankIdentity | None:
    item = (
        table(settings().consents_table)
        .get_item(Key={"pk": user_pk(user_id), "sk": identity_sk(bank_id)}, ConsistentRead=True)
        .get("Item")
    )
    return _identity(item) if item else None


def _identity(item: dict[str, Any]) -> BankIdentity:
    return BankIdentity(
        bank_id=str(item["bank_id"]),
        customer_id=str(item["customer_id"]),
        updated_at=datetime.fromisoformat(str(item["updated_at"]).replace("Z", "+00:00")),
    )


def list_identities(user_id: str) -> BankIdentities:
    page = table(settings().consents_table).query(
        KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with(IDENTITY_PREFIX),
        ConsistentRead=True,
    )
    return BankIdentities(identities=[_identity(i) for i in page.get("Items", [])])


def set_identity(user_id: str, bank_id: str, customer_id: str) -> BankIdentity:
    get_bank(bank_id)  # 404 for an unknown bank
    current = get_identity(user_id, bank_id)
    if current is not None and current.customer_id == customer_id:
        return current  # idempotent
    now = utcnow()
    if current is not None:
        live = [
            c
            for c in user_consents(user_id, bank_id)
            if c.customer_id == current.customer_id and not c.final() and not c.replaced_by
        ]
        if live:
            raise Conflict(
                "Revoke this bank's consents before changing the customer id",
                details=[{"field": "body.customer_id", "message": f"{len(live)} consent(s) still active"}],
            )
    table(settings().consents_table).put_item(
        Item={
            "pk": user_pk(user_id),
            "sk": identity_sk(bank_id),
            "bank_id": bank_id,
            "customer_id": customer_id,
            "updated_at": iso(now),
        }
    )
    return BankIdentity(bank_id=bank_id, customer_id=customer_id, updated_at=now)

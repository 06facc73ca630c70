"""Claiming, changing and removing a bank identity (`PUT`/`DELETE /api/me/banks/{bank_id}`).

The threat: a bank identity is only a customer id the user types in, and an auto-approving bank
authenticates nobody, so a user who typed someone else's id could read their accounts. Two locks:

- **One person per identity.** A claim item keyed by (bank, customer id) is written with
  `attribute_not_exists(pk) OR owner = :me`; a second user's claim is refused (409
  `BANK_IDENTITY_TAKEN`, naming no holder) and logged as a security event.
- **Verification** (`finpulse.consents.identity`): payments need the bank's confirmation where
  its automatic approval is not trusted.

Changing or removing an identity first revokes every consent at that bank and deletes the data they
brought in, then swaps the identity item and releases the old claim in one transaction.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, Field

from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.config import settings
from finpulse.consents.identity import BankIdentity, BankIdentityTaken, get_identity, identity_item
from finpulse.consents.records import iso, utcnow
from finpulse.consents.views import BankRelease
from finpulse.errors import Conflict
from finpulse.observability import logger
from finpulse.storage.dynamo import table
from finpulse.storage.keys import identity_claim_key, identity_sk, user_pk


class IdentityUpdate(BankIdentity):
    replaced: BankRelease | None = Field(
        default=None, description="What changing from the previous customer id revoked and deleted"
    )


class IdentityRemoval(BaseModel):
    bank_id: str
    removed: bool = Field(description="There was a customer id at this bank, and it is gone")
    released: BankRelease | None = Field(default=None, description="What was revoked and deleted")


def _error_code(exc: Exception) -> str | None:
    response = getattr(exc, "response", None)
    return response.get("Error", {}).get("Code") if isinstance(response, dict) else None


def _customer_ref(customer_id: str) -> str:
    """A customer id in a log line: enough to correlate two events, not the id itself."""
    return hashlib.sha256(customer_id.casefold().encode()).hexdigest()[:12]


def _claim(user_id: str, bank_id: str, customer_id: str) -> None:
    """Bind (bank, customer id) to this user, or 409 when another user holds it."""
    from botocore.exceptions import ClientError

    try:
        table(settings().consents_table).put_item(
            Item={
                **identity_claim_key(bank_id, customer_id),
                "owner": user_pk(user_id),
                "bank_id": bank_id,
                "claimed_at": iso(utcnow()),
            },
            ConditionExpression="attribute_not_exists(pk) OR #owner = :me",
            ExpressionAttributeNames={"#owner": "owner"},
            ExpressionAttributeValues={":me": user_pk(user_id)},
            ReturnValuesOnConditionCheckFailure="ALL_OLD",
        )
    except ClientError as exc:
        if _error_code(exc) != "ConditionalCheckFailedException":
            raise
        old: dict[str, Any] = dict(exc.response.get("Item") or {})  # type: ignore[call-overload]
        holder = old.get("owner", {}).get("S")
        logger.warning(
            "security event: claim on a bank identity held by another user",
            extra={
                "security_event": "BANK_IDENTITY_TAKEN",
                "bank_id": bank_id,
                "customer_ref": _customer_ref(customer_id),
                "claimant": user_id,
                "holder": str(holder).removeprefix("USER#") if holder else None,
            },
        )
        raise BankIdentityTaken(bank_id) from None


def _swap(user_id: str, new: BankIdentity | None, bank_id: str, old_customer: str | None) -> None:
    """One transaction: the identity item put (or deleted) and the old claim released."""
    name = settings().consents_table
    me = user_pk(user_id)
    items: list[Any] = []
    if new is not None:
        items.append({"Put": {"TableName": name, "Item": identity_item(user_id, new)}})
    else:
        items.append({"Delete": {"TableName": name, "Key": {"pk": me, "sk": identity_sk(bank_id)}}})
    if old_customer is not None:
        items.append(
            {
                "Delete": {
                    "TableName": name,
                    "Key": identity_claim_key(bank_id, old_customer),
                    # Identities stored before claims existed have none: nothing to release then.
                    "ConditionExpression": "attribute_not_exists(pk) OR #owner = :me",
                    "ExpressionAttributeNames": {"#owner": "owner"},
                    "ExpressionAttributeValues": {":me": me},
                }
            }
        )
    try:
        table(name).meta.client.transact_write_items(TransactItems=items)
    except Exception as exc:
        if _error_code(exc) == "TransactionCanceledException":
            raise Conflict("The identity changed meanwhile; read it again and retry") from None
        raise


def _release(user_id: str, bank_id: str, deadline: Deadline) -> BankRelease:
    # Deferred: the bank client is only needed when an identity is given up (first claims stay a
    # cold start without it).
    from finpulse.consents.revoke import revoke_bank

    return revoke_bank(user_id, bank_id, deadline)


@flushes_status_log
def set_identity(user_id: str, bank_id: str, customer_id: str, deadline: Deadline) -> IdentityUpdate:
    get_bank(bank_id)  # 404 for an unknown bank
    current = get_identity(user_id, bank_id)
    if current is not None and current.customer_id == customer_id:
        _claim(user_id, bank_id, customer_id)  # idempotent; binds identities stored before claims
        return IdentityUpdate(**current.model_dump())
    _claim(user_id, bank_id, customer_id)  # nothing is given up before the new id is ours
    released = _release(user_id, bank_id, deadline) if current is not None else None
    identity = BankIdentity(bank_id=bank_id, customer_id=customer_id, updated_at=utcnow())
    _swap(user_id, identity, bank_id, current.customer_id if current else None)
    if released is not None:
        logger.info("bank identity changed", extra={"bank_id": bank_id, **released.model_dump()})
    return IdentityUpdate(**identity.model_dump(), replaced=released)


@flushes_status_log
def remove_identity(user_id: str, bank_id: str, deadline: Deadline) -> IdentityRemoval:
    get_bank(bank_id)
    current = get_identity(user_id, bank_id)
    if current is None:
        return IdentityRemoval(bank_id=bank_id, removed=False)
    released = _release(user_id, bank_id, deadline)
    _swap(user_id, None, bank_id, current.customer_id)
    logger.info("bank identity removed", extra={"bank_id": bank_id, **released.model_dump()})
    return IdentityRemoval(bank_id=bank_id, removed=True, released=released)

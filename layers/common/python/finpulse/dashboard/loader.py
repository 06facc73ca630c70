"""Everything the engine reads for one user, loaded from the stores the sync and consents write.

One Query of the user's bank entities (accounts, balances, agreements), one Query of the
transaction partition bounded to the months the engine looks at, one Query of the user's consents
(expiries, and which banks are connected), and the shared catalogs of the connected banks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from finpulse.config import settings
from finpulse.dashboard.inputs import StoredInputs
from finpulse.domain import Account, Agreement, AgreementKind, Balance, ConsentExpiry, Transaction
from finpulse.storage.dynamo import query_items, table
from finpulse.sync import catalog, codec
from finpulse.sync.entities import ACCOUNT, AGREEMENT, BALANCE
from finpulse.sync.layout import TX_HIGH, tx_pk, tx_time, user_pk

if TYPE_CHECKING:
    from finpulse.analytics.engine import EngineInput

# Time zones are at most 14 h from UTC: a local day lies within one UTC day either side.
_ZONE_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class Entities:
    accounts: list[Account]
    balances: list[Balance]
    agreements: list[Agreement]

    @property
    def bank_ids(self) -> set[str]:
        return {a.bank_id for a in self.accounts} | {a.bank_id for a in self.agreements}

    @property
    def loan_ids(self) -> list[str]:
        return [a.agreement_id for a in self.agreements if a.kind is AgreementKind.LOAN]


def _query_all(**kwargs: Any) -> list[dict[str, Any]]:
    return list(query_items(table(settings().data_table), **kwargs))


def entities(user_id: str) -> Entities:
    from boto3.dynamodb.conditions import Key  # deferred: boto3's import is a cold-start cost

    items = _query_all(KeyConditionExpression=Key("pk").eq(user_pk(user_id)) & Key("sk").begins_with("BANK#"))
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        by_kind.setdefault(str(item.get("kind")), []).append(item)
    return Entities(
        accounts=[codec.decode(i, Account) for i in by_kind.get(ACCOUNT, [])],
        balances=[codec.decode(i, Balance) for i in by_kind.get(BALANCE, [])],
        agreements=[codec.decode(i, Agreement) for i in by_kind.get(AGREEMENT, [])],
    )


@cache
def _transactions_adapter() -> TypeAdapter[list[Transaction]]:
    return TypeAdapter(list[Transaction])


def transactions(user_id: str, start: date, end: date | None = None) -> list[Transaction]:
    """Transactions booked from `start` (local date) to `end` (inclusive; open without one), with a
    day of slack each side for the time zone; the engine and the spending report pick local days."""
    from boto3.dynamodb.conditions import Key

    low = tx_time(datetime.combine(start - _ZONE_SLACK, time.min, UTC))
    high = tx_time(datetime.combine(end + 2 * _ZONE_SLACK, time.min, UTC)) if end else TX_HIGH
    items = _query_all(
        KeyConditionExpression=Key("pk").eq(tx_pk(user_id)) & Key("sk").between(low, high),
        ProjectionExpression="#d",
        ExpressionAttributeNames={"#d": codec.BODY},
    )
    # One validation of a JSON array: several times faster than json.loads + validate per item
    # for the thousands of transactions a year of history holds.
    return _transactions_adapter().validate_json("[" + ",".join(str(i[codec.BODY]) for i in items) + "]")


def consents(user_id: str) -> tuple[set[str], list[ConsentExpiry]]:
    """Banks with a live consent, and when each live consent expires."""
    from finpulse.consents.store import user_consents  # deferred: only the compute path needs it

    now = datetime.now(UTC)
    live = [r for r in user_consents(user_id) if r.live(now)]
    expiries = [
        ConsentExpiry(bank_id=r.bank_id, kind=r.kind, expires_at=r.expires_at)
        for r in live
        if r.expires_at is not None
    ]
    return {r.bank_id for r in live}, expiries


def engine_input(user_id: str, stored: StoredInputs, today: date) -> EngineInput:
    from finpulse.analytics.engine import EngineInput
    from finpulse.analytics.prepared import history_start

    data = entities(user_id)
    connected, expiries = consents(user_id)
    banks = sorted(connected | data.bank_ids)
    return EngineInput(
        today=today,
        accounts=data.accounts,
        balances=data.balances,
        transactions=transactions(user_id, history_start(today)),
        agreements=data.agreements,
        # Refinance offers come from the catalog of every bank the user is connected to.
        products=catalog.products(banks),
        inputs=stored.inputs,
        consents=expiries,
        timezone=stored.timezone,
    )

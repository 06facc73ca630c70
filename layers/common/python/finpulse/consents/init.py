"""`POST /api/consents/init`: consents at several banks and kinds in one call.

Each bank is handled on its own thread and each (bank, kind) gets its own result: one failing bank
never fails the request. Idempotent: an approved, unexpired consent with the same options is
reused, a pending one is returned as is; only a missing, final or (when renewing) near-expiry one
leads to a new consent request at the bank.

A product consent asked for with other rights (e.g. open and close where only read was granted)
replaces the live one as a renewal does: the old one stays in use until the new one is approved,
then it is revoked at the bank (`switch_over`); an earlier request for yet other rights that is
still pending is withdrawn, so one grant of product rights per bank is ever in force.

Two concurrent calls do not both create: a short marker item is taken with a conditional write,
the loser waits for the winner's consent.
"""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from finpulse.banks.consent_status import ConsentStatus
from finpulse.banks.errors import BankError
from finpulse.banks.registry import get_bank
from finpulse.banks.retry import Deadline
from finpulse.banks.statuslog import flushes_status_log
from finpulse.banks.tuning import tuning
from finpulse.config import settings
from finpulse.consents import store
from finpulse.consents.bank_bodies import default_options, request_body
from finpulse.consents.identity import ensure_payable, get_identity
from finpulse.consents.lifecycle import client_for, note_created, poll, save_quietly, switch_over
from finpulse.consents.records import ConsentRecord, Kind, fingerprint, new_record, transition, utcnow
from finpulse.consents.requests import BankChoice, InitRequest, ProductOptions
from finpulse.consents.revoke import note_bank_answer, tell_bank
from finpulse.consents.views import ConsentView, ErrorInfo, InitResponse, InitResult
from finpulse.errors import FinPulseError
from finpulse.observability import logger
from finpulse.storage.dynamo import table

CREATE_MARKER_SECONDS = 15.0
WAIT_FOR_OTHER_SECONDS = 5.0


def _options(request: InitRequest, choice: BankChoice) -> list[tuple[Kind, dict[str, Any]]]:
    wanted: list[tuple[Kind, dict[str, Any]]] = []
    if request.include_accounts:
        wanted.append(("accounts", default_options("accounts")))
    if request.wants_products(choice):
        products = request.products or ProductOptions()
        wanted.append(("products", products.model_dump(mode="json")))
    if request.wants_payments(choice):
        limits = choice.payment_limits or request.payment_limits
        assert limits is not None  # the request model guarantees it
        wanted.append(("payments", limits.model_dump(mode="json", exclude_none=True)))
    return wanted


def _failed(bank_id: str, kind: Kind, exc: FinPulseError) -> InitResult:
    return InitResult(bank_id=bank_id, kind=kind, outcome="failed", error=ErrorInfo.of(exc))


class _BankInit:
    def __init__(self, user_id: str, bank_id: str, renew: bool, deadline: Deadline) -> None:
        self.user_id = user_id
        self.bank_id = bank_id
        self.renew = renew
        self.deadline = deadline

    def view(self, record: ConsentRecord) -> ConsentView:
        return ConsentView.of(record, utcnow(), tuning().near_expiry_days)

    def run(self, wanted: list[tuple[Kind, dict[str, Any]]]) -> list[InitResult]:
        identity = get_identity(self.user_id, self.bank_id)
        if identity is None:
            error = ErrorInfo(
                code="IDENTITY_REQUIRED",
                message="Set your customer id at this bank first (PUT /api/me/banks/{bank_id})",
            )
            return [
                InitResult(bank_id=self.bank_id, kind=k, outcome="failed", error=error) for k, _ in wanted
            ]
        results = []
        for kind, options in wanted:
            try:
                if kind == "payments":
                    # Never a payment consent for a customer id the bank has not confirmed.
                    ensure_payable(self.user_id, self.bank_id)
                results.append(self.one(kind, options, identity.customer_id))
            except FinPulseError as exc:
                extra = exc.describe() if isinstance(exc, BankError) else {"code": exc.code}
                logger.warning("consent init failed", extra={"bank_id": self.bank_id, "kind": kind, **extra})
                results.append(_failed(self.bank_id, kind, exc))
        return results

    def _existing(self, kind: Kind, fp: str, customer_id: str) -> list[ConsentRecord]:
        return [
            r
            for r in store.user_consents(self.user_id, self.bank_id)
            if r.kind == kind and r.fingerprint == fp and r.customer_id == customer_id and not r.replaced_by
        ]

    def one(self, kind: Kind, options: dict[str, Any], customer_id: str) -> InitResult:
        fp = fingerprint(kind, options)
        now = utcnow()
        same = self._existing(kind, fp, customer_id)
        pending = [r for r in same if r.status is ConsentStatus.PENDING]
        if pending:
            record = pending[-1]
            # Throttled (at most once per interval); on a bank error the stored state is still true.
            with contextlib.suppress(BankError):
                record = poll(record, self.deadline)
            outcome = "reused" if record.live(now) else "pending"
            return InitResult(bank_id=self.bank_id, kind=kind, outcome=outcome, consent=self.view(record))
        live = [r for r in same if r.live(now)]
        current = live[-1] if live else None
        renewing = current is not None and (self.renew or current.near_expiry(now, tuning().near_expiry_days))
        if current is not None and not renewing:
            return InitResult(bank_id=self.bank_id, kind=kind, outcome="reused", consent=self.view(current))
        replaces = current.local_id if renewing and current is not None else None
        if replaces is None and kind == "products":
            replaces = self._other_rights(customer_id, fp, now)
        before = {r.local_id for r in same}
        created = self._create(kind, options, customer_id, fp, replaces=replaces, before=before)
        if created is None:
            raise ConsentInProgress(self.bank_id, kind)
        if kind == "products":
            self._withdraw_other_requests(created)
        outcome = "renewal_created" if created.replaces else "created"
        if created.replaces and created.status is ConsentStatus.APPROVED:
            switch_over(created, self.deadline)  # auto-approved renewal: switch at once
        return InitResult(bank_id=self.bank_id, kind=kind, outcome=outcome, consent=self.view(created))

    def _other_rights(self, customer_id: str, fp: str, now: datetime) -> str | None:
        """The live product consent with other rights that a new request replaces once approved."""
        live = [
            r
            for r in store.user_consents(self.user_id, self.bank_id)
            if r.kind == "products" and r.customer_id == customer_id and r.fingerprint != fp and r.live(now)
        ]
        return live[-1].local_id if live else None

    def _withdraw_other_requests(self, created: ConsentRecord) -> None:
        """Pending product requests for other rights: approved later, they would take over from the
        one just asked for. Withdrawn at the bank (or on the next refresh if it cannot be told)."""
        for old in store.user_consents(self.user_id, self.bank_id):
            if (
                old.kind != "products"
                or old.local_id == created.local_id
                or old.status is not ConsentStatus.PENDING
            ):
                continue
            note_bank_answer(old, tell_bank(old, self.deadline))
            reason = "Superseded by a newer request for other product rights"
            transition(old, ConsentStatus.REVOKED, "revoked", "user", utcnow(), reason)
            save_quietly(old)

    def _create(
        self,
        kind: Kind,
        options: dict[str, Any],
        customer_id: str,
        fp: str,
        replaces: str | None,
        before: set[str],
    ) -> ConsentRecord | None:
        """Create at the bank under the create marker; `before` = the ids this call already saw."""
        if not store.try_mark_creating(self.user_id, self.bank_id, kind, fp, utcnow(), CREATE_MARKER_SECONDS):
            return self._wait_for_other(kind, fp, customer_id, before)
        try:
            # Another request may have created it between our read and our marker.
            fresh = self._created_since(kind, fp, customer_id, before)
            if fresh is not None:
                return fresh
            body, permissions = request_body(kind, options)
            client = client_for(self.bank_id)
            answer = client.create_consent(kind, customer_id, body, self.deadline)
            if answer.expires_at is None and answer.status is ConsentStatus.APPROVED:
                # Request answers often omit the expiry; the consent resource has it.
                with contextlib.suppress(BankError):
                    answer = client.get_consent(
                        kind, answer.consent_id or answer.request_id or "", customer_id, self.deadline
                    )
            record = new_record(
                user_id=self.user_id,
                bank_id=self.bank_id,
                kind=kind,
                customer_id=customer_id,
                options=options,
                permissions=permissions,
                answer=answer,
                now=utcnow(),
                replaces=replaces,
            )
            store.insert(record)
            note_created(record)
            return record
        finally:
            store.done_creating(self.user_id, self.bank_id, kind, fp)

    def _wait_for_other(
        self, kind: Kind, fp: str, customer_id: str, before: set[str]
    ) -> ConsentRecord | None:
        """Another request holds the create marker: wait for the consent it creates."""
        until = time.monotonic() + min(WAIT_FOR_OTHER_SECONDS, self.deadline.remaining())
        while time.monotonic() < until:
            time.sleep(0.1)
            fresh = self._created_since(kind, fp, customer_id, before)
            if fresh is not None:
                return fresh
        return None

    def _created_since(self, kind: Kind, fp: str, customer_id: str, before: set[str]) -> ConsentRecord | None:
        fresh = [r for r in self._existing(kind, fp, customer_id) if r.local_id not in before]
        return fresh[-1] if fresh else None


class ConsentInProgress(FinPulseError):
    status = 409
    code = "CONSENT_IN_PROGRESS"

    def __init__(self, bank_id: str, kind: str) -> None:
        super().__init__(f"A {kind} consent at {bank_id} is being created by another request; retry shortly")


@flushes_status_log
def init_consents(user_id: str, request: InitRequest, deadline: Deadline) -> InitResponse:
    choices = request.choices()
    for choice in choices:
        get_bank(choice.bank_id)  # unknown bank → 404 before any bank is called
    table(settings().consents_table)  # create the shared boto3 resource before the threads use it
    jobs = [(c.bank_id, _options(request, c)) for c in choices]

    def run(job: tuple[str, list[tuple[Kind, dict[str, Any]]]]) -> list[InitResult]:
        bank_id, wanted = job
        try:
            return _BankInit(user_id, bank_id, request.renew, deadline).run(wanted)
        except FinPulseError as exc:
            return [_failed(bank_id, kind, exc) for kind, _ in wanted]

    with ThreadPoolExecutor(max_workers=min(8, len(jobs))) as pool:
        per_bank = list(pool.map(run, jobs))
    return InitResponse(results=[r for results in per_bank for r in results])

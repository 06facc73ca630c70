"""Exactly once: concurrent retries, a key reused for another payment, an answer lost after the bank
committed, a bank that never executed, a bank that rejects after accepting, a consent stored with
other terms, a process that died after claiming the payment.

Customer team200-4 at vbank (current account) and abank (current account, deposit). Concurrency is
real: threads call the same library code the handlers run, against DynamoDB Local.
"""

from __future__ import annotations

import json
import threading
import uuid
from decimal import Decimal
from typing import Any

import pytest

from finpulse.banks.retry import Deadline
from finpulse.config import settings
from finpulse.payments import idem, service, store
from finpulse.payments.errors import PaymentInFlight
from finpulse.payments.requests import PaymentRequest
from finpulse.storage.dynamo import table
from tests.consents.support import assert_envelope
from tests.payments.support import Payer, bank_posts, wait_until

BANKS = ("vbank", "abank")
DEPOSIT = "dep-team200-4-5206"
pytestmark = pytest.mark.usefixtures("restore_bank_data")
CUSTOMER = "team200-4"


def _body(payer: Payer, amount: str, debtor_bank: str = "abank") -> dict[str, Any]:
    return {
        "debtor": {"bank_id": debtor_bank, "account_id": payer.account_id(debtor_bank, "current")},
        "target": {"bank_id": "abank", "agreement_id": DEPOSIT},
        "amount": amount,
    }


def _bank_balance(sandbox: Any, bank: str, customer: str, kind: str) -> Decimal:
    found = next(c for c in sandbox.admin(bank).customers() if c["customer_id"] == customer)
    return Decimal(str(next(a["balance"] for a in found["accounts"] if a["kind"] == kind)))


def _concurrently(count: int, call: Any) -> list[Any]:
    # The shared clients exist before the threads use them (as one Lambda process has them).
    table(settings().payments_table)
    idem._persistence()
    results: list[Any] = [None] * count
    start = threading.Barrier(count)

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = call()
        except Exception as exc:  # collected: the test asserts on every outcome
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_ten_concurrent_retries_pay_once_and_answer_the_same(
    payer: Payer, capsys: pytest.CaptureFixture[str]
) -> None:
    key = str(uuid.uuid4())
    request = PaymentRequest.model_validate(_body(payer, "111.00"))
    debtor_before = _bank_balance(payer.sandbox, "abank", "team200-4", "checking")
    answers = _concurrently(10, lambda: service.pay(payer.user.sub, "sdp", request, key, Deadline.after(25)))
    assert all(not isinstance(a, Exception) for a in answers), answers
    assert {status for status, _ in answers} == {201}
    bodies = {view.model_dump_json() for _, view in answers}
    assert len(bodies) == 1, "ten different answers"
    assert answers[0][1].status == "completed"
    assert bank_posts(payer.sandbox, *BANKS) == 1
    assert _bank_balance(payer.sandbox, "abank", "team200-4", "checking") == debtor_before - 111
    # The business metric, once: count and amount by kind and outcome (EMF lines on stdout).
    emitted = [json.loads(line) for line in capsys.readouterr().out.splitlines() if '"Payments"' in line]
    assert [(m["kind"], m["outcome"], m["Payments"]) for m in emitted] == [("sdp", "completed", [1.0])]
    # Over HTTP, the same key and body: the same payment again, nothing sent.
    again = payer.pay("sdp", _body(payer, "111.00"), key)
    assert again.status_code == 201
    assert again.get_json()["payment_id"] == answers[0][1].payment_id
    assert bank_posts(payer.sandbox, *BANKS) == 1


def test_the_same_key_for_another_payment_is_refused(payer: Payer) -> None:
    key = str(uuid.uuid4())
    first = payer.pay("sdp", _body(payer, "12.00"), key)
    assert first.status_code == 201, first.get_json()
    for kind, body in (("sdp", _body(payer, "13.00")), ("mdp", _body(payer, "12.00"))):
        r = payer.pay(kind, body, key)
        assert_envelope(r.status_code, r.get_json(), 422)
        assert r.get_json()["error"]["code"] == "IDEMPOTENCY_KEY_REUSED"
    assert payer.pay("sdp", {**_body(payer, "12"), "amount": 12}, key).status_code == 201  # 12 = 12.00
    assert bank_posts(payer.sandbox, *BANKS) == 1


def test_a_retry_while_the_first_is_in_flight_gets_409(payer: Payer, monkeypatch: pytest.MonkeyPatch) -> None:
    from finpulse.payments import tuning

    monkeypatch.setenv("PAYMENT_IN_FLIGHT_WAIT", "0.3")
    tuning.tuning.cache_clear()
    payer.sandbox.admin("abank").set_faults(latency_ms=2500, paths=["/payments"], methods=["POST"])
    key = str(uuid.uuid4())
    request = PaymentRequest.model_validate(_body(payer, "14.00"))
    first: list[Any] = []
    slow = threading.Thread(
        target=lambda: first.append(service.pay(payer.user.sub, "sdp", request, key, Deadline.after(25)))
    )
    table(settings().payments_table)
    idem._persistence()
    slow.start()
    wait_until(lambda: store.by_key(payer.user.sub, key), what="the first request to hold the key")
    with pytest.raises(PaymentInFlight) as refused:
        service.pay(payer.user.sub, "sdp", request, key, Deadline.after(25))
    assert refused.value.status == 409
    slow.join(30)
    assert first[0][1].status == "completed"
    status, view = service.pay(payer.user.sub, "sdp", request, key, Deadline.after(25))
    assert (status, view.payment_id) == (201, first[0][1].payment_id)
    assert bank_posts(payer.sandbox, *BANKS) == 1


def test_answer_lost_after_the_bank_committed_is_reconciled_as_completed(payer: Payer) -> None:
    debtor_before = _bank_balance(payer.sandbox, "vbank", "team200-4", "checking")
    deposit_before = _bank_balance(payer.sandbox, "abank", "team200-4", "deposit")
    payer.sandbox.admin("vbank").set_payment_knobs(drop_after_commit=1)
    r = payer.pay("sdp", _body(payer, "77.00", debtor_bank="vbank"))
    assert r.status_code == 201, r.get_json()
    paid = r.get_json()
    assert paid["status"] == "completed"
    assert [h["status"] for h in paid["history"]] == ["created", "submitting", "unknown", "completed"]
    assert "statement" in paid["message"]
    assert bank_posts(payer.sandbox, "vbank") == 1  # never sent again
    assert _bank_balance(payer.sandbox, "vbank", "team200-4", "checking") == debtor_before - 77
    assert _bank_balance(payer.sandbox, "abank", "team200-4", "deposit") == deposit_before + 77


def test_a_payment_the_bank_never_executed_stays_unknown_then_fails_safely(payer: Payer) -> None:
    import time

    debtor_before = _bank_balance(payer.sandbox, "abank", "team200-4", "checking")
    payer.sandbox.admin("abank").set_faults(
        error_rate=1.0, error_statuses=[503], paths=["/payments"], count=1
    )
    r = payer.pay("sdp", _body(payer, "15.00"))
    assert r.status_code == 202, r.get_json()
    unknown = r.get_json()
    assert unknown["status"] == "unknown"
    assert "never send it again" in unknown["message"]
    assert payer.payment(unknown["payment_id"])["status"] == "unknown"  # within the grace period
    time.sleep(2.2)  # PAYMENT_UNKNOWN_GRACE in these tests
    settled = payer.payment(unknown["payment_id"])
    assert settled["status"] == "failed"
    assert settled["failure"]["code"] == "NOT_EXECUTED"
    assert bank_posts(payer.sandbox, "abank") == 1
    assert payer.sandbox.admin("abank").count("DELETE /payment-consents/{consent_id}") == 1  # fenced off
    assert _bank_balance(payer.sandbox, "abank", "team200-4", "checking") == debtor_before


def test_a_bank_that_rejects_after_accepting(payer: Payer) -> None:
    before = _bank_balance(payer.sandbox, "abank", "team200-4", "checking")
    payer.sandbox.admin("abank").set_payment_knobs(reject_after_accept=True)
    r = payer.pay("sdp", _body(payer, "16.00"))
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["status"] == "pending"
    final = payer.wait_final(r.get_json()["payment_id"])
    assert final["status"] == "rejected"
    assert final["failure"]["code"] == "BANK_REJECTED"
    assert [h["status"] for h in final["history"]] == ["created", "submitting", "pending", "rejected"]
    assert _bank_balance(payer.sandbox, "abank", "team200-4", "checking") == before
    completed = payer.call("GET", "/api/payments?status=completed").get_json()["payments"]
    assert final["payment_id"] not in [p["payment_id"] for p in completed]


def test_a_consent_stored_with_other_terms_is_not_used(payer: Payer) -> None:
    payer.sandbox.admin("abank").set_payment_knobs(consent_terms={"amount": "1.00"})
    r = payer.pay("sdp", _body(payer, "17.00"))
    assert r.status_code == 201, r.get_json()
    failed = r.get_json()
    assert failed["status"] == "failed"
    assert failed["failure"]["code"] == "CONSENT_TERMS_MISMATCH"
    assert failed["consent"]["requested"]["amount"] == "17.00"
    assert failed["consent"]["bank_terms"]["amount"] == "1.00"
    assert failed["consent"]["differences"] == ["amount: asked 17.00, the bank stored 1.00"]
    assert bank_posts(payer.sandbox, "abank") == 0
    assert payer.sandbox.admin("abank").count("DELETE /payment-consents/{consent_id}") == 1


def test_a_process_that_died_after_claiming_is_reconciled_not_resent(
    payer: Payer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from finpulse.payments import execute, prepare, submit

    request = PaymentRequest.model_validate(_body(payer, "18.00"))
    prepared = prepare.prepare(payer.user.sub, "sdp", request, Deadline.after(20), stop_early=True)
    record = execute.new_record(payer.user.sub, str(uuid.uuid4()), request, prepared)
    store.insert(record, record.created_at)

    def killed(*_: Any, **__: Any) -> None:
        raise SystemExit("the Lambda was killed between claiming and sending")

    # What a Lambda killed right after its claim leaves behind: the consent approved, `submitting`.
    sends = submit.create_payment
    monkeypatch.setattr(submit, "create_payment", killed)
    with pytest.raises(SystemExit):
        submit.start(record, Deadline.after(20))
    monkeypatch.setattr(submit, "create_payment", sends)
    stuck = store.get(payer.user.sub, record.payment_id)
    assert stuck is not None
    assert stuck.status == "submitting"
    assert payer.payment(record.payment_id)["status"] == "submitting"  # it may still be in flight
    time.sleep(2.2)  # PAYMENT_UNKNOWN_GRACE in these tests
    after = payer.payment(record.payment_id)
    assert after["status"] == "failed"
    assert after["failure"]["code"] == "NOT_EXECUTED"
    assert bank_posts(payer.sandbox, *BANKS) == 0

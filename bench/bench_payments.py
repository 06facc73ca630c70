"""Payments through the local stack: quote and pay latency, and ten concurrent retries of one payment.

`make dev`'s stack over real HTTP (API emulator + JWT authorizer, awslambdaric sandboxes, DynamoDB
Local, the sandbox banks). A fresh user is customer team200-10 at vbank (auto-approving), synced
once. Every timed payment is real: an SDP of 1.00 from the current account to the deposit, under a
single-use consent made for it (consent request, consent read back, balance, `POST /payments`).

Baseline, side by side: the same bank calls one payment makes, sent straight to the bank with a
team token — what FinPulse adds on top of it is the difference.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from bench.stackbench import Api, bench_stack, metric

CUSTOMER = "team200-10"
BANK = "vbank"
WARMUP, RUNS, ROUNDS, RETRIES = 5, 30, 5, 10
TARGET_QUOTE_MS, TARGET_PAY_MS, TARGET_RETRY_MS = 150.0, 500.0, 2000.0


def _p50(samples: list[float]) -> float:
    return round(statistics.median(samples), 1)


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1)


def _body(http: httpx.Client) -> dict[str, Any]:
    accounts = http.get("/api/accounts").json()["accounts"]
    current = next(a for a in accounts if a["bank_id"] == BANK and a["kind"] == "current")
    agreements = http.get("/api/agreements").json()["agreements"]
    deposit = next(a for a in agreements if a["bank_id"] == BANK and a["kind"] == "deposit")
    return {
        "debtor": {"bank_id": BANK, "account_id": current["account_id"]},
        "target": {"bank_id": BANK, "agreement_id": deposit["agreement_id"]},
        "amount": "1.00",
    }


def _timed(call: Any) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    r = call()
    return (time.perf_counter() - started) * 1000, r


def _pay(http: httpx.Client, body: dict[str, Any], key: str | None = None) -> httpx.Response:
    return http.post("/api/payments/sdp", json=body, headers={"Idempotency-Key": key or str(uuid.uuid4())})


def _posts(sandbox: Any) -> int:
    return int(sandbox.admin(BANK).counters()["by_path"].get("POST /payments", 0))


def _concurrent_round(http: httpx.Client, sandbox: Any, body: dict[str, Any]) -> tuple[float, bool, bool]:
    """Ten clients send one payment with the same key at once: (ms until all answered, one POST at
    the bank, ten identical answers)."""
    key, before = str(uuid.uuid4()), _posts(sandbox)
    answers: list[httpx.Response | None] = [None] * RETRIES
    gate = threading.Barrier(RETRIES + 1)
    clients = [httpx.Client(base_url=http.base_url, headers=http.headers, timeout=60) for _ in range(RETRIES)]

    def send(i: int) -> None:
        gate.wait()
        answers[i] = _pay(clients[i], body, key)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(RETRIES)]
    for t in threads:
        t.start()
    gate.wait()
    started = time.perf_counter()
    for t in threads:
        t.join(60)
    elapsed = (time.perf_counter() - started) * 1000
    for c in clients:
        c.close()
    bodies = {(a.status_code, a.text) for a in answers if a is not None}
    return elapsed, _posts(sandbox) - before == 1, len(bodies) == 1 and next(iter(bodies))[0] == 201


def _bank_baseline(sandbox: Any) -> list[float]:
    """One payment's bank calls, straight to the bank: consent request, consent read back,
    balances, POST /payments (what FinPulse makes the bank do for a payment)."""
    url, token, team = sandbox.url(BANK), sandbox.token(BANK), sandbox.team
    headers = {"Authorization": f"Bearer {token}", "X-Requesting-Bank": team}
    customer = next(c for c in sandbox.admin(BANK).customers() if c["customer_id"] == CUSTOMER)
    current = next(a for a in customer["accounts"] if a["kind"] == "checking")
    deposit = next(a for a in customer["accounts"] if a["kind"] == "deposit")
    samples = []
    with httpx.Client(base_url=url, timeout=30) as bank:
        read = bank.post(
            "/account-consents/request",
            json={"client_id": CUSTOMER, "permissions": ["ReadAccountsDetail", "ReadBalances"]},
            headers=headers,
        ).json()["consent_id"]
        for _ in range(WARMUP + RUNS):
            started = time.perf_counter()
            consent = bank.post(
                "/payment-consents/request",
                json={
                    "requesting_bank": team,
                    "client_id": CUSTOMER,
                    "consent_type": "single_use",
                    "amount": "1.00",
                    "debtor_account": current["number"],
                    "creditor_account": deposit["number"],
                },
                headers=headers,
            ).json()["consent_id"]
            bank.get(f"/payment-consents/{consent}", params={"client_id": CUSTOMER}, headers=headers)
            bank.get(
                f"/accounts/{current['account_id']}/balances",
                params={"client_id": CUSTOMER},
                headers={**headers, "X-Consent-Id": read},
            )
            paid = bank.post(
                "/payments",
                params={"client_id": CUSTOMER},
                json={
                    "data": {
                        "initiation": {
                            "instructedAmount": {"amount": "1.00", "currency": "RUB"},
                            "debtorAccount": {"identification": current["number"]},
                            "creditorAccount": {"identification": deposit["number"]},
                        }
                    }
                },
                headers={**headers, "X-Payment-Consent-Id": consent},
            )
            assert paid.status_code == 201, paid.text
            samples.append((time.perf_counter() - started) * 1000)
    return samples[WARMUP:]


def run() -> dict[str, Any]:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, bench_stack(Path(tmp) / "banks") as (stack, sandbox):
        api = Api(stack)
        api.connect([BANK], CUSTOMER, sandbox)
        assert api.refresh()[1]["state"] == "succeeded"
        http = api.http
        body = _body(http)
        for _ in range(WARMUP):
            assert http.post("/api/payments/quote", json={**body, "kind": "sdp"}).status_code == 200
            assert _pay(http, body).status_code == 201
        quotes, pays = [], []
        for _ in range(RUNS):
            ms, r = _timed(lambda: http.post("/api/payments/quote", json={**body, "kind": "sdp"}))
            assert r.status_code == 200, r.text
            assert r.json()["ok"], r.text
            quotes.append(ms)
        for _ in range(RUNS):
            ms, r = _timed(lambda: _pay(http, body))
            assert r.status_code == 201, r.text
            assert r.json()["status"] == "completed", r.text
            pays.append(ms)
        rounds = [_concurrent_round(http, sandbox, body) for _ in range(ROUNDS)]
        baseline = _bank_baseline(sandbox)
    retry_ms = [ms for ms, _, _ in rounds]
    once = all(one for _, one, _ in rounds)
    same = all(identical for _, _, identical in rounds)
    bank_ms = _p50(baseline)
    metrics = [
        metric(
            f"POST /api/payments/quote, warm, p50 of {RUNS}",
            _p50(quotes),
            "ms",
            f"<= {TARGET_QUOTE_MS:.0f} ms",
            _p50(quotes) <= TARGET_QUOTE_MS,
            f"bank alone: {bank_ms} ms",
        ),
        metric("POST /api/payments/quote, p95", _p95(quotes), "ms", "", None),
        metric(
            f"POST /api/payments/sdp (paid at the bank), warm, p50 of {RUNS}",
            _p50(pays),
            "ms",
            f"<= {TARGET_PAY_MS:.0f} ms",
            _p50(pays) <= TARGET_PAY_MS,
            f"bank alone: {bank_ms} ms",
        ),
        metric("POST /api/payments/sdp, p95", _p95(pays), "ms", "", None),
        metric("the same bank calls straight to the bank (the baseline), p50", bank_ms, "ms", "", None),
        metric(
            f"{RETRIES} concurrent retries (same key): all answered, p50 of {ROUNDS} rounds",
            _p50(retry_ms),
            "ms",
            f"<= {TARGET_RETRY_MS:.0f} ms",
            _p50(retry_ms) <= TARGET_RETRY_MS,
        ),
        metric(
            f"{RETRIES} concurrent retries: POST /payments at the bank per round",
            1 if once else "more than 1",
            "",
            "exactly 1",
            once,
        ),
        metric(
            f"{RETRIES} concurrent retries: identical answers",
            RETRIES if same else "differ",
            "",
            f"{RETRIES} of {RETRIES}",
            same,
        ),
    ]
    return {
        "title": "Payments (local stack)",
        "metrics": metrics,
        "notes": (
            f"make dev's stack over HTTP; customer {CUSTOMER} at {BANK}; {WARMUP} warm-up quotes and "
            f"payments, then {RUNS} of each timed sequentially, each payment real (SDP 1.00 to the "
            f"deposit under its own single-use consent; the re-sync each completed payment starts runs "
            f"in the background meanwhile, on the same 2 cores). Concurrent retries: {RETRIES} clients "
            f"send one payment with one Idempotency-Key at once, {ROUNDS} rounds; the bank's request "
            "log counts the POST /payments. The local stack runs at most 3 sandboxes per function, so "
            "the ten queue as Lambda's concurrency would not. Most of a payment's time is the DynamoDB "
            "round trips to DynamoDB Local (idempotency record, key item, five conditional moves, "
            "identities, stored accounts, the dashboard read), not the bank. "
            f"Machine load average at the start: {load:.1f} (other sessions share the 2 cores)."
        ),
    }

"""Sandbox banks: throughput of ``GET /accounts/{id}/transactions?limit=100`` and latency-fault accuracy.

How the load is generated: the three banks run as usual (one uvicorn process each); two separate
load processes each hold one keep-alive HTTP/1.1 connection (stdlib ``http.client``) to vbank and
send the full authenticated request (bearer token, ``X-Requesting-Bank``, ``X-Consent-Id``) back to
back for a fixed time, cycling through the account's pages, checking every status and body. The
2-core machine is shared by the bank and the load processes, so the rate is a lower bound for the
bank alone. Latency accuracy: 40 sequential requests without and 40 with ``latency_ms`` set,
interleaved; the median difference minus the configured latency is the error.
"""

from __future__ import annotations

import http.client
import multiprocessing as mp
import statistics
import tempfile
import time
from typing import Any
from urllib.parse import urlsplit

import httpx

from sandbox.config import load
from sandbox.runner import start_banks

DURATION = 6.0
MAX_REQUESTS = 20000
LATENCY_MS = 50


def _load_worker(url: str, headers: dict[str, str], paths: list[str], start_at: float, q: Any) -> None:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    while time.time() < start_at:
        time.sleep(0.001)
    done, errors, t0 = 0, 0, time.perf_counter()
    while time.perf_counter() - t0 < DURATION and done < MAX_REQUESTS // 2:
        conn.request("GET", paths[done % len(paths)], headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200 or len(body) < 1000:
            errors += 1
        done += 1
    q.put((done, errors, time.perf_counter() - t0))


def _timed(conn: http.client.HTTPConnection, path: str, headers: dict[str, str]) -> float:
    t0 = time.perf_counter()
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse()
    resp.read()
    assert resp.status == 200
    return (time.perf_counter() - t0) * 1000


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        handle = start_banks(load(env={}, mode="test", base_port=0, data_dir=tmp), quiet=True)
        try:
            return _measure(handle.urls["vbank"], handle.team, handle.secret)
        finally:
            handle.stop()


def _measure(url: str, team: str, secret: str) -> dict[str, Any]:
    with httpx.Client(base_url=url, timeout=30) as c:
        token = c.post("/auth/bank-token", params={"client_id": team, "client_secret": secret}).json()[
            "access_token"
        ]
        headers = {"Authorization": f"Bearer {token}", "X-Requesting-Bank": team}
        body = {"client_id": f"{team}-1", "permissions": ["ReadAccountsDetail", "ReadTransactionsDetail"]}
        headers["X-Consent-Id"] = c.post("/account-consents/request", json=body, headers=headers).json()[
            "consent_id"
        ]
        accounts = c.get("/__admin/customers").json()["customers"][0]["accounts"]
        account = max(accounts, key=lambda a: a["transactions"])
    pages = max(1, account["transactions"] // 100)
    paths = [
        f"/accounts/{account['account_id']}/transactions?limit=100&page={p}" for p in range(1, pages + 1)
    ]

    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    start_at = time.time() + 1.5
    procs = [ctx.Process(target=_load_worker, args=(url, headers, paths, start_at, q)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [q.get(timeout=60) for _ in procs]
    for p in procs:
        p.join()
    total = sum(r[0] for r in results)
    errors = sum(r[1] for r in results)
    elapsed = max(r[2] for r in results)
    rps = total / elapsed

    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    path = paths[0]
    for _ in range(5):
        _timed(conn, path, headers)
    # Interleaved (the fault armed for exactly one request each time), so background load on the
    # machine affects both series alike.
    base, slow = [], []
    with httpx.Client(base_url=url) as admin:
        for _ in range(40):
            base.append(_timed(conn, path, headers))
            admin.put(
                "/__admin/faults", json={"latency_ms": LATENCY_MS, "count": 1, "paths": ["/accounts/*"]}
            )
            slow.append(_timed(conn, path, headers))
        admin.delete("/__admin/faults")
    error_ms = statistics.median(slow) - statistics.median(base) - LATENCY_MS
    p95 = sorted(base)[int(len(base) * 0.95) - 1]

    return {
        "title": "Sandbox banks",
        "metrics": [
            {
                "name": "GET transactions?limit=100 throughput",
                "value": round(rps),
                "unit": "req/s",
                "target": ">= 500 req/s",
                "ok": rps >= 500 and errors == 0,
            },
            {
                "name": "injected latency error (50 ms set)",
                "value": round(error_ms, 2),
                "unit": "ms",
                "target": "within ±5 ms",
                "ok": abs(error_ms) <= 5,
            },
            {
                "name": "transactions?limit=100 p95 latency, no faults",
                "value": round(p95, 2),
                "unit": "ms",
                "target": "",
                "ok": None,
            },
        ],
        "notes": (
            f"{total} requests in {elapsed:.1f} s from 2 load processes with one keep-alive connection each "
            f"(stdlib http.client, full auth headers, {len(paths)} pages of account {account['account_id']}, "
            f"{errors} errors); load shares the 2 cores with the bank. Latency: median of 40 sequential "
            f"requests with latency_ms={LATENCY_MS} minus median of 40 interleaved ones without."
        ),
    }

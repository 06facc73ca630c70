"""A full refresh through the API, the state machine and the per-bank sync, against three banks."""

from __future__ import annotations

from typing import Any

import pytest

from devstack.tokens import SignedInUser
from finpulse.data import versioning
from tests.sync.support import (
    BANKS,
    connect,
    emf_metrics,
    entity_items,
    refresh,
    tx_items,
    wait_lock_free,
)


def test_full_refresh_of_three_banks_stores_everything_and_invalidates_caches(
    live: Any, api_client: Any, make_user: Any, sandbox: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    user: SignedInUser = make_user()
    connect(api_client, user, sandbox)
    before = versioning.current_version(user.sub)
    capsys.readouterr()

    done = refresh(api_client, user)

    assert done["state"] == "succeeded", done
    assert set(done["banks"]) == set(BANKS)
    assert all(b["state"] == "ok" for b in done["banks"].values()), done["banks"]
    wait_lock_free(live, user.sub)
    customers = {b: {c["customer_id"]: c for c in sandbox.admin(b).customers()}["team200-1"] for b in BANKS}
    for bank in BANKS:
        expected = sum(a["transactions"] for a in customers[bank]["accounts"])
        assert len(tx_items(user.sub, bank)) == expected, bank
        kinds = {str(i.get("kind")) for i in entity_items(user.sub, bank)}
        assert {"ACC", "BAL"} <= kinds, (bank, kinds)
    # Derived caches are keyed on the data version: it moved past what any cache was built on.
    assert versioning.current_version(user.sub) > before
    assert done["data_version"] == versioning.current_version(user.sub)
    # Amounts are signed decimals, timestamps UTC.
    sample = tx_items(user.sub, "vbank")[0]
    assert sample["booked_at"].endswith("Z")
    # Business metrics: each bank's outcome, and what it wrote.
    metrics = emf_metrics(capsys.readouterr().out)
    outcomes = {(d["bank_id"], d["outcome"]) for name, d in metrics if name == "BankSync"}
    assert outcomes == {(b, "ok") for b in BANKS}
    written = sum(sum(d["TransactionsWritten"]) for name, d in metrics if name == "TransactionsWritten")
    assert written == done["totals"]["transactions_written"] > 0


def test_include_dashboard_leaves_a_dashboard_cached_for_the_new_data_version(
    live: Any, api_client: Any, make_user: Any, sandbox: Any
) -> None:
    user: SignedInUser = make_user()
    connect(api_client, user, sandbox, customer="team200-8", banks=["vbank", "abank"])

    done = refresh(api_client, user, include_dashboard=True)

    assert done["state"] == "succeeded", done
    wait_lock_free(live, user.sub)
    from finpulse.data import dashboard_cache as cache

    snapshot = cache.read(user.sub, ["vbank", "abank"])
    assert snapshot.cached is not None
    assert snapshot.cached.version == done["data_version"] == versioning.current_version(user.sub)
    assert api_client.get("/api/dashboard", headers=user.auth_header).status_code == 200


def test_a_running_bank_reports_its_counts_so_far_for_the_progress_view(
    live: Any, api_client: Any, make_user: Any, sandbox: Any, monkeypatch: Any
) -> None:
    from finpulse.data import sync_records as records
    from finpulse.sync.pipeline import bank_sync

    user: SignedInUser = make_user()
    connect(api_client, user, sandbox, banks=["vbank"], products=False)
    reported: list[dict[str, int]] = []
    original = records.set_bank

    def spy(user_id: str, sync_id: str, progress: Any) -> None:
        if progress.state == "running" and progress.counts:
            reported.append(dict(progress.counts))
        original(user_id, sync_id, progress)

    monkeypatch.setattr(bank_sync, "PROGRESS_EVERY", 0.0)
    monkeypatch.setattr(records, "set_bank", spy)
    done = refresh(api_client, user)

    assert done["banks"]["vbank"]["state"] == "ok"
    assert reported, "no running progress was written"
    fetched = [r["transactions_fetched"] for r in reported]
    assert fetched == sorted(fetched)  # counts only grow while the bank syncs
    assert reported[-1]["accounts"] >= 1
    assert reported[-1]["transactions_fetched"] <= done["banks"]["vbank"]["counts"]["transactions_fetched"]

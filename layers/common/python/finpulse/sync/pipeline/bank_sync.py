"""Sync one bank of one user: accounts, both balances, every transaction page, agreements with
their details, the catalog and cards — concurrently under the bank's cap — then store the changes.

Every bank request goes through one thread pool sized by the bank's `concurrency` (default 8):
balances, the first transaction page of every account, agreements, cards and the catalog start
together, and further pages join as soon as the first page says how many there are. Results are
normalised and applied on this thread as they arrive, so memory holds a few pages at a time, not
the history. Writes leave in concurrent batches meanwhile.

Failure rules: a failed call never deletes or overwrites stored data; it marks its type stale.
A consent problem (revoked, expired, missing) stops the bank's remaining calls at once. An account
whose pages did not all arrive keeps its old watermark, so the next sync fetches the gap.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from finpulse import clock
from finpulse.banks.client import BankClient
from finpulse.banks.errors import BankError, ConsentProblem, InsufficientPermissions
from finpulse.banks.models import AccountItem
from finpulse.banks.registry import BankConfig
from finpulse.banks.retry import Deadline
from finpulse.data import catalog, freshness, versioning
from finpulse.data import cursors as cursors
from finpulse.data import snapshot as snapshots
from finpulse.data.batch import data_writer
from finpulse.data.entities import ACCOUNT, BALANCE, EntityWriter
from finpulse.data.freshness import TypeState
from finpulse.data.transactions import TxApplier, TxCounts, load_windows
from finpulse.data.txbuckets import AccountBuckets
from finpulse.gcpause import collector_paused
from finpulse.observability import business_metric, logger
from finpulse.sync.pipeline import bankcalls, normalise
from finpulse.sync.pipeline.account_tx import AccountTx
from finpulse.sync.pipeline.bank_types import BankTypes, Handler
from finpulse.sync.pipeline.connection import BankConnection, record_consent_problem
from finpulse.sync.pipeline.pager import Pager
from finpulse.sync.pipeline.result import BankSyncResult, Outcome


@dataclass(frozen=True)
class SyncOptions:
    sync_id: str
    force: bool = False
    overlap: timedelta = cursors.DEFAULT_OVERLAP
    catalog_max_age: timedelta = catalog.DEFAULT_MAX_AGE


# A running bank sync writes its counts so far to the sync record at most this often (seconds).
PROGRESS_EVERY = 1.5


class BankSync(BankTypes):
    def __init__(
        self,
        user_id: str,
        bank: BankConfig,
        connection: BankConnection,
        options: SyncOptions,
        deadline: Deadline,
        client: BankClient | None = None,
        progress: Callable[[dict[str, int]], None] | None = None,
    ) -> None:
        self.user_id = user_id
        self.progress = progress
        self._progress_at = 0.0
        self.bank = bank
        self.conn = connection
        self.options = options
        self.deadline = deadline
        self.client = client or BankClient(bank)
        self.types: dict[str, TypeState] = {}
        self.errors: list[BankError] = []
        self.consent_error: BankError | None = None
        self._futures: dict[Future[Any], tuple[Handler, Callable[[BankError], None]]] = {}
        # Finished calls, in the order they finished: a first sync has ~200 pages queued at once,
        # and `concurrent.futures.wait` walks every pending one (locking each) per answer.
        self._done: queue.SimpleQueue[Future[Any]] = queue.SimpleQueue()
        self._pool: ThreadPoolExecutor | None = None

    # --- the run ----------------------------------------------------------------------------
    def run(self) -> BankSyncResult:
        started = clock.now()
        self._t0 = time.monotonic()
        self.fetch_ms = 0
        snapshot = snapshots.load(self.user_id, self.bank.bank_id)
        writer = data_writer()
        self.entities = EntityWriter(self.user_id, self.bank.bank_id, snapshot, writer)
        self.snapshot, self.writer = snapshot, writer
        self.accounts_tx: dict[str, AccountTx] = {}
        self.products_written = 0
        try:
            try:
                accounts = self.client.list_accounts(
                    self.conn.customer_id, self.conn.account_consent_id, self.deadline
                )
            except BankError as exc:
                self._failed(exc)
                self.types["accounts"] = "stale"
                return self._finish(started, complete=False)
            self._store_accounts(accounts)
            self._pool = ThreadPoolExecutor(max_workers=self.bank.concurrency, thread_name_prefix="bank")
            with collector_paused():  # every page parsed, normalised, applied; the parts packed
                self._start(accounts)
                self._drain()
                # How long the bank took (the last answer's arrival) vs. storing what remained.
                self.fetch_ms = int((time.monotonic() - self._t0) * 1000)
                return self._finish(started, complete=True)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
            writer.close()

    def _store_accounts(self, accounts: list[AccountItem]) -> None:
        for item in accounts:
            self.entities.put(ACCOUNT, (item.account_id,), normalise.account(self.bank.bank_id, item))
        self.entities.remove_unseen(ACCOUNT)
        self.types["accounts"] = "ok"
        self.account_numbers = {
            str(n.get("identification")): item.account_id
            for item in accounts
            for n in ((item.model_extra or {}).get("account") or [])
            if isinstance(n, dict) and n.get("identification")
        }

    def _start(self, accounts: list[AccountItem]) -> None:
        ids = [a.account_id for a in accounts]
        windows = {
            a: self.snapshot.cursors.get(a, cursors.AccountCursor(a)).window_start(self.options.overlap)
            for a in ids
        }
        stored = self._stored_window(ids, windows)
        self.balances_ok: set[str] = set()
        for account_id in ids:
            self._submit(
                self.client.balances,
                (account_id, self.conn.customer_id, self.conn.account_consent_id, self.deadline),
                self._on_balances(account_id),
                self._type_failed("balances"),
            )
        for account_id in ids:
            self._start_account(account_id, windows[account_id], stored.get(account_id) or AccountBuckets())
        self._start_agreements()
        if self.conn.can_read_cards:
            self._submit(
                bankcalls.cards,
                (self.client, self.conn.customer_id, self.conn.account_consent_id, self.deadline),
                self._on_cards,
                self._cards_failed,
            )
        else:
            self.types["cards"] = "not_permitted"
        if catalog.is_due(self.bank.bank_id, force=self.options.force, max_age=self.options.catalog_max_age):
            self._submit(
                bankcalls.products,
                (self.client, self.deadline),
                self._on_products,
                self._type_failed("products"),
            )

    def _stored_window(self, ids: list[str], windows: dict[str, Any]) -> dict[str, AccountBuckets]:
        # Accounts never stored need no comparison; others need their window (or all, when an
        # earlier sync stopped before setting a watermark).
        known = {a: windows[a] for a in ids if a in self.snapshot.cursors}
        return load_windows(self.user_id, self.bank.bank_id, known) if known else {}

    # --- transactions -----------------------------------------------------------------------
    def _start_account(self, account_id: str, since: Any, stored: AccountBuckets) -> None:
        cursor = self.snapshot.cursors.get(account_id) or cursors.AccountCursor(account_id)
        applier = TxApplier(
            user_id=self.user_id,
            bank_id=self.bank.bank_id,
            account_id=account_id,
            cursor=cursor,
            stored=stored,
            sync_id=self.options.sync_id,
            since=since,
        )
        state = AccountTx(account_id, since, Pager(since=since, limit=self.bank.page_limit), applier)
        self.accounts_tx[account_id] = state
        if not cursor.exists:
            # Before any of its transactions is written: "something may be stored" from now on.
            cursors.put(self.user_id, self.bank.bank_id, cursors.AccountCursor(account_id, exists=True))
        self._request_page(state, 1)

    def _request_page(self, state: AccountTx, page: int) -> None:
        state.in_flight += 1

        def arrived(answer: Any) -> None:
            state.in_flight -= 1
            items, meta = answer
            for nxt in state.on_page(self.bank.bank_id, page, items, meta):
                if self.consent_error is None:
                    self._request_page(state, nxt)

        def failed(exc: BankError) -> None:
            state.in_flight -= 1
            state.failed = True
            self._failed(exc)

        self._submit(
            self.client.transactions_page,
            (state.account_id, self.conn.customer_id, self.conn.account_consent_id, self.deadline),
            arrived,
            failed,
            page=page,
            limit=self.bank.page_limit,
            since=state.since,
        )

    # --- plumbing ---------------------------------------------------------------------------
    def _failed(self, exc: BankError) -> None:
        """Consent trouble on the account consent stops the bank; anything else is recorded."""
        if (
            isinstance(exc, ConsentProblem)
            and self.consent_error is None
            and not isinstance(exc, InsufficientPermissions)
        ):
            self.consent_error = exc
            for future in self._futures:
                future.cancel()
        self.errors.append(exc)

    def _submit(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        ok: Handler,
        failed: Callable[[BankError], None],
        **kw: Any,
    ) -> None:
        assert self._pool is not None
        future = self._pool.submit(fn, *args, **kw)
        self._futures[future] = (ok, failed)
        future.add_done_callback(self._done.put)

    def _drain(self) -> None:
        """Run result handlers on this thread as answers arrive, until nothing is in flight."""
        while self._futures:
            future = self._done.get()
            ok, failed = self._futures.pop(future)
            if future.cancelled():
                failed(
                    self.consent_error or BankError("cancelled", bank_id=self.bank.bank_id, operation="sync")
                )
            elif (exc := future.exception()) is None:
                ok(future.result())
            elif isinstance(exc, BankError):
                failed(exc)
            else:
                raise exc
            self._report_progress()

    def _report_progress(self) -> None:
        """Counts so far, for the UI's progress view; at most every PROGRESS_EVERY seconds."""
        now = time.monotonic()
        if self.progress is None or now - self._progress_at < PROGRESS_EVERY:
            return
        self._progress_at = now
        states = self.accounts_tx.values()
        self.progress(
            {
                "accounts": len(self.accounts_tx),
                "pages": sum(s.pages for s in states),
                "transactions_fetched": sum(s.applier.counts.fetched for s in states),
            }
        )

    # --- the end ----------------------------------------------------------------------------
    def _finish(self, started: Any, *, complete: bool) -> BankSyncResult:
        tx = TxCounts()
        pages = invalid = 0
        finished_cursors = []
        all_complete = complete and self.consent_error is None
        for state in self.accounts_tx.values():
            finished_cursors.append(state.finish())
            state.applier.write(self.writer)
            all_complete = all_complete and not state.failed and state.pager.complete
            pages += state.pages
            invalid += state.invalid
            for key, value in state.applier.counts.as_dict().items():
                setattr(tx, key, getattr(tx, key) + value)
        if complete:
            self.types["transactions"] = "ok" if all_complete else "stale"
            balances_done = self.balances_ok == set(self.accounts_tx)
            self.types["balances"] = "ok" if balances_done else "stale"
            self.entities.remove_unseen(
                BALANCE, within={self.entities.prefix(BALANCE, a) for a in self.balances_ok}
            )
        flush_started = time.monotonic()
        self.writer.flush()  # the data first: a cursor never runs ahead of what is stored
        for cursor in finished_cursors:
            self.writer.put(cursors.to_item(self.user_id, self.bank.bank_id, cursor))
        self.writer.flush()
        counts = {
            "accounts": len(self.accounts_tx),
            "pages": pages,
            "transactions_fetched": tx.fetched,
            "transactions_written": tx.written,
            "transactions_replaced": tx.replaced,
            "transactions_deleted": tx.deleted,
            "transactions_unchanged": tx.unchanged,
            "transactions_invalid": invalid,
            "transaction_items_written": tx.items_written,
            "transaction_items_deleted": tx.items_deleted,
            "transaction_write_units": tx.write_units,
            "entities_written": self.entities.written,
            "entities_deleted": self.entities.deleted,
            "products_written": self.products_written,
            "fetch_ms": self.fetch_ms,
            "flush_ms": int((time.monotonic() - flush_started) * 1000),
        }
        return self._result(started, counts)

    def _result(self, started: Any, counts: dict[str, int]) -> BankSyncResult:
        error = self.consent_error or (self.errors[0] if self.errors else None)
        failed = self.consent_error is not None or self.types.get("accounts") != "ok"
        stale = any(v == "stale" for v in self.types.values())
        outcome: Outcome = "failed" if failed else ("partial" if stale or error else "ok")
        result = BankSyncResult(
            bank_id=self.bank.bank_id,
            outcome=outcome,
            started_at=started,
            finished_at=clock.now(),
            types=dict(self.types),
            counts=counts,
            error_code=error.code if error else None,
            error_message=error.message if error else None,
            retryable=failed and self.consent_error is None,
        )
        freshness.record(
            self.user_id,
            self.bank.bank_id,
            result.types,
            error=(result.error_code, result.error_message or "")
            if result.error_code and outcome != "ok"
            else None,
        )
        record_consent_problem(self.user_id, self.bank.bank_id, list(self.errors), self.deadline)
        if result.wrote:
            versioning.bump(self.user_id, f"sync:{self.bank.bank_id}")
        bank = self.bank.bank_id
        business_metric("BankSync", bank_id=bank, outcome=outcome)
        business_metric("TransactionsWritten", result.counts.get("transactions_written", 0), bank_id=bank)
        business_metric(
            "TransactionItemsWritten", result.counts.get("transaction_items_written", 0), bank_id=bank
        )
        log = logger.warning if outcome != "ok" else logger.info
        log(
            "bank synced",
            extra={
                "bank_id": self.bank.bank_id,
                "outcome": outcome,
                "error_code": result.error_code,
                **counts,
            },
        )
        return result

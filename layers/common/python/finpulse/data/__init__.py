"""The DataTable's one home: the only code that knows its keys, item shapes, codec and queries.

Everything above it (the sync, the dashboard, the endpoints, consent clean-up) reads and writes
the user's bank data through these modules; none of them builds a key or calls the table.

    keys             every key of the table
    codec            domain object ↔ item body (compact JSON + content hash)
    table            the table handle, paginated Query, BatchGetItem
    batch            BatchWriter: 25 per call, concurrent, unprocessed items resent
    entities         accounts, balances, agreements, cards — written when changed, read by kind
    snapshot         hashes and cursors of one bank, read before a sync compares against them
    cursors          per-account incremental state (watermark, pending holds)
    transactions     stored transactions: the sync's window, applying pages, date-range reads
    txquery          newest-first cursor pages of a user's transactions
    freshness        per-bank sync state (stale, last success, error)
    versioning       the user's data version: bumped by every write, read by derived caches
    catalog          the banks' public product catalogs
    sync_records     full-refresh records (what the UI polls), the fenced final write
    inputs           the user's financial inputs
    dashboard_cache  the cached dashboard and the one read that validates it
    cleanup          deleting what a revoked consent brought in

The item design is in docs/ARCHITECTURE.md ("DataTable").
"""

"""The sync pipeline: per-bank sync, incremental transaction storage, the user lock, full refresh.

Item layout of the data table and the lock are documented in docs/ARCHITECTURE.md ("Sync").
Modules are small and single-purpose; handlers import only what they need (cold start).
"""

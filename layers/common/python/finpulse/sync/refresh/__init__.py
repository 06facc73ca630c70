"""The full refresh: per-user lock, start, the state machine's Task steps, scheduled fan-out."""

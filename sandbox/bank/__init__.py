"""One sandbox bank: an ASGI app over in-memory state backed by SQLite."""

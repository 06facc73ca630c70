"""FinPulse's local stack: the SAM app on one machine without Docker and without AWS.

See docs/ARCHITECTURE.md ("Local stack") and ../shared/design/LOCAL-RUNTIME.md for why each part is
what it is.
"""

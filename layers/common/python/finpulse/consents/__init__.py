"""The consent lifecycle: per-user bank identities, consents per bank and kind, their status.

See docs/ARCHITECTURE.md ("Consent lifecycle") for the state diagram and the item shapes.
"""

"""FinPulse domain library, shipped to every function as the shared Lambda layer."""

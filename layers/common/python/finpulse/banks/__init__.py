"""Everything about the banks FinPulse talks to: the registry, and (later) the client."""

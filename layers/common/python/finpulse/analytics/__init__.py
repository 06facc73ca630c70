"""The analytics engine: normalised domain data in, a typed dashboard out.

Pure code: no I/O, no AWS, no clock reads. All money is `Decimal`; figures are rounded to kopecks
only in the output model. `docs/ANALYTICS.md` defines every figure; the engine follows it.

The names below are loaded on first use: a handler that only needs the result models or the
constants (every cached dashboard read) must not pay for importing the whole engine at cold start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from finpulse.analytics.engine import EngineInput, compute_dashboard
    from finpulse.analytics.results import Dashboard, SpendingReport
    from finpulse.analytics.spending import spending_report

__all__ = ["Dashboard", "EngineInput", "SpendingReport", "compute_dashboard", "spending_report"]

_HOME = {
    "EngineInput": "engine",
    "compute_dashboard": "engine",
    "Dashboard": "results",
    "SpendingReport": "results",
    "spending_report": "spending",
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value

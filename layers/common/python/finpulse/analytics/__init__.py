"""The analytics engine: normalised domain data in, a typed dashboard out.

Pure code: no I/O, no AWS, no clock reads. All money is `Decimal`; figures are rounded to kopecks
only in the output model. `docs/ANALYTICS.md` defines every figure; the engine follows it.
"""

from finpulse.analytics.engine import EngineInput, compute_dashboard
from finpulse.analytics.results import Dashboard, SpendingReport
from finpulse.analytics.spending import spending_report

__all__ = ["Dashboard", "EngineInput", "SpendingReport", "compute_dashboard", "spending_report"]

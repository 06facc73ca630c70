"""One Logger and one Metrics per process, configured from the Powertools env vars.

No X-Ray SDK: importing it builds botocore sampling clients, measured at 150-270 ms per cold
start on every function (bench/results/cold_start.json). Lambda's active tracing (template
`Tracing: Active`) still records every invocation and its init phase without it; every bank call
is timed by the bank status log (finpulse.banks.statuslog).
"""

from __future__ import annotations

import warnings
from functools import cache
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger

if TYPE_CHECKING:
    from aws_lambda_powertools import Metrics

logger = Logger()

# Metrics flushes the cold-start metric on every handler; an invocation that adds no metric of
# its own is normal here, not a mistake worth a warning in every log stream.
warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)


@cache
def metrics() -> Metrics:
    from aws_lambda_powertools import Metrics

    return Metrics()


def business_metric(name: str, value: float = 1, **dimensions: str) -> None:
    """Publish one business metric now (an EMF line in the log, which CloudWatch turns into a
    metric), with its own dimensions: the sync's outcome per bank, transactions written,
    dashboard cache hits and misses. Never raises — a metric must not fail the work it counts."""
    from aws_lambda_powertools.metrics import MetricUnit, single_metric

    try:
        with single_metric(
            name=name, unit=MetricUnit.Count, value=value, default_dimensions=dimensions or None
        ):
            pass
    except Exception:  # e.g. no POWERTOOLS_METRICS_NAMESPACE outside Lambda
        logger.debug("metric not published", extra={"metric": name}, exc_info=True)

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

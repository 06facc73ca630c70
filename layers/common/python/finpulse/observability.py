"""One Logger and one Metrics per process, configured from the Powertools env vars.

No X-Ray SDK: importing it builds botocore sampling clients, measured at 150-270 ms per cold
start on every function (bench/results/cold_start.json). Lambda's active tracing (template
`Tracing: Active`) still records every invocation and its init phase without it; bank calls are
timed by the bank status log and Metrics instead.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger

if TYPE_CHECKING:
    from aws_lambda_powertools import Metrics

logger = Logger()


@cache
def metrics() -> Metrics:
    from aws_lambda_powertools import Metrics

    return Metrics()

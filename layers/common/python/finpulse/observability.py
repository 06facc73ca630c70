"""One Logger, Tracer and Metrics per process, configured from the Powertools env vars.

Created lazily so that modules importing this one (and unit tests) do not pay for X-Ray's import
until a handler actually runs.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from aws_lambda_powertools import Logger

if TYPE_CHECKING:
    from aws_lambda_powertools import Metrics, Tracer

logger = Logger()


@cache
def tracer() -> Tracer:
    from aws_lambda_powertools import Tracer

    return Tracer()


@cache
def metrics() -> Metrics:
    from aws_lambda_powertools import Metrics

    return Metrics()

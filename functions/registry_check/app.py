"""Custom::BankRegistryCheck — refuses a deployment whose BankRegistry is invalid or unsafe for it."""

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from finpulse.banks.registry_check import handle
from finpulse.observability import logger


@logger.inject_lambda_context(clear_state=True)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> None:
    status = handle(event)
    logger.info("bank registry checked", extra={"request_type": event.get("RequestType"), "status": status})

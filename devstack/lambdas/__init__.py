"""Running the template's Lambda functions locally: in-process (tests) or in awslambdaric sandboxes."""

from devstack.lambdas.base import InvokeResult, LambdaRunner, error_payload

__all__ = ["InvokeResult", "LambdaRunner", "error_payload"]

"""The HTTP side of every function: one resolver shape, one error envelope, one handler wrapper.

A function's `app.py` is three steps: `app = create_app()`, routes that call the domain library,
`lambda_handler = lambda_entry(app)`.
"""

from finpulse.api.app import create_app, lambda_entry
from finpulse.api.identity import Caller, current_caller

__all__ = ["Caller", "create_app", "current_caller", "lambda_entry"]

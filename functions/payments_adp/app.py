"""POST /api/payments/adp — the ADP payment, exactly once (finpulse.payments.http)."""

from finpulse.api import create_app, lambda_entry
from finpulse.payments.http import register_pay_route

app = create_app()
register_pay_route(app, "adp")

lambda_handler = lambda_entry(app)

"""POST /api/payments/mdp — the MDP payment, exactly once (finpulse.payments.http)."""

from finpulse.api import create_app, lambda_entry
from finpulse.payments.http import register_pay_route

app = create_app()
register_pay_route(app, "mdp")

lambda_handler = lambda_entry(app)

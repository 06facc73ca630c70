"""Recommendations: repayment plans, refinance offers and the savings plan."""

"""Deterministic seed data: customers, accounts, 12 months of transactions, products, cards."""

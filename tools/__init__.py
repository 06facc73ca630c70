"""Operator tools that run against a real AWS account (deploy helpers)."""

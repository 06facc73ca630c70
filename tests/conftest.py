"""Shared pytest fixtures. Fixture plugins live next to the code they start."""

pytest_plugins = ["sandbox.pytest_plugin", "devstack.pytest_plugin"]

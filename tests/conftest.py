"""Shared pytest fixtures, and the split of the suite by cost.

Fixture plugins live next to the code they start. A test is marked `integration` when it uses a
fixture that starts or reaches something real — emulated AWS (DynamoDB Local, moto), the sandbox
banks, the whole local stack, `sam build` (PyPI) — and `browser` when it drives Chromium; the
marks follow from the fixtures (their whole closure), so nobody has to remember them. `make unit`
runs the rest: pure tests, in well under a minute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from devstack.inprocess_stack import InProcessStack
from devstack.tokens import SignedInUser, new_user
from tests.consents.support import release_bank_identities

pytest_plugins = ["sandbox.pytest_plugin", "devstack.pytest_plugin"]

INTEGRATION_FIXTURES = frozenset(
    {"aws_stack", "dynamodb_local", "dev_stack", "start_stack", "sandbox_banks", "devstack_banks", "sam_cli"}
)
BROWSER_FIXTURES = frozenset({"chromium"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (INTEGRATION_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def make_user(aws_stack: InProcessStack) -> Iterator[Callable[..., SignedInUser]]:
    """A fresh signed-in user per call; the bank identities they claimed are freed afterwards."""
    made: list[SignedInUser] = []

    def make(email: str | None = None) -> SignedInUser:
        user = new_user(aws_stack.clients, aws_stack.resources, email)
        made.append(user)
        return user

    yield make
    release_bank_identities(aws_stack, [u.sub for u in made])

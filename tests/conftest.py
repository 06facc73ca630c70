"""Shared pytest fixtures. Fixture plugins live next to the code they start."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from devstack.inprocess_stack import InProcessStack
from devstack.tokens import SignedInUser, new_user
from tests.consents.support import release_bank_identities

pytest_plugins = ["sandbox.pytest_plugin", "devstack.pytest_plugin"]


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

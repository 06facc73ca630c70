"""Every figure listed for a golden profile equals the value derived by hand, to the kopeck."""

from __future__ import annotations

from typing import Any

import pytest

from finpulse.analytics import compute_dashboard
from tests.analytics.profiles import ALL, Profile


def pluck(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj


@pytest.mark.parametrize("make", ALL, ids=lambda f: f.__name__)
def test_profile_figures(make: Any) -> None:
    profile: Profile = make()
    dashboard = compute_dashboard(profile.data)
    mismatches = {
        path: (pluck(dashboard, path), want)
        for path, want in profile.expected.items()
        if pluck(dashboard, path) != want
    }
    assert not mismatches, mismatches

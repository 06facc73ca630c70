"""The bank registry is configuration: validated, and never leaks URLs to users."""

from __future__ import annotations

import json

import pytest

from finpulse.banks import registry
from finpulse.config import settings
from finpulse.errors import NotFound

BANKS = [
    {"bank_id": "vbank", "name": "VBank", "base_url": "http://127.0.0.1:8101", "approval": "auto"},
    {"bank_id": "newbank", "name": "NewBank", "base_url": "https://new.example", "token_mode": "opaque"},
]


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANKS", json.dumps(BANKS))
    settings.cache_clear()
    yield
    settings.cache_clear()


@pytest.mark.usefixtures("configured")
def test_adding_a_bank_is_configuration_only() -> None:
    ids = [b.bank_id for b in registry.all_banks()]
    assert ids == ["vbank", "newbank"]
    new = registry.get_bank("newbank")
    assert new.token_mode == "opaque"
    assert new.approval == "auto"
    assert new.url("/accounts") == "https://new.example/accounts"


@pytest.mark.usefixtures("configured")
def test_unknown_bank_is_not_found() -> None:
    with pytest.raises(NotFound):
        registry.get_bank("nobank")


@pytest.mark.usefixtures("configured")
def test_public_view_has_no_url_or_token_settings() -> None:
    dumped = registry.public_view(registry.get_bank("vbank")).model_dump()
    assert set(dumped) == {"bank_id", "name", "approval"}


@pytest.mark.parametrize(
    "bad",
    [
        [{"bank_id": "Bad Id", "name": "x", "base_url": "https://x"}],
        [{"bank_id": "ok", "name": "x", "base_url": "not a url"}],
        [{"bank_id": "ok", "name": "x", "base_url": "https://x", "token_mode": "none"}],
        [{"bank_id": "ok", "name": "x", "base_url": "https://x"}] * 2,
    ],
)
def test_invalid_registries_are_rejected(bad: list[dict[str, str]]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - pydantic's ValidationError is a ValueError
        registry._load(json.dumps(bad))

"""The sandbox banks for `make dev` and the browser tests, through the sandbox package's starter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devstack.localenv import DEFAULT_BANK_PORTS, LocalBanks

REGISTRY_PARAMETER = "BankRegistry"


def local_banks_for(config: Any, urls: dict[str, str] | None = None) -> LocalBanks:
    """The registry fields that differ locally, from a `sandbox.config.SandboxConfig`.

    Sandbox banks sign team tokens RS256 with a JWKS (`jwks`) or HS256 with a key FinPulse cannot
    have (`opaque`); `iss` is the bank's base URL and `aud` its id.
    """
    overrides = {}
    for bank in config.banks:
        url = (urls or {}).get(bank.id) or config.base_url(bank)
        overrides[bank.id] = {
            "base_url": url,
            "approval": bank.approval,
            "token_mode": "jwks" if bank.token_mode == "rs256" else "opaque",  # noqa: S105 - modes
            "token_issuer": url,
            "token_audience": bank.id,
        }
    return LocalBanks(overrides=overrides, team_id=config.team, team_secret=config.secret)


def external_banks(parameter_overrides: dict[str, Any], base_port: int) -> LocalBanks:
    """Banks the stack does not start (`--no-banks`). An operator's `BankRegistry` is used exactly
    as given — its base URLs are where they want the app to go; without one, the template's banks
    are expected on the local sandbox ports (`make sandbox` running on `--bank-port`)."""
    if REGISTRY_PARAMETER in parameter_overrides:
        return LocalBanks()
    if not base_port:
        return LocalBanks.on_ports()
    return LocalBanks.on_ports({bank: base_port + i for i, bank in enumerate(DEFAULT_BANK_PORTS)})


@dataclass
class RunningBanks:
    handle: Any
    local: LocalBanks

    def stop(self) -> None:
        self.handle.stop()


def sandbox_config(base_port: int, data_dir: Path | None = None, mode: str = "dev") -> Any:
    """The sandbox configuration (SANDBOX_* env honoured, as `make sandbox` does)."""
    from sandbox.config import load

    overrides: dict[str, Any] = {"base_port": base_port, "mode": mode}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    return load(**overrides)


def start_sandbox_banks(config: Any) -> RunningBanks:
    from sandbox.runner import start_banks

    handle = start_banks(config, quiet=True)
    return RunningBanks(handle=handle, local=local_banks_for(handle.config, handle.urls))

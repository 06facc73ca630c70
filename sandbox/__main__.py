"""``python -m sandbox serve|reset`` — run the sandbox banks in the foreground, or restore the seed.

Flags override the ``SANDBOX_*`` environment (see :mod:`sandbox.config`)::

    python -m sandbox serve                       # vbank :8101, abank :8102, sbank :8103, dev mode
    python -m sandbox serve --mode prod --base-port 9100 --banks vbank,sbank
    python -m sandbox reset                       # delete the data; next start re-seeds
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import time
from typing import Any

from sandbox.config import load, parse_pairs
from sandbox.runner import start_banks


def _args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description="FinPulse sandbox banks")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("serve", "reset"):
        p = sub.add_parser(name)
        p.add_argument("--banks", help="comma-separated bank ids (default vbank,abank,sbank)")
        p.add_argument("--host", help="loopback address (default 127.0.0.1)")
        p.add_argument("--base-port", type=int, help="first port (default 8101; 0 = free ports)")
        p.add_argument("--team", help="team id (default team200)")
        p.add_argument("--secret", help="team secret (default team200-secret)")
        p.add_argument(
            "--mode", choices=("dev", "test", "prod"), help="dev/test expose /__admin (default dev)"
        )
        p.add_argument("--seed", help="data seed (default finpulse)")
        p.add_argument("--today", help="reference date YYYY-MM-DD of the data (default: date of seeding)")
        p.add_argument("--data-dir", help="where the SQLite files live (default .sandbox-data)")
        p.add_argument("--customers", type=int, help="customers per bank (default 10)")
        p.add_argument("--approval", help="per bank, e.g. vbank=manual,sbank=auto (default sbank=manual)")
        p.add_argument("--token-mode", help="per bank, e.g. abank=hs256 (default rs256 everywhere)")
        p.add_argument(
            "--limit-cap", help="per bank page-size cap, e.g. sbank=100 (default sbank=100, others 500)"
        )
    return parser.parse_args(argv)


def _overrides(ns: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {
        k: getattr(ns, k)
        for k in (
            "banks",
            "host",
            "base_port",
            "team",
            "secret",
            "mode",
            "seed",
            "today",
            "data_dir",
            "customers",
        )
    }
    for flag in ("approval", "token_mode", "limit_cap"):
        if getattr(ns, flag):
            out[flag] = parse_pairs(getattr(ns, flag))
    return out


def main(argv: list[str] | None = None) -> int:
    ns = _args(sys.argv[1:] if argv is None else argv)
    config = load(**_overrides(ns))
    if ns.command == "reset":
        for bank in config.banks:
            for suffix in ("", "-wal", "-shm"):
                (config.data_dir / f"{bank.id}.sqlite3{suffix}").unlink(missing_ok=True)
        if config.data_dir.exists() and not any(config.data_dir.iterdir()):
            shutil.rmtree(config.data_dir)
        print(f"sandbox data reset in {config.data_dir}: the next start re-seeds (seed {config.seed!r})")
        return 0
    handle = start_banks(config)
    print(f"FinPulse sandbox banks ({config.mode} mode, data in {config.data_dir}):")
    for bank in handle.config.banks:
        extra = f"approval={bank.approval} token={bank.token_mode} limit_cap={bank.limit_cap}"
        print(f"  {bank.id:<6} {handle.urls[bank.id]:<24} {extra}")
    print(f"team credentials: client_id={config.team} client_secret={config.secret}")
    print(f"customers: {config.team}-1 … {config.team}-{config.customers}")
    if config.mode in ("dev", "test"):
        print("admin API: <bank url>/__admin  (docs/SANDBOX.md)")
    print("Ctrl-C to stop.", flush=True)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping and handle.alive():
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not abort the shutdown
        handle.stop()
    if not stopping and not handle.alive():
        print("a bank process exited; stopped the others", file=sys.stderr)
        return 1
    print("sandbox banks stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

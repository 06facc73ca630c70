"""`make dev` (`python -m devstack`): the whole app on this machine, no Docker, no AWS account.

Ports (flags win over env): --api-port / DEVSTACK_API_PORT (3000), --moto-port / DEVSTACK_MOTO_PORT
(5000), --dynamodb-port / DEVSTACK_DYNAMODB_PORT (8000, DynamoDB Local), --bank-port /
DEVSTACK_BANK_PORT (8101: banks on 8101-8103); 0 picks a free port. Loopback only.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from devstack.stack import STATE_FILE, LocalStack, StackOptions


def _args(argv: list[str]) -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="python -m devstack", description=__doc__.splitlines()[0])
    parser.add_argument("--api-port", type=int, default=int(env("DEVSTACK_API_PORT", "3000")))
    parser.add_argument("--moto-port", type=int, default=int(env("DEVSTACK_MOTO_PORT", "5000")))
    parser.add_argument("--dynamodb-port", type=int, default=int(env("DEVSTACK_DYNAMODB_PORT", "8000")))
    parser.add_argument("--bank-port", type=int, default=int(env("DEVSTACK_BANK_PORT", "8101")))
    parser.add_argument("--region", default=env("AWS_DEFAULT_REGION", "eu-central-1"))
    parser.add_argument("--spa-dir", type=Path, default=None, help="built SPA (default frontend/dist)")
    parser.add_argument("--no-banks", action="store_true", help="do not start the sandbox banks")
    parser.add_argument(
        "--bank-data-dir", type=Path, default=None, help="sandbox data (default .sandbox-data)"
    )
    parser.add_argument(
        "--state-file", type=Path, default=STATE_FILE, help="where `make refresh` finds the stack"
    )
    parser.add_argument("--no-schedule", action="store_true", help="do not fire the schedule on its cron")
    parser.add_argument("--no-watch", action="store_true", help="do not reload on code change")
    parser.add_argument(
        "--parameter", action="append", default=[], metavar="NAME=VALUE", help="template parameter override"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(name)s %(message)s",
        datefmt="%H:%M:%S",
    )
    for noisy in ("werkzeug", "botocore", "urllib3", "samcli", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # moto logs every failed JSONPath lookup, e.g. each Choice on `IsPresent: true`, as an error;
    # a real failure still shows in the execution's history and `make refresh`'s output.
    logging.getLogger("moto.stepfunctions.parser.asl.component.eval_component").setLevel(logging.CRITICAL)
    options = StackOptions(
        api_port=args.api_port,
        moto_port=args.moto_port,
        dynamodb_port=args.dynamodb_port,
        bank_base_port=args.bank_port,
        region=args.region,
        banks=not args.no_banks,
        schedule=not args.no_schedule,
        watch=not args.no_watch,
        parameter_overrides=dict(p.split("=", 1) for p in args.parameter),
        sandbox_data_dir=args.bank_data_dir,
        state_file=args.state_file,
    )
    if args.spa_dir is not None:
        options.spa_dir = args.spa_dir
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    stack = LocalStack(options)
    try:
        stack.start()
        print(stack.banner(), flush=True)
        # Wake up regularly: a signal delivered to another thread only runs its Python handler
        # once the main thread executes bytecode again; an untimed wait could sleep through it.
        while not stop.wait(0.5):
            pass
        print("\nstopping…", flush=True)
    except OSError as exc:
        print(
            f"devstack: cannot start: {exc} (is another `make dev` running? ports are flags)", file=sys.stderr
        )
        return 1
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

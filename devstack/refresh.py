"""`make refresh` (`python -m devstack.refresh`): fire the scheduled full refresh on the running
local stack now, the way EventBridge Scheduler would (StartExecution with the schedule's Input),
and wait for the execution to finish.

The stack is found through .devstack/state.json (written by `make dev`), else --moto-url /
DEVSTACK_MOTO_PORT.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

from devstack.provision import boto_clients
from devstack.stack import STATE_FILE


def _state() -> dict[str, Any]:
    try:
        loaded: dict[str, Any] = json.loads(STATE_FILE.read_text())
        return loaded
    except (FileNotFoundError, ValueError):
        return {}


def _args(argv: list[str]) -> argparse.Namespace:
    state = _state()
    default_url = state.get("moto_url") or f"http://127.0.0.1:{os.environ.get('DEVSTACK_MOTO_PORT', '5000')}"
    parser = argparse.ArgumentParser(prog="python -m devstack.refresh", description=__doc__.splitlines()[0])
    parser.add_argument("--moto-url", default=default_url)
    parser.add_argument(
        "--region", default=state.get("region") or os.environ.get("AWS_DEFAULT_REGION", "eu-central-1")
    )
    parser.add_argument("--wait", type=float, default=120.0, help="seconds to wait for the result (0: don't)")
    return parser.parse_args(argv)


def schedules_to_state_machines(clients: Any) -> list[dict[str, Any]]:
    scheduler = clients("scheduler")
    found = []
    for summary in scheduler.list_schedules().get("Schedules", []):
        schedule = scheduler.get_schedule(Name=summary["Name"], GroupName=summary.get("GroupName", "default"))
        if ":states:" in schedule["Target"]["Arn"]:
            found.append(schedule)
    return found


def main(argv: list[str] | None = None) -> int:
    args = _args(sys.argv[1:] if argv is None else argv)
    clients = boto_clients(args.region, args.moto_url)
    try:
        schedules = schedules_to_state_machines(clients)
    except Exception as exc:  # connection refused, mostly
        print(f"refresh: no local stack at {args.moto_url} ({type(exc).__name__}); start it with `make dev`")
        return 1
    if not schedules:
        print("refresh: the running stack has no schedule targeting a state machine")
        return 1
    sfn = clients("stepfunctions")
    status = 0
    for schedule in schedules:
        target = schedule["Target"]
        started = sfn.start_execution(stateMachineArn=target["Arn"], input=target.get("Input") or "{}")
        print(f"{schedule['Name']}: started {started['executionArn']}")
        if args.wait <= 0:
            continue
        deadline = time.monotonic() + args.wait
        described = sfn.describe_execution(executionArn=started["executionArn"])
        while described["status"] == "RUNNING" and time.monotonic() < deadline:
            time.sleep(0.5)
            described = sfn.describe_execution(executionArn=started["executionArn"])
        print(f"  {described['status']}", described.get("output") or described.get("error") or "")
        if described["status"] != "SUCCEEDED":
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())

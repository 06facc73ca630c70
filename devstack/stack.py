"""The whole local stack of `make dev`, as an object the CLI and the browser tests both start.

moto server (state machines executed, Lambda routed to sandboxes) and DynamoDB Local (AWS's own
DynamoDB engine, started alongside) → sandbox banks → resources
provisioned from the transformed template → awslambdaric sandboxes → SAM's API emulator with the
JWT authorizer and the SPA → the schedule fired on its cron → reload on code change.
Everything binds 127.0.0.1. State lives in memory: moto's data resets on every start (the
sandbox banks keep theirs in .sandbox-data/).
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devstack import cognito_mail, moto_bridge
from devstack.apigw import LocalApi, spa_config
from devstack.banks import (
    RunningBanks,
    external_banks,
    local_banks_for,
    sandbox_config,
    start_sandbox_banks,
)
from devstack.dynamodb import DynamoDBLocal, start_dynamodb_local
from devstack.lambdas.sandboxes import SandboxPool
from devstack.localenv import LocalBanks
from devstack.motoserver import MotoServer, start_moto
from devstack.provision import boto_clients, provision
from devstack.resources import LocalResources
from devstack.schedule import Scheduler, fire_to_state_machine
from devstack.seed import seed_demo_identities
from devstack.template import ROOT
from devstack.watch import CodeWatcher

log = logging.getLogger("devstack")
HOST = "127.0.0.1"
STATE_FILE = ROOT / ".devstack" / "state.json"
OUTBOX_FILE = "outbox.jsonl"


@dataclass
class StackOptions:
    api_port: int = 3000  # 0: a free port
    moto_port: int = 5000  # 0: a free port
    dynamodb_port: int = 8000  # DynamoDB Local; 0: a free port
    bank_base_port: int = 8101  # 0: free ports
    region: str = "eu-central-1"
    banks: bool = True
    schedule: bool = True
    watch: bool = True
    prewarm: bool = True
    access_log: bool = True
    spa_dir: Path | None = ROOT / "frontend" / "dist"
    sandbox_data_dir: Path | None = None  # default: the sandbox's own (.sandbox-data)
    parameter_overrides: dict[str, Any] = field(default_factory=dict)
    state_file: Path | None = STATE_FILE


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class LocalStack:
    def __init__(self, options: StackOptions | None = None) -> None:
        self.options = options or StackOptions()
        self.moto: MotoServer | None = None
        self.dynamodb: DynamoDBLocal | None = None
        self.banks: RunningBanks | None = None
        self.resources: LocalResources | None = None
        self.pool: SandboxPool | None = None
        self.api: LocalApi | None = None
        self.api_port = 0
        self._http: Any = None
        self._scheduler: Scheduler | None = None
        self._watcher: CodeWatcher | None = None
        self._background: list[threading.Thread] = []  # the demo seed and the prewarm
        self.started_in = 0.0

    # ------------------------------------------------------------------ start
    def start(self) -> LocalStack:
        started = time.monotonic()
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - started
        self._write_state()
        return self

    def _start_banks(self) -> tuple[LocalBanks, threading.Thread | None, list[BaseException]]:
        opts = self.options
        errors: list[BaseException] = []
        if not opts.banks:
            return external_banks(opts.parameter_overrides, opts.bank_base_port), None, errors
        config = sandbox_config(opts.bank_base_port, opts.sandbox_data_dir)
        if opts.bank_base_port == 0:  # URLs are known only once the banks listen
            self.banks = start_sandbox_banks(config)
            return self.banks.local, None, errors

        def run() -> None:
            try:
                self.banks = start_sandbox_banks(config)
            except BaseException as exc:
                errors.append(exc)

        # Fixed ports: the URLs are known now, so the banks start while AWS is provisioned.
        thread = threading.Thread(target=run, name="start-banks", daemon=True)
        thread.start()
        return local_banks_for(config), thread, errors

    def _start_dynamodb(self) -> tuple[threading.Thread, list[BaseException]]:
        errors: list[BaseException] = []

        def run() -> None:
            try:
                self.dynamodb = start_dynamodb_local(self.options.dynamodb_port, HOST)
            except BaseException as exc:
                errors.append(exc)

        # The JVM starts while moto and the banks do: it adds almost nothing to the start-up.
        thread = threading.Thread(target=run, name="start-dynamodb", daemon=True)
        thread.start()
        return thread, errors

    def _start(self) -> None:
        opts = self.options
        ddb_thread, ddb_errors = self._start_dynamodb()
        self.moto = start_moto(opts.moto_port, HOST)
        if opts.state_file is not None:  # where sign-up and reset codes are "e-mailed" (and logged)
            cognito_mail.OUTBOX.use_file(opts.state_file.parent / OUTBOX_FILE)
        log.info("AWS emulation (moto) on %s", self.moto.url)
        local_banks, bank_thread, bank_errors = self._start_banks()
        ddb_thread.join()
        if ddb_errors:
            raise ddb_errors[0]
        assert self.dynamodb is not None
        log.info("DynamoDB Local on %s (up in %.1fs)", self.dynamodb.url, self.dynamodb.started_in)
        clients = boto_clients(opts.region, self.moto.url, self.dynamodb.url)
        self.resources = provision(
            clients,
            region=opts.region,
            endpoint_url=self.moto.url,
            dynamodb_url=self.dynamodb.url,
            banks=local_banks,
            parameter_overrides=opts.parameter_overrides,
        )
        self.pool = SandboxPool()
        moto_bridge.install(self.resources.function_for, self.pool)
        self.api_port = opts.api_port or free_port()
        spa = opts.spa_dir if opts.spa_dir and (opts.spa_dir / "index.html").is_file() else None
        if spa is None:
            log.warning("no built SPA in %s: run `make spa` (the API still works)", opts.spa_dir)
        self.api = LocalApi(
            self.resources,
            self.pool,
            spa_dir=spa,
            config_json=spa_config(self.resources, self.moto.url + "/"),
            port=self.api_port,
            host=HOST,
            access_log=opts.access_log,
        )
        self._serve_api()
        if opts.schedule:
            self._scheduler = Scheduler(
                self.resources.schedules, fire_to_state_machine(clients("stepfunctions"))
            )
            self._scheduler.start()
        if opts.watch:
            roots = {fn.code_dir for fn in self.resources.functions.values()}
            roots |= {d for fn in self.resources.functions.values() for d in fn.layer_dirs}
            self._watcher = CodeWatcher(sorted(roots), self._reload)
            self._watcher.start()
        if bank_thread is not None:
            bank_thread.join()
            if bank_errors:
                raise bank_errors[0]
        if opts.banks:  # the demo login is customer team200-1 at every sandbox bank
            self._in_background(self._seed_demo, (clients, sorted(local_banks.overrides)), "seed")
        if opts.prewarm:  # after the start-up rush; routed functions first (the UI calls them)
            fns = sorted(self.resources.functions.values(), key=lambda f: f.logical_id not in self._routed())
            self._in_background(self.pool.prewarm, (fns,), "prewarm")

    def _in_background(self, target: Callable[..., None], args: tuple[Any, ...], name: str) -> None:
        thread = threading.Thread(target=target, args=args, name=name, daemon=True)
        self._background.append(thread)
        thread.start()

    def settle(self, timeout: float = 300.0) -> bool:
        """Wait until the start-up's background work (demo seed, every function's cold start) is
        over: a benchmark times the stack's answers, not a cold start of an unrelated function
        sharing the cores. False if it still runs after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        for thread in self._background:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._background)

    def _seed_demo(self, clients: Any, bank_ids: list[str]) -> None:
        assert self.resources is not None
        try:
            seed_demo_identities(self.api_url, clients, self.resources, bank_ids)
        except Exception:
            log.exception("seeding the demo user's bank identities failed")

    def _routed(self) -> set[str]:
        assert self.api is not None
        return {route.function_name for route in self.api.service.api.routes}

    def _serve_api(self) -> None:
        from werkzeug.serving import make_server

        assert self.api is not None
        self._http = make_server(HOST, self.api_port, self.api.app, threaded=True)
        threading.Thread(target=self._http.serve_forever, name="api", daemon=True).start()

    def _reload(self, paths: list[str]) -> None:
        shown = ", ".join(str(Path(p).relative_to(ROOT)) if p.startswith(str(ROOT)) else p for p in paths[:3])
        log.info(
            "code changed (%s%s): next invokes start fresh sandboxes", shown, "…" if len(paths) > 3 else ""
        )
        if self.pool is not None:
            self.pool.reload()

    # ------------------------------------------------------------------ info
    @property
    def api_url(self) -> str:
        return f"http://{HOST}:{self.api_port}"

    def _write_state(self) -> None:
        path = self.options.state_file
        if path is None or self.resources is None or self.moto is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {
            "api_url": self.api_url,
            "moto_url": self.moto.url,
            "dynamodb_url": self.dynamodb.url if self.dynamodb else None,
            "region": self.resources.region,
            "state_machines": self.resources.state_machines,
            "schedules": [s.name for s in self.resources.schedules],
            "banks": dict(self.banks.handle.urls) if self.banks is not None else {},
        }
        path.write_text(json.dumps(state, indent=1))

    def banner(self) -> str:
        assert self.resources is not None
        assert self.moto is not None
        demo = self.resources.demo_user
        lines = [
            "",
            f"FinPulse local stack is up in {self.started_in:.1f}s",
            f"  App (SPA + API):  {self.api_url}/      API under {self.api_url}/api",
            f"  AWS emulation:    {self.moto.url}  (moto: Cognito, Step Functions, Lambda, S3, ...)",
            f"  DynamoDB:         {self.dynamodb.url if self.dynamodb else '-'}  (DynamoDB Local)",
        ]
        if self.banks is not None:
            urls = "  ".join(f"{b} {u}" for b, u in self.banks.handle.urls.items())
            lines.append(f"  Sandbox banks:    {urls}")
        lines.append(f"  Demo login:       {demo.email} / {demo.password}")
        lines.append(
            "  Sign-up:          open the app, «Зарегистрироваться»; the e-mailed code is printed"
            " here (devstack.mail)"
        )
        for schedule, when in self._scheduler.upcoming() if self._scheduler else []:
            at = f"{when:%Y-%m-%d %H:%M} UTC" if when else "never"
            lines.append(
                f"  Schedule:         {schedule.expression} → next {at} (`make refresh` fires it now)"
            )
        lines.append("  Data lives in memory and resets on restart. Ctrl-C stops everything.")
        return "\n".join(lines)

    # ------------------------------------------------------------------ stop
    def _stop_moto(self) -> None:
        assert self.moto is not None
        self.moto.stop()
        # moto's backends are process-wide: forget this stack's resources, so that the next stack
        # started in this process (the benchmarks run several) provisions into an empty account.
        from moto.moto_api._internal.models import moto_api_backend

        moto_api_backend.reset()

    def stop(self) -> None:
        steps: list[tuple[str, Callable[[], None] | None]] = [
            ("watcher", self._watcher.stop if self._watcher else None),
            ("scheduler", self._scheduler.stop if self._scheduler else None),
            ("api", self._http.shutdown if self._http else None),
            ("lambda sandboxes", self.pool.close if self.pool else None),
            ("bridge", moto_bridge.uninstall),
            ("banks", self.banks.stop if self.banks else None),
            ("moto", self._stop_moto if self.moto else None),
            ("dynamodb", self.dynamodb.stop if self.dynamodb else None),
        ]
        for name, step in steps:
            if step is None:
                continue
            try:
                step()
            except Exception:
                log.exception("stopping %s failed", name)
        self._watcher = self._scheduler = self._http = self.pool = self.banks = self.moto = None
        self.dynamodb = None
        if self.options.state_file is not None:
            self.options.state_file.unlink(missing_ok=True)

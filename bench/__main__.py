"""Run every benchmark module, write its JSON to bench/results/, refresh the README summary.

A benchmark module is `bench/bench_<name>.py` with `run() -> dict` returning
`{"title": str, "metrics": [{"name", "value", "unit", "target", "ok", "baseline"}, ...], "notes": str}`.
`target` is a human-readable goal such as "<= 300 ms"; `ok` says whether it was met; `baseline`
(optional) is the same figure before the change that set the target, as measured then.
Run one with `python -m bench NAME [NAME ...]`.
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _modules(names: list[str]) -> list[str]:
    found = sorted(p.stem.removeprefix("bench_") for p in (ROOT / "bench").glob("bench_*.py"))
    return [n for n in found if not names or n in names]


def _machine() -> dict[str, Any]:
    import os

    return {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine()}


def _summary_table() -> str:
    rows = ["| benchmark | metric | value | baseline | target | met |", "|---|---|---|---|---|---|"]
    for path in sorted(RESULTS.glob("*.json")):
        result = json.loads(path.read_text())
        for m in result.get("metrics", []):
            met = "yes" if m.get("ok") else ("no" if m.get("ok") is False else "")
            rows.append(
                f"| {result.get('title', path.stem)} | {m['name']} | {m['value']} {m.get('unit', '')} "
                f"| {m.get('baseline', '')} | {m.get('target', '')} | {met} |"
            )
    return "\n".join(rows)


def _update_readme() -> None:
    if not README.exists():
        return
    text = README.read_text()
    if START not in text or END not in text:
        return
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{_summary_table()}\n{END}{tail}")


def _report(result: dict[str, Any]) -> list[str]:
    """Print each metric; return the names of those that miss their target."""
    missed = []
    for m in result.get("metrics", []):
        flag = "" if m.get("ok") in (True, None) else "  <-- target missed"
        was = f", was {m['baseline']}" if m.get("baseline") else ""
        target = m.get("target") or "-"
        print(f"   {m['name']}: {m['value']} {m.get('unit', '')} (target {target}{was}){flag}")
        if m.get("ok") is False:
            missed.append(f"{result.get('title', '?')}: {m['name']}")
    return missed


def main(argv: list[str]) -> int:
    """Run every benchmark (or those named). A missed target is a result, reported and tabled; only a
    benchmark that could not run makes the exit status non-zero, after the others have run."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    missed: list[str] = []
    crashed: list[str] = []
    for name in _modules(argv):
        print(f"== bench {name}", flush=True)
        started = time.time()
        try:
            module = importlib.import_module(f"bench.bench_{name}")
            result = module.run()
        except Exception:  # one broken benchmark must not hide the others' results
            traceback.print_exc()
            crashed.append(name)
            continue
        result["machine"] = _machine()
        result["ran_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started))
        result["seconds"] = round(time.time() - started, 1)
        (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        missed += _report(result)
    _update_readme()
    if missed:
        print(f"\n{len(missed)} target(s) missed (see bench/results/ and the README table):")
        print("\n".join(f"   {m}" for m in missed))
    if crashed:
        print(f"\nbenchmarks that could not run: {', '.join(crashed)}", file=sys.stderr)
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

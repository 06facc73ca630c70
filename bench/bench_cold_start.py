"""Cold start: each handler's import time as Lambda would see it, and the layer's size.

The layer is built by the same Makefile `sam build` runs (for arm64, to measure its size; and for
this machine's architecture, to import it). Each handler is then imported in a fresh interpreter
with only what Lambda has on its path: the function's code, the layer, and the boto3/botocore that
the python3.12 runtime provides — no venv, no awscrt, no bytecode writing (/opt is read-only in
Lambda, so only the .pyc files the layer ships count).
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from devstack.template import functions, load_source

ROOT = Path(__file__).resolve().parent.parent
LAYER_DIR = ROOT / "layers" / "common"
RUNS = 7
IMPORT_TARGET_MS = 400
LAYER_TARGET_MB = 40
# What the Lambda python3.12 runtime brings; pinned to the dev versions the tests use.
RUNTIME_PROVIDED = [
    "boto3==1.43.108",
    "botocore==1.43.127",
    "s3transfer==0.19.3",
    "urllib3==2.8.0",
    "python-dateutil==2.9.0.post0",
    "six==1.17.0",
    "jmespath==1.1.0",
]
HOST_TAGS = {
    "x86_64": "--platform manylinux_2_28_x86_64 --platform manylinux2014_x86_64",
    "aarch64": "--platform manylinux_2_28_aarch64 --platform manylinux2014_aarch64",
}


def _build_layer(target: Path, arch_tags: str | None = None) -> Path:
    cmd = ["make", "-s", "-C", str(LAYER_DIR), "build-CommonLayer", f"ARTIFACTS_DIR={target}"]
    if arch_tags:
        cmd.append(f"ARCH_TAGS={arch_tags}")
    _quiet(cmd)
    return target / "python"


def _quiet(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command; show its output only if it fails (pip's index warnings are noise here)."""
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def _runtime_packages(target: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--no-deps",
            "-t",
            str(target),
            *RUNTIME_PROVIDED,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def _tree_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _zipped_bytes(path: Path, scratch: Path) -> int:
    archive = scratch / "layer.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in path.rglob("*"):
            if file.is_file():
                zf.write(file, file.relative_to(path.parent))
    return archive.stat().st_size


def _python312() -> str:
    found = shutil.which("python3.12", path=os.environ.get("PATH"))
    real = subprocess.run(
        [found or "python3.12", "-c", "import sys; print(sys.executable)"],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYENV_VERSION": "3.12.1"},
    ).stdout.strip()
    return real


def _import_ms(python: str, code_dir: Path, layer: Path, runtime: Path, env: dict[str, str]) -> float:
    probe = "import time; t = time.perf_counter(); import app; print((time.perf_counter() - t) * 1000)"
    clean_env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{code_dir}:{layer}:{runtime}",
        "PYTHONDONTWRITEBYTECODE": "1",
        "AWS_DEFAULT_REGION": "eu-central-1",
        "AWS_REGION": "eu-central-1",
        **env,
    }
    out = _quiet([python, "-s", "-c", probe], cwd=code_dir, env=clean_env)
    return float(out.stdout.strip().splitlines()[-1])


def _plain_env(spec_env: dict[str, Any]) -> dict[str, str]:
    """Parameters take their defaults; other Refs (table names...) only need to be strings here."""
    defaults = {k: str(v.get("Default", "")) for k, v in load_source().get("Parameters", {}).items()}

    def value(key: str, raw: Any) -> str:
        if isinstance(raw, str):
            return raw
        ref = raw.get("Ref") if isinstance(raw, dict) else None
        return defaults[ref] if ref in defaults else f"local-{key.lower()}"

    return {k: value(k, v) for k, v in spec_env.items()}


def run() -> dict[str, Any]:
    metrics: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        arm_layer = _build_layer(scratch / "arm64")
        size_mb = _tree_bytes(arm_layer) / 1_000_000
        zipped_mb = _zipped_bytes(arm_layer, scratch) / 1_000_000
        metrics.append(
            {
                "name": "layer size unzipped (arm64)",
                "value": round(size_mb, 1),
                "unit": "MB",
                "target": f"<= {LAYER_TARGET_MB} MB",
                "ok": size_mb <= LAYER_TARGET_MB,
            }
        )
        metrics.append(
            {
                "name": "layer size zipped (arm64)",
                "value": round(zipped_mb, 1),
                "unit": "MB",
                "target": "",
                "ok": None,
            }
        )

        host_tags = HOST_TAGS.get(platform.machine())
        host_layer = _build_layer(scratch / "host", host_tags) if host_tags else arm_layer
        runtime = _runtime_packages(scratch / "runtime")
        python = _python312()
        for spec in sorted(functions().values(), key=lambda s: s.logical_id):
            env = _plain_env(spec.environment)
            _import_ms(python, spec.code_dir, host_layer, runtime, env)  # warm the OS page cache once
            samples = [_import_ms(python, spec.code_dir, host_layer, runtime, env) for _ in range(RUNS)]
            median = statistics.median(samples)
            metrics.append(
                {
                    "name": f"{spec.logical_id} import (median of {RUNS})",
                    "value": round(median),
                    "unit": "ms",
                    "target": f"<= {IMPORT_TARGET_MS} ms",
                    "ok": median <= IMPORT_TARGET_MS,
                }
            )
    return {
        "title": "Cold start",
        "metrics": metrics,
        "notes": (
            "Fresh python3.12 per sample, PYTHONDONTWRITEBYTECODE=1, path = function + layer built by "
            "layers/common/Makefile + the runtime's boto3; no venv."
        ),
    }

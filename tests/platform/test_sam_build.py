"""`sam build` builds what we deploy: a layer with our library, arm64 wheels, bytecode, no boto3."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_sam_build_produces_a_deployable_layer(tmp_path: Path, sam_cli: Path) -> None:
    sam = sam_cli
    build_dir = tmp_path / "build"
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0", "AWS_DEFAULT_REGION": "eu-central-1"}
    done = subprocess.run(
        [str(sam), "build", "--build-dir", str(build_dir), "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    layer = build_dir / "CommonLayer" / "python"
    assert (layer / "finpulse" / "api" / "app.py").is_file()
    assert list((layer / "finpulse" / "api" / "__pycache__").glob("app.cpython-312*.pyc"))
    assert not (layer / "boto3").exists()
    assert not (layer / "botocore").exists()
    native = [p.name for p in layer.rglob("*.so")]
    assert native
    assert all("x86_64" not in name for name in native), native
    size = sum(p.stat().st_size for p in layer.rglob("*") if p.is_file())
    assert size < 40_000_000
    for function in ("HealthFunction", "MeFunction", "BanksFunction"):
        assert (build_dir / function / "app.py").is_file()

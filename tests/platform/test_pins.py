"""Dependencies are pinned exactly, and the layer ships the versions the tests run."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)(\[[^\]]+\])?==(?P<version>[^\s;]+)$")


def _pins(path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"{path.name}: not an exact pin: {line!r}"
        pins[match["name"].lower().replace("_", "-")] = match["version"]
    return pins


def test_layer_pins_equal_dev_pins() -> None:
    dev = _pins(ROOT / "requirements-dev.txt")
    layer = _pins(ROOT / "layers" / "common" / "requirements.txt")
    mismatched = {n: (v, dev.get(n)) for n, v in layer.items() if dev.get(n) != v}
    assert not mismatched, f"layer pin != dev pin: {mismatched}"


def test_layer_pins_its_whole_closure() -> None:
    # The layer installs with --no-deps; whatever its packages require must be pinned too
    # (boto3/botocore excepted: the runtime provides them).
    from importlib.metadata import requires

    from packaging.requirements import Requirement

    layer = _pins(ROOT / "layers" / "common" / "requirements.txt")
    provided = {"boto3", "botocore", "s3transfer", "urllib3", "python-dateutil", "six"}
    missing: set[str] = set()
    for name in layer:
        for raw in requires(name) or []:
            req = Requirement(raw)
            wanted = req.marker is None or any(
                req.marker.evaluate({"extra": extra, "python_version": "3.12"}) for extra in ("", "parser")
            )
            if not wanted:
                continue
            dep = req.name.lower().replace("_", "-")
            if dep not in layer and dep not in provided:
                missing.add(f"{name} -> {dep}")
    assert not missing, f"unpinned layer dependencies: {sorted(missing)}"


def test_npm_dependencies_are_exact() -> None:
    package = ROOT / "frontend" / "package.json"
    if not package.exists():
        return
    data = json.loads(package.read_text())
    for section in ("dependencies", "devDependencies"):
        for name, version in data.get(section, {}).items():
            assert re.fullmatch(r"\d+\.\d+\.\d+(-[\w.]+)?", version), f"{name}@{version} is not exact"

"""`make lint`'s template part: SAM's own lint on the source, cfn-lint on the transformed template.

cfn-lint 1.x no longer expands SAM resources itself, so errors inside policy templates or Globals
only show on the transformed template.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from devstack.template import ROOT, TEMPLATE, transformed


def main() -> int:
    bin_dir = Path(sys.executable).parent
    steps = [[str(bin_dir / "sam"), "validate", "--lint", "--template-file", str(TEMPLATE)]]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "transformed.json"
        out.write_text(json.dumps(transformed(), indent=1))
        steps.append([str(bin_dir / "cfn-lint"), str(out)])
        for cmd in steps:
            print("+", " ".join(Path(c).name if c.startswith(str(ROOT)) else c for c in cmd), flush=True)
            if subprocess.run(cmd, cwd=ROOT, check=False).returncode != 0:  # noqa: S603
                return 1
    print("template lint: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

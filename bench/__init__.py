"""FinPulse benchmarks. `make bench` runs every `bench/bench_*.py` module."""

import sys
from pathlib import Path

# The benchmarks read stored items with the layer's own key builders (`finpulse.data.keys`).
_LAYER = str(Path(__file__).resolve().parent.parent / "layers" / "common" / "python")
if _LAYER not in sys.path:
    sys.path.append(_LAYER)

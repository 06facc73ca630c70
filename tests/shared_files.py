"""`shared/` (the bank API spec and the recorded samples) beside the repository or one of its parent
directories: next to `/work/main`, or above a worktree in `/work/wt/<name>`. None where it is absent
(a fresh CI clone): the tests that read it skip."""

from __future__ import annotations

from pathlib import Path

SANDBOX_API: Path | None = next(
    (
        p / "shared" / "sandbox-api"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "sandbox-api").is_dir()
    ),
    None,
)

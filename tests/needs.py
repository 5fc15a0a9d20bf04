"""What the suite needs from the machine: external tools and the shared specs.

Without one of them a test is skipped on a developer's machine, but fails under CI
(the environment variable `CI` is true), where the suite must run whole. Every test
that needs a tool or `../shared` asks here, through `need(...)` or the marker
`@pytest.mark.needs(...)`.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NODE_BIN = REPO / "tests" / "node" / "node_modules" / ".bin"
SHARED = REPO.parent / "shared"
UNDER_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")

NPM_CI = "run `npm ci` in tests/node"
PIP_TEST = "run `pip install -e '.[test]'`"


def _on_path(name: str) -> Path | None:
    found = shutil.which(name)
    return Path(found) if found else None


def _existing(path: Path) -> Path | None:
    return path if path.exists() else None


def _beside_python(name: str) -> Path | None:
    return _existing(Path(sys.executable).parent / name) or _on_path(name)


NEEDS: dict[str, tuple[Callable[[], Path | None], str]] = {
    "node": (lambda: _on_path("node"), "install Node.js"),
    "tsc": (lambda: _existing(NODE_BIN / "tsc"), NPM_CI),
    "prism": (lambda: _existing(NODE_BIN / "prism"), NPM_CI),
    "pyright": (lambda: _beside_python("pyright"), PIP_TEST),
    "ruff": (lambda: _beside_python("ruff"), PIP_TEST),
    "shared-specs": (
        lambda: _existing(SHARED / "specs"),
        "check out the shared folder beside the repository",
    ),
    "shared-seeds": (
        lambda: _existing(SHARED / "seeds"),
        "check out the shared folder beside the repository",
    ),
}


def need(name: str) -> Path:
    """The path of `name` (a key of NEEDS); skips the test without it, or fails it under CI."""
    find, remedy = NEEDS[name]
    found = find()
    if found is not None:
        return found
    reason = f"{name} is missing: {remedy}"
    if UNDER_CI:
        pytest.fail(f"{reason} (under CI nothing the suite uses may be missing)", pytrace=False)
    pytest.skip(reason)

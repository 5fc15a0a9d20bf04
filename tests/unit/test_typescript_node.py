"""Generated TypeScript SDKs of both flavors, compiled with tsc and driven by Node tests.

`tests/node/mock-fetch.test.mjs` runs under `node --test` against the compiled SDKs with a
scripted `fetch`: retries with backoff and Retry-After, typed errors, pagination across
pages, SSE streams, per-call options, and each flavor's URL, auth and conversions.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import test_typescript_target as fixtures

from generator.flavors.flavor import AZURE, OPENAI, Flavor
from generator.targets.typescript import plan

REPO = Path(__file__).resolve().parents[2]
NODE_DIR = REPO / "tests" / "node"
TSC = NODE_DIR / "node_modules" / ".bin" / "tsc"

pytestmark = pytest.mark.needs("node", "tsc")


def compiled_sdk(out: Path, flavor: Flavor, azure: bool) -> Path:
    api = fixtures.runs_api(azure=azure)
    for f in plan(api, flavor, fixtures.options(flavor)).files:
        target = out / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.render(), encoding="utf-8")
    done = subprocess.run(
        [str(TSC), "-p", str(out / "tsconfig.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out / "dist" / "index.js"


def test_mock_fetch_node_suite(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["SDK_OPENAI"] = str(compiled_sdk(tmp_path / "openai", OPENAI, azure=False))
    env["SDK_AZURE"] = str(compiled_sdk(tmp_path / "azure", AZURE, azure=True))
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    done = subprocess.run(
        [
            "node",
            "--test",
            "--test-reporter=spec",
            str(NODE_DIR / "mock-fetch.test.mjs"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-6000:]
    assert "ℹ fail 0" in done.stdout
    passed = re.search(r"ℹ pass (\d+)", done.stdout)
    assert passed is not None and int(passed.group(1)) >= 20, done.stdout[-2000:]

"""Runs tests/node/faults.test.mjs: the generated TypeScript clients (both flavors, on
Node's global fetch) against the misbehaving loopback server of faultserver.py. And
compiles tests/node/unknown-variant-check.ts inside the OpenAI SDK: how code tells the
variants of a discriminated union apart, unknown ones included."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from faultserver import TRUNCATED, fault_server
from needs import need
from sdkgen import AZURE_RUNS, OPENAI_RUNS, REPO, SdkSpec, compiled_typescript

NODE_DIR = REPO / "tests" / "node"
CASES_PER_FLAVOR = 11
OPENAI = SdkSpec(OPENAI_RUNS.spec, "openai", "openai-runs", "OpenAI", target="typescript")
AZURE = SdkSpec(AZURE_RUNS.spec, "azure", "azure-agents-runs", "AgentsClient", target="typescript")


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    need("node")
    root = tmp_path_factory.mktemp("typescript")
    return {sdk.flavor: compiled_typescript(sdk, root) for sdk in (OPENAI, AZURE)}


def test_typescript_clients_under_faults(compiled: dict[str, Path], tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(SDK_OPENAI=str(compiled["openai"]), SDK_AZURE=str(compiled["azure"]), FAULT_TRUNCATED=TRUNCATED)
    with fault_server() as server:
        env["FAULT_SERVER"] = server.url
        result = subprocess.run(
            ["node", "--test", "--test-reporter=spec", str(NODE_DIR / "faults.test.mjs")],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    report = result.stdout[-8000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    passed = re.search(r"ℹ pass (\d+)", result.stdout)
    assert passed is not None and int(passed.group(1)) == 2 * CASES_PER_FLAVOR, report


def test_an_unknown_variant_is_part_of_the_union_type(compiled: dict[str, Path]) -> None:
    """Its `@ts-expect-error` lines fail the build when the error they expect is gone."""
    sdk = compiled["openai"].parents[1]
    shutil.copy(NODE_DIR / "unknown-variant-check.ts", sdk / "src" / "lib" / "unknown-variant-check.ts")
    result = subprocess.run(
        [str(need("tsc")), "-p", str(sdk / "tsconfig.json")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]

"""Runs tests/node/prism.test.mjs: the generated TypeScript clients against Prism.

This wrapper generates both TypeScript SDKs from specs/, compiles them with the
project's TypeScript (tests/node/node_modules), starts Prism on each spec and runs the
Node test with node's built-in runner.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from prism import prism_server
from sdkgen import AZURE_RUNS, OPENAI_RUNS, REPO, SdkSpec, build_ir, compiled_typescript

NODE_TEST = REPO / "tests" / "node" / "prism.test.mjs"


def _operations(sdk: SdkSpec) -> str:
    api = build_ir(sdk.spec, sdk.flavor)
    return json.dumps([[op.method.upper(), op.path] for op in api.all_operations()])


@pytest.mark.needs("node", "tsc", "prism")
def test_typescript_clients_pass_prism_validation(tmp_path: Path) -> None:
    openai = SdkSpec(OPENAI_RUNS.spec, "openai", "openai-runs", "OpenAI", target="typescript")
    azure = SdkSpec(AZURE_RUNS.spec, "azure", "azure-agents-runs", "AgentsClient", target="typescript")
    env = dict(os.environ)
    env.update(
        OPENAI_SDK=str(compiled_typescript(openai, tmp_path)),
        AZURE_SDK=str(compiled_typescript(azure, tmp_path)),
        OPENAI_OPERATIONS=_operations(openai),
        AZURE_OPERATIONS=_operations(azure),
    )
    with prism_server(openai.spec) as openai_url, prism_server(azure.spec) as azure_url:
        env.update(OPENAI_PRISM_URL=openai_url, AZURE_PRISM_URL=azure_url)
        result = subprocess.run(
            ["node", "--test", "--test-reporter=spec", str(NODE_TEST)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# pass 2" in result.stdout or "pass 2" in result.stdout

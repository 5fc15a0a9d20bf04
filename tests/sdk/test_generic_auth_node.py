"""Runs tests/node/generic-auth.test.mjs: the generic-flavor TypeScript SDKs of the specs
in tests/fixtures/auth/ (one per scheme kind), compiled with tsc, each request inspected
through a mock fetch."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from needs import need
from sdkgen import REPO, SdkSpec, compiled_typescript

AUTH = REPO / "tests" / "fixtures" / "auth"
NODE_TEST = REPO / "tests" / "node" / "generic-auth.test.mjs"


def test_typescript_clients_authenticate_as_their_spec_says(tmp_path: Path) -> None:
    need("node")
    specs = sorted(AUTH.glob("*.yaml"))
    compiled = {
        spec.stem: str(
            compiled_typescript(
                SdkSpec(
                    spec,
                    "generic",
                    spec.stem.replace("_", "-"),
                    "",
                    target="typescript",
                ),
                tmp_path,
            )
        )
        for spec in specs
    }
    env = {
        k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))
    }
    env["GENERIC_SDKS"] = json.dumps(compiled)
    result = subprocess.run(
        ["node", "--test", "--test-reporter=spec", str(NODE_TEST)],
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
    assert passed is not None and int(passed.group(1)) == len(
        re.findall(r"^test\(", NODE_TEST.read_text(), re.M)
    )

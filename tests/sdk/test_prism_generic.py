"""Generic-flavor SDKs against Prism started from specs with API-key schemes: Prism
(`--errors`) checks every request against the spec, its security requirements
included, so a key sent under a wrong name, or missing, comes back as a 401 with an
`sl-violations` header."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import httpx
import pytest
from prism import prism_server
from sdkgen import REPO, SdkSpec, compiled_typescript, generate, import_sdk
from test_prism_python import Recorder, assert_every_operation_validated

AUTH = REPO / "tests" / "fixtures" / "auth"
CASES = {
    "header_keys": (
        "HeaderKeys",
        {"client_id": "c", "secret": "s", "api_version": "v"},
    ),
    "query_key": ("QueryKey", {"api_key": "k"}),
    "per_operation": ("MostlyClosed", {"api_key": "k"}),
}
NODE_CALLS = """
import { pathToFileURL } from 'node:url';
const sdk = await import(pathToFileURL(process.env.SDK).href);
const seen = [];
const fetch = async (url, init) => {
  const response = await globalThis.fetch(url, init);
  seen.push([init.method, new URL(url).pathname, response.status, response.headers.get('sl-violations')]);
  return response;
};
const client = new sdk[process.env.CLIENT]({ ...JSON.parse(process.env.OPTIONS), baseURL: process.env.PRISM, fetch, maxRetries: 0 });
await client.things.list({ limit: 2 });
await client.things.create({ name: 'lamp' });
await client.things.retrieve('thing_1');
console.log(JSON.stringify(seen));
"""


def _calls(client: object) -> None:
    things = client.things  # type: ignore[attr-defined]
    things.list(limit=2)
    things.create(name="lamp")
    things.retrieve("thing_1")


@pytest.mark.needs("prism")
@pytest.mark.parametrize("case", sorted(CASES))
def test_python_client_passes_prism(case: str, tmp_path: Path) -> None:
    client_class, credentials = CASES[case]
    sdk = SdkSpec(AUTH / f"{case}.yaml", "generic", f"prism_{case}", "")
    package = import_sdk(generate(sdk, tmp_path / "sdk"), sdk.package)
    recorder = Recorder()
    http = httpx.Client(event_hooks={"response": [recorder]})
    with prism_server(sdk.spec) as url:
        client = getattr(package, client_class)(
            base_url=url, http_client=http, max_retries=0, **credentials
        )
        _calls(client)
        # Prism does check the key: a request without it is refused.
        refused = httpx.post(url.rstrip("/") + "/things", json={"name": "lamp"})
    assert_every_operation_validated(sdk, recorder)
    assert refused.status_code == 401, refused.text


@pytest.mark.needs("node", "tsc", "prism")
@pytest.mark.parametrize("case", sorted(CASES))
def test_typescript_client_passes_prism(case: str, tmp_path: Path) -> None:
    client_class, credentials = CASES[case]
    sdk = SdkSpec(
        AUTH / f"{case}.yaml",
        "generic",
        f"prism-{case.replace('_', '-')}",
        "",
        target="typescript",
    )
    options = {
        "".join(w if i == 0 else w.title() for i, w in enumerate(k.split("_"))): v
        for k, v in credentials.items()
    }
    env = dict(
        os.environ,
        SDK=str(compiled_typescript(sdk, tmp_path)),
        CLIENT=client_class,
        OPTIONS=json.dumps(options),
    )
    with prism_server(sdk.spec) as url:
        env["PRISM"] = url
        result = subprocess.run(
            ["node", "--input-type=module", "-e", NODE_CALLS],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(seen) == 3
    bad = [s for s in seen if not 200 <= s[2] < 300 or s[3]]
    assert not bad, f"Prism rejected requests: {bad}"

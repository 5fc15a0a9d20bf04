"""Path parameters in OpenAPI's default `simple` style, in both targets: arrays as
`1,2,3`, maps as `key,value,...`, and a value that looks like another placeholder
is sent as it is, never filled in again."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import httpx
from needs import need
from sdkgen import REPO, SdkSpec, compiled_typescript, generate, import_sdk

SPEC = REPO / "tests" / "fixtures" / "paths" / "styled_path_params.yaml"
EXPECTED = "/items/1%2C2%2C3/%7Bflags%7D/a%2Ctrue%2Cb%2Cfalse"


def test_python_fills_styled_path_parameters(tmp_path: Path) -> None:
    sdk = SdkSpec(SPEC, "openai", "styled_paths", "Styled")
    module = import_sdk(generate(sdk, tmp_path / "py"), sdk.package)
    sent: list[httpx.URL] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.url)
        return httpx.Response(204)

    client = module.Styled(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    client.items.retrieve([1, 2, 3], "{flags}", {"a": True, "b": False})
    assert [url.raw_path.decode() for url in sent] == [EXPECTED]


def test_typescript_fills_styled_path_parameters(tmp_path: Path) -> None:
    sdk = SdkSpec(SPEC, "openai", "styled-paths", "Styled", target="typescript")
    index = compiled_typescript(sdk, tmp_path)
    script = (
        f"const {{ Styled }} = await import({json.dumps(index.as_uri())});\n"
        "const sent = [];\n"
        "const fetch = async (url) => { sent.push(new URL(url).pathname); return new Response(null, { status: 204 }); };\n"
        "const client = new Styled({ apiKey: 'k', baseURL: 'http://localhost', fetch });\n"
        "await client.items.retrieve([1, 2, 3], '{flags}', { a: true, b: false });\n"
        "process.stdout.write(JSON.stringify(sent));\n"
    )
    done = subprocess.run(
        [str(need("node")), "--input-type=module", "-e", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout) == [EXPECTED]

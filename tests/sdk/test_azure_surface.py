"""Our Azure SDKs, generated from the full Azure AI Agents spec, called as the official SDKs are.

`tests/fixtures/official/azure_ai_agents.json` lists the 41 public operations of
`azure-ai-agents` 1.1.0 (Python) and `@azure/ai-agents` 1.1.0 (TypeScript): the call path,
the arguments in the official calling style, every optional parameter name, and the
request the call must send. Each operation is called that way over a mock transport
(Python) or a recording `fetch` (TypeScript, after `tsc --strict` accepts the calls) and
checked on its method, path, query, api-version and body.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import httpx
from needs import need
from sdkgen import AZURE_AGENTS, REPO, SdkSpec, generate

FIXTURE = REPO / "tests" / "fixtures" / "official" / "azure_ai_agents.json"
NODE_RUNNER = REPO / "tests" / "node" / "azure-surface.mjs"
ENDPOINT = "https://res.example/api/projects/p1"
PAGE = {"object": "list", "data": [], "first_id": "x", "last_id": "x", "has_more": False}
OFFICIAL: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
OPERATIONS: list[dict[str, Any]] = OFFICIAL["operations"]


def test_the_fixture_lists_the_41_operations_once_each() -> None:
    ids = [op["operation_id"] for op in OPERATIONS]
    assert len(ids) == 41 == len(set(ids))
    for language in ("python", "typescript"):
        calls = [op[language]["call"] for op in OPERATIONS]
        assert len(set(calls)) == 41, language


# --------------------------------------------------------------------------- the expected request


def _query_value(value: object) -> str:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def _request_problems(expected: Mapping[str, Any], sent: Mapping[str, Any]) -> list[str]:
    """Differences between the request the fixture expects and the one sent."""
    problems: list[str] = []
    if sent.get("method", "").upper() != expected["method"]:
        problems.append(f"method {sent.get('method')} != {expected['method']}")
    if sent.get("path") != expected["path"]:
        problems.append(f"path {sent.get('path')} != {expected['path']}")
    query = dict(sent.get("query", {}))
    if query.pop("api-version", None) != OFFICIAL["api_version"]:
        problems.append(f"api-version missing or wrong in {sent.get('query')}")
    wanted_query = {k: _query_value(v) for k, v in expected.get("query", {}).items()}
    if query != wanted_query:
        problems.append(f"query {query} != {wanted_query}")
    for kind in ("json", "multipart"):
        if kind in expected and sent.get(kind) != expected[kind]:
            problems.append(f"{kind} body {sent.get(kind)} != {expected[kind]}")
    if "json" not in expected and "multipart" not in expected and sent.get("body"):
        problems.append(f"unexpected body {sent.get('body')!r}")
    return problems


def _report(problems: Mapping[str, list[str]], language: str) -> str:
    matched = sum(1 for p in problems.values() if not p)
    lines = [f"{language}: {matched}/{len(problems)} operations match the official SDK"]
    lines += [f"  {op}: {'; '.join(p)}" for op, p in problems.items() if p]
    return "\n".join(lines)


# --------------------------------------------------------------------------- Python


def _python_value(value: object) -> object:
    if isinstance(value, dict) and "$file" in value:
        file = value["$file"]
        return (file["name"], file["content"].encode())
    return value


def _multipart(request: httpx.Request) -> dict[str, str]:
    boundary = request.headers["content-type"].split("boundary=", 1)[1].encode()
    form: dict[str, str] = {}
    for part in request.content.split(b"--" + boundary):
        head, _, body = part.partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]*)"', head)
        if name is not None:
            form[name.group(1).decode()] = body.removesuffix(b"\r\n").decode()
    return form


def _sent(request: httpx.Request) -> dict[str, Any]:
    prefix = httpx.URL(ENDPOINT).raw_path.decode()
    out: dict[str, Any] = {
        "method": request.method,
        "path": unquote(request.url.raw_path.decode().split("?", 1)[0].removeprefix(prefix)),
        "query": dict(request.url.params.multi_items()),
        "body": request.content.decode(errors="replace"),
    }
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/"):
        out["multipart"] = _multipart(request)
    elif request.content:
        out["json"] = json.loads(request.content)
    return out


def _signature_problems(method: Callable[..., Any], python: Mapping[str, Any]) -> list[str]:
    params = inspect.signature(method).parameters
    positional = [
        name
        for name, p in params.items()
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    problems: list[str] = []
    wanted = list(python["args"])
    if positional[: len(wanted)] != wanted:
        problems.append(f"positional parameters {positional} do not start with {wanted}")
    keyword_kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    for name in [*wanted, *python["kwargs"], *python["keywords"]]:
        if name not in params or params[name].kind not in keyword_kinds:
            problems.append(f"no keyword parameter {name}")
    return problems


def _python_problems(sdk: ModuleType, op: Mapping[str, Any]) -> list[str]:
    python = op["python"]
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        requests.append(request)
        return httpx.Response(200, json=PAGE)

    client = sdk.AgentsClient(
        endpoint=ENDPOINT,
        api_key="key-1",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    target: Any = client
    for attribute in python["call"].split("."):
        if not hasattr(target, attribute):
            return [f"no attribute {attribute!r} on the way to client.{python['call']}"]
        target = getattr(target, attribute)
    problems = _signature_problems(target, python)
    args = [_python_value(v) for v in python["args"].values()]
    kwargs = {k: _python_value(v) for k, v in python["kwargs"].items()}
    try:
        result = target(*args, **kwargs)
        if op.get("paged"):
            for _ in result:
                break
    except Exception as exc:  # noqa: BLE001 - a failing call is a mismatch to report, not a test error
        return [*problems, f"call raised {type(exc).__name__}: {exc}"]
    if not requests:
        return [*problems, "no request was sent"]
    return problems + _request_problems(op["request"], _sent(requests[0]))


def test_python_sdk_is_called_as_the_official_one(azure_agents_sdk: ModuleType) -> None:
    problems = {op["operation_id"]: _python_problems(azure_agents_sdk, op) for op in OPERATIONS}
    assert not any(problems.values()), _report(problems, "Python")


# --------------------------------------------------------------------------- TypeScript


def _ts_value(value: object) -> str:
    if isinstance(value, dict) and "$file" in value:
        file = value["$file"]
        return f"new File([{json.dumps(file['content'])}], {json.dumps(file['name'])})"
    return json.dumps(value)


def _ts_call(op: Mapping[str, Any], options: Mapping[str, str]) -> str:
    ts = op["typescript"]
    args = [_ts_value(a["value"]) for a in ts["args"]]
    if options or ts.get("options_required"):
        args.append("{ " + ", ".join(f"{json.dumps(k)}: {v}" for k, v in options.items()) + " }")
    call = f"client.{ts['call']}({', '.join(args)})"
    if op.get("paged"):
        return f"for await (const item of {call}) {{ void item; break; }}"
    return f"await {call};"


def _surface_source() -> tuple[str, dict[int, str]]:
    """`_surface.ts` and its line number → operation.

    `calls` holds one function per operation, called by the Node runner. `signatures`
    is only compiled: each calls the method with its positional arguments alone (when the
    official options object is optional), then with every optional parameter name of the
    official method in the options object, so an option we lack is an excess-property error."""
    lines = ["import { AgentsClient } from './index.js';", ""]
    owner: dict[int, str] = {}
    for name in ("calls", "signatures"):
        lines.append(f"export const {name}: Record<string, (client: AgentsClient) => Promise<void>> = {{")
        for op in OPERATIONS:
            ts = op["typescript"]
            if name == "calls":
                variants = [{k: _ts_value(v) for k, v in ts["options"].items()}]
            else:
                variants = [{k: "undefined" for k in ts["option_names"]}]
                if not ts.get("options_required"):
                    variants.insert(0, {})
            lines.append(f"  {json.dumps(op['operation_id'])}: async (client) => {{")
            for options in variants:
                owner[len(lines) + 1] = op["operation_id"]
                lines.append(f"    {_ts_call(op, options)}")
            lines.append("  },")
        lines += ["};", ""]
    return "\n".join(lines), owner


def test_typescript_sdk_is_called_as_the_official_one(tmp_path: Path) -> None:
    sdk = SdkSpec(AZURE_AGENTS.path, "azure", "azure-ai-agents", "AgentsClient", target="typescript")
    out = generate(sdk, tmp_path / "sdk")
    source, owner = _surface_source()
    (out / "src" / "_surface.ts").write_text(source, encoding="utf-8")
    compiled = subprocess.run(
        [str(need("tsc")), "-p", str(out / "tsconfig.json")], capture_output=True, text=True, check=False
    )
    problems: dict[str, list[str]] = {op["operation_id"]: [] for op in OPERATIONS}
    for match in re.finditer(r"_surface\.ts\((\d+),\d+\): error (TS\d+: .*)", compiled.stdout):
        problems[owner.get(int(match.group(1)), "(surface)")].append(match.group(2))
    others = [line for line in compiled.stdout.splitlines() if "error TS" in line and "_surface.ts" not in line]
    assert not others, "the generated SDK does not compile:\n" + "\n".join(others[:20])
    env = dict(os.environ, SDK=str(out / "dist" / "index.js"), CALLS=str(out / "dist" / "_surface.js"))
    ran = subprocess.run(
        [str(need("node")), str(NODE_RUNNER)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    sent = {line["operation"]: line for line in map(json.loads, ran.stdout.splitlines())}
    for op in OPERATIONS:
        oid = op["operation_id"]
        line = sent[oid]
        if "error" in line:
            problems[oid].append(f"call failed: {line['error']}")
        elif "method" not in line:
            problems[oid].append("no request was sent")
        else:
            line["query"] = dict(line["query"])
            problems[oid] += _request_problems(op["request"], line)
    assert not any(problems.values()), _report(problems, "TypeScript")

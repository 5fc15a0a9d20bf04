"""The generated Python SDK, end to end on a small hand-made API: generate, import, and
drive it over `httpx.MockTransport` (requests, retries, errors, pagination, SSE, parsing).
"""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from needs import need

from generator.flavors import AZURE, OPENAI, Flavor, apply
from generator.ir.model import (
    Api,
    ArrayOf,
    Body,
    Discriminator,
    EnumModel,
    EnumValue,
    Example,
    Field,
    LiteralOf,
    MapOf,
    Nullable,
    ObjectModel,
    Operation,
    Pagination,
    Parameter,
    Primitive,
    Ref,
    Resource,
    Response,
    SecurityScheme,
    Server,
    ServerVariable,
    Streaming,
    UnionModel,
)
from generator.plan import TargetOptions
from generator.targets.python import plan

STR = Primitive("string")
INT = Primitive("integer")
UNIX = Primitive("integer", "unixtime")


def _models() -> tuple[Any, ...]:
    return (
        ObjectModel(
            "Run",
            (
                Field("id", STR, True, "The identifier."),
                Field("object", LiteralOf("thread.run"), True),
                Field("created_at", UNIX, True, "When it was created (Unix seconds)."),
                Field("status", Ref("RunStatus"), True),
                Field("last_error", Nullable(Ref("LastError")), True),
                Field("expires_at", Nullable(UNIX), False),
                Field("assistantId", STR, False, client_name="assistantIdentifier"),
                Field("metadata", Nullable(MapOf(STR)), False),
                Field("tools", ArrayOf(Ref("Tool")), False),
            ),
            description="A run on a thread.",
        ),
        EnumModel("RunStatus", (EnumValue("queued"), EnumValue("completed"))),
        ObjectModel(
            "LastError", (Field("code", STR, True), Field("message", STR, True))
        ),
        UnionModel(
            "Tool",
            (Ref("CodeTool"), Ref("FunctionTool")),
            Discriminator(
                "type", (("code_interpreter", "CodeTool"), ("function", "FunctionTool"))
            ),
        ),
        ObjectModel("CodeTool", (Field("type", STR, True),)),
        ObjectModel(
            "FunctionTool",
            (Field("type", STR, True), Field("function", Ref("FunctionDef"), True)),
        ),
        ObjectModel(
            "FunctionDef",
            (Field("name", STR, True), Field("description", STR, False)),
        ),
        ObjectModel(
            "ListRuns",
            (
                Field("data", ArrayOf(Ref("Run")), True),
                Field("has_more", Primitive("boolean"), True),
                Field("last_id", Nullable(STR), True),
            ),
        ),
        ObjectModel(
            "CreateRun",
            (
                Field("assistant_id", STR, True),
                Field("model", Nullable(STR), False),
                Field("stream", Nullable(Primitive("boolean")), False),
                Field("tools", ArrayOf(Ref("Tool")), False),
            ),
        ),
        UnionModel(
            "RunEvent",
            (Ref("RunCreated"), Ref("Done")),
            Discriminator(
                "event", (("thread.run.created", "RunCreated"), ("done", "Done"))
            ),
        ),
        ObjectModel(
            "RunCreated",
            (
                Field("event", LiteralOf("thread.run.created"), True),
                Field("data", Ref("Run"), True),
            ),
        ),
        ObjectModel(
            "Done", (Field("event", LiteralOf("done"), True), Field("data", STR, True))
        ),
        ObjectModel(
            "Upload",
            (
                Field("file", Primitive("string", "binary"), True),
                Field("purpose", STR, True),
            ),
        ),
        ObjectModel("FileObject", (Field("id", STR, True), Field("bytes", INT, True))),
    )


def _path(name: str) -> Parameter:
    return Parameter(name, "path", STR, True)


def _api(flavor: Flavor) -> Api:
    thread = "threadId" if flavor is AZURE else "thread_id"
    runs_path = "/threads/{" + thread + "}/runs"
    run = Response("200", content_type="application/json", type=Ref("Run"))
    example = Example(
        "list", (("python", 'client.beta.threads.runs.list("thread_abc123")'),)
    )
    runs = Resource(
        "runs",
        (
            Operation(
                "Runs_CreateRun",
                "create",
                "post",
                runs_path,
                (_path(thread),),
                bodies=(Body("application/json", Ref("CreateRun"), True),),
                success=run,
                streaming=Streaming("text/event-stream", Ref("RunEvent"), "stream"),
                summary="Create a run.",
                examples=(example,),
            ),
            Operation(
                "Runs_ListRuns",
                "list",
                "get",
                runs_path,
                (
                    _path(thread),
                    Parameter("limit", "query", INT, False),
                    Parameter("after", "query", STR, False),
                    Parameter("include[]", "query", ArrayOf(STR), False),
                ),
                success=Response(
                    "200", content_type="application/json", type=Ref("ListRuns")
                ),
                pagination=Pagination(
                    "data", Ref("Run"), "after", "last_id", "has_more", "limit"
                ),
                examples=(example,),
            ),
            Operation(
                "Runs_GetRun",
                "get",
                "get",
                runs_path + "/{run_id}",
                (_path(thread), _path("run_id")),
                success=run,
                examples=(example,),
            ),
        ),
    )
    files = Resource(
        "files",
        (
            Operation(
                "Files_UploadFile",
                "upload",
                "post",
                "/files",
                (),
                bodies=(Body("multipart/form-data", Ref("Upload"), True),),
                success=Response(
                    "200", content_type="application/json", type=Ref("FileObject")
                ),
            ),
        ),
    )
    extensions: tuple[tuple[str, Any], ...] = ()
    client_parameters: tuple[Parameter, ...] = ()
    if flavor is AZURE:
        servers = (Server("{endpoint}", variables=(ServerVariable("endpoint", None),)),)
        schemes = (
            SecurityScheme(
                "OAuth2Auth", "oauth2", scopes=("https://ai.azure.com/.default",)
            ),
        )
        extensions = (("x-ms-parameterized-host", {"hostTemplate": "{endpoint}"}),)
        client_parameters = (
            Parameter("api-version", "query", STR, True, method_level=False),
        )
    else:
        servers = (Server("https://api.example.com/v1"),)
        schemes = (SecurityScheme("ApiKeyAuth", "http", scheme="bearer"),)
    threads = Resource("threads", (), children=(runs,))
    return Api(
        title="Runs API",
        version="v1",
        spec_format="openapi-3.0.3",
        models=tuple(sorted(_models(), key=lambda m: m.name)),
        resources=(files, threads),
        servers=servers,
        security_schemes=schemes,
        client_parameters=client_parameters,
        extensions=extensions,
        source_file="specs/test/runs.yaml",
    )


def _generate(tmp: Path, flavor: Flavor, package: str, client: str) -> Path:
    api = apply(_api(flavor), flavor)
    file_plan = plan(
        api, flavor, TargetOptions(package_name=package, client_name=client)
    )
    for f in file_plan.files:
        target = tmp / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.render(), encoding="utf-8")
    return tmp


def _import(root: Path, package: str) -> ModuleType:
    sys.path.insert(0, str(root))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(root))


@pytest.fixture(scope="module")
def openai_sdk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ModuleType]:
    root = _generate(
        tmp_path_factory.mktemp("openai"), OPENAI, "sdk_openai_runs", "OpenAI"
    )
    return root, _import(root, "sdk_openai_runs")


@pytest.fixture(scope="module")
def azure_sdk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ModuleType]:
    root = _generate(
        tmp_path_factory.mktemp("azure"), AZURE, "sdk_azure_runs", "AgentsClient"
    )
    return root, _import(root, "sdk_azure_runs")


RUN = {
    "id": "run_1",
    "object": "thread.run",
    "created_at": 1700000000,
    "status": "queued",
    "last_error": None,
    "assistantId": "asst_1",
    "tools": [
        {"type": "function", "function": {"name": "f"}},
        {"type": "code_interpreter"},
    ],
}


Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    def __init__(self, *responses: httpx.Response | Handler) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        nxt = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        return nxt(request) if callable(nxt) else nxt


def _client(sdk: ModuleType, recorder: Recorder, **kwargs: Any) -> Any:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    kwargs.setdefault("api_key", "sk-test")
    return sdk.OpenAI(http_client=http, **kwargs)


# --------------------------------------------------------------------------- quality


def test_output_is_black_clean_and_has_no_unused_imports(
    openai_sdk: tuple[Path, ModuleType], azure_sdk: tuple[Path, ModuleType]
) -> None:
    for root, _ in (openai_sdk, azure_sdk):
        black = subprocess.run(
            [sys.executable, "-m", "black", "--check", "-q", str(root)],
            capture_output=True,
            check=False,
        )
        assert black.returncode == 0, black.stderr.decode()
        ruff = subprocess.run(
            [
                str(need("ruff")),
                "check",
                "--select",
                "F401",
                "-q",
                str(root),
            ],
            capture_output=True,
            check=False,
        )
        assert ruff.returncode == 0, ruff.stdout.decode()


def test_output_is_mypy_strict_clean(
    openai_sdk: tuple[Path, ModuleType], azure_sdk: tuple[Path, ModuleType]
) -> None:
    for root, module in (openai_sdk, azure_sdk):
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", module.__name__],
            cwd=root,
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout.decode()


def test_layout_and_header(openai_sdk: tuple[Path, ModuleType]) -> None:
    root, _ = openai_sdk
    pkg = root / "sdk_openai_runs"
    for name in (
        "_client.py",
        "types/__init__.py",
        "resources/__init__.py",
    ):
        first = (pkg / name).read_text().splitlines()[0]
        assert first.startswith("# Generated by sdkforge from specs/test/runs.yaml.")
    # The runtime is the same for every spec, so its header names none.
    first = (pkg / "_base_client.py").read_text().splitlines()[0]
    assert first.startswith("# Generated by sdkforge. Do not edit")
    assert (root / "pyproject.toml").exists() and (root / "README.md").exists()
    assert "__all__: list[str] = []" in (pkg / "_patch.py").read_text()


def test_patch_file_is_never_overwritten() -> None:
    patch = [
        f
        for f in plan(_api(OPENAI), OPENAI, TargetOptions("p", "C")).files
        if f.path.endswith("_patch.py")
    ]
    assert len(patch) == 1 and patch[0].overwrite is False


def test_keys_are_stable_and_follow_their_inputs() -> None:
    opts = TargetOptions("p", "C")
    one = {f.path: f.key for f in plan(apply(_api(OPENAI), OPENAI), OPENAI, opts).files}
    two = {f.path: f.key for f in plan(apply(_api(OPENAI), OPENAI), OPENAI, opts).files}
    assert one == two
    other = {
        f.path: f.key
        for f in plan(
            apply(_api(OPENAI), OPENAI), OPENAI, TargetOptions("p", "D")
        ).files
    }
    assert other["p/_client.py"] != one["p/_client.py"]
    assert other["p/_types.py"] == one["p/_types.py"]


# --------------------------------------------------------------------------- requests


def test_request_shape_auth_and_not_given(
    openai_sdk: tuple[Path, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sdk = openai_sdk
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    rec = Recorder(httpx.Response(200, json=RUN))
    client = sdk.OpenAI(http_client=httpx.Client(transport=httpx.MockTransport(rec)))
    run = client.beta.threads.runs.create(
        "th/1", assistant_id="asst_1", model=None, extra_headers={"X-Extra": "1"}
    )
    request = rec.requests[0]
    assert request.method == "POST"
    assert request.url.raw_path == b"/v1/threads/th%2F1/runs"
    assert request.headers["authorization"] == "Bearer sk-env"
    assert request.headers["x-extra"] == "1"
    # `model=None` is sent as null; `stream` and `tools`, not given, are left out.
    assert json.loads(request.content) == {"assistant_id": "asst_1", "model": None}
    assert run.id == "run_1"


def test_query_lists_and_path_order(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = Recorder(httpx.Response(200, json=RUN))
    client = _client(sdk, rec)
    client.beta.threads.runs.retrieve("t1", "r1", extra_query={"x": "y"})
    assert rec.requests[0].url.path == "/v1/threads/t1/runs/r1"
    assert rec.requests[0].url.params["x"] == "y"
    rec2 = Recorder(
        httpx.Response(200, json={"data": [], "has_more": False, "last_id": None})
    )
    client = _client(sdk, rec2)
    list(client.beta.threads.runs.list("t1", include=["a", "b"], limit=2))
    params = rec2.requests[0].url.params
    assert params.get_list("include[]") == ["a", "b"] and params["limit"] == "2"


def test_multipart_upload(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = Recorder(httpx.Response(200, json={"id": "file_1", "bytes": 3}))
    client = _client(sdk, rec)
    result = client.files.upload(
        file=("a.txt", b"abc", "text/plain"), purpose="assistants"
    )
    request = rec.requests[0]
    assert request.headers["content-type"].startswith("multipart/form-data")
    body = request.read()
    assert b'name="purpose"' in body and b"assistants" in body
    assert b'filename="a.txt"' in body and b"abc" in body
    assert result.bytes == 3


def test_missing_api_key_is_an_error(
    openai_sdk: tuple[Path, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, sdk = openai_sdk
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(sdk.OpenAIError):
        sdk.OpenAI()


# --------------------------------------------------------------------------- retries, errors


def test_retry_on_429_then_success(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = Recorder(
        httpx.Response(
            429, headers={"retry-after-ms": "1"}, json={"error": {"message": "slow"}}
        ),
        httpx.Response(503, headers={"retry-after": "0"}),
        httpx.Response(200, json=RUN),
    )
    client = _client(sdk, rec, max_retries=2)
    assert client.beta.threads.runs.retrieve("t", "r").id == "run_1"
    assert len(rec.requests) == 3
    assert rec.requests[2].headers["x-retry-count"] == "2"


def test_retries_run_out_then_raise(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = Recorder(
        httpx.Response(
            429, headers={"retry-after": "0"}, json={"error": {"message": "slow"}}
        )
    )
    client = _client(sdk, rec, max_retries=1)
    with pytest.raises(sdk.RateLimitError) as info:
        client.beta.threads.runs.retrieve("t", "r")
    assert len(rec.requests) == 2 and info.value.status_code == 429


def test_connection_errors_are_retried(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    calls: list[int] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("down", request=request)
        return httpx.Response(200, json=RUN)

    client = _client(sdk, Recorder(flaky), max_retries=1)
    client._sleep = lambda seconds: None
    assert client.beta.threads.runs.retrieve("t", "r").id == "run_1"
    client = _client(
        sdk,
        Recorder(lambda r: (_ for _ in ()).throw(httpx.ConnectError("x", request=r))),
        max_retries=0,
    )
    with pytest.raises(sdk.APIConnectionError):
        client.beta.threads.runs.retrieve("t", "r")


def test_backoff_grows_with_jitter_and_honours_retry_after(
    openai_sdk: tuple[Path, ModuleType],
) -> None:
    _, sdk = openai_sdk
    client = _client(sdk, Recorder(httpx.Response(200)))
    delays = [client._retry_delay(n, None) for n in range(6)]
    assert 0.375 <= delays[0] <= 0.5 and 6.0 <= delays[5] <= 8.0
    assert (
        client._retry_delay(0, httpx.Response(429, headers={"retry-after": "3"})) == 3.0
    )
    assert (
        client._retry_delay(0, httpx.Response(429, headers={"retry-after-ms": "250"}))
        == 0.25
    )


def test_typed_error_with_envelope(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    body = {
        "error": {
            "code": "not_found",
            "message": "No run",
            "param": None,
            "type": "invalid_request_error",
        }
    }
    rec = Recorder(httpx.Response(404, json=body, headers={"x-request-id": "req_9"}))
    client = _client(sdk, rec)
    with pytest.raises(sdk.NotFoundError) as info:
        client.beta.threads.runs.retrieve("t", "missing")
    err = info.value
    assert isinstance(err, sdk.APIStatusError)
    assert err.status_code == 404 and err.request_id == "req_9"
    assert err.error.code == "not_found" and err.error.message == "No run"
    assert err.body == body and len(rec.requests) == 1
    rec = Recorder(httpx.Response(500, json={}))
    with pytest.raises(sdk.InternalServerError):
        _client(sdk, rec, max_retries=0).beta.threads.runs.retrieve("t", "r")


def test_raw_response(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = Recorder(httpx.Response(200, json=RUN, headers={"x-request-id": "req_1"}))
    client = _client(sdk, rec)
    raw = client.with_raw_response.beta.threads.runs.retrieve("t", "r")
    assert raw.status_code == 200 and raw.request_id == "req_1"
    assert raw.parse().id == "run_1"
    raw = client.beta.threads.runs.with_raw_response.retrieve("t", "r")
    assert raw.parse().status == "queued"


# --------------------------------------------------------------------------- pagination


def _pages() -> Recorder:
    def page(request: httpx.Request) -> httpx.Response:
        after = request.url.params.get("after")
        index = {None: 0, "run_b": 1, "run_d": 2}[after]
        ids = [["run_a", "run_b"], ["run_c", "run_d"], ["run_e"]][index]
        data = [{**RUN, "id": i} for i in ids]
        return httpx.Response(
            200, json={"data": data, "has_more": index < 2, "last_id": ids[-1]}
        )

    return Recorder(page)


def test_cursor_page_iterates_across_three_pages(
    openai_sdk: tuple[Path, ModuleType],
) -> None:
    _, sdk = openai_sdk
    rec = _pages()
    client = _client(sdk, rec)
    page = client.beta.threads.runs.list("t", limit=2)
    assert [r.id for r in page.data] == ["run_a", "run_b"] and page.has_next_page()
    assert [r.id for r in page] == ["run_a", "run_b", "run_c", "run_d", "run_e"]
    assert [r.url.params.get("after") for r in rec.requests] == [None, "run_b", "run_d"]
    assert all(r.url.params["limit"] == "2" for r in rec.requests)


def test_async_pagination_and_calls(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = _pages()

    async def main() -> tuple[list[str], str, str]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(rec))
        client = sdk.AsyncOpenAI(api_key="k", http_client=http)
        ids = [run.id async for run in client.beta.threads.runs.list("t")]
        first = await client.beta.threads.runs.list("t")
        return ids, first.data[0].id, rec.requests[-1].headers["authorization"]

    ids, first, auth = asyncio.run(main())
    assert ids == ["run_a", "run_b", "run_c", "run_d", "run_e"]
    assert first == "run_a" and auth == "Bearer k"


# --------------------------------------------------------------------------- streaming


SSE = (
    b"event: thread.run.created\n"
    b'data: {"id": "run_1", "object": "thread.run", "created_at": 1, "status": "queued", "last_error": null}\n\n'
    b": keep-alive\n\n"
    b"event: thread.run.brand_new\n"
    b'data: {"x": 1}\n\n'
    b"event: done\n"
    b"data: [DONE]\n\n"
)


def test_sse_stream_decodes_typed_events(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = Recorder(
        httpx.Response(200, content=SSE, headers={"content-type": "text/event-stream"})
    )
    client = _client(sdk, rec)
    stream = client.beta.threads.runs.create("t", assistant_id="a", stream=True)
    assert isinstance(stream, sdk.Stream)
    events = list(stream)
    assert json.loads(rec.requests[0].content)["stream"] is True
    assert type(events[0]).__name__ == "RunCreated"
    assert events[0].event == "thread.run.created" and events[0].data.id == "run_1"
    # An event the SDK does not know still arrives, its data reachable.
    assert len(events) == 2 and events[1].to_dict() == {
        "event": "thread.run.brand_new",
        "data": {"x": 1},
    }


def test_async_sse_stream(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = Recorder(
        httpx.Response(200, content=SSE, headers={"content-type": "text/event-stream"})
    )

    async def main() -> list[Any]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(rec))
        client = sdk.AsyncOpenAI(api_key="k", http_client=http)
        stream = await client.beta.threads.runs.create(
            "t", assistant_id="a", stream=True
        )
        return [event async for event in stream]

    events = asyncio.run(main())
    assert events[0].data.status == "queued"


# --------------------------------------------------------------------------- parsing


def test_lenient_parsing_keeps_data_and_round_trips(
    openai_sdk: tuple[Path, ModuleType],
) -> None:
    _, sdk = openai_sdk
    Run = sdk.types.Run
    run = Run.construct_from(RUN)
    assert run.tools[0].function.name == "f"
    assert (
        type(run.tools[0]).__name__ == "FunctionTool"
        and type(run.tools[1]).__name__ == "CodeTool"
    )
    assert run.assistant_id == "asst_1"
    assert run.to_dict() == RUN
    assert run.model_dump(mode="json", by_alias=True, exclude_unset=True) == RUN
    # Nullable vs optional: last_error was sent as null, expires_at was left out.
    assert run.last_error is None and "last_error" in run.model_fields_set
    assert run.expires_at is None and "expires_at" not in run.model_fields_set
    odd = {
        **RUN,
        "status": "brand_new",
        "extra": {"a": 1},
        "tools": [{"type": "web", "q": 1}],
    }
    del odd["id"]
    parsed = Run.construct_from(odd)
    assert parsed.status == "brand_new"
    assert parsed.model_extra == {"extra": {"a": 1}}
    assert parsed.tools[0].to_dict() == {"type": "web", "q": 1}
    assert "id" not in parsed.model_fields_set
    assert parsed.to_dict() == odd


def test_requests_validate_strictly(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    import pydantic

    with pytest.raises(pydantic.ValidationError):
        sdk.types.FunctionDef.model_validate({"description": "no name"})
    tool = sdk.types.FunctionTool(
        type="function", function=sdk.types.FunctionDef(name="f")
    )
    rec = Recorder(httpx.Response(200, json=RUN))
    _client(sdk, rec).beta.threads.runs.create(
        "t", assistant_id="a", tools=[tool, {"type": "code_interpreter"}]
    )
    sent = json.loads(rec.requests[0].content)
    assert sent["tools"] == [
        {"type": "function", "function": {"name": "f"}},
        {"type": "code_interpreter"},
    ]


def test_openai_flavor_keeps_unix_ints(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    assert sdk.types.Run.construct_from(RUN).created_at == 1700000000


# --------------------------------------------------------------------------- azure flavor


def test_azure_client_endpoint_api_version_and_api_key(
    azure_sdk: tuple[Path, ModuleType],
) -> None:
    _, sdk = azure_sdk
    rec = Recorder(httpx.Response(200, json=RUN))
    http = httpx.Client(transport=httpx.MockTransport(rec))
    client = sdk.AgentsClient(
        endpoint="https://x.services.ai.azure.com/api/projects/p",
        api_key="k",
        http_client=http,
    )
    run = client.runs.get("t1", "r1")
    request = rec.requests[0]
    assert (
        str(request.url)
        == "https://x.services.ai.azure.com/api/projects/p/threads/t1/runs/r1?api-version=v1"
    )
    assert request.headers["api-key"] == "k" and "authorization" not in request.headers
    assert run.created_at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert run.to_dict()["created_at"] == 1700000000
    assert run.to_dict() == RUN
    # x-ms-client-name is honoured (and snake_cased); the wire name stays the alias.
    assert run.assistant_identifier == "asst_1"


def test_azure_token_provider_is_refreshed_before_expiry(
    azure_sdk: tuple[Path, ModuleType],
) -> None:
    _, sdk = azure_sdk
    issued: list[str] = []

    def provider() -> tuple[str, float]:
        issued.append(f"tok{len(issued)}")
        # The first token is about to expire (inside the refresh margin), the second is not.
        return issued[-1], time.time() + (10 if len(issued) == 1 else 3600)

    rec = Recorder(httpx.Response(200, json=RUN))
    http = httpx.Client(transport=httpx.MockTransport(rec))
    client = sdk.AgentsClient(
        endpoint="https://e",
        credential=provider,
        api_version="2025-01-01",
        http_client=http,
    )
    for _ in range(3):
        client.runs.get("t", "r")
    assert [r.headers["authorization"] for r in rec.requests] == [
        "Bearer tok0",
        "Bearer tok1",
        "Bearer tok1",
    ]
    assert rec.requests[0].url.params["api-version"] == "2025-01-01"


def test_azure_credential_object(azure_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = azure_sdk
    scopes_seen: list[tuple[str, ...]] = []

    class Token:
        token = "entra"
        expires_on = int(time.time()) + 3600

    class Credential:
        def get_token(self, *scopes: str) -> Token:
            scopes_seen.append(scopes)
            return Token()

    rec = Recorder(httpx.Response(200, json=RUN))
    http = httpx.Client(transport=httpx.MockTransport(rec))
    client = sdk.AgentsClient(
        endpoint="https://e", credential=Credential(), http_client=http
    )
    client.runs.get("t", "r")
    assert rec.requests[0].headers["authorization"] == "Bearer entra"
    assert scopes_seen == [("https://ai.azure.com/.default",)]


def test_flavors_share_one_runtime(
    openai_sdk: tuple[Path, ModuleType], azure_sdk: tuple[Path, ModuleType]
) -> None:
    for name in ("_base_client.py", "_models.py", "_pagination.py", "_streaming.py"):
        a = (openai_sdk[0] / "sdk_openai_runs" / name).read_text().splitlines()[1:]
        b = (azure_sdk[0] / "sdk_azure_runs" / name).read_text().splitlines()[1:]
        assert a == b


def _iter_files(root: Path) -> Iterator[Path]:
    yield from (p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_file_is_too_long(openai_sdk: tuple[Path, ModuleType]) -> None:
    for path in _iter_files(openai_sdk[0]):
        assert len(path.read_text().splitlines()) <= 1500


def test_output_is_pyright_strict_clean(
    openai_sdk: tuple[Path, ModuleType], azure_sdk: tuple[Path, ModuleType]
) -> None:
    pyright = need("pyright")
    for root, _ in (openai_sdk, azure_sdk):
        result = subprocess.run(
            [str(pyright), "--pythonpath", sys.executable, str(root)],
            cwd=root,
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout.decode()[-3000:]


def test_generators_are_sent_as_json_arrays(
    openai_sdk: tuple[Path, ModuleType],
) -> None:
    _, sdk = openai_sdk
    rec = Recorder(httpx.Response(200, json=RUN))
    tools = ({"type": "code_interpreter"} for _ in range(2))
    _client(sdk, rec).beta.threads.runs.create("t", assistant_id="a", tools=tools)
    assert (
        json.loads(rec.requests[0].content)["tools"]
        == [{"type": "code_interpreter"}] * 2
    )


def test_per_call_timeout_and_default(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    rec = Recorder(httpx.Response(200, json=RUN))
    client = _client(sdk, rec, timeout=20.0)
    client.beta.threads.runs.retrieve("t", "r")
    client.beta.threads.runs.retrieve("t", "r", timeout=httpx.Timeout(3.0, connect=1.0))
    first, second = (r.extensions["timeout"] for r in rec.requests)
    assert first["read"] == 20.0
    assert second["read"] == 3.0 and second["connect"] == 1.0


def test_timeouts_raise_after_retries(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    rec = Recorder(slow)
    client = _client(sdk, rec, max_retries=1)
    client._sleep = lambda seconds: None
    with pytest.raises(sdk.APITimeoutError):
        client.beta.threads.runs.retrieve("t", "r")
    assert len(rec.requests) == 2


def test_sse_error_event_raises(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    body = b'event: error\ndata: {"error": {"message": "boom"}}\n\n'
    rec = Recorder(
        httpx.Response(200, content=body, headers={"content-type": "text/event-stream"})
    )
    stream = _client(sdk, rec).beta.threads.runs.create(
        "t", assistant_id="a", stream=True
    )
    with pytest.raises(sdk.APIError) as info:
        list(stream)
    assert info.value.error.message == "boom"


def test_retry_after_http_date_and_garbage(openai_sdk: tuple[Path, ModuleType]) -> None:
    _, sdk = openai_sdk
    client = _client(sdk, Recorder(httpx.Response(200)))
    soon = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))
    delay = client._retry_delay(0, httpx.Response(503, headers={"retry-after": soon}))
    assert 25 <= delay <= 31
    garbage = client._retry_delay(0, httpx.Response(503, headers={"retry-after": "soon"}))
    assert 0.375 <= garbage <= 0.5


def test_python_files_are_marked_preformatted() -> None:
    files = plan(apply(_api(OPENAI), OPENAI), OPENAI, TargetOptions("p", "C")).files
    assert all(f.preformatted for f in files if f.language == "python")
    assert not any(f.preformatted for f in files if f.language != "python")

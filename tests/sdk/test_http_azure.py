"""HTTP-level behaviour of the Azure-flavored SDK generated from specs/azure/runs.json."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import httpx
import pytest

ENDPOINT = "https://myhub.services.ai.azure.com/api/projects/proj1"
Handler = Callable[[httpx.Request], httpx.Response]


def thread_run(run_id: str = "run_1", **overrides: Any) -> dict[str, Any]:
    run: dict[str, Any] = {
        "id": run_id,
        "object": "thread.run",
        "thread_id": "thread_1",
        "assistant_id": "asst_1",
        "status": "requires_action",
        "required_action": {
            "type": "submit_tool_outputs",
            "submit_tool_outputs": {
                "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]
            },
        },
        "last_error": None,
        "model": "gpt-4o",
        "instructions": "Be brief.",
        "tools": [
            {"type": "code_interpreter"},
            {
                "type": "openapi",
                "openapi": {"name": "weather", "spec": {}, "auth": {"type": "connection", "security_scheme": {"connection_id": "c1"}}},
            },
        ],
        "created_at": 1736869300,
        "expires_at": None,
        "started_at": 1736869301,
        "completed_at": None,
        "cancelled_at": None,
        "failed_at": None,
        "incomplete_details": None,
        "usage": None,
        "max_prompt_tokens": None,
        "max_completion_tokens": None,
        "truncation_strategy": {"type": "last_messages", "last_messages": 4},
        "tool_choice": "auto",
        "response_format": None,
        "metadata": {},
        "parallel_tool_calls": True,
    }
    run.update(overrides)
    return run


class Recorder:
    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.handler(request)


def make_client(sdk: ModuleType, handler: Handler, **options: Any) -> tuple[Any, Recorder]:
    recorder = Recorder(handler)
    options.setdefault("endpoint", ENDPOINT)
    if "credential" not in options:
        options.setdefault("api_key", "key-123")
    client = sdk.AgentsClient(http_client=httpx.Client(transport=httpx.MockTransport(recorder)), **options)
    return client, recorder


def test_endpoint_template_api_version_and_api_key(azure_sdk: ModuleType) -> None:
    client, recorder = make_client(azure_sdk, lambda r: httpx.Response(200, json=thread_run()))
    run = client.runs.get("thread_1", "run_1")
    sent = recorder.requests[0]
    assert sent.method == "GET"
    assert str(sent.url).startswith(f"{ENDPOINT}/threads/thread_1/runs/run_1?")
    assert sent.url.params["api-version"] == "v1"
    assert sent.headers["api-key"] == "key-123"
    assert "authorization" not in sent.headers
    assert run.created_at == datetime.fromtimestamp(1736869300, tz=UTC)
    assert run.expires_at is None
    assert run.truncation_strategy is not None and run.truncation_strategy.last_messages == 4
    call = run.required_action.submit_tool_outputs.tool_calls[0]
    assert (call.id, call.function.name) == ("call_1", "f")
    auth = run.tools[1].openapi.auth
    assert auth.security_scheme.connection_id == "c1"  # nested union decoded by its own `type`


def test_token_provider_gives_a_bearer_token_and_is_asked_again_when_it_expires(azure_sdk: ModuleType) -> None:
    issued: list[str] = []

    def provider() -> tuple[str, float]:
        issued.append(f"token-{len(issued) + 1}")
        return issued[-1], 0.0  # already expired: the next request must ask again

    client, recorder = make_client(azure_sdk, lambda r: httpx.Response(200, json=thread_run()), credential=provider)
    client.runs.get("thread_1", "run_1")
    client.runs.get("thread_1", "run_1")
    assert [r.headers["authorization"] for r in recorder.requests] == ["Bearer token-1", "Bearer token-2"]
    assert all("api-key" not in r.headers for r in recorder.requests)


def test_an_azure_core_token_credential_is_asked_for_the_spec_scope(azure_sdk: ModuleType) -> None:
    asked: list[tuple[str, ...]] = []

    class AccessToken:
        token = "entra-token"
        expires_on = 4102444800  # 2100: cached for every request of this test

    class Credential:  # the shape of azure.identity's credentials: get_token(*scopes)
        def get_token(self, *scopes: str) -> AccessToken:
            asked.append(scopes)
            return AccessToken()

    client, recorder = make_client(
        azure_sdk, lambda r: httpx.Response(200, json=thread_run()), credential=Credential()
    )
    client.runs.get("thread_1", "run_1")
    client.runs.get("thread_1", "run_1")
    assert asked == [("https://ai.azure.com/.default",)]
    assert [r.headers["authorization"] for r in recorder.requests] == ["Bearer entra-token"] * 2


def test_seed_002_update_run(azure_sdk: ModuleType) -> None:
    """Seed 002: `POST {endpoint}/threads/{threadId}/runs/{runId}?api-version=v1`, body `metadata`."""
    client, recorder = make_client(azure_sdk, lambda r: httpx.Response(200, json=thread_run()))
    run = client.runs.update("thread_1", "run_1", metadata={"reason": "seed 002"})
    sent = recorder.requests[0]
    assert (sent.method, str(sent.url)) == ("POST", f"{ENDPOINT}/threads/thread_1/runs/run_1?api-version=v1")
    assert json.loads(sent.content) == {"metadata": {"reason": "seed 002"}}
    assert run.id == "run_1"


def test_api_version_is_on_every_request_and_can_be_chosen(azure_sdk: ModuleType) -> None:
    page = {"object": "list", "data": [], "first_id": "", "last_id": "", "has_more": False}
    client, recorder = make_client(
        azure_sdk, lambda r: httpx.Response(200, json=page if r.method == "GET" else thread_run()), api_version="2025-05-01"
    )
    client.runs.list("thread_1")
    client.runs.create("thread_1", agent_id="asst_1")
    client.runs.cancel("thread_1", "run_1")
    assert [r.url.params["api-version"] for r in recorder.requests] == ["2025-05-01"] * 3


def test_json_body_uses_wire_names_and_keeps_nulls(azure_sdk: ModuleType) -> None:
    client, recorder = make_client(azure_sdk, lambda r: httpx.Response(200, json=thread_run()))
    client.runs.create(
        "thread/1",
        agent_id="asst_1",
        additional_instructions="Be nice.",
        max_prompt_tokens=None,
        tools=[{"type": "code_interpreter"}],
        truncation_strategy={"type": "auto"},
    )
    sent = recorder.requests[0]
    assert sent.url.raw_path.startswith(b"/api/projects/proj1/threads/thread%2F1/runs?")
    assert json.loads(sent.content) == {
        "assistant_id": "asst_1",
        "additional_instructions": "Be nice.",
        "max_prompt_tokens": None,
        "tools": [{"type": "code_interpreter"}],
        "truncation_strategy": {"type": "auto"},
    }


def test_multipart_upload(azure_sdk: ModuleType) -> None:
    stored = {"object": "file", "id": "f1", "bytes": 5, "filename": "a.txt", "created_at": 1736869300, "purpose": "assistants"}
    client, recorder = make_client(azure_sdk, lambda r: httpx.Response(200, json=stored))
    info = client.files.upload(file=("a.txt", b"hello", "text/plain"), purpose="assistants")
    sent = recorder.requests[0]
    assert sent.url.params["api-version"] == "v1"
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'filename="a.txt"' in sent.content and b"hello" in sent.content
    assert info.id == "f1"


def test_pagination_across_three_pages(azure_sdk: ModuleType) -> None:
    pages = {None: (["r1", "r2"], True), "r2": (["r3"], True), "r3": (["r4"], False)}

    def answer(request: httpx.Request) -> httpx.Response:
        ids, more = pages[request.url.params.get("after")]
        return httpx.Response(
            200,
            json={"object": "list", "data": [thread_run(i) for i in ids], "first_id": ids[0], "last_id": ids[-1], "has_more": more},
        )

    client, recorder = make_client(azure_sdk, answer)
    assert [run.id for run in client.runs.list("thread_1")] == ["r1", "r2", "r3", "r4"]
    assert [r.url.params.get("after") for r in recorder.requests] == [None, "r2", "r3"]
    assert all(r.url.params["api-version"] == "v1" for r in recorder.requests)


def test_retry_on_429_then_success(azure_sdk: ModuleType) -> None:
    answers = [httpx.Response(429, headers={"retry-after-ms": "1"}), httpx.Response(200, json=thread_run())]
    client, recorder = make_client(azure_sdk, lambda r: answers.pop(0), max_retries=1)
    assert client.runs.get("thread_1", "run_1").id == "run_1"
    assert len(recorder.requests) == 2


def test_404_raises_a_typed_error_with_the_agent_error_envelope(azure_sdk: ModuleType) -> None:
    envelope = {"error": {"code": "not_found", "message": "No thread found", "param": "threadId", "type": "invalid_request_error"}}
    client, _ = make_client(azure_sdk, lambda r: httpx.Response(404, json=envelope, headers={"x-ms-request-id": "ms-1"}))
    with pytest.raises(azure_sdk.NotFoundError) as caught:
        client.threads.get("thread_missing")
    err = caught.value
    assert err.status_code == 404
    assert err.request_id == "ms-1"
    assert err.error.code == "not_found" and err.error.param == "threadId"


def test_unknown_variants_enums_and_fields_still_parse(azure_sdk: ModuleType) -> None:
    newer = thread_run(
        status="paused_by_new_feature",
        tools=[{"type": "brand_new_tool", "brand_new_tool": {"x": 1}}],
        new_field={"kept": True},
    )
    client, _ = make_client(azure_sdk, lambda r: httpx.Response(200, json=newer))
    run = client.runs.get("thread_1", "run_1")
    assert run.status == "paused_by_new_feature"
    assert len(run.tools) == 1
    dumped = run.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert dumped["new_field"] == {"kept": True}
    assert dumped["tools"][0]["type"] == "brand_new_tool"

"""HTTP-level behaviour of the OpenAI-flavored SDK generated from specs/openai/runs.yaml.

Every test drives the real generated client over an `httpx.MockTransport` and checks
what went on the wire and what came back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest
from payloads import generated_class

Handler = Callable[[httpx.Request], httpx.Response]


def run_json(run_id: str = "run_1", **overrides: Any) -> dict[str, Any]:
    run: dict[str, Any] = {
        "id": run_id,
        "object": "thread.run",
        "created_at": 1699075072,
        "thread_id": "thread_1",
        "assistant_id": "asst_1",
        "status": "completed",
        "required_action": None,
        "last_error": None,
        "expires_at": 1699075672,
        "started_at": 1699075072,
        "cancelled_at": None,
        "failed_at": None,
        "completed_at": 1699075073,
        "model": "gpt-4",
        "instructions": "Be brief.",
        "tools": [{"type": "code_interpreter"}, {"type": "function", "function": {"name": "f"}}],
        "file_ids": [],
        "metadata": {},
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
    }
    run.update(overrides)
    return run


def step_json(step_id: str = "step_1") -> dict[str, Any]:
    return {
        "id": step_id,
        "object": "thread.run.step",
        "created_at": 1699063291,
        "assistant_id": "asst_1",
        "thread_id": "thread_1",
        "run_id": "run_1",
        "type": "message_creation",
        "status": "completed",
        "step_details": {"type": "message_creation", "message_creation": {"message_id": "msg_1"}},
        "last_error": None,
        "expired_at": None,
        "cancelled_at": None,
        "failed_at": None,
        "completed_at": 1699063291,
        "metadata": None,
        "usage": None,
    }


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
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    options.setdefault("api_key", "sk-test")
    return sdk.OpenAI(http_client=http, **options), recorder


def test_retrieve_sends_get_with_bearer_from_the_environment(
    openai_sdk: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    recorder = Recorder(lambda r: httpx.Response(200, json=run_json()))
    client = openai_sdk.OpenAI(http_client=httpx.Client(transport=httpx.MockTransport(recorder)))
    run = client.beta.threads.runs.retrieve("thread_1", "run_1")
    (sent,) = recorder.requests
    assert sent.method == "GET"
    assert str(sent.url) == "https://api.openai.com/v1/threads/thread_1/runs/run_1"
    assert sent.headers["authorization"] == "Bearer sk-from-env"
    assert run.id == "run_1"
    assert run.created_at == 1699075072  # OpenAI flavor keeps Unix seconds as int
    assert run.usage is not None and run.usage.total_tokens == 3
    assert run.tools[0].type == "code_interpreter"
    assert run.tools[1].function.name == "f"
    assert type(run.tools[0]) is not type(run.tools[1])  # decoded by the `type` discriminator


def test_path_parameters_are_escaped(openai_sdk: ModuleType) -> None:
    client, recorder = make_client(openai_sdk, lambda r: httpx.Response(200, json=run_json()))
    client.beta.threads.runs.retrieve("thread/1 ?x", "run#1")
    assert recorder.requests[0].url.raw_path.startswith(b"/v1/threads/thread%2F1%20%3Fx/runs/run%231")


def test_json_body_tells_omitted_from_null(openai_sdk: ModuleType) -> None:
    client, recorder = make_client(openai_sdk, lambda r: httpx.Response(200, json=run_json()))
    client.beta.threads.runs.create(
        "thread_1",
        assistant_id="asst_1",
        instructions=None,
        tools=[{"type": "retrieval"}],
        metadata={"user": "u1"},
    )
    sent = recorder.requests[0]
    assert sent.method == "POST"
    assert sent.url.path == "/v1/threads/thread_1/runs"
    assert sent.headers["content-type"].startswith("application/json")
    assert json.loads(sent.content) == {
        "assistant_id": "asst_1",
        "instructions": None,
        "tools": [{"type": "retrieval"}],
        "metadata": {"user": "u1"},
    }


def test_query_parameters(openai_sdk: ModuleType) -> None:
    page = {"object": "list", "data": [], "first_id": "", "last_id": "", "has_more": False}
    client, recorder = make_client(openai_sdk, lambda r: httpx.Response(200, json=page))
    client.beta.threads.runs.list("thread_1", limit=2, order="asc", after="run_a", before="run_z")
    params = recorder.requests[0].url.params
    assert dict(params) == {"limit": "2", "order": "asc", "after": "run_a", "before": "run_z"}


def test_multipart_upload(openai_sdk: ModuleType) -> None:
    stored = {
        "id": "file-1",
        "object": "file",
        "bytes": 5,
        "created_at": 1,
        "filename": "notes.jsonl",
        "purpose": "assistants",
    }
    client, recorder = make_client(openai_sdk, lambda r: httpx.Response(200, json=stored))
    result = client.files.create(file=("notes.jsonl", b"hello", "application/jsonl"), purpose="assistants")
    sent = recorder.requests[0]
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    body = sent.content
    assert b'name="file"; filename="notes.jsonl"' in body
    assert b"hello" in body
    assert b'name="purpose"' in body and b"assistants" in body
    assert result.id == "file-1"


def test_pagination_fetches_three_pages_by_itself(openai_sdk: ModuleType) -> None:
    pages = {
        None: (["run_1", "run_2"], True),
        "run_2": (["run_3", "run_4"], True),
        "run_4": (["run_5"], False),
    }

    def answer(request: httpx.Request) -> httpx.Response:
        ids, more = pages[request.url.params.get("after")]
        data = [run_json(i) for i in ids]
        return httpx.Response(
            200, json={"object": "list", "data": data, "first_id": ids[0], "last_id": ids[-1], "has_more": more}
        )

    client, recorder = make_client(openai_sdk, answer)
    ids = [run.id for run in client.beta.threads.runs.list("thread_1", limit=2)]
    assert ids == ["run_1", "run_2", "run_3", "run_4", "run_5"]
    assert [r.url.params.get("after") for r in recorder.requests] == [None, "run_2", "run_4"]
    assert all(r.url.params.get("limit") == "2" for r in recorder.requests)


def test_retries_after_429_then_succeeds(openai_sdk: ModuleType) -> None:
    answers = [
        httpx.Response(429, headers={"retry-after-ms": "1"}, json={"error": {"message": "slow down", "type": "rate_limit", "param": None, "code": None}}),
        httpx.Response(200, json=run_json()),
    ]
    client, recorder = make_client(openai_sdk, lambda r: answers.pop(0), max_retries=2)
    run = client.beta.threads.runs.cancel("thread_1", "run_1")
    assert run.id == "run_1"
    assert len(recorder.requests) == 2
    assert recorder.requests[0].url == recorder.requests[1].url


def test_404_raises_a_typed_error_with_the_envelope(openai_sdk: ModuleType) -> None:
    envelope = {"error": {"message": "No run found", "type": "invalid_request_error", "param": "run_id", "code": "not_found"}}
    client, _ = make_client(
        openai_sdk,
        lambda r: httpx.Response(404, json=envelope, headers={"x-request-id": "req_123"}),
        max_retries=3,
    )
    with pytest.raises(openai_sdk.NotFoundError) as caught:
        client.beta.threads.runs.retrieve("thread_1", "run_missing")
    err = caught.value
    assert isinstance(err, openai_sdk.APIStatusError)
    assert err.status_code == 404
    assert err.request_id == "req_123"
    assert err.error is not None
    assert (err.error.message, err.error.code, err.error.param) == ("No run found", "not_found", "run_id")
    assert err.body == envelope


def test_sse_stream_decodes_into_typed_events(openai_sdk: ModuleType) -> None:
    frames = [
        ("thread.run.created", json.dumps(run_json(status="queued"))),
        ("thread.run.step.created", json.dumps(step_json())),
        ("thread.message.delta", json.dumps({"id": "msg_1", "object": "thread.message.delta", "delta": {}})),
        ("thread.run.completed", json.dumps(run_json())),
        ("done", "[DONE]"),
    ]
    body = "".join(f"event: {name}\ndata: {data}\n\n" for name, data in frames).encode()
    client, recorder = make_client(
        openai_sdk, lambda r: httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)
    )
    stream = client.beta.threads.runs.create("thread_1", assistant_id="asst_1", stream=True)
    events = list(stream)
    assert json.loads(recorder.requests[0].content) == {"assistant_id": "asst_1", "stream": True}
    created_cls = generated_class(openai_sdk, "RunCreatedEvent", "openai")
    step_cls = generated_class(openai_sdk, "RunStepCreatedEvent", "openai")
    run_cls = generated_class(openai_sdk, "RunObject", "openai")
    typed = [e for e in events if isinstance(e, (created_cls, step_cls))]
    assert isinstance(events[0], created_cls)
    assert isinstance(events[0].data, run_cls)
    assert events[0].data.status == "queued"
    assert isinstance(events[1], step_cls)
    assert events[1].data.step_details.message_creation.message_id == "msg_1"
    assert len(typed) == 2
    names = [getattr(e, "event", None) for e in events]
    assert names[:2] == ["thread.run.created", "thread.run.step.created"]
    assert "thread.run.completed" in names


def test_delete_sends_delete(openai_sdk: ModuleType) -> None:
    deleted = {"id": "thread_1", "object": "thread.deleted", "deleted": True}
    client, recorder = make_client(openai_sdk, lambda r: httpx.Response(200, json=deleted))
    result = client.beta.threads.delete("thread_1")
    assert (recorder.requests[0].method, recorder.requests[0].url.path) == ("DELETE", "/v1/threads/thread_1")
    assert result.deleted is True


def test_async_client_paginates_with_async_for(openai_sdk: ModuleType) -> None:
    import asyncio

    pages = {None: (["run_1"], True), "run_1": (["run_2"], True), "run_2": (["run_3"], False)}
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        ids, more = pages[request.url.params.get("after")]
        return httpx.Response(
            200,
            json={"object": "list", "data": [run_json(i) for i in ids], "first_id": ids[0], "last_id": ids[-1], "has_more": more},
        )

    async def main() -> list[str]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        client = openai_sdk.AsyncOpenAI(api_key="sk-test", http_client=http)
        return [run.id async for run in client.beta.threads.runs.list("thread_1")]

    assert asyncio.run(main()) == ["run_1", "run_2", "run_3"]
    assert all(r.headers["authorization"] == "Bearer sk-test" for r in seen)

"""Typed Azure streams: a recorded run lifecycle decodes into typed events in both targets.

The SDKs come from the full Azure AI Agents spec, whose event-name enums say what each
event's data is; `tests/fixtures/streams/azure_run_lifecycle.sse` holds a run's events
from `thread.run.created` to `done`, with one event the spec does not name.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
from needs import need
from sdkgen import AZURE_AGENTS, REPO, SdkSpec, generate
from typecheck import pyright_strict, summary

STREAM = REPO / "tests" / "fixtures" / "streams" / "azure_run_lifecycle.sse"
USAGE = Path(__file__).parent / "usage" / "azure_stream.py"
ENDPOINT = "https://res.example/api/projects/p1"
NAMES = [
    "thread.run.created",
    "thread.run.in_progress",
    "thread.run.step.delta",
    "thread.run.step.unannounced",
    "thread.message.delta",
    "thread.run.requires_action",
    "thread.run.completed",
]


def _answer(sent: list[httpx.Request]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        sent.append(request)
        return httpx.Response(200, content=STREAM.read_bytes(), headers={"content-type": "text/event-stream"})

    return httpx.MockTransport(answer)


def _check_events(sdk: ModuleType, events: list[Any]) -> None:
    types = sdk.types
    assert [e.event for e in events] == NAMES
    created, in_progress, step_delta, unknown, message_delta, requires_action, completed = events
    for event, status in ((created, "queued"), (in_progress, "in_progress"), (completed, "completed")):
        assert isinstance(event, types.ThreadRunEvent) and isinstance(event.data, types.ThreadRun)
        assert event.data.status == status and event.data.agent_id == "asst_1"
    assert completed.data.usage.total_tokens == 52
    assert isinstance(step_delta, types.RunStepDeltaChunkEvent)
    assert isinstance(step_delta.data, types.RunStepDeltaChunk)
    assert step_delta.data.delta.step_details.tool_calls[0].function.name == "get_weather"
    assert isinstance(message_delta, types.MessageDeltaChunkEvent)
    assert message_delta.data.delta.content[0].text.value == "Looking it up"
    assert isinstance(requires_action.data, types.ThreadRun)
    assert requires_action.data.required_action.submit_tool_outputs.tool_calls[0].id == "call_1"
    # An event this SDK was not generated for: none of the known events, its data as sent.
    known = (types.ThreadRunEvent, types.RunStepEvent, types.RunStepDeltaChunkEvent, types.MessageDeltaChunkEvent)
    assert isinstance(unknown, sdk.UnknownVariant) and not isinstance(unknown, known)
    assert unknown.data == {"id": "step_1", "note": "an event this SDK was not generated for"}


def test_python_stream_of_a_run_lifecycle_is_typed(azure_agents_sdk: ModuleType) -> None:
    sent: list[httpx.Request] = []
    client = azure_agents_sdk.AgentsClient(
        endpoint=ENDPOINT, api_key="k", http_client=httpx.Client(transport=_answer(sent))
    )
    with client.runs.create("thread_1", agent_id="asst_1", stream=True) as stream:
        _check_events(azure_agents_sdk, list(stream))
    assert json.loads(sent[0].content) == {"assistant_id": "asst_1", "stream": True}
    assert sent[0].url.path.endswith("/threads/thread_1/runs") and sent[0].url.params["api-version"] == "v1"


def test_python_async_stream_of_a_run_lifecycle_is_typed(azure_agents_sdk: ModuleType) -> None:
    sent: list[httpx.Request] = []

    async def run() -> list[Any]:
        client = azure_agents_sdk.AsyncAgentsClient(
            endpoint=ENDPOINT, api_key="k", http_client=httpx.AsyncClient(transport=_answer(sent))
        )
        stream = await client.runs.submit_tool_outputs(
            "thread_1", "run_1", tool_outputs=[{"tool_call_id": "call_1", "output": "12C"}], stream=True
        )
        return [event async for event in stream]

    _check_events(azure_agents_sdk, asyncio.run(run()))
    assert json.loads(sent[0].content)["stream"] is True


def test_python_stream_overloads_type_check(azure_agents_sdk: ModuleType, tmp_path: Path) -> None:
    """mypy --strict and pyright on usage/azure_stream.py: `stream=True` gives a stream of
    typed events, no `stream` gives a `ThreadRun`, `isinstance` tells events apart."""
    project = Path(azure_agents_sdk.__file__).parents[1]
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", str(config)]
    env = dict(os.environ, PYTHONPATH=str(project))
    checked = subprocess.run(
        [*command, "--cache-dir", str(tmp_path / "cache"), str(USAGE)], capture_output=True, text=True, env=env, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    usage = project / "azure_stream_usage.py"
    usage.write_text(USAGE.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        result = pyright_strict(project, "azure_stream_usage.py", tmp_path)
    finally:
        usage.unlink()
    assert '"errorCount": 0' in result.stdout, summary(result)


def test_typescript_stream_of_a_run_lifecycle_is_typed(tmp_path: Path) -> None:
    sdk = SdkSpec(AZURE_AGENTS.path, "azure", "azure-ai-agents", "AgentsClient", target="typescript")
    out = generate(sdk, tmp_path / "sdk")
    (out / "src" / "lib" / "stream-usage.ts").write_text(
        """import type * as Core from '../core/index.js';
import type { AgentsClient, AgentStreamEventUnion, MessageDeltaChunk, ThreadRun } from '../index.js';

// `stream: true` gives a stream of typed events; no `stream`, the run.
export async function follow(client: AgentsClient): Promise<ThreadRun> {
  const stream: Core.Stream<AgentStreamEventUnion> = await client.runs.create('t', 'a', { stream: true });
  void stream;
  return client.runs.create('t', 'a', { instructions: 'Be brief.' });
}

type DataOf<E extends string> = Extract<AgentStreamEventUnion, { event: E }>['data'];
export const deltaIsTyped: DataOf<'thread.message.delta'> extends MessageDeltaChunk ? true : false = true;
export const runIsTyped: DataOf<'thread.run.requires_action'> extends ThreadRun ? true : false = true;
""",
        encoding="utf-8",
    )
    compiled = subprocess.run(
        [str(need("tsc")), "-p", str(out / "tsconfig.json")], capture_output=True, text=True, check=False
    )
    assert compiled.returncode == 0, compiled.stdout[-4000:]
    env = dict(os.environ, SDK=str(out / "dist" / "index.js"), STREAM=str(STREAM))
    ran = subprocess.run(
        [str(need("node")), str(REPO / "tests" / "node" / "azure-stream.mjs")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    result = json.loads(ran.stdout)
    assert result["sent"][0]["body"] == {"assistant_id": "asst_1", "stream": True}
    assert result["sent"][0]["accept"] == "text/event-stream"
    events = result["events"]
    assert [e["event"] for e in events] == NAMES
    by_name = {e["event"]: e for e in events}
    for name in ("thread.run.created", "thread.run.in_progress", "thread.run.requires_action", "thread.run.completed"):
        assert by_name[name]["createdAtIsDate"], name
        assert "assistantId" in by_name[name]["dataKeys"] and "assistant_id" not in by_name[name]["dataKeys"]
    assert by_name["thread.run.requires_action"]["data"]["requiredAction"]["submitToolOutputs"]["toolCalls"][0]["id"] == "call_1"
    step = by_name["thread.run.step.delta"]["data"]
    assert step["delta"]["stepDetails"]["toolCalls"][0]["function"]["name"] == "get_weather"
    assert by_name["thread.message.delta"]["data"]["delta"]["content"][0]["text"]["value"] == "Looking it up"
    # The unknown event stays as the wire sent it.
    assert by_name["thread.run.step.unannounced"]["data"] == {"id": "step_1", "note": "an event this SDK was not generated for"}

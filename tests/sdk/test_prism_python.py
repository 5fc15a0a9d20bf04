"""The generated Python clients against Prism started from the same spec.

Every operation of `specs/` is called once per flavor; Prism (with `--errors`)
validates each request against the spec, so a wrong path, query, header, auth or body
comes back as a 4xx with an `sl-violations` header. The set of operations called is
checked against the IR, so an operation added to a spec must be added here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import httpx
from sdkgen import AZURE_RUNS, OPENAI_RUNS, build_ir


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    status: int
    violations: str | None


class Recorder:
    """An httpx event hook that remembers every exchange with Prism."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []

    def __call__(self, response: httpx.Response) -> None:
        request = response.request
        self.seen.append(
            Seen(request.method, request.url.path, response.status_code, response.headers.get("sl-violations"))
        )


def _template_regex(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")


def assert_every_operation_validated(spec_sdk: Any, recorder: Recorder) -> None:
    bad = [s for s in recorder.seen if not 200 <= s.status < 300 or s.violations]
    assert not bad, "Prism rejected requests:\n" + "\n".join(
        f"{s.method} {s.path} -> {s.status} {s.violations}" for s in bad
    )
    api = build_ir(spec_sdk.spec, spec_sdk.flavor)
    missing = [
        f"{op.method.upper()} {op.path}"
        for op in api.all_operations()
        if not any(
            s.method == op.method.upper() and _template_regex(op.path).match(s.path) for s in recorder.seen
        )
    ]
    assert not missing, f"operations never called: {missing}"


UPLOAD = ("notes.jsonl", b'{"prompt": "hello"}\n', "application/jsonl")


def test_openai_client_calls_every_operation(openai_sdk: ModuleType, openai_prism: str) -> None:
    recorder = Recorder()
    http = httpx.Client(event_hooks={"response": [recorder]})
    client = openai_sdk.OpenAI(api_key="sk-test", base_url=openai_prism, http_client=http, max_retries=0)
    threads = client.beta.threads
    threads.create()
    threads.create(messages=[{"role": "user", "content": "Hello"}], metadata={"k": "v"})
    threads.retrieve("thread_abc")
    threads.update("thread_abc", metadata={"user": "abc"})
    threads.delete("thread_abc")
    threads.create_and_run(assistant_id="asst_abc", thread={"messages": [{"role": "user", "content": "Hi"}]})
    runs = threads.runs
    runs.create("thread_abc", assistant_id="asst_abc", tools=[{"type": "code_interpreter"}], instructions=None)
    runs.retrieve("thread_abc", "run_abc")
    runs.update("thread_abc", "run_abc", metadata={"a": "b"})
    runs.list("thread_abc", limit=2, order="asc", after="run_1")
    runs.cancel("thread_abc", "run_abc")
    runs.submit_tool_outputs("thread_abc", "run_abc", tool_outputs=[{"tool_call_id": "call_1", "output": "28C"}])
    runs.steps.list("thread_abc", "run_abc", limit=1)
    runs.steps.retrieve("thread_abc", "run_abc", "step_abc")
    client.files.create(file=UPLOAD, purpose="assistants")
    assert_every_operation_validated(OPENAI_RUNS, recorder)


def test_azure_client_calls_every_operation(azure_sdk: ModuleType, azure_prism: str) -> None:
    recorder = Recorder()
    http = httpx.Client(event_hooks={"response": [recorder]})
    client = azure_sdk.AgentsClient(endpoint=azure_prism, api_key="key-test", http_client=http, max_retries=0)
    threads = client.threads
    threads.list(limit=5, order="desc")
    threads.create(metadata={"k": "v"})
    threads.get("thread_abc")
    threads.update("thread_abc", metadata={"user": "abc"})
    threads.delete("thread_abc")
    client.create_thread_and_run(agent_id="asst_abc", thread={"messages": [{"role": "user", "content": "Hi"}]})
    runs = client.runs
    runs.create("thread_abc", agent_id="asst_abc", tools=[{"type": "code_interpreter"}])
    runs.get("thread_abc", "run_abc")
    runs.update("thread_abc", "run_abc", metadata={"a": "b"})
    runs.list("thread_abc", limit=2, after="run_1")
    runs.cancel("thread_abc", "run_abc")
    runs.submit_tool_outputs(
        "thread_abc", "run_abc", tool_outputs=[{"type": "function_call_output", "tool_call_id": "c", "output": "1"}]
    )
    client.run_steps.list("thread_abc", "run_abc", limit=1)
    client.run_steps.get("thread_abc", "run_abc", "step_abc")
    client.files.upload(file=UPLOAD, purpose="assistants")
    assert_every_operation_validated(AZURE_RUNS, recorder)
    assert all(s.status == 200 for s in recorder.seen)

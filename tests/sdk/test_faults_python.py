"""The generated Python SDKs of specs/ (both flavors, sync and async clients) against a
real HTTP server on loopback that misbehaves; faultserver.py has the scenarios.

Waits between retries are recorded instead of slept: the tests check which delay the
client chose (the server's `retry-after-ms` / `retry-after`) without timing anything.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from faultserver import RUN, TRUNCATED, FaultServer, fault_server

MODES = ("sync", "async")
USAGE = Path(__file__).parent / "usage" / "unknown_variant.py"


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


@dataclass(frozen=True)
class Sdk:
    flavor: str
    module: ModuleType
    client_name: str

    def client(self, mode: str, url: str, **options: Any) -> Any:
        prefix = "Async" if mode == "async" else ""
        return getattr(self.module, prefix + self.client_name)(base_url=url, api_key="test-key", **options)


@pytest.fixture(params=["openai", "azure"])
def sdk(request: pytest.FixtureRequest) -> Sdk:
    client_name = {"openai": "OpenAI", "azure": "AgentsClient"}[request.param]
    return Sdk(request.param, request.getfixturevalue(f"{request.param}_sdk"), client_name)


def runs(client: Any) -> Any:
    return client.beta.threads.runs if hasattr(client, "beta") else client.runs


def get_run(client: Any) -> Any:
    resource = runs(client)
    method = resource.retrieve if hasattr(resource, "retrieve") else resource.get
    return method("thread_1", "run_1")


def stream_run(client: Any) -> Any:
    # The Azure SDK says agent where the wire says assistant, as azure-ai-agents does.
    agent = {"assistant_id": "asst_1"} if hasattr(client, "beta") else {"agent_id": "asst_1"}
    return runs(client).create("thread_1", stream=True, **agent)


@dataclass
class Outcome:
    """What a call gave (its result, or each streamed event) up to the error it raised."""

    items: list[Any] = field(default_factory=list)
    error: Exception | None = None
    sleeps: list[float] = field(default_factory=list)
    """The waits between retries that the client asked for."""
    attempts: int = 0
    """Requests the server received."""


def call(sdk: Sdk, mode: str, server: FaultServer, scenario: str, action: Callable[[Any], Any], **options: Any) -> Outcome:
    """`action` on a fresh client pointed at `scenario`, sync or async."""
    outcome = Outcome()
    key = uuid.uuid4().hex
    client = sdk.client(mode, f"{server.url}/{scenario}/{key}", **options)
    if mode == "sync":
        client._sleep = outcome.sleeps.append
        try:
            result = action(client)
            outcome.items.extend(result if isinstance(result, sdk.module.Stream) else [result])
        except Exception as err:  # noqa: BLE001 - the tests assert on it
            outcome.error = err
        finally:
            client.close()
    else:

        async def sleep(seconds: float) -> None:
            outcome.sleeps.append(seconds)

        async def main() -> None:
            client._sleep = sleep
            try:
                result = await action(client)
                if isinstance(result, sdk.module.AsyncStream):
                    async for item in result:
                        outcome.items.append(item)
                else:
                    outcome.items.append(result)
            except Exception as err:  # noqa: BLE001 - the tests assert on it
                outcome.error = err
            finally:
                await client.close()

        asyncio.run(main())
    outcome.attempts = server.attempts[key]
    return outcome


# ------------------------------------------------------------------ retries, timeouts


@pytest.mark.parametrize("mode", MODES)
def test_5xx_then_success(sdk: Sdk, mode: str, server: FaultServer) -> None:
    got = call(sdk, mode, server, "flaky", get_run, max_retries=2)
    assert got.error is None
    assert [run.id for run in got.items] == ["run_1"]
    assert got.attempts == 2
    assert len(got.sleeps) == 1


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("scenario", "delay"), [("rate-limited-ms", 0.05), ("rate-limited-s", 1.0)])
def test_429_waits_as_the_server_asks(sdk: Sdk, mode: str, server: FaultServer, scenario: str, delay: float) -> None:
    got = call(sdk, mode, server, scenario, get_run, max_retries=2)
    assert got.error is None and got.items[0].id == "run_1"
    assert got.attempts == 2
    assert got.sleeps == [delay]


@pytest.mark.parametrize("mode", MODES)
def test_slow_answer_past_the_timeout(sdk: Sdk, mode: str, server: FaultServer) -> None:
    got = call(sdk, mode, server, "slow", get_run, timeout=0.2, max_retries=1)
    assert isinstance(got.error, sdk.module.APITimeoutError)
    assert got.attempts == 2  # the timed-out request was tried again once


@pytest.mark.parametrize("mode", MODES)
def test_dropped_connection(sdk: Sdk, mode: str, server: FaultServer) -> None:
    got = call(sdk, mode, server, "drop", get_run, max_retries=1)
    assert isinstance(got.error, sdk.module.APIConnectionError)
    assert not isinstance(got.error, sdk.module.APITimeoutError)
    assert got.attempts == 2


# ------------------------------------------------------------------ bodies


@pytest.mark.parametrize("mode", MODES)
def test_truncated_json_body_raises_with_status_headers_and_text(sdk: Sdk, mode: str, server: FaultServer) -> None:
    got = call(sdk, mode, server, "truncated", get_run)
    err = got.error
    assert isinstance(err, sdk.module.APIResponseValidationError), repr(err)
    assert err.status_code == 200
    assert err.headers["x-request-id"] == "req_cut"
    assert err.body == TRUNCATED
    assert got.attempts == 1  # a success status is not retried


@pytest.mark.parametrize("mode", MODES)
def test_unknown_enum_value_union_variant_and_field(sdk: Sdk, mode: str, server: FaultServer) -> None:
    got = call(sdk, mode, server, "newer", get_run)
    assert got.error is None
    run = got.items[0]
    assert run.status == "paused_for_quantum"
    unknown, known = run.tools
    assert type(unknown) is sdk.module.UnknownVariant  # never an instance of a known variant
    assert unknown.type == "quantum_tool"
    assert unknown.to_dict() == {"type": "quantum_tool", "quantum_tool": {"qubits": 8}}
    assert type(known).__name__ != "UnknownVariant" and known.type == "code_interpreter"
    assert run.to_dict()["quantum_budget"] == {"kept": True}


def test_an_unknown_variant_is_part_of_the_union_type(openai_sdk_dir: Path, tmp_path: Path) -> None:
    """mypy --strict on usage/unknown_variant.py: `isinstance` sorts out every variant, and
    code that forgets the unknown one is an error (else its `type: ignore` is unused)."""
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", str(config)]
    command += ["--cache-dir", str(tmp_path / "cache"), str(USAGE)]
    env = {**os.environ, "MYPYPATH": str(openai_sdk_dir)}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------ event streams


def statuses(sdk: Sdk, events: list[Any]) -> list[str]:
    """The run status of each event (an `{event, data}` pair whose data is the run)."""
    return [e.data.status for e in events]


@pytest.mark.parametrize("mode", MODES)
def test_stream_ending_with_done(sdk: Sdk, mode: str, server: FaultServer) -> None:
    got = call(sdk, mode, server, "sse", stream_run)
    assert got.error is None
    assert statuses(sdk, got.items) == [RUN["status"], "completed"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("scenario", ["sse-cut", "sse-no-done"])
def test_stream_that_stops_early(sdk: Sdk, mode: str, server: FaultServer, scenario: str) -> None:
    """An event cut off by the end of the body is dropped (the SSE rule). Both specs
    promise `data: [DONE]` (OpenAI's DoneEvent, Azure's `done` event of its DoneEvent
    enum), so a missing end is a connection error."""
    got = call(sdk, mode, server, scenario, stream_run)
    assert statuses(sdk, got.items) == [RUN["status"], "completed"]
    assert isinstance(got.error, sdk.module.APIConnectionError), repr(got.error)


@pytest.mark.parametrize("mode", MODES)
def test_stream_whose_connection_drops(sdk: Sdk, mode: str, server: FaultServer) -> None:
    got = call(sdk, mode, server, "sse-chunked-cut", stream_run)
    assert statuses(sdk, got.items) == [RUN["status"], "completed"]
    assert isinstance(got.error, sdk.module.APIConnectionError), repr(got.error)

"""Run the Prism mock server (`@stoplight/prism-cli`, from npm) on a spec, on loopback.

`--errors` makes Prism validate every request against the spec: a request that does
not conform gets a 4xx answer (401 for bad auth, 422 for a bad body or query) and an
`sl-violations` header listing what was wrong.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from needs import need
from sdkgen import AZURE_RUNS, OPENAI_RUNS

STARTUP_LIMIT_S = 90.0
"""Upper bound for Prism to come up; a cold node start takes a few seconds here."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def prism_server(spec: Path) -> Iterator[str]:
    """Start `prism mock --errors SPEC` on a free loopback port; yield its base URL."""
    need("node")
    prism = need("prism")
    last_output = ""
    for _attempt in range(3):
        port = free_port()
        process = subprocess.Popen(
            [str(prism), "mock", "-h", "127.0.0.1", "-p", str(port), "--errors", str(spec)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        output: list[str] = []
        ready = threading.Event()

        def pump(stream=process.stdout, lines=output, event=ready) -> None:  # type: ignore[no-untyped-def]
            assert stream is not None
            for line in stream:
                lines.append(line)
                if "Prism is listening" in line:
                    event.set()

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while not ready.is_set() and process.poll() is None and time.monotonic() < deadline:
            ready.wait(0.2)
        if ready.is_set():
            try:
                yield f"http://127.0.0.1:{port}"
            finally:
                _stop(process)
            return
        _stop(process)
        last_output = "".join(output)
    pytest.fail(f"Prism did not start on {spec}:\n{last_output[-3000:]}")


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def openai_prism() -> Iterator[str]:
    """Base URL of Prism validating against specs/openai/runs.yaml."""
    with prism_server(OPENAI_RUNS.spec) as url:
        yield url


@pytest.fixture(scope="module")
def azure_prism() -> Iterator[str]:
    """Base URL of Prism validating against specs/azure/runs.json."""
    with prism_server(AZURE_RUNS.spec) as url:
        yield url

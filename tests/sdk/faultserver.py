"""A misbehaving HTTP server on loopback, for the fault tests of generated SDKs.

A request's path starts with `/<scenario>/<key>/`: the scenario says how to answer, and
the key, chosen by the test, counts that test's attempts (so a scenario can answer 503
first and 200 next). `GET /attempts/<key>` tells how many requests a key has seen. The
server writes raw HTTP/1.1 on the socket, so it can stall, send half a body or drop
the connection. Every answer closes its connection, and a stalled answer gives up after
`STALL_LIMIT` seconds, so no test can hang on it.

Both targets' tests use it: the Python tests in-process, the Node tests through the URL.
"""

from __future__ import annotations

import json
import select
import socket
import socketserver
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

STALL_LIMIT = 5.0

RUN = {
    "id": "run_1",
    "object": "thread.run",
    "created_at": 1699075072,
    "thread_id": "thread_1",
    "assistant_id": "asst_1",
    "status": "queued",
    "model": "gpt-4",
    "instructions": "Be brief.",
    "tools": [{"type": "code_interpreter"}],
    "metadata": {},
}
NEWER_RUN = {
    **RUN,
    "status": "paused_for_quantum",
    "tools": [{"type": "quantum_tool", "quantum_tool": {"qubits": 8}}, {"type": "code_interpreter"}],
    "quantum_budget": {"kept": True},
}
ERROR = {"error": {"message": "try again", "type": "server_error", "param": None, "code": None}}
TRUNCATED = json.dumps(RUN)[:40]


def sse_event(name: str, data: str) -> bytes:
    return f"event: {name}\ndata: {data}\n\n".encode()


EVENTS = sse_event("thread.run.created", json.dumps(RUN)) + sse_event(
    "thread.run.completed", json.dumps({**RUN, "status": "completed"})
)
"""Two complete events; every stream scenario starts with them."""
DONE = sse_event("done", "[DONE]")
CUT_EVENT = b'event: thread.run.step.created\ndata: {"id": "step_1", "obj'


class Exchange:
    """One request, and the ways to answer it."""

    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection

    def send(self, status: int, body: bytes, headers: dict[str, str], *, length: bool = True, close: bool = True) -> None:
        lines = [f"HTTP/1.1 {status} {'OK' if status < 400 else 'Error'}"]
        if close:
            lines.append("Connection: close")
        if length:
            lines.append(f"Content-Length: {len(body)}")
        lines += [f"{k}: {v}" for k, v in headers.items()]
        self.connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)

    def json(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        self.send(status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})

    def stream(self, body: bytes) -> None:
        """An event stream whose end is the end of the connection (no length, not chunked)."""
        self.send(200, body, {"Content-Type": "text/event-stream"}, length=False)

    def chunked_cut(self, body: bytes) -> None:
        """A chunked event stream on a kept-alive connection that drops inside a chunk.

        (Had the answer said `Connection: close`, Node's fetch would take the end of the
        connection for the end of the body: then only a promised `[DONE]` tells.)"""
        head = {"Content-Type": "text/event-stream", "Transfer-Encoding": "chunked"}
        chunk = f"{len(body):x}\r\n".encode() + body + b"\r\n"
        self.send(200, chunk + b"100\r\n" + CUT_EVENT, head, length=False, close=False)

    def stall(self) -> None:
        """Answer nothing until the client gives up (or STALL_LIMIT passes)."""
        select.select([self.connection], [], [], STALL_LIMIT)

    def drop(self) -> None:
        """Close the connection without a word."""


Scenario = Callable[[Exchange, int], None]
"""Answers one request, given how many requests its key has seen (this one included)."""


def _then_ok(first: Callable[[Exchange], None]) -> Scenario:
    return lambda x, attempt: first(x) if attempt == 1 else x.json(200, RUN)


SCENARIOS: dict[str, Scenario] = {
    "flaky": _then_ok(lambda x: x.json(503, ERROR)),
    "rate-limited-ms": _then_ok(lambda x: x.json(429, ERROR, {"retry-after-ms": "50"})),
    "rate-limited-s": _then_ok(lambda x: x.json(429, ERROR, {"retry-after": "1"})),
    "slow": lambda x, n: x.stall(),
    "drop": lambda x, n: x.drop(),
    "truncated": lambda x, n: x.send(200, TRUNCATED.encode(), {"Content-Type": "application/json", "x-request-id": "req_cut"}),
    "newer": lambda x, n: x.json(200, NEWER_RUN),
    "sse": lambda x, n: x.stream(EVENTS + DONE),
    "sse-cut": lambda x, n: x.stream(EVENTS + CUT_EVENT),
    "sse-no-done": lambda x, n: x.stream(EVENTS),
    "sse-chunked-cut": lambda x, n: x.chunked_cut(EVENTS),
}


class FaultServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.attempts: Counter[str] = Counter()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def count(self, key: str) -> int:
        with self.lock:
            self.attempts[key] += 1
            return self.attempts[key]


class _Handler(socketserver.StreamRequestHandler):
    server: FaultServer

    def handle(self) -> None:
        request_line = self.rfile.readline().decode("latin-1")
        headers: dict[str, str] = {}
        while (line := self.rfile.readline().decode("latin-1").strip()) != "":
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        self.rfile.read(int(headers.get("content-length", "0")))
        parts = request_line.split(" ")[1].split("?")[0].strip("/").split("/")
        exchange = Exchange(self.connection)
        if parts[0] == "attempts":
            exchange.json(200, self.server.attempts.get(parts[1], 0))
            return
        scenario, key = parts[0], parts[1]
        SCENARIOS[scenario](exchange, self.server.count(key))


@contextmanager
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()

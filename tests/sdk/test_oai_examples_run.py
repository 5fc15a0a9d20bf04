"""The Python examples embedded in the OpenAI specs run unchanged against our SDK.

For the `threads` and `assistants` groups, each `x-oaiMeta.examples[].request.python`
is executed as written (`from openai import OpenAI; client = OpenAI() ...`) against the
SDK generated from the same spec with `--package-name openai --client-name OpenAI`.
The network is replaced at httpx's transport: every request is answered with the
example's documented response, and the request is checked against the operation's
method and path.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sdkgen import OPENAI_REAL, OUR_SPECS_AS_REAL, RealSpec, build_ir, import_sdk

from generator.ir.model import Example, Operation

GROUPS = ("threads", "assistants")


def _as_json_text(documented: str) -> str:
    """A few documented responses are written as JavaScript object literals; servers send JSON."""
    try:
        json.loads(documented)
        return documented
    except json.JSONDecodeError:
        quoted = re.sub(r"^(\s*)([A-Za-z_]\w*):", r'\1"\2":', documented, flags=re.MULTILINE)
        converted = quoted.replace("'", '"')
        json.loads(converted)  # still not JSON: let the test say so
        return converted


@dataclass
class FakeServer:
    """Answers every request with one documented response; remembers the requests."""

    body: str
    requests: list[httpx.Request] = field(default_factory=list)

    def streams(self) -> bool:
        return self.body.lstrip().startswith("event:")

    def handle(self, request: httpx.Request) -> httpx.Response:
        # Installed on the class as a bound method, so httpx's `self` is not passed.
        request.read()
        self.requests.append(request)
        if self.streams():
            # A documented transcript stops after its last line; a server ends every
            # event, the last one too, with a blank line (else the event is dropped).
            events = self.body.rstrip("\n") + "\n\n"
            return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=events.encode())
        return httpx.Response(
            200, headers={"content-type": "application/json"}, content=_as_json_text(self.body).encode()
        )


def _grouped_examples(op: Operation) -> list[Example]:
    meta = dict(op.extensions).get("x-oaiMeta")
    if not isinstance(meta, dict) or meta.get("group") not in GROUPS:
        return []
    return [e for e in op.examples if dict(e.request).get("python") and e.response]


def _path_regex(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")


@pytest.mark.parametrize("real", [r.param() for r in (*OPENAI_REAL, OUR_SPECS_AS_REAL[0])])
def test_embedded_python_examples_run(
    real: RealSpec, real_sdk: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    sdk_dir = real_sdk(real, "openai", "OpenAI")
    import_sdk(sdk_dir, "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-example")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    api = build_ir(real.path, real.flavor)
    ran = 0
    failures: list[str] = []
    for op in api.all_operations():
        for example in _grouped_examples(op):
            code = dict(example.request)["python"]
            server = FakeServer(example.response or "")
            monkeypatch.setattr(httpx.HTTPTransport, "handle_request", server.handle)
            label = f"{op.operation_id} ({example.title or 'example'})"
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    exec(compile(code, f"<{label}>", "exec"), {"__name__": "__main__"})  # noqa: S102 - the spec's own example
            except Exception as err:  # noqa: BLE001 - report every failing example, not the first
                if op.streaming is None and server.streams() and type(err).__name__ == "APIResponseValidationError":
                    # The spec gives this operation no event stream, so the SDK expects
                    # JSON: it must say that the stream is not, never return the text.
                    ran += 1
                    continue
                failures.append(f"{label}: {type(err).__name__}: {err}"[:500] + f"\n--- code ---\n{code}")
                continue
            ran += 1
            if not server.requests:
                failures.append(f"{label}: made no request")
                continue
            sent = server.requests[0]
            if sent.method != op.method.upper() or not _path_regex(op.path).search(sent.url.path):
                failures.append(f"{label}: sent {sent.method} {sent.url.path}, expected {op.method.upper()} {op.path}")
            if sent.headers.get("authorization") != "Bearer sk-example":
                failures.append(f"{label}: no bearer token from OPENAI_API_KEY")
    assert ran + len(failures) > 0, "no examples found in the threads and assistants groups"
    assert not failures, f"{len(failures)} examples failed, {ran} ran:\n" + "\n\n".join(failures[:8])

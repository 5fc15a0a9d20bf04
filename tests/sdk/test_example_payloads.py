"""Documented responses parse into the generated models; conforming ones dump back unchanged.

Sources: every JSON response of `x-oaiMeta` examples in the OpenAI specs, and every
response body of the Azure examples in ../shared/specs/azure/examples/. Whether a
payload conforms is decided by checking it against the spec's own types (the IR, with
JSON Schema semantics; see conform.py), never by a hand-kept list: a payload that does
not conform must still parse (servers send such replies), and one that does must come
back out byte-equal as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import pytest
from conform import problems
from payloads import dump, generated_class, parse, validate_strictly
from sdkgen import (
    OUR_SPECS_AS_REAL,
    REAL_SPECS,
    SHARED_SPECS,
    RealSpec,
    build_ir,
    import_sdk,
)

from generator.ir.model import Api, Ref, TypeRef, UnionOf


@dataclass(frozen=True)
class Payload:
    origin: str
    operation_id: str
    type: TypeRef
    """The operation's success type: a model, or an inline union of models."""
    body: Any

    @property
    def label(self) -> str:
        if isinstance(self.type, Ref):
            return self.type.name
        return " | ".join(v.name for v in self.type.variants if isinstance(v, Ref))


def _has_model(type_: TypeRef | None) -> bool:
    return isinstance(type_, Ref) or (
        isinstance(type_, UnionOf) and all(isinstance(v, Ref) for v in type_.variants)
    )


def generated_type(sdk: Any, type_: TypeRef, flavor: str) -> Any:
    if isinstance(type_, Ref):
        return generated_class(sdk, type_.name, flavor)
    assert isinstance(type_, UnionOf)
    classes = tuple(generated_class(sdk, v.name, flavor) for v in type_.variants if isinstance(v, Ref))
    return Union[classes]  # noqa: UP007 - built at run time from the variants


def _openai_payloads(api: Api) -> Iterator[Payload]:
    for op in api.all_operations():
        if op.success is None or not _has_model(op.success.type):
            continue  # no response model to parse into (a body the spec leaves undescribed)
        assert op.success.type is not None
        for i, example in enumerate(op.examples):
            if not example.response:
                continue
            try:
                body = json.loads(example.response)
            except json.JSONDecodeError:
                continue  # streams and abbreviated (`...`) payloads are not JSON documents
            yield Payload(f"{op.operation_id} example {i} ({example.title})", op.operation_id, op.success.type, body)


def _azure_payloads(api: Api) -> Iterator[Payload]:
    by_id = {op.operation_id: op for op in api.all_operations()}
    for file in sorted((SHARED_SPECS / "azure" / "examples").glob("*.json")):
        example = json.loads(file.read_text(encoding="utf-8"))
        op = by_id.get(example["operationId"])
        if op is None:
            continue  # an operation our smaller spec does not have
        assert op.success is not None and op.success.type is not None and _has_model(op.success.type)
        for status, response in example["responses"].items():
            if status.startswith("2") and "body" in response:
                yield Payload(file.name, op.operation_id, op.success.type, response["body"])


@pytest.mark.parametrize("real", [r.param() for r in (*REAL_SPECS, *OUR_SPECS_AS_REAL)])
def test_documented_responses_parse_and_round_trip(real: RealSpec, real_sdk: Callable[..., Path]) -> None:
    package = f"examples_{real.id.replace('-', '_')}"
    sdk = import_sdk(real_sdk(real, package, "Client"), package)
    api = build_ir(real.path, real.flavor)
    payloads = list(_azure_payloads(api) if real.flavor == "azure" else _openai_payloads(api))
    assert payloads, "no documented responses found"
    failures: list[str] = []
    conforming = 0
    for payload in payloads:
        cls = generated_type(sdk, payload.type, real.flavor)
        try:
            parsed = parse(sdk, cls, payload.body)
        except Exception as err:  # noqa: BLE001 - the point: nothing a server sends may fail to parse
            failures.append(f"{payload.origin}: does not parse into {payload.label}: {err}"[:600])
            continue
        if problems(payload.body, payload.type, api):
            continue
        conforming += 1
        try:
            validate_strictly(cls, payload.body)
        except Exception as err:  # noqa: BLE001
            failures.append(f"{payload.origin}: conforms to the spec, yet the model rejects it: {err}"[:600])
        if dump(parsed) != payload.body:
            failures.append(f"{payload.origin}: conforming, but dumps back differently:\n{json.dumps(dump(parsed))[:400]}")
    assert not failures, f"{len(failures)} of {len(payloads)} payloads failed:\n" + "\n".join(failures[:15])
    assert conforming > 0, "no payload conforms to the spec: the conformance check is suspect"


def test_conformance_check_tells_good_from_bad() -> None:
    api = build_ir(SHARED_SPECS / "azure" / "azure-ai-agents-v1.json", "azure")
    good = {"id": "t", "deleted": True, "object": "thread.deleted"}
    assert problems(good, Ref("ThreadDeletionStatus"), api) == []
    assert problems({**good, "object": "thread"}, Ref("ThreadDeletionStatus"), api)
    assert problems({"id": "t", "object": "thread.deleted"}, Ref("ThreadDeletionStatus"), api)
    tool = {"type": "ToolDefinition"}  # a base type's name used as a tag: seen in the examples
    assert problems(tool, Ref("ToolDefinition"), api)
    assert problems({"type": "code_interpreter"}, Ref("ToolDefinition"), api) == []

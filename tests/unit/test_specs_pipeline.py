"""Our Runs specs go through load and build cleanly, and mean what the SDKs need.

Pins what the generator must understand from `specs/`: every operation with its
error envelope, cursor pagination on the list operations, streaming where the API
streams, the multipart upload, the Azure host template, api-version and both auth
schemes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.flavors import FLAVORS, apply
from generator.ir.build import build
from generator.ir.model import Api, Operation, Ref
from generator.load import load

REPO = Path(__file__).resolve().parents[2]
OPENAI = REPO / "specs" / "openai" / "runs.yaml"
AZURE = REPO / "specs" / "azure" / "runs.json"


def _api(spec: Path, flavor: str) -> Api:
    return apply(build(load(spec)), FLAVORS[flavor])


def _ops(api: Api) -> dict[str, Operation]:
    return {op.operation_id: op for op in api.all_operations()}


@pytest.mark.parametrize(("spec", "flavor", "count"), [(OPENAI, "openai", 14), (AZURE, "azure", 15)])
def test_spec_builds_without_warnings(spec: Path, flavor: str, count: int) -> None:
    api = _api(spec, flavor)
    assert [w.render() for w in api.warnings] == []
    assert len(api.all_operations()) == count
    for op in api.all_operations():
        assert op.success is not None, op.operation_id
        envelope = [e for e in op.errors if isinstance(e.type, Ref)]
        assert envelope, f"{op.operation_id} documents no error envelope"


def test_openai_spec_meaning() -> None:
    api = _api(OPENAI, "openai")
    ops = _ops(api)
    assert {op for op, o in ops.items() if o.pagination} == {"listRuns", "listRunSteps"}
    assert ops["listRuns"].pagination is not None
    assert ops["listRuns"].pagination.cursor_param == "after"
    streaming = {op: o.streaming for op, o in ops.items() if o.streaming}
    assert set(streaming) == {"createRun", "createThreadAndRun", "submitToolOutputsToRun"}
    assert all(s.flag == "stream" and s.event_type == Ref("AssistantStreamEvent") for s in streaming.values())
    assert [b.content_type for b in ops["createFile"].bodies] == ["multipart/form-data"]
    assert [r.name for r in api.resources] == ["beta", "files"]
    assert api.servers[0].url == "https://api.openai.com/v1"
    assert [(s.type, s.scheme) for s in api.security_schemes] == [("http", "bearer")]


def test_azure_spec_meaning() -> None:
    api = _api(AZURE, "azure")
    ops = _ops(api)
    assert {op for op, o in ops.items() if o.pagination} == {
        "Threads_ListThreads",
        "Runs_ListRuns",
        "RunSteps_ListRunSteps",
    }
    assert {op for op, o in ops.items() if o.streaming} == {
        "Runs_CreateRun",
        "CreateThreadAndRun",
        "Runs_SubmitToolOutputsToRun",
    }
    assert [b.content_type for b in ops["Files_UploadFile"].bodies] == ["multipart/form-data"]
    assert api.servers[0].url == "{endpoint}"
    (version,) = api.client_parameters
    assert (version.name, version.default) == ("api-version", "v1")
    assert all(p.name != "api-version" for op in api.all_operations() for p in op.parameters)
    schemes = {s.name: s for s in api.security_schemes}
    assert schemes["OAuth2Auth"].scopes == ("https://ai.azure.com/.default",)
    assert (schemes["ApiKeyAuth"].location, schemes["ApiKeyAuth"].parameter_name) == ("header", "api-key")
    union = api.model("ToolDefinition")
    assert union.kind == "union" and union.discriminator is not None
    assert len(union.discriminator.mapping) == 8
    auth = api.model("OpenApiAuthDetails")
    assert auth.kind == "union" and auth.discriminator is not None
    assert dict(auth.discriminator.mapping) == {
        "anonymous": "OpenApiAnonymousAuthDetails",
        "connection": "OpenApiConnectionAuthDetails",
        "managed_identity": "OpenApiManagedAuthDetails",
    }

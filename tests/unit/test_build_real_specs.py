"""The real, published specs in ../shared/specs build, with what the issue says must hold."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.ir.build import build
from generator.ir.model import (
    Api,
    ArrayOf,
    EnumModel,
    LiteralOf,
    Nullable,
    ObjectModel,
    Ref,
    Resource,
    UnionModel,
)
from generator.load import load

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SPECS = SHARED / "specs"
OPENAI_FEB = SPECS / "openai" / "openapi-2024-02-23.yaml"
OPENAI_LATEST = SPECS / "openai" / "openapi-latest.yaml"
AZURE = SPECS / "azure" / "azure-ai-agents-v1.json"
ALL_SPECS = sorted(p for p in SPECS.glob("*/*") if p.suffix in (".yaml", ".json"))


@cache
def api(path: Path) -> Api:
    return build(load(path))


def resource(a: Api, *chain: str) -> Resource:
    level = a.resources
    found: Resource | None = None
    for name in chain:
        found = next(r for r in level if r.name == name)
        level = found.children
    assert found is not None
    return found


def names(res: Resource) -> dict[str, str]:
    return {o.operation_id: o.name for o in res.operations}


def test_the_real_specs_are_there() -> None:
    assert len(ALL_SPECS) == 4, ALL_SPECS


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda p: p.name)
def test_every_spec_builds(spec: Path) -> None:
    built = api(spec)
    assert built.all_operations()
    assert [m.name for m in built.models] == sorted(m.name for m in built.models)
    assert len({m.name for m in built.models}) == len(built.models)
    for res in built.resources:
        _assert_unique_names(res)


def _assert_unique_names(res: Resource) -> None:
    op_names = [o.name for o in res.operations]
    assert len(op_names) == len(set(op_names)), (res.name, op_names)
    for child in res.children:
        _assert_unique_names(child)


def test_inspect_reports_every_operation_and_component_schema_of_the_latest_openai_spec() -> (
    None
):
    result = CliRunner().invoke(cli, ["inspect", "--json", str(OPENAI_LATEST)])
    assert result.exit_code == 0, result.output[-2000:]
    ir = json.loads(result.output)

    def count(resources: list[dict[str, object]]) -> int:
        return sum(len(r["operations"]) + count(r["children"]) for r in resources)  # type: ignore[arg-type,misc]

    assert count(ir["resources"]) == 288
    components = load(OPENAI_LATEST).root["components"]["schemas"]
    assert len(components) == 1422
    model_names = {m["name"] for m in ir["models"]}
    assert set(components) <= model_names
    summary = CliRunner().invoke(cli, ["inspect", str(OPENAI_LATEST)])
    assert summary.exit_code == 0
    assert "resources (288 operations):" in summary.output


def test_azure_tool_definition_and_openapi_auth_unions() -> None:
    azure = api(AZURE)
    tools = azure.model("ToolDefinition")
    assert isinstance(tools, UnionModel) and tools.discriminator is not None
    assert tools.discriminator.property == "type"
    assert dict(tools.discriminator.mapping) == {
        "azure_ai_search": "AzureAISearchToolDefinition",
        "azure_function": "AzureFunctionToolDefinition",
        "bing_grounding": "BingGroundingToolDefinition",
        "code_interpreter": "CodeInterpreterToolDefinition",
        "connected_agent": "ConnectedAgentToolDefinition",
        "file_search": "FileSearchToolDefinition",
        "function": "FunctionToolDefinition",
        "openapi": "OpenApiToolDefinition",
    }
    assert len(tools.variants) == 8
    auth = azure.model("OpenApiAuthDetails")
    assert isinstance(auth, UnionModel) and auth.discriminator is not None
    assert auth.discriminator.property == "type"
    assert sorted(dict(auth.discriminator.mapping)) == [
        "anonymous",
        "connection",
        "managed_identity",
    ]
    function = azure.model("FunctionToolDefinition")
    assert isinstance(function, ObjectModel)
    assert next(f for f in function.fields if f.name == "type").type == LiteralOf(
        "function"
    )


def test_azure_operations_client_parameters_host_and_scope() -> None:
    azure = api(AZURE)
    assert len(azure.all_operations()) == 42
    assert names(resource(azure, "threads", "runs")) == {
        "Runs_ListRuns": "list",
        "Runs_CreateRun": "create",
        "Runs_GetRun": "get",
        "Runs_UpdateRun": "update",
        "Runs_CancelRun": "cancel",
        "Runs_SubmitToolOutputsToRun": "submit_tool_outputs",
    }
    assert names(resource(azure, "threads", "runs", "steps")) == {
        "RunSteps_ListRunSteps": "list",
        "RunSteps_GetRunStep": "get",
    }
    threads = names(resource(azure, "threads"))
    assert (
        threads["Threads_CreateThread"] == "create"
        and threads["CreateThreadAndRun"] == "create_and_run"
    )
    assert (
        names(resource(azure, "vector_stores"))["VectorStores_ModifyVectorStore"]
        == "modify"
    )
    assert [p.name for p in azure.client_parameters] == ["api-version"]
    assert azure.servers[0].url == "{endpoint}"
    (oauth,) = azure.security_schemes
    assert oauth.type == "oauth2" and oauth.scopes == ("https://ai.azure.com/.default",)
    runs = resource(azure, "threads", "runs")
    listing = next(o for o in runs.operations if o.name == "list")
    assert listing.pagination is not None and listing.pagination.item_type == Ref(
        "ThreadRun"
    )


def test_openai_operation_names_and_resources() -> None:
    feb = api(OPENAI_FEB)
    assert names(resource(feb, "threads", "runs")) == {
        "listRuns": "list",
        "createRun": "create",
        "getRun": "get",
        "modifyRun": "modify",
        "submitToolOuputsToRun": "submit_tool_outputs",
        "cancelRun": "cancel",
    }
    assert names(resource(feb, "threads", "runs", "steps")) == {
        "listRunSteps": "list",
        "getRunStep": "get",
    }
    assert names(resource(feb, "threads"))["createThreadAndRun"] == "create_and_run"
    latest = api(OPENAI_LATEST)
    create = next(
        o for o in resource(latest, "threads", "runs").operations if o.name == "create"
    )
    assert dict(create.extensions)["x-oaiMeta"]["beta"] is True  # type: ignore[index,call-overload]
    assert create.examples and create.examples[0].request


# ---------------------------------------------------------------------- seed 000: `Run`

_FIELD = re.compile(r"^\s*(\w+)(\??):\s*(.+);\s*$")


def seed_run_fields() -> dict[str, tuple[bool, bool, str]]:
    """`Run`'s fields in seed 000 (OpenAI's Node SDK): name → (required, nullable, TS type)."""
    (seed,) = (SHARED / "seeds").glob("000_*.txt")
    lines = seed.read_text(encoding="utf-8").splitlines()
    start = lines.index("export interface Run {")
    fields: dict[str, tuple[bool, bool, str]] = {}
    for line in lines[start + 1 :]:
        if line.strip() == "}":
            break
        match = _FIELD.match(line)
        if match:
            name, optional, ts_type = match.groups()
            fields[name] = (not optional, ts_type.endswith("| null"), ts_type)
    return fields


def test_run_object_matches_seed_000() -> None:
    seed = seed_run_fields()
    assert len(seed) == 19
    run = api(OPENAI_FEB).model("RunObject")
    assert isinstance(run, ObjectModel)
    built = {f.name: (f.required, isinstance(f.type, Nullable)) for f in run.fields}
    assert built == {
        name: (required, nullable) for name, (required, nullable, _) in seed.items()
    }


def test_run_status_is_an_enum_of_the_seeds_eight_values() -> None:
    feb = api(OPENAI_FEB)
    run = feb.model("RunObject")
    assert isinstance(run, ObjectModel)
    status = next(f for f in run.fields if f.name == "status").type
    assert isinstance(status, Ref)
    enum = feb.model(status.name)
    assert isinstance(enum, EnumModel)
    seed_values = re.findall(r"'([a-z_]+)'", seed_run_fields()["status"][2])
    assert [v.value for v in enum.values] == seed_values and len(seed_values) == 8


def test_run_tools_is_an_array_of_a_union_discriminated_by_type() -> None:
    feb = api(OPENAI_FEB)
    run = feb.model("RunObject")
    assert isinstance(run, ObjectModel)
    tools = next(f for f in run.fields if f.name == "tools").type
    assert isinstance(tools, ArrayOf) and isinstance(tools.items, Ref)
    union = feb.model(tools.items.name)
    assert isinstance(union, UnionModel) and union.discriminator is not None
    assert union.discriminator.property == "type"
    assert [value for value, _ in union.discriminator.mapping] == [
        "code_interpreter",
        "retrieval",
        "function",
    ]
    assert len(union.variants) == 3
    last_error = feb.model("RunObjectLastError")
    assert (last_error.parent, last_error.member) == ("RunObject", "LastError")

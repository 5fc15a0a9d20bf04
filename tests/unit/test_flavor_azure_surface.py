"""The Azure flavor's surface: operationId groups, official renames, client names, typed streams."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.flavors import AZURE, OPENAI, apply
from generator.flavors.operation_groups import group_and_name
from generator.flavors.stream_events import event_payloads
from generator.ir.build import build
from generator.ir.model import Api, LiteralOf, ObjectModel, Ref, UnionModel, UnionOf
from generator.ir.streams import ends_with_done
from generator.load import load

SPECS = Path(__file__).resolve().parents[2] / ".." / "shared" / "specs"
AZURE_SPEC = SPECS / "azure" / "azure-ai-agents-v1.json"
OUR_AZURE_SPEC = Path(__file__).resolve().parents[2] / "specs" / "azure" / "runs.json"


@pytest.fixture(scope="module")
def neutral() -> Api:
    return build(load(AZURE_SPEC))


def _surface(api: Api) -> dict[str, list[str]]:
    out = {"": [op.name for op in api.operations]}
    out.update({r.name: [op.name for op in r.operations] for r in api.resources})
    return out


@pytest.mark.parametrize(
    ("operation_id", "group", "name"),
    [
        ("Runs_CreateRun", "runs", "create"),
        ("RunSteps_ListRunSteps", "run_steps", "list"),
        ("RunSteps_GetRunStep", "run_steps", "get"),
        ("Files_GetFileContent", "files", "get_content"),
        ("Runs_SubmitToolOutputsToRun", "runs", "submit_tool_outputs"),
        ("VectorStoreFileBatches_ListVectorStoreFileBatchFiles", "vector_store_file_batches", "list_files"),
        ("VectorStoreFiles_ListVectorStoreFiles", "vector_store_files", "list"),
        ("VectorStores_ModifyVectorStore", "vector_stores", "modify"),
        ("Messages_Delete", "messages", "delete"),
        ("CreateAgent", None, "create_agent"),
        ("CreateThreadAndRun", None, "create_thread_and_run"),
        ("Things_Thing", "things", "thing"),
    ],
)
def test_group_and_name_from_the_operation_id(operation_id: str, group: str | None, name: str) -> None:
    assert group_and_name(operation_id) == (group, name)


def test_python_groups_are_flat_and_agents_sit_on_the_client(neutral: Api) -> None:
    surface = _surface(apply(neutral, AZURE, "python"))
    assert surface[""] == ["list_agents", "create_agent", "get_agent", "update_agent", "delete_agent", "create_thread_and_run"]
    assert surface["runs"] == ["list", "create", "get", "update", "cancel", "submit_tool_outputs"]
    assert surface["vector_stores"] == ["list", "create", "get", "modify", "delete"]
    assert surface["vector_store_file_batches"] == ["create", "get", "cancel", "list_files"]
    assert sorted(surface) == sorted(
        ["", "files", "messages", "run_steps", "runs", "threads", "vector_store_file_batches", "vector_store_files", "vector_stores"]
    )
    assert all(not r.children for r in apply(neutral, AZURE, "python").resources)


def test_typescript_takes_the_official_renames(neutral: Api) -> None:
    surface = _surface(apply(neutral, AZURE, "typescript"))
    assert "create_thread_and_run" not in surface[""]
    assert "create_thread_and_run" in surface["runs"]
    assert "update" in surface["vector_stores"] and "modify" not in surface["vector_stores"]
    assert "list" in surface["vector_store_file_batches"]


def test_the_renames_are_justified_data() -> None:
    assert AZURE.method_placements and AZURE.client_names
    for item in (*AZURE.method_placements, *AZURE.client_names):
        assert item.targets and len(item.why) > 20


def test_the_openai_flavor_keeps_path_resources() -> None:
    api = build(load(SPECS / "openai" / "openapi-2024-02-23.yaml"))
    flavored = apply(api, OPENAI, "typescript")
    assert flavored.operations == ()
    assert [r.name for r in flavored.resources] == [r.name for r in apply(api, OPENAI).resources]


def test_api_version_leaves_client_operations_too(neutral: Api) -> None:
    api = apply(neutral, AZURE, "python")
    assert api.operations and all(p.name != "api-version" for op in api.operations for p in op.parameters)
    assert [p.name for p in api.client_parameters] == ["api-version"]


def test_python_says_agent_where_the_wire_says_assistant(neutral: Api) -> None:
    api = apply(neutral, AZURE, "python")
    run = api.model("ThreadRun")
    assert isinstance(run, ObjectModel)
    assert next(f for f in run.fields if f.name == "assistant_id").client_name == "agentId"
    get_agent = next(op for op in api.operations if op.operation_id == "GetAgent")
    assert [(p.name, p.client_name) for p in get_agent.params_in("path")] == [("assistantId", "agentId")]
    ts = apply(neutral, AZURE, "typescript").model("ThreadRun")
    assert isinstance(ts, ObjectModel)
    assert next(f for f in ts.fields if f.name == "assistant_id").client_name == "assistantId"


def test_typescript_file_name_only_in_the_upload(neutral: Api) -> None:
    api = apply(neutral, AZURE, "typescript")
    upload = next(op for op in api.all_operations() if op.operation_id == "Files_UploadFile")
    body = upload.bodies[0].type
    assert isinstance(body, Ref)
    request = api.model(body.name)
    assert isinstance(request, ObjectModel)
    assert {f.name: f.client_name for f in request.fields}["filename"] == "fileName"
    info = api.model("FileInfo")
    assert isinstance(info, ObjectModel)
    assert {f.name: f.client_name for f in info.fields}["filename"] is None


def test_stream_event_payloads_come_from_the_enum_descriptions(neutral: Api) -> None:
    assert AZURE.stream_event_payloads is not None
    events, widest = event_payloads(neutral, AZURE.stream_event_payloads)
    assert widest is not None and widest.name == "AgentStreamEvent"
    assert events["thread.run.created"] == events["thread.run.requires_action"] == "ThreadRun"
    assert events["thread.run.step.delta"] == "RunStepDeltaChunk"
    assert events["thread.run.step.completed"] == "RunStep"
    assert events["thread.message.delta"] == "MessageDeltaChunk"
    assert events["thread.message.completed"] == "ThreadMessage"
    assert events["thread.created"] == "AgentThread"
    # `done` and `error` carry no data type: the union adds `done`, the runtimes raise `error`.
    assert "done" not in events and "error" not in events
    assert len(events) == 23


def test_streaming_operations_yield_the_event_union(neutral: Api) -> None:
    api = apply(neutral, AZURE, "python")
    streaming = {op.operation_id: op.streaming for op in api.all_operations() if op.streaming is not None}
    assert sorted(streaming) == ["CreateThreadAndRun", "Runs_CreateRun", "Runs_SubmitToolOutputsToRun"]
    assert {s.event_type for s in streaming.values()} == {Ref("AgentStreamEventUnion")}
    union = api.model("AgentStreamEventUnion")
    assert isinstance(union, UnionModel) and union.discriminator is not None
    mapping = dict(union.discriminator.mapping)
    assert mapping["thread.message.delta"] == "MessageDeltaChunkEvent"
    delta = api.model("MessageDeltaChunkEvent")
    assert isinstance(delta, ObjectModel)
    assert [(f.name, f.type) for f in delta.fields] == [
        ("event", LiteralOf("thread.message.delta")),
        ("data", Ref("MessageDeltaChunk")),
    ]
    run_event = api.model(mapping["thread.run.completed"])
    assert isinstance(run_event, ObjectModel) and isinstance(run_event.fields[0].type, UnionOf)
    assert "error" not in mapping
    done = api.model(mapping["done"])
    assert isinstance(done, ObjectModel) and done.fields[1].type == LiteralOf("[DONE]")
    assert ends_with_done(streaming["Runs_CreateRun"], {m.name: m for m in api.models})
    names = [m.name for m in api.models]
    assert names == sorted(names) and len(names) == len(set(names))


def test_our_azure_spec_follows_the_same_grouping() -> None:
    api = apply(build(load(OUR_AZURE_SPEC)), AZURE, "python")
    surface = _surface(api)
    assert surface[""] == ["create_thread_and_run"]
    assert surface["runs"] == ["list", "create", "get", "update", "cancel", "submit_tool_outputs"]
    assert surface["run_steps"] == ["list", "get"]

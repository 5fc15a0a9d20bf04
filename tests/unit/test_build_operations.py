"""Operations and resources built from tests/fixtures/ir/operations.yaml and swagger_poly.json."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from generator.ir.build import build
from generator.ir.model import (
    Api,
    Body,
    Discriminator,
    EnumModel,
    Example,
    LiteralOf,
    Nullable,
    ObjectModel,
    Operation,
    Pagination,
    Primitive,
    Ref,
    Streaming,
    UnionModel,
)
from generator.ir.resources import PathIndex, place
from generator.load import load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ir"


@cache
def api(name: str) -> Api:
    return build(load(FIXTURES / name))


def op(operation_id: str, spec: str = "operations.yaml") -> Operation:
    return next(o for o in api(spec).all_operations() if o.operation_id == operation_id)


def test_resources_nest_by_static_segments_and_actions_are_names() -> None:
    tree = {r.name: r for r in api("operations.yaml").resources}
    assert sorted(tree) == ["files", "threads"]
    threads = tree["threads"]
    assert [o.name for o in threads.operations] == ["create", "create_and_run"]
    (runs,) = threads.children
    assert runs.name == "runs"
    assert [o.name for o in runs.operations] == [
        "list",
        "create",
        "get",
        "cancel",
        "submit_tool_outputs",
    ]
    assert [(c.name, [o.name for o in c.operations]) for c in runs.children] == [
        ("steps", ["list"])
    ]


def test_names_are_unique_in_a_resource_and_fall_back_without_operation_id() -> None:
    files = next(r for r in api("operations.yaml").resources if r.name == "files")
    names = [o.name for o in files.operations]
    assert names == ["create", "get", "get_again", "delete"]
    deleted = next(o for o in files.operations if o.method == "delete")
    assert deleted.operation_id == "delete_files_file_id"


def test_parameters_by_location_with_path_params_in_path_order() -> None:
    get_run = op("getRun")
    assert [(p.name, p.location) for p in get_run.parameters] == [
        ("thread_id", "path"),
        ("run_id", "path"),
    ]
    list_runs = op("listRuns")
    assert [(p.name, p.location) for p in list_runs.parameters] == [
        ("thread_id", "path"),
        ("limit", "query"),
        ("order", "query"),
        ("after", "query"),
        ("before", "query"),
        ("X-Trace", "header"),
    ]
    limit = list_runs.parameters[1]
    assert (limit.required, limit.has_default, limit.default) == (False, True, 20)
    assert isinstance(api("operations.yaml").model("ListRunsOrder"), EnumModel)


def test_bodies_per_content_type_including_multipart() -> None:
    bodies = op("createFile").bodies
    assert [b.content_type for b in bodies] == [
        "multipart/form-data",
        "application/json",
    ]
    assert bodies[0].is_multipart and bodies[0].type == Ref("CreateFileRequest")
    upload = api("operations.yaml").model("CreateFileRequest")
    assert isinstance(upload, ObjectModel)
    assert [(f.name, f.required, f.type) for f in upload.fields] == [
        ("file", True, Primitive("string", "binary")),
        ("purpose", False, Primitive("string")),
    ]
    assert op("createRun").bodies == (
        Body("application/json", Ref("CreateRunRequest"), True),
    )


def test_success_and_error_responses() -> None:
    create = op("createRun")
    assert create.success is not None and create.success.type == Ref("Run")
    assert [r.status for r in create.errors] == ["404", "default"]
    assert all(r.type == Ref("Error") for r in create.errors)
    assert (
        op("createFile").success is not None
        and op("createFile").success.status == "200"
    )  # first with content
    assert [r.status for r in op("createFile").responses] == ["200", "201"]
    download = op("getFile").success
    assert download is not None and download.type == Primitive("string", "binary")


def test_cursor_pagination() -> None:
    assert op("listRuns").pagination == Pagination(
        items_field="data",
        item_type=Ref("Run"),
        cursor_param="after",
        cursor_field="last_id",
        has_more_field="has_more",
        limit_param="limit",
        before_param="before",
    )
    assert op("listRunSteps").pagination is None


def test_event_stream_with_its_flag_and_event_type() -> None:
    assert op("createRun").streaming == Streaming(
        "text/event-stream", Ref("RunEvent"), "stream"
    )
    assert op("getRun").streaming is None


def test_docs_deprecation_tags_security_examples_extensions() -> None:
    create = op("createRun")
    assert (create.summary, create.description, create.tags) == (
        "Create a run.",
        "Starts a run.",
        ("Runs",),
    )
    assert [e.title for e in create.examples] == ["Default", "Streaming"]
    assert create.examples[0] == Example("Default", (("curl", "curl -X POST"),), "{}")
    assert op("listRuns").examples == (
        Example(
            None,
            (("curl", "curl https://example.com"), ("python", "client.runs.list()")),
            '{"data": []}',
        ),
    )
    assert dict(op("createThread").extensions)["x-oaiMeta"] == {
        "group": "threads",
        "beta": True,
    }
    assert op("getRun").deprecated is True and op("getRun").security == ()
    assert create.security is None
    assert api("operations.yaml").security == ((("Bearer", ()),),)


def test_servers_and_security_schemes() -> None:
    (server,) = api("operations.yaml").servers
    assert server.url == "https://{region}.example.com/v1"
    assert [(v.name, v.default, v.enum) for v in server.variables] == [
        ("region", "eu", ("eu", "us"))
    ]
    (bearer,) = api("operations.yaml").security_schemes
    assert (bearer.name, bearer.type, bearer.scheme) == ("Bearer", "http", "bearer")


def test_warnings_name_what_is_assumed() -> None:
    codes = [w.code for w in api("operations.yaml").warnings]
    assert codes.count("undeclared-path-parameter") == 3


# ---------------------------------------------------------------------- Swagger 2.0


def test_swagger_base_with_discriminator_becomes_a_union_of_its_children() -> None:
    union = api("swagger_poly.json").model("ToolDefinition")
    assert isinstance(union, UnionModel)
    assert union.variants == (Ref("CodeTool"), Ref("SearchTool"))
    assert union.discriminator == Discriminator(
        "type", (("code", "CodeTool"), ("search", "SearchTool"))
    )
    search = api("swagger_poly.json").model("SearchTool")
    assert isinstance(search, ObjectModel)
    assert search.discriminator_value == "search"
    assert (
        search.bases == ()
    )  # the base is a union now: its fields are copied, not inherited
    fields = {f.name: f for f in search.fields}
    assert list(fields)[:2] == ["type", "label"]
    assert fields["type"].type == LiteralOf("search") and fields["type"].required
    assert fields["index"].client_name == "indexName"
    assert fields["created_at"].type == Primitive("integer", "unixtime")
    assert fields["ended_at"].type == Nullable(Primitive("integer", "unixtime"))


def test_ms_enum_open_closed_and_value_names() -> None:
    status = api("swagger_poly.json").model("Status")
    assert isinstance(status, EnumModel) and status.open is True
    assert [(v.value, v.name, v.description) for v in status.values] == [
        ("queued", "Queued", "Waiting."),
        ("done", "Done", "Finished."),
    ]
    closed = api("swagger_poly.json").model("Closed")
    assert isinstance(closed, EnumModel) and closed.open is False


def test_client_parameters_host_and_oauth_scopes() -> None:
    poly = api("swagger_poly.json")
    (version,) = poly.client_parameters
    assert (version.name, version.location, version.method_level, version.default) == (
        "api-version",
        "query",
        False,
        "v1",
    )
    assert [p.name for p in op("Tools_GetTool", "swagger_poly.json").parameters] == [
        "toolId",
        "api-version",
    ]
    assert poly.servers[0].url == "{endpoint}"
    schemes = {s.name: s for s in poly.security_schemes}
    assert schemes["OAuth2Auth"].scopes == ("https://ai.azure.com/.default",)
    assert (schemes["ApiKey"].location, schemes["ApiKey"].parameter_name) == (
        "header",
        "api-key",
    )
    assert poly.resources[0].operations[0].name == "get"


@pytest.mark.parametrize(
    ("operation_id", "method", "path", "expected"),
    [
        ("createRun", "post", "/threads/{thread_id}/runs", "create"),
        ("listRunSteps", "get", "/threads/{thread_id}/runs/{run_id}/steps", "list"),
        (
            "getRunStep",
            "get",
            "/threads/{thread_id}/runs/{run_id}/steps/{step_id}",
            "get",
        ),
        ("createThreadAndRun", "post", "/threads/runs", "create_and_run"),
        ("Runs_GetRun", "get", "/threads/{threadId}/runs/{runId}", "get"),
        (
            "Runs_SubmitToolOutputsToRun",
            "post",
            "/threads/{t}/runs/{r}/submit_tool_outputs",
            "submit_tool_outputs",
        ),
        (
            "submitToolOuputsToRun",
            "post",
            "/threads/{t}/runs/{r}/submit_tool_outputs",
            "submit_tool_outputs",
        ),
        ("RunSteps_ListRunSteps", "get", "/threads/{t}/runs/{r}/steps", "list"),
        ("VectorStores_ModifyVectorStore", "post", "/vector_stores/{id}", "modify"),
        (
            "VectorStoreFileBatches_ListVectorStoreFileBatchFiles",
            "get",
            "/vector_stores/{v}/file_batches/{b}/files",
            "list",
        ),
        ("listBatches", "get", "/batches", "list"),
        ("admin-api-keys-list", "get", "/organization/admin_api_keys", "list"),
        ("getEvalRuns", "get", "/evals/{eval_id}/runs", "list"),
        ("Threads", "post", "/threads", "create"),
        (None, "get", "/threads/{thread_id}", "get"),
        (None, "post", "/threads/{thread_id}/cancel", "cancel"),
    ],
)
def test_operation_names(
    operation_id: str | None, method: str, path: str, expected: str
) -> None:
    paths = PathIndex([path, "/threads/{thread_id}/runs"])
    group = "threads" if path == "/threads/runs" else None
    assert place(path, method, operation_id, group, paths).name == expected


def test_placement_by_the_specs_grouping() -> None:
    paths = PathIndex(
        ["/threads/runs", "/threads/{thread_id}/runs", "/chat/completions"]
    )
    assert place(
        "/threads/runs", "post", "createThreadAndRun", "threads", paths
    ).chain == ("threads",)
    assert place(
        "/threads/runs", "post", "createThreadAndRun", "other", paths
    ).chain == ("threads", "runs")
    assert place(
        "/chat/completions", "post", "createChatCompletion", "chat", paths
    ).chain == ("chat", "completions")
    assert place(
        "/responses?beta=true", "post", "createResponse", None, paths
    ).chain == ("responses",)

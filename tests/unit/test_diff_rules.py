"""`compare` on small hand-made IRs: each kind of change, and whether it breaks SDK users."""

from __future__ import annotations

import json
from dataclasses import replace

from generator.diff import compare, render
from generator.diff.changes import SHARED, Change
from generator.diff.compare import accepts
from generator.ir.model import (
    Api,
    ArrayOf,
    Body,
    EnumModel,
    EnumValue,
    Field,
    LiteralOf,
    Nullable,
    ObjectModel,
    Operation,
    Parameter,
    Primitive,
    Ref,
    Resource,
    Response,
    Streaming,
    UnionOf,
)

STR = Primitive("string")
INT = Primitive("integer")


def _api(
    request_fields: tuple[Field, ...] = (
        Field("assistant_id", STR, True),
        Field("model", STR, False),
    ),
    response_fields: tuple[Field, ...] = (
        Field("id", STR, True),
        Field("expires_at", INT, True),
    ),
    status_values: tuple[str, ...] = ("queued", "done"),
    tools: tuple[str, ...] = ("code_interpreter", "retrieval"),
    params: tuple[Parameter, ...] = (Parameter("thread_id", "path", STR, True),),
    streaming: Streaming | None = None,
    extra_ops: tuple[Operation, ...] = (),
) -> Api:
    tool_models = tuple(
        ObjectModel(
            f"Tool{t.title().replace('_', '')}", (Field("type", LiteralOf(t), True),)
        )
        for t in tools
    )
    tool_union = UnionOf(tuple(Ref(m.name) for m in tool_models))
    models = (
        ObjectModel(
            "CreateRunRequest",
            request_fields + (Field("tools", ArrayOf(tool_union), False),),
        ),
        ObjectModel(
            "Run",
            response_fields
            + (
                Field("status", Ref("RunStatus"), True),
                Field("tools", ArrayOf(tool_union), True),
            ),
        ),
        EnumModel("RunStatus", tuple(EnumValue(v) for v in status_values)),
        ObjectModel("Filter", (Field("status", Ref("FilterStatus"), False),)),
        EnumModel("FilterStatus", tuple(EnumValue(v) for v in status_values)),
        *tool_models,
    )
    create = Operation(
        "createRun",
        "create",
        "post",
        "/threads/{thread_id}/runs",
        params,
        bodies=(Body("application/json", Ref("CreateRunRequest"), True),),
        success=Response("200", type=Ref("Run")),
        streaming=streaming,
    )
    search = Operation(
        "searchRuns",
        "search",
        "post",
        "/threads/{thread_id}/runs/search",
        (Parameter("thread_id", "path", STR, True),),
        bodies=(Body("application/json", Ref("Filter"), True),),
    )
    runs = Resource("runs", (create, search, *extra_ops))
    return Api(
        "t",
        "1",
        "openapi-3.0.3",
        tuple(sorted(models, key=lambda m: m.name)),
        (Resource("threads", (), (runs,)),),
    )


def _find(changes: tuple[Change, ...], target: str, action: str) -> Change:
    hits = [c for c in changes if c.target == target and c.action == action]
    assert len(hits) == 1, changes
    return hits[0]


def test_identical_apis_have_no_changes() -> None:
    log = compare(_api(), _api())
    assert log.changes == () and not log.has_breaking


def test_optional_request_field_added_is_not_breaking() -> None:
    log = compare(
        _api(),
        _api(
            request_fields=(
                Field("assistant_id", STR, True),
                Field("model", STR, False),
                Field("stream", Nullable(Primitive("boolean")), False),
            )
        ),
    )
    c = _find(log.changes, "CreateRunRequest.stream", "added")
    assert not c.breaking and c.subject == "field" and c.group == "threads/runs"
    assert not log.has_breaking


def test_required_request_field_added_is_breaking() -> None:
    log = compare(
        _api(),
        _api(
            request_fields=(
                Field("assistant_id", STR, True),
                Field("model", STR, False),
                Field("x", STR, True),
            )
        ),
    )
    assert _find(log.changes, "CreateRunRequest.x", "added").breaking


def test_request_field_becoming_required_is_breaking() -> None:
    log = compare(
        _api(),
        _api(
            request_fields=(Field("assistant_id", STR, True), Field("model", STR, True))
        ),
    )
    c = _find(log.changes, "CreateRunRequest.model", "changed")
    assert c.breaking and c.detail == "now required"


def test_response_field_removed_is_breaking_added_is_not() -> None:
    log = compare(
        _api(),
        _api(response_fields=(Field("id", STR, True), Field("usage", INT, False))),
    )
    assert _find(log.changes, "Run.expires_at", "removed").breaking
    assert not _find(log.changes, "Run.usage", "added").breaking


def test_response_field_becoming_nullable_is_breaking_request_widening_is_not() -> None:
    log = compare(
        _api(),
        _api(
            response_fields=(
                Field("id", STR, True),
                Field("expires_at", Nullable(INT), True),
            ),
            request_fields=(
                Field("assistant_id", Nullable(STR), True),
                Field("model", STR, False),
            ),
        ),
    )
    assert _find(log.changes, "Run.expires_at", "changed").breaking
    assert not _find(log.changes, "CreateRunRequest.assistant_id", "changed").breaking


def test_request_type_narrowed_is_breaking() -> None:
    log = compare(
        _api(),
        _api(
            request_fields=(
                Field("assistant_id", LiteralOf("asst"), True),
                Field("model", STR, False),
            )
        ),
    )
    c = _find(log.changes, "CreateRunRequest.assistant_id", "changed")
    assert c.breaking and c.detail == "string → 'asst'"


def test_enum_value_removed_breaks_requests_not_responses() -> None:
    log = compare(_api(), _api(status_values=("queued",)))
    in_request = _find(log.changes, "FilterStatus", "removed")
    in_response = _find(log.changes, "RunStatus", "removed")
    assert (
        in_request.breaking
        and in_request.subject == "enum value"
        and "'done'" in in_request.detail
    )
    assert not in_response.breaking


def test_enum_value_added_is_not_breaking() -> None:
    log = compare(_api(), _api(status_values=("queued", "done", "expired")))
    assert {c.target for c in log.changes} == {"RunStatus", "FilterStatus"}
    assert not log.has_breaking


def test_union_variant_removed_from_a_request_is_breaking() -> None:
    log = compare(_api(), _api(tools=("code_interpreter", "file_search")))
    removed = [
        c for c in log.changes if c.subject == "union variant" and c.action == "removed"
    ]
    assert {(c.target, c.breaking) for c in removed} == {
        ("CreateRunRequest.tools[]", True),
        ("Run.tools[]", False),
    }
    assert all("`retrieval` (ToolRetrieval)" in c.detail for c in removed)
    assert _find(log.changes, "ToolRetrieval", "removed").breaking
    added = [
        c for c in log.changes if c.subject == "union variant" and c.action == "added"
    ]
    assert added and not any(c.breaking for c in added)


def test_parameters_removed_renamed_added() -> None:
    old = _api(
        params=(
            Parameter("thread_id", "path", STR, True),
            Parameter("order", "query", STR, False),
        )
    )
    new = _api(
        params=(
            Parameter("threadId", "path", STR, True),
            Parameter("limit", "query", INT, False),
            Parameter("team", "header", STR, True),
        )
    )
    log = compare(old, new)
    op = "POST /threads/{thread_id}/runs (create)"
    renamed = _find(log.changes, f"{op} path thread_id", "renamed")
    assert renamed.breaking and renamed.detail == "thread_id → threadId"
    assert _find(log.changes, f"{op} query order", "removed").breaking
    assert not _find(log.changes, f"{op} query limit", "added").breaking
    assert _find(log.changes, f"{op} header team", "added").breaking


def test_operation_removed_is_breaking_added_is_not() -> None:
    extra = Operation(
        "cancelRun", "cancel", "post", "/threads/{thread_id}/runs/{run_id}/cancel", ()
    )
    log = compare(_api(extra_ops=(extra,)), _api())
    assert _find(
        log.changes,
        "POST /threads/{thread_id}/runs/{run_id}/cancel (cancel)",
        "removed",
    ).breaking
    log = compare(_api(), _api(extra_ops=(extra,)))
    assert not log.has_breaking and log.changes[0].subject == "operation"


def test_streaming_added_is_not_breaking() -> None:
    log = compare(
        _api(), _api(streaming=Streaming("text/event-stream", None, flag="stream"))
    )
    c = _find(log.changes, "POST /threads/{thread_id}/runs (create)", "added")
    assert c.subject == "response" and "streaming" in c.detail and not c.breaking


def test_models_used_by_several_resources_are_grouped_together() -> None:
    api = _api()
    other = Resource(
        "assistants",
        (
            Operation(
                "getAssistant",
                "get",
                "get",
                "/assistants/{id}",
                (),
                success=Response("200", type=Ref("Run")),
            ),
        ),
    )
    old = replace(api, resources=api.resources + (other,))
    new_run = ObjectModel("Run", (Field("id", STR, True),))
    new = replace(
        old, models=tuple(new_run if m.name == "Run" else m for m in old.models)
    )
    log = compare(old, new)
    assert {c.group for c in log.changes if c.target.startswith("Run.")} == {SHARED}


def test_accepts_is_a_widening_check() -> None:
    assert accepts(Primitive("number"), INT)
    assert not accepts(INT, Primitive("number"))
    assert accepts(Nullable(STR), STR) and not accepts(STR, Nullable(STR))
    assert accepts(UnionOf((STR, INT)), INT) and not accepts(INT, UnionOf((STR, INT)))
    assert accepts(STR, LiteralOf("x")) and not accepts(LiteralOf("x"), STR)
    assert accepts(Primitive("any"), ArrayOf(STR))


def test_renderings_carry_the_same_changes() -> None:
    log = compare(
        _api(),
        _api(
            tools=("code_interpreter",),
            request_fields=(
                Field("assistant_id", STR, True),
                Field("model", STR, False),
                Field("stream", Primitive("boolean"), False),
            ),
        ),
    )
    data = json.loads(render(log, "json"))
    assert data["breaking"] is True
    flat = [c for g in data["groups"] for c in g["changes"]]
    assert len(flat) == len(log.changes)
    assert {g["resource"] for g in data["groups"]} == {c.group for c in log.changes}
    text = render(log, "text")
    assert "BREAKING union variant removed CreateRunRequest.tools[]" in text
    assert "field added CreateRunRequest.stream: optional boolean" in text
    md = render(log, "markdown")
    assert (
        "## threads/runs" in md
        and "- **breaking** union variant removed `CreateRunRequest.tools[]`" in md
    )

"""TypeScript target on a small hand-made IR: names, types, layout, keys, both flavors."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from generator.flavors.flavor import AZURE, OPENAI, Flavor
from generator.ir.model import (
    Api,
    ArrayOf,
    Body,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    LiteralOf,
    MapOf,
    Nullable,
    ObjectModel,
    Operation,
    Pagination,
    Parameter,
    Primitive,
    Ref,
    Resource,
    Response,
    SecurityScheme,
    Server,
    ServerVariable,
    Streaming,
    UnionModel,
)
from generator.plan import FilePlan, TargetOptions
from generator.targets.typescript import plan

STRING = Primitive("string")
INT = Primitive("integer")
UNIX = Primitive("integer", "unixtime")


def f(name: str, t: object, required: bool = True, client_name: str | None = None, doc: str | None = None) -> Field:
    return Field(name=name, type=t, required=required, client_name=client_name, description=doc)  # type: ignore[arg-type]


def runs_api(azure: bool = False) -> Api:
    """A Runs API shaped like both real specs, small enough to read."""
    models = (
        ObjectModel(
            "AssistantToolsCode",
            (f("type", LiteralOf("code_interpreter")),),
            discriminator_value="code_interpreter",
            bases=("AssistantToolDefinition",) if azure else (),
        ),
        ObjectModel(
            "AssistantToolsFunction",
            (f("type", LiteralOf("function")), f("function", Ref("FunctionDefinition"))),
            discriminator_value="function",
            bases=("AssistantToolDefinition",) if azure else (),
        ),
        ObjectModel("AssistantToolDefinition", (f("type", STRING),), description="A tool."),
        UnionModel(
            "AssistantTool",
            (Ref("AssistantToolsCode"), Ref("AssistantToolsFunction")),
            Discriminator("type", (("code_interpreter", "AssistantToolsCode"), ("function", "AssistantToolsFunction"))),
        ),
        ObjectModel(
            "CreateRunRequest",
            (
                f("assistant_id", STRING, client_name="assistantId", doc="The assistant."),
                f("model", Nullable(STRING), required=False),
                f("tools", Nullable(ArrayOf(Ref("AssistantTool"))), required=False),
                f("metadata", Nullable(MapOf(STRING)), required=False),
                f("stream", Nullable(Primitive("boolean")), required=False),
            ),
        ),
        ObjectModel(
            "FunctionDefinition",
            (
                f("name", STRING),
                f("description", STRING, required=False),
                f("parameters", MapOf(Primitive("any")), required=False),
            ),
        ),
        ObjectModel(
            "ListRunsResponse",
            (
                f("object", LiteralOf("list")),
                f("data", ArrayOf(Ref("RunObject"))),
                f("first_id", STRING),
                f("last_id", STRING),
                f("has_more", Primitive("boolean")),
            ),
        ),
        ObjectModel(
            "RunObject",
            (
                f("id", STRING, doc="The identifier."),
                f("object", LiteralOf("thread.run")),
                f("created_at", UNIX if azure else INT, client_name="createdAt"),
                f("cancelled_at", Nullable(UNIX if azure else INT), client_name="cancelledAt"),
                f("status", Ref("RunObject_Status")),
                f("last_error", Nullable(Ref("RunObject_LastError")), client_name="lastError"),
                f("tools", ArrayOf(Ref("AssistantTool" if not azure else "AssistantToolDefinition"))),
                f("metadata", Nullable(MapOf(STRING))),
                f("step_details", Ref("RunStepDetails"), required=False, client_name="stepDetails"),
            ),
            description="Represents an execution run on a thread.",
            title="A run on a thread",
        ),
        ObjectModel(
            "RunObject_LastError",
            (f("code", Ref("RunObject_LastError_Code")), f("message", STRING)),
            description="The last error.",
            parent="RunObject",
            member="last_error",
        ),
        EnumModel(
            "RunObject_LastError_Code",
            (EnumValue("server_error"), EnumValue("rate_limit_exceeded")),
            parent="RunObject_LastError",
            member="code",
        ),
        EnumModel(
            "RunObject_Status",
            (EnumValue("queued"), EnumValue("in_progress"), EnumValue("completed")),
            parent="RunObject",
            member="status",
            open=azure,
        ),
        # A Swagger polymorphic base, as the builder hands it over: a discriminated union.
        UnionModel(
            "RunStepDetails",
            (Ref("RunStepMessageCreationDetails"), Ref("RunStepToolCallDetails")),
            Discriminator(
                "type",
                (("message_creation", "RunStepMessageCreationDetails"), ("tool_calls", "RunStepToolCallDetails")),
            ),
        ),
        ObjectModel(
            "RunStepMessageCreationDetails",
            (f("type", LiteralOf("message_creation")), f("message_creation", MapOf(STRING), client_name="messageCreation")),
            discriminator_value="message_creation",
        ),
        ObjectModel(
            "RunStepToolCallDetails",
            (f("type", LiteralOf("tool_calls")), f("tool_calls", ArrayOf(MapOf(UNIX)), client_name="toolCalls")),
            discriminator_value="tool_calls",
        ),
        ObjectModel(
            "SubmitToolOutputsRequest",
            (f("tool_outputs", ArrayOf(Ref("SubmitToolOutputsRequest_ToolOutput"))),),
        ),
        ObjectModel(
            "SubmitToolOutputsRequest_ToolOutput",
            (f("tool_call_id", STRING, required=False), f("output", STRING, required=False)),
            parent="SubmitToolOutputsRequest",
            member="tool_outputs",
        ),
    )
    thread_id = Parameter("thread_id", "path", STRING, True, client_name="threadId")
    run_id = Parameter("run_id", "path", STRING, True, client_name="runId")
    run = Ref("RunObject")
    ok = Response("200", content_type="application/json", type=run)
    version = (Parameter("api-version", "query", STRING, True, default="v1", has_default=True),) if azure else ()
    list_params = (
        thread_id,
        Parameter("limit", "query", INT, False),
        Parameter("order", "query", Ref("RunObject_Status"), False),
        Parameter("after", "query", STRING, False),
        Parameter("before", "query", STRING, False),
    )
    runs = Resource(
        "runs",
        (
            Operation(
                "createRun",
                "create",
                "post",
                "/threads/{thread_id}/runs",
                (thread_id, *version),
                bodies=(Body("application/json", Ref("CreateRunRequest"), True),),
                success=ok,
                streaming=Streaming("text/event-stream", None, flag="stream"),
                summary="Create a run.",
            ),
            Operation(
                "getRun", "retrieve" if not azure else "get", "get", "/threads/{thread_id}/runs/{run_id}",
                (thread_id, run_id, *version), success=ok, summary="Retrieves a run.",
            ),
            Operation(
                "listRuns",
                "list",
                "get",
                "/threads/{thread_id}/runs",
                (*list_params, *version),
                success=Response("200", content_type="application/json", type=Ref("ListRunsResponse")),
                pagination=Pagination("data", run, "after", "last_id", "has_more", "limit", "before"),
                summary="Returns a list of runs belonging to a thread.",
            ),
            Operation(
                "submitToolOuputsToRun",
                "submit_tool_outputs",
                "post",
                "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs",
                (thread_id, run_id, *version),
                bodies=(Body("application/json", Ref("SubmitToolOutputsRequest"), True),),
                success=ok,
            ),
            Operation(
                "cancelRun", "cancel", "post", "/threads/{thread_id}/runs/{run_id}/cancel",
                (thread_id, run_id, *version), success=ok,
            ),
        ),
    )
    threads = Resource("threads", (), children=(runs,))
    if azure:
        servers = (Server("{endpoint}", variables=(ServerVariable("endpoint", None),)),)
        schemes = (SecurityScheme("OAuth2Auth", "oauth2", scopes=("https://ai.azure.com/.default",)),)
    else:
        servers = (Server("https://api.openai.com/v1"),)
        schemes = (SecurityScheme("ApiKeyAuth", "http", scheme="bearer"),)
    return Api(
        title="Runs",
        version="v1" if azure else "2.0.0",
        spec_format="openapi-3.0.3",
        models=tuple(sorted(models, key=lambda m: m.name)),
        resources=(threads,),
        servers=servers,
        security_schemes=schemes,
        source_file="specs/runs.yaml",
    )


def options(flavor: Flavor) -> TargetOptions:
    return TargetOptions(package_name=f"{flavor.name}-runs", client_name=flavor.client_name)


def rendered(p: FilePlan) -> dict[str, str]:
    return {f.path: f.render() for f in p.files}


def test_layout_has_the_agreed_files() -> None:
    files = rendered(plan(runs_api(), OPENAI, options(OPENAI)))
    for path in ("package.json", "tsconfig.json", "src/index.ts", "src/client.ts", "src/core/client.ts",
                 "src/resources/threads.ts", "src/resources/threads/runs.ts", "src/lib/index.ts"):
        assert path in files, path
    lib = next(f for f in plan(runs_api(), OPENAI, options(OPENAI)).files if f.path == "src/lib/index.ts")
    assert lib.overwrite is False
    assert json.loads(files["package.json"])["name"] == "openai-runs"
    assert json.loads(files["tsconfig.json"])["compilerOptions"]["strict"] is True
    assert all(text.startswith("// Generated by sdkforge from specs/runs.yaml.") for path, text in files.items()
               if path.endswith(".ts") and path != "src/lib/index.ts")


def test_openai_flavor_names_and_types() -> None:
    files = rendered(plan(runs_api(), OPENAI, options(OPENAI)))
    models = "\n".join(text for path, text in files.items() if path.startswith("src/models/"))
    assert "export interface Run {" in models  # RunObject: the resource's own object drops `Object`
    assert "export namespace Run {" in models
    assert "last_error: Run.LastError | null;" in models
    assert "export type Status = 'queued' | 'in_progress' | 'completed';" in models
    assert "cancelled_at: number | null;" in models
    assert "metadata: Record<string, string> | null;" in models
    runs = files["src/resources/threads/runs.ts"]
    assert "create(threadId: string, body: RunCreateParams, options?: Core.RequestOptions): Promise<Run>" in runs
    assert "list(threadId: string, query?: RunListParams, options?: Core.RequestOptions): Core.PagePromise<Run>;" in runs
    assert "export interface RunListParams extends Core.CursorPageParams {" in runs
    assert "submitToolOutputs(threadId: string, runId: string, body: RunSubmitToolOutputsParams" in runs
    assert "createStream(" in runs
    assert "deserialize" not in models  # wire names and numbers: nothing to convert


def test_azure_flavor_camel_case_dates_and_conversion() -> None:
    files = rendered(plan(runs_api(azure=True), AZURE, options(AZURE)))
    models = "\n".join(text for path, text in files.items() if path.startswith("src/models/"))
    assert "createdAt: Date;" in models
    assert "cancelledAt: Date | null;" in models
    assert "lastError: RunObject.LastError | null;" in models
    # a discriminated union takes the flavor's suffix
    assert "stepDetails?: RunStepDetailsUnion;" in models
    assert "export type RunStepDetailsUnion = RunStepMessageCreationDetails | RunStepToolCallDetails;" in models
    # a base extended by subtypes (allOf + discriminator value) gets a union with itself last
    assert "tools: Array<AssistantToolDefinitionUnion>;" in models
    assert (
        "export type AssistantToolDefinitionUnion = AssistantToolsCode | AssistantToolsFunction | AssistantToolDefinition;"
        in models
    )
    assert "created_at: Math.floor(item['createdAt'].getTime() / 1000)," in models
    assert "createdAt: new Date(item['created_at'] * 1000)," in models
    assert "item?.['type'] === 'tool_calls' ? deserializeRunStepToolCallDetails(item)" in models
    assert "toolCalls: item['tool_calls'].map((v0: any) => Core.mapValues(v0, (v1: any) => new Date(v1 * 1000)))," in models
    assert "'queued' | 'in_progress' | 'completed' | (string & {})" in models
    client = files["src/client.ts"]
    assert "'api-version'" in client and "'v1'" in client
    assert "'https://ai.azure.com/.default'" in client
    runs = files["src/resources/threads/runs.ts"]
    assert "api-version" not in runs  # the client adds it to every request


def test_keys_are_stable_and_follow_content() -> None:
    api = runs_api()
    a = {f.path: f.key for f in plan(api, OPENAI, options(OPENAI)).files}
    b = {f.path: f.key for f in plan(api, OPENAI, options(OPENAI)).files}
    assert a == b
    changed_models = tuple(
        replace(m, description="Changed.") if m.name == "FunctionDefinition" else m for m in api.models
    )
    c = {f.path: f.key for f in plan(replace(api, models=changed_models), OPENAI, options(OPENAI)).files}
    differing = {p for p in a if a[p] != c[p]}
    assert differing and all(p.startswith("src/models/") for p in differing)
    assert len(differing) < len(a)


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    one = rendered(plan(runs_api(azure=True), AZURE, options(AZURE)))
    two = rendered(plan(runs_api(azure=True), AZURE, options(AZURE)))
    assert one == two

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


def f(
    name: str,
    t: object,
    required: bool = True,
    client_name: str | None = None,
    doc: str | None = None,
) -> Field:
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
            (
                f("type", LiteralOf("function")),
                f("function", Ref("FunctionDefinition")),
            ),
            discriminator_value="function",
            bases=("AssistantToolDefinition",) if azure else (),
        ),
        ObjectModel(
            "AssistantToolDefinition", (f("type", STRING),), description="A tool."
        ),
        UnionModel(
            "AssistantTool",
            (Ref("AssistantToolsCode"), Ref("AssistantToolsFunction")),
            Discriminator(
                "type",
                (
                    ("code_interpreter", "AssistantToolsCode"),
                    ("function", "AssistantToolsFunction"),
                ),
            ),
        ),
        ObjectModel(
            "CreateRunRequest",
            (
                f(
                    "assistant_id",
                    STRING,
                    client_name="assistantId",
                    doc="The assistant.",
                ),
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
                f(
                    "cancelled_at",
                    Nullable(UNIX if azure else INT),
                    client_name="cancelledAt",
                ),
                f("status", Ref("RunObject_Status")),
                f(
                    "last_error",
                    Nullable(Ref("RunObject_LastError")),
                    client_name="lastError",
                ),
                f(
                    "tools",
                    ArrayOf(
                        Ref("AssistantTool" if not azure else "AssistantToolDefinition")
                    ),
                ),
                f("metadata", Nullable(MapOf(STRING))),
                f(
                    "step_details",
                    Ref("RunStepDetails"),
                    required=False,
                    client_name="stepDetails",
                ),
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
                (
                    ("message_creation", "RunStepMessageCreationDetails"),
                    ("tool_calls", "RunStepToolCallDetails"),
                ),
            ),
        ),
        ObjectModel(
            "RunStepMessageCreationDetails",
            (
                f("type", LiteralOf("message_creation")),
                f("message_creation", MapOf(STRING), client_name="messageCreation"),
            ),
            discriminator_value="message_creation",
        ),
        ObjectModel(
            "RunStepToolCallDetails",
            (
                f("type", LiteralOf("tool_calls")),
                f("tool_calls", ArrayOf(MapOf(UNIX)), client_name="toolCalls"),
            ),
            discriminator_value="tool_calls",
        ),
        ObjectModel(
            "SubmitToolOutputsRequest",
            (f("tool_outputs", ArrayOf(Ref("SubmitToolOutputsRequest_ToolOutput"))),),
        ),
        ObjectModel(
            "SubmitToolOutputsRequest_ToolOutput",
            (
                f("tool_call_id", STRING, required=False),
                f("output", STRING, required=False),
            ),
            parent="SubmitToolOutputsRequest",
            member="tool_outputs",
        ),
        ObjectModel(
            "CreateFileRequest",
            (f("file", Primitive("string", "binary")), f("purpose", STRING)),
        ),
        ObjectModel(
            "OpenAIFile",
            (
                f("id", STRING),
                f("filename", STRING),
                f("created_at", UNIX if azure else INT, client_name="createdAt"),
            ),
        ),
    )
    thread_id = Parameter("thread_id", "path", STRING, True, client_name="threadId")
    run_id = Parameter("run_id", "path", STRING, True, client_name="runId")
    run = Ref("RunObject")
    ok = Response("200", content_type="application/json", type=run)
    version = (
        (
            Parameter(
                "api-version", "query", STRING, True, default="v1", has_default=True
            ),
        )
        if azure
        else ()
    )
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
                "getRun",
                "retrieve" if not azure else "get",
                "get",
                "/threads/{thread_id}/runs/{run_id}",
                (thread_id, run_id, *version),
                success=ok,
                summary="Retrieves a run.",
            ),
            Operation(
                "listRuns",
                "list",
                "get",
                "/threads/{thread_id}/runs",
                (*list_params, *version),
                success=Response(
                    "200", content_type="application/json", type=Ref("ListRunsResponse")
                ),
                pagination=Pagination(
                    "data", run, "after", "last_id", "has_more", "limit", "before"
                ),
                summary="Returns a list of runs belonging to a thread.",
            ),
            Operation(
                "submitToolOuputsToRun",
                "submit_tool_outputs",
                "post",
                "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs",
                (thread_id, run_id, *version),
                bodies=(
                    Body("application/json", Ref("SubmitToolOutputsRequest"), True),
                ),
                success=ok,
            ),
            Operation(
                "cancelRun",
                "cancel",
                "post",
                "/threads/{thread_id}/runs/{run_id}/cancel",
                (thread_id, run_id, *version),
                success=ok,
            ),
        ),
    )
    threads = Resource("threads", (), children=(runs,))
    file_id = Parameter("file_id", "path", STRING, True, client_name="fileId")
    files = Resource(
        "files",
        (
            Operation(
                "uploadFile",
                "create",
                "post",
                "/files",
                version,
                bodies=(Body("multipart/form-data", Ref("CreateFileRequest"), True),),
                success=Response(
                    "200", content_type="application/json", type=Ref("OpenAIFile")
                ),
            ),
            Operation(
                "getFileContent",
                "content",
                "get",
                "/files/{file_id}/content",
                (file_id, *version),
                success=Response(
                    "200",
                    content_type="application/octet-stream",
                    type=Primitive("string", "binary"),
                ),
            ),
            Operation(
                "deleteFile",
                "delete",
                "delete",
                "/files/{file_id}",
                (file_id, *version),
            ),
        ),
    )
    if azure:
        servers = (Server("{endpoint}", variables=(ServerVariable("endpoint", None),)),)
        schemes = (
            SecurityScheme(
                "OAuth2Auth", "oauth2", scopes=("https://ai.azure.com/.default",)
            ),
        )
    else:
        servers = (Server("https://api.openai.com/v1"),)
        schemes = (SecurityScheme("ApiKeyAuth", "http", scheme="bearer"),)
    return Api(
        title="Runs",
        version="v1" if azure else "2.0.0",
        spec_format="openapi-3.0.3",
        models=tuple(sorted(models, key=lambda m: m.name)),
        resources=(threads, files),
        servers=servers,
        security_schemes=schemes,
        source_file="specs/runs.yaml",
    )


def options(flavor: Flavor) -> TargetOptions:
    return TargetOptions(
        package_name=f"{flavor.name}-runs", client_name=flavor.client_name
    )


def rendered(p: FilePlan) -> dict[str, str]:
    return {f.path: f.render() for f in p.files}


def test_layout_has_the_agreed_files() -> None:
    files = rendered(plan(runs_api(), OPENAI, options(OPENAI)))
    for path in (
        "package.json",
        "tsconfig.json",
        "src/index.ts",
        "src/client.ts",
        "src/core/client.ts",
        "src/resources/threads.ts",
        "src/resources/threads/runs.ts",
        "src/lib/index.ts",
    ):
        assert path in files, path
    lib = next(
        f
        for f in plan(runs_api(), OPENAI, options(OPENAI)).files
        if f.path == "src/lib/index.ts"
    )
    assert lib.overwrite is False
    assert json.loads(files["package.json"])["name"] == "openai-runs"
    assert json.loads(files["tsconfig.json"])["compilerOptions"]["strict"] is True
    assert all(
        text.startswith("// Generated by sdkforge from specs/runs.yaml.")
        for path, text in files.items()
        if path.endswith(".ts") and path != "src/lib/index.ts" and not path.startswith("src/core/")
    )
    # The core runtime is the same for every spec, so its header names none.
    assert all(
        text.startswith("// Generated by sdkforge. Do not edit")
        for path, text in files.items()
        if path.startswith("src/core/")
    )


def test_openai_flavor_names_and_types() -> None:
    files = rendered(plan(runs_api(), OPENAI, options(OPENAI)))
    models = "\n".join(
        text for path, text in files.items() if path.startswith("src/models/")
    )
    assert (
        "export interface Run {" in models
    )  # RunObject: the resource's own object drops `Object`
    assert "export namespace Run {" in models
    assert "last_error: Run.LastError | null;" in models
    assert "export type Status = 'queued' | 'in_progress' | 'completed';" in models
    assert "cancelled_at: number | null;" in models
    assert "metadata: Record<string, string> | null;" in models
    runs = files["src/resources/threads/runs.ts"]
    assert (
        "create(threadId: string, body: RunCreateParams, options?: Core.RequestOptions): Promise<Run>"
        in runs
    )
    assert (
        "list(threadId: string, query?: RunListParams, options?: Core.RequestOptions): Core.PagePromise<Run>;"
        in runs
    )
    assert "export interface RunListParams extends Core.CursorPageParams {" in runs
    assert (
        "submitToolOutputs(threadId: string, runId: string, body: RunSubmitToolOutputsParams"
        in runs
    )
    assert "createStream(" in runs
    assert "deserialize" not in models  # wire names and numbers: nothing to convert


def test_azure_flavor_camel_case_dates_and_conversion() -> None:
    files = rendered(plan(runs_api(azure=True), AZURE, options(AZURE)))
    models = "\n".join(
        text for path, text in files.items() if path.startswith("src/models/")
    )
    assert "createdAt: Date;" in models
    assert "cancelledAt: Date | null;" in models
    assert "lastError: RunObject.LastError | null;" in models
    # a discriminated union takes the flavor's suffix, and admits a variant it does not know
    assert "stepDetails?: RunStepDetailsUnion;" in models
    assert (
        "export type RunStepDetailsUnion = RunStepMessageCreationDetails | RunStepToolCallDetails"
        " | Core.UnknownVariant<'type'>;" in models
    )
    # a base extended by subtypes (allOf + discriminator value) gets a union with itself last
    assert "tools: Array<AssistantToolDefinitionUnion>;" in models
    assert (
        "export type AssistantToolDefinitionUnion = AssistantToolsCode | AssistantToolsFunction | AssistantToolDefinition;"
        in models
    )
    assert (
        "created_at: item['createdAt'] == null ? item['createdAt'] : Math.floor(item['createdAt'].getTime() / 1000),"
        in models
    )
    assert (
        "createdAt: item['created_at'] == null ? item['created_at'] : new Date(item['created_at'] * 1000),"
        in models
    )
    assert (
        "item?.['type'] === 'tool_calls' ? deserializeRunStepToolCallDetails(item)"
        in models
    )
    assert "Core.mapValues(v0, (v1: any) => new Date(v1 * 1000))" in models
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
        replace(m, description="Changed.") if m.name == "FunctionDefinition" else m
        for m in api.models
    )
    c = {
        f.path: f.key
        for f in plan(
            replace(api, models=changed_models), OPENAI, options(OPENAI)
        ).files
    }
    differing = {p for p in a if a[p] != c[p]}
    assert differing and all(p.startswith("src/models/") for p in differing)
    assert len(differing) < len(a)


def test_rendering_is_deterministic() -> None:
    one = rendered(plan(runs_api(azure=True), AZURE, options(AZURE)))
    two = rendered(plan(runs_api(azure=True), AZURE, options(AZURE)))
    assert one == two


def test_output_is_identical_across_hash_seeds() -> None:
    import os
    import subprocess
    import sys

    script = (
        "import hashlib, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "import test_typescript_target as t\n"
        "from generator.flavors.flavor import AZURE, OPENAI\n"
        "h = hashlib.sha256()\n"
        "for flavor, azure in ((OPENAI, False), (AZURE, True)):\n"
        "    for f in t.plan(t.runs_api(azure), flavor, t.options(flavor)).files:\n"
        "        h.update(f.path.encode() + f.key.encode() + f.render().encode())\n"
        "print(h.hexdigest())\n"
    )
    digests = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", script, str(Path(__file__).parent)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_call_table_names_how_each_operation_is_called() -> None:
    from generator.targets.typescript.calls import call_table

    calls = {c.operation_id: c for c in call_table(runs_api(azure=True), AZURE)}
    create = calls["createRun"]
    assert create.accessor == ("threads", "runs")
    # Azure's call convention: no `createStream` twin, `{ stream: true }` in the options.
    assert (create.method, create.stream_method) == ("create", None)
    assert create.path_params == ("thread_id",) and not create.body
    assert create.fields[0] == ("assistant_id", "")  # required: positional
    assert ("stream", "stream") in create.fields
    listing = calls["listRuns"]
    assert (listing.kind, listing.query, listing.body) == ("page", True, False)
    openai = {c.operation_id: c for c in call_table(runs_api(), OPENAI)}["createRun"]
    assert (openai.stream_method, openai.body_required) == ("createStream", True)
    assert calls["getRun"].method == "get"
    assert calls["deleteFile"].method == "delete"


def test_regeneration_keeps_the_hand_written_lib(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import cli

    spec = Path(__file__).resolve().parents[2] / "specs" / "openai" / "runs.yaml"
    out = tmp_path / "sdk"
    args = ["generate", str(spec), "--target", "typescript", "-o", str(out)]
    args += ["--package-name", "openai-runs", "--no-cache", "-q"]
    runner = CliRunner()
    assert runner.invoke(cli, args).exit_code == 0
    lib = out / "src" / "lib" / "index.ts"
    assert lib.read_text(encoding="utf-8").endswith("export {};\n")
    lib.write_text("export const answer = 42;\n", encoding="utf-8")
    (out / "src" / "lib" / "helpers.ts").write_text("export {};\n", encoding="utf-8")
    client = out / "src" / "client.ts"
    client.write_text("// edited by hand\n", encoding="utf-8")
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert lib.read_text(encoding="utf-8") == "export const answer = 42;\n"
    assert (out / "src" / "lib" / "helpers.ts").exists()
    assert client.read_text(encoding="utf-8").startswith(
        "// Generated by sdkforge from "
    )

"""A flavor is data: the conventions of one SDK family, answered per question.

Targets read these fields; nothing downstream asks "is this Azure?".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MemberCase = Literal["wire", "camel", "snake"]
GroupBy = Literal["auto", "path", "tags", "operation-id"]
GROUP_BY: tuple[GroupBy, ...] = ("auto", "path", "tags", "operation-id")
OperationGrouping = Literal["path", "operation_id"]
TsCallConvention = Literal["body", "fields"]


@dataclass(frozen=True)
class MethodPlacement:
    """Where an official SDK puts one operation, where it departs from the flavor's rule."""

    operation_id: str
    group: str | None
    """Operation group in snake_case (`runs`); None → a method of the client itself."""
    name: str
    """Method name in snake_case (`create_thread_and_run`)."""
    targets: tuple[str, ...]
    """The targets whose official SDK does this (`typescript`)."""
    why: str


@dataclass(frozen=True)
class ClientName:
    """A target's own name for a wire name, as `x-ms-client-name` would give it."""

    wire: str
    name: str
    """camelCase, like `x-ms-client-name` (`agentId`); each target cases it."""
    targets: tuple[str, ...]
    why: str
    operation_id: str | None = None
    """Only in this operation's parameters and body fields; None → everywhere."""


@dataclass(frozen=True)
class AuthStyle:
    """How the client authenticates.

    `bearer_env`: the environment variable a bearer key is read from when none is given.
    `api_key_header`: header for a plain key (`api-key`); None → key goes as `Authorization: Bearer`.
    `token_provider`: the client also accepts a callable returning a bearer token for
    the spec's OAuth2 scopes (Entra ID), fetched again before it expires.
    """

    bearer_env: str | None
    api_key_header: str | None
    token_provider: bool
    from_spec: bool = False
    """Credentials follow the spec's `securitySchemes` and per-operation `security`
    (see `generator.flavors.security`); the three fields above are then unused."""


@dataclass(frozen=True)
class Flavor:
    name: str
    client_name: str
    """Default client class name (`OpenAI`, `AgentsClient`); config may override."""
    unixtime_as_datetime: bool
    """`format: unixtime` becomes `datetime`/`Date` (Azure) or stays a number (OpenAI)."""
    ts_member_case: MemberCase
    """TypeScript member names: keep wire names (OpenAI) or camelCase with conversion (Azure)."""
    use_client_names: bool
    """Honour `x-ms-client-name`."""
    auth: AuthStyle
    base_url_from: Literal["servers", "host_template"]
    """`servers[0].url`, or a host template whose `{endpoint}` the user fills."""
    api_version_param: str | None
    """Query parameter put on every request, its default from the spec (`api-version`)."""
    operation_renames: tuple[tuple[str, str], ...]
    """Neutral operation name → flavor's name (`get` → `retrieve`)."""
    beta_group_extension: str | None
    """Operations whose `x-oaiMeta.beta` is true live under a `beta` resource."""
    error_envelope_field: str
    """The error body's field holding `{code, message, param, type}`."""
    env_base_url: str | None = None
    """Environment variable that overrides the base URL (`OPENAI_BASE_URL`)."""
    object_suffix: str | None = None
    """Suffix dropped from the name of the model a resource's operations return
    (`RunObject` → `Run`), when the shorter name is free."""
    model_renames: tuple[tuple[str, str], ...] = ()
    """Schema name → SDK model name, for names the spec carries no signal for."""
    ts_free_form_object: str = "Record<string, unknown>"
    """TypeScript type of an object schema with no declared properties (OpenAI: `unknown`)."""
    doc_link_base: str | None = None
    """Site that root-relative links in descriptions (`[thread](/docs/...)`) point into."""
    discriminated_union_suffix: str = ""
    """Suffix of a union model the spec declares with a discriminator (Azure's polymorphic
    bases: `RunStepDetails` → `RunStepDetailsUnion`)."""

    group_by: GroupBy | None = None
    """How operations are placed into resources and named: None keeps the builder's
    placement; otherwise the rules of `generator.flavors.grouping` (the URL tree with
    REST method names, the first tag, or the operationId's own `group/name`).
    Configuration may set it per SDK (`group-by`)."""
    client_name_from_title: bool = False
    """No fixed client class: the spec's title as an identifier, else the package name."""
    env_prefix: str | None = None
    """Prefix of the environment variables (`<PREFIX>_BASE_URL`, one per credential).
    Set per SDK from the package name when `env_prefix_from_package` is true."""
    env_prefix_from_package: bool = False
    server_variable_arguments: bool = False
    """Each server variable is a client argument with its default (and enum)."""
    operation_grouping: OperationGrouping = "path"
    """Resources follow the path (`threads.runs`), or the operationId's group prefix
    (`Runs_CreateRun` → `runs.create`, an operationId without one → on the client)."""
    method_placements: tuple[MethodPlacement, ...] = ()
    """Official SDKs' departures from the grouping rule, per target."""
    client_names: tuple[ClientName, ...] = ()
    """Names of parameters and fields that an official SDK spells its own way, per target."""
    ts_call_convention: TsCallConvention = "body"
    """TypeScript arguments: path parameters, then one `body` params object (`body`); or
    path parameters, the required body fields in spec order, then one optional `options`
    object with the optional fields, the query and header parameters and the request
    options (`fields`)."""
    stream_event_payloads: str | None = None
    """A pattern whose one group names an event's data model in the description of an
    event-name enum value (Azure: "The data of this event is of type ThreadRun"); with it,
    streaming operations yield a union of typed events."""
    stream_done_enum: str | None = None
    """The enum of events that end a stream with `data: [DONE]` (Azure: `DoneEvent`); they
    join the union, so a stream cut before one is known to be cut."""

    def operation_name(self, neutral: str) -> str:
        return dict(self.operation_renames).get(neutral, neutral)


OPENAI = Flavor(
    name="openai",
    client_name="OpenAI",
    unixtime_as_datetime=False,
    ts_member_case="wire",
    use_client_names=False,
    auth=AuthStyle(
        bearer_env="OPENAI_API_KEY", api_key_header=None, token_provider=False
    ),
    base_url_from="servers",
    api_version_param=None,
    operation_renames=(("get", "retrieve"), ("modify", "update")),
    beta_group_extension="x-oaiMeta",
    error_envelope_field="error",
    env_base_url="OPENAI_BASE_URL",
    object_suffix="Object",
    model_renames=(
        ("RunToolCallObject", "RequiredActionFunctionToolCall"),
        ("FunctionObject", "FunctionDefinition"),
    ),
    ts_free_form_object="unknown",
    doc_link_base="https://platform.openai.com",
)

AZURE = Flavor(
    name="azure",
    client_name="AgentsClient",
    unixtime_as_datetime=True,
    ts_member_case="camel",
    use_client_names=True,
    auth=AuthStyle(bearer_env=None, api_key_header="api-key", token_provider=True),
    base_url_from="host_template",
    api_version_param="api-version",
    operation_renames=(),
    beta_group_extension=None,
    error_envelope_field="error",
    discriminated_union_suffix="Union",
    operation_grouping="operation_id",
    method_placements=(
        MethodPlacement(
            "VectorStores_ModifyVectorStore",
            "vector_stores",
            "update",
            ("typescript",),
            "@azure/ai-agents calls it `update`, as its other resources do; Python keeps `modify`.",
        ),
        MethodPlacement(
            "VectorStoreFileBatches_ListVectorStoreFileBatchFiles",
            "vector_store_file_batches",
            "list",
            ("typescript",),
            "@azure/ai-agents lists a batch's files with `list`, the group's only list.",
        ),
        MethodPlacement(
            "CreateThreadAndRun",
            "runs",
            "create_thread_and_run",
            ("typescript",),
            "@azure/ai-agents keeps every run-creating call on `runs`; Python has it on the client.",
        ),
    ),
    client_names=(
        ClientName(
            "assistant_id",
            "agentId",
            ("python",),
            "azure-ai-agents says agent where the wire still says assistant.",
        ),
        ClientName(
            "assistantId",
            "agentId",
            ("python",),
            "azure-ai-agents says agent where the wire still says assistant.",
        ),
        ClientName(
            "filename",
            "fileName",
            ("typescript",),
            "@azure/ai-agents spells the upload's file name option `fileName`.",
            operation_id="Files_UploadFile",
        ),
    ),
    ts_call_convention="fields",
    stream_event_payloads=r"The data of this event is of type (\w+)",
    stream_done_enum="DoneEvent",
)

GENERIC = Flavor(
    name="generic",
    client_name="Client",
    unixtime_as_datetime=False,
    ts_member_case="wire",
    use_client_names=False,
    auth=AuthStyle(
        bearer_env=None, api_key_header=None, token_provider=False, from_spec=True
    ),
    base_url_from="servers",
    api_version_param=None,
    operation_renames=(),
    beta_group_extension=None,
    error_envelope_field="error",
    group_by="auto",
    client_name_from_title=True,
    env_prefix_from_package=True,
    server_variable_arguments=True,
)
"""Any API that is neither OpenAI's nor Azure's: names from the URL tree and the HTTP
method, credentials as the spec's `securitySchemes` declare them."""

FLAVORS: dict[str, Flavor] = {f.name: f for f in (OPENAI, AZURE, GENERIC)}

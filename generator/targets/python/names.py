"""Python identifiers: what each scope of a generated package reserves, and what each
thing of the spec wants to be called there.

Every identifier is claimed in one `Scope` (generator/naming/allocator.py), which
renames on a collision and says so. The scopes of a package:

- classes: package-wide, every model class, the client's classes and the names any
  module imports beside them; resource classes are claimed in a fork of it per
  module that defines or imports them (a parent resource's module, the client's);
- modules: the files under `resources/` and under `types/` (case folded);
- fields: one per model, reserving keywords, pydantic's BaseModel attributes and
  the names that model's own annotations use;
- members: one per resource class (its methods and sub-resources);
- signature: one per method, reserving the per-call options and what its body uses;
- client: the client's attributes (top-level resources beside its own options).

Wire names never change: they stay in aliases and request specs.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.ir.model import Source
from generator.naming.allocator import Owner, RenameLog, Scope
from generator.naming.casing import pascal, snake

KEYWORDS = frozenset(
    (
        "False None True and as assert async await break class continue def del elif "
        "else except finally for from global if import in is lambda nonlocal not or "
        "pass raise return try while with yield"
    ).split()
)
"""Hard keywords of every Python the SDK supports (3.9+). Soft keywords (`match`,
`case`, `type`, `_`) are valid names and stay as they are."""

MODEL_ATTRIBUTES = frozenset(
    {
        "construct",
        "construct_from",
        "copy",
        "dict",
        "from_orm",
        "json",
        "model_computed_fields",
        "model_config",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_extra",
        "model_fields",
        "model_fields_set",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "to_dict",
        "to_json",
        "update_forward_refs",
        "validate",
    }
)
"""Attributes of pydantic's BaseModel and of the runtime's: a field must not shadow them."""

PACKAGE_NAMES = frozenset(
    {
        # typing, typing_extensions, pydantic, datetime, httpx
        "Annotated",
        "Any",
        "Dict",
        "Field",
        "Iterable",
        "List",
        "Literal",
        "Mapping",
        "Optional",
        "TYPE_CHECKING",
        "TypeAlias",
        "TypeAliasType",
        "Union",
        "datetime",
        "httpx",
        "os",
        "overload",
        # the runtime
        "AsyncAPIClient",
        "AsyncAPIResource",
        "AsyncPaginator",
        "AsyncStream",
        "BaseModel",
        "Body",
        "DEFAULT_MAX_RETRIES",
        "FileTypes",
        "Headers",
        "NOT_GIVEN",
        "NotGiven",
        "PageInfo",
        "PropertyInfo",
        "Query",
        "RequestSpec",
        "SCOPES",
        "Stream",
        "SyncAPIClient",
        "SyncAPIResource",
        "SyncCursorPage",
        "Timeout",
        "TokenCache",
        "TokenCredentialLike",
        "TokenProvider",
        "UnixDatetime",
        "UnknownVariant",
        "async_to_raw_response_wrapper",
        "to_raw_response_wrapper",
    }
)
"""Every name a generated module imports or defines beside the models and resources."""

CALL_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")
METHOD_LOCALS = frozenset({"self", "_spec", "_result", "_events", "_page", "_info"})

RESOURCE_MEMBERS = frozenset({"with_raw_response"})
"""Attributes every resource class has besides its methods and sub-resources."""

CLIENT_BASE_OPTIONS = frozenset(
    {
        "base_url",
        "timeout",
        "max_retries",
        "default_headers",
        "default_query",
        "http_client",
    }
)
"""The options every client takes; a client whose credentials follow the spec's
securitySchemes takes its credentials beside them."""
CLIENT_OPTIONS = CLIENT_BASE_OPTIONS | {
    "endpoint",
    "credential",
    "api_key",
    "api_version",
}
"""The client's constructor options: fixed by the target, never named by the spec."""

CLIENT_ATTRIBUTES = CLIENT_OPTIONS | {
    "close",
    "request",
    "request_page",
    "send",
    "with_raw_response",
}
"""Public attributes of the client classes a top-level resource must not take."""


def client_classes(client: str) -> tuple[str, ...]:
    return (
        client,
        f"Async{client}",
        f"{client}WithRawResponse",
        f"Async{client}WithRawResponse",
    )


def resource_classes(name: str) -> tuple[str, ...]:
    """What a resource class brings along (its async and raw-response twins)."""
    return client_classes(name)[1:]


def base_error(client: str) -> str:
    return f"{client}Error"


ERROR_CLASSES = frozenset(
    {
        "APIError",
        "APIConnectionError",
        "APITimeoutError",
        "APIStatusError",
        "APIResponseValidationError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
        "ErrorDetail",
    }
)
"""The runtime's error classes, which the package exports beside the client's own."""


def _client_family(client: str) -> tuple[str, ...]:
    return (*client_classes(client)[1:], base_error(client))


def client_class(option: str, log: RenameLog) -> str:
    """The client class for the `--client-name` option (or its default, the spec's
    title in some flavors): it and its family (`AsyncX`, `XError`) must not be a name
    the runtime defines (a title `API` would make `APIError`)."""
    scope = Scope(
        "the package's exports", log, KEYWORDS | PACKAGE_NAMES | ERROR_CLASSES
    )
    return scope.claim(pascal(option) or "Client", "the client class", _client_family)


def class_scope(log: RenameLog, client: str) -> Scope:
    """The package-wide class scope, with the client's own classes in it first."""
    scope = Scope(
        "the package's classes", log, KEYWORDS | PACKAGE_NAMES, fallback="Model"
    )
    for name in (*client_classes(client), base_error(client)):
        scope.take(name, f"the client class `{client}`")
    return scope


def model_class_name(ir_name: str) -> str:
    """The class a model wants (`Run.LastError` → `RunLastError`), before collisions."""
    return Scope("", RenameLog(), KEYWORDS | PACKAGE_NAMES, fallback="Model").claim(
        pascal(ir_name), ""
    )


def field_scope(log: RenameLog, model: str, used: Iterable[str]) -> Scope:
    """A model's fields; `used`: every name the model's annotations refer to."""
    return Scope(
        f"schema `{model}`",
        log,
        KEYWORDS | MODEL_ATTRIBUTES | set(used),
        fallback="field",
    )


def signature_scope(log: RenameLog, method: str, used: Iterable[str]) -> Scope:
    """A method's parameters; `used`: every name its body refers to."""
    return Scope(
        f"the parameters of `{method}`",
        log,
        KEYWORDS | METHOD_LOCALS | set(CALL_OPTIONS) | set(used),
        fallback="param",
    )


def member_scope(log: RenameLog, resource: str) -> Scope:
    return Scope(
        f"resource `{resource}`", log, KEYWORDS | RESOURCE_MEMBERS, fallback="call"
    )


def client_scope(log: RenameLog) -> Scope:
    return Scope("the client", log, KEYWORDS | CLIENT_ATTRIBUTES, fallback="resource")


def module_scope(log: RenameLog, folder: str) -> Scope:
    return Scope(
        f"the `{folder}` folder",
        log,
        KEYWORDS | {"__init__"},
        fallback="module",
        fold=str.casefold,
    )


def attribute(spelled: str) -> str:
    """A field, parameter or attribute: snake_case of the spec's name for it (its
    `x-ms-client-name` where the flavor honours it, else its wire name)."""
    return snake(spelled)


def owner(what: str, source: Source | None, below: str = "") -> Owner:
    """What wants a name, located where the spec defines it (`below`: a pointer suffix)."""
    if source is None:
        return Owner(what)
    return Owner(what, source.file, source.pointer + below)

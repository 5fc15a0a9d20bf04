"""The intermediate representation: language-neutral, flavor-neutral, frozen.

The IR keeps wire names (`assistant_id`, `thread.run`); identifiers for a target
language are made later, by the flavor and the target. Every model is named and
lives in `Api.models`; a `Ref` points at one by `name`. Inline schemas that need
a name (objects, enums, discriminated unions) are hoisted into `Api.models` with
a name made from where they sit, and `Model.parent`/`Model.member` keep that place
so a target can nest them (TypeScript namespaces such as `Run.LastError`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal, Union

from generator.diagnostics import Diagnostic

JsonValue = Union[
    None, bool, int, float, str, list["JsonValue"], dict[str, "JsonValue"]
]

PrimitiveKind = Literal["string", "integer", "number", "boolean", "any"]
ParamLocation = Literal["path", "query", "header", "cookie"]
HttpMethod = Literal[
    "get", "put", "post", "delete", "options", "head", "patch", "trace"
]


@dataclass(frozen=True)
class Source:
    """Where a node came from: file path and JSON pointer (line when known)."""

    file: str
    pointer: str
    line: int | None = None


# --------------------------------------------------------------------------- types


@dataclass(frozen=True)
class Primitive:
    """A scalar. `format` is kept as written (`date-time`, `unixtime`, `binary`, `int64`)."""

    kind: PrimitiveKind
    format: str | None = None


@dataclass(frozen=True)
class ArrayOf:
    items: TypeRef


@dataclass(frozen=True)
class MapOf:
    """An object used as a dictionary (`additionalProperties` with no properties)."""

    values: TypeRef


@dataclass(frozen=True)
class LiteralOf:
    """A single allowed value: `const`, or an `enum` with exactly one member."""

    value: str | int | float | bool


@dataclass(frozen=True)
class Ref:
    """A named model in `Api.models`."""

    name: str


@dataclass(frozen=True)
class UnionOf:
    """An anonymous union (`oneOf`/`anyOf` that sits inline and is not hoisted)."""

    variants: tuple[TypeRef, ...]
    discriminator: Discriminator | None = None


@dataclass(frozen=True)
class Nullable:
    """`T | null`. Distinct from optional, which is `Field.required == False`."""

    inner: TypeRef


TypeRef = Union[Primitive, ArrayOf, MapOf, LiteralOf, Ref, UnionOf, Nullable]


@dataclass(frozen=True)
class Discriminator:
    """The property that tells union variants apart and its value → model name map.

    `mapping` is complete after build: values come from `discriminator.mapping`,
    from each variant's single-value `enum`/`const` on the property, or from
    `x-ms-discriminator-value`. `implicit` is True when the spec declared no
    discriminator and the builder recognised one.
    """

    property: str
    mapping: tuple[tuple[str, str], ...]
    implicit: bool = False
    default: str | None = None
    """The value a payload without the property stands for (the spec's default for it,
    when that names a variant): a request may leave the property out."""


# --------------------------------------------------------------------------- models


@dataclass(frozen=True)
class Field:
    name: str
    type: TypeRef
    required: bool
    description: str | None = None
    default: JsonValue = None
    has_default: bool = False
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    client_name: str | None = None
    """`x-ms-client-name`, when the spec gives one."""
    format_hint: str | None = None
    extensions: tuple[tuple[str, JsonValue], ...] = ()


@dataclass(frozen=True)
class ObjectModel:
    name: str
    fields: tuple[Field, ...]
    description: str | None = None
    title: str | None = None
    additional_properties: TypeRef | None = None
    """Type of extra keys when the schema allows them with a schema; None otherwise."""
    bases: tuple[str, ...] = ()
    """Models this one extends by `allOf`; their fields are already in `fields`."""
    discriminator_value: str | None = None
    """`x-ms-discriminator-value` (or the mapping key pointing here)."""
    deprecated: bool = False
    parent: str | None = None
    member: str | None = None
    source: Source | None = None
    kind: Literal["object"] = "object"


@dataclass(frozen=True)
class EnumValue:
    value: str | int | float | bool
    name: str | None = None
    """`x-ms-enum` value name, when given."""
    description: str | None = None


@dataclass(frozen=True)
class EnumModel:
    name: str
    values: tuple[EnumValue, ...]
    base: Literal["string", "integer", "number"] = "string"
    open: bool = False
    """True when the spec says unknown values are expected (`x-ms-enum.modelAsString`)."""
    description: str | None = None
    title: str | None = None
    deprecated: bool = False
    parent: str | None = None
    member: str | None = None
    source: Source | None = None
    kind: Literal["enum"] = "enum"


@dataclass(frozen=True)
class UnionModel:
    name: str
    variants: tuple[TypeRef, ...]
    discriminator: Discriminator | None = None
    description: str | None = None
    title: str | None = None
    deprecated: bool = False
    parent: str | None = None
    member: str | None = None
    source: Source | None = None
    kind: Literal["union"] = "union"


@dataclass(frozen=True)
class AliasModel:
    name: str
    target: TypeRef
    description: str | None = None
    title: str | None = None
    deprecated: bool = False
    parent: str | None = None
    member: str | None = None
    source: Source | None = None
    kind: Literal["alias"] = "alias"


Model = Union[ObjectModel, EnumModel, UnionModel, AliasModel]


# --------------------------------------------------------------------------- operations


@dataclass(frozen=True)
class Parameter:
    name: str
    location: ParamLocation
    type: TypeRef
    required: bool
    description: str | None = None
    deprecated: bool = False
    default: JsonValue = None
    has_default: bool = False
    client_name: str | None = None
    skip_url_encoding: bool = False
    explode: bool | None = None
    style: str | None = None
    method_level: bool = True
    """False for `x-ms-parameter-location: client` (set once on the client, e.g. api-version)."""


@dataclass(frozen=True)
class Body:
    content_type: str
    type: TypeRef
    required: bool
    description: str | None = None

    @property
    def is_multipart(self) -> bool:
        return self.content_type.startswith("multipart/")


@dataclass(frozen=True)
class Response:
    status: str
    """`200`, `4XX`, `default`."""
    description: str | None = None
    content_type: str | None = None
    type: TypeRef | None = None
    headers: tuple[tuple[str, TypeRef], ...] = ()


@dataclass(frozen=True)
class Pagination:
    """Cursor pagination: `after`/`before`/`limit` in, `data`/`has_more`/`last_id` out."""

    items_field: str
    item_type: TypeRef
    cursor_param: str
    """Query parameter that takes the cursor (`after`)."""
    cursor_field: str | None
    """Response field holding the next cursor (`last_id`); None → id of the last item."""
    has_more_field: str | None
    limit_param: str | None = None
    before_param: str | None = None


@dataclass(frozen=True)
class Streaming:
    """The operation answers `text/event-stream` (always, or when `flag` is true)."""

    content_type: str
    event_type: TypeRef | None
    flag: str | None = None
    """Body field that turns streaming on (`stream`), or None when it always streams."""


@dataclass(frozen=True)
class Example:
    """An example embedded in the spec (`x-oaiMeta.examples`, `x-ms-examples`)."""

    title: str | None
    request: tuple[tuple[str, str], ...] = ()
    """Language → code (`python`, `curl`, `node.js`)."""
    response: str | None = None
    """The documented response body, as text."""


@dataclass(frozen=True)
class Operation:
    operation_id: str
    name: str
    """Method name inside its resource, neutral and in snake_case (`create`, `get`, `list`,
    `submit_tool_outputs`); flavors may rename (`get` → `retrieve`)."""
    method: HttpMethod
    path: str
    parameters: tuple[Parameter, ...]
    bodies: tuple[Body, ...] = ()
    """One per request content type, in spec order."""
    success: Response | None = None
    responses: tuple[Response, ...] = ()
    """Every documented success response (2XX)."""
    errors: tuple[Response, ...] = ()
    pagination: Pagination | None = None
    streaming: Streaming | None = None
    summary: str | None = None
    description: str | None = None
    deprecated: bool = False
    tags: tuple[str, ...] = ()
    security: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...] | None = None
    """Alternatives of (scheme name, scopes) requirements; None → the API's default."""
    examples: tuple[Example, ...] = ()
    extensions: tuple[tuple[str, JsonValue], ...] = ()
    source: Source | None = None

    def params_in(self, location: ParamLocation) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)


@dataclass(frozen=True)
class Resource:
    """A path group: `threads` → `runs` → `steps`."""

    name: str
    """Wire-ish segment name in snake_case (`threads`, `runs`, `steps`)."""
    operations: tuple[Operation, ...]
    children: tuple[Resource, ...] = ()
    description: str | None = None


# --------------------------------------------------------------------------- api


@dataclass(frozen=True)
class ServerVariable:
    name: str
    default: str | None
    description: str | None = None
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Server:
    url: str
    """May hold `{variables}`; Swagger 2's `x-ms-parameterized-host` gives `{endpoint}`."""
    description: str | None = None
    variables: tuple[ServerVariable, ...] = ()


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    type: Literal["http", "apiKey", "oauth2", "openIdConnect", "mutualTLS"]
    scheme: str | None = None
    """For `http`: `bearer`, `basic`."""
    location: Literal["header", "query", "cookie"] | None = None
    """For `apiKey`."""
    parameter_name: str | None = None
    """For `apiKey`: the header or query name (`api-key`)."""
    scopes: tuple[str, ...] = ()
    """For `oauth2`: every scope any flow declares."""
    token_url: str | None = None
    authorization_url: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    spec_format: str
    """`openapi-3.0.3`, `openapi-3.1.0`, `swagger-2.0`."""
    models: tuple[Model, ...]
    """Every named model, sorted by name."""
    resources: tuple[Resource, ...]
    description: str | None = None
    servers: tuple[Server, ...] = ()
    security_schemes: tuple[SecurityScheme, ...] = ()
    security: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...] = ()
    """Default alternatives of (scheme name, scopes)."""
    client_parameters: tuple[Parameter, ...] = ()
    """Parameters set once on the client (`api-version`, `x-ms-parameter-location: client`)."""
    extensions: tuple[tuple[str, JsonValue], ...] = ()
    """Top-level `x-*` of the document (used by flavor detection: `x-ms-*`)."""
    warnings: tuple[Diagnostic, ...] = ()
    source_file: str | None = None
    operations: tuple[Operation, ...] = ()
    """Operations called on the client itself (`client.create_agent`); a flavor puts
    them there, the builder files every operation under a resource."""

    def model(self, name: str) -> Model:
        for m in self.models:
            if m.name == name:
                return m
        raise KeyError(name)

    def all_operations(self) -> tuple[Operation, ...]:
        out: list[Operation] = list(self.operations)

        def walk(res: Resource) -> None:
            out.extend(res.operations)
            for child in res.children:
                walk(child)

        for r in self.resources:
            walk(r)
        return tuple(out)

    def map_operations(self, change: Callable[[Operation], Operation]) -> Api:
        """The same API with every operation, on the client or in a resource, changed."""

        def walk(res: Resource) -> Resource:
            return replace(
                res,
                operations=tuple(change(op) for op in res.operations),
                children=tuple(walk(c) for c in res.children),
            )

        return replace(
            self,
            resources=tuple(walk(r) for r in self.resources),
            operations=tuple(change(op) for op in self.operations),
        )


__all__ = [
    "AliasModel",
    "Api",
    "ArrayOf",
    "Body",
    "Diagnostic",
    "Discriminator",
    "EnumModel",
    "EnumValue",
    "Example",
    "Field",
    "JsonValue",
    "LiteralOf",
    "MapOf",
    "Model",
    "Nullable",
    "ObjectModel",
    "Operation",
    "Pagination",
    "Parameter",
    "Primitive",
    "Ref",
    "Resource",
    "Response",
    "SecurityScheme",
    "Server",
    "ServerVariable",
    "Source",
    "Streaming",
    "TypeRef",
    "UnionModel",
    "UnionOf",
]

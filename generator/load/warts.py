"""Sloppy-but-common shapes published specs have, read the way their authors meant.

Each rule looks at one mapping of a spec file (the scan calls them while it walks)
and answers with notes `(code, pointer relative to the mapping, message)`; the ones
that rewrite do so in place, so every later stage sees a plain OpenAPI shape:

- a keyword whose value is null (`required: null`, `type: null`, `paths: null`,
  `info: null`) is dropped; an unquoted null in a list of types is the type "null";
  a null schema among named schemas (`properties`, `components/schemas`) is read as
  any value, any other null named entry is dropped;
- `required` entries that are not strings are dropped; `required: true` on a
  property schema (Swagger 1.2's way) lists the property in its object's `required`;
- `items` given as a list (the tuple form of older JSON Schema) becomes an array of
  any of the listed schemas;
- a parameter without a `name` is noted (the builder skips it);
- boolean schemas (`true`/`false`) are noted with where they stand; whether that is
  worth a warning depends on the document's version (see `boolean_warning`).

Every code here (and the warts the loader reports elsewhere: the version, a ref for
`properties`, YAML 1.1, OpenAPI 3.2's `in: querystring`) is one `--strict` turns into
an error: `WART_CODES`, `refuse_warts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic, SpecError
from generator.load.locate import join_pointer

Note = tuple[str, str, str]
"""(code, pointer relative to the mapping examined, message)."""

BooleanSchema = tuple[str, bool, str]
"""(pointer, the boolean, what it stands for: `property NAME`, `oneOf`, `items`, ...)."""

WART_CODES = frozenset(
    {
        "null-value",
        "required-not-string",
        "required-boolean",
        "tuple-items",
        "boolean-schema",
        "nameless-parameter",
        "properties-ref",
        "no-version",
        "openapi-3.2",
        "yaml-1.1",
        "querystring-parameter",
    }
)

NULL_DROPPED = frozenset(
    {
        "openapi",
        "info",
        "paths",
        "components",
        "servers",
        "tags",
        "parameters",
        "requestBody",
        "responses",
        "content",
        "schema",
        "schemas",
        "headers",
        "properties",
        "additionalProperties",
        "items",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "type",
        "format",
        "required",
        "enum",
        "nullable",
        "discriminator",
        "title",
        "description",
        "summary",
        "operationId",
    }
)
"""Keywords for which null means nothing but "not given" (`default`, `example` and
`const` are data: null is a value there)."""

SCHEMA_VALUED = ("items", "schema")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
SCHEMA_MAPS = ("properties", "patternProperties")
NAMED_SCHEMAS = frozenset({"schemas", "definitions", "$defs", "dependentSchemas"})
UNTOUCHED_MAPS = frozenset({"mapping", "scopes", "examples"})
"""Maps whose null values are data or descriptions, not a missing object."""
SCHEMA_POSITIONS = frozenset({"schema", "items", "additionalProperties", "not"})
"""Keys whose value is a schema."""
SCHEMA_MEMBERS = frozenset({*SCHEMA_MAPS, *SCHEMA_LISTS, *NAMED_SCHEMAS, "prefixItems"})
"""Maps and lists whose members are schemas."""


def normalise(node: dict[str, Any]) -> list[Note]:
    """Rewrite the warts of one mapping in place and say what was read how."""
    notes: list[Note] = []
    for key in [k for k, v in node.items() if v is None and k in NULL_DROPPED]:
        del node[key]
        notes.append(
            ("null-value", "/" + key, f"`{key}` is null; read as if it were absent")
        )
    for key in SCHEMA_MAPS:
        members = node.get(key)
        if type(members) is dict and None in members.values():
            notes.extend(
                (code, join_pointer((key,)) + where, message)
                for code, where, message in null_entries(members, key)
            )
    kinds = node.get("type")
    if type(kinds) is list and None in kinds:
        node["type"] = ["null" if kind is None else kind for kind in kinds]
        notes.append(
            (
                "null-value",
                "/type",
                '`type` lists an unquoted null; read as the type "null"',
            )
        )
    required = node.get("required")
    if type(required) is list and any(type(name) is not str for name in required):
        dropped = ", ".join(_show(name) for name in required if type(name) is not str)
        node["required"] = [name for name in required if type(name) is str]
        notes.append(
            (
                "required-not-string",
                "/required",
                f"`required` lists {dropped}, which "
                + (
                    "are not property names"
                    if "," in dropped
                    else "is not a property name"
                )
                + "; ignored",
            )
        )
    items = node.get("items")
    if type(items) is list:
        node["items"] = (
            items[0] if len(items) == 1 else {"anyOf": items} if items else {}
        )
        notes.append(
            (
                "tuple-items",
                "/items",
                (
                    f"`items` is a list of {len(items)} schema{'s' if len(items) != 1 else ''}"
                    " (the tuple form); read as an array whose items are any of them"
                ),
            )
        )
    return notes


def null_entries(members: dict[str, Any], key: str) -> list[Note]:
    """Null entries of a map of names: a schema reads as any value, anything else is dropped."""
    schemas = key in NAMED_SCHEMAS or key in SCHEMA_MAPS
    notes: list[Note] = []
    for name in [n for n, v in members.items() if v is None]:
        if schemas:
            members[name] = {}
        else:
            del members[name]
        notes.append(
            (
                "null-value",
                join_pointer((str(name),)),
                f"`{name}` is null; "
                + ("read as any value" if schemas else "left out"),
            )
        )
    return notes


def required_flag(schema: dict[str, Any], in_properties: bool) -> Note:
    """`required: true|false` on a schema (Swagger 1.2's way), dropped from it. Said
    only of a mapping known to be a schema: a parameter, header or request body has a
    boolean `required` of its own. The caller lists a property flagged `true` in its
    object's `required`."""
    flag = schema.pop("required")
    reading = (
        "the property is listed in its object's `required`"
        if flag and in_properties
        else "ignored"
    )
    return (
        "required-boolean",
        "/required",
        (
            f"`required: {_show(flag)}` on a schema is not OpenAPI (it takes a list"
            f" of property names); {reading}"
        ),
    )


def boolean_schemas(node: dict[str, Any]) -> list[BooleanSchema]:
    """Boolean schemas standing in one mapping, with what each stands for.

    `additionalProperties` is left out: `true`/`false` there is ordinary in every version.
    """
    found: list[BooleanSchema] = []
    for key in SCHEMA_VALUED:
        if type(node.get(key)) is bool:
            found.append(("/" + key, node[key], key))
    for key in SCHEMA_LISTS:
        parts = node.get(key)
        if type(parts) is list:
            found.extend(
                (f"/{key}/{i}", part, key)
                for i, part in enumerate(parts)
                if type(part) is bool
            )
    for key in SCHEMA_MAPS:
        members = node.get(key)
        if type(members) is dict:
            found.extend(
                (join_pointer((key, str(name))), value, f"property {name}")
                for name, value in members.items()
                if type(value) is bool
            )
    return found


def component_booleans(schemas: dict[str, Any]) -> list[BooleanSchema]:
    """Boolean schemas among named schemas (`components/schemas`, `definitions`)."""
    return [
        (join_pointer((str(name),)), value, f"schema {name}")
        for name, value in schemas.items()
        if type(value) is bool
    ]


def boolean_warning(value: bool, where: str, minor: str) -> str | None:
    """How a boolean schema is read, when that is worth saying; None when it is plain 3.1."""
    if where.startswith("property ") and value is False:
        name = where.removeprefix("property ")
        hint = (
            " (to forbid other properties, `additionalProperties: false` belongs"
            " beside `properties`, not inside it)"
            if name == "additionalProperties"
            else ""
        )
        return (
            f"the property `{name}` has the schema `false` (it may never be present);"
            f" left out{hint}"
        )
    if where in ("oneOf", "anyOf"):
        return f"a `{_show(value)}` schema among the `{where}` variants is left out"
    if where == "allOf" and value is False:
        return "a `false` schema in `allOf` (nothing can match) is left out"
    if value is False:
        return "the schema `false` (nothing is valid) is read as any value"
    if minor != "3.1":
        return "a boolean schema is OpenAPI 3.1 syntax; read as any value"
    return None


def nameless_parameters(params: Any) -> list[Note]:
    """Parameters (a list, or a map of shared ones) that have no `name` to send."""
    entries = (
        enumerate(params)
        if type(params) is list
        else params.items() if type(params) is dict else ()
    )
    return [
        (
            "nameless-parameter",
            join_pointer((str(key),)),
            "a parameter without a `name` cannot be sent; skipped",
        )
        for key, param in entries
        if type(param) is dict
        and "$ref" not in param
        and type(param.get("name")) is not str
        and param.get("in") not in ("body", "querystring")
    ]


def _show(value: Any) -> str:
    if value is None or type(value) is bool:
        return {None: "null", True: "true", False: "false"}[value]
    return repr(value)


def refuse_warts(warnings: Iterable[Diagnostic]) -> None:
    """`--strict`: the first wart (in file and line order) is an error, exit 2."""
    found = sorted(
        (w for w in warnings if w.code in WART_CODES),
        key=lambda w: (w.file or "", w.line or 0, w.pointer or ""),
    )
    if not found:
        return
    first = found[0]
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    raise SpecError(
        replace(
            first,
            severity="error",
            message=f"{first.message} [{first.code}, refused by --strict]{more}",
        )
    )

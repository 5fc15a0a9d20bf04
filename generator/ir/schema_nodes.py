"""Questions asked of raw schema nodes (dicts from the loader), before any IR is made."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

STRUCTURE_KEYS = frozenset(
    {
        "$ref",
        "type",
        "properties",
        "additionalProperties",
        "items",
        "enum",
        "const",
        "allOf",
        "oneOf",
        "anyOf",
        "discriminator",
        "format",
    }
)


def is_null_schema(node: Any) -> bool:
    if not isinstance(node, Mapping):
        return False
    if node.get("type") == "null":
        return True
    enum = node.get("enum")
    return isinstance(enum, list) and len(enum) > 0 and all(v is None for v in enum)


def is_nullable(node: Any) -> bool:
    """`nullable: true` (in any version), `x-nullable`, `type: [.., "null"]`, an enum holding
    null, or a oneOf/anyOf with a `{type: null}` variant."""
    if not isinstance(node, Mapping):
        return False
    if node.get("nullable") is True or node.get("x-nullable") is True:
        return True
    kind = node.get("type")
    if isinstance(kind, list) and "null" in kind:
        return True
    enum = node.get("enum")
    if isinstance(enum, list) and None in enum and not all(v is None for v in enum):
        return True
    for key in ("oneOf", "anyOf"):
        variants = node.get(key)
        if isinstance(variants, list) and any(is_null_schema(v) for v in variants):
            return True
    return False


def is_constraint_only(node: Any) -> bool:
    """A variant such as `{required: [a]}`: it narrows, it does not describe a type."""
    return isinstance(node, Mapping) and not any(k in node for k in STRUCTURE_KEYS)


def substantive(parts: Any) -> list[tuple[int, Any]]:
    """The entries of an allOf/oneOf/anyOf list that describe a type (index kept).

    Boolean schemas are not among them: `true` adds nothing to an `allOf`, `false`
    matches nothing; the loader reports them where that changes the reading.
    """
    if not isinstance(parts, list):
        return []
    return [
        (i, p)
        for i, p in enumerate(parts)
        if isinstance(p, Mapping)
        and not is_null_schema(p)
        and not is_constraint_only(p)
    ]


def union_key(node: Mapping[str, Any]) -> str | None:
    for key in ("oneOf", "anyOf"):
        if isinstance(node.get(key), list):
            return key
    return None


def non_null_enum(node: Mapping[str, Any]) -> list[Any] | None:
    enum = node.get("enum")
    if not isinstance(enum, list):
        return None
    return [v for v in enum if v is not None]


def discriminator_property(node: Any) -> str | None:
    """OpenAPI 3's `discriminator.propertyName`, or Swagger 2's bare string."""
    if not isinstance(node, Mapping):
        return None
    disc = node.get("discriminator")
    if isinstance(disc, str):
        return disc
    if isinstance(disc, Mapping) and isinstance(disc.get("propertyName"), str):
        return str(disc["propertyName"])
    return None


def discriminator_mapping(node: Mapping[str, Any]) -> Mapping[str, str]:
    disc = node.get("discriminator")
    if isinstance(disc, Mapping) and isinstance(disc.get("mapping"), Mapping):
        return {str(k): str(v) for k, v in disc["mapping"].items()}
    return {}


def escape_pointer(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def extensions(
    node: Mapping[str, Any], skip: frozenset[str] = frozenset()
) -> tuple[tuple[str, Any], ...]:
    return tuple(
        (k, v) for k, v in node.items() if k.startswith("x-") and k not in skip
    )


def components(root: Any) -> Mapping[str, Any]:
    """`components.schemas` of a file, or nothing."""
    if not isinstance(root, Mapping):
        return {}
    comps = root.get("components")
    if isinstance(comps, Mapping) and isinstance(comps.get("schemas"), Mapping):
        return comps["schemas"]  # type: ignore[no-any-return]
    return {}


def text(node: Mapping[str, Any], key: str) -> str | None:
    value = node.get(key)
    return value if isinstance(value, str) else None


def required_names(node: Mapping[str, Any]) -> list[str]:
    req = node.get("required")
    return [r for r in req if isinstance(r, str)] if isinstance(req, list) else []


def literal_ok(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def enum_is_open(node: Mapping[str, Any]) -> bool:
    """`x-ms-enum.modelAsString: true`: the server may send values the spec does not list."""
    ms_enum = node.get("x-ms-enum")
    return isinstance(ms_enum, Mapping) and ms_enum.get("modelAsString") is True


def enum_base(
    node: Mapping[str, Any], values: list[Any]
) -> Literal["string", "integer", "number"] | None:
    kind = node.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    if kind == "string" or kind == "integer" or kind == "number":
        return kind  # type: ignore[no-any-return]
    if kind is None and values:
        if all(isinstance(v, str) for v in values):
            return "string"
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return "integer"
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            return "number"
    return None

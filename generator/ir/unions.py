"""How union variants are told apart, read from the raw schemas before any IR is made.

A discriminator comes from, in order: `discriminator.mapping`; each variant's own
single-value `enum`/`const` on the property (what OpenAI's spec means — not the
schema name); `x-ms-discriminator-value`. With no declared discriminator, variants
that all pin a distinct `type` are discriminated too (`implicit`). Swagger 2
polymorphism (a base with `discriminator`, children extending it by `allOf`) is
found here as well.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.ir.schema_nodes import (
    components,
    discriminator_mapping,
    discriminator_property,
    escape_pointer,
    non_null_enum,
    substantive,
    text,
    union_key,
)
from generator.load.document import Document, Resolved
from generator.naming.casing import capitalized as pascal
from generator.naming.words import words

Resolve = Callable[[str, str], Resolved]
Location = tuple[str, str]
"""(file, JSON pointer) of a schema node."""

IMPLICIT_PROPERTY = "type"
_NAMING_PROPERTIES = ("type", "event", "object")
"""Properties whose distinct pinned values name inline variants (an SSE union's `event`)."""
_MAX_DEPTH = 8
_MAX_TITLE_WORDS = 4


@dataclass(frozen=True)
class Plan:
    """The discriminator property and the values each variant allows on it."""

    property: str
    values: tuple[tuple[str, ...], ...]
    implicit: bool

    def single(self) -> tuple[str | None, ...]:
        return tuple(v[0] if len(v) == 1 else None for v in self.values)


def plan(node: Mapping[str, Any], key: str, file: str, resolve: Resolve) -> Plan | None:
    declared = discriminator_property(node)
    parts = substantive(node[key])
    prop = declared or IMPLICIT_PROPERTY
    values = tuple(own_values(part, file, prop, resolve) for _, part in parts)
    if declared:
        return Plan(declared, values, False)
    singles = tuple(v[0] if len(v) == 1 else None for v in values)
    if _distinct(singles) and all(
        _is_objectish(part, file, resolve) for _, part in parts
    ):
        return Plan(prop, values, True)
    return None


def naming_values(
    parts: list[tuple[int, Any]], file: str, resolve: Resolve
) -> tuple[str | None, ...]:
    """Values that tell variants apart without being a declared discriminator (an SSE
    union's `event`), used only to name inline variants."""
    for prop in _NAMING_PROPERTIES:
        values = tuple(own_values(part, file, prop, resolve) for _, part in parts)
        singles = tuple(v[0] if len(v) == 1 else None for v in values)
        if _distinct(singles):
            return singles
    return (None,) * len(parts)


def variant_members(
    parts: list[tuple[int, Any]], values: tuple[str | None, ...]
) -> list[str]:
    """Readable names for inline variants: the value they pin, their short title, their
    shape when it is the only one of its kind (`Enum`, `Object`, `Array`), or `VariantN`.
    """
    shapes = [_shape_member(part) for _, part in parts]
    out = []
    for n, (_, part) in enumerate(parts):
        shape = (
            shapes[n]
            if shapes[n] is not None and shapes.count(shapes[n]) == 1
            else None
        )
        value = values[n]
        out.append(
            pascal(value)
            if value
            else _title_member(part) or shape or f"Variant{n + 1}"
        )
    return out


def own_values(
    part: Any, file: str, prop: str, resolve: Resolve, depth: int = 0
) -> tuple[str, ...]:
    """The values a variant allows on `prop`: its `const`, its `enum` (`[x]`, or several:
    `web_search`, `web_search_2025_08_26`), through `{enum} | null`, `allOf` parts and
    nested unions; else its `x-ms-discriminator-value`."""
    if depth > _MAX_DEPTH or not isinstance(part, Mapping):
        return ()
    if "$ref" in part:
        resolved = resolve(str(part["$ref"]), file)
        return own_values(resolved.node, resolved.file, prop, resolve, depth + 1)
    props = part.get("properties")
    if isinstance(props, Mapping) and prop in props:
        found = _pinned(props[prop], file, resolve, depth)
        if found:
            return found
    # A Swagger child names its own value; its `allOf` base lists every sibling's.
    own = part.get("x-ms-discriminator-value")
    if isinstance(own, str):
        return (own,)
    for _, sub in substantive(part.get("allOf")):
        found = own_values(sub, file, prop, resolve, depth + 1)
        if found:
            return found
    key = union_key(part)
    declared = (
        discriminator_mapping(part) if discriminator_property(part) == prop else {}
    )
    if key is not None and declared:
        return tuple(declared)
    if key is not None:
        nested = [
            own_values(sub, file, prop, resolve, depth + 1)
            for _, sub in substantive(part[key])
        ]
        if nested and all(nested):
            return tuple(dict.fromkeys(v for values in nested for v in values))
    return ()


def _pinned(schema: Any, file: str, resolve: Resolve, depth: int) -> tuple[str, ...]:
    """Values a property schema allows, when it lists them (`const`, `enum`, `[enum, null]`)."""
    if depth > _MAX_DEPTH or not isinstance(schema, Mapping):
        return ()
    if "$ref" in schema:
        resolved = resolve(str(schema["$ref"]), file)
        return _pinned(resolved.node, resolved.file, resolve, depth + 1)
    if "const" in schema and isinstance(schema["const"], (str, int)):
        return (str(schema["const"]),)
    enum = non_null_enum(schema)
    if enum:
        return tuple(str(v) for v in enum if isinstance(v, (str, int)))
    key = union_key(schema)
    if key is not None:
        return tuple(
            v
            for _, sub in substantive(schema[key])
            for v in _pinned(sub, file, resolve, depth + 1)
        )
    return ()


def find_children(doc: Document, resolve: Resolve) -> dict[Location, list[Location]]:
    """Schemas that extend a base carrying a `discriminator` by `allOf`, in every file,
    in sorted order so variant order never depends on key order."""
    children: dict[Location, list[Location]] = {}
    files = dict(doc.files)
    files.setdefault(doc.entry, doc.root)
    for file in sorted(files):
        schemas = components(files[file])
        for name in sorted(schemas):
            node = schemas[name]
            if not isinstance(node, Mapping):
                continue
            for _, part in substantive(node.get("allOf")):
                if "$ref" not in part:
                    continue
                target = resolve(str(part["$ref"]), file)
                if isinstance(target.node, Mapping) and discriminator_property(
                    target.node
                ):
                    pointer = "/components/schemas/" + escape_pointer(name)
                    children.setdefault((target.file, target.pointer), []).append(
                        (file, pointer)
                    )
    return children


def _distinct(values: tuple[str | None, ...]) -> bool:
    return (
        bool(values)
        and all(v is not None for v in values)
        and len(set(values)) == len(values)
    )


def _is_objectish(part: Any, file: str, resolve: Resolve, depth: int = 0) -> bool:
    if depth > _MAX_DEPTH or not isinstance(part, Mapping):
        return False
    if "$ref" in part:
        resolved = resolve(str(part["$ref"]), file)
        return _is_objectish(resolved.node, resolved.file, resolve, depth + 1)
    return "properties" in part or "allOf" in part


def _title_member(part: Any) -> str | None:
    if not isinstance(part, Mapping) or "$ref" in part:
        return None
    title = text(part, "title")
    if title and len(words(title)) <= _MAX_TITLE_WORDS:
        return pascal(title) or None
    return None


def _shape_member(part: Any) -> str | None:
    if not isinstance(part, Mapping) or "$ref" in part:
        return None
    if isinstance(part.get("enum"), list):
        return "Enum"
    if isinstance(part.get("properties"), Mapping) or isinstance(
        part.get("allOf"), list
    ):
        return "Object"
    if part.get("type") == "array" or "items" in part:
        return "Array"
    return None

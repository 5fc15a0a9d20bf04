"""One pass over a parsed file: string keys, bounded depth, shapes, and every `$ref`.

The same pass notes the warts the validator reports (`required` naming a property
that does not exist, `nullable: true`, boolean schemas, a `$ref` standing for a whole
`properties` map), rewrites those that `warts` reads in place (`required: null`,
tuple `items`, ...), and refuses a schema keyword holding the wrong kind of value
(`properties: 5`), in every file, so validation does not walk the tree again. It is
iterative (a hostile file cannot exhaust the Python stack) and builds a pointer
string only for nodes it reports, so it stays cheap on the 3 MB OpenAI spec. Its
result is cached with the parsed tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.diagnostics import SpecError
from generator.load.chain import Chain, key_text, pointer_of
from generator.load.wart_notes import WartNotes
from generator.load.warts import BooleanSchema, Note

MAX_DEPTH = 200
"""Real specs nest about 20 deep; this leaves room and stops pathological input."""

LITERAL_KEYWORDS = frozenset({"example", "default", "enum", "const", "value"})
"""Keywords whose values are data, not spec: a `$ref` key in there is not a reference."""

NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "definitions",
        "$defs",
        "schemas",
        "dependentSchemas",
        "responses",
        "parameters",
        "requestBodies",
        "headers",
        "content",
        "securitySchemes",
        "securityDefinitions",
        "examples",
        "links",
        "callbacks",
        "encoding",
        "variables",
        "paths",
        "webhooks",
        "pathItems",
        "mapping",
        "scopes",
    }
)
"""Maps whose keys are names chosen by the author (a property may be called `example`,
a response `default`), so those keys are not keywords."""

_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


@dataclass(frozen=True)
class RefSite:
    """A `$ref` as written, and where it sits."""

    pointer: str
    """Pointer of the object holding the `$ref`."""
    ref: str
    in_extension: bool
    """Under an `x-` key: a reference the generator does not need (`x-ms-examples`)."""


@dataclass(frozen=True)
class Scanned:
    tree: Any
    refs: tuple[RefSite, ...]
    unknown_required: tuple[tuple[str, str], ...] = ()
    """(pointer of `required`, name) for names that are not among `properties`."""
    nullables: tuple[str, ...] = ()
    """Pointers of objects holding `nullable: true`."""
    type_lists: tuple[str, ...] = ()
    """Pointers of objects whose `type` is a list (3.1 syntax)."""
    warts: tuple[Note, ...] = ()
    """(code, pointer, message) of every wart read loosely (see `warts`)."""
    booleans: tuple[BooleanSchema, ...] = ()
    """Boolean schemas, wherever they stand but `additionalProperties`."""
    property_refs: tuple[tuple[str, str], ...] = ()
    """(pointer of a `properties` map, ref) where the map is a `$ref` to another map."""


def describe_value(value: Any) -> str:
    """How a message names a value it did not expect."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) < 40 else "a string"
    return "a list" if isinstance(value, list) else "a mapping"


def _wrong(file: str, chain: Chain, key: str, expected: str, value: Any) -> SpecError:
    return SpecError.at(
        f"wrong type: `{key}` must be {expected}, found {describe_value(value)}",
        code="wrong-type",
        file=file,
        pointer=pointer_of((key, chain)),
    )


def _check_keywords(node: dict[str, Any], chain: Chain, file: str) -> None:
    """Schema keywords whose value must be a container (3.1 also allows boolean schemas)."""
    if "properties" in node:
        properties = node["properties"]
        if type(properties) is not dict:
            raise _wrong(
                file, chain, "properties", "a mapping of property schemas", properties
            )
        for name, schema in properties.items():
            if name == "$ref" and type(schema) is str:
                continue  # a ref to a whole map of properties: `scan` notes it
            if type(schema) is not dict and type(schema) is not bool:
                raise _wrong(
                    file, ("properties", chain), name, "a schema (a mapping)", schema
                )
    for key in _SCHEMA_LISTS:
        if key in node:
            parts = node[key]
            if type(parts) is not list:
                raise _wrong(file, chain, key, "a list of schemas", parts)
            for index, part in enumerate(parts):
                if type(part) is not dict and type(part) is not bool:
                    raise _wrong(
                        file, (key, chain), str(index), "a schema (a mapping)", part
                    )
    for key in ("items", "additionalProperties", "not"):
        if key in node and type(node[key]) is not dict and type(node[key]) is not bool:
            raise _wrong(file, chain, key, "a schema (a mapping)", node[key])
    if "type" in node:
        kind = node["type"]
        if type(kind) is not str and not (
            type(kind) is list and all(type(item) is str for item in kind)
        ):
            raise _wrong(file, chain, "type", "a type name or a list of them", kind)
    if (
        "required" in node
        and type(node["required"]) is not list
        and type(node["required"]) is not bool
    ):
        raise _wrong(
            file,
            chain,
            "required",
            "a list of property names (or a boolean)",
            node["required"],
        )
    if "enum" in node and type(node["enum"]) is not list:
        raise _wrong(file, chain, "enum", "a list of values", node["enum"])


def scan(tree: Any, file: str) -> Scanned:
    """Normalise mapping keys to strings (YAML reads `200:` as an integer) and list the refs."""
    refs: list[RefSite] = []
    unknown_required: list[tuple[str, str]] = []
    nullables: list[str] = []
    type_lists: list[str] = []
    warts = WartNotes()
    # (node, chain, depth, in_extension, naming: its keys are names, not keywords)
    stack: list[tuple[Any, Chain, int, bool, bool]] = [(tree, None, 0, False, False)]
    push = stack.append
    pop = stack.pop
    checked = _CHECKED_KEYWORDS
    literal = LITERAL_KEYWORDS
    name_maps = NAME_MAPS
    while stack:
        node, chain, depth, in_ext, naming = pop()
        if depth > MAX_DEPTH:
            raise SpecError.at(
                f"the document nests more than {MAX_DEPTH} levels deep: not a plausible OpenAPI document",
                code="too-deep",
                file=file,
                pointer=pointer_of(chain),
            )
        if type(node) is dict:
            if chain is None and _root_of_names(node, file):
                naming = True
            if not naming:
                if "$ref" in node:
                    ref = node["$ref"]
                    if type(ref) is not str:
                        raise _wrong(file, chain, "$ref", "a string", ref)
                    refs.append(RefSite(pointer_of(chain), ref, in_ext))
                if not in_ext:
                    warts.keyword_map(node, chain)
                if not in_ext and not checked.isdisjoint(node):
                    _check_keywords(node, chain, file)
                    if node.get("nullable") is True:
                        nullables.append(pointer_of(chain))
                    if type(node.get("type")) is list:
                        type_lists.append(pointer_of(chain))
                    required = node.get("required")
                    if required and type(required) is list and "properties" in node:
                        _note_unknown_required(node, required, chain, unknown_required)
            elif not in_ext:
                warts.name_map(node, chain)
            child_depth = depth + 1
            mark = len(stack)
            # Named examples are data (Swagger 2.0 puts the payload right there); only
            # a `$ref` to a shared example is spec.
            examples = naming and chain is not None and chain[0] == "examples"
            for key, value in node.items():
                kind = type(value)
                if kind is dict or kind is list:
                    if type(key) is not str:
                        del stack[mark:]
                        _stringify_keys(node, chain, file)
                        push(
                            (node, chain, depth, in_ext, naming)
                        )  # again, with string keys
                        break
                    if examples and not (kind is dict and "$ref" in value):
                        continue
                    if naming:
                        push((value, (key, chain), child_depth, in_ext, False))
                    elif key not in literal and not (
                        key == "examples" and kind is list
                    ):
                        push(
                            (
                                value,
                                (key, chain),
                                child_depth,
                                in_ext or key.startswith("x-"),
                                key in name_maps,
                            )
                        )
                elif type(key) is not str:
                    del stack[mark:]
                    _stringify_keys(node, chain, file)
                    push((node, chain, depth, in_ext, naming))
                    break
        elif type(node) is list:
            child_depth = depth + 1
            for index, value in enumerate(node):
                kind = type(value)
                if kind is dict or kind is list:
                    push((value, (str(index), chain), child_depth, in_ext, False))
    refs.reverse()
    # A `properties` map given by `$ref` is read in place once its file is read.
    refs.extend(RefSite(where, ref, False) for where, ref in warts.property_refs)
    warts.promote_required(tree)
    return Scanned(
        tree,
        tuple(refs),
        tuple(unknown_required),
        tuple(nullables),
        tuple(type_lists),
        tuple(warts.notes),
        tuple(warts.booleans),
        tuple(warts.property_refs),
    )


def _root_of_names(root: dict[str, Any], file: str) -> bool:
    """A file whose top level is a map of named things (parameters, schemas), which
    other files refer into: a parameter called `type` is not the keyword `type`.
    An OpenAPI document, or a schema, never holds a keyword of the wrong kind there."""
    if _CHECKED_KEYWORDS.isdisjoint(root):
        return False
    try:
        _check_keywords(root, None, file)
    except SpecError:
        return all(type(value) is dict for value in root.values())
    return False


_CHECKED_KEYWORDS = frozenset(
    {
        "properties",
        *_SCHEMA_LISTS,
        "items",
        "additionalProperties",
        "not",
        "type",
        "required",
        "enum",
        "nullable",
    }
)


def _stringify_keys(node: dict[Any, Any], chain: Chain, file: str) -> None:
    for key in node:
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise SpecError.at(
                f"a mapping key is a list or a mapping ({key!r}): OpenAPI keys must be text",
                code="syntax",
                file=file,
                pointer=pointer_of(chain),
            )
    normalised = {key_text(key): value for key, value in node.items()}
    node.clear()
    node.update(normalised)


def _note_unknown_required(
    node: dict[str, Any], required: list[Any], chain: Chain, out: list[tuple[str, str]]
) -> None:
    properties = node["properties"]
    if (
        type(properties) is not dict
        or "$ref" in properties
        or any(key in node for key in _SCHEMA_LISTS)
    ):
        return  # a name may come from a composed part, or from the map a ref names
    for name in required:
        if type(name) is str and name not in properties:
            out.append((pointer_of(("required", chain)), str(name)))

"""What the scan learns of the warts (`warts`) as it walks a file: notes with pointers.

The rules in `warts` see one mapping and answer with pointers relative to it; this
collector knows where the mapping sits (its chain) and keeps the located notes, the
boolean schemas, the `properties` maps given by `$ref`, and the properties flagged
`required: true`, whose objects list them once the walk is done.
"""

from __future__ import annotations

from typing import Any

from generator.load.chain import Chain, pointer_of
from generator.load.locate import split_pointer
from generator.load.warts import (
    NAMED_SCHEMAS,
    SCHEMA_LISTS,
    SCHEMA_MAPS,
    SCHEMA_MEMBERS,
    SCHEMA_POSITIONS,
    SCHEMA_VALUED,
    UNTOUCHED_MAPS,
    BooleanSchema,
    Note,
    boolean_schemas,
    component_booleans,
    nameless_parameters,
    normalise,
    null_entries,
    required_flag,
)

_SCHEMA_HOLDERS = frozenset({*SCHEMA_VALUED, *SCHEMA_LISTS, *SCHEMA_MAPS})
_NORMALISED = frozenset({"required", "type", "items", *SCHEMA_MAPS})
"""Keys `normalise` may rewrite besides null values."""


class WartNotes:
    def __init__(self) -> None:
        self.notes: list[Note] = []
        self.booleans: list[BooleanSchema] = []
        self.property_refs: list[tuple[str, str]] = []
        """(pointer of a `properties` map, ref) where the map is a `$ref` to another map."""
        self._promoted: list[tuple[str, str]] = []
        """(pointer of an object, property) for properties flagged `required: true`."""

    def keyword_map(self, node: dict[str, Any], chain: Chain) -> None:
        """The warts of a mapping whose keys are keywords."""
        found = (
            normalise(node)
            if not _NORMALISED.isdisjoint(node) or None in node.values()
            else []
        )
        if type(node.get("required")) is bool and _is_schema(chain):
            found.append(self._required_flag(node, chain))
        params = node.get("parameters")
        if type(params) is list:
            found.extend(
                (code, "/parameters" + where, message)
                for code, where, message in nameless_parameters(params)
            )
        self._add(found, chain)
        if not _SCHEMA_HOLDERS.isdisjoint(node):
            flags = boolean_schemas(node)
            if flags:
                here = pointer_of(chain)
                self.booleans.extend(
                    (here + at, value, what) for at, value, what in flags
                )
        properties = node.get("properties")
        if type(properties) is dict and type(properties.get("$ref")) is str:
            where = pointer_of(("properties", chain))
            self.property_refs.append((where, properties["$ref"]))

    def name_map(self, node: dict[str, Any], chain: Chain) -> None:
        """The warts of a map of names: null entries, shared parameters, named schemas."""
        if chain is None:
            return
        if None in node.values() and chain[0] not in UNTOUCHED_MAPS:
            self._add(null_entries(node, chain[0]), chain)
        if chain[0] == "parameters":
            self._add(nameless_parameters(node), chain)
        elif chain[0] in NAMED_SCHEMAS:
            flags = component_booleans(node)
            if flags:
                here = pointer_of(chain)
                self.booleans.extend(
                    (here + at, value, what) for at, value, what in flags
                )

    def promote_required(self, tree: Any) -> None:
        """List every property flagged `required: true` in its object's `required`."""
        for pointer, name in self._promoted:
            node = tree
            for token in split_pointer(pointer):
                node = node.get(token) if isinstance(node, dict) else None
            if isinstance(node, dict):
                listed = node.get("required")
                listed = listed if type(listed) is list else []
                if name not in listed:
                    node["required"] = [*listed, name]

    def _required_flag(self, node: dict[str, Any], chain: Chain) -> Note:
        assert chain is not None  # a schema position has a parent
        in_properties = chain[1] is not None and chain[1][0] == "properties"
        if node["required"] is True and in_properties:
            self._promoted.append((pointer_of(chain[1][1]), str(chain[0])))
        return required_flag(node, in_properties)

    def _add(self, found: list[Note], chain: Chain) -> None:
        if found:
            here = pointer_of(chain)
            self.notes.extend(
                (code, here + where, message) for code, where, message in found
            )


def _is_schema(chain: Chain) -> bool:
    """Whether the mapping at `chain` stands where only a schema may."""
    if chain is None:
        return False
    parent = chain[1]
    return chain[0] in SCHEMA_POSITIONS or (
        parent is not None and parent[0] in SCHEMA_MEMBERS
    )

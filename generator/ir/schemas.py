"""Schemas to IR types and models.

Every `$ref` target becomes a named model (its component name); inline schemas
that need a name — objects with properties, enums, discriminated unions, allOf
compositions — are hoisted with a name made from where they sit. Models are
keyed by their location (file, JSON pointer), so a schema reached twice is built
once and a recursive schema ends at a `Ref`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import unions
from generator.ir.model import (
    AliasModel,
    ArrayOf,
    Discriminator,
    EnumModel,
    EnumValue,
    Field,
    LiteralOf,
    MapOf,
    Model,
    Nullable,
    ObjectModel,
    Primitive,
    PrimitiveKind,
    Ref,
    Source,
    TypeRef,
    UnionModel,
    UnionOf,
)
from generator.ir.schema_nodes import (
    components,
    discriminator_mapping,
    discriminator_property,
    enum_base,
    enum_is_open,
    escape_pointer,
    extensions,
    is_nullable,
    literal_ok,
    non_null_enum,
    required_names,
    substantive,
    text,
    union_key,
)
from generator.load.document import Document, Resolved
from generator.naming.allocator import RenameLog, Scope
from generator.naming.casing import capitalized as pascal

Location = unions.Location

ANY = Primitive("any")
_PRIMITIVES: dict[str, PrimitiveKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}
_FIELD_KEYS_HANDLED = frozenset(
    {"x-ms-client-name", "x-ms-enum", "x-nullable", "x-ms-discriminator-value"}
)
_SCHEMA_POINTER_PREFIXES = ("/components/schemas/", "/definitions/")


@dataclass(frozen=True)
class Place:
    """Where an inline schema sits: the name it would get, and its owner for nesting."""

    wanted: str
    parent: str | None = None
    member: str | None = None

    def child(self, suffix: str) -> Place:
        member = (
            f"{self.member}{suffix}"
            if self.member is not None
            else (suffix if self.parent else None)
        )
        return Place(f"{self.wanted}{suffix}", self.parent, member)

    @staticmethod
    def inside(owner: str, member: str) -> Place:
        return Place(f"{owner}{member}", owner, member)


class SchemaBuilder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.models: dict[str, Model] = {}
        self.warnings: list[Diagnostic] = []
        self._names = Scope("model names", RenameLog(), fallback="Schema")
        self._by_location: dict[Location, str] = {}
        self._resolved: dict[tuple[str, str], Resolved] = {}
        self._object_fields: dict[Location, tuple[Field, ...]] = {}
        self._fields_in_progress: set[Location] = set()
        self._children: dict[Location, list[Location]] | None = None
        self._loader_required_warnings = {
            (w.file, w.pointer.lstrip("#"))
            for w in doc.warnings
            if w.code == "unknown-required" and w.pointer
        }

    # ------------------------------------------------------------------ entry points

    def build_components(self) -> None:
        """Every component schema of the entry file becomes a model named by its key,
        in sorted order so inline names do not depend on the order keys were written."""
        schemas = components(self.doc.root)
        for name in schemas:
            self._names.take(name, f"schema `{name}`")
        for name in sorted(schemas):
            pointer = "/components/schemas/" + escape_pointer(name)
            self._by_location[(self.doc.entry, pointer)] = name
        for name in sorted(schemas):
            pointer = "/components/schemas/" + escape_pointer(name)
            if name not in self.models:
                self._build_named(schemas[name], self.doc.entry, pointer, name)

    def type_of(self, node: Any, file: str, pointer: str, place: Place) -> TypeRef:
        if not isinstance(node, Mapping):
            return ANY
        if "$ref" in node:
            target = self.ref_type(str(node["$ref"]), file)
            nullable = node.get("nullable") is True or node.get("x-nullable") is True
            return _nullable(target) if nullable else target
        core = self._core_type(node, file, pointer, place)
        return _nullable(core) if is_nullable(node) else core

    def ref_type(self, ref: str, file: str) -> TypeRef:
        resolved = self.resolve(ref, file)
        name = self._model_at(resolved)
        return _nullable(Ref(name)) if is_nullable(resolved.node) else Ref(name)

    def resolve(self, ref: str, file: str) -> Resolved:
        key = (ref, file)
        found = self._resolved.get(key)
        if found is None:
            found = self.doc.resolve(ref, file)
            self._resolved[key] = found
        return found

    def warn(self, code: str, message: str, file: str, pointer: str) -> None:
        # No line lookup: placing a pointer can mean re-reading a 3 MB file for its marks;
        # the pointer names the place exactly.
        self.warnings.append(
            Diagnostic("warning", code, message, file, None, None, pointer)
        )

    # ------------------------------------------------------------------ named models

    def _model_at(self, resolved: Resolved) -> str:
        key = (resolved.file, resolved.pointer)
        name = self._by_location.get(key)
        if name is None:
            name = self._names.claim(_name_for_location(resolved), "a schema")
            self._by_location[key] = name
            self._build_named(resolved.node, resolved.file, resolved.pointer, name)
        return name

    def _build_named(
        self,
        node: Any,
        file: str,
        pointer: str,
        name: str,
        parent: str | None = None,
        member: str | None = None,
    ) -> None:
        self._by_location[(file, pointer)] = name
        if not isinstance(node, Mapping):
            self.models[name] = AliasModel(name, ANY, parent=parent, member=member)
            return
        kind = self._kind(node, file, pointer)
        model: Model
        if kind == "poly":
            model = self._poly_union(node, file, pointer, name)
        elif kind == "object":
            model = self._object(node, file, pointer, name)
        elif kind == "enum":
            model = self._enum(node, name)
        elif kind == "union":
            model = self._union_model(node, file, pointer, name)
        else:
            target = (
                self._core_type(node, file, pointer, Place(name, name, ""))
                if "$ref" not in node
                else self.ref_type(str(node["$ref"]), file)
            )
            model = AliasModel(
                name,
                target,
                text(node, "description"),
                text(node, "title"),
                node.get("deprecated") is True,
            )
        self.models[name] = _placed(model, parent, member, Source(file, pointer))

    def _kind(self, node: Mapping[str, Any], file: str, pointer: str) -> str | None:
        if "$ref" in node:
            return None
        if (
            discriminator_property(node)
            and union_key(node) is None
            and self._children_of((file, pointer))
        ):
            return "poly"
        if union_key(node) and len(substantive(node[union_key(node)])) >= 2:  # type: ignore[index]
            return "union"
        if isinstance(node.get("allOf"), list):
            parts = substantive(node["allOf"])
            if (
                len(parts) >= 2
                or node.get("properties")
                or "x-ms-discriminator-value" in node
            ):
                return "object"
            if len(parts) == 1 and "$ref" not in parts[0][1]:
                return self._kind(parts[0][1], file, f"{pointer}/allOf/{parts[0][0]}")
            return None
        enum = non_null_enum(node)
        if (
            enum is not None
            and (len(enum) > 1 or enum_is_open(node))
            and enum_base(node, enum) is not None
        ):
            return "enum"
        if isinstance(node.get("properties"), Mapping) and node["properties"]:
            return "object"
        if discriminator_property(node) and node.get("type") in (None, "object"):
            return "object"
        return None

    # ------------------------------------------------------------------ inline types

    def _core_type(
        self, node: Mapping[str, Any], file: str, pointer: str, place: Place
    ) -> TypeRef:
        kind = self._kind(node, file, pointer)
        if kind in ("object", "enum", "poly"):
            return self._hoist(node, file, pointer, place)
        ukey = union_key(node)
        if ukey is not None:
            parts = substantive(node[ukey])
            if len(parts) >= 2:
                return self._inline_union(node, ukey, file, pointer, place)
            if len(parts) == 1:
                i, only = parts[0]
                return _strip_null(
                    self.type_of(only, file, f"{pointer}/{ukey}/{i}", place)
                )
        if isinstance(node.get("allOf"), list):
            parts = substantive(node["allOf"])
            if len(parts) == 1:
                i, only = parts[0]
                return _strip_null(
                    self.type_of(only, file, f"{pointer}/allOf/{i}", place)
                )
        if "const" in node and node["const"] is not None and literal_ok(node["const"]):
            return LiteralOf(node["const"])
        enum = non_null_enum(node)
        if enum is not None and len(enum) == 1 and literal_ok(enum[0]):
            return LiteralOf(enum[0])
        return self._typed(node, file, pointer, place)

    def _typed(
        self, node: Mapping[str, Any], file: str, pointer: str, place: Place
    ) -> TypeRef:
        kind = node.get("type")
        fmt = text(node, "format")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            if len(kinds) == 1:
                kind = kinds[0]
            elif kinds:
                return UnionOf(
                    tuple(
                        self._typed({**node, "type": k}, file, pointer, place)
                        for k in kinds
                    )
                )
            else:
                return ANY
        if kind == "array" or (kind is None and "items" in node):
            return ArrayOf(
                self.type_of(
                    node.get("items"), file, f"{pointer}/items", place.child("Item")
                )
            )
        if kind == "object" or (
            kind is None and ("properties" in node or "additionalProperties" in node)
        ):
            extra = node.get("additionalProperties")
            if isinstance(extra, Mapping):
                return MapOf(
                    self.type_of(
                        extra,
                        file,
                        f"{pointer}/additionalProperties",
                        place.child("Value"),
                    )
                )
            return MapOf(ANY)
        if isinstance(kind, str) and kind in _PRIMITIVES:
            return Primitive(_PRIMITIVES[kind], fmt)
        return Primitive("any", fmt)

    def _hoist(
        self, node: Mapping[str, Any], file: str, pointer: str, place: Place
    ) -> TypeRef:
        key = (file, pointer)
        name = self._by_location.get(key)
        if name is None:
            ms_enum = node.get("x-ms-enum")
            enum_name = ms_enum.get("name") if isinstance(ms_enum, Mapping) else None
            if isinstance(enum_name, str) and enum_name:
                if enum_name in components(self.doc.root):
                    self.ref_type(
                        "#/components/schemas/" + escape_pointer(enum_name),
                        self.doc.entry,
                    )
                shared = self._shared_enum(node, enum_name)
                if shared is not None:
                    self._by_location[key] = shared
                    return Ref(shared)
                name = self._names.claim(enum_name, "an x-ms-enum")
                self._build_named(node, file, pointer, name)
            else:
                name = self._names.claim(place.wanted, "an inline schema")
                self._build_named(node, file, pointer, name, place.parent, place.member)
        return Ref(name)

    def _shared_enum(self, node: Mapping[str, Any], name: str) -> str | None:
        """Azure names inline enums (`x-ms-enum.name`); the same name and values is one model."""
        existing = self.models.get(name)
        values = tuple(non_null_enum(node) or ())
        if (
            isinstance(existing, EnumModel)
            and tuple(v.value for v in existing.values) == values
        ):
            return name
        return None

    # ------------------------------------------------------------------ objects

    def _object(
        self, node: Mapping[str, Any], file: str, pointer: str, name: str
    ) -> ObjectModel:
        fields: dict[str, Field] = {}
        bases: list[str] = []
        required: set[str] = set(required_names(node))
        required_at: list[tuple[str, list[str]]] = [(pointer, required_names(node))]
        own: list[tuple[Mapping[str, Any], str]] = [(node, pointer)]
        for i, part in substantive(node.get("allOf")):
            part_pointer = f"{pointer}/allOf/{i}"
            if "$ref" in part:
                resolved = self.resolve(str(part["$ref"]), file)
                base = self._model_at(resolved)
                if not self._is_poly_base(resolved):
                    bases.append(base)
                for f in self.fields_at(
                    resolved.node, resolved.file, resolved.pointer, base
                ):
                    fields[f.name] = f
            else:
                own.append((part, part_pointer))
                required.update(required_names(part))
                required_at.append((part_pointer, required_names(part)))
        for part, part_pointer in own:
            props = part.get("properties")
            if not isinstance(props, Mapping):
                continue
            for prop, schema in props.items():
                if schema is False:
                    continue  # may never be present (the loader says so)
                fields[prop] = self._field(
                    prop,
                    schema,
                    file,
                    f"{part_pointer}/properties/{escape_pointer(prop)}",
                    name,
                    prop in required,
                )
        self._checkrequired_names(required_at, fields, node, file)
        fields = {
            k: (
                _replacerequired_names(f, True)
                if k in required and not f.required
                else f
            )
            for k, f in fields.items()
        }
        value = node.get("x-ms-discriminator-value")
        if isinstance(value, str):
            fields = self._literal_discriminator(fields, node, file, value)
        return ObjectModel(
            name,
            tuple(fields.values()),
            text(node, "description"),
            text(node, "title"),
            self._additional(node, file, pointer, name),
            tuple(bases),
            value if isinstance(value, str) else None,
            node.get("deprecated") is True,
        )

    def fields_at(
        self, node: Any, file: str, pointer: str, owner: str
    ) -> tuple[Field, ...]:
        """The fields a schema contributes when another extends it by allOf."""
        key = (file, pointer)
        if key in self._object_fields:
            return self._object_fields[key]
        model = self.models.get(owner)
        if isinstance(model, ObjectModel):
            return model.fields
        if key in self._fields_in_progress or not isinstance(node, Mapping):
            return ()
        self._fields_in_progress.add(key)
        try:
            fields = self._object(
                {k: v for k, v in node.items() if k != "discriminator"},
                file,
                pointer,
                owner,
            ).fields
        finally:
            self._fields_in_progress.discard(key)
        self._object_fields[key] = fields
        return fields

    def _field(
        self,
        prop: str,
        schema: Any,
        file: str,
        pointer: str,
        owner: str,
        required: bool,
    ) -> Field:
        place = Place.inside(owner, pascal(prop) or "Field")
        node: Mapping[str, Any] = schema if isinstance(schema, Mapping) else {}
        return Field(
            name=prop,
            type=self.type_of(schema, file, pointer, place),
            required=required,
            description=text(node, "description"),
            default=node.get("default"),
            has_default="default" in node,
            read_only=node.get("readOnly") is True,
            write_only=node.get("writeOnly") is True,
            deprecated=node.get("deprecated") is True,
            client_name=text(node, "x-ms-client-name"),
            format_hint=text(node, "format"),
            extensions=extensions(node, _FIELD_KEYS_HANDLED),
        )

    def _checkrequired_names(
        self,
        required_at: list[tuple[str, list[str]]],
        fields: Mapping[str, Field],
        node: Mapping[str, Any],
        file: str,
    ) -> None:
        """Warn once per `required` list naming a property the composed object lacks, unless
        the loader already said so for that list."""
        if node.get("additionalProperties") not in (None, False):
            return
        for pointer, names in required_at:
            missing = sorted(set(names) - fields.keys())
            where = pointer + "/required"
            if not missing or (file, where) in self._loader_required_warnings:
                continue
            listed = ", ".join(f"`{m}`" for m in missing)
            self.warn(
                "unknown-required",
                f"`required` names {listed}, not among the properties; ignored",
                file,
                where,
            )

    def _additional(
        self, node: Mapping[str, Any], file: str, pointer: str, owner: str
    ) -> TypeRef | None:
        extra = node.get("additionalProperties")
        if extra is True:
            return ANY
        if isinstance(extra, Mapping):
            return self.type_of(
                extra,
                file,
                f"{pointer}/additionalProperties",
                Place.inside(owner, "Value"),
            )
        return None

    def _literal_discriminator(
        self, fields: dict[str, Field], node: Mapping[str, Any], file: str, value: str
    ) -> dict[str, Field]:
        """A Swagger 2 child pins its base's discriminator property to its own value."""
        for i, part in substantive(node.get("allOf")):
            if "$ref" not in part:
                continue
            prop = discriminator_property(self.resolve(str(part["$ref"]), file).node)
            if prop and prop in fields:
                old = fields[prop]
                fields[prop] = Field(
                    old.name,
                    LiteralOf(value),
                    old.required,
                    old.description,
                    client_name=old.client_name,
                    extensions=old.extensions,
                )
        return fields

    # ------------------------------------------------------------------ enums

    def _enum(self, node: Mapping[str, Any], name: str) -> EnumModel:
        raw = non_null_enum(node) or []
        ms_enum = node.get("x-ms-enum")
        described: dict[Any, tuple[str | None, str | None]] = {}
        if isinstance(ms_enum, Mapping) and isinstance(ms_enum.get("values"), list):
            for entry in ms_enum["values"]:
                if isinstance(entry, Mapping) and literal_ok(entry.get("value")):
                    described[entry["value"]] = (
                        text(entry, "name"),
                        text(entry, "description"),
                    )
        values = tuple(
            EnumValue(v, *described.get(v, (None, None))) for v in raw if literal_ok(v)
        )
        return EnumModel(
            name,
            values,
            enum_base(node, raw) or "string",
            enum_is_open(node),
            text(node, "description"),
            text(node, "title"),
            node.get("deprecated") is True,
        )

    # ------------------------------------------------------------------ unions

    def _union_model(
        self, node: Mapping[str, Any], file: str, pointer: str, name: str
    ) -> UnionModel:
        key = union_key(node) or "oneOf"
        found = unions.plan(node, key, file, self.resolve)
        variants = self._variants(
            node, key, file, pointer, Place(name, name, ""), found
        )
        disc = self._discriminator(node, found, variants, file) if found else None
        return UnionModel(
            name,
            variants,
            disc,
            text(node, "description"),
            text(node, "title"),
            node.get("deprecated") is True,
        )

    def _inline_union(
        self, node: Mapping[str, Any], key: str, file: str, pointer: str, place: Place
    ) -> TypeRef:
        """A discriminated union is hoisted (targets need its name); any other stays inline."""
        if unions.plan(node, key, file, self.resolve) is not None:
            return self._hoist_union(node, file, pointer, place)
        return UnionOf(self._variants(node, key, file, pointer, place, None))

    def _hoist_union(
        self, node: Mapping[str, Any], file: str, pointer: str, place: Place
    ) -> TypeRef:
        location = (file, pointer)
        name = self._by_location.get(location)
        if name is None:
            name = self._names.claim(place.wanted, "an inline union")
            self._by_location[location] = name
            model = self._union_model(node, file, pointer, name)
            self.models[name] = _placed(
                model, place.parent, place.member, Source(file, pointer)
            )
        return Ref(name)

    def _variants(
        self,
        node: Mapping[str, Any],
        key: str,
        file: str,
        pointer: str,
        place: Place,
        found: unions.Plan | None,
    ) -> tuple[TypeRef, ...]:
        parts = substantive(node[key])
        values = (
            found.single() if found else unions.naming_values(parts, file, self.resolve)
        )
        members = unions.variant_members(parts, values)
        return tuple(
            _strip_null(
                self.type_of(part, file, f"{pointer}/{key}/{i}", place.child(member))
            )
            for (i, part), member in zip(parts, members)
        )

    def _discriminator(
        self,
        node: Mapping[str, Any],
        found: unions.Plan,
        variants: tuple[TypeRef, ...],
        file: str,
    ) -> Discriminator | None:
        mapping: dict[str, str] = {}
        for key, ref in discriminator_mapping(node).items():
            mapping[key] = self._model_at(self.resolve(ref, file))
        mapped = set(mapping.values())
        for own, variant in zip(found.values, variants):
            if not isinstance(variant, Ref) or variant.name in mapped:
                continue
            # A variant whose values cannot be read is known by its name (OpenAPI's default).
            for value in own or (variant.name,):
                mapping.setdefault(value, variant.name)
        if not mapping:
            return None
        return Discriminator(found.property, tuple(mapping.items()), found.implicit)

    # ------------------------------------------------------------------ Swagger 2 polymorphism

    def _is_poly_base(self, resolved: Resolved) -> bool:
        """A base that became a union of its children: extending it is not inheriting a model."""
        node = resolved.node
        return (
            isinstance(node, Mapping)
            and discriminator_property(node) is not None
            and union_key(node) is None
            and bool(self._children_of((resolved.file, resolved.pointer)))
        )

    def _children_of(self, base: Location) -> list[Location]:
        if self._children is None:
            self._children = unions.find_children(self.doc, self.resolve)
        return self._children.get(base, [])

    def _poly_union(
        self, node: Mapping[str, Any], file: str, pointer: str, name: str
    ) -> UnionModel:
        prop = discriminator_property(node) or unions.IMPLICIT_PROPERTY
        explicit = {
            (found.file, found.pointer): value
            for value, ref in discriminator_mapping(node).items()
            for found in (self.resolve(ref, file),)
        }
        variants: list[TypeRef] = []
        mapping: list[tuple[str, str]] = []
        for child_file, child_pointer in self._children_of((file, pointer)):
            child = self.resolve("#" + child_pointer, child_file)
            child_name = self._model_at(child)
            variants.append(Ref(child_name))
            explicit_value = explicit.get((child_file, child_pointer))
            own = unions.own_values(child.node, child_file, prop, self.resolve)
            values = (explicit_value,) if explicit_value else own or (child_name,)
            mapping.extend((value, child_name) for value in values)
        return UnionModel(
            name,
            tuple(variants),
            Discriminator(
                prop, tuple(mapping), default=_tag_default(node, prop, mapping)
            ),
            text(node, "description"),
            text(node, "title"),
            node.get("deprecated") is True,
        )


# ---------------------------------------------------------------------- helpers


def _tag_default(
    node: Mapping[str, Any], prop: str, mapping: list[tuple[str, str]]
) -> str | None:
    """The base's default for its discriminator, when that value selects a variant."""
    properties = node.get("properties")
    field = properties.get(prop) if isinstance(properties, Mapping) else None
    default = field.get("default") if isinstance(field, Mapping) else None
    return default if any(default == value for value, _ in mapping) else None


def _name_for_location(resolved: Resolved) -> str:
    pointer = resolved.pointer
    for prefix in _SCHEMA_POINTER_PREFIXES:
        if pointer.startswith(prefix) and "/" not in pointer[len(prefix) :]:
            return resolved.name
    if pointer in ("", "/"):
        stem = resolved.file.replace("\\", "/").rsplit("/", 1)[-1].split(".", 1)[0]
        return pascal(stem) or "Schema"
    segments = [
        s
        for s in pointer.split("/")
        if s and s not in ("properties", "items", "components", "schemas")
    ]
    return "".join(pascal(s) for s in segments[-2:]) or "Schema"


def _nullable(t: TypeRef) -> TypeRef:
    return t if isinstance(t, Nullable) else Nullable(t)


def _strip_null(t: TypeRef) -> TypeRef:
    return t.inner if isinstance(t, Nullable) else t


def _replacerequired_names(f: Field, required: bool) -> Field:
    return replace(f, required=required)


def _placed(
    model: Model, parent: str | None, member: str | None, source: Source
) -> Model:
    # Lines are not looked up here: the locator is only asked when a message needs one.
    if parent is None or member in (None, ""):
        return replace(model, source=source)
    return replace(model, parent=parent, member=member, source=source)

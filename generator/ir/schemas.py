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
from typing import Any, Literal

from generator.diagnostics import Diagnostic
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
from generator.ir.naming import UniqueNames, pascal, words
from generator.ir.schema_nodes import (
    discriminator_mapping,
    discriminator_property,
    escape_pointer,
    extensions,
    is_nullable,
    non_null_enum,
    substantive,
    union_key,
)
from generator.load.document import Document, Resolved

Location = tuple[str, str]
"""(file, JSON pointer) of a schema node."""

ANY = Primitive("any")
_PRIMITIVES: dict[str, PrimitiveKind] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}
_FIELD_KEYS_HANDLED = frozenset({"x-ms-client-name", "x-ms-enum", "x-nullable", "x-ms-discriminator-value"})
_SCHEMA_POINTER_PREFIXES = ("/components/schemas/", "/definitions/")
_MAX_TITLE_WORDS = 4
_NAMING_PROPERTIES = ("type", "event", "object")


@dataclass(frozen=True)
class Place:
    """Where an inline schema sits: the name it would get, and its owner for nesting."""

    wanted: str
    parent: str | None = None
    member: str | None = None

    def child(self, suffix: str) -> Place:
        member = f"{self.member}{suffix}" if self.member is not None else (suffix if self.parent else None)
        return Place(f"{self.wanted}{suffix}", self.parent, member)

    @staticmethod
    def inside(owner: str, member: str) -> Place:
        return Place(f"{owner}{member}", owner, member)


class SchemaBuilder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.models: dict[str, Model] = {}
        self.warnings: list[Diagnostic] = []
        self._names = UniqueNames()
        self._by_location: dict[Location, str] = {}
        self._resolved: dict[tuple[str, str], Resolved] = {}
        self._object_fields: dict[Location, tuple[Field, ...]] = {}
        self._fields_in_progress: set[Location] = set()
        self._children: dict[Location, list[Location]] | None = None
        self._loader_required_warnings = {
            (w.file, w.pointer.lstrip("#")) for w in doc.warnings if w.code == "unknown-required" and w.pointer
        }

    # ------------------------------------------------------------------ entry points

    def build_components(self) -> None:
        """Every component schema of the entry file becomes a model named by its key,
        in sorted order so inline names do not depend on the order keys were written."""
        schemas = _components(self.doc.root)
        for name in schemas:
            self._names.reserve(name)
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
        self.warnings.append(Diagnostic("warning", code, message, file, None, None, pointer))

    # ------------------------------------------------------------------ named models

    def _model_at(self, resolved: Resolved) -> str:
        key = (resolved.file, resolved.pointer)
        name = self._by_location.get(key)
        if name is None:
            name = self._names.claim(_name_for_location(resolved))
            self._by_location[key] = name
            self._build_named(resolved.node, resolved.file, resolved.pointer, name)
        return name

    def _build_named(self, node: Any, file: str, pointer: str, name: str, parent: str | None = None,
                     member: str | None = None) -> None:
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
            target = self._core_type(node, file, pointer, Place(name, name, "")) if "$ref" not in node \
                else self.ref_type(str(node["$ref"]), file)
            model = AliasModel(name, target, _text(node, "description"), _text(node, "title"),
                               node.get("deprecated") is True)
        self.models[name] = _placed(model, parent, member, Source(file, pointer))

    def _kind(self, node: Mapping[str, Any], file: str, pointer: str) -> str | None:
        if "$ref" in node:
            return None
        if discriminator_property(node) and union_key(node) is None and self._children_of((file, pointer)):
            return "poly"
        if union_key(node) and len(substantive(node[union_key(node)])) >= 2:  # type: ignore[index]
            return "union"
        if isinstance(node.get("allOf"), list):
            parts = substantive(node["allOf"])
            if len(parts) >= 2 or node.get("properties") or "x-ms-discriminator-value" in node:
                return "object"
            if len(parts) == 1 and "$ref" not in parts[0][1]:
                return self._kind(parts[0][1], file, f"{pointer}/allOf/{parts[0][0]}")
            return None
        enum = non_null_enum(node)
        if enum is not None and (len(enum) > 1 or _enum_is_open(node)) and _enum_base(node, enum) is not None:
            return "enum"
        if isinstance(node.get("properties"), Mapping) and node["properties"]:
            return "object"
        if discriminator_property(node) and node.get("type") in (None, "object"):
            return "object"
        return None

    # ------------------------------------------------------------------ inline types

    def _core_type(self, node: Mapping[str, Any], file: str, pointer: str, place: Place) -> TypeRef:
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
                return _strip_null(self.type_of(only, file, f"{pointer}/{ukey}/{i}", place))
        if isinstance(node.get("allOf"), list):
            parts = substantive(node["allOf"])
            if len(parts) == 1:
                i, only = parts[0]
                return _strip_null(self.type_of(only, file, f"{pointer}/allOf/{i}", place))
        if "const" in node and node["const"] is not None and _literal_ok(node["const"]):
            return LiteralOf(node["const"])
        enum = non_null_enum(node)
        if enum is not None and len(enum) == 1 and _literal_ok(enum[0]):
            return LiteralOf(enum[0])
        return self._typed(node, file, pointer, place)

    def _typed(self, node: Mapping[str, Any], file: str, pointer: str, place: Place) -> TypeRef:
        kind = node.get("type")
        fmt = _text(node, "format")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            if len(kinds) == 1:
                kind = kinds[0]
            elif kinds:
                return UnionOf(tuple(self._typed({**node, "type": k}, file, pointer, place) for k in kinds))
            else:
                return ANY
        if kind == "array" or (kind is None and "items" in node):
            return ArrayOf(self.type_of(node.get("items"), file, f"{pointer}/items", place.child("Item")))
        if kind == "object" or (kind is None and ("properties" in node or "additionalProperties" in node)):
            extra = node.get("additionalProperties")
            if isinstance(extra, Mapping):
                return MapOf(self.type_of(extra, file, f"{pointer}/additionalProperties", place.child("Value")))
            return MapOf(ANY)
        if isinstance(kind, str) and kind in _PRIMITIVES:
            return Primitive(_PRIMITIVES[kind], fmt)
        return Primitive("any", fmt)

    def _hoist(self, node: Mapping[str, Any], file: str, pointer: str, place: Place) -> TypeRef:
        key = (file, pointer)
        name = self._by_location.get(key)
        if name is None:
            ms_enum = node.get("x-ms-enum")
            enum_name = ms_enum.get("name") if isinstance(ms_enum, Mapping) else None
            if isinstance(enum_name, str) and enum_name:
                if enum_name in _components(self.doc.root):
                    self.ref_type("#/components/schemas/" + escape_pointer(enum_name), self.doc.entry)
                shared = self._shared_enum(node, enum_name)
                if shared is not None:
                    self._by_location[key] = shared
                    return Ref(shared)
                name = self._names.claim(enum_name)
                self._build_named(node, file, pointer, name)
            else:
                name = self._names.claim(place.wanted)
                self._build_named(node, file, pointer, name, place.parent, place.member)
        return Ref(name)

    def _shared_enum(self, node: Mapping[str, Any], name: str) -> str | None:
        """Azure names inline enums (`x-ms-enum.name`); the same name and values is one model."""
        existing = self.models.get(name)
        if isinstance(existing, EnumModel):
            if tuple(v.value for v in existing.values) == tuple(non_null_enum(node) or ()):
                return name
        return None

    # ------------------------------------------------------------------ objects

    def _object(self, node: Mapping[str, Any], file: str, pointer: str, name: str) -> ObjectModel:
        fields: dict[str, Field] = {}
        bases: list[str] = []
        required: set[str] = set(_required(node))
        required_at: list[tuple[str, list[str]]] = [(pointer, _required(node))]
        own: list[tuple[Mapping[str, Any], str]] = [(node, pointer)]
        for i, part in substantive(node.get("allOf")):
            part_pointer = f"{pointer}/allOf/{i}"
            if "$ref" in part:
                resolved = self.resolve(str(part["$ref"]), file)
                base = self._model_at(resolved)
                if not self._is_poly_base(resolved):
                    bases.append(base)
                for f in self.fields_at(resolved.node, resolved.file, resolved.pointer, base):
                    fields[f.name] = f
            else:
                own.append((part, part_pointer))
                required.update(_required(part))
                required_at.append((part_pointer, _required(part)))
        for part, part_pointer in own:
            props = part.get("properties")
            if not isinstance(props, Mapping):
                continue
            for prop, schema in props.items():
                fields[prop] = self._field(prop, schema, file, f"{part_pointer}/properties/{escape_pointer(prop)}",
                                           name, prop in required)
        self._check_required(required_at, fields, node, file)
        fields = {k: (_replace_required(f, True) if k in required and not f.required else f)
                  for k, f in fields.items()}
        value = node.get("x-ms-discriminator-value")
        if isinstance(value, str):
            fields = self._literal_discriminator(fields, node, file, value)
        return ObjectModel(
            name,
            tuple(fields.values()),
            _text(node, "description"),
            _text(node, "title"),
            self._additional(node, file, pointer, name),
            tuple(bases),
            value if isinstance(value, str) else None,
            node.get("deprecated") is True,
        )

    def fields_at(self, node: Any, file: str, pointer: str, owner: str) -> tuple[Field, ...]:
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
            fields = self._object({k: v for k, v in node.items() if k != "discriminator"}, file, pointer,
                                  owner).fields
        finally:
            self._fields_in_progress.discard(key)
        self._object_fields[key] = fields
        return fields

    def _field(self, prop: str, schema: Any, file: str, pointer: str, owner: str, required: bool) -> Field:
        place = Place.inside(owner, pascal(prop) or "Field")
        node: Mapping[str, Any] = schema if isinstance(schema, Mapping) else {}
        return Field(
            name=prop,
            type=self.type_of(schema, file, pointer, place),
            required=required,
            description=_text(node, "description"),
            default=node.get("default"),
            has_default="default" in node,
            read_only=node.get("readOnly") is True,
            write_only=node.get("writeOnly") is True,
            deprecated=node.get("deprecated") is True,
            client_name=_text(node, "x-ms-client-name"),
            format_hint=_text(node, "format"),
            extensions=extensions(node, _FIELD_KEYS_HANDLED),
        )

    def _check_required(self, required_at: list[tuple[str, list[str]]], fields: Mapping[str, Field],
                        node: Mapping[str, Any], file: str) -> None:
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
            self.warn("unknown-required", f"`required` names {listed}, not among the properties; ignored",
                      file, where)

    def _additional(self, node: Mapping[str, Any], file: str, pointer: str, owner: str) -> TypeRef | None:
        extra = node.get("additionalProperties")
        if extra is True:
            return ANY
        if isinstance(extra, Mapping):
            return self.type_of(extra, file, f"{pointer}/additionalProperties", Place.inside(owner, "Value"))
        return None

    def _literal_discriminator(self, fields: dict[str, Field], node: Mapping[str, Any], file: str,
                               value: str) -> dict[str, Field]:
        """A Swagger 2 child pins its base's discriminator property to its own value."""
        for i, part in substantive(node.get("allOf")):
            if "$ref" not in part:
                continue
            prop = discriminator_property(self.resolve(str(part["$ref"]), file).node)
            if prop and prop in fields:
                old = fields[prop]
                fields[prop] = Field(old.name, LiteralOf(value), old.required, old.description,
                                     client_name=old.client_name, extensions=old.extensions)
        return fields

    # ------------------------------------------------------------------ enums

    def _enum(self, node: Mapping[str, Any], name: str) -> EnumModel:
        raw = non_null_enum(node) or []
        ms_enum = node.get("x-ms-enum")
        described: dict[Any, tuple[str | None, str | None]] = {}
        if isinstance(ms_enum, Mapping) and isinstance(ms_enum.get("values"), list):
            for entry in ms_enum["values"]:
                if isinstance(entry, Mapping) and "value" in entry:
                    described[entry["value"]] = (_text(entry, "name"), _text(entry, "description"))
        values = tuple(EnumValue(v, *described.get(v, (None, None))) for v in raw if _literal_ok(v))
        return EnumModel(
            name,
            values,
            _enum_base(node, raw) or "string",
            _enum_is_open(node),
            _text(node, "description"),
            _text(node, "title"),
            node.get("deprecated") is True,
        )

    # ------------------------------------------------------------------ unions

    def _union_model(self, node: Mapping[str, Any], file: str, pointer: str, name: str) -> UnionModel:
        ukey = union_key(node) or "oneOf"
        plan = self._plan_discriminator(node, ukey, file)
        variants = self._variants(node, ukey, file, pointer, Place(name, name, ""), plan)
        disc = self._discriminator(node, plan, variants, file) if plan else None
        return UnionModel(name, variants, disc, _text(node, "description"), _text(node, "title"),
                          node.get("deprecated") is True)

    def _inline_union(self, node: Mapping[str, Any], ukey: str, file: str, pointer: str, place: Place) -> TypeRef:
        plan = self._plan_discriminator(node, ukey, file)
        if plan is not None:
            return self._hoist_union(node, file, pointer, place)
        return UnionOf(self._variants(node, ukey, file, pointer, place, None))

    def _hoist_union(self, node: Mapping[str, Any], file: str, pointer: str, place: Place) -> TypeRef:
        key = (file, pointer)
        name = self._by_location.get(key)
        if name is None:
            name = self._names.claim(place.wanted)
            self._by_location[key] = name
            model = self._union_model(node, file, pointer, name)
            self.models[name] = _placed(model, place.parent, place.member, Source(file, pointer))
        return Ref(name)

    def _plan_discriminator(self, node: Mapping[str, Any], ukey: str, file: str
                            ) -> tuple[str, list[str | None], bool] | None:
        """(property, each variant's value as the variant itself says, implicit) or None."""
        declared = discriminator_property(node)
        parts = substantive(node[ukey])
        prop = declared or "type"
        values = [self._own_value(part, file, prop) for _, part in parts]
        if declared:
            return declared, values, False
        if parts and all(v is not None for v in values) and len(set(values)) == len(values) \
                and all(self._is_objectish(part, file) for _, part in parts):
            return prop, values, True
        return None

    def _variants(self, node: Mapping[str, Any], ukey: str, file: str, pointer: str, place: Place,
                  plan: tuple[str, list[str | None], bool] | None) -> tuple[TypeRef, ...]:
        out: list[TypeRef] = []
        parts = substantive(node[ukey])
        shapes = [_shape_member(part) for _, part in parts]
        values = plan[1] if plan else self._naming_values(parts, file)
        for n, (i, part) in enumerate(parts):
            value = values[n]
            shape = shapes[n] if shapes[n] is not None and shapes.count(shapes[n]) == 1 else None
            member = pascal(value) if value else _title_member(part) or shape or f"Variant{n + 1}"
            child = place.child(member)
            out.append(_strip_null(self.type_of(part, file, f"{pointer}/{ukey}/{i}", child)))
        return tuple(out)

    def _naming_values(self, parts: list[tuple[int, Any]], file: str) -> list[str | None]:
        """Values that tell variants apart without being declared a discriminator (an SSE
        union's `event`), used only to name inline variants."""
        for prop in _NAMING_PROPERTIES:
            values = [self._own_value(part, file, prop) for _, part in parts]
            if all(v is not None for v in values) and len(set(values)) == len(values):
                return values
        return [None] * len(parts)

    def _discriminator(self, node: Mapping[str, Any], plan: tuple[str, list[str | None], bool],
                       variants: tuple[TypeRef, ...], file: str) -> Discriminator | None:
        prop, values, implicit = plan
        mapping: dict[str, str] = {}
        for key, ref in discriminator_mapping(node).items():
            mapping[key] = self._model_at(self.resolve(ref, file))
        mapped = set(mapping.values())
        for value, variant in zip(values, variants):
            if not isinstance(variant, Ref):
                continue
            if variant.name in mapped:
                continue
            model = self.models.get(variant.name)
            own = value or (model.discriminator_value if isinstance(model, ObjectModel) else None)
            mapping[own or variant.name] = variant.name
        if not mapping:
            return None
        return Discriminator(prop, tuple(mapping.items()), implicit)

    def _own_value(self, part: Any, file: str, prop: str, depth: int = 0) -> str | None:
        """The single value a variant pins on `prop` (`enum: [x]`, `const: x`), or its
        `x-ms-discriminator-value`."""
        if depth > 8 or not isinstance(part, Mapping):
            return None
        if "$ref" in part:
            resolved = self.resolve(str(part["$ref"]), file)
            return self._own_value(resolved.node, resolved.file, prop, depth + 1)
        props = part.get("properties")
        if isinstance(props, Mapping) and prop in props:
            schema = props[prop]
            if isinstance(schema, Mapping) and "$ref" in schema:
                schema = self.resolve(str(schema["$ref"]), file).node
            if isinstance(schema, Mapping):
                if "const" in schema and isinstance(schema["const"], (str, int)):
                    return str(schema["const"])
                enum = non_null_enum(schema)
                if enum is not None and len(enum) == 1 and isinstance(enum[0], (str, int)):
                    return str(enum[0])
        for _, sub in substantive(part.get("allOf")):
            found = self._own_value(sub, file, prop, depth + 1)
            if found is not None:
                return found
        value = part.get("x-ms-discriminator-value")
        return value if isinstance(value, str) else None

    def _is_objectish(self, part: Any, file: str, depth: int = 0) -> bool:
        if depth > 8 or not isinstance(part, Mapping):
            return False
        if "$ref" in part:
            resolved = self.resolve(str(part["$ref"]), file)
            return self._is_objectish(resolved.node, resolved.file, depth + 1)
        return "properties" in part or "allOf" in part

    # ------------------------------------------------------------------ Swagger 2 polymorphism

    def _is_poly_base(self, resolved: Resolved) -> bool:
        """A base that became a union of its children: extending it is not inheriting a model."""
        node = resolved.node
        return (isinstance(node, Mapping) and discriminator_property(node) is not None
                and union_key(node) is None and bool(self._children_of((resolved.file, resolved.pointer))))

    def _children_of(self, base: Location) -> list[Location]:
        if self._children is None:
            self._children = self._find_children()
        return self._children.get(base, [])

    def _find_children(self) -> dict[Location, list[Location]]:
        """Schemas that extend a base carrying a `discriminator` by `allOf` (in every file)."""
        children: dict[Location, list[Location]] = {}
        files = dict(self.doc.files)
        files.setdefault(self.doc.entry, self.doc.root)
        for file in sorted(files):
            schemas = _components(files[file])
            for name in sorted(schemas):
                node = schemas[name]
                if not isinstance(node, Mapping):
                    continue
                for _, part in substantive(node.get("allOf")):
                    if "$ref" not in part:
                        continue
                    target = self.resolve(str(part["$ref"]), file)
                    if isinstance(target.node, Mapping) and discriminator_property(target.node):
                        pointer = "/components/schemas/" + escape_pointer(name)
                        children.setdefault((target.file, target.pointer), []).append((file, pointer))
        return children

    def _poly_union(self, node: Mapping[str, Any], file: str, pointer: str, name: str) -> UnionModel:
        prop = discriminator_property(node) or "type"
        explicit = {self.resolve(ref, file).pointer: value for value, ref in discriminator_mapping(node).items()}
        variants: list[TypeRef] = []
        mapping: list[tuple[str, str]] = []
        for child_file, child_pointer in self._children_of((file, pointer)):
            child = self.resolve("#" + child_pointer, child_file)
            child_name = self._model_at(child)
            variants.append(Ref(child_name))
            value = explicit.get(child_pointer) or self._own_value(child.node, child_file, prop) or child_name
            mapping.append((value, child_name))
        return UnionModel(name, tuple(variants), Discriminator(prop, tuple(mapping)), _text(node, "description"),
                          _text(node, "title"), node.get("deprecated") is True)


# ---------------------------------------------------------------------- helpers


def _components(root: Any) -> Mapping[str, Any]:
    if not isinstance(root, Mapping):
        return {}
    components = root.get("components")
    if isinstance(components, Mapping) and isinstance(components.get("schemas"), Mapping):
        return components["schemas"]  # type: ignore[no-any-return]
    return {}


def _name_for_location(resolved: Resolved) -> str:
    pointer = resolved.pointer
    for prefix in _SCHEMA_POINTER_PREFIXES:
        if pointer.startswith(prefix) and "/" not in pointer[len(prefix):]:
            return resolved.name
    if pointer in ("", "/"):
        stem = resolved.file.replace("\\", "/").rsplit("/", 1)[-1].split(".", 1)[0]
        return pascal(stem) or "Schema"
    segments = [s for s in pointer.split("/") if s and s not in ("properties", "items", "components", "schemas")]
    return "".join(pascal(s) for s in segments[-2:]) or "Schema"


def _nullable(t: TypeRef) -> TypeRef:
    return t if isinstance(t, Nullable) else Nullable(t)


def _strip_null(t: TypeRef) -> TypeRef:
    return t.inner if isinstance(t, Nullable) else t


def _text(node: Mapping[str, Any], key: str) -> str | None:
    value = node.get(key)
    return value if isinstance(value, str) else None


def _required(node: Mapping[str, Any]) -> list[str]:
    req = node.get("required")
    return [r for r in req if isinstance(r, str)] if isinstance(req, list) else []


def _replace_required(f: Field, required: bool) -> Field:
    return replace(f, required=required)


def _literal_ok(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def _enum_is_open(node: Mapping[str, Any]) -> bool:
    ms_enum = node.get("x-ms-enum")
    return isinstance(ms_enum, Mapping) and ms_enum.get("modelAsString") is True


def _enum_base(node: Mapping[str, Any], values: list[Any]) -> Literal["string", "integer", "number"] | None:
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


def _title_member(part: Any) -> str | None:
    if not isinstance(part, Mapping) or "$ref" in part:
        return None
    title = _text(part, "title")
    if title and len(words(title)) <= _MAX_TITLE_WORDS:
        return pascal(title) or None
    return None


def _shape_member(part: Any) -> str | None:
    """`Enum`, `Object` or `Array`: a readable member name for an unnamed union variant."""
    if not isinstance(part, Mapping) or "$ref" in part:
        return None
    if isinstance(part.get("enum"), list):
        return "Enum"
    if isinstance(part.get("properties"), Mapping) or isinstance(part.get("allOf"), list):
        return "Object"
    if part.get("type") == "array" or "items" in part:
        return "Array"
    return None


def _placed(model: Model, parent: str | None, member: str | None, source: Source) -> Model:
    # Lines are not looked up here: the locator is only asked when a message needs one.
    if parent is None or member in (None, ""):
        return replace(model, source=source)
    return replace(model, parent=parent, member=member, source=source)

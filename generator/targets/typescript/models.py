"""The view of one models file: declarations (with namespaces), conversion functions, imports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.encoders.typescript import ts_literal, ts_object_key, ts_str
from generator.flavors.flavor import Flavor
from generator.ir.model import (
    AliasModel,
    EnumModel,
    Field,
    Model,
    Nullable,
    ObjectModel,
    UnionModel,
    UnionOf,
)
from generator.targets.typescript.convert import (
    DIRECTIONS,
    Converter,
    Direction,
    conversion_needed,
    function_name,
)
from generator.targets.typescript.names import doc_text
from generator.targets.typescript.naming import Naming
from generator.targets.typescript.types import TypeWriter, literal_type

View = dict[str, Any]


def join_doc(*parts: str) -> str:
    """Doc-comment text from pieces, one or more lines each; empty pieces left out."""
    return "\n".join(p for p in parts if p)


def _doc(model: Model, flavor: Flavor) -> str:
    text = doc_text(model.description or model.title, flavor.doc_link_base)
    return join_doc(text, "@deprecated" if model.deprecated else "")


def field_doc(f: Field, flavor: Flavor) -> str:
    text = doc_text(f.description, flavor.doc_link_base)
    return join_doc(text, "@deprecated" if f.deprecated else "")


def discriminator_overrides(model: ObjectModel, naming: Naming) -> dict[str, str]:
    """A subtype's discriminator field narrows to its own value, so the union discriminates."""
    out: dict[str, str] = {}
    if model.discriminator_value is None:
        return out
    for base in model.bases:
        poly = naming.polymorphic.get(base)
        if poly is not None:
            out[poly.property] = model.discriminator_value
    return out


def defaulted_tags(models: Mapping[str, Model]) -> dict[str, set[str]]:
    """Variant model → its discriminator fields that a payload may leave out: the
    union's default tag selects that variant."""
    out: dict[str, set[str]] = {}
    for model in models.values():
        disc = model.discriminator if isinstance(model, UnionModel) else None
        if disc is None or disc.default is None:
            continue
        for value, variant in disc.mapping:
            if value == disc.default:
                out.setdefault(variant, set()).add(disc.property)
    return out


class ModelsFile:
    """Builds the view for the models that `assign_models` put in one file."""

    def __init__(
        self,
        names: list[str],
        naming: Naming,
        flavor: Flavor,
        placement: dict[str, str],
        cyclic: frozenset[str],
    ) -> None:
        self.names = names
        self.naming = naming
        self.flavor = flavor
        in_file = set(names)
        self.ns_names = frozenset(naming.short[n] for n in names if naming.root[n] != n)
        self.writer = TypeWriter(
            naming,
            flavor,
            shadowed=self.ns_names,
            placement=placement,
            cyclic=cyclic,
        )
        self.converter = Converter(naming, flavor)
        self.in_file = in_file
        self.defaulted = defaulted_tags(naming.models)

    def view(self) -> View:
        roots = [n for n in self.names if self.naming.root[n] == n]
        decls = [self._decl(n, False) for n in roots]
        functions: list[View] = []
        if conversion_needed(self.flavor):
            for n in self.names:
                functions.extend(self._functions(n))
        return {
            "decls": decls,
            "functions": functions,
            "module_imports": [
                {"alias": alias, "path": "./" + stem + ".js"}
                for alias, stem in sorted(self.writer.module_aliases.items())
            ],
        }

    # ----------------------------------------------------------------- declarations

    def _decl(self, name: str, nested: bool) -> View:
        model = self.naming.models[name]
        short = self.naming.short[name]
        children = [self._decl(c, True) for c in self.naming.children.get(name, ())]
        view: View = {
            "name": short,
            "doc": _doc(model, self.flavor),
            "namespace": children,
            "extra": [],
        }
        if isinstance(model, ObjectModel) and (
            model.fields or model.additional_properties is None
        ):
            view.update(kind="interface", members=self._members(model, nested))
        elif isinstance(model, EnumModel):
            text, allowed = self._enum(model)
            view.update(kind="alias", type=text)
            view["doc"] = join_doc(view["doc"], allowed)
        else:
            view.update(kind="alias", type=self.writer.declaration(name, nested))
        poly = self.naming.polymorphic.get(name)
        if poly is not None:
            variants = [self.writer.ref(v, nested) for _, v in poly.variants]
            variants.append(self.naming.qualified[name])
            view["extra"] = [
                {
                    "name": poly.union_name,
                    "doc": f"Any of the kinds of `{short}`, told apart by `{poly.property}`.",
                    "type": " | ".join(variants),
                }
            ]
        return view

    def _members(self, model: ObjectModel, nested: bool) -> list[View]:
        overrides = discriminator_overrides(model, self.naming)
        defaulted = self.defaulted.get(model.name, set())
        members = []
        for m in self.naming.members[model.name]:
            f = m.field
            if f.name in overrides:
                text = ts_str(overrides[f.name])
            else:
                text = self.writer.write(f.type, nested)
            members.append(
                {
                    "key": m.key,
                    "optional": not f.required or f.name in defaulted,
                    "type": text,
                    "doc": field_doc(f, self.flavor),
                }
            )
        return members

    def _enum(self, model: EnumModel) -> tuple[str, str]:
        """(type, doc line naming the allowed values when the type cannot list them)."""
        base = "string" if model.base == "string" else "number"
        values = [literal_type(v.value) for v in model.values]
        if not values:
            return base, ""
        if None in values:
            allowed = ", ".join(ts_literal(v.value) for v in model.values)
            return base, f"One of {allowed}."
        texts = [v for v in values if v is not None]
        if model.open:
            texts.append(f"({base} & {{}})")
        return " | ".join(texts), ""

    # ----------------------------------------------------------------- conversion

    def _functions(self, name: str) -> list[View]:
        model = self.naming.models[name]
        qualified = self.naming.qualified[name]
        out: list[View] = []
        if isinstance(model, ObjectModel):
            for direction in DIRECTIONS:
                out.append(self._object_function(model, qualified, direction))
        elif isinstance(model, (UnionModel, AliasModel)) and self.converter.model_needs(
            name
        ):
            for d in DIRECTIONS:
                target = model.target if isinstance(model, AliasModel) else None
                if target is not None:
                    body = self.converter.expr(target, "item", d)
                else:
                    assert isinstance(model, UnionModel)
                    body = self._union_dispatch(model, d)
                out.append(self._function(d, qualified, qualified, body))
        poly = self.naming.polymorphic.get(name)
        if poly is not None:
            union_qualified = self.naming.ts(name)
            for d2 in DIRECTIONS:
                key = ts_str(self._wire_or_member(name, poly.property, d2))
                cases = [
                    f"item?.[{key}] === {ts_str(value)} ? "
                    f"{self.converter.call(variant, 'item', d2)} : "
                    for value, variant in poly.variants
                ]
                base_call = f"{function_name(d2, qualified)}(item)"
                out.append(
                    self._function(
                        d2, union_qualified, union_qualified, "".join(cases) + base_call
                    )
                )
        return out

    def _wire_or_member(self, base: str, prop: str, direction: Direction) -> str:
        """The discriminator as the input spells it: wire name in, member name out."""
        if direction == "deserialize":
            return prop
        return self.naming.member(base, prop)

    def _union_dispatch(self, model: UnionModel, direction: Direction) -> str:
        return self.converter.expr(
            UnionOf(model.variants, model.discriminator), "item", direction
        )

    def _object_function(
        self, model: ObjectModel, qualified: str, direction: Direction
    ) -> View:
        entries = []
        for m in self.naming.members[model.name]:
            f = m.field
            source = f.name if direction == "deserialize" else m.key
            target = m.key if direction == "deserialize" else f.name
            access = f"item[{ts_str(source)}]"
            # A missing or null value passes through even where the spec says it cannot
            # be: servers send payloads older or newer than the spec.
            inner = f.type.inner if isinstance(f.type, Nullable) else f.type
            converted = self.converter.expr(inner, access, direction)
            if converted != access:
                converted = f"{access} == null ? {access} : {converted}"
            entries.append(f"{ts_object_key(target)}: {converted},")
        body_lines = ["return {", *("  " + e for e in entries), "};"]
        return {
            "name": function_name(direction, qualified),
            # Partial: request params leave out read-only members the model requires.
            "param": (
                "item: any"
                if direction == "deserialize"
                else f"item: Partial<{qualified}>"
            ),
            "returns": qualified if direction == "deserialize" else "any",
            "body": body_lines,
        }

    def _function(
        self, direction: Direction, qualified: str, type_text: str, expr: str
    ) -> View:
        # Unions take `any` both ways: a base's `type: string` keeps TypeScript from
        # narrowing the union by the discriminator test.
        return {
            "name": function_name(direction, qualified),
            "param": "item: any",
            "returns": type_text if direction == "deserialize" else "any",
            "body": [f"return {expr};"],
        }

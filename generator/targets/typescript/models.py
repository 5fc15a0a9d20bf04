"""The view of one models file: declarations (with namespaces), conversion functions, imports."""

from __future__ import annotations

from typing import Any

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
    member_name,
)
from generator.targets.typescript.names import doc_lines, property_key, string_literal
from generator.targets.typescript.naming import Naming
from generator.targets.typescript.types import TypeWriter, literal_text

View = dict[str, Any]


def _doc(model: Model, flavor: Flavor) -> list[str]:
    lines = list(doc_lines(model.description or model.title, flavor.doc_link_base))
    if model.deprecated:
        lines.append("@deprecated")
    return lines


def field_doc(f: Field, flavor: Flavor) -> list[str]:
    lines = list(doc_lines(f.description, flavor.doc_link_base))
    if f.deprecated:
        lines.append("@deprecated")
    return lines


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


class ModelsFile:
    """Builds the view for the models that `assign_models` put in one file."""

    def __init__(
        self,
        names: list[str],
        naming: Naming,
        flavor: Flavor,
        placement: dict[str, str],
    ) -> None:
        self.names = names
        self.naming = naming
        self.flavor = flavor
        in_file = set(names)
        self.ns_names = frozenset(naming.short[n] for n in names if naming.root[n] != n)
        self.writer = TypeWriter(
            naming, flavor, shadowed=self.ns_names, placement=placement
        )
        self.converter = Converter(naming, flavor)
        self.in_file = in_file

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
        if isinstance(model, ObjectModel):
            view.update(self._interface(model, nested))
        elif isinstance(model, EnumModel):
            view.update(kind="alias", type=self._enum(model))
        elif isinstance(model, UnionModel):
            view.update(kind="alias", type=self._union(model, nested))
        elif isinstance(model, AliasModel):
            view.update(kind="alias", type=self.writer.write(model.target, nested))
        poly = self.naming.polymorphic.get(name)
        if poly is not None:
            variants = [self.writer.ref(v, nested) for _, v in poly.variants]
            variants.append(self.naming.qualified[name])
            view["extra"] = [
                {
                    "name": poly.union_name,
                    "doc": [
                        f"Any of the kinds of `{short}`, told apart by `{poly.property}`."
                    ],
                    "type": " | ".join(variants),
                }
            ]
        return view

    def _interface(self, model: ObjectModel, nested: bool) -> View:
        overrides = discriminator_overrides(model, self.naming)
        if not model.fields and model.additional_properties is not None:
            values = self.writer.write(model.additional_properties, nested)
            return {"kind": "alias", "type": f"Record<string, {values}>"}
        members = []
        for f in model.fields:
            if f.name in overrides:
                text = string_literal(overrides[f.name])
            else:
                text = self.writer.write(f.type, nested)
            members.append(
                {
                    "key": property_key(member_name(f, self.flavor)),
                    "optional": not f.required,
                    "type": text,
                    "doc": field_doc(f, self.flavor),
                }
            )
        return {"kind": "interface", "members": members}

    def _enum(self, model: EnumModel) -> str:
        values = [literal_text(v.value) for v in model.values]
        if not values:
            return "string" if model.base == "string" else "number"
        if model.open:
            values.append(
                "(string & {})" if model.base == "string" else "(number & {})"
            )
        return " | ".join(values)

    def _union(self, model: UnionModel, nested: bool) -> str:
        tag = model.discriminator.property if model.discriminator else None
        return self.writer.union(model.variants, tag, nested)

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
                key = string_literal(self._wire_or_member(name, poly.property, d2))
                cases = [
                    f"item?.[{key}] === {string_literal(value)} ? "
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
        model = self.naming.models[base]
        if direction == "deserialize" or not isinstance(model, ObjectModel):
            return prop
        for f in model.fields:
            if f.name == prop:
                return member_name(f, self.flavor)
        return prop

    def _union_dispatch(self, model: UnionModel, direction: Direction) -> str:
        return self.converter.expr(
            UnionOf(model.variants, model.discriminator), "item", direction
        )

    def _object_function(
        self, model: ObjectModel, qualified: str, direction: Direction
    ) -> View:
        entries = []
        for f in model.fields:
            member = member_name(f, self.flavor)
            source = f.name if direction == "deserialize" else member
            target = member if direction == "deserialize" else f.name
            access = f"item[{string_literal(source)}]"
            # A missing or null value passes through even where the spec says it cannot
            # be: servers send payloads older or newer than the spec.
            inner = f.type.inner if isinstance(f.type, Nullable) else f.type
            converted = self.converter.expr(inner, access, direction)
            if converted != access:
                converted = f"{access} == null ? {access} : {converted}"
            entries.append(f"{property_key(target)}: {converted},")
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

"""Wire ↔ client conversion code, for flavors whose members or dates differ from the wire.

Each object model gets `deserialize<Name>(item: any): Name` (wire → client) and
`serialize<Name>(item: Name): any` (client → wire); unions dispatch on their
discriminator. A flavor that keeps wire names and numeric timestamps needs none of
this (`conversion_needed` is False) and the generated code passes JSON through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.encoders.typescript import ts_str
from generator.flavors.flavor import Flavor
from generator.ir.model import (
    AliasModel,
    ArrayOf,
    EnumModel,
    MapOf,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)
from generator.targets.typescript.naming import Naming
from generator.targets.typescript.types import is_date

Direction = Literal["deserialize", "serialize"]
DIRECTIONS: tuple[Direction, Direction] = ("deserialize", "serialize")


def conversion_needed(flavor: Flavor) -> bool:
    return flavor.ts_member_case != "wire" or flavor.unixtime_as_datetime


def function_name(direction: Direction, qualified: str) -> str:
    return direction + qualified.replace(".", "_")


@dataclass
class Converter:
    naming: Naming
    flavor: Flavor
    functions: set[str] = field(default_factory=set)
    """IR model names whose conversion functions the code calls."""
    _needs: dict[str, bool] = field(default_factory=dict)

    def model_needs(self, name: str) -> bool:
        if name in self._needs:
            return self._needs[name]
        self._needs[name] = False  # cycles: assume no until shown otherwise
        model = self.naming.models[name]
        result: bool
        if name in self.naming.polymorphic or isinstance(model, ObjectModel):
            result = True
        elif isinstance(model, UnionModel):
            result = any(self.needs(v) for v in model.variants)
        elif isinstance(model, AliasModel):
            result = self.needs(model.target)
        else:
            result = False
        self._needs[name] = result
        return result

    def needs(self, t: TypeRef | None) -> bool:
        if t is None:
            return False
        if isinstance(t, Primitive):
            return is_date(t, self.flavor)
        if isinstance(t, Nullable):
            return self.needs(t.inner)
        if isinstance(t, ArrayOf):
            return self.needs(t.items)
        if isinstance(t, MapOf):
            return self.needs(t.values)
        if isinstance(t, Ref):
            return t.name in self.naming.models and self.model_needs(t.name)
        if isinstance(t, UnionOf):
            return any(self.needs(v) for v in t.variants)
        return False

    def expr(self, t: TypeRef, value: str, direction: Direction, depth: int = 0) -> str:
        """An expression converting `value` (already known not to be undefined)."""
        if not self.needs(t):
            return value
        if isinstance(t, Primitive):
            if t.format == "unixtime" or t.kind in ("integer", "number"):
                return (
                    f"new Date({value} * 1000)"
                    if direction == "deserialize"
                    else f"Math.floor({value}.getTime() / 1000)"
                )
            return (
                f"new Date({value})"
                if direction == "deserialize"
                else f"{value}.toISOString()"
            )
        if isinstance(t, Nullable):
            return f"{value} == null ? {value} : {self.expr(t.inner, value, direction, depth)}"
        var = f"v{depth}"
        if isinstance(t, ArrayOf):
            inner = self.expr(t.items, var, direction, depth + 1)
            return f"{value}.map(({var}: any) => {inner})"
        if isinstance(t, MapOf):
            inner = self.expr(t.values, var, direction, depth + 1)
            return f"Core.mapValues({value}, ({var}: any) => {inner})"
        if isinstance(t, Ref):
            return self.call(t.name, value, direction)
        if isinstance(t, UnionOf):
            return self._inline_union(t, value, direction, depth)
        return value

    def call(self, name: str, value: str, direction: Direction) -> str:
        model = self.naming.models[name]
        if isinstance(model, EnumModel):
            return value
        self.functions.add(name)
        return f"{function_name(direction, self.naming.ts(name))}({value})"

    def _inline_union(
        self, t: UnionOf, value: str, direction: Direction, depth: int
    ) -> str:
        # A plain variable is tested directly; any other expression is evaluated once.
        var = value if value.isidentifier() else f"u{depth}"

        def wrap(body: str) -> str:
            return body if var == value else f"(({var}: any) => {body})({value})"

        if t.discriminator is not None:
            prop = t.discriminator.property
            default = t.discriminator.default
            cases = []
            for disc_value, model in t.discriminator.mapping:
                if model in self.naming.models:
                    # The wire spells the tag as the spec does; the client, as its member.
                    key = (
                        prop
                        if direction == "deserialize"
                        else self.naming.member(model, prop)
                    )
                    tag = f"{var}?.[{ts_str(key)}]"
                    if default is not None:
                        tag = f"({tag} ?? {ts_str(default)})"
                    cases.append(
                        f"{tag} === {ts_str(disc_value)} ? "
                        f"{self.call(model, var, direction)} : "
                    )
            return wrap("".join(cases) + var)
        arrays = [v for v in t.variants if isinstance(v, ArrayOf) and self.needs(v)]
        objects = [v for v in t.variants if isinstance(v, Ref) and self.needs(v)]
        dates = [v for v in t.variants if isinstance(v, Primitive) and self.needs(v)]
        parts = []
        if arrays:
            parts.append(
                f"Array.isArray({var}) ? {self.expr(arrays[0], var, direction, depth + 1)} : "
            )
        if objects:
            parts.append(
                f"typeof {var} === 'object' && {var} !== null && !Array.isArray({var}) ? "
                f"{self.expr(objects[0], var, direction, depth + 1)} : "
            )
        if dates:
            test = (
                f"{var} instanceof Date"
                if direction == "serialize"
                else f"typeof {var} === 'number'"
            )
            parts.append(
                f"{test} ? {self.expr(dates[0], var, direction, depth + 1)} : "
            )
        return wrap("".join(parts) + var)

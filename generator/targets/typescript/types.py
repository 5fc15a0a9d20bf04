"""IR types → TypeScript type text."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from generator.encoders.typescript import ts_number, ts_str
from generator.flavors.flavor import Flavor
from generator.ir.model import (
    ArrayOf,
    LiteralOf,
    MapOf,
    Nullable,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)
from generator.naming.allocator import Scope
from generator.targets.typescript.cycles import alias_body, record_alias
from generator.targets.typescript.naming import Naming

DATE_FORMATS = frozenset({"unixtime", "date-time"})
MAX_SAFE_INTEGER = 2**53 - 1


def is_date(t: Primitive, flavor: Flavor) -> bool:
    """Timestamps become `Date` where the flavor says so (`unixtime` ↔ seconds on the wire)."""
    return flavor.unixtime_as_datetime and t.format in DATE_FORMATS


def literal_type(value: str | float | bool) -> str | None:
    """The literal type of a value, or None where TypeScript has none: NaN, the
    infinities (`1e400`), and integers a number cannot hold exactly."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return ts_str(value)
    if isinstance(value, int):
        return str(value) if abs(value) <= MAX_SAFE_INTEGER else None
    return ts_number(value) if math.isfinite(value) else None


@dataclass
class TypeWriter:
    """Writes types for one file, remembering which models it referenced."""

    naming: Naming
    flavor: Flavor
    shadowed: frozenset[str] = frozenset()
    """Names a namespace member of this file hides; inside namespaces, a reference whose
    first segment is one of them goes through a module import (`$shared.InputAudio...`)."""
    placement: dict[str, str] = field(default_factory=dict)
    """IR model name → models file stem, for those module imports."""
    module: Scope | None = None
    """The file's own names, when an imported model name may clash with one of them:
    the import then takes a local alias from this scope."""
    cyclic: frozenset[str] = frozenset()
    """Aliases on an eager cycle (`eager_cycles`): their maps are written as index
    signatures, and members that are aliases of the cycle are written out in place."""
    refs: set[str] = field(default_factory=set)
    imported: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Name written first in a reference → (IR root model, local name in this file)."""
    module_aliases: dict[str, str] = field(default_factory=dict)
    """Alias → models file stem of the module imports the shadowing needed."""
    uses_core: bool = False
    """True once a type names the runtime (`Core.UnknownVariant`)."""
    _deferred_maps: bool = False

    def write(self, t: TypeRef, in_namespace: bool = False) -> str:
        if isinstance(t, Primitive):
            return self._primitive(t)
        if isinstance(t, Nullable):
            inner = self.write(t.inner, in_namespace)
            return inner if inner.endswith("| null") else f"{inner} | null"
        if isinstance(t, ArrayOf):
            return f"Array<{self.write(t.items, in_namespace)}>"
        if isinstance(t, MapOf):
            if isinstance(t.values, Primitive) and t.values.kind == "any":
                return self.flavor.ts_free_form_object
            values = self.write(t.values, in_namespace)
            if self._deferred_maps:
                return f"{{ [key: string]: {values} }}"
            return f"Record<string, {values}>"
        if isinstance(t, LiteralOf):
            return literal_type(t.value) or "number"
        if isinstance(t, Ref):
            return self.ref(t.name, in_namespace)
        if isinstance(t, UnionOf):
            prop = t.discriminator.property if t.discriminator else None
            return self.union(t.variants, prop, in_namespace)
        raise TypeError(f"unknown type {t!r}")

    def union(
        self, variants: tuple[TypeRef, ...], tag: str | None, in_namespace: bool
    ) -> str:
        """`A | B`; a discriminated union also admits a variant a newer server may send."""
        parts: list[str] = []
        for v in variants:
            text = self.write(v, in_namespace)
            if text not in parts:
                parts.append(text)
        if not parts:
            return "unknown"
        if tag is not None:
            self.uses_core = True
            parts.append(f"Core.UnknownVariant<{ts_str(tag)}>")
        return " | ".join(parts)

    def declaration(self, name: str, in_namespace: bool = False) -> str:
        """The right-hand side of `type X = ...` for a model written as an alias."""
        model = self.naming.models[name]
        body = alias_body(model)
        tag = (
            model.discriminator.property
            if isinstance(model, UnionModel) and model.discriminator
            else None
        )
        if name not in self.cyclic:
            return self.union(body, tag, in_namespace)
        # Members that are aliases of the same cycle are replaced by what they stand
        # for, which is the same type, so nothing needs an alias resolved early.
        flat: list[TypeRef] = []
        nullable = False
        seen = {name}
        pending = list(reversed(body))
        while pending:
            t = pending.pop()
            if isinstance(t, Nullable):
                nullable = True
                pending.append(t.inner)
            elif isinstance(t, UnionOf):
                pending.extend(reversed(t.variants))
            elif (
                isinstance(t, Ref)
                and t.name in self.cyclic
                and not record_alias(self.naming.models[t.name])
            ):
                if t.name not in seen:
                    seen.add(t.name)
                    pending.extend(reversed(alias_body(self.naming.models[t.name])))
            else:
                flat.append(t)
        self._deferred_maps = True
        try:
            text = self.union(tuple(flat), tag, in_namespace)
        finally:
            self._deferred_maps = False
        return f"{text} | null" if nullable and not text.endswith("| null") else text

    def ref(self, name: str, in_namespace: bool = False) -> str:
        if name not in self.naming.qualified:
            return "unknown"
        self.refs.add(name)
        text = self.naming.ts(name)
        head, dot, rest = text.partition(".")
        if in_namespace and head in self.shadowed:
            stem = self.placement[self.naming.root[name]]
            alias = "$" + stem.replace("-", "_")
            self.module_aliases[alias] = stem
            return alias + "." + text
        if head not in self.imported:
            local = head
            if self.module is not None:
                local = self.module.claim(head, f"the import of `{head}`")
            self.imported[head] = (self.naming.root[name], local)
        return self.imported[head][1] + dot + rest

    def _primitive(self, t: Primitive) -> str:
        if t.kind == "string":
            if t.format == "binary":
                return "Blob"
            return "Date" if is_date(t, self.flavor) else "string"
        if t.kind in ("integer", "number"):
            return "Date" if is_date(t, self.flavor) else "number"
        if t.kind == "boolean":
            return "boolean"
        return "unknown"

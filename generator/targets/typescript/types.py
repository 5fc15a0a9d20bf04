"""IR types → TypeScript type text."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.flavors.flavor import Flavor
from generator.ir.model import (
    ArrayOf,
    LiteralOf,
    MapOf,
    Nullable,
    Primitive,
    Ref,
    TypeRef,
    UnionOf,
)
from generator.targets.typescript.names import string_literal
from generator.targets.typescript.naming import Naming

DATE_FORMATS = frozenset({"unixtime", "date-time"})


def is_date(t: Primitive, flavor: Flavor) -> bool:
    """Timestamps become `Date` where the flavor says so (`unixtime` ↔ seconds on the wire)."""
    return flavor.unixtime_as_datetime and t.format in DATE_FORMATS


def literal_text(value: str | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return string_literal(value)
    return repr(value)


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
    refs: set[str] = field(default_factory=set)
    module_aliases: dict[str, str] = field(default_factory=dict)
    """Alias → models file stem of the module imports the shadowing needed."""
    uses_core: bool = False
    """True once a type names the runtime (`Core.UnknownVariant`)."""

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
            return f"Record<string, {self.write(t.values, in_namespace)}>"
        if isinstance(t, LiteralOf):
            return literal_text(t.value)
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
            parts.append(f"Core.UnknownVariant<{string_literal(tag)}>")
        return " | ".join(parts)

    def ref(self, name: str, in_namespace: bool = False) -> str:
        if name not in self.naming.qualified:
            return "unknown"
        self.refs.add(name)
        text = self.naming.ts(name)
        if in_namespace and text.split(".", 1)[0] in self.shadowed:
            stem = self.placement[self.naming.root[name]]
            alias = "$" + stem.replace("-", "_")
            self.module_aliases[alias] = stem
            return alias + "." + text
        return text

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

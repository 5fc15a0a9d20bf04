"""Compare two IRs and say, change by change, whether it breaks code written against the old SDK.

What breaks depends on which way data flows. A model reached from a request (a body
or a parameter) is written by the user: removing a field or an enum value, making a
field required, or narrowing a type breaks their calls. A model reached from a
response is read by the user: removing a field, making it optional or nullable, or
widening its type breaks their reads. A model used both ways gets both rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from generator.diff.changes import SHARED, Action, Change, Changelog, Subject
from generator.ir.refs import model_refs, type_refs
from generator.ir.model import (
    AliasModel,
    Api,
    ArrayOf,
    EnumModel,
    Field,
    LiteralOf,
    MapOf,
    Model,
    Nullable,
    ObjectModel,
    Operation,
    Parameter,
    Primitive,
    Ref,
    Resource,
    TypeRef,
    UnionModel,
    UnionOf,
)

REQUEST = 1
RESPONSE = 2
BOTH = REQUEST | RESPONSE


def compare(
    old: Api, new: Api, old_label: str = "old", new_label: str = "new"
) -> Changelog:
    before, after = _Side.of(old), _Side.of(new)
    found = _Differ(before, after)
    found.operations()
    found.models()
    return Changelog(
        old_label, new_label, tuple(sorted(set(found.changes), key=Change.sort_key))
    )


# ----------------------------------------------------------------- one side


def _path_key(method: str, path: str) -> str:
    return f"{method.upper()} {re.sub(r'{[^}]*}', '{}', path)}"


@dataclass
class _Side:
    api: Api
    models: dict[str, Model]
    operations: dict[str, tuple[str, Operation]]
    """Method + path (parameter names blanked) → (resource path, operation)."""
    usage: dict[str, int] = field(default_factory=dict)
    homes: dict[str, set[str]] = field(default_factory=dict)

    @staticmethod
    def of(api: Api) -> _Side:
        side = _Side(api, {m.name: m for m in api.models}, {})
        for group, op in _walk(api.resources, ""):
            side.operations.setdefault(_path_key(op.method, op.path), (group, op))
        for group, op in side.operations.values():
            for t in _request_types(op):
                side._reach(t, REQUEST, group)
            for t in _response_types(op):
                side._reach(t, RESPONSE, group)
        return side

    def _reach(self, root: TypeRef, flow: int, group: str) -> None:
        stack = sorted(type_refs(root))
        while stack:
            name = stack.pop()
            model = self.models.get(name)
            if model is None:
                continue
            homes = self.homes.setdefault(name, set())
            if self.usage.get(name, 0) & flow and group in homes:
                continue
            self.usage[name] = self.usage.get(name, 0) | flow
            homes.add(group)
            stack.extend(sorted(model_refs(model)))

    def flow(self, name: str) -> int:
        """How the model is used; an unreferenced model could be used either way."""
        return self.usage.get(name, 0) or BOTH

    def group(self, name: str) -> str:
        homes = sorted(self.homes.get(name, ()))
        if not homes:
            return SHARED
        if len(homes) == 1:
            return homes[0]
        common = _common_prefix([h.split("/") for h in homes])
        return "/".join(common) if common else SHARED


def _common_prefix(paths: list[list[str]]) -> list[str]:
    out: list[str] = []
    for parts in zip(*paths, strict=False):
        if len(set(parts)) != 1:
            break
        out.append(parts[0])
    return out


def _walk(
    resources: Iterable[Resource], prefix: str
) -> Iterator[tuple[str, Operation]]:
    for res in resources:
        path = f"{prefix}/{res.name}" if prefix else res.name
        for op in res.operations:
            yield path, op
        yield from _walk(res.children, path)


def _request_types(op: Operation) -> Iterator[TypeRef]:
    for p in op.parameters:
        yield p.type
    for b in op.bodies:
        yield b.type


def _response_types(op: Operation) -> Iterator[TypeRef]:
    for r in (op.success, *op.responses):
        if r is not None and r.type is not None:
            yield r.type
    if op.streaming is not None and op.streaming.event_type is not None:
        yield op.streaming.event_type


# ----------------------------------------------------------------- types


def show(t: TypeRef) -> str:
    if isinstance(t, Primitive):
        return t.kind if t.format is None else f"{t.kind}({t.format})"
    if isinstance(t, ArrayOf):
        return f"array[{show(t.items)}]"
    if isinstance(t, MapOf):
        return f"map[{show(t.values)}]"
    if isinstance(t, LiteralOf):
        return repr(t.value)
    if isinstance(t, Ref):
        return t.name
    if isinstance(t, Nullable):
        return f"{show(t.inner)} | null"
    return " | ".join(show(v) for v in t.variants)


def accepts(wide: TypeRef, narrow: TypeRef) -> bool:
    """Does every value of `narrow` also fit `wide`? (Models compare by name; their own changes are reported apart.)"""
    if wide == narrow:
        return True
    if isinstance(narrow, Nullable):
        return isinstance(wide, Nullable) and accepts(wide.inner, narrow.inner)
    if isinstance(wide, Nullable):
        return accepts(wide.inner, narrow)
    if isinstance(narrow, UnionOf):
        return all(accepts(wide, v) for v in narrow.variants)
    if isinstance(wide, UnionOf):
        return any(accepts(v, narrow) for v in wide.variants)
    if isinstance(wide, Primitive):
        if wide.kind == "any":
            return True
        if isinstance(narrow, Primitive):
            return wide.kind == narrow.kind or (
                wide.kind == "number" and narrow.kind == "integer"
            )
        if isinstance(narrow, LiteralOf):
            return _literal_kind(narrow.value) in (
                wide.kind,
                "integer" if wide.kind == "number" else wide.kind,
            )
        return False
    if isinstance(wide, ArrayOf) and isinstance(narrow, ArrayOf):
        return accepts(wide.items, narrow.items)
    if isinstance(wide, MapOf) and isinstance(narrow, MapOf):
        return accepts(wide.values, narrow.values)
    return False


def _literal_kind(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string"


def _breaks(old: TypeRef, new: TypeRef, flow: int) -> bool:
    if flow & REQUEST and not accepts(new, old):
        return True
    return bool(flow & RESPONSE and not accepts(old, new))


# ----------------------------------------------------------------- the differ


class _Differ:
    def __init__(self, old: _Side, new: _Side) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []

    def add(
        self,
        group: str,
        subject: Subject,
        action: Action,
        target: str,
        detail: str,
        breaking: bool,
    ) -> None:
        self.changes.append(Change(group, subject, action, target, detail, breaking))

    # ------------------------------------------------------------- operations

    def operations(self) -> None:
        for key in sorted(self.old.operations.keys() | self.new.operations.keys()):
            before = self.old.operations.get(key)
            after = self.new.operations.get(key)
            if before is None and after is not None:
                group, op = after
                self.add(
                    group, "operation", "added", _op_label(op), op.summary or "", False
                )
            elif after is None and before is not None:
                group, op = before
                self.add(
                    group,
                    "operation",
                    "removed",
                    _op_label(op),
                    "calls to it no longer exist",
                    True,
                )
            elif before is not None and after is not None:
                self.operation(after[0], before[1], after[1])

    def operation(self, group: str, old: Operation, new: Operation) -> None:
        label = _op_label(new)
        if old.name != new.name:
            self.add(
                group,
                "operation",
                "renamed",
                label,
                f"method {old.name} → {new.name}",
                True,
            )
        if new.deprecated and not old.deprecated:
            self.add(group, "operation", "changed", label, "deprecated", False)
        self.parameters(group, label, old.parameters, new.parameters)
        self.bodies(group, label, old, new)
        old_type = old.success.type if old.success is not None else None
        new_type = new.success.type if new.success is not None else None
        if old_type != new_type:
            if old_type is None or new_type is None:
                breaking = old_type is not None
                detail = f"{_maybe(old_type)} → {_maybe(new_type)}"
            else:
                breaking = _breaks(old_type, new_type, RESPONSE)
                detail = f"{show(old_type)} → {show(new_type)}"
            self.add(group, "response", "changed", label, detail, breaking)
        if (old.streaming is None) != (new.streaming is None):
            if new.streaming is not None:
                flag = (
                    f" (when `{new.streaming.flag}` is true)"
                    if new.streaming.flag
                    else ""
                )
                self.add(group, "response", "added", label, f"streaming{flag}", False)
            else:
                self.add(group, "response", "removed", label, "streaming", True)
        if (old.pagination is None) != (new.pagination is None):
            now = (
                "now paginated" if new.pagination is not None else "no longer paginated"
            )
            self.add(group, "response", "changed", label, now, True)

    def parameters(
        self,
        group: str,
        label: str,
        old: tuple[Parameter, ...],
        new: tuple[Parameter, ...],
    ) -> None:
        before = {(p.location, p.name): p for p in old}
        after = {(p.location, p.name): p for p in new}
        removed = [before[k] for k in sorted(before.keys() - after.keys())]
        added = [after[k] for k in sorted(after.keys() - before.keys())]
        for p in list(removed):
            twin = next(
                (a for a in added if a.location == p.location and a.type == p.type),
                None,
            )
            if twin is not None and p.location == "path":
                removed.remove(p)
                added.remove(twin)
                self.add(
                    group,
                    "parameter",
                    "renamed",
                    f"{label} {p.location} {p.name}",
                    f"{p.name} → {twin.name}",
                    True,
                )
        for p in removed:
            self.add(
                group,
                "parameter",
                "removed",
                f"{label} {p.location} {p.name}",
                show(p.type),
                True,
            )
        for p in added:
            required = p.required and not p.has_default
            self.add(
                group,
                "parameter",
                "added",
                f"{label} {p.location} {p.name}",
                f"{'required' if required else 'optional'} {show(p.type)}",
                required,
            )
        for k in sorted(before.keys() & after.keys()):
            o, n = before[k], after[k]
            target = f"{label} {n.location} {n.name}"
            if o.required != n.required:
                self.add(
                    group,
                    "parameter",
                    "changed",
                    target,
                    "now required" if n.required else "now optional",
                    n.required and not n.has_default,
                )
            if o.type != n.type:
                self.add(
                    group,
                    "parameter",
                    "changed",
                    target,
                    f"{show(o.type)} → {show(n.type)}",
                    _breaks(o.type, n.type, REQUEST),
                )

    def bodies(self, group: str, label: str, old: Operation, new: Operation) -> None:
        before = {b.content_type: b for b in old.bodies}
        after = {b.content_type: b for b in new.bodies}
        for ct in sorted(before.keys() - after.keys()):
            self.add(group, "body", "removed", label, f"{ct} body", True)
        for ct in sorted(after.keys() - before.keys()):
            b = after[ct]
            self.add(
                group,
                "body",
                "added",
                label,
                f"{ct} body {show(b.type)}",
                b.required and not before,
            )
        for ct in sorted(before.keys() & after.keys()):
            o, n = before[ct], after[ct]
            if o.type != n.type:
                self.add(
                    group,
                    "body",
                    "changed",
                    label,
                    f"{show(o.type)} → {show(n.type)}",
                    _breaks(o.type, n.type, REQUEST),
                )
            if n.required and not o.required:
                self.add(group, "body", "changed", label, "body now required", True)

    # ------------------------------------------------------------- models

    def models(self) -> None:
        for name in sorted(self.old.models.keys() | self.new.models.keys()):
            before = self.old.models.get(name)
            after = self.new.models.get(name)
            if before is None and after is not None:
                self.add(self.new.group(name), "type", "added", name, after.kind, False)
            elif after is None and before is not None:
                self.add(
                    self.old.group(name),
                    "type",
                    "removed",
                    name,
                    f"{before.kind} no longer exists",
                    True,
                )
            elif before is not None and after is not None:
                self.model(name, before, after)

    def model(self, name: str, old: Model, new: Model) -> None:
        group = self.new.group(name)
        flow = self.old.flow(name) | self.new.flow(name)
        if old.kind != new.kind:
            self.add(group, "type", "changed", name, f"{old.kind} → {new.kind}", True)
            return
        if new.deprecated and not old.deprecated:
            self.add(group, "type", "changed", name, "deprecated", False)
        if isinstance(old, ObjectModel) and isinstance(new, ObjectModel):
            self.fields(group, name, flow, old.fields, new.fields)
        elif isinstance(old, EnumModel) and isinstance(new, EnumModel):
            self.enum(group, name, flow, old, new)
        elif isinstance(old, UnionModel) and isinstance(new, UnionModel):
            self.variants(group, name, flow, old.variants, new.variants)
            old_prop = old.discriminator.property if old.discriminator else None
            new_prop = new.discriminator.property if new.discriminator else None
            if old_prop != new_prop and old_prop is not None:
                self.add(
                    group,
                    "type",
                    "changed",
                    name,
                    f"discriminator {old_prop} → {new_prop}",
                    True,
                )
        elif (
            isinstance(old, AliasModel)
            and isinstance(new, AliasModel)
            and old.target != new.target
        ):
            self.type_change(group, name, flow, old.target, new.target)

    def fields(
        self,
        group: str,
        name: str,
        flow: int,
        old: tuple[Field, ...],
        new: tuple[Field, ...],
    ) -> None:
        before = {f.name: f for f in old}
        after = {f.name: f for f in new}
        direction = _direction(flow)
        for fname in sorted(before.keys() - after.keys()):
            self.add(
                group,
                "field",
                "removed",
                f"{name}.{fname}",
                f"removed from a {direction} type",
                True,
            )
        for fname in sorted(after.keys() - before.keys()):
            f = after[fname]
            required = f.required and not f.has_default and not f.read_only
            breaking = bool(flow & REQUEST) and required
            self.add(
                group,
                "field",
                "added",
                f"{name}.{fname}",
                f"{'required' if f.required else 'optional'} {show(f.type)}",
                breaking,
            )
        for fname in sorted(before.keys() & after.keys()):
            o, n = before[fname], after[fname]
            target = f"{name}.{fname}"
            if o.required != n.required:
                if n.required:
                    breaking = (
                        bool(flow & REQUEST) and not n.has_default and not n.read_only
                    )
                    self.add(
                        group, "field", "changed", target, "now required", breaking
                    )
                else:
                    self.add(
                        group,
                        "field",
                        "changed",
                        target,
                        "now optional",
                        bool(flow & RESPONSE),
                    )
            if o.type != n.type:
                self.type_change(group, target, flow, o.type, n.type)
            if n.deprecated and not o.deprecated:
                self.add(group, "field", "changed", target, "deprecated", False)

    def type_change(
        self, group: str, target: str, flow: int, old: TypeRef, new: TypeRef
    ) -> None:
        """A changed type; inline unions at the same place are compared variant by variant."""
        o, n, suffix = _peel(old, new)
        if isinstance(o, UnionOf) and isinstance(n, UnionOf):
            self.variants(group, target + suffix, flow, o.variants, n.variants)
            return
        self.add(
            group,
            "field" if "." in target else "type",
            "changed",
            target,
            f"{show(old)} → {show(new)}",
            _breaks(old, new, flow),
        )

    def enum(
        self, group: str, name: str, flow: int, old: EnumModel, new: EnumModel
    ) -> None:
        before = {v.value for v in old.values}
        after = {v.value for v in new.values}
        direction = _direction(flow)
        for value in sorted(before - after, key=repr):
            self.add(
                group,
                "enum value",
                "removed",
                name,
                f"{value!r} (in a {direction} type)",
                bool(flow & REQUEST),
            )
        for value in sorted(after - before, key=repr):
            self.add(group, "enum value", "added", name, repr(value), False)
        if old.open and not new.open:
            self.add(
                group,
                "type",
                "changed",
                name,
                "enum no longer accepts unknown values",
                bool(flow & REQUEST),
            )

    def variants(
        self,
        group: str,
        target: str,
        flow: int,
        old: tuple[TypeRef, ...],
        new: tuple[TypeRef, ...],
    ) -> None:
        before = {self._variant_key(v, self.old): v for v in old}
        after = {self._variant_key(v, self.new): v for v in new}
        direction = _direction(flow)
        for key in sorted(before.keys() - after.keys()):
            self.add(
                group,
                "union variant",
                "removed",
                target,
                f"{key} (in a {direction} type)",
                bool(flow & REQUEST),
            )
        for key in sorted(after.keys() - before.keys()):
            self.add(group, "union variant", "added", target, key, False)

    @staticmethod
    def _variant_key(t: TypeRef, side: _Side) -> str:
        """A variant's name for matching: its discriminator value when it has one, else its type."""
        if isinstance(t, Ref):
            model = side.models.get(t.name)
            if isinstance(model, ObjectModel):
                tag = model.discriminator_value or next(
                    (
                        f.type.value
                        for f in model.fields
                        if f.name == "type" and isinstance(f.type, LiteralOf)
                    ),
                    None,
                )
                if tag is not None:
                    return f"`{tag}` ({t.name})"
        return show(t)


def _peel(old: TypeRef, new: TypeRef) -> tuple[TypeRef, TypeRef, str]:
    """Strip the wrappers both types share (`array[...]`, `| null`), to compare what is inside."""
    suffix = ""
    while True:
        if isinstance(old, ArrayOf) and isinstance(new, ArrayOf):
            old, new, suffix = old.items, new.items, suffix + "[]"
        elif isinstance(old, Nullable) and isinstance(new, Nullable):
            old, new = old.inner, new.inner
        elif isinstance(old, MapOf) and isinstance(new, MapOf):
            old, new, suffix = old.values, new.values, suffix + "{}"
        else:
            return old, new, suffix


def _direction(flow: int) -> str:
    return {REQUEST: "request", RESPONSE: "response"}.get(flow, "request and response")


def _op_label(op: Operation) -> str:
    return f"{op.method.upper()} {op.path} ({op.name})"


def _maybe(t: TypeRef | None) -> str:
    return "nothing" if t is None else show(t)

"""Which models a type, a model or an operation mentions, and who uses which model."""

from __future__ import annotations

from generator.ir.model import (
    AliasModel,
    ArrayOf,
    EnumModel,
    MapOf,
    Model,
    Nullable,
    ObjectModel,
    Operation,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)


def refs_of_type(ref: TypeRef, out: set[str]) -> None:
    if isinstance(ref, Ref):
        out.add(ref.name)
    elif isinstance(ref, (ArrayOf,)):
        refs_of_type(ref.items, out)
    elif isinstance(ref, MapOf):
        refs_of_type(ref.values, out)
    elif isinstance(ref, Nullable):
        refs_of_type(ref.inner, out)
    elif isinstance(ref, UnionOf):
        for v in ref.variants:
            refs_of_type(v, out)


def refs_of_model(model: Model) -> set[str]:
    out: set[str] = set()
    if isinstance(model, ObjectModel):
        for f in model.fields:
            refs_of_type(f.type, out)
        if model.additional_properties is not None:
            refs_of_type(model.additional_properties, out)
    elif isinstance(model, UnionModel):
        for v in model.variants:
            refs_of_type(v, out)
    elif isinstance(model, AliasModel):
        refs_of_type(model.target, out)
    elif isinstance(model, EnumModel):
        pass
    return out


def refs_of_operation(op: Operation) -> set[str]:
    out: set[str] = set()
    for p in op.parameters:
        refs_of_type(p.type, out)
    for b in op.bodies:
        refs_of_type(b.type, out)
    for r in (op.success, *op.responses):
        if r is not None and r.type is not None:
            refs_of_type(r.type, out)
    if op.pagination is not None:
        refs_of_type(op.pagination.item_type, out)
    if op.streaming is not None and op.streaming.event_type is not None:
        refs_of_type(op.streaming.event_type, out)
    return out


def closure(start: set[str], edges: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = sorted(start)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        stack.extend(n for n in edges.get(name, ()) if n not in seen)
    return seen

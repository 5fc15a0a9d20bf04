"""Which named models a type, a model or an operation mentions (without following them)."""

from __future__ import annotations

from generator.ir.model import (
    AliasModel,
    ArrayOf,
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


def type_refs(t: TypeRef | None) -> set[str]:
    out: set[str] = set()
    _collect(t, out)
    return out


def _collect(t: TypeRef | None, out: set[str]) -> None:
    if isinstance(t, Ref):
        out.add(t.name)
    elif isinstance(t, ArrayOf):
        _collect(t.items, out)
    elif isinstance(t, MapOf):
        _collect(t.values, out)
    elif isinstance(t, Nullable):
        _collect(t.inner, out)
    elif isinstance(t, UnionOf):
        for v in t.variants:
            _collect(v, out)


def model_refs(model: Model) -> set[str]:
    out: set[str] = set()
    if isinstance(model, ObjectModel):
        for f in model.fields:
            _collect(f.type, out)
        _collect(model.additional_properties, out)
    elif isinstance(model, UnionModel):
        for v in model.variants:
            _collect(v, out)
    elif isinstance(model, AliasModel):
        _collect(model.target, out)
    return out


def operation_refs(op: Operation) -> set[str]:
    out: set[str] = set()
    for p in op.parameters:
        _collect(p.type, out)
    for b in op.bodies:
        _collect(b.type, out)
    for r in (op.success, *op.responses):
        if r is not None:
            _collect(r.type, out)
    if op.pagination is not None:
        _collect(op.pagination.item_type, out)
    if op.streaming is not None:
        _collect(op.streaming.event_type, out)
    return out

"""Who uses which model: the closure of model references, and the type aliases that
reach themselves.

A model class breaks any cycle (its fields are resolved lazily); a type alias does
not. Two shapes need care:

- an alias that is a union member of itself, directly or through other aliases
  (`A = Union[Circle, B]`, `B = Union[A, str]`): no checker accepts it, and it means
  no more than the union of the other members, so it is flattened to that;
- an alias that reaches itself through a list or a map (`Json = Union[str,
  List[Json]]`): both checkers accept it, but pydantic recurses forever building its
  schema, so at run time it becomes a `TypeAliasType` (see `models.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.ir.model import (
    AliasModel,
    Model,
    Nullable,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)
from generator.ir.refs import model_refs


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


def cyclic(edges: Mapping[str, Iterable[str]]) -> set[str]:
    """Every node that lies on a cycle (including a node with an edge to itself)."""
    targets = {name: set(out) for name, out in edges.items()}
    found: set[str] = set()
    for name in sorted(targets):
        if name in closure(targets[name], targets):
            found.add(name)
    return found


def _members(ref: TypeRef) -> list[TypeRef]:
    """The union members a type stands for at its top (not inside a list or a map)."""
    if isinstance(ref, Nullable):
        return [Nullable(m) for m in _members(ref.inner)]
    if isinstance(ref, UnionOf):
        return [m for v in ref.variants for m in _members(v)]
    return [ref]


def _own_members(model: Model) -> list[TypeRef]:
    if isinstance(model, UnionModel):
        return [m for v in model.variants for m in _members(v)]
    if isinstance(model, AliasModel):
        return _members(model.target)
    return []


def _target(ref: TypeRef) -> str | None:
    inner = ref.inner if isinstance(ref, Nullable) else ref
    return inner.name if isinstance(inner, Ref) else None


def _is_alias(model: Model | None) -> bool:
    return isinstance(model, (UnionModel, AliasModel))


def flatten_union_cycles(models: Mapping[str, Model]) -> dict[str, Model]:
    """Aliases that are union members of themselves, as the union of what else they hold."""
    edges = {
        name: {
            t
            for m in _own_members(model)
            if (t := _target(m)) is not None and _is_alias(models.get(t))
        }
        for name, model in models.items()
        if _is_alias(model)
    }
    looped = cyclic(edges)
    if not looped:
        return dict(models)
    out = dict(models)
    for name in sorted(looped):
        group = sorted(closure({name}, edges) & looped)
        kept: list[TypeRef] = []
        nullable = False
        for member in (m for g in group for m in _own_members(models[g])):
            if _target(member) in looped:
                nullable = nullable or isinstance(member, Nullable)
            elif member not in kept:
                kept.append(member)
        if nullable and kept and not isinstance(kept[0], Nullable):
            kept[0] = Nullable(kept[0])
        model = models[name]
        out[name] = UnionModel(
            name,
            tuple(kept),
            description=model.description,
            title=model.title,
            deprecated=model.deprecated,
            parent=model.parent,
            member=model.member,
            source=model.source,
        )
    return out


def recursive_aliases(models: Mapping[str, Model]) -> frozenset[str]:
    """Aliases that reach themselves through other aliases only (a list or map between)."""
    edges = {
        name: {r for r in model_refs(model) if _is_alias(models.get(r))}
        for name, model in models.items()
        if _is_alias(model)
    }
    return frozenset(cyclic(edges))

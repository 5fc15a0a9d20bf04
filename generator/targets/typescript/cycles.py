"""Type aliases that refer to themselves before TypeScript can defer the reference.

tsc resolves a type alias's union members, map values (`Record<string, T>`) and alias
target when the alias is declared, but array items and interface members only later.
An alias that reaches itself through the former is an error (TS2456); the writer spells
those aliases so that it does not happen (`TypeWriter.declaration`).
"""

from __future__ import annotations

from generator.ir.model import (
    AliasModel,
    MapOf,
    Nullable,
    ObjectModel,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)
from generator.targets.typescript.naming import Naming


def record_alias(model: object) -> bool:
    """An object model with no fields and typed extra keys: written as a map alias."""
    return (
        isinstance(model, ObjectModel)
        and not model.fields
        and model.additional_properties is not None
    )


def eager_refs(t: TypeRef | None, naming: Naming) -> set[str]:
    """Models a type alias needs resolved when it is declared: those in union members,
    map values and alias targets. Array items and interface members are resolved later,
    so recursion through them is fine; recursion through the others is not (TS2456)."""
    out: set[str] = set()
    stack = [t] if t is not None else []
    while stack:
        cur = stack.pop()
        if isinstance(cur, Ref):
            if cur.name in naming.models and cur.name not in naming.polymorphic:
                out.add(cur.name)
        elif isinstance(cur, Nullable):
            stack.append(cur.inner)
        elif isinstance(cur, UnionOf):
            stack.extend(cur.variants)
        elif isinstance(cur, MapOf):
            stack.append(cur.values)
    return out


def alias_body(model: object) -> tuple[TypeRef, ...]:
    """The types a model written as a type alias is made of (none for an interface)."""
    if isinstance(model, UnionModel):
        return model.variants
    if isinstance(model, AliasModel):
        return (model.target,)
    if isinstance(model, ObjectModel) and record_alias(model):
        assert model.additional_properties is not None
        return (MapOf(model.additional_properties),)
    return ()


def eager_cycles(naming: Naming) -> frozenset[str]:
    """Type aliases that reach themselves through eager references (Tarjan's strongly
    connected components, without recursion: a spec may chain thousands of aliases)."""
    edges = {
        name: sorted(set().union(*(eager_refs(t, naming) for t in alias_body(model))))
        for name, model in naming.models.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cyclic: set[str] = set()
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, []):
                    cyclic.update(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return frozenset(cyclic)

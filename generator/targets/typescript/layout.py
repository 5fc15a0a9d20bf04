"""Which file each model goes to: one file per top-level resource group, `shared` for the rest.

A model used by one resource group lives with it; a model used by several, or by
none, lives in `shared`. A model's namespace children stay with it. A group bigger
than `CHUNK` top-level models is split into numbered files, so one schema change
re-renders a bounded file.
"""

from __future__ import annotations

from generator.ir.model import Api, Resource
from generator.ir.refs import model_refs, operation_refs
from generator.naming.casing import kebab
from generator.targets.typescript.naming import Naming

CHUNK = 120


def _resource_refs(res: Resource) -> set[str]:
    out: set[str] = set()
    for op in res.operations:
        out |= operation_refs(op)
    for child in res.children:
        out |= _resource_refs(child)
    return out


def group_file_name(name: str) -> str:
    stem = kebab(name) or "group"
    # `index` is the models folder's own re-export file.
    return stem + "-models" if stem == "index" else stem


def assign_models(api: Api, naming: Naming) -> dict[str, str]:
    """IR model name → models file stem (`threads`, `shared`, `shared-2`)."""
    edges: dict[str, set[str]] = {}
    for m in api.models:
        edges[m.name] = {naming.root[r] for r in model_refs(m) if r in naming.root}
    # The children of a polymorphic base are reachable through the base's union.
    for base, poly in naming.polymorphic.items():
        edges.setdefault(naming.root[base], set()).update(
            naming.root[v] for _, v in poly.variants
        )

    claims: dict[str, set[str]] = {}
    for res in api.resources:
        group = group_file_name(res.name)
        seen: set[str] = set()
        stack = [naming.root[r] for r in _resource_refs(res) if r in naming.root]
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            stack.extend(edges.get(name, ()))
        for name in seen:
            claims.setdefault(name, set()).add(group)

    roots = sorted({naming.root[m.name] for m in api.models})
    by_group: dict[str, list[str]] = {}
    for name in roots:
        groups = claims.get(name, set())
        group = next(iter(groups)) if len(groups) == 1 else "shared"
        by_group.setdefault(group, []).append(name)

    out: dict[str, str] = {}
    for group, names in by_group.items():
        for i, name in enumerate(names):
            part = i // CHUNK
            out[name] = group if part == 0 else f"{group}-{part + 1}"
    for m in api.models:
        out[m.name] = out[naming.root[m.name]]
    return out

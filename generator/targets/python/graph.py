"""Who uses which model: the closure of model references."""

from __future__ import annotations


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

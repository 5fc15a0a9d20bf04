"""A place for each operation: its resource chain and its method name there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.ir.model import Operation
from generator.ir.operations import METHODS


@dataclass(frozen=True)
class Spot:
    chain: tuple[str, ...]
    """Resource names from the top, snake_case (`v1`, `checkout`, `sessions`)."""
    name: str
    """Method name in that resource, snake_case (`list`, `confirm`)."""


def numbered_ties(
    spots: Sequence[Spot],
    operations: Sequence[Operation],
    fallback: Callable[[Operation, tuple[str, ...]], str],
) -> list[Spot]:
    """Names unique per resource. Operations are visited in (path, method) order: the
    first keeps the rule's name, a later one takes `fallback` (the operationId's),
    and a number only when that is taken too."""
    order = sorted(
        range(len(spots)),
        key=lambda i: (operations[i].path, METHODS.index(operations[i].method)),
    )
    taken: dict[tuple[str, ...], set[str]] = {}
    out = list(spots)
    for i in order:
        spot = spots[i]
        used = taken.setdefault(spot.chain, set())
        name = spot.name
        if name in used:
            name = fallback(operations[i], spot.chain) or name
        base, n = name, 2
        while name in used:
            name = f"{base}_{n}" if base[-1:].isdigit() else f"{base}{n}"
            n += 1
        used.add(name)
        out[i] = Spot(spot.chain, name)
    return out

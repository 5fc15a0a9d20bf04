"""Where each operation lives (`threads` → `runs` → `steps`) and what it is called there."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.ir.model import Operation, Resource
from generator.naming.casing import singular, snake
from generator.naming.words import lower_words as words

_TEMPLATE = re.compile(r"\{([^{}]+)\}")
_CONNECTIVES = frozenset({"to", "and", "for", "in", "of", "by", "from", "with", "on"})
ROOT = "root"
"""Resource of operations whose path has no static segment (`/`, `/{id}`)."""


@dataclass(frozen=True)
class Placement:
    chain: tuple[str, ...]
    """Resource names from the top (`threads`, `runs`)."""
    name: str
    """Neutral operation name before it is made unique in its resource."""


def path_segments(path: str) -> list[str]:
    """A path template's segments, without any query string (`/responses?beta=true`)."""
    return [s for s in path.split("?", 1)[0].split("/") if s]


def path_parameters(path: str) -> list[str]:
    """The parameter names of a path template in order: every `{name}`, wherever it
    stands in its segment (`/files/{name}.json`, `/a/${b}` names `b`)."""
    return _TEMPLATE.findall(path.split("?", 1)[0])


def is_param(segment: str) -> bool:
    return "{" in segment


class PathIndex:
    """Every path of the spec, shaped for the questions placement asks."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.shapes = frozenset(tuple(_shape(path_segments(p))) for p in paths)
        prefixes: set[tuple[str, ...]] = set()
        for shape in self.shapes:
            prefixes.update(shape[:n] for n in range(1, len(shape)))
        self.inner_prefixes = frozenset(prefixes)
        """Shapes that continue in some longer path."""

    def has_below(self, segs: Sequence[str]) -> bool:
        return tuple(_shape(segs)) in self.inner_prefixes

    def has_prefix(self, shape: tuple[str, ...]) -> bool:
        return shape in self.inner_prefixes or shape in self.shapes


def place(
    path: str,
    method: str,
    operation_id: str | None,
    group: str | None,
    index: PathIndex,
) -> Placement:
    segs = path_segments(path)
    action = _action(segs, method, operation_id, index)
    if action is not None:
        segs = segs[:-1]
    segs = _grouped(segs, group, index)
    chain = tuple(snake(s) for s in segs if not is_param(s)) or (ROOT,)
    if action is not None:
        return Placement(chain, action)
    ends_with_param = (
        bool(segs) and is_param(segs[-1]) and len(segs) == len(path_segments(path))
    )
    return Placement(
        chain, operation_name(operation_id, chain, method, ends_with_param)
    )


def _action(
    segs: list[str], method: str, operation_id: str | None, index: PathIndex
) -> str | None:
    """`POST /runs/{run_id}/cancel`: a last static segment that names what the call does.

    It is an action when nothing lies below it and the operationId starts with the same
    verb (`cancelRun`, `submitToolOuputsToRun`); without an operationId, when it follows
    a path parameter."""
    if len(segs) < 2 or is_param(segs[-1]) or method != "post":
        return None
    if index.has_below(segs):
        return None
    seg_words = words(segs[-1])
    if operation_id:
        op_words = _without_group_prefix(words(operation_id), operation_id)
        if not seg_words or not op_words or op_words[0] != seg_words[0]:
            return None
    elif not is_param(segs[-2]):
        return None
    return snake(segs[-1])


def _without_group_prefix(op_words: list[str], operation_id: str) -> list[str]:
    """Azure's `Runs_CancelRun` names its group before `_`; the verb comes after it."""
    if "_" in operation_id:
        head, _, tail = operation_id.partition("_")
        tail_words = words(tail)
        if head and tail_words:
            return tail_words
    return op_words


def _grouped(segs: list[str], group: str | None, index: PathIndex) -> list[str]:
    """`POST /threads/runs` sits beside `/threads/{thread_id}/runs`: the spec means an
    operation of `threads` (create a thread and run it), not a second `runs`. When the
    spec names a group (`x-oaiMeta.group`), it must be that parent."""
    for i in range(len(segs) - 1):
        here, below = segs[i], segs[i + 1]
        if is_param(here) or is_param(below):
            continue
        item_path = tuple(_shape(segs[: i + 1])) + ("{}", below)
        if not index.has_prefix(item_path):
            continue
        if group is not None and _noun(group) != _noun(here):
            continue
        return segs[: i + 1]
    return segs


def _shape(segs: Sequence[str]) -> list[str]:
    return ["{}" if is_param(s) else s for s in segs]


def _noun(text: str) -> str:
    return "_".join(singular(w) for w in words(text))


def operation_name(
    operation_id: str | None, chain: Iterable[str], method: str, ends_with_param: bool
) -> str:
    """`createRun` in `runs` → `create`; `Runs_GetRun` → `get`; `createThreadAndRun` in
    `threads` → `create_and_run`. The nouns of the resource chain are what is removed.
    """
    if not operation_id:
        return default_name(method, ends_with_param)
    nouns: set[str] = set()
    for segment in chain:
        for w in words(segment):
            nouns.update((w, singular(w)))
    kept = [
        w for w in words(operation_id) if w not in nouns and singular(w) not in nouns
    ]
    while kept and kept[-1] in _CONNECTIVES:
        kept.pop()
    while kept and kept[0] in _CONNECTIVES:
        kept.pop(0)
    if kept == ["get"] and method == "get" and not ends_with_param:
        # `getEvalRuns` on `/evals/{id}/runs` reads the collection: that is a list.
        return "list"
    return "_".join(kept) or default_name(method, ends_with_param)


def default_name(method: str, ends_with_param: bool) -> str:
    if method == "get":
        return "get" if ends_with_param else "list"
    if method == "post":
        return "update" if ends_with_param else "create"
    if method in ("put", "patch"):
        return "update"
    return method


def unique_names(placed: Sequence[tuple[Placement, str | None, str, str]]) -> list[str]:
    """Names unique within each resource. Entries are (placement, operationId, path, method);
    the first by (path, method) keeps the plain name, later ones take the operationId's.
    """
    order = sorted(range(len(placed)), key=lambda i: (placed[i][2], placed[i][3]))
    taken: dict[tuple[str, ...], set[str]] = {}
    out = [""] * len(placed)
    for i in order:
        placement, operation_id, _, _ = placed[i]
        used = taken.setdefault(placement.chain, set())
        name = placement.name
        if name in used and operation_id:
            name = snake(operation_id) or name
        base, n = name, 2
        while name in used:
            name = f"{base}_{n}"
            n += 1
        used.add(name)
        out[i] = name
    return out


def tree(
    operations: Sequence[tuple[tuple[str, ...], Operation]],
) -> tuple[Resource, ...]:
    """Nest operations by their chain; resources sorted by name, operations in spec order."""
    root: dict[str, Any] = {}
    for chain, op in operations:
        level = root
        node: dict[str, Any] = {}
        for name in chain:
            node = level.setdefault(name, {"ops": [], "children": {}})
            level = node["children"]
        node["ops"].append(op)
    return _freeze(root)


def _freeze(level: Mapping[str, Any]) -> tuple[Resource, ...]:
    return tuple(
        Resource(name, tuple(level[name]["ops"]), _freeze(level[name]["children"]))
        for name in sorted(level)
    )

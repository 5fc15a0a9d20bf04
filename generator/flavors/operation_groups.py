"""Operation groups from the operationId, the Azure SDK convention (AutoRest, TypeSpec).

`Group_VerbNoun` puts the operation in group `Group`, named by what is left once the
group's own noun is dropped: `Runs_CreateRun` → `runs.create`, `RunSteps_ListRunSteps`
→ `run_steps.list`, `VectorStoreFileBatches_ListVectorStoreFileBatchFiles` →
`vector_store_file_batches.list_files`. An operationId without a group prefix makes a
method of the client itself (`CreateAgent` → `client.create_agent`). Groups are flat:
nesting comes from the operationIds, not from the path.
"""

from __future__ import annotations

from dataclasses import replace

from generator.flavors.flavor import MethodPlacement
from generator.ir.model import Api, Operation, Resource
from generator.naming.casing import singular, snake
from generator.naming.words import lower_words as words

_CONNECTIVES = frozenset({"to", "and", "for", "in", "of", "by", "from", "with", "on"})
GROUP_SEPARATOR = "_"


def group_and_name(operation_id: str) -> tuple[str | None, str]:
    """(snake_case group or None, snake_case method name) of one operationId."""
    head, sep, tail = operation_id.partition(GROUP_SEPARATOR)
    if not sep or not words(head) or not words(tail):
        return None, snake(operation_id)
    group = snake(head)
    return group, _without_noun(words(tail), words(head)) or snake(tail)


def _without_noun(verb_noun: list[str], group: list[str]) -> str:
    """`submit tool outputs to run` less the group noun `run(s)`, and the connective it
    leaves dangling: `submit_tool_outputs`."""
    noun = [singular(w) for w in group]
    kept: list[str] = []
    i = 0
    while i < len(verb_noun):
        window = verb_noun[i : i + len(noun)]
        if [singular(w) for w in window] == noun:
            i += len(noun)
            continue
        kept.append(verb_noun[i])
        i += 1
    while kept and kept[-1] in _CONNECTIVES:
        kept.pop()
    while kept and kept[0] in _CONNECTIVES:
        kept.pop(0)
    return "_".join(kept)


def _operations(
    resources: tuple[Resource, ...], top: str | None = None
) -> list[tuple[str | None, Operation]]:
    """Every operation with the top-level resource it sits under."""
    out: list[tuple[str | None, Operation]] = []
    for res in resources:
        here = top or res.name
        out.extend((here, op) for op in res.operations)
        out.extend(_operations(res.children, here))
    return out


def _unique(name: str, operation_id: str, taken: set[str]) -> str:
    if name in taken:
        name = snake(operation_id)
    base, n = name, 2
    while name in taken:
        name = f"{base}_{n}"
        n += 1
    taken.add(name)
    return name


def regroup(
    api: Api, placements: tuple[MethodPlacement, ...], target: str | None
) -> Api:
    """The API with its operations in operationId groups; `placements` for `target` win."""
    chosen = {
        p.operation_id: (p.group, p.name)
        for p in placements
        if target is not None and target in p.targets
    }
    groups: dict[str | None, list[Operation]] = {}
    taken: dict[str | None, set[str]] = {}
    located = [(None, op) for op in api.operations] + _operations(api.resources)
    for top, op in located:
        if op.operation_id in chosen:
            group, name = chosen[op.operation_id]
        elif op.operation_id:
            group, name = group_and_name(op.operation_id)
        else:
            # Nothing to group by: the operation stays where its path put it.
            group, name = top, op.name
        name = _unique(name, op.operation_id, taken.setdefault(group, set()))
        groups.setdefault(group, []).append(replace(op, name=name))
    resources = tuple(
        Resource(group, tuple(groups[group]))
        for group in sorted(g for g in groups if g is not None)
    )
    return replace(api, resources=resources, operations=tuple(groups.get(None, ())))

"""How operations are grouped into resources, chosen by `group-by`:

- `path`: the URL tree, with the REST method names of `rest_names`
  (`client.v1.checkout.sessions.line_items.list(session)`);
- `tags`: the operation's first tag is its resource, the operationId without the
  tag's nouns its name (`pet` / `findPetsByStatus` → `client.pet.find_by_status`);
- `operation-id`: operationIds written as `group/name` or `group.name` say both
  (GitHub's `repos/get` → `client.repos.get`);
- `auto` (the default): `operation-id` when every operationId has that form,
  otherwise `path`.

An operation the chosen rule cannot place (no tag, an operationId without a group)
is placed by its path. Names are unique per resource: on a tie the operationId
decides, and a number only when that is taken too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from generator.flavors.flavor import GroupBy
from generator.flavors.placement import Spot, numbered_ties
from generator.flavors.rest_names import from_operation_id, rest_spots
from generator.ir.model import Api, Operation
from generator.ir.resources import tree
from generator.naming.casing import snake

_GROUP_SEPARATOR = re.compile(r"[/.]")


def group_operations(api: Api, group_by: GroupBy) -> Api:
    operations = api.all_operations()
    mode = _resolved(group_by, operations)
    spots = rest_spots(api, operations)
    if mode == "operation-id":
        spots = [_by_operation_id(op) or s for op, s in zip(operations, spots)]
    elif mode == "tags":
        spots = [_by_tag(op) or s for op, s in zip(operations, spots)]
    spots = numbered_ties(spots, operations, from_operation_id)
    placed = [
        (spot.chain, replace(op, name=spot.name)) for spot, op in zip(spots, operations)
    ]
    return replace(api, resources=tree(placed))


def _resolved(group_by: GroupBy, operations: Sequence[Operation]) -> GroupBy:
    if group_by != "auto":
        return group_by
    if operations and all(_by_operation_id(op) for op in operations):
        return "operation-id"
    return "path"


def _by_operation_id(op: Operation) -> Spot | None:
    parts = [snake(p) for p in _GROUP_SEPARATOR.split(op.operation_id)]
    if len(parts) < 2 or not all(parts):
        return None
    return Spot(tuple(parts[:-1]), parts[-1])


def _by_tag(op: Operation) -> Spot | None:
    group = snake(op.tags[0]) if op.tags else ""
    if not group:
        return None
    chain = (group,)
    return Spot(chain, from_operation_id(op, chain))

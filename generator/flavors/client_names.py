"""Names an official SDK gives to wire names, per target, set as client names.

The wire keeps its name; the target's identifier comes from the client name as it does
for `x-ms-client-name` (`assistant_id` → `agent_id` in Python).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from generator.flavors.flavor import ClientName
from generator.ir.model import Api, Model, ObjectModel, Operation, Ref

Names = Mapping[str, str]
"""Wire name → client name."""


def _model(model: Model, names: Names) -> Model:
    if not isinstance(model, ObjectModel) or not any(
        f.name in names for f in model.fields
    ):
        return model
    fields = tuple(
        replace(f, client_name=names[f.name]) if f.name in names else f
        for f in model.fields
    )
    return replace(model, fields=fields)


def _operation(op: Operation, names: Names) -> Operation:
    if not any(p.name in names for p in op.parameters):
        return op
    params = tuple(
        replace(p, client_name=names[p.name]) if p.name in names else p
        for p in op.parameters
    )
    return replace(op, parameters=params)


def rename(api: Api, client_names: tuple[ClientName, ...], target: str | None) -> Api:
    wanted = [n for n in client_names if target is not None and target in n.targets]
    if not wanted:
        return api

    def names(operation_id: str | None) -> Names:
        return {
            n.wire: n.name for n in wanted if n.operation_id in (None, operation_id)
        }

    # A body model takes the names of the operation it is the body of.
    owner = {
        body.type.name: op.operation_id
        for op in api.all_operations()
        for body in op.bodies
        if isinstance(body.type, Ref)
    }
    models = tuple(_model(m, names(owner.get(m.name))) for m in api.models)
    return replace(api, models=models).map_operations(
        lambda op: _operation(op, names(op.operation_id))
    )

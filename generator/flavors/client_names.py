"""Names an official SDK gives to wire names, per target, set as client names.

The wire keeps its name; the target's identifier comes from the client name as it does
for `x-ms-client-name` (`assistant_id` → `agent_id` in Python).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from generator.flavors.flavor import ClientName
from generator.ir.model import Api, Model, ObjectModel, Operation, Ref, Resource

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


def _resource(res: Resource, names: Mapping[str, Names]) -> Resource:
    return replace(
        res,
        operations=tuple(
            _operation(op, names.get(op.operation_id, {})) for op in res.operations
        ),
        children=tuple(_resource(c, names) for c in res.children),
    )


def rename(api: Api, client_names: tuple[ClientName, ...], target: str | None) -> Api:
    wanted = [n for n in client_names if target is not None and target in n.targets]
    if not wanted:
        return api
    everywhere = {n.wire: n.name for n in wanted if n.operation_id is None}
    per_op: dict[str, dict[str, str]] = {}
    for op in api.all_operations():
        names = dict(everywhere)
        names.update(
            {n.wire: n.name for n in wanted if n.operation_id == op.operation_id}
        )
        per_op[op.operation_id] = names
    per_model: dict[str, dict[str, str]] = {}
    for op in api.all_operations():
        for body in op.bodies:
            if isinstance(body.type, Ref):
                per_model.setdefault(body.type.name, dict(everywhere)).update(
                    per_op[op.operation_id]
                )
    models = tuple(_model(m, per_model.get(m.name, everywhere)) for m in api.models)
    return replace(
        api,
        models=models,
        resources=tuple(_resource(r, per_op) for r in api.resources),
        operations=tuple(
            _operation(op, per_op[op.operation_id]) for op in api.operations
        ),
    )

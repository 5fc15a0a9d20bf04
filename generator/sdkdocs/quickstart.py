"""The call a README's quick start shows: a real operation of the spec, chosen to need
as little as possible, with argument values taken from the spec where it gives them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.ir.model import (
    Api,
    EnumModel,
    JsonValue,
    LiteralOf,
    Model,
    Operation,
    Parameter,
    Primitive,
    Ref,
    Resource,
    TypeRef,
)


@dataclass(frozen=True)
class Example:
    chain: tuple[str, ...]
    """Resource names from the top (`v1`, `customers`)."""
    operation: Operation
    arguments: tuple[tuple[Parameter, JsonValue], ...]
    """The required parameters, each with a value from the spec or a placeholder."""


def example_call(api: Api) -> Example | None:
    """A `GET` with no required body, the fewest required parameters and the shallowest
    resource first (a list beats a retrieve); None when the spec has no operation."""
    found: list[tuple[tuple[int, ...], tuple[str, ...], Operation]] = []

    def walk(res: Resource, chain: tuple[str, ...]) -> None:
        here = (*chain, res.name)
        for op in res.operations:
            found.append((_cost(op, here, len(found)), here, op))
        for child in res.children:
            walk(child, here)

    for res in api.resources:
        walk(res, ())
    if not found:
        return None
    _, chain, op = min(found, key=lambda f: f[0])
    models = {m.name: m for m in api.models}
    arguments = tuple(
        (p, _value(p, models))
        for p in op.parameters
        if p.method_level and (p.required or p.location == "path")
    )
    return Example(chain, op, arguments)


def _cost(op: Operation, chain: tuple[str, ...], order: int) -> tuple[int, ...]:
    required = sum(1 for p in op.parameters if p.required and p.method_level)
    needs_body = any(b.required for b in op.bodies)
    return (
        op.method != "get",
        needs_body,
        op.streaming is not None,
        required,
        len(chain),
        op.pagination is None and op.name != "list",
        order,
    )


def _value(param: Parameter, models: Mapping[str, Model]) -> JsonValue:
    if param.has_default:
        return param.default
    t: TypeRef = param.type
    if isinstance(t, LiteralOf):
        return t.value
    if isinstance(t, Ref):
        model = models.get(t.name)
        if isinstance(model, EnumModel) and model.values:
            return model.values[0].value
    if isinstance(t, Primitive) and t.kind in ("integer", "number"):
        return 1
    if isinstance(t, Primitive) and t.kind == "boolean":
        return True
    return f"<{param.name}>"

"""Does a JSON value conform to a type of the IR? (JSON Schema semantics, over the IR.)

Used to tell which documented payloads are conforming, so that those must also dump
back to exactly the input, while the others only have to parse. Extra object keys
are allowed (as in JSON Schema without `additionalProperties: false`); unknown enum
values, unknown union tags, missing required fields, wrong types and unexpected nulls
are not.
"""

from __future__ import annotations

from typing import Any

from generator.ir.model import (
    AliasModel,
    Api,
    ArrayOf,
    EnumModel,
    LiteralOf,
    MapOf,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)


def problems(value: Any, type_: TypeRef, api: Api, where: str = "$") -> list[str]:
    """Every way `value` fails to conform to `type_` (empty: it conforms)."""
    if isinstance(type_, Nullable):
        return [] if value is None else problems(value, type_.inner, api, where)
    if value is None:
        return [f"{where}: null where the spec allows no null"]
    if isinstance(type_, Primitive):
        return _primitive(value, type_, where)
    if isinstance(type_, LiteralOf):
        return [] if value == type_.value else [f"{where}: {value!r} is not {type_.value!r}"]
    if isinstance(type_, ArrayOf):
        if not isinstance(value, list):
            return [f"{where}: expected an array"]
        return [p for i, item in enumerate(value) for p in problems(item, type_.items, api, f"{where}[{i}]")]
    if isinstance(type_, MapOf):
        if not isinstance(value, dict):
            return [f"{where}: expected an object"]
        return [p for k, v in value.items() for p in problems(v, type_.values, api, f"{where}.{k}")]
    if isinstance(type_, UnionOf):
        return _union(value, type_.variants, type_.discriminator, api, where)
    if isinstance(type_, Ref):
        return _model(value, type_.name, api, where)
    raise TypeError(f"unknown IR type {type_!r}")


def _primitive(value: Any, type_: Primitive, where: str) -> list[str]:
    ok = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "any": True,
    }[type_.kind]
    return [] if ok else [f"{where}: {value!r} is not a {type_.kind}"]


def _model(value: Any, name: str, api: Api, where: str) -> list[str]:
    model = api.model(name)
    if isinstance(model, AliasModel):
        return problems(value, model.target, api, where)
    if isinstance(model, EnumModel):
        if model.open or value in {v.value for v in model.values}:
            return []
        return [f"{where}: {value!r} is not one of {name}'s values"]
    if isinstance(model, UnionModel):
        return _union(value, model.variants, model.discriminator, api, where)
    assert isinstance(model, ObjectModel)
    if not isinstance(value, dict):
        return [f"{where}: expected a {name} object"]
    found = [f"{where}.{f.name}: missing (required by {name})" for f in model.fields if f.required and f.name not in value]
    known = {f.name: f for f in model.fields}
    for key, item in value.items():
        if key in known:
            found += problems(item, known[key].type, api, f"{where}.{key}")
        elif model.additional_properties is not None:
            found += problems(item, model.additional_properties, api, f"{where}.{key}")
    return found


def _union(value: Any, variants: tuple[TypeRef, ...], discriminator: Any, api: Api, where: str) -> list[str]:
    if discriminator is not None and isinstance(value, dict):
        tag = value.get(discriminator.property)
        target = dict(discriminator.mapping).get(tag) if isinstance(tag, str) else None
        if target is None:
            return [f"{where}.{discriminator.property}: unknown tag {tag!r}"]
        return _model(value, target, api, where)
    results = [problems(value, v, api, where) for v in variants]
    if any(not r for r in results):
        return []
    return [f"{where}: matches no variant ({'; '.join(r[0] for r in results if r)})"]

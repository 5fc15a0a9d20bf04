"""Rewrite the IR to a flavor's conventions.

The rewrites, each driven by a Flavor field:
- `group_by`: operations are placed again, by path, tags or operationId (grouping.py);
- `operation_grouping`: operations move into their operationId's groups
  (`operation_groups`), with `method_placements` for the target applied;
- `client_names`: the target's own names for some wire names (`client_names`);
- `stream_event_payloads`: streaming operations get a union of typed events
  (`stream_events`);
- `operation_renames`: neutral names become the flavor's (`get` → `retrieve`);
- `beta_group_extension`: operations whose extension says `beta: true` move under a
  top-level `beta` resource, keeping their path grouping beneath it;
- `api_version_param`: the parameter leaves every operation and becomes one client
  parameter whose default comes from the spec (its default, its single enum value,
  or the document's version).
"""

from __future__ import annotations

from dataclasses import replace

from generator.flavors.client_names import rename
from generator.flavors.flavor import Flavor
from generator.flavors.grouping import group_operations
from generator.flavors.operation_groups import regroup
from generator.flavors.stream_events import typed_streams
from generator.ir.model import (
    Api,
    JsonValue,
    LiteralOf,
    Operation,
    Parameter,
    Primitive,
    Resource,
)

BETA = "beta"


def apply(api: Api, flavor: Flavor, target: str | None = None) -> Api:
    """`target` (`python`, `typescript`) selects the per-target data of the flavor;
    without it the IR is the flavor's for any target."""
    if flavor.group_by is not None:
        api = group_operations(api, flavor.group_by)
    if flavor.operation_grouping == "operation_id":
        api = regroup(api, flavor.method_placements, target)
    api = rename(api, flavor.client_names, target)
    if flavor.stream_event_payloads is not None:
        api = typed_streams(
            api,
            flavor.stream_event_payloads,
            flavor.stream_done_enum,
            flavor.discriminated_union_suffix,
        )
    api = api.map_operations(
        lambda op: replace(op, name=flavor.operation_name(op.name))
    )
    if flavor.beta_group_extension is not None:
        api = replace(
            api, resources=_move_beta(api.resources, flavor.beta_group_extension)
        )
    if flavor.api_version_param is not None:
        api = _hoist_api_version(api, flavor.api_version_param)
    return api


# --------------------------------------------------------------------------- beta


def _example_verdict(op: Operation) -> bool | None:
    """Whether the spec's own Python examples call the operation through `client.beta`."""
    calls = [
        code
        for example in op.examples
        for language, code in example.request
        if language == "python" and "client." in code
    ]
    if not calls:
        return None
    return any("client.beta." in code for code in calls)


def _is_beta(op: Operation, extension: str, siblings: bool | None) -> bool:
    """Where the Python examples reach the operation (its own, else its siblings'), else
    its `beta` flag.

    The examples are what users copy, and the two disagree in OpenAI's later specs:
    assistants lost the flag but are still called as `client.beta.assistants`, while
    `fine_tuning.alpha.graders` carries it but is called without `beta`.
    """
    verdict = _example_verdict(op)
    if verdict is None:
        verdict = siblings
    if verdict is not None:
        return verdict
    value = dict(op.extensions).get(extension)
    return isinstance(value, dict) and value.get("beta") is True


def _split(res: Resource, extension: str) -> tuple[Resource | None, Resource | None]:
    """The resource's stable part and its beta part (either may be empty → None)."""
    verdicts = [
        v for v in (_example_verdict(op) for op in res.operations) if v is not None
    ]
    siblings = any(verdicts) if verdicts else None
    beta_flags = [_is_beta(op, extension, siblings) for op in res.operations]
    stable_ops = tuple(op for op, beta in zip(res.operations, beta_flags) if not beta)
    beta_ops = tuple(op for op, beta in zip(res.operations, beta_flags) if beta)
    stable_children: list[Resource] = []
    beta_children: list[Resource] = []
    for child in res.children:
        stable, beta = _split(child, extension)
        if stable is not None:
            stable_children.append(stable)
        if beta is not None:
            beta_children.append(beta)
    stable_res = (
        replace(res, operations=stable_ops, children=tuple(stable_children))
        if stable_ops or stable_children
        else None
    )
    beta_res = (
        replace(res, operations=beta_ops, children=tuple(beta_children))
        if beta_ops or beta_children
        else None
    )
    return stable_res, beta_res


def _move_beta(resources: tuple[Resource, ...], extension: str) -> tuple[Resource, ...]:
    stable: list[Resource] = []
    beta: list[Resource] = []
    existing_beta: Resource | None = None
    for res in resources:
        if res.name == BETA:
            existing_beta = res
            continue
        s, b = _split(res, extension)
        if s is not None:
            stable.append(s)
        if b is not None:
            beta.append(b)
    if not beta and existing_beta is None:
        return resources
    if existing_beta is not None:
        merged = replace(existing_beta, children=existing_beta.children + tuple(beta))
    else:
        merged = Resource(name=BETA, operations=(), children=tuple(beta))
    return tuple(sorted([*stable, merged], key=lambda r: r.name))


# --------------------------------------------------------------------------- api-version


def _param_default(param: Parameter) -> JsonValue:
    if param.has_default:
        return param.default
    if isinstance(param.type, LiteralOf):
        return param.type.value
    return None


def _hoist_api_version(api: Api, wire: str) -> Api:
    found: list[Parameter] = [p for p in api.client_parameters if p.name == wire]

    def strip(op: Operation) -> Operation:
        kept = tuple(
            p for p in op.parameters if not (p.location == "query" and p.name == wire)
        )
        found.extend(
            p for p in op.parameters if p.location == "query" and p.name == wire
        )
        return replace(op, parameters=kept) if len(kept) != len(op.parameters) else op

    api = api.map_operations(strip)
    if not found:
        return api
    default: JsonValue = None
    for p in found:
        default = _param_default(p)
        if default is not None:
            break
    if default is None:
        default = api.version
    base = found[0]
    param = replace(
        base,
        location="query",
        type=Primitive("string"),
        default=default,
        has_default=True,
        required=False,
        method_level=False,
    )
    others = tuple(p for p in api.client_parameters if p.name != wire)
    return replace(api, client_parameters=(param, *others))

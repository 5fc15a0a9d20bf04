"""Typed server-sent events, from the enums in which a spec names its events.

Azure's spec lists its event names in enums (`RunStreamEvent`, `MessageStreamEvent`,
...) and says in each value's description what the data is: "Event sent when a run is
completed. The data of this event is of type ThreadRun". From those sentences this
module makes one model per payload type, `{event: <its names>, data: <payload>}`, and a
union of them discriminated by `event`, and makes it the event type of every streaming
operation. The targets then decode each event by its name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.flavors.flavor import StreamEventDocs
from generator.ir.model import (
    Api,
    Discriminator,
    EnumModel,
    Field,
    LiteralOf,
    Model,
    ObjectModel,
    Primitive,
    Ref,
    Resource,
    TypeRef,
    UnionModel,
    UnionOf,
)
from generator.ir.naming import UniqueNames, pascal

EVENT = "event"
DATA = "data"


def event_payloads(
    api: Api, docs: StreamEventDocs
) -> tuple[dict[str, str | None], EnumModel | None]:
    """Event name → the model its data is (None: raw data, for error events), in spec
    order; and the enum that lists the most of these events."""
    pattern = re.compile(docs.payload_pattern)
    names = {m.name for m in api.models}
    events: dict[str, str | None] = {}
    enums = [m for m in api.models if isinstance(m, EnumModel)]
    for enum in enums:
        for v in enum.values:
            found = pattern.search(v.description or "")
            if found and found.group(1) in names and isinstance(v.value, str):
                events.setdefault(v.value, found.group(1))
    if not events:
        return {}, None
    for enum in enums:
        if enum.name == docs.error_enum:
            events.update(
                {v.value: None for v in enum.values if isinstance(v.value, str)}
            )
    widest = max(enums, key=lambda e: sum(v.value in events for v in e.values))
    return events, widest


def _names_type(names: list[str]) -> TypeRef:
    if len(names) == 1:
        return LiteralOf(names[0])
    return UnionOf(tuple(LiteralOf(n) for n in names))


def _event_model(name: str, events: list[str], payload: str | None) -> ObjectModel:
    data: TypeRef = Ref(payload) if payload is not None else Primitive("any")
    what = f"`{payload}`" if payload is not None else "the raw error"
    return ObjectModel(
        name=name,
        fields=(
            Field(EVENT, _names_type(events), True, "The event's name."),
            Field(DATA, data, True, "The event's data."),
        ),
        description=f"A server-sent event with {what} data.",
    )


def typed_streams(api: Api, docs: StreamEventDocs, union_suffix: str) -> Api:
    events, widest = event_payloads(api, docs)
    if widest is None:
        return api
    taken = UniqueNames()
    for m in api.models:
        taken.reserve(m.name)
    by_payload: dict[str | None, list[str]] = {}
    for event, payload in events.items():
        by_payload.setdefault(payload, []).append(event)
    variants: list[Model] = []
    mapping: list[tuple[str, str]] = []
    for payload, names in by_payload.items():
        base = payload if payload is not None else "Stream" + pascal(names[0])
        model = _event_model(taken.claim(base + "Event"), names, payload)
        variants.append(model)
        mapping.extend((n, model.name) for n in names)
    union = UnionModel(
        name=taken.claim(widest.name + (union_suffix or "Union")),
        variants=tuple(Ref(v.name) for v in variants),
        discriminator=Discriminator(EVENT, tuple(mapping)),
        description=widest.description,
    )
    event_type = Ref(union.name)
    models = tuple(sorted((*api.models, *variants, union), key=lambda m: m.name))

    def typed(res: Resource) -> Resource:
        ops = tuple(
            (
                replace(op, streaming=replace(op.streaming, event_type=event_type))
                if op.streaming is not None
                else op
            )
            for op in res.operations
        )
        return replace(
            res, operations=ops, children=tuple(typed(c) for c in res.children)
        )

    client_ops = typed(Resource("", api.operations)).operations
    return replace(
        api,
        models=models,
        resources=tuple(typed(r) for r in api.resources),
        operations=client_ops,
    )

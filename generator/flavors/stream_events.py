"""Typed server-sent events, from the enums in which a spec names its events.

Azure's spec lists its event names in enums (`RunStreamEvent`, `MessageStreamEvent`,
...) and says in each value's description what the data is: "Event sent when a run is
completed. The data of this event is of type ThreadRun". From those sentences this
module makes one model per payload type, `{event: <its names>, data: <payload>}`, and a
union of them discriminated by `event`, named after the enum that lists the most of the
events, and makes it the event type of every streaming operation. The targets then
decode each event by its name. The events of the done enum (`DoneEvent`) join the union
with `[DONE]` as their data: the runtimes end a stream there, and know a stream that
stops before it was cut. `error` is not in the union: every target's runtime raises it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.ir.model import (
    Api,
    Discriminator,
    EnumModel,
    Field,
    LiteralOf,
    Model,
    ObjectModel,
    Operation,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)
from generator.ir.streams import DONE
from generator.naming.casing import pascal

EVENT = "event"
DATA = "data"


def event_payloads(api: Api, pattern: str) -> tuple[dict[str, str], EnumModel | None]:
    """Event name → the model its data is, in spec order; and the enum that lists the
    most of these events."""
    found_in = re.compile(pattern)
    names = {m.name for m in api.models}
    events: dict[str, str] = {}
    enums = [m for m in api.models if isinstance(m, EnumModel)]
    for enum in enums:
        for v in enum.values:
            found = found_in.search(v.description or "")
            if found and found.group(1) in names and isinstance(v.value, str):
                events.setdefault(v.value, found.group(1))
    if not events:
        return {}, None
    widest = max(enums, key=lambda e: sum(v.value in events for v in e.values))
    return events, widest


def _names_type(names: list[str]) -> TypeRef:
    if len(names) == 1:
        return LiteralOf(names[0])
    return UnionOf(tuple(LiteralOf(n) for n in names))


def _event_model(name: str, events: list[str], data: TypeRef) -> ObjectModel:
    what = f"`{data.name}`" if isinstance(data, Ref) else "`[DONE]` as its"
    return ObjectModel(
        name=name,
        fields=(
            Field(EVENT, _names_type(events), True, "The event's name."),
            Field(DATA, data, True, "The event's data."),
        ),
        description=f"A server-sent event with {what} data.",
    )


def _done_events(api: Api, done_enum: str | None) -> list[str]:
    return [
        v.value
        for m in api.models
        if isinstance(m, EnumModel) and m.name == done_enum
        for v in m.values
        if isinstance(v.value, str)
    ]


class _FreeNames:
    """Model names not yet in the API: `2`, `3`, ... after a taken one."""

    def __init__(self, taken: set[str]) -> None:
        self._taken = taken

    def claim(self, wanted: str) -> str:
        name, n = wanted, 2
        while name in self._taken:
            name, n = f"{wanted}{n}", n + 1
        self._taken.add(name)
        return name


def typed_streams(
    api: Api, pattern: str, done_enum: str | None, union_suffix: str
) -> Api:
    events, widest = event_payloads(api, pattern)
    if widest is None:
        return api
    taken = _FreeNames({m.name for m in api.models})
    by_payload: dict[str, list[str]] = {}
    for event, payload in events.items():
        by_payload.setdefault(payload, []).append(event)
    variants: list[Model] = []
    mapping: list[tuple[str, str]] = []
    for payload, names in by_payload.items():
        model = _event_model(taken.claim(payload + "Event"), names, Ref(payload))
        variants.append(model)
        mapping.extend((n, model.name) for n in names)
    for done in _done_events(api, done_enum):
        model = _event_model(
            taken.claim(f"Stream{pascal(done)}Event"), [done], LiteralOf(DONE)
        )
        variants.append(model)
        mapping.append((done, model.name))
    union = UnionModel(
        name=taken.claim(widest.name + (union_suffix or "Union")),
        variants=tuple(Ref(v.name) for v in variants),
        discriminator=Discriminator(EVENT, tuple(mapping)),
        description=widest.description,
    )
    event_type = Ref(union.name)
    models = tuple(sorted((*api.models, *variants, union), key=lambda m: m.name))

    def typed(op: Operation) -> Operation:
        if op.streaming is None:
            return op
        return replace(op, streaming=replace(op.streaming, event_type=event_type))

    return replace(api, models=models).map_operations(typed)

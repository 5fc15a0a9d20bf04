"""What a server-sent-event stream promises about its end."""

from __future__ import annotations

from collections.abc import Mapping

from generator.ir.model import (
    LiteralOf,
    Model,
    Nullable,
    ObjectModel,
    Ref,
    Streaming,
    TypeRef,
    UnionModel,
)

DONE = "[DONE]"


def ends_with_done(streaming: Streaming | None, models: Mapping[str, Model]) -> bool:
    """True when the stream's event type has a variant whose `data` is the literal `[DONE]`.

    Only then is a stream that stops before `data: [DONE]` known to be cut short: many
    streams (and specs that say nothing of their end) simply stop.
    """
    if streaming is None:
        return False
    return any(
        _is_done_event(v, models) for v in _variants(streaming.event_type, models)
    )


def _variants(t: TypeRef | None, models: Mapping[str, Model]) -> list[TypeRef]:
    if isinstance(t, Nullable):
        t = t.inner
    model = models.get(t.name) if isinstance(t, Ref) else None
    if isinstance(model, UnionModel):
        return list(model.variants)
    return [] if t is None else [t]


def _is_done_event(t: TypeRef, models: Mapping[str, Model]) -> bool:
    model = models.get(t.name) if isinstance(t, Ref) else None
    if not isinstance(model, ObjectModel):
        return False
    return any(
        f.name == "data" and isinstance(f.type, LiteralOf) and f.type.value == DONE
        for f in model.fields
    )

"""Cursor pagination and server-sent event streams, recognised from an operation's shape."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.ir.model import (
    AliasModel,
    ArrayOf,
    Body,
    Field,
    Model,
    Nullable,
    ObjectModel,
    Pagination,
    Parameter,
    Primitive,
    Ref,
    Response,
    Streaming,
    TypeRef,
)

EVENT_STREAM = "text/event-stream"
ITEMS_FIELD = "data"
HAS_MORE_FIELD = "has_more"
NEXT_CURSOR_FIELD = "last_id"
CURSOR_PARAM = "after"
BEFORE_PARAM = "before"
LIMIT_PARAM = "limit"
STREAM_FLAG = "stream"
SSE_WORDS = re.compile(r"server-sent events|\bSSE\b", re.IGNORECASE)


def object_model(t: TypeRef | None, models: Mapping[str, Model]) -> ObjectModel | None:
    """The object a type stands for, through nullability and aliases."""
    seen: set[str] = set()
    while t is not None:
        if isinstance(t, Nullable):
            t = t.inner
        elif isinstance(t, Ref) and t.name not in seen:
            seen.add(t.name)
            model = models.get(t.name)
            if isinstance(model, ObjectModel):
                return model
            t = model.target if isinstance(model, AliasModel) else None
        else:
            return None
    return None


def cursor_pagination(
    parameters: Sequence[Parameter],
    success: Response | None,
    models: Mapping[str, Model],
) -> Pagination | None:
    """`after` (and `before`, `limit`) in the query; `data` array (+ `has_more`, `last_id`) out."""
    query = {p.name for p in parameters if p.location == "query"}
    if CURSOR_PARAM not in query or success is None:
        return None
    page = object_model(success.type, models)
    if page is None:
        return None
    fields = {f.name: f for f in page.fields}
    items = fields.get(ITEMS_FIELD)
    items_type = (
        items.type.inner
        if items is not None and isinstance(items.type, Nullable)
        else (items.type if items is not None else None)
    )
    if not isinstance(items_type, ArrayOf):
        return None
    return Pagination(
        items_field=ITEMS_FIELD,
        item_type=items_type.items,
        cursor_param=CURSOR_PARAM,
        cursor_field=NEXT_CURSOR_FIELD if NEXT_CURSOR_FIELD in fields else None,
        has_more_field=HAS_MORE_FIELD if HAS_MORE_FIELD in fields else None,
        limit_param=LIMIT_PARAM if LIMIT_PARAM in query else None,
        before_param=BEFORE_PARAM if BEFORE_PARAM in query else None,
    )


def streaming(
    stream_responses: Sequence[tuple[str, TypeRef | None]],
    bodies: Sequence[Body],
    models: Mapping[str, Model],
) -> Streaming | None:
    """An event-stream success response; `flag` when a JSON body has a boolean `stream`.

    Specs written before they listed `text/event-stream` (OpenAI's of March 2024) say
    it only in the flag's description ("... as server-sent events", Azure's "... as
    SSE"); that is taken as a stream with no declared event type."""
    flag = _stream_flag(bodies, models)
    if stream_responses:
        content_type, event_type = stream_responses[0]
        return Streaming(
            content_type, event_type, flag.name if flag is not None else None
        )
    if flag is not None and SSE_WORDS.search(flag.description or ""):
        return Streaming(EVENT_STREAM, None, flag.name)
    return None


def _stream_flag(bodies: Sequence[Body], models: Mapping[str, Model]) -> Field | None:
    for body in bodies:
        model = object_model(body.type, models)
        if model is None:
            continue
        for f in model.fields:
            t = f.type.inner if isinstance(f.type, Nullable) else f.type
            if (
                f.name == STREAM_FLAG
                and isinstance(t, Primitive)
                and t.kind == "boolean"
            ):
                return f
    return None

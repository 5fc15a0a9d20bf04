"""One line per operation, and the named types an operation takes and returns."""

from __future__ import annotations

import re

from generator.ir.model import Operation
from generator.ir.refs import type_refs

LINE_LIMIT = 160
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_SPACE = re.compile(r"\s+")


def one_line(op: Operation) -> str:
    """The summary, else the description's first sentence; empty when the spec has none."""
    text = op.summary or op.description or ""
    first = text.strip().split("\n\n", 1)[0]
    first = _SPACE.sub(" ", first).strip()
    sentence = _SENTENCE_END.split(first, 1)[0] if not op.summary else first
    if len(sentence) > LINE_LIMIT:
        sentence = sentence[: LINE_LIMIT - 1].rstrip() + "…"
    return sentence


def takes(op: Operation) -> list[str]:
    """Models named by the parameters and the request bodies, sorted."""
    names: set[str] = set()
    for param in op.parameters:
        names |= type_refs(param.type)
    for body in op.bodies:
        names |= type_refs(body.type)
    return sorted(names)


def returns(op: Operation) -> list[str]:
    """Models named by the answer: the success body, the page's items, the events."""
    names: set[str] = set()
    if op.success is not None:
        names |= type_refs(op.success.type)
    if op.pagination is not None:
        names |= type_refs(op.pagination.item_type)
    if op.streaming is not None:
        names |= type_refs(op.streaming.event_type)
    return sorted(names)

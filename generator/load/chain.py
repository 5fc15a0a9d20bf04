"""Paths to nodes as the scan walks a tree: built cheaply, turned into pointers on need."""

from __future__ import annotations

from typing import Any

from generator.load.locate import join_pointer

Chain = tuple[Any, ...] | None
"""(token, parent chain): the path to a node, materialised only when needed."""


def pointer_of(chain: Chain) -> str:
    tokens: list[str] = []
    while chain is not None:
        # A child's keys are made text when it is visited; a parent may report it first.
        tokens.append(chain[0] if type(chain[0]) is str else key_text(chain[0]))
        chain = chain[1]
    tokens.reverse()
    return join_pointer(tokens)


def key_text(key: Any) -> str:
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    return str(key)

"""JSON pointer → line and column, from PyYAML's event marks, only when a message needs it.

Positions cost a second full parse (about 0.9 s on the 3 MB OpenAI spec), so the
happy path never asks for them: they are computed for an error, a warning that is
being printed, or `Document.source`, and kept per file once computed. Events rather
than composed nodes: the event stream does not mind an anchor defined twice, and a
search can stop as soon as it passes the node it wants.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

Position = tuple[int, int]
"""1-based line and column."""


def split_pointer(pointer: str) -> tuple[str, ...]:
    """`/a~1b/c` → ("a/b", "c"). The leading `#` of a fragment is tolerated."""
    pointer = pointer.removeprefix("#")
    if not pointer:
        return ()
    return tuple(
        token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")
    )


def join_pointer(tokens: tuple[str, ...] | list[str]) -> str:
    return "".join(
        "/" + token.replace("~", "~0").replace("/", "~1") for token in tokens
    )


@dataclass
class _Frame:
    is_mapping: bool
    expect_key: bool = True
    key: str = ""
    index: int = 0
    key_position: Position | None = None
    is_key: bool = False
    """A collection used as a mapping key: its contents are not addressable."""


@dataclass
class _Node:
    path: tuple[str, ...]
    position: Position
    key_position: Position | None = None


@dataclass
class _Walk:
    frames: list[_Frame] = field(default_factory=list)
    path: list[str] = field(default_factory=list)


def _broken_text() -> tuple[type[Exception], ...]:
    import yaml

    return (yaml.YAMLError, ValueError)


def _mark(event: Any) -> Position:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _nodes(text: str) -> Iterator[_Node]:
    """Every addressable node of the first document, in document order."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    frames: list[_Frame] = []
    path: list[str] = []
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = frames.pop()
            if frames:
                _after_node(frames[-1], path, was_key=done.is_key, key="<complex key>")
            continue
        if not isinstance(
            event,
            (
                yaml.ScalarEvent,
                yaml.MappingStartEvent,
                yaml.SequenceStartEvent,
                yaml.AliasEvent,
            ),
        ):
            if isinstance(event, yaml.DocumentEndEvent):
                return
            continue
        parent = frames[-1] if frames else None
        if parent is not None and (
            parent.is_key or parent.is_mapping and parent.expect_key
        ):
            if isinstance(event, yaml.ScalarEvent):
                if not parent.is_key:
                    parent.key = str(event.value)
                    parent.key_position = _mark(event)
                    parent.expect_key = False
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                frames.append(
                    _Frame(isinstance(event, yaml.MappingStartEvent), is_key=True)
                )
            elif not parent.is_key:
                parent.key = "<alias key>"
                parent.expect_key = False
            continue
        if parent is not None:
            path.append(parent.key if parent.is_mapping else str(parent.index))
        yield _Node(
            tuple(path),
            _mark(event),
            parent.key_position if parent and parent.is_mapping else None,
        )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            frames.append(_Frame(isinstance(event, yaml.MappingStartEvent)))
        elif parent is not None:
            _after_node(parent, path, was_key=False, key="")


def _after_node(frame: _Frame, path: list[str], *, was_key: bool, key: str) -> None:
    if frame.is_key:
        return
    if was_key:
        frame.key = key
        frame.expect_key = False
        return
    if path:
        path.pop()
    if frame.is_mapping:
        frame.expect_key = True
        frame.key_position = None
    else:
        frame.index += 1


def locate(text: str, pointer: str, *, key: bool = False) -> Position | None:
    """Where the node at `pointer` starts (or its key, with `key=True`).

    When the pointer goes past what the text holds, the deepest existing node on the
    way is returned, which is where the reader should look.
    """
    target = split_pointer(pointer)
    best: Position | None = None
    best_depth = -1
    try:
        for node in _nodes(text):
            depth = len(node.path)
            if (
                depth <= len(target)
                and node.path == target[:depth]
                and depth > best_depth
            ):
                best_depth = depth
                best = (
                    node.key_position
                    if key and node.key_position and depth == len(target)
                    else node.position
                )
                if depth == len(target):
                    return best
    except _broken_text():  # the text is broken further on; what was found still helps
        pass
    return best


def position_map(text: str) -> dict[str, Position]:
    """Pointer → where its node starts (its key, for a mapping member), for every node."""
    positions: dict[str, Position] = {}
    try:
        for node in _nodes(text):
            positions[join_pointer(node.path)] = node.key_position or node.position
    except _broken_text():
        pass  # positions up to the break are still right
    return positions


def find_duplicate_keys(text: str) -> list[tuple[str, str, int, int]]:
    """(key, pointer of the mapping, line, column) of every key seen twice in one mapping."""
    found: list[tuple[str, str, int, int]] = []
    seen: dict[tuple[str, ...], set[str]] = {}
    try:
        for node in _nodes(text):
            if not node.path:
                continue
            parent, key = node.path[:-1], node.path[-1]
            keys = seen.setdefault(parent, set())
            if key in keys and node.key_position is not None:
                found.append((key, join_pointer(parent), *node.key_position))
            keys.add(key)
    except _broken_text():
        pass  # yaml-rs read the text, so PyYAML refusing it later changes nothing found
    return found


def locate_syntax_error(text: str) -> tuple[int | None, int | None, str | None]:
    """PyYAML's position and reason for a syntax error yaml-rs reported without one."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for _ in yaml.parse(text, Loader=loader):
            pass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        if mark is None:
            return None, None, err.problem
        return mark.line + 1, mark.column + 1, err.problem
    except yaml.YAMLError as err:
        return None, None, str(err)
    return None, None, None


def find_collection_key(text: str) -> Position | None:
    """Where the first mapping key that is itself a list or a mapping starts."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    # Per open collection: [is a mapping, the next node is a key].
    open_collections: list[list[bool]] = []
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                open_collections.pop()
                continue
            if not isinstance(
                event,
                (
                    yaml.ScalarEvent,
                    yaml.AliasEvent,
                    yaml.MappingStartEvent,
                    yaml.SequenceStartEvent,
                ),
            ):
                continue
            if open_collections and open_collections[-1][0]:
                if open_collections[-1][1] and not isinstance(
                    event, (yaml.ScalarEvent, yaml.AliasEvent)
                ):
                    return _mark(event)
                open_collections[-1][1] = not open_collections[-1][1]
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                open_collections.append(
                    [isinstance(event, yaml.MappingStartEvent), True]
                )
    except yaml.YAMLError:
        pass
    return None

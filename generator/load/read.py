"""Bytes to a tree: decoding, JSON fast path, YAML through yaml-rs, located syntax errors.

yaml-rs parses the 3 MB OpenAI spec about ten times faster than PyYAML and follows
YAML 1.2 where published specs need it (an anchor defined again: the later one
wins). It also bounds alias expansion and nesting, so a hostile file fails fast
instead of eating memory. PyYAML is only imported to place an error that yaml-rs
reports without a position (see `locate`).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from generator.diagnostics import Diagnostic, SpecError

MAX_ALIAS_EVENTS = 1_000_000
"""yaml-rs replays an alias's events; a million is far above any real spec and
stops a "billion laughs" document in a fraction of a second."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_YAML_POSITION = re.compile(r"line (\d+), column (\d+)")


@dataclass(frozen=True)
class Parsed:
    tree: Any
    warnings: tuple[Diagnostic, ...] = ()


def decode(data: bytes, file: str) -> str:
    """Text of a spec file: honours a byte-order mark, else UTF-8; refuses binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding, file)
    _refuse_binary(data, file)
    return _decode_as(data, "utf-8", file)


_CONTROL_BYTES = tuple(bytes([code]) for code in (*range(9), 11, 12, *range(14, 32)))


def _refuse_binary(data: bytes, file: str) -> None:
    # One `find` per control byte is a fast scan of the whole file (~1 ms for 3 MB),
    # far cheaper than a regex; YAML allows none of them, and yaml-rs would read some
    # as an empty document, hiding binary garbage behind a vaguer message.
    offsets = [
        offset for offset in (data.find(byte) for byte in _CONTROL_BYTES) if offset >= 0
    ]
    if not offsets:
        return
    offset = min(offsets)
    line, column = _position_of_offset(data, offset)
    what = (
        "NUL bytes" if data[offset] == 0 else f"the control byte 0x{data[offset]:02x}"
    )
    raise SpecError.at(
        f"not a text file (it contains {what}): expected a YAML or JSON document",
        code="binary",
        file=file,
        line=line,
        column=column,
    )


def _decode_as(data: bytes, encoding: str, file: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        line, column = _position_of_offset(data, err.start)
        raise SpecError.at(
            f"not valid {encoding.upper()} text (byte 0x{data[err.start]:02x} at offset {err.start});"
            " expected a YAML or JSON document",
            code="encoding",
            file=file,
            line=line,
            column=column,
        ) from None
    if encoding != "utf-8":
        _refuse_control_characters(text, file)
    return text


def _refuse_control_characters(text: str, file: str) -> None:
    # YAML forbids C0 controls other than tab/LF/CR; yaml-rs would read some of them as
    # an empty document, which would hide binary garbage behind a vaguer message.
    match = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    if match is None:
        return
    before = text[: match.start()]
    line = before.count("\n") + 1
    column = match.start() - (before.rfind("\n") + 1) + 1
    raise SpecError.at(
        f"not a text file (control character U+{ord(match.group()):04X}): expected a YAML or JSON document",
        code="binary",
        file=file,
        line=line,
        column=column,
    )


def _position_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def parse_text(text: str, file: str) -> Parsed:
    """The tree of one document; JSON goes through the stdlib, anything else through yaml-rs."""
    stripped = text.lstrip()
    if not stripped or stripped.startswith("#") and not _has_content(text):
        raise SpecError.at(
            "the file is empty: expected an OpenAPI document", code="empty", file=file
        )
    if stripped[0] in "{[":
        try:
            return Parsed(json.loads(text))
        except (json.JSONDecodeError, RecursionError):
            # A `.json` that is really YAML, or broken or absurdly deep JSON: yaml-rs
            # reads the first and places the error of the others.
            pass
    return _parse_yaml(text, file)


def _has_content(text: str) -> bool:
    return any(
        line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()
    )


def _parse_yaml(text: str, file: str) -> Parsed:
    import yaml_rs

    try:
        tree = _yaml_loads(text, file, yaml_rs.DuplicateKeyPolicy.Error)
        warnings: tuple[Diagnostic, ...] = ()
    except _DuplicateKey as duplicate:
        # Later keys win, as in most YAML and JSON readers; we say where it happened.
        tree = _yaml_loads(text, file, yaml_rs.DuplicateKeyPolicy.LastWins)
        warnings = _duplicate_key_warnings(text, file, duplicate.message)
    except SpecError as refused:
        if refused.diagnostic.code != "syntax":
            raise
        from generator.load.yaml11 import read_as_yaml11

        tree = read_as_yaml11(text, file, refused)
        warnings = (_yaml11_warning(refused.diagnostic, text),)
    if "<<" in text:
        from generator.load.yaml11 import apply_merge_keys

        apply_merge_keys(tree)
    if isinstance(tree, list) and _is_multi_document(text):
        raise SpecError.at(
            f"the file holds {len(tree)} YAML documents: expected exactly one OpenAPI document",
            code="multi-document",
            file=file,
        )
    return Parsed(tree, warnings)


def _yaml11_warning(refused: Diagnostic, text: str) -> Diagnostic:
    reason = refused.message.removeprefix("YAML syntax error: ")
    line, column = refused.line, refused.column
    quoted = re.search(r"'([^']+)'", reason)
    if line is None and quoted and quoted.group(1) in text:
        before = text[: text.index(quoted.group(1))]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
    return replace(
        refused,
        severity="warning",
        code="yaml-1.1",
        message=f"not YAML 1.2 ({reason}); read the way YAML 1.1 readers (PyYAML) do",
        line=line,
        column=column,
    )


class _DuplicateKey(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _yaml_loads(text: str, file: str, duplicates: Any) -> Any:
    import yaml_rs

    limits = yaml_rs.AliasLimits(max_total_replayed_events=MAX_ALIAS_EVENTS)
    try:
        return yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=limits,
            duplicate_key_policy=duplicates,
        )
    except yaml_rs.YAMLDecodeError as err:
        message = str(err)
        if message.startswith("duplicate mapping key"):
            raise _DuplicateKey(message) from None
        raise _syntax_error(message, text, file) from None
    except RecursionError:
        raise SpecError.at(
            "the document nests too deeply to be an OpenAPI document",
            code="too-deep",
            file=file,
        ) from None
    except TypeError:
        # yaml-rs cannot build a Python dict whose key is a list or a mapping.
        from generator.load.locate import find_collection_key

        position = find_collection_key(text)
        raise SpecError.at(
            "a mapping key is a list or a mapping: OpenAPI keys must be text",
            code="syntax",
            file=file,
            line=position[0] if position else None,
            column=position[1] if position else None,
        ) from None


def _is_multi_document(text: str) -> bool:
    """yaml-rs returns a list both for a top-level list and for several documents."""
    markers = [
        match.start() for match in re.finditer(r"^---(?:[ \t]|$)", text, re.MULTILINE)
    ]
    if not markers:
        return False
    return len(markers) > 1 or _has_content(text[: markers[0]])


def _duplicate_key_warnings(
    text: str, file: str, message: str
) -> tuple[Diagnostic, ...]:
    from generator.load.locate import find_duplicate_keys

    return tuple(
        Diagnostic(
            "warning",
            "duplicate-key",
            f"the key {key!r} appears twice in one mapping; the later value is used",
            file,
            line,
            column,
            pointer,
        )
        for key, pointer, line, column in find_duplicate_keys(text)
    ) or (
        Diagnostic(
            "warning", "duplicate-key", message + "; the later value is used", file
        ),
    )


def _syntax_error(message: str, text: str, file: str) -> SpecError:
    position = _YAML_POSITION.search(message)
    lines = message.splitlines()
    # yaml-rs puts a source excerpt between the header and the reason; keep the reason.
    reason = lines[-1].strip() if lines else message
    if "recursion limit" in reason:
        return SpecError.at(
            "the document nests too deeply to be an OpenAPI document (YAML: recursion limit exceeded)",
            code="too-deep",
            file=file,
            line=int(position.group(1)) if position else None,
            column=int(position.group(2)) if position else None,
        )
    if "alias replay limit" in message or "alias" in reason and "limit" in reason:
        return SpecError.at(
            f"YAML aliases expand too far ({reason}): refusing a document that would not fit in memory",
            code="alias-bomb",
            file=file,
            line=int(position.group(1)) if position else None,
            column=int(position.group(2)) if position else None,
        )
    if position is None:
        from generator.load.locate import locate_syntax_error

        line, column, detail = locate_syntax_error(text)
        return SpecError.at(
            f"YAML syntax error: {detail or reason}",
            code="syntax",
            file=file,
            line=line,
            column=column,
        )
    return SpecError.at(
        f"YAML syntax error: {reason}",
        code="syntax",
        file=file,
        line=int(position.group(1)),
        column=int(position.group(2)),
    )

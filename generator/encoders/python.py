"""Python literals and comment text, in black's style (double quotes, lower-case hex)."""

from __future__ import annotations

import math

from generator.encoders.invisible import quoted, visible_line, visible_lines

_SIMPLE = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _hidden(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def py_str(value: str) -> str:
    """A double-quoted Python string literal that evaluates to `value`."""
    return quoted(value, '"', _SIMPLE, _hidden)


def py_float(value: float) -> str:
    if math.isnan(value):
        return 'float("nan")'
    if math.isinf(value):
        return 'float("inf")' if value > 0 else '-float("inf")'
    return repr(value)


def py_literal(value: object) -> str:
    """A Python expression for a JSON value (None, bools, numbers, strings, lists, dicts)."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return py_float(value)
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{py_str(str(k))}: {py_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def py_doc_lines(text: str) -> list[str]:
    """Docstring content: no `\"\"\"` can close it, no backslash can start an escape,
    no invisible character survives."""
    return [
        line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        for line in visible_lines(text)
    ]


def py_comment(text: str) -> str:
    """Text after `# ` on one line."""
    return visible_line(text)

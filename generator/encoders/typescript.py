"""TypeScript literals and doc-comment text."""

from __future__ import annotations

import math
import re

from generator.encoders.invisible import quoted, visible_line, visible_lines

_SIMPLE = {
    "\\": "\\\\",
    "'": "\\'",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


def _hidden(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    # Astral code points as a surrogate pair: valid in every ECMAScript version.
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def ts_str(value: str) -> str:
    """A single-quoted TypeScript string literal that evaluates to `value`."""
    return quoted(value, "'", _SIMPLE, _hidden)


_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def ts_key(name: str) -> str:
    """A member name in an interface or object type: bare when it is an ASCII
    identifier, else a string literal."""
    return name if _IDENTIFIER.fullmatch(name) else ts_str(name)


def ts_object_key(name: str, *, quote: bool = False) -> str:
    """A key in an object literal. `__proto__` is computed (`['__proto__']`): written
    plainly it would set the object's prototype instead of making a property."""
    if name == "__proto__":
        return "[" + ts_str(name) + "]"
    return ts_str(name) if quote else ts_key(name)


def ts_number(value: float) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
    return repr(value)


def ts_literal(value: object) -> str:
    """A TypeScript expression for a JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return ts_number(value)
    if isinstance(value, str):
        return ts_str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(ts_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{ts_str(str(k))}: {ts_literal(v)}" for k, v in value.items())
        return "{ " + ", ".join(items) + " }"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def ts_doc_lines(text: str) -> list[str]:
    """Lines for a `/** ... */` comment: `*/` cannot close it early."""
    return [line.replace("*/", "*\\/") for line in visible_lines(text)]


def ts_comment(text: str) -> str:
    """Text after `// ` on one line."""
    return visible_line(text)

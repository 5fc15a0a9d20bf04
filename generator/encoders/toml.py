"""TOML basic strings (pyproject.toml of a generated package)."""

from __future__ import annotations

from generator.encoders.invisible import quoted

_SIMPLE = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _hidden(code: int) -> str:
    if 0xD800 <= code <= 0xDFFF:
        return "\\ufffd"  # TOML strings are Unicode scalar values: no lone surrogates.
    return f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}"


def toml_str(value: str) -> str:
    return quoted(value, '"', _SIMPLE, _hidden)

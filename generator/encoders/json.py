"""JSON values (package.json, tsconfig.json of a generated package)."""

from __future__ import annotations

import json

from generator.encoders.invisible import has_invisible, is_invisible


def _visible(encoded: str) -> str:
    if not has_invisible(encoded):
        return encoded
    return "".join(
        json.dumps(ch)[1:-1] if is_invisible(ch) else ch for ch in encoded
    )


def json_literal(value: object, indent: int | None = None) -> str:
    """JSON text for `value`, with readable non-ASCII and escaped invisible characters."""
    return _visible(json.dumps(value, ensure_ascii=False, indent=indent))

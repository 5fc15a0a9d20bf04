"""Characters that must never appear raw in a generated file.

Controls (C0, C1), format characters (bidi embeddings, overrides and isolates, zero-width
joiners, the BOM), line and paragraph separators, surrogates, private-use and unassigned
code points: each can change how code reads (Trojan Source), break a parser, or make
a file invalid UTF-8.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


@lru_cache(maxsize=4096)
def is_invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _CATEGORIES


def has_invisible(text: str) -> bool:
    return not text.isprintable() and any(is_invisible(ch) for ch in text)


def visible_lines(text: str) -> list[str]:
    """Text for a comment: lines split on every line break, tabs expanded, every other
    invisible character dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(8).split("\n")
    return [
        (
            "".join(ch for ch in line if not is_invisible(ch))
            if has_invisible(line)
            else line
        )
        for line in lines
    ]


def visible_line(text: str) -> str:
    """Text for a one-line comment or a heading: line breaks become spaces."""
    return " ".join(visible_lines(text))


def shown(text: str) -> str:
    """Spec text in a message for people (warnings on a terminal): every invisible
    character spelled as its code point, so a name cannot hide what it holds."""
    if not has_invisible(text):
        return text
    return "".join(f"<U+{ord(ch):04X}>" if is_invisible(ch) else ch for ch in text)


def quoted(
    value: str, quote: str, simple: Mapping[str, str], hidden: Callable[[int], str]
) -> str:
    """`value` between `quote`s, for a language whose string literals escape the
    characters of `simple` as given and spell an invisible code point as `hidden(code)`."""
    if value.isprintable() and not any(ch in simple for ch in value):
        return quote + value + quote  # nothing to escape: the common case, kept fast
    body = "".join(
        simple.get(ch) or (hidden(ord(ch)) if is_invisible(ch) else ch) for ch in value
    )
    return quote + body + quote

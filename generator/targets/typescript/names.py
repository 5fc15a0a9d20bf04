"""TypeScript identifiers: casing, reserved words, literals and doc comments."""

from __future__ import annotations

import re
from functools import lru_cache

RESERVED = frozenset(
    """break case catch class const continue debugger default delete do else enum export
    extends false finally for function if import in instanceof new null return super switch
    this throw true try typeof var void while with as implements interface let package
    private protected public static yield any boolean constructor declare get module
    require number set string symbol type from of unknown never object bigint undefined
    await async""".split()  # noqa: SIM905 - a word list reads better as prose
)

# Globals that generated model/resource code refers to; a model may not shadow them.
PROTECTED_GLOBALS = frozenset(
    {
        "Array",
        "Record",
        "Date",
        "Promise",
        "Blob",
        "Uint8Array",
        "ArrayBuffer",
        "Core",
        "Partial",
        "Object",
        "String",
        "Number",
        "Boolean",
        "Symbol",
        "JSON",
        "Math",
        "Error",
    }
)

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")
_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def pascal(text: str) -> str:
    out = "".join(w[:1].upper() + w[1:] for w in words(text))
    if not out:
        out = "Model"
    if out[0].isdigit():
        out = "_" + out
    return out


def camel(text: str) -> str:
    """`thread_id` → `threadId`; an identifier that is already camelCase stays as it is."""
    parts = words(text)
    if not parts:
        return "_"
    head = parts[0]
    head = (
        head.lower()
        if head.isupper() and len(parts) > 1
        else head[:1].lower() + head[1:]
    )
    out = head + "".join(w[:1].upper() + w[1:] for w in parts[1:])
    if out[0].isdigit():
        out = "_" + out
    return out


def safe_identifier(name: str) -> str:
    """A name usable as a parameter or local variable."""
    return name + "_" if name in RESERVED else name


def property_key(name: str) -> str:
    """A member name as written in an interface or object literal (quoted when needed)."""
    if _IDENT.match(name):
        return name
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"


def singular(name: str) -> str:
    """`runs` → `run`, `batches` → `batch`, `vector_stores` → `vector_store`."""
    lower = name.lower()
    if lower.endswith("ies") and len(name) > 3:
        return name[:-3] + "y"
    if re.search(r"(ch|sh|ss|x|z)es$", lower):
        return name[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(name) > 1:
        return name[:-1]
    return name


def string_literal(value: str) -> str:
    return (
        "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
    )


@lru_cache(maxsize=16384)
def doc_lines(text: str | None, link_base: str | None = None) -> tuple[str, ...]:
    """Description → doc-comment lines; `*/` may not end the comment early, and
    root-relative links (`](/docs/...)`) point into `link_base` when one is given.

    Cached: specs repeat descriptions (`metadata`'s appears hundreds of times)."""
    if not text:
        return ()
    text = text.strip().replace("*/", "*\\/")
    if link_base:
        text = text.replace("](/", "](" + link_base.rstrip("/") + "/")
    return tuple(line.rstrip() for line in text.splitlines())

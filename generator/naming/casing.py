"""The one casing module: words joined in each style a target uses.

Every function takes any spec text and returns a syntactically valid ASCII
identifier (or `""` when the text holds no word at all — the caller's allocator
then supplies a fallback). Case inside a word is kept where the style allows it
(`HTTPHeader` stays `HTTPHeader` in PascalCase), because spec authors' acronyms are
part of the name users search for.
"""

from __future__ import annotations

from generator.naming.words import identifier_words, words


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def snake(text: str) -> str:
    """`assistantId` → `assistant_id`, `3d_secure` → `three_d_secure`."""
    return "_".join(w.lower() for w in identifier_words(text))


def upper_snake(text: str) -> str:
    """`api-key` → `API_KEY` (environment variables, constants)."""
    return snake(text).upper()


def pascal(text: str) -> str:
    """`run_step` → `RunStep`, `HTTPHeader` → `HTTPHeader`."""
    return "".join(_cap(w) for w in identifier_words(text))


def capitalized(text: str) -> str:
    """`MCP tool approval` → `McpToolApproval`: each word capitalised, the rest lower
    case, so a name does not depend on how the spec cased its acronyms (the names the IR
    makes up from titles, operationIds and property names)."""
    return "".join(w.capitalize() for w in words(text))


def camel(text: str) -> str:
    """`thread_id` → `threadId`, `URL` → `url`, `APIKey` → `apiKey`."""
    parts = identifier_words(text)
    if not parts:
        return ""
    head = (
        parts[0].lower() if parts[0].isupper() else parts[0][:1].lower() + parts[0][1:]
    )
    return head + "".join(_cap(w) for w in parts[1:])


def kebab(text: str) -> str:
    """`fine_tuning` → `fine-tuning` (file and package names)."""
    return "-".join(w.lower() for w in words(text))


def singular(word: str) -> str:
    """English singular of a resource noun, enough for path segments (`batches`, `entries`)."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word

"""Words, casing and unique names: how the IR names what the spec leaves unnamed."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|\b|_|$)|[A-Z]?[a-z]+|[A-Z]+|\d+")


def words(text: str) -> list[str]:
    """Lower-case words of an identifier in any casing: `submitToolOutputs`, `Runs_GetRun`,
    `admin-api-keys-list`, `HTTPHeader` → `http`, `header`."""
    return [w.lower() for w in _WORD.findall(text)]


def pascal(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words(text))


def snake(text: str) -> str:
    return "_".join(words(text))


def singular(word: str) -> str:
    """English singular of a resource noun, enough for path segments (`batches`, `entries`)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


class UniqueNames:
    """Hands out names that never collide, suffixing `2`, `3`, ... in the order asked."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def reserve(self, name: str) -> None:
        self._taken.add(name)

    def taken(self, name: str) -> bool:
        return name in self._taken

    def claim(self, wanted: str) -> str:
        name = wanted
        n = 2
        while name in self._taken:
            name = f"{wanted}{n}"
            n += 1
        self._taken.add(name)
        return name

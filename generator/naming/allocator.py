"""Name allocation: one scope per namespace of generated identifiers.

A scope holds the names its target reserves there (keywords, builtins, the names the
target's runtime and imports use) and the names already taken, and turns a wanted
identifier into a free one with one rule:

- a reserved name gets the scope's reserved suffix, a trailing underscore unless the
  scope says otherwise (`class` → `class_`, `str` → `str_`; TypeScript type names take
  `Model`, so a schema `Error` does not hide the global `Error`: `ErrorModel`);
- a taken name gets the smallest free number, after an underscore when the name
  already ends in a digit or an underscore (`Pet` → `Pet2`, `foo_bar` → `foo_bar2`,
  `v1` → `v1_2`).

Every rename is recorded as a `renamed-identifier` warning that names both parties,
so a rename is visible in `inspect` and a change of rename is visible in `diff`.
Allocation is deterministic: the same claims in the same order give the same names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic

RENAMED = "renamed-identifier"


@dataclass(frozen=True)
class Owner:
    """What asks for a name: a description for messages, and where it comes from."""

    what: str
    """For messages: "property `foo_bar` of schema `Thing`", "operation `listPets`"."""
    file: str | None = None
    pointer: str | None = None


@dataclass
class RenameLog:
    """Collects every scope's renames of one generation, in claim order."""

    warnings: list[Diagnostic] = field(default_factory=list)

    def add(self, scope: str, wanted: str, given: str, owner: Owner, why: str) -> None:
        message = (
            f"{owner.what} is named `{given}` instead of `{wanted}` in {scope}: {why}"
        )
        self.warnings.append(
            Diagnostic(
                "warning", RENAMED, message, owner.file, None, None, owner.pointer
            )
        )


def _numbered(name: str, n: int) -> str:
    return f"{name}_{n}" if name[-1:].isdigit() else f"{name}{n}"


class Scope:
    """One namespace: a module, a class or interface, a signature, the client options.

    `fold` maps a name to the key collisions are judged on; file-name scopes fold case
    (`Foo.py` and `foo.py` are one file on macOS and Windows).
    """

    def __init__(
        self,
        label: str,
        log: RenameLog,
        reserved: Iterable[str] = (),
        *,
        fallback: str = "value",
        fold: Callable[[str], str] = str,
        reserved_suffix: str = "_",
    ) -> None:
        self.label = label
        self.log = log
        self.fallback = fallback
        self.reserved_suffix = reserved_suffix
        self._fold = fold
        self._reserved = frozenset(fold(r) for r in reserved)
        self._taken: dict[str, str] = {}
        """Folded name → description of its holder."""

    def child(
        self,
        label: str,
        reserved: Iterable[str] = (),
        *,
        fallback: str | None = None,
    ) -> Scope:
        """A new scope that logs into the same place (its own names are its own)."""
        return Scope(
            label,
            self.log,
            reserved,
            fallback=self.fallback if fallback is None else fallback,
            fold=self._fold,
            reserved_suffix=self.reserved_suffix,
        )

    def is_free(self, name: str) -> bool:
        key = self._fold(name)
        return key not in self._taken and key not in self._reserved

    def holder(self, name: str) -> str | None:
        return self._taken.get(self._fold(name))

    def take(self, name: str, what: str) -> None:
        """Mark a name taken without allocating (a name fixed by the target itself)."""
        self._taken.setdefault(self._fold(name), what)

    def claim(self, wanted: str, owner: Owner | str) -> str:
        """A free identifier for `wanted` (already cased and valid, or empty)."""
        who = owner if isinstance(owner, Owner) else Owner(owner)
        base = wanted or self.fallback
        why = "" if wanted else "the spec's name has no letters or digits usable here"
        if self._fold(base) in self._reserved:
            why = why or f"`{base}` is reserved there"
            base = base + self.reserved_suffix
        name = base
        n = 2
        while not self.is_free(name):
            if not why:
                why = f"`{name}` is already {self.holder(name) or 'reserved'}"
            name = _numbered(base, n)
            n += 1
        self._taken[self._fold(name)] = who.what
        if name != wanted:
            self.log.add(self.label, wanted or "", name, who, why)
        return name

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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic
from generator.encoders.invisible import shown

RENAMED = "renamed-identifier"


@dataclass(frozen=True)
class Owner:
    """What asks for a name: a description for messages, and where it comes from."""

    what: str
    """For messages: "property `foo_bar` of schema `Thing`", "operation `listPets`"."""
    file: str | None = None
    pointer: str | None = None


@dataclass(frozen=True)
class Claim:
    """One identifier given out: in which scope, to whom, wanted and given."""

    scope: str
    owner: str
    wanted: str
    given: str


@dataclass
class RenameLog:
    """Collects every scope's renames of one generation, in claim order."""

    warnings: list[Diagnostic] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    """Every identifier given out, renamed or not: `diff` compares them between versions."""

    def add(self, scope: str, wanted: str, given: str, owner: Owner, why: str) -> None:
        instead = f" instead of `{wanted}`" if wanted else ""
        message = shown(f"{owner.what} is named `{given}`{instead} in {scope}: {why}")
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

    def fork(self, label: str) -> Scope:
        """A new scope that starts with this one's reserved and taken names: a namespace
        that sees everything this one holds, plus names of its own."""
        scope = Scope(label, self.log, fallback=self.fallback, fold=self._fold)
        scope._reserved = self._reserved
        scope._taken = dict(self._taken)
        return scope

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

    def claim(
        self,
        wanted: str,
        owner: Owner | str,
        variants: Callable[[str], Iterable[str]] | None = None,
    ) -> str:
        """A free identifier for `wanted` (already cased and valid, or empty).

        `variants` names what else the identifier brings along (`Pets` → `AsyncPets`,
        `PetsWithRawResponse`): each of them must be free too, and is taken with it.
        """
        who = owner if isinstance(owner, Owner) else Owner(owner)
        base = wanted or self.fallback
        why = "" if wanted else "the spec's name has no letters or digits usable here"
        if any(self._fold(n) in self._reserved for n in _family(base, variants)):
            why = why or f"`{base}` is reserved there"
            base = base + self.reserved_suffix
        name = base
        n = 2
        while not all(self.is_free(each) for each in _family(name, variants)):
            if not why:
                busy = next(e for e in _family(name, variants) if not self.is_free(e))
                why = f"`{busy}` is already {self.holder(busy) or 'reserved'}"
            name = _numbered(base, n)
            n += 1
        for each in _family(name, variants):
            self._taken[self._fold(each)] = who.what
        self.log.claims.append(Claim(self.label, who.what, wanted, name))
        if name != wanted:
            self.log.add(self.label, wanted or "", name, who, why)
        return name

    def claim_all(
        self,
        wanted: Sequence[tuple[str, Owner | str]],
        variants: Callable[[str], Iterable[str]] | None = None,
        spelled: Sequence[str] | None = None,
    ) -> list[str]:
        """Claim several names at once: every name that is free as wanted keeps it, the
        rest are renamed after them, in order. So a spec's own `Pet2` stays `Pet2` when
        a second `Pet` is renamed, instead of being pushed to `Pet2_2`.

        `spelled`: the spec's own spelling of each; a name the spec spells exactly as
        the identifier wins over one that only casing makes equal (`foo_bar` keeps
        `foo_bar` whatever the order, and `fooBar` becomes `foo_bar2`).
        """
        order = sorted(
            range(len(wanted)),
            key=lambda i: (spelled is None or spelled[i] != wanted[i][0], i),
        )
        given: list[str | None] = [None] * len(wanted)
        for i in order:
            name, owner = wanted[i]
            if name and all(self.is_free(e) for e in _family(name, variants)):
                given[i] = self.claim(name, owner, variants)
        return [
            self.claim(name, owner, variants) if got is None else got
            for got, (name, owner) in zip(given, wanted)
        ]


def _family(
    name: str, variants: Callable[[str], Iterable[str]] | None
) -> tuple[str, ...]:
    return (name, *variants(name)) if variants is not None else (name,)

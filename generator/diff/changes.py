"""One change between two spec versions, and the changelog that groups them by resource."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Subject = Literal[
    "operation",
    "parameter",
    "body",
    "response",
    "field",
    "enum value",
    "union variant",
    "type",
    "identifier",
]
Action = Literal["added", "removed", "changed", "renamed"]

SHARED = "(shared types)"
"""Group of types reached from several unrelated resources, or from none."""


@dataclass(frozen=True)
class Change:
    group: str
    """Resource path (`threads/runs`) the change belongs to, `SHARED`, or a target's
    identifiers (`python identifiers`)."""
    subject: Subject
    action: Action
    target: str
    """What changed, qualified: `CreateRunRequest.stream`, `POST /threads/{}/runs`."""
    detail: str
    breaking: bool

    def sort_key(self) -> tuple[str, bool, str, str, str]:
        return (self.group, not self.breaking, self.target, self.subject, self.action)


@dataclass(frozen=True)
class Changelog:
    old: str
    new: str
    changes: tuple[Change, ...]

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaking)

    @property
    def has_breaking(self) -> bool:
        return any(c.breaking for c in self.changes)

    def groups(self) -> tuple[tuple[str, tuple[Change, ...]], ...]:
        names = sorted({c.group for c in self.changes}, key=lambda g: (g == SHARED, g))
        return tuple((g, tuple(c for c in self.changes if c.group == g)) for g in names)

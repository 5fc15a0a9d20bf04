"""What a target produces: the files of one SDK, each with a key and a way to render it.

Rendering is deferred so the pipeline can skip it: `key` is a digest of everything
that decides a file's content (its IR slice, the flavor, the options, the templates),
so a file whose key is unchanged is taken from the cache instead of rendered again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from generator.diagnostics import Diagnostic
from generator.naming.allocator import Claim

Formatter = Literal["black", "ruff", "none"]
Language = Literal["python", "typescript", "json", "toml", "text"]


@dataclass(frozen=True)
class PlannedFile:
    path: str
    """Relative to the output folder, with `/` separators."""
    key: str
    """Digest of every input that decides `render()`'s result."""
    render: Callable[[], str]
    language: Language = "text"
    overwrite: bool = True
    """False for a hand-written home (`_patch.py`): created once, never overwritten."""
    preformatted: bool = False
    """`render()` already returns black's style (checked by `black --check` in tests), so
    running black over it again changes nothing and may be skipped."""


@dataclass(frozen=True)
class TargetOptions:
    package_name: str
    client_name: str


@dataclass(frozen=True)
class FilePlan:
    files: tuple[PlannedFile, ...]
    warnings: tuple[Diagnostic, ...] = ()
    """What the target decided that the user should know (`renamed-identifier`)."""
    names: tuple[Claim, ...] = ()
    """Every identifier the target's name allocator gave out, so `diff` can tell when
    one changes between two versions of a spec."""

    def paths(self) -> tuple[str, ...]:
        return tuple(f.path for f in self.files)

"""What `load` hands to `build`: the parsed files in OpenAPI 3 shape, and how to follow refs.

Refs are not inlined: the builder walks the entry file and follows each `$ref`
through `Document.resolve`, relative to the file the `$ref` sits in. That keeps
names (a ref to `#/components/schemas/Run` is the model `Run`), keeps recursion
finite, and keeps every node's origin (file + JSON pointer) for messages.

Swagger 2.0 files are upgraded before they get here, in every file reached: their
`definitions`, `parameters` and `responses` live under `components`, and refs that
pointed at them have been rewritten to match.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir.model import Source


@dataclass(frozen=True)
class Resolved:
    """The target of a `$ref`: the node, the file it lives in and its pointer there."""

    node: Any
    file: str
    pointer: str

    @property
    def name(self) -> str:
        """The last pointer segment, unescaped: the component's own name."""
        last = self.pointer.rsplit("/", 1)[-1]
        return last.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True)
class Document:
    entry: str
    """Path of the entry file, as given (used in messages)."""
    root: Mapping[str, Any]
    """The entry file's tree, in OpenAPI 3 shape."""
    spec_format: str
    """As the entry file declared it: `openapi-3.0.3`, `openapi-3.1.0`, `swagger-2.0`."""
    files: Mapping[str, Mapping[str, Any]]
    """Every file reached by refs (key: its path), each in OpenAPI 3 shape."""
    warnings: tuple[Diagnostic, ...] = ()
    resolver: Callable[[str, str], Resolved] | None = field(default=None, compare=False)
    locator: Callable[[str, str], int | None] | None = field(
        default=None, compare=False
    )

    def resolve(self, ref: str, base_file: str) -> Resolved:
        """Follow `ref` (as written) from `base_file`; refs to refs are followed to the end.

        A target that is a ref with only `description`/`summary` beside it is an alias
        and is followed; one with other siblings (`nullable`, `readOnly`, 3.1
        overrides) is returned as it is, since the siblings change its meaning.
        Raises `SpecError` naming the file, line and pointer of a dangling ref.
        """
        if self.resolver is None:
            raise RuntimeError("document has no resolver")
        return self.resolver(ref, base_file)

    def source(self, file: str, pointer: str) -> Source:
        """Where a node sits, with its line when the loader can tell it (computed lazily)."""
        line = self.locator(file, pointer) if self.locator is not None else None
        return Source(file, pointer, line)

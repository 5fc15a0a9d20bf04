"""Located warnings and errors, shared by every stage of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Diagnostic:
    """A warning or error, located."""

    severity: Literal["warning", "error"]
    code: str
    """Stable short code for grouping (`dropped-operation`, `unknown-required`)."""
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    pointer: str | None = None

    def render(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.pointer is not None:
            where += (
                f" at #{self.pointer}"
                if not self.pointer.startswith("#")
                else f" at {self.pointer}"
            )
        return f"{where}: {self.severity}: {self.message}"


class SpecError(Exception):
    """Bad input. The CLI prints `diagnostic.render()` and exits with code 2."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic

    @classmethod
    def at(
        cls,
        message: str,
        *,
        code: str = "invalid",
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        pointer: str | None = None,
    ) -> SpecError:
        return cls(Diagnostic("error", code, message, file, line, column, pointer))

"""Which specification a document follows, from its `openapi` or `swagger` field.

Two warts are read rather than refused: a document with neither field but with
`paths` or `components` is read as OpenAPI 3.0, and `openapi: 3.2.x` as 3.1 (what
3.2 adds, tags' parents or `query` operations, the generator does not use).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Diagnostic, SpecError

_OPENAPI_3 = re.compile(r"^3\.([012])(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?$")


@dataclass(frozen=True)
class Version:
    family: str
    """`openapi` or `swagger`."""
    number: str
    """As declared, normalised to three parts for OpenAPI (`3.1.0`), `2.0` for Swagger."""
    declared: bool = True
    """False for a document with no `openapi`/`swagger` field, read as 3.0."""

    @property
    def spec_format(self) -> str:
        return f"{self.family}-{self.number}"

    @property
    def is_swagger2(self) -> bool:
        return self.family == "swagger"

    @property
    def minor(self) -> str:
        """`3.0` or `3.1` (`3.0` for an upgraded Swagger 2.0 document, `3.1` for 3.2)."""
        if self.is_swagger2:
            return "3.0"
        return "3.1" if self.number.startswith("3.2") else self.number[:3]

    def warnings(self, file: str) -> list[Diagnostic]:
        if not self.declared:
            return [
                Diagnostic(
                    "warning",
                    "no-version",
                    "the document has no `openapi` or `swagger` field; read as OpenAPI 3.0",
                    file,
                    pointer="",
                )
            ]
        if self.number.startswith("3.2"):
            return [
                Diagnostic(
                    "warning",
                    "openapi-3.2",
                    f"OpenAPI {self.number} is read as 3.1 (what 3.2 adds is not used)",
                    file,
                    pointer="/openapi",
                )
            ]
        return []


def detect_version(root: Any, file: str) -> Version:
    if not isinstance(root, Mapping):
        found = "nothing" if root is None else f"a {_json_type(root)}"
        raise SpecError.at(
            f"the top level of the document must be a mapping (an OpenAPI object), but it is {found}",
            code="not-a-mapping",
            file=file,
            pointer="",
        )
    if "openapi" in root:
        declared = _as_text(root["openapi"])
        match = _OPENAPI_3.match(declared)
        if match is None:
            raise SpecError.at(
                f'unsupported OpenAPI version {declared!r}: expected 3.0.x, 3.1.x, 3.2.x, or `swagger: "2.0"`',
                code="unknown-version",
                file=file,
                pointer="/openapi",
            )
        return Version("openapi", f"3.{match.group(1)}.{match.group(2) or 0}")
    if "swagger" in root:
        declared = _as_text(root["swagger"])
        if declared not in ("2.0", "2"):
            raise SpecError.at(
                f"unsupported Swagger version {declared!r}: only Swagger 2.0 is understood"
                " (or OpenAPI 3.0.x/3.1.x)",
                code="unknown-version",
                file=file,
                pointer="/swagger",
            )
        return Version("swagger", "2.0")
    if "asyncapi" in root:
        raise SpecError.at(
            "an AsyncAPI document, not an OpenAPI one: only OpenAPI 3.x and Swagger 2.0 are read",
            code="unknown-version",
            file=file,
            pointer="/asyncapi",
        )
    if isinstance(root.get("paths"), Mapping) or isinstance(
        root.get("components"), Mapping
    ):
        return Version("openapi", "3.0.0", declared=False)
    raise SpecError.at(
        "not an OpenAPI document: the top level has neither an `openapi` nor a `swagger` field"
        " (nor `paths` or `components`)",
        code="unknown-version",
        file=file,
        pointer="",
    )


def _as_text(value: Any) -> str:
    # An unquoted `openapi: 3.1` is read as the number 3.1.
    return (
        str(value)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool)
        else repr(value)
    )


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return type(value).__name__

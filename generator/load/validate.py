"""Validation with openapi-pydantic, accepting what a spec's authors clearly meant.

openapi-pydantic checks the entry document against the OpenAPI 3.0 or 3.1 model. Its
findings are sorted in two: a structure of the wrong kind where the generator must
walk (`paths: 5`, a schema that is a number, a parameter without `name`/`in`) cannot
be understood and stops the load; anything else (a missing `description`, 3.1 syntax
in a 3.0 document) is read as written and reported as a warning. A few warts that
the model accepts are reported too, from what the scan noted (`required` naming a
property that does not exist; 3.0's `nullable` in a 3.1 document; 3.1's type lists
in a 3.0 document; the warts of `warts`), and path items with no operations. Where
the scan already reported a place (a boolean schema, a nameless parameter), the
model's complaint about it is not repeated.

Component schemas are left out of the model check: the scan already refused the
wrong kinds of values in them, and on the 3 MB OpenAI spec they take 0.06 s of the
model's 0.07 s. The result is cached by the content hashes of every file, so an
unchanged spec skips both the import of openapi-pydantic (~0.13 s, the largest
single cost of a cold load) and the check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.diagnostics import Diagnostic, SpecError
from generator.load.cache import FORMAT, content_key
from generator.load.files import FileSet
from generator.load.locate import join_pointer
from generator.load.scan import describe_value
from generator.load.version import Version
from generator.load.warts import boolean_warning

CONTAINER_ERRORS = frozenset(
    {
        "model_type",
        "model_attributes_type",
        "dict_type",
        "list_type",
        "tuple_type",
        "mapping_type",
    }
)
"""pydantic error types meaning "a mapping/list was expected here"."""

FATAL_MISSING = frozenset({"in"})
"""Fields without which a parameter cannot be understood (one without `name` is skipped)."""

FATAL_VALUE_AT = frozenset({"in"})
"""Fields whose wrong value cannot be guessed around (`in: body` in an OpenAPI 3 file)."""

SCHEMA_KEYWORDS = frozenset(
    {
        "additionalProperties",
        "unevaluatedProperties",
        "unevaluatedItems",
        "additionalItems",
        "items",
        "not",
        "contains",
        "propertyNames",
        "if",
        "then",
        "else",
    }
)
"""Keywords whose value is a schema, so `true`/`false` may stand there."""

MAX_WARNINGS = 50
"""Validation warnings beyond this are summed up in one, so a sloppy spec stays readable."""


def validate(files: FileSet, entry: str, version: Version) -> list[Diagnostic]:
    key = content_key(
        "\n".join(
            [
                FORMAT,
                version.spec_format,
                *sorted(f"{f}={h}" for f, h in files.hashes.items()),
            ]
        ).encode()
    )
    cached = files.cache.get("valid", key)
    if cached is not None:
        try:
            return [
                Diagnostic("warning", code, message, file, None, None, pointer)
                for code, message, file, pointer in cached
            ]
        except (TypeError, ValueError):
            pass  # an entry of another shape: validate again
    root = files.trees[entry]
    entry_scan = files.scans.get(entry)
    noted = (
        {pointer for _, pointer, _ in entry_scan.warts}
        | {pointer for pointer, _, _ in entry_scan.booleans}
        if entry_scan is not None
        else set()
    )
    warnings = (
        _summarised(_model_findings(root, entry, version, noted), entry)
        + _wart_findings(files, version)
        + _empty_path_items(root, entry)
    )
    files.cache.put(
        "valid", key, tuple((w.code, w.message, w.file, w.pointer) for w in warnings)
    )
    return warnings


# ---------------------------------------------------------------------- the model


def _model_findings(
    root: Mapping[str, Any], entry: str, version: Version, noted: set[str]
) -> list[Diagnostic]:
    import pydantic

    if version.minor == "3.1":
        from openapi_pydantic.v3.v3_1 import OpenAPI
    else:
        from openapi_pydantic.v3.v3_0 import OpenAPI  # type: ignore[assignment]

    # Component schemas are the bulk of a big spec, and the scan already checked their
    # shape; leaving them out halves the time openapi-pydantic takes.
    components = root.get("components")
    if isinstance(components, Mapping) and isinstance(
        components.get("schemas"), Mapping
    ):
        root = {**root, "components": {**components, "schemas": {}}}
    try:
        OpenAPI.model_validate(root)
    except pydantic.ValidationError as err:
        # The scan saw a Swagger 2.0 document as written; the model sees it upgraded.
        if version.is_swagger2:
            from generator.load.swagger2 import written_pointer

            as_written: Callable[[str], str] = written_pointer
        else:
            as_written = _same
        return _sorted_errors(
            err.errors(include_url=False), root, entry, noted, as_written
        )
    return []


def _sorted_errors(
    errors: list[Any],
    root: Mapping[str, Any],
    entry: str,
    noted: set[str],
    as_written: Callable[[str], str],
) -> list[Diagnostic]:
    warnings: list[Diagnostic] = []
    seen: set[tuple[str, str]] = set()
    for error in errors:
        loc = tuple(error["loc"])
        kind = str(error["type"])
        if _is_union_noise(loc, kind) or loc[:1] == ("openapi",):
            continue
        pointer, missing = _pointer_of(loc, root)
        if (pointer, kind) in seen or _already_noted(
            as_written(pointer), missing, noted
        ):
            continue
        seen.add((pointer, kind))
        value = _node_at(root, pointer)
        last = pointer.rsplit("/", 1)[-1]
        if isinstance(value, Mapping) and isinstance(value.get("$ref"), str):
            continue  # a reference (allowed anywhere by JSON Reference); read where it leads
        if (
            missing == "name"
            and isinstance(value, Mapping)
            and value.get("in") == "querystring"
        ):
            continue  # reported as a querystring parameter
        if (
            kind in CONTAINER_ERRORS
            and isinstance(value, bool)
            and last in SCHEMA_KEYWORDS
        ):
            continue  # a boolean schema, as JSON Schema (and OpenAPI 3.1) allows
        if kind in CONTAINER_ERRORS:
            raise SpecError.at(
                f"wrong type: expected {_expected(kind)}, found {describe_value(value)}",
                code="wrong-type",
                file=entry,
                pointer=pointer,
            )
        if (
            kind == "missing"
            and missing in FATAL_MISSING
            and "/parameters/" in pointer + "/"
        ):
            raise SpecError.at(
                f"a parameter must have `{missing}`",
                code="missing-field",
                file=entry,
                pointer=pointer,
            )
        if last == "in" and value == "querystring":
            warnings.append(
                Diagnostic(
                    "warning",
                    "querystring-parameter",
                    "`in: querystring` (OpenAPI 3.2) is not supported; the parameter is left out",
                    entry,
                    None,
                    None,
                    pointer,
                )
            )
            continue
        if kind in ("literal_error", "enum") and last in FATAL_VALUE_AT:
            raise SpecError.at(
                f"`{last}: {value}` is not understood here ({error['msg']})",
                code="bad-value",
                file=entry,
                pointer=pointer,
            )
        warnings.append(
            _warning(kind, missing, pointer, value, str(error["msg"]), entry)
        )
    return warnings


def _same(pointer: str) -> str:
    return pointer


def _already_noted(pointer: str, missing: str | None, noted: set[str]) -> bool:
    """The scan reported this place (or the null dropped from it) as a wart."""
    if pointer in noted:
        return True
    if missing is not None and f"{pointer}/{missing}" in noted:
        return True
    # A parameter reported as nameless may have a `name` of the wrong kind.
    return pointer.endswith("/name") and pointer.rsplit("/", 1)[0] in noted


def _is_union_noise(loc: tuple[Any, ...], kind: str) -> bool:
    """The `Reference` side of a `Reference | X` union failing because the node is no ref."""
    return "Reference" in loc and (
        kind == "missing" and loc[-1] == "$ref" or loc[-1] == "Reference"
    )


def _pointer_of(loc: tuple[Any, ...], root: Any) -> tuple[str, str | None]:
    """The JSON pointer of a pydantic error location (union tags skipped), and a missing field."""
    node = root
    tokens: list[str] = []
    missing: str | None = None
    for part in loc:
        if isinstance(node, Mapping) and isinstance(part, str) and part in node:
            node = node[part]
            tokens.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            tokens.append(str(part))
        elif isinstance(part, str) and not part[:1].isupper():
            missing = part
    return join_pointer(tokens), missing


def _node_at(root: Any, pointer: str) -> Any:
    node = root
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, Mapping):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
    return node


def _warning(
    kind: str, missing: str | None, pointer: str, value: Any, msg: str, entry: str
) -> Diagnostic:
    if kind == "missing" and missing is not None:
        message = f"`{missing}` is required by OpenAPI but missing; read without it"
        code = "missing-field"
    elif kind == "enum" and pointer.endswith("/type") and isinstance(value, list):
        message = "a list of types is OpenAPI 3.1 syntax in a 3.0 document; read as 3.1 reads it"
        code = "type-list-in-3.0"
    else:
        message = f"does not follow the OpenAPI model ({msg}); read as written"
        code = "not-openapi"
    return Diagnostic("warning", code, message, entry, None, None, pointer)


def _expected(kind: str) -> str:
    return "a list" if kind in ("list_type", "tuple_type") else "a mapping"


# ---------------------------------------------------------------------- warts


def _wart_findings(files: FileSet, version: Version) -> list[Diagnostic]:
    """What the scan noted: accepted, and said."""
    warnings: list[Diagnostic] = []
    for file, scanned in files.scans.items():
        for code, pointer, message in scanned.warts:
            warnings.append(
                Diagnostic("warning", code, message, file, None, None, pointer)
            )
        for pointer, value, where in scanned.booleans:
            reading = boolean_warning(value, where, version.minor)
            if reading is not None:
                warnings.append(
                    Diagnostic(
                        "warning", "boolean-schema", reading, file, None, None, pointer
                    )
                )
        for pointer, name in scanned.unknown_required:
            warnings.append(
                Diagnostic(
                    "warning",
                    "unknown-required",
                    f"`required` names {name!r}, which is not among the properties; ignored",
                    file,
                    None,
                    None,
                    pointer,
                )
            )
        if version.minor == "3.1" and scanned.nullables:
            count = len(scanned.nullables)
            warnings.append(
                Diagnostic(
                    "warning",
                    "nullable-in-3.1",
                    "`nullable: true` is OpenAPI 3.0 syntax but the document is 3.1; read as"
                    f" `type: [..., \"null\"]` in {count} place{'s' if count != 1 else ''}",
                    file,
                    None,
                    None,
                    min(scanned.nullables),
                )
            )
        if version.minor == "3.0" and scanned.type_lists:
            count = len(scanned.type_lists)
            warnings.append(
                Diagnostic(
                    "warning",
                    "type-list-in-3.0",
                    "a list of types is OpenAPI 3.1 syntax but the document is 3.0; read as 3.1 reads it"
                    f" in {count} place{'s' if count != 1 else ''}",
                    file,
                    None,
                    None,
                    min(scanned.type_lists) + "/type",
                )
            )
    return warnings


def _empty_path_items(root: Mapping[str, Any], entry: str) -> list[Diagnostic]:
    paths = root.get("paths")
    if not isinstance(paths, Mapping):
        return []
    return [
        Diagnostic(
            "warning",
            "empty-path-item",
            f"the path {path!r} has no operations; nothing is generated for it",
            entry,
            None,
            None,
            join_pointer(("paths", str(path))),
        )
        for path, item in paths.items()
        if isinstance(item, Mapping)
        and "$ref" not in item
        and not any(method in item for method in _METHODS)
    ]


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _summarised(warnings: list[Diagnostic], entry: str) -> list[Diagnostic]:
    if len(warnings) <= MAX_WARNINGS:
        return warnings
    rest = len(warnings) - MAX_WARNINGS + 1
    return warnings[: MAX_WARNINGS - 1] + [
        Diagnostic(
            "warning",
            "more-warnings",
            f"{rest} more validation warnings not shown",
            entry,
        )
    ]

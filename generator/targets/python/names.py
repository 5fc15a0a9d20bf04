"""Python identifiers: valid, idiomatic, unique and stable.

Wire names stay on the wire (as aliases); Python sees snake_case attributes and
parameters, PascalCase classes. A name that is a keyword, a builtin the SDK relies
on, or an attribute of pydantic's BaseModel gets a trailing underscore.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_IDENT = re.compile(r"[^0-9a-zA-Z_]+")

# Attributes of pydantic.BaseModel (and our base) that a field must not shadow.
MODEL_RESERVED = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "model_computed_fields",
        "model_config",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_extra",
        "model_fields",
        "model_fields_set",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "to_dict",
        "to_json",
        "update_forward_refs",
        "validate",
    }
)

# Names a generated module imports or defines itself; a parameter or class must not take them.
PARAM_RESERVED = frozenset(
    {
        "self",
        "cls",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "httpx",
        "stream_cls",
    }
)

# Attributes of the client classes that a top-level resource must not take.
CLIENT_ATTRIBUTES = frozenset(
    {
        "api_key",
        "api_version",
        "base_url",
        "close",
        "copy",
        "default_headers",
        "default_query",
        "max_retries",
        "request",
        "request_page",
        "send",
        "with_raw_response",
    }
)

CLASS_RESERVED = frozenset(
    {
        "Annotated",
        "Any",
        "BaseModel",
        "Dict",
        "List",
        "Literal",
        "Optional",
        "PropertyInfo",
        "TypeAlias",
        "TYPE_CHECKING",
        "Union",
        "UnixDatetime",
        "UnknownVariant",
        "FileTypes",
        "NotGiven",
        "Stream",
        "AsyncStream",
        "None",
        "True",
        "False",
        # Runtime names the resource modules import beside the models.
        "AsyncAPIClient",
        "AsyncAPIResource",
        "AsyncPaginator",
        "Body",
        "Field",
        "Headers",
        "Iterable",
        "PageInfo",
        "Query",
        "RequestSpec",
        "SyncAPIClient",
        "SyncAPIResource",
        "SyncCursorPage",
        "Timeout",
    }
)


def words(name: str) -> list[str]:
    """Split any wire name into lower-case words: `assistantId`, `include[]`, `api-version`."""
    parts = _NON_IDENT.split(name.replace("_", " ").replace(" ", "-"))
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        out.extend(w.lower() for w in _WORD_BOUNDARY.split(part) if w)
    return out


def snake_case(name: str) -> str:
    joined = "_".join(words(name))
    if not joined:
        joined = "value"
    if joined[0].isdigit():
        joined = "n_" + joined
    return joined


def pascal_case(name: str) -> str:
    parts = [p for p in _NON_IDENT.split(name.replace("_", "-")) if p]
    joined = "".join(p[0].upper() + p[1:] for p in parts) or "Model"
    if joined[0].isdigit():
        joined = "N" + joined
    return joined


def safe(name: str, reserved: Iterable[str] = ()) -> str:
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        return name + "_"
    return name


def attribute_name(wire: str, client_name: str | None = None) -> str:
    """A model field or keyword argument: snake_case of `x-ms-client-name` or of the wire name."""
    return safe(snake_case(client_name or wire), MODEL_RESERVED)


def parameter_name(wire: str, client_name: str | None = None) -> str:
    return safe(snake_case(client_name or wire), PARAM_RESERVED | MODEL_RESERVED)


def model_class_name(ir_name: str) -> str:
    """The Python class (or type alias) for an IR model: `RunObject`, `Run.LastError` → `RunLastError`."""
    return safe(pascal_case(ir_name), CLASS_RESERVED)


def resource_class_name(path: tuple[str, ...]) -> str:
    """`("beta", "threads", "runs")` → `Runs` is ambiguous across trees, so the whole path is used."""
    return "".join(pascal_case(p) for p in path)


def resource_attribute(name: str) -> str:
    return safe(snake_case(name), PARAM_RESERVED | CLIENT_ATTRIBUTES)


def method_name(name: str) -> str:
    return safe(snake_case(name), {"with_raw_response"})


def unique(names: Iterable[str]) -> list[str]:
    """Make names unique in order: a repeat gets `_2`, `_3`… (stable for a stable input order)."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        candidate = name
        n = 2
        while candidate in seen:
            candidate = f"{name}_{n}" if not name.endswith("_") else f"{name}{n}"
            n += 1
        seen.add(candidate)
        out.append(candidate)
    return out


def unique_classes(ir_names: Iterable[str]) -> dict[str, str]:
    """IR model name → unique class name; collisions after casing get a numeric suffix."""
    result: dict[str, str] = {}
    seen: set[str] = set()
    for ir_name in sorted(ir_names):
        base = model_class_name(ir_name)
        candidate = base
        n = 2
        while candidate in seen:
            candidate = f"{base}{n}"
            n += 1
        seen.add(candidate)
        result[ir_name] = candidate
    return result

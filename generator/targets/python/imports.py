"""Import lines in black's style, from what the code uses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.encoders.python import py_str
from generator.targets.python.layout import fits
from generator.targets.python.types import Needs

TYPING_EXTENSIONS = frozenset({"Annotated", "Literal", "TypeAlias", "TypeAliasType"})

RUNTIME_MODULES: Mapping[str, str] = {
    "BaseModel": "_models",
    "PropertyInfo": "_models",
    "UnixDatetime": "_models",
    "UnknownVariant": "_models",
    "NOT_GIVEN": "_types",
    "NotGiven": "_types",
    "Headers": "_types",
    "Query": "_types",
    "Body": "_types",
    "Timeout": "_types",
    "FileTypes": "_types",
    "DEFAULT_MAX_RETRIES": "_base_client",
    "TokenCache": "_auth",
    "TokenCredentialLike": "_auth",
    "TokenProvider": "_auth",
    "RequestSpec": "_base_client",
    "SyncAPIClient": "_base_client",
    "AsyncAPIClient": "_base_client",
    "PageInfo": "_pagination",
    "SyncCursorPage": "_pagination",
    "AsyncPaginator": "_pagination",
    "Stream": "_streaming",
    "AsyncStream": "_streaming",
    "SyncAPIResource": "_resource",
    "AsyncAPIResource": "_resource",
    "to_raw_response_wrapper": "_response",
    "async_to_raw_response_wrapper": "_response",
}


def from_import(module: str, names: Iterable[str], indent: str = "") -> list[str]:
    ordered = sorted(set(names), key=lambda n: (n.lower(), n))
    if not ordered:
        return []
    line = f"{indent}from {module} import {', '.join(ordered)}"
    if fits(line):
        return [line]
    return [
        f"{indent}from {module} import (",
        *(f"{indent}    {n}," for n in ordered),
        f"{indent})",
    ]


def header_imports(
    needs: Needs,
    package_prefix: str,
    more: Mapping[str, Iterable[str]] | None = None,
) -> list[str]:
    """`from __future__`, stdlib, third party, then the SDK runtime: groups split by a
    blank line. `more`: more runtime modules and names (the client's base error)."""
    groups: list[list[str]] = [["from __future__ import annotations"]]
    std: list[str] = []
    if "os" in needs.runtime:
        std.append("import os")
    if "datetime" in needs.runtime:
        std += from_import("datetime", ["datetime"])
    typing_names = {n for n in needs.typing if n not in TYPING_EXTENSIONS}
    std += from_import("typing", typing_names)
    if std:
        groups.append(std)
    third: list[str] = []
    if "httpx" in needs.runtime:
        third.append("import httpx")
    third += from_import("pydantic", needs.pydantic)
    third += from_import("typing_extensions", needs.typing & TYPING_EXTENSIONS)
    if third:
        groups.append(third)
    runtime: dict[str, list[str]] = {m: list(n) for m, n in (more or {}).items()}
    for name in needs.runtime:
        module = RUNTIME_MODULES.get(name)
        if module is not None:
            runtime.setdefault(module, []).append(name)
    local: list[str] = []
    for module in sorted(runtime):
        local += from_import(f"{package_prefix}{module}", runtime[module])
    if local:
        groups.append(local)
    out: list[str] = []
    for group in groups:
        if out:
            out.append("")
        out.extend(group)
    return out


def all_list(names: Iterable[str]) -> list[str]:
    items = [py_str(n) for n in names]
    line = f"__all__ = [{', '.join(items)}]"
    if fits(line):
        return [line]
    return ["__all__ = [", *(f"    {i}," for i in items), "]"]

"""The project configuration: `[tool.sdkforge]` in `pyproject.toml`.

    [tool.sdkforge]
    formatter = "black"            # black | ruff | none
    cache-dir = ".sdkforge-cache"
    group-by = "path"              # optional: auto | path | tags | operation-id
    [[tool.sdkforge.sdk]]
    spec = "specs/openai/runs.yaml"
    flavor = "openai"              # optional: detected from the spec when absent
    group-by = "tags"              # optional: overrides the project-wide group-by
    target = "python"
    output = "generated/openai/python"
    package-name = "openai_runs"
    client-name = "OpenAI"

Relative paths are relative to the folder holding `pyproject.toml`. Mistakes are
reported as `SpecError`s located in that file, so the CLI exits with code 2.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from generator.diagnostics import SpecError
from generator.plan import Formatter

if TYPE_CHECKING:
    from generator.flavors.flavor import GroupBy

FORMATTERS: tuple[Formatter, ...] = ("black", "ruff", "none")
FLAVOR_NAMES = ("openai", "azure", "generic")
GROUP_BY_NAMES: tuple[GroupBy, ...] = ("auto", "path", "tags", "operation-id")
BUILTIN_TARGETS = ("python", "typescript")
DEFAULT_CACHE_DIR = ".sdkforge-cache"
CONFIG_FILE = "pyproject.toml"

_TARGET_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_SDK_KEYS = {
    "spec",
    "flavor",
    "target",
    "output",
    "package-name",
    "client-name",
    "formatter",
    "group-by",
}
_TOP_KEYS = {"formatter", "cache-dir", "sdk", "group-by"}


@dataclass(frozen=True)
class SdkConfig:
    """One SDK to generate."""

    spec: str
    """The spec path as written in the config; generated headers quote it verbatim."""
    target: str
    """`python`, `typescript`, or the dotted module path of a plug-in target."""
    output: str
    package_name: str
    client_name: str | None = None
    """None → the flavor's default client name."""
    flavor: str | None = None
    """None → detected from the spec."""
    formatter: Formatter | None = None
    """Overrides the project-wide formatter for this SDK."""
    group_by: GroupBy | None = None
    """How operations are grouped; None → the project's, else the flavor's."""


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    """Folder the relative paths are resolved against."""
    formatter: Formatter = "black"
    cache_dir: str = DEFAULT_CACHE_DIR
    sdks: tuple[SdkConfig, ...] = ()
    file: Path | None = None
    group_by: GroupBy | None = None
    """Project-wide `group-by`; an SDK's own wins."""
    """The `pyproject.toml` read, or None when there was none."""

    def path(self, relative: str) -> Path:
        return self.root / relative

    @property
    def cache_path(self) -> Path:
        return self.root / self.cache_dir


def find_config(start: Path) -> Path | None:
    """The nearest `pyproject.toml` holding a `[tool.sdkforge]` table, from `start` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file() and "[tool.sdkforge" in candidate.read_text(
            encoding="utf-8"
        ):
            return candidate
    return None


def load_config(file: Path | None = None, *, cwd: Path | None = None) -> ProjectConfig:
    """Read the config from `file`, or from the `pyproject.toml` found from `cwd` upwards.

    No config at all is not an error: the result has no SDKs and default settings.
    """
    here = (cwd or Path.cwd()).resolve()
    if file is None:
        file = find_config(here)
        if file is None:
            return ProjectConfig(root=here)
    file = file.resolve()
    if not file.is_file():
        raise SpecError.at(f"config file not found: {file}", code="config")
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise SpecError.at(
            f"not valid TOML: {err}", code="config", file=str(file)
        ) from None
    table = data.get("tool", {}).get("sdkforge", {})
    return parse_config(table, root=file.parent, file=file)


def parse_config(table: Any, *, root: Path, file: Path | None = None) -> ProjectConfig:
    where = str(file) if file is not None else None

    def fail(message: str, pointer: str) -> SpecError:
        return SpecError.at(message, code="config", file=where, pointer=pointer)

    if not isinstance(table, dict):
        raise fail("[tool.sdkforge] must be a table", "/tool/sdkforge")
    unknown = sorted(set(table) - _TOP_KEYS)
    if unknown:
        raise fail(
            f"unknown key {unknown[0]!r} in [tool.sdkforge]",
            f"/tool/sdkforge/{unknown[0]}",
        )
    formatter = _formatter(
        table.get("formatter", "black"), lambda m: fail(m, "/tool/sdkforge/formatter")
    )
    group_by = _group_by(
        table.get("group-by"), lambda m: fail(m, "/tool/sdkforge/group-by")
    )
    cache_dir = table.get("cache-dir", DEFAULT_CACHE_DIR)
    if not isinstance(cache_dir, str) or not cache_dir:
        raise fail("cache-dir must be a non-empty string", "/tool/sdkforge/cache-dir")
    entries = table.get("sdk", [])
    if not isinstance(entries, list):
        raise fail(
            "[[tool.sdkforge.sdk]] must be an array of tables", "/tool/sdkforge/sdk"
        )
    sdks = tuple(
        _sdk(
            entry,
            lambda m, key, i=i: fail(
                m, f"/tool/sdkforge/sdk/{i}" + (f"/{key}" if key else "")
            ),
        )
        for i, entry in enumerate(entries)
    )
    outputs = [s.output.rstrip("/") for s in sdks]
    for out in outputs:
        if outputs.count(out) > 1:
            raise fail(
                f"two SDKs write to the same output folder {out!r}",
                "/tool/sdkforge/sdk",
            )
    return ProjectConfig(
        root=root,
        formatter=formatter,
        cache_dir=cache_dir,
        sdks=sdks,
        file=file,
        group_by=group_by,
    )


def _formatter(value: Any, fail: Any) -> Formatter:
    if value not in FORMATTERS:
        raise fail(f"formatter must be one of {', '.join(FORMATTERS)}, not {value!r}")
    return cast(Formatter, value)


def _group_by(value: Any, fail: Any) -> GroupBy | None:
    if value is None:
        return None
    if value not in GROUP_BY_NAMES:
        raise fail(
            f"group-by must be one of {', '.join(GROUP_BY_NAMES)}, not {value!r}"
        )
    return cast("GroupBy", value)


def _sdk(entry: Any, fail: Any) -> SdkConfig:
    if not isinstance(entry, dict):
        raise fail("each [[tool.sdkforge.sdk]] entry must be a table", None)
    unknown = sorted(set(entry) - _SDK_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} in an SDK entry", unknown[0])
    for key in ("spec", "target", "output", "package-name"):
        value = entry.get(key)
        if not isinstance(value, str) or not value:
            raise fail(f"SDK entry needs {key!r} (a non-empty string)", key)
    for key in ("flavor", "client-name"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key]):
            raise fail(f"{key!r} must be a non-empty string", key)
    flavor = entry.get("flavor")
    if flavor is not None and flavor not in FLAVOR_NAMES:
        raise fail(
            f"flavor must be one of {', '.join(FLAVOR_NAMES)}, not {flavor!r}", "flavor"
        )
    target = entry["target"]
    if not _TARGET_NAME.match(target):
        raise fail(
            f"target must be python, typescript or a module path, not {target!r}",
            "target",
        )
    output = entry["output"]
    formatter = entry.get("formatter")
    return SdkConfig(
        spec=entry["spec"],
        target=target,
        output=output,
        package_name=entry["package-name"],
        client_name=entry.get("client-name"),
        flavor=flavor,
        formatter=(
            _formatter(formatter, lambda m: fail(m, "formatter"))
            if formatter is not None
            else None
        ),
        group_by=_group_by(entry.get("group-by"), lambda m: fail(m, "group-by")),
    )

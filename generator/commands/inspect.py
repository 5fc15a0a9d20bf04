"""`sdkforge inspect SPEC`: what the generator understood of a spec.

The summary is for people (resources, operations, models by kind, warnings);
`--json` prints the whole IR so tests and tools can compare it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from typing import Any

import click

from generator.commands.errors import run_or_exit
from generator.ir.model import Api, Resource
from generator.naming.allocator import RENAMED
from generator.plan import FilePlan


def _load_and_build(spec: str, strict: bool) -> Api:
    # Imported here so that `--help` works even while a stage is broken.
    from generator.ir.build import build
    from generator.load import load
    from generator.load.warts import refuse_warts

    api = build(load(spec))
    if strict:
        refuse_warts(api.warnings)
    return api


@click.command()
@click.argument("spec", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the whole IR as JSON.")
@click.option(
    "--strict", is_flag=True, help="Refuse a spec with warts instead of warning."
)
@click.option(
    "--target",
    default="python",
    show_default=True,
    help="The target whose renamed identifiers are listed (python, typescript).",
)
@click.option("--flavor", help="openai or azure; detected from the spec by default.")
@click.option("--client-name", help="The client class (default: the flavor's).")
def inspect(
    spec: str,
    as_json: bool,
    strict: bool,
    target: str,
    flavor: str | None,
    client_name: str | None,
) -> None:
    """Show what sdkforge understood of SPEC: resources, operations, models, warnings,
    and every identifier the target renames."""
    api = run_or_exit(lambda: _load_and_build(spec, strict))
    if as_json:
        click.echo(api_json(api))
        return
    plan = run_or_exit(lambda: _plan(api, target, flavor, client_name))
    click.echo(summary(api) + "\n\n" + "\n".join(rename_lines(plan, target)))


def _plan(
    api: Api, target: str, flavor: str | None, client_name: str | None
) -> FilePlan:
    from generator.pipeline import plan_only

    return plan_only(api, target, flavor, client_name)


def rename_lines(plan: FilePlan, target: str) -> list[str]:
    renamed = [w for w in plan.warnings if w.code == RENAMED]
    if not renamed:
        return [f"renamed identifiers ({target}): none"]
    lines = [f"renamed identifiers ({target}): {len(renamed)}"]
    lines.extend(f"  {w.render()}" for w in renamed)
    return lines


def api_json(api: Api) -> str:
    """The whole IR; keys in dataclass field order, so the same spec gives the same text."""
    return json.dumps(asdict(api), indent=2, ensure_ascii=False, default=_json_default)


def _json_default(value: Any) -> Any:
    # Spec values such as YAML dates are not JSON; their text is what the spec said.
    return str(value)


def summary(api: Api) -> str:
    lines = [f"{api.title} {api.version} ({api.spec_format})"]
    for server in api.servers:
        lines.append(f"server: {server.url}")
    operations = api.all_operations()
    lines.append("")
    lines.append(f"resources ({len(operations)} operations):")
    for resource in api.resources:
        _resource_lines(resource, 1, lines)
    lines.append("")
    kinds = Counter(model.kind for model in api.models)
    counts = ", ".join(
        f"{kinds[k]} {k}" for k in ("object", "enum", "union", "alias") if kinds[k]
    )
    lines.append(f"models: {len(api.models)} ({counts})" if counts else "models: 0")
    if api.client_parameters:
        names = ", ".join(p.name for p in api.client_parameters)
        lines.append(f"client parameters: {names}")
    if api.security_schemes:
        names = ", ".join(f"{s.name} ({s.type})" for s in api.security_schemes)
        lines.append(f"security schemes: {names}")
    lines.append("")
    lines.extend(_warning_lines(api))
    return "\n".join(lines)


def _resource_lines(resource: Resource, depth: int, lines: list[str]) -> None:
    indent = "  " * depth
    lines.append(f"{indent}{resource.name}")
    for op in resource.operations:
        lines.append(f"{indent}  .{op.name}  {op.method.upper()} {op.path}")
    for child in resource.children:
        _resource_lines(child, depth + 1, lines)


def _warning_lines(api: Api) -> list[str]:
    if not api.warnings:
        return ["warnings: none"]
    by_code: dict[str, list[str]] = {}
    for warning in api.warnings:
        by_code.setdefault(warning.code, []).append(warning.render())
    lines = [f"warnings: {len(api.warnings)}"]
    for code in sorted(by_code):
        rendered = by_code[code]
        lines.append(f"  {code} ({len(rendered)}):")
        lines.extend(f"    {text}" for text in rendered[:5])
        if len(rendered) > 5:
            lines.append(f"    ... and {len(rendered) - 5} more")
    return lines

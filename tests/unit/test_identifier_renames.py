"""Renamed identifiers: `inspect` lists every one a target makes, `diff` calls a change
of one between two spec versions breaking. Both ask the target through the pipeline,
so any target whose allocator records its names takes part."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.diff.identifiers import identifier_changes
from generator.ir.build import build
from generator.load import load
from generator.pipeline import plan_only

COLLISIONS = Path(__file__).resolve().parents[1] / "golden" / "cases" / "name_collisions" / "spec.yaml"


def _spec(path: Path, properties: dict[str, object]) -> Path:
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Things", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Thing": {"type": "object", "properties": properties}}},
    }
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def test_inspect_lists_every_rename_of_the_target() -> None:
    args = ["inspect", str(COLLISIONS), "--client-name", "Widgets"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = result.output.split("renamed identifiers (python): ", 1)[1].splitlines()
    count = int(lines[0])
    renames = [line for line in lines[1:] if "renamed" not in line and line.strip()]
    assert count == len(renames) > 30
    assert any(
        "resource `widgets` is named `Widgets4`" in line and "the client module" in line
        for line in renames
    )
    assert any("property `str` of schema `Builtins` is named `str_`" in line for line in renames)
    plan = plan_only(build(load(str(COLLISIONS))), "python", None, "Widgets")
    assert count == len([w for w in plan.warnings if w.code == "renamed-identifier"])
    typescript = CliRunner().invoke(cli, [*args, "--target", "typescript"])
    assert typescript.exit_code == 0, typescript.output
    assert "renamed identifiers (typescript): " in typescript.output


def test_inspect_refuses_an_unknown_target() -> None:
    result = CliRunner().invoke(cli, ["inspect", str(COLLISIONS), "--target", "cobol"])
    assert result.exit_code == 2
    assert "unknown target 'cobol'" in result.output


def test_a_field_pushed_to_another_name_is_breaking(tmp_path: Path) -> None:
    old = _spec(tmp_path / "old.yaml", {"fooBar": {"type": "string"}})
    # The new field spells `foo_bar` exactly: it takes the name, `fooBar` moves on.
    new = _spec(tmp_path / "new.yaml", {"fooBar": {"type": "string"}, "foo_bar": {"type": "integer"}})
    changes = identifier_changes(build(load(str(old))), build(load(str(new))), ("python",))
    assert [(c.group, c.subject, c.action, c.target, c.breaking) for c in changes] == [
        ("python identifiers", "identifier", "renamed", "property `fooBar` of schema `Thing`", True)
    ]
    assert "`foo_bar` is now `foo_bar2`" in changes[0].detail
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1, result.output
    assert "BREAKING identifier renamed property `fooBar` of schema `Thing`" in result.output


def test_unchanged_names_are_no_change(tmp_path: Path) -> None:
    old = _spec(tmp_path / "old.yaml", {"fooBar": {"type": "string"}})
    new = _spec(tmp_path / "new.yaml", {"fooBar": {"type": "string"}, "other": {"type": "string"}})
    assert identifier_changes(build(load(str(old))), build(load(str(new)))) == []

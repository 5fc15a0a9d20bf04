"""`sdkforge inspect`: the summary people read, the JSON tools read, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ir"


def test_summary_lists_resources_operations_models_and_warnings() -> None:
    result = CliRunner().invoke(cli, ["inspect", str(FIXTURES / "operations.yaml")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Ops 1.0 (openapi-3.0.3)")
    assert "resources (12 operations):" in out
    assert "  threads\n" in out and "    runs\n" in out and "      steps\n" in out
    assert ".create_and_run  POST /threads/runs" in out
    assert (
        ".submit_tool_outputs  POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs"
        in out
    )
    assert "models: 8 (7 object, 1 enum)" in out
    assert "undeclared-path-parameter (3):" in out


def test_summary_counts_every_kind() -> None:
    result = CliRunner().invoke(cli, ["inspect", str(FIXTURES / "unions.yaml")])
    assert result.exit_code == 0, result.output
    assert "models: 16 (9 object, 1 enum, 6 union)" in result.output
    assert "warnings: none" in result.output


def test_json_is_the_whole_ir() -> None:
    result = CliRunner().invoke(
        cli, ["inspect", "--json", str(FIXTURES / "swagger_poly.json")]
    )
    assert result.exit_code == 0, result.output
    ir = json.loads(result.output)
    assert list(ir)[:5] == ["title", "version", "spec_format", "models", "resources"]
    assert ir["spec_format"] == "swagger-2.0"
    assert [m["name"] for m in ir["models"]] == sorted(m["name"] for m in ir["models"])
    union = next(m for m in ir["models"] if m["name"] == "ToolDefinition")
    assert union["kind"] == "union"
    assert union["discriminator"]["mapping"] == [
        ["code", "CodeTool"],
        ["search", "SearchTool"],
    ]
    assert ir["client_parameters"][0]["name"] == "api-version"


AZURE = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "specs"
    / "azure"
    / "azure-ai-agents-v1.json"
)


@pytest.mark.parametrize(
    "spec", [FIXTURES / "naming.yaml", AZURE], ids=["naming", "azure"]
)
def test_json_is_identical_across_hash_seeds(spec: Path) -> None:
    outputs = set()
    for seed in ("0", "1", "987"):
        proc = subprocess.run(
            [sys.executable, "-m", "generator", "inspect", "--json", spec.name],
            cwd=spec.parent,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_bad_input_exits_2_with_a_located_message(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: x, version: '1'\npaths: {}\n", encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "inspect", str(spec)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{spec}:" in proc.stderr and "error" in proc.stderr
    assert proc.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["inspect", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "nope.yaml" in result.output

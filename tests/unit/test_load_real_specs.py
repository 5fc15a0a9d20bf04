"""Every real spec in ../shared/specs loads; the warnings are the ones we expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load

SPECS = Path(__file__).resolve().parents[2] / ".." / "shared" / "specs"
OPENAI = SPECS / "openai"
AZURE = SPECS / "azure" / "azure-ai-agents-v1.json"

pytestmark = pytest.mark.needs("shared-specs")


@pytest.mark.parametrize(
    "name",
    ["openapi-2024-02-23.yaml", "openapi-2024-03-27.yaml", "openapi-latest.yaml"],
)
def test_openai_specs_load(name: str) -> None:
    doc = load(OPENAI / name)
    assert doc.root["info"]["title"] == "OpenAI API"
    assert all(warning.severity == "warning" for warning in doc.warnings)
    # OpenAI's run request lists `thread_id` (a path parameter) as required.
    if name != "openapi-latest.yaml":
        pointers = {w.pointer for w in doc.warnings if w.code == "unknown-required"}
        assert "/components/schemas/CreateRunRequest/required" in pointers


def test_latest_openai_spec_is_31_with_its_schemas_and_paths() -> None:
    doc = load(OPENAI / "openapi-latest.yaml")
    assert doc.spec_format == "openapi-3.1.0"
    assert len(doc.root["components"]["schemas"]) == 1422
    assert len(doc.root["paths"]) == 182
    (nullable,) = [w for w in doc.warnings if w.code == "nullable-in-3.1"]
    assert "in 111 places" in nullable.message


def test_the_april_2024_spec_redefines_anchors_and_still_loads() -> None:
    doc = load(OPENAI / "openapi-2024-03-27.yaml")
    assert doc.spec_format == "openapi-3.0.0"
    assert "AssistantStreamEvent" in doc.root["components"]["schemas"]


def test_azure_spec_loads_upgraded_with_warnings_for_absent_examples() -> None:
    doc = load(AZURE)
    assert doc.spec_format == "swagger-2.0"
    schemas = doc.root["components"]["schemas"]
    assert len(schemas) == 207
    operations = [
        op
        for item in doc.root["paths"].values()
        for method, op in item.items()
        if method in ("get", "post", "delete")
    ]
    assert len(operations) == 42
    assert doc.root["servers"][0]["url"] == "{endpoint}"
    missing = [w for w in doc.warnings if w.code == "missing-extension-ref"]
    assert len(missing) == 84 - 27
    assert any("ListAgents_MaximumSet_Gen.json" in w.message for w in missing)
    assert not any("Runs_CreateRun_MaximumSet_Gen.json" in w.message for w in missing)
    assert {w.code for w in doc.warnings} == {"missing-extension-ref"}
    assert all(w.line is not None for w in missing)

"""README.md and api.md of every generated SDK, both targets; and generic SDKs name
OpenAI nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.pipeline import Job, run

REPO = Path(__file__).resolve().parents[2]
AUTH = REPO / "tests" / "fixtures" / "auth"
TARGETS = ("python", "typescript")


def _generate(spec: Path, target: str, out: Path, flavor: str | None = None) -> Path:
    package = spec.stem if target == "python" else spec.stem.replace("_", "-")
    run(Job(spec, spec.name, target, out, package, flavor=flavor), cache=None)
    return out


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("spec", sorted(AUTH.glob("*.yaml")), ids=lambda p: p.stem)
def test_generic_sdks_say_openai_nowhere(
    spec: Path, target: str, tmp_path: Path
) -> None:
    out = _generate(spec, target, tmp_path / "sdk")
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.name == "api.md" for p in files) and any(
        p.name == "README.md" for p in files
    )
    named = [
        p.relative_to(out).as_posix()
        for p in files
        if "openai" in p.read_text().lower()
    ]
    assert named == []


@pytest.mark.parametrize("target", TARGETS)
def test_api_md_lists_every_method_with_its_request_and_types(
    target: str, tmp_path: Path
) -> None:
    api_md = (
        _generate(AUTH / "per_operation.yaml", target, tmp_path / "sdk") / "api.md"
    ).read_text()
    for request, summary in (
        ("`GET /things`", "List the things."),
        ("`POST /things`", "Create a thing."),
        ("`GET /things/{thing_id}`", "Retrieve a thing."),
    ):
        assert f"{request}: {summary}" in api_md
    assert "## `client.things`" in api_md
    if target == "python":
        assert "client.things.retrieve(thing_id: str) -> Thing" in api_md
        assert "from per_operation.types import NewThing, Thing" in api_md
        assert "Sends `api_key`; or nothing." in api_md
    else:
        assert (
            "client.things.retrieve(thingId: string, options?: RequestOptions): Promise<Thing>"
            in api_md
        )
        assert "import type { NewThing, Thing } from 'per-operation';" in api_md
        assert "Sends `apiKey`; or nothing." in api_md
    assert "Takes `NewThing`. Returns `Thing`." in api_md
    assert "Sends no credentials." in api_md


@pytest.mark.parametrize("target", TARGETS)
def test_readme_is_a_quick_start(target: str, tmp_path: Path) -> None:
    readme = (
        _generate(AUTH / "alternatives.yaml", target, tmp_path / "sdk") / "README.md"
    ).read_text()
    headings = [line for line in readme.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Install",
        "## Authenticate",
        "## A first call",
        "## Errors, retries, pagination",
        "## Reference",
    ]
    assert "[api.md](api.md)" in readme
    assert "`username` and `password`; or `token`" in readme
    assert "ALTERNATIVES_USERNAME" in readme and "ALTERNATIVES_TOKEN" in readme
    call = "client.things.list()"
    assert f"result = {call}" in readme or f"const result = await {call};" in readme


@pytest.mark.parametrize("target", TARGETS)
def test_the_quick_start_call_takes_values_from_the_spec(
    target: str, tmp_path: Path
) -> None:
    readme = (
        _generate(
            REPO / "specs" / "openai" / "runs.yaml", target, tmp_path / "sdk", "openai"
        )
        / "README.md"
    ).read_text()
    expected = {
        "python": 'result = client.beta.threads.retrieve("<thread_id>")',
        "typescript": "const result = await client.beta.threads.retrieve('<thread_id>');",
    }
    assert expected[target] in readme


def test_readme_without_security(tmp_path: Path) -> None:
    readme = (
        _generate(AUTH / "none.yaml", "python", tmp_path / "sdk") / "README.md"
    ).read_text()
    assert "The API declares no authentication" in readme
    assert "client = OpenThings()" in readme

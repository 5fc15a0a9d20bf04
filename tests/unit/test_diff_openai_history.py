"""`sdkforge diff` on OpenAI's real spec history: 2024-02-23 → 2024-03-27 → latest."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.diff import Changelog, compare
from generator.ir.model import Api

SPECS = Path(__file__).resolve().parents[2] / ".." / "shared" / "specs" / "openai"
FEB, MAR, LATEST = (
    SPECS / f"openapi-{v}.yaml" for v in ("2024-02-23", "2024-03-27", "latest")
)

pytestmark = pytest.mark.needs("shared-specs")


@cache
def _api(path: Path) -> Api:
    from generator.ir.build import build
    from generator.load import load

    return build(load(str(path)))


@cache
def _log(old: Path, new: Path) -> Changelog:
    return compare(_api(old), _api(new), old.name, new.name)


def test_march_adds_stream_without_breaking_it() -> None:
    log = _log(FEB, MAR)
    stream = {c.target: c for c in log.changes if c.target.endswith(".stream")}
    assert {
        "CreateRunRequest.stream",
        "CreateThreadAndRunRequest.stream",
        "SubmitToolOutputsRunRequest.stream",
    } <= set(stream)
    for change in stream.values():
        assert (
            change.action == "added"
            and change.subject == "field"
            and not change.breaking
        )
        assert change.detail.startswith("optional")
    assert stream["CreateRunRequest.stream"].group == "threads/runs"


def test_march_is_still_breaking_elsewhere() -> None:
    # What really changes besides streaming: transcription/translation responses become
    # unions of a JSON and a verbose JSON object, and RunObject.expires_at turns nullable.
    log = _log(FEB, MAR)
    assert log.has_breaking
    breaking = {(c.subject, c.action, c.target) for c in log.breaking}
    assert ("response", "changed", "POST /audio/transcriptions (create)") in breaking
    assert ("field", "changed", "RunObject.expires_at") in breaking
    assert not any("stream" in c.target for c in log.breaking)
    assert not any(c.group.startswith("assistants") for c in log.breaking)


def test_latest_removes_file_ids_and_the_retrieval_tool() -> None:
    log = _log(MAR, LATEST)
    removed_fields = {
        c.target for c in log.breaking if c.subject == "field" and c.action == "removed"
    }
    assert {
        "AssistantObject.file_ids",
        "CreateAssistantRequest.file_ids",
        "MessageObject.file_ids",
        "RunObject.file_ids",
    } <= removed_fields
    assert ("type", "removed", "AssistantToolsRetrieval") in {
        (c.subject, c.action, c.target) for c in log.breaking
    }
    retrieval_in_requests = [
        c
        for c in log.changes
        if c.subject == "union variant"
        and c.action == "removed"
        and "`retrieval`" in c.detail
        and c.target.startswith("CreateAssistantRequest")
    ]
    assert retrieval_in_requests and all(c.breaking for c in retrieval_in_requests)
    file_ids = next(c for c in log.changes if c.target == "AssistantObject.file_ids")
    assert file_ids.group == "assistants"


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["diff", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def test_cli_exit_codes_and_formats() -> None:
    code, out = _cli(str(FEB), str(FEB))
    assert code == 0 and "no changes" in out
    code, out = _cli(str(FEB), str(MAR), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["breaking"] is True
    flat = {(c["target"], c["breaking"]) for g in data["groups"] for c in g["changes"]}
    assert ("CreateRunRequest.stream", False) in flat
    code, out = _cli(str(FEB), str(MAR), "--format", "markdown")
    assert (
        code == 1
        and "## threads/runs" in out
        and "- field added `CreateRunRequest.stream`" in out
    )


def test_cli_bad_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.0\ninfo: [\n")
    assert _cli(str(FEB), str(tmp_path / "missing.yaml"))[0] == 2
    assert _cli(str(bad), str(FEB))[0] == 2

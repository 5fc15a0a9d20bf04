"""Regenerating over a customised SDK from the real targets: hand-written homes and people's files survive."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cache import Cache
from generator.pipeline import Job, run

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "specs" / "openai" / "runs.yaml"


def _edit_one_schema_description(text: str) -> str:
    """Append a word to the first plain one-line description under `components:`."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("components:"))
    for i in range(start, len(lines)):
        key, _, value = lines[i].partition("description: ")
        if (
            _
            and key.strip() == ""
            and value.strip()
            and value.strip()[0] not in "|>'\""
        ):
            lines[i] = lines[i].rstrip("\n") + " Changed.\n"
            return "".join(lines)
    raise AssertionError("no plain description to edit")


@pytest.mark.parametrize(
    ("target", "home", "package"),
    [
        ("python", "openai_runs/_patch.py", "openai_runs"),
        ("typescript", "src/lib/index.ts", "openai-runs"),
    ],
)
def test_customised_sdk_survives_a_spec_change(
    tmp_path: Path, target: str, home: str, package: str
) -> None:
    spec = tmp_path / "runs.yaml"
    text = SPEC.read_text(encoding="utf-8")
    spec.write_text(text, encoding="utf-8")
    job = Job(
        spec=spec,
        spec_label="specs/openai/runs.yaml",
        target=target,
        output=tmp_path / "out",
        package_name=package,
        client_name="OpenAI",
        flavor="openai",
        formatter="none",
    )
    cache = Cache(tmp_path / "cache")
    first = run(job, cache=cache)
    assert first.status == "written"
    hand_written = job.output / home
    assert hand_written.is_file(), f"{home} is not created by the {target} target"
    custom = hand_written.read_text(encoding="utf-8") + "\n// customised\n".replace(
        "//", "#" if target == "python" else "//"
    )
    hand_written.write_text(custom, encoding="utf-8")
    (job.output / "NOTES.md").write_text("ours\n", encoding="utf-8")

    spec.write_text(_edit_one_schema_description(text), encoding="utf-8")
    second = run(job, cache=cache)
    assert hand_written.read_text(encoding="utf-8") == custom
    assert (job.output / "NOTES.md").read_text(encoding="utf-8") == "ours\n"
    assert (
        len(second.rendered) < first.files
    ), "an edit of one description re-rendered every file"
    assert run(job, cache=None, check=True).status == "clean"

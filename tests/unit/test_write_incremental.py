"""Regeneration renders and formats only what changed; nothing changed → nothing parsed."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from needs import need

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fakesdk  # noqa: E402

from generator import pipeline  # noqa: E402
from generator.cache import Cache  # noqa: E402
from generator.format import Unformatted, format_files  # noqa: E402
from generator.pipeline import Job, run  # noqa: E402

MODELS = {
    "Run": {"id": "string", "status": "string"},
    "Step": {"id": "string"},
    "Thread": {"id": "string"},
}


@pytest.fixture
def fake() -> Iterator[list[Path]]:
    """Installs the fake and records every spec the loader is asked to read."""
    loads: list[Path] = []

    def counting_loader(
        spec: Path, label: str, cache_dir: Path | None
    ) -> tuple[object, tuple[Path, ...]]:
        loads.append(spec)
        return fakesdk.load_api(spec, label, cache_dir)

    fakesdk.install()
    pipeline.set_api_loader(counting_loader)  # type: ignore[arg-type]
    yield loads
    fakesdk.uninstall()


def _job(tmp_path: Path, formatter: str = "none") -> Job:
    return Job(
        spec=tmp_path / "spec.json",
        spec_label="spec.json",
        target=fakesdk.TARGET,
        output=tmp_path / "out",
        package_name="pkg",
        flavor="openai",
        formatter=formatter,  # type: ignore[arg-type]
    )


def test_noop_regeneration_parses_nothing_and_renders_nothing(
    tmp_path: Path, fake: list[Path]
) -> None:
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    cache = Cache(tmp_path / "cache")
    first = run(_job(tmp_path), cache=cache)
    assert first.status == "written" and len(first.rendered) == 6
    assert len(fake) == 1
    second = run(_job(tmp_path), cache=cache)
    assert second.status == "unchanged"
    assert second.rendered == ()
    assert len(fake) == 1, "an unchanged spec must not even be loaded"


def test_one_schema_change_renders_only_its_file(
    tmp_path: Path, fake: list[Path]
) -> None:
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    cache = Cache(tmp_path / "cache")
    run(_job(tmp_path), cache=cache)
    fakesdk.write_spec(
        tmp_path / "spec.json", {**MODELS, "Step": {"id": "string", "run_id": "string"}}
    )
    outcome = run(_job(tmp_path), cache=cache)
    assert outcome.rendered == ("pkg/models/step.py",)
    assert outcome.written == ("pkg/models/step.py",)
    assert (
        "run_id: str" in (tmp_path / "out" / "pkg" / "models" / "step.py").read_text()
    )


def test_reverting_a_change_reuses_cached_renders(
    tmp_path: Path, fake: list[Path]
) -> None:
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    cache = Cache(tmp_path / "cache")
    run(_job(tmp_path), cache=cache)
    fakesdk.write_spec(tmp_path / "spec.json", {**MODELS, "Step": {"id": "integer"}})
    run(_job(tmp_path), cache=cache)
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    outcome = run(_job(tmp_path), cache=cache)
    assert outcome.rendered == ()
    assert outcome.written == ("pkg/models/step.py",)
    assert "id: str" in (tmp_path / "out" / "pkg" / "models" / "step.py").read_text()


def test_hand_edited_generated_file_is_restored(
    tmp_path: Path, fake: list[Path]
) -> None:
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    cache = Cache(tmp_path / "cache")
    run(_job(tmp_path), cache=cache)
    run_py = tmp_path / "out" / "pkg" / "models" / "run.py"
    original = run_py.read_text()
    run_py.write_text("broken\n")
    outcome = run(_job(tmp_path), cache=cache)
    assert outcome.written == ("pkg/models/run.py",)
    assert run_py.read_text() == original


def test_deleting_the_cache_is_safe(tmp_path: Path, fake: list[Path]) -> None:
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    run(_job(tmp_path), cache=Cache(tmp_path / "cache"))
    shutil.rmtree(tmp_path / "cache")
    outcome = run(_job(tmp_path), cache=Cache(tmp_path / "cache"))
    assert outcome.status == "unchanged"
    # without a record every generated file is rendered again; the existing _patch.py is not
    assert len(outcome.rendered) == 5 and "pkg/_patch.py" not in outcome.rendered


def test_changing_the_formatter_reformats(tmp_path: Path, fake: list[Path]) -> None:
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    cache = Cache(tmp_path / "cache")
    run(_job(tmp_path, "none"), cache=cache)
    outcome = run(_job(tmp_path, "black"), cache=cache)
    # every Python file goes through black once; the README is not Python
    assert sorted(outcome.formatted) == sorted(
        p for p in outcome.rendered if p.endswith(".py")
    )
    assert len(outcome.formatted) == 4


def test_formatting_is_cached_by_content(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    files = [
        Unformatted("a.py", "python", "x = ( 1, )\n"),
        Unformatted("b.ts", "typescript", "let  x = 1\n"),
    ]
    first = format_files(files, "black", cache)
    assert first.texts == ("x = (1,)\n", "let  x = 1\n")
    assert first.formatted == ("a.py",)
    second = format_files(
        [Unformatted("c.py", "python", "x = ( 1, )\n")], "black", cache
    )
    assert second.texts == ("x = (1,)\n",)
    assert second.formatted == ()


def test_unparsable_python_is_kept_and_warned_about(tmp_path: Path) -> None:
    outcome = format_files(
        [Unformatted("bad.py", "python", "def (:\n")], "black", Cache(tmp_path / "c")
    )
    assert outcome.texts == ("def (:\n",)
    assert [w.code for w in outcome.warnings] == ["not-formatted"]
    assert outcome.warnings[0].file == "bad.py"


def test_ruff_formats_a_batch(tmp_path: Path) -> None:
    need("ruff")
    files = [
        Unformatted(f"m{i}.py", "python", f"x{i} = [ {i},{i} ]\n") for i in range(3)
    ]
    outcome = format_files(files, "ruff", None)
    assert outcome.texts == tuple(f"x{i} = [{i}, {i}]\n" for i in range(3))

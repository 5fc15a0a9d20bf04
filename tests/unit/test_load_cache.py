"""The parse cache: hits skip parsing and validation, misses and damage are harmless."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import generator.load.files as files_module
import generator.load.validate as validate_module
from generator.load import load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "load"


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("should have come from the cache")


def _copy(tmp_path: Path, name: str = "warts30.yaml") -> Path:
    target = tmp_path / "spec" / name
    target.parent.mkdir()
    shutil.copy(FIXTURES / name, target)
    return target


def test_a_second_load_comes_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _copy(tmp_path)
    cache = tmp_path / "cache"
    first = load(spec, cache_dir=cache)
    assert any(cache.iterdir())
    monkeypatch.setattr(files_module, "parse_text", _refuse)
    monkeypatch.setattr(validate_module, "_model_findings", _refuse)
    second = load(spec, cache_dir=cache)
    assert second.root == first.root
    assert second.warnings == first.warnings


def test_an_edited_spec_misses_the_cache(tmp_path: Path) -> None:
    spec = _copy(tmp_path)
    cache = tmp_path / "cache"
    load(spec, cache_dir=cache)
    spec.write_text(spec.read_text().replace("title: Warts", "title: Edited"))
    assert load(spec, cache_dir=cache).root["info"]["title"] == "Edited"


def test_corrupt_entries_are_ignored_and_rewritten(tmp_path: Path) -> None:
    spec = _copy(tmp_path)
    cache = tmp_path / "cache"
    expected = load(spec, cache_dir=cache)
    entries = sorted(cache.iterdir())
    assert entries
    for entry in entries:
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] + b"\x00garbage")
    again = load(spec, cache_dir=cache)
    assert again.root == expected.root
    assert again.warnings == expected.warnings
    assert load(spec, cache_dir=cache).root == expected.root


def test_deleting_the_cache_is_safe(tmp_path: Path) -> None:
    spec = _copy(tmp_path)
    cache = tmp_path / "cache"
    expected = load(spec, cache_dir=cache)
    shutil.rmtree(cache)
    assert load(spec, cache_dir=cache).root == expected.root


def test_the_cache_holds_the_tree_as_read_not_as_upgraded(tmp_path: Path) -> None:
    target = tmp_path / "spec"
    shutil.copytree(FIXTURES / "swagger", target)
    cache = tmp_path / "cache"
    first = load(target / "agents.json", cache_dir=cache)
    second = load(target / "agents.json", cache_dir=cache)
    assert second.root == first.root
    assert (
        second.root["components"]["schemas"]["Run"]["properties"]["last_error"][
            "nullable"
        ]
        is True
    )


def test_an_unwritable_cache_is_no_cache(tmp_path: Path) -> None:
    spec = _copy(tmp_path)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    assert load(spec, cache_dir=blocker).root["info"]["title"] == "Warts"

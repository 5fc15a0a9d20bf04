"""A test that needs a missing tool is skipped on a developer's machine and fails under CI."""

from __future__ import annotations

import pytest
from needs import NEEDS, need


@pytest.fixture
def absent(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(NEEDS, "absent-tool", (lambda: None, "install it"))
    return "absent-tool"


def test_a_missing_tool_skips_outside_ci(absent: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("needs.UNDER_CI", False)
    with pytest.raises(pytest.skip.Exception, match="absent-tool is missing: install it"):
        need(absent)


def test_a_missing_tool_fails_under_ci(absent: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("needs.UNDER_CI", True)
    with pytest.raises(pytest.fail.Exception, match="absent-tool is missing"):
        need(absent)


def test_a_present_tool_gives_its_path() -> None:
    assert need("ruff").name == "ruff"


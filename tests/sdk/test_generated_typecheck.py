"""The committed SDKs under generated/*/python are clean under mypy --strict and pyright strict."""

from __future__ import annotations

from pathlib import Path

import pytest
from sdkgen import REPO
from typecheck import mypy_strict, pyright_report, pyright_strict, summary

COMMITTED = [
    ("generated/openai/python", "openai_runs"),
    ("generated/azure/python", "azure_agents_runs"),
]


def _project(relative: str, package: str) -> Path:
    project = REPO / relative
    assert (project / package / "__init__.py").is_file(), f"{relative} is not generated (run `sdkforge generate`)"
    return project


@pytest.mark.parametrize(("relative", "package"), COMMITTED, ids=[c[0] for c in COMMITTED])
def test_mypy_strict_reports_no_errors(relative: str, package: str, tmp_path: Path) -> None:
    result = mypy_strict(_project(relative, package), package, tmp_path)
    assert result.returncode == 0, summary(result)


@pytest.mark.parametrize(("relative", "package"), COMMITTED, ids=[c[0] for c in COMMITTED])
def test_pyright_strict_reports_no_errors(relative: str, package: str, tmp_path: Path) -> None:
    result = pyright_strict(_project(relative, package), package, tmp_path)
    analyzed, errors, messages = pyright_report(result)
    assert analyzed > 0, "pyright analyzed no file"
    assert errors == 0, "\n".join(messages)

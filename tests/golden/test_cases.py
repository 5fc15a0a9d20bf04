"""Focused golden cases: each small spec regenerates to its committed expected tree, byte for byte.

A failure prints the command that regenerates the case (see `tests/golden/regen.py`).
Each expected tree must also be clean under `mypy --strict`; what the generated code
does is tested in tests/sdk/test_golden_case_behaviour.py.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest
from regen import CASES, CASES_DIR, REPO, Case

from generator.pipeline import Job, run


def _python_target_ready() -> bool:
    import importlib

    try:
        module = importlib.import_module("generator.targets.python")
    except ImportError:
        return False
    return callable(getattr(module, "plan", None))


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _diff(path: str, expected: bytes, fresh: bytes) -> str:
    lines = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(),
        fresh.decode("utf-8", "replace").splitlines(),
        f"expected/{path}",
        f"fresh/{path}",
        lineterm="",
        n=2,
    )
    return "\n".join(list(lines)[:30])


def test_every_case_folder_is_listed() -> None:
    on_disk = {p.name for p in CASES_DIR.iterdir() if (p / "spec.yaml").is_file()}
    assert on_disk == {c.name for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case_regenerates_byte_for_byte(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not _python_target_ready():
        pytest.skip("the Python target is not built yet")
    regen = f"to regenerate: {case.shell_command()}  (or: python tests/golden/regen.py {case.name})"
    expected_root = REPO / case.expected
    monkeypatch.chdir(REPO)  # the spec label in generated headers is the repo-relative path
    fresh_root = tmp_path / "fresh"
    run(
        Job(
            spec=REPO / case.spec,
            spec_label=case.spec,
            target=case.target,
            output=fresh_root,
            package_name=case.package,
            client_name=case.client,
            flavor=case.flavor,
        ),
        cache=None,
    )
    fresh = _tree(fresh_root)
    assert fresh, "the generator wrote nothing"
    assert expected_root.is_dir(), f"no expected tree for {case.name}; {regen}"
    expected = _tree(expected_root)
    problems = [f"missing from fresh output: {p}" for p in sorted(set(expected) - set(fresh))]
    problems += [f"not in expected tree: {p}" for p in sorted(set(fresh) - set(expected))]
    problems += [_diff(p, expected[p], fresh[p]) for p in sorted(set(expected) & set(fresh)) if expected[p] != fresh[p]]
    assert not problems, "\n".join(problems[:10]) + f"\n\n{regen}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case_expected_tree_is_mypy_strict_clean(case: Case, tmp_path: Path) -> None:
    expected_root = REPO / case.expected
    if not (expected_root / case.package / "__init__.py").is_file():
        pytest.skip(f"no expected tree yet: {case.shell_command()}")
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "--config-file",
            str(config),
            "-p",
            case.package,
        ],
        cwd=expected_root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]

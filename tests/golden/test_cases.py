"""Focused golden cases: each small spec regenerates to its committed expected trees, byte
for byte, for both targets; the runtime every SDK shares is compared with its one stored
copy under tests/golden/runtime/.

A failure names the command that regenerates the case (`tests/golden/regen.py`). Each
expected tree, with the runtime put back, must also be clean under `mypy --strict`
(Python) and `tsc --strict` (TypeScript); what the generated code does is tested in
tests/sdk/test_golden_case_behaviour.py and the hostile-spec tests.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from needs import need
from regen import CASES, CASES_DIR, REPO, Case, runtime_paths, runtime_store

from generator.pipeline import Job, run

PAIRS = [pytest.param(case, target, id=f"{case.name}-{target}") for case in CASES for target in case.targets]


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


def _fresh(case: Case, target: str, out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.chdir(REPO)  # the spec label in generated headers is the repo-relative path
    run(
        Job(
            spec=REPO / case.spec,
            spec_label=case.spec,
            target=target,
            output=out,
            package_name=case.package(target),
            client_name=case.client,
            flavor=case.flavor,
        ),
        cache=None,
    )
    return _tree(out)


def _assembled(case: Case, target: str, into: Path) -> Path:
    """The expected tree with the stored runtime put back: the SDK as generated."""
    shutil.copytree(REPO / case.expected(target), into)
    package = case.package(target)
    for path in runtime_paths(target, package):
        destination = into / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(runtime_store(target, package, path), destination)
    return into


def test_every_case_folder_is_listed() -> None:
    on_disk = {p.name for p in CASES_DIR.iterdir() if (p / "spec.yaml").is_file()}
    assert on_disk == {c.name for c in CASES}


@pytest.mark.parametrize(("case", "target"), PAIRS)
def test_case_regenerates_byte_for_byte(
    case: Case, target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regen = f"to regenerate: {case.regen_hint()}"
    fresh = _fresh(case, target, tmp_path / "fresh", monkeypatch)
    assert fresh, "the generator wrote nothing"
    package = case.package(target)
    runtime = set(runtime_paths(target, package))
    assert runtime <= set(fresh), f"runtime files missing: {sorted(runtime - set(fresh))}"
    expected_root = REPO / case.expected(target)
    assert expected_root.is_dir(), f"no expected tree for {case.name}; {regen}"
    expected = _tree(expected_root)
    for path in runtime:
        expected[path] = runtime_store(target, package, path).read_bytes()
    problems = [f"missing from fresh output: {p}" for p in sorted(set(expected) - set(fresh))]
    problems += [f"not in expected tree: {p}" for p in sorted(set(fresh) - set(expected))]
    problems += [_diff(p, expected[p], fresh[p]) for p in sorted(set(expected) & set(fresh)) if expected[p] != fresh[p]]
    assert not problems, "\n".join(problems[:10]) + f"\n\n{regen}"


def test_runtime_store_holds_only_runtime() -> None:
    """Nothing stale under runtime/: every stored file is some target's runtime."""
    stored = {
        (target, p.relative_to(REPO / "tests" / "golden" / "runtime" / target).as_posix())
        for target in ("python", "typescript")
        for p in (REPO / "tests" / "golden" / "runtime" / target).rglob("*")
        if p.is_file()
    }
    wanted = {
        (target, runtime_store(target, "pkg", path).relative_to(REPO / "tests" / "golden" / "runtime" / target).as_posix())
        for target in ("python", "typescript")
        for path in runtime_paths(target, "pkg")
    }
    assert stored == wanted


@pytest.mark.parametrize("case", [c for c in CASES if "python" in c.targets], ids=lambda c: c.name)
def test_python_expected_tree_is_mypy_strict_clean(case: Case, tmp_path: Path) -> None:
    root = _assembled(case, "python", tmp_path / "sdk")
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
            case.package("python"),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.needs("node", "tsc")
@pytest.mark.parametrize("case", [c for c in CASES if "typescript" in c.targets], ids=lambda c: c.name)
def test_typescript_expected_tree_is_tsc_strict_clean(case: Case, tmp_path: Path) -> None:
    root = _assembled(case, "typescript", tmp_path / "sdk")
    result = subprocess.run(
        [str(need("tsc")), "-p", str(root / "tsconfig.json"), "--strict", "--noEmit"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NODE_OPTIONS": ""},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]

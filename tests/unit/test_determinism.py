"""Same input → byte-identical output, whatever the hash seed (each run is its own process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fakesdk  # noqa: E402

from generator.config import load_config  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEEDS = ("0", "1", "4242")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _run(cmd: list[str], cwd: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr


def test_fake_target_output_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    models = {f"Model{i}": {f"f{j}": "string" for j in range(i % 4)} for i in range(12)}
    fakesdk.write_spec(tmp_path / "spec.json", models)
    script = fakesdk.runner_script(tmp_path)
    trees = []
    for seed in SEEDS:
        out = f"out-{seed}"
        _run(
            [
                sys.executable,
                str(script),
                "generate",
                "spec.json",
                "--target",
                "fake",
                "--output",
                out,
                "--package-name",
                "pkg",
                "--formatter",
                "black",
                "--no-cache",
            ],
            tmp_path,
            seed,
        )
        trees.append(_tree(tmp_path / out))
    assert len(trees[0]) == 16  # 12 models, __init__, _patch, README, manifest
    assert trees[0] == trees[1] == trees[2]


def _configured() -> list[object]:
    sdks = load_config(REPO / "pyproject.toml").sdks
    return [pytest.param(sdk, id=sdk.output) for sdk in sdks]


@pytest.mark.parametrize("sdk", _configured())
def test_configured_sdks_are_identical_across_hash_seeds(
    tmp_path: Path, sdk: object
) -> None:
    from generator.config import SdkConfig

    assert isinstance(sdk, SdkConfig)
    trees = []
    for seed in SEEDS:
        out = tmp_path / f"out-{seed}"
        cmd = [
            sys.executable,
            "-m",
            "generator",
            "generate",
            sdk.spec,
            "--target",
            sdk.target,
            "--output",
            str(out),
            "--package-name",
            sdk.package_name,
            "--no-cache",
            "--formatter",
            "none",
        ]
        # the formatter is a pure function of its input: rendering is what must not vary
        if sdk.flavor:
            cmd += ["--flavor", sdk.flavor]
        if sdk.client_name:
            cmd += ["--client-name", sdk.client_name]
        _run(cmd, REPO, seed)
        trees.append(_tree(out))
    assert trees[0], "nothing was generated"
    assert trees[0] == trees[1] == trees[2]

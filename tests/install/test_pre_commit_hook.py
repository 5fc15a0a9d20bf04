"""`.pre-commit-hooks.yaml`: other repositories run `sdkforge generate --check` as a hook.

pre-commit installs a `language: python` hook by pip-installing this repository into a
venv of its own and runs `entry` from there in the user's repository; the installed
wheel stands in for that venv here.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import yaml
from conftest import REPO, Installed

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_hook_is_declared_for_pre_commit() -> None:
    (hook,) = HOOKS
    assert hook["id"] == "sdkforge-check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert shlex.split(hook["entry"]) == ["sdkforge", "generate", "--check"]
    assert hook["name"]


def test_the_hook_runs_when_a_spec_or_the_config_changes() -> None:
    (hook,) = HOOKS
    files = re.compile(hook["files"])
    for path in ("pyproject.toml", "api/pyproject.toml", "specs/petstore.yaml", "openapi.yml", "specs/runs.json"):
        assert files.search(path), path
    for path in ("README.md", "src/client.py", "mypyproject.toml", "sdk/index.ts"):
        assert not files.search(path), path


def test_the_hook_entry_passes_when_up_to_date_and_fails_when_stale(installed: Installed, tmp_path: Path) -> None:
    (hook,) = HOOKS
    program, *args = shlex.split(hook["entry"])
    shutil.copy2(REPO / "specs" / "openai" / "runs.yaml", tmp_path / "runs.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkforge]\n[[tool.sdkforge.sdk]]\nspec = "runs.yaml"\ntarget = "python"\noutput = "sdk"\npackage-name = "runs_sdk"\n',
        encoding="utf-8",
    )
    assert installed.sdkforge("generate", cwd=tmp_path).returncode == 0
    clean = installed.run(program, *args, cwd=tmp_path)
    assert clean.returncode == 0, clean.stderr
    spec = tmp_path / "runs.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    stale = installed.run(program, *args, cwd=tmp_path)
    assert stale.returncode == 1
    assert "sdk/README.md: differs" in stale.stderr and "run `sdkforge generate`" in stale.stderr

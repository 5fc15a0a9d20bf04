"""The wheel works without the checkout: templates inside, every command from any folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Installed

SPEC = REPO / "specs" / "openai" / "runs.yaml"
CANCEL = "/threads/{thread_id}/runs/{run_id}/cancel"


def _outside_repo(folder: Path) -> Path:
    assert not folder.resolve().is_relative_to(REPO.resolve())
    shutil.copy2(SPEC, folder / "runs.yaml")
    return folder


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_wheel_ships_every_template(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    templates = REPO / "templates"
    expected = {f"generator/templates/{p.relative_to(templates).as_posix()}" for p in templates.rglob("*") if p.is_file()}
    assert any(name.endswith(".jinja") for name in expected) and any(name.endswith(".j2") for name in expected)
    assert expected - names == set()
    assert "generator/py.typed" in names


def test_the_venv_runs_the_wheel_not_the_checkout(installed: Installed, tmp_path: Path) -> None:
    where = installed.run("python", "-c", "import generator; print(generator.__file__)", cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.venv)


@pytest.mark.parametrize(
    ("target", "package", "made"),
    [
        ("python", "runs_sdk", ["runs_sdk/__init__.py", "runs_sdk/_client.py", "README.md", "pyproject.toml"]),
        ("typescript", "runs-sdk", ["src/index.ts", "src/client.ts", "package.json", "tsconfig.json"]),
    ],
)
def test_installed_generate_matches_the_checkout(
    installed: Installed, tmp_path: Path, target: str, package: str, made: list[str]
) -> None:
    work = _outside_repo(tmp_path)
    args = ["generate", "runs.yaml", "--target", target, "--package-name", package, "--formatter", "none"]
    result = installed.sdkforge(*args, "--output", "wheel/sdk", cwd=work)
    assert result.returncode == 0, result.stderr
    # the summary line ends the output, after any warnings (renamed identifiers)
    assert result.stderr.splitlines()[-1].startswith("generated 1 SDK (")
    out = work / "wheel" / "sdk"
    assert [name for name in made if not (out / name).is_file()] == []
    checkout = subprocess.run(
        [sys.executable, "-m", "generator", *args, "--output", "checkout/sdk"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checkout.returncode == 0, checkout.stderr
    assert _tree(out) == _tree(work / "checkout" / "sdk")

    assert installed.sdkforge(*args, "--output", "wheel/sdk", "--check", cwd=work).returncode == 0
    (out / made[0]).write_text("edited\n", encoding="utf-8")
    stale = installed.sdkforge(*args, "--output", "wheel/sdk", "--check", cwd=work)
    assert stale.returncode == 1 and f"{made[0]}: differs" in stale.stderr


def test_installed_config_run_inspect_and_diff(installed: Installed, tmp_path: Path) -> None:
    work = _outside_repo(tmp_path)
    (work / "pyproject.toml").write_text(
        "[tool.sdkforge]\n"
        '[[tool.sdkforge.sdk]]\nspec = "runs.yaml"\ntarget = "python"\noutput = "sdks/python"\npackage-name = "runs_sdk"\n'
        '[[tool.sdkforge.sdk]]\nspec = "runs.yaml"\ntarget = "typescript"\noutput = "sdks/ts"\npackage-name = "runs-sdk"\n',
        encoding="utf-8",
    )
    generate = installed.sdkforge("generate", cwd=work)
    assert generate.returncode == 0, generate.stderr
    assert generate.stderr.splitlines()[-1].startswith("generated 2 SDKs (")
    assert (work / "sdks" / "python" / "runs_sdk" / "__init__.py").is_file()
    assert (work / "sdks" / "ts" / "src" / "index.ts").is_file()
    assert installed.sdkforge("generate", "--check", cwd=work).returncode == 0

    inspect = installed.sdkforge("inspect", "runs.yaml", cwd=work)
    assert inspect.returncode == 0, inspect.stderr
    assert f"POST {CANCEL}" in inspect.stdout

    document = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    del document["paths"][CANCEL]
    (work / "no-cancel.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    same = installed.sdkforge("diff", "runs.yaml", "runs.yaml", cwd=work)
    assert same.returncode == 0, same.stderr
    breaking = installed.sdkforge("diff", "runs.yaml", "no-cancel.yaml", "--format", "markdown", cwd=work)
    assert breaking.returncode == 1, breaking.stderr
    assert "cancel" in breaking.stdout

    bad = installed.sdkforge("inspect", "missing.yaml", cwd=work)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr

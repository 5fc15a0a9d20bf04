"""Run mypy --strict and pyright (strict) on a generated package, in isolated folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VENV_BIN = Path(sys.executable).parent


def mypy_strict(project: Path, package: str, scratch: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(scratch / ".mypy_cache"),
            "--config-file",
            str(_empty_config(scratch)),
            "-p",
            package,
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env=_env(project),
    )


def pyright_strict(project: Path, package: str, scratch: Path) -> subprocess.CompletedProcess[str]:
    config = scratch / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                "include": [str(project / package)],
                "typeCheckingMode": "strict",
                "pythonVersion": f"{sys.version_info.major}.{sys.version_info.minor}",
                "extraPaths": [str(project)],
            }
        ),
        encoding="utf-8",
    )
    pyright = VENV_BIN / "pyright"
    command = [str(pyright)] if pyright.exists() else [sys.executable, "-m", "pyright"]
    return subprocess.run(
        [*command, "--pythonpath", sys.executable, "-p", str(config)],
        cwd=project,
        capture_output=True,
        text=True,
    )


def _empty_config(scratch: Path) -> Path:
    # Keep the repository's own [tool.mypy] (which points at generator/) out of the way.
    config = scratch / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    return config


def _env(project: Path) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(project)
    env.pop("MYPYPATH", None)
    return env


def summary(result: subprocess.CompletedProcess[str]) -> str:
    text = (result.stdout + result.stderr).strip().splitlines()
    return "\n".join(text[:40] + (["..."] if len(text) > 40 else []) + text[-3:])

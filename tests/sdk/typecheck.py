"""Run mypy --strict and pyright (strict) on a generated package, in isolated folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from needs import need


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
        check=False,
        env=_env(project),
    )


def pyright_strict(project: Path, package: str, scratch: Path) -> subprocess.CompletedProcess[str]:
    config = scratch / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                # pyright ignores absolute include paths: relative to the config's folder.
                "include": [os.path.relpath(project / package, scratch)],
                "typeCheckingMode": "strict",
                "pythonVersion": f"{sys.version_info.major}.{sys.version_info.minor}",
                "extraPaths": [str(project)],
            }
        ),
        encoding="utf-8",
    )
    return subprocess.run(
        [str(need("pyright")), "--outputjson", "--pythonpath", sys.executable, "-p", str(config)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def _empty_config(scratch: Path) -> Path:
    # Keep the repository's own [tool.mypy] (which points at generator/) out of the way.
    config = scratch / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    return config


def _env(project: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(project)
    env.pop("MYPYPATH", None)
    return env


def summary(result: subprocess.CompletedProcess[str]) -> str:
    text = (result.stdout + result.stderr).strip().splitlines()
    return "\n".join(text[:40] + (["..."] if len(text) > 40 else []) + text[-3:])


def pyright_report(result: subprocess.CompletedProcess[str]) -> tuple[int, int, list[str]]:
    """(files analyzed, errors, first error messages) from `pyright --outputjson`."""
    report = json.loads(result.stdout)
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    messages = [f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']}" for d in errors[:30]]
    return report["summary"]["filesAnalyzed"], report["summary"]["errorCount"], messages

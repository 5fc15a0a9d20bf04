"""sdkforge as users get it: a wheel built from this checkout, installed into a fresh venv.

The wheel is built and installed once per test session, whatever the number of xdist
workers: the first worker to get the lock builds, the others reuse its venv.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "setup.py", "README.md", "generator", "templates")
"""What a build reads; copied aside so that the build never writes into the checkout."""


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path

    def run(self, program: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        """Run one of the venv's programs as a user would: its bin folder first on PATH."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        return subprocess.run(
            [str(self.venv / "bin" / program), *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    def sdkforge(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return self.run("sdkforge", *args, cwd=cwd)


def _run(*command: str | Path) -> None:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(map(str, command))}\n{result.stdout[-3000:]}{result.stderr[-3000:]}"


def _build_and_install(root: Path) -> None:
    source = root / "source"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir()
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(REPO / name, source / name)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", root / "dist", source)
    (wheel,) = (root / "dist").glob("sdkforge-*.whl")
    # This interpreter's pip installs into the new venv (quicker than a pip of its own).
    _run(sys.executable, "-m", "venv", "--without-pip", root / "venv")
    # Dependencies come from the package index, as for any user: the wheel must declare them.
    _run(sys.executable, "-m", "pip", "--python", root / "venv" / "bin" / "python", "install", "--quiet", wheel)


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # this session's folder, common to its workers
    root = shared / "installed-sdkforge"
    root.mkdir(exist_ok=True)
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = root / "installed"
        if not done.exists():
            _build_and_install(root)
            done.touch()
    (wheel,) = (root / "dist").glob("sdkforge-*.whl")
    return Installed(wheel, root / "venv")

"""Generate SDKs into temporary folders and import them, for the tests under tests/sdk.

Generation goes through the real command line (`python -m generator generate ...`),
so these tests exercise exactly what users run.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from needs import need

REPO = Path(__file__).resolve().parents[2]
SHARED_SPECS = REPO / ".." / "shared" / "specs"
OUR_SPECS = REPO / "specs"


@dataclass(frozen=True)
class SdkSpec:
    """One SDK to generate: which spec, in which flavor, under which names."""

    spec: Path
    flavor: str
    package: str
    client: str
    target: str = "python"


OPENAI_RUNS = SdkSpec(OUR_SPECS / "openai" / "runs.yaml", "openai", "openai_runs", "OpenAI")
AZURE_RUNS = SdkSpec(OUR_SPECS / "azure" / "runs.json", "azure", "azure_agents_runs", "AgentsClient")


@dataclass(frozen=True)
class RealSpec:
    """A published spec from ../shared/specs."""

    id: str
    relative: str
    flavor: str
    slow: bool = False
    root: Path = SHARED_SPECS

    @property
    def path(self) -> Path:
        return self.root / self.relative

    def param(self) -> object:
        marks = [pytest.mark.slow] if self.slow else []
        if self.root == SHARED_SPECS:
            marks.append(pytest.mark.needs("shared-specs"))
        return pytest.param(self, id=self.id, marks=marks)


REAL_SPECS = (
    RealSpec("openai-2024-02-23", "openai/openapi-2024-02-23.yaml", "openai"),
    RealSpec("openai-2024-03-27", "openai/openapi-2024-03-27.yaml", "openai"),
    RealSpec("openai-latest", "openai/openapi-latest.yaml", "openai", slow=True),
    RealSpec("azure-agents-v1", "azure/azure-ai-agents-v1.json", "azure"),
)
OPENAI_REAL = tuple(r for r in REAL_SPECS if r.flavor == "openai")
AZURE_AGENTS = next(r for r in REAL_SPECS if r.flavor == "azure")
OUR_SPECS_AS_REAL = (
    RealSpec("specs-openai-runs", "openai/runs.yaml", "openai", root=OUR_SPECS),
    RealSpec("specs-azure-runs", "azure/runs.json", "azure", root=OUR_SPECS),
)
"""Our own specs, run through the same example checks as the published ones."""


def generate(sdk: SdkSpec, output: Path) -> Path:
    """Run `sdkforge generate` for `sdk` into `output`; fail the test with its stderr if it fails."""
    command = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(sdk.spec),
        "--target",
        sdk.target,
        "--flavor",
        sdk.flavor,
        "--output",
        str(output),
        "--package-name",
        sdk.package,
        "--client-name",
        sdk.client,
        "--no-cache",
        "--quiet",
    ]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"generation failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-4000:]}")
    return output


def compiled_typescript(sdk: SdkSpec, root: Path) -> Path:
    """Generate the TypeScript SDK `sdk` under `root` and compile it with tsc: its `dist/index.js`."""
    out = generate(sdk, root / sdk.package)
    result = subprocess.run(
        [str(need("tsc")), "-p", str(out / "tsconfig.json")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"tsc failed on {sdk.package}:\n{result.stdout[-3000:]}{result.stderr[-2000:]}"
    index = out / "dist" / "index.js"
    assert index.is_file(), f"tsc wrote no {index}"
    return index


def import_sdk(output: Path, package: str) -> ModuleType:
    """Import the package generated into `output`, replacing any earlier import of that name."""
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    path = str(output)
    if path in sys.path:
        sys.path.remove(path)
    sys.path.insert(0, path)
    importlib.invalidate_caches()
    return importlib.import_module(package)


def build_ir(spec: Path, flavor: str, target: str | None = None):  # type: ignore[no-untyped-def]
    """The flavored IR of `spec`, as the generator sees it for `target` (for coverage checks)."""
    from generator.flavors import FLAVORS, apply
    from generator.ir.build import build
    from generator.load import load

    return apply(build(load(spec)), FLAVORS[flavor], target)

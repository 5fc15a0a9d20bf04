"""Regenerate the expected output of the focused golden cases, with the generator itself.

    python tests/golden/regen.py                 # every case
    python tests/golden/regen.py streaming all_of

Each case is `tests/golden/cases/<name>/spec.yaml`; `sdkforge generate` writes its SDK
for each target, and the files are sorted into two places: the runtime, whose text is
the same for every spec, goes to `tests/golden/runtime/<target>/` once; the rest goes
to `tests/golden/cases/<name>/expected/<target>/`. Review the diff before committing it.
"""

from __future__ import annotations

import importlib
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES_DIR = REPO / "tests" / "golden" / "cases"
RUNTIME_DIR = REPO / "tests" / "golden" / "runtime"
TARGETS = ("python", "typescript")


@dataclass(frozen=True)
class Case:
    name: str
    flavor: str
    client: str
    targets: tuple[str, ...] = TARGETS

    @property
    def spec(self) -> str:
        """The spec path as given to the generator (relative to the repo; headers quote it)."""
        return f"tests/golden/cases/{self.name}/spec.yaml"

    def expected(self, target: str) -> str:
        return f"tests/golden/cases/{self.name}/expected/{target}"

    def package(self, target: str) -> str:
        return f"{self.name}_sdk" if target == "python" else f"{self.name.replace('_', '-')}-sdk"

    def command(self, target: str, output: str) -> list[str]:
        return [
            "sdkforge",
            "generate",
            self.spec,
            "--target",
            target,
            "--flavor",
            self.flavor,
            "--output",
            output,
            "--package-name",
            self.package(target),
            "--client-name",
            self.client,
            "--no-cache",
            "--quiet",
        ]

    def regen_hint(self) -> str:
        return f"python tests/golden/regen.py {self.name}"


CASES = (
    Case("discriminated_union", "openai", "ShapesClient"),
    Case("all_of", "openai", "AccountsClient"),
    Case("recursive_model", "openai", "TreesClient"),
    Case("nullable_vs_optional", "openai", "ProfilesClient"),
    Case("open_enum", "openai", "JobsClient"),
    Case("pagination", "openai", "EventsClient"),
    Case("streaming", "openai", "CompletionsClient"),
    Case("multipart_upload", "openai", "UploadsClient"),
    Case("azure_host_api_version", "azure", "WidgetsClient"),
    Case("hostile_text", "openai", "HostileClient"),
    Case("name_collisions", "openai", "Widgets"),
    Case("generic_rest", "generic", "ShopOrders"),
)


def runtime_paths(target: str, package: str) -> tuple[str, ...]:
    """The output files of `target` that the golden tree keeps once, under runtime/."""
    module = importlib.import_module(f"generator.targets.{target}")
    paths: Callable[[str], tuple[str, ...]] = module.runtime_paths
    return paths(package)


def runtime_store(target: str, package: str, path: str) -> Path:
    """Where the one stored copy of a runtime file lives (the package folder left out)."""
    relative = path[len(package) + 1 :] if path.startswith(package + "/") else path
    return RUNTIME_DIR / target / relative


def generate(case: Case, target: str, output: Path) -> None:
    command = [sys.executable, "-m", "generator", *case.command(target, str(output))[1:]]
    subprocess.run(command, cwd=REPO, check=True)


def regenerate(case: Case, target: str) -> None:
    expected = REPO / case.expected(target)
    if expected.exists():
        shutil.rmtree(expected)
    package = case.package(target)
    runtime = set(runtime_paths(target, package))
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "out"
        generate(case, target, fresh)
        for path in sorted(fresh.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(fresh).as_posix()
            if relative in runtime:
                destination = runtime_store(target, package, relative)
            else:
                destination = expected / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


def main(names: list[str]) -> int:
    chosen = [c for c in CASES if not names or c.name in names]
    unknown = set(names) - {c.name for c in CASES}
    if unknown:
        print(f"unknown case(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for case in chosen:
        for target in case.targets:
            regenerate(case, target)
            print(f"regenerated {case.expected(target)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Regenerate the expected output of the focused golden cases, with the generator itself.

    python tests/golden/regen.py                 # every case
    python tests/golden/regen.py streaming all_of

Each case is `tests/golden/cases/<name>/spec.yaml`; its expected SDK is written to
`tests/golden/cases/<name>/expected/` by `sdkforge generate`. Review the diff before
committing it.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES_DIR = REPO / "tests" / "golden" / "cases"


@dataclass(frozen=True)
class Case:
    name: str
    flavor: str
    client: str
    target: str = "python"

    @property
    def spec(self) -> str:
        """The spec path as given to the generator (relative to the repo; headers quote it)."""
        return f"tests/golden/cases/{self.name}/spec.yaml"

    @property
    def expected(self) -> str:
        return f"tests/golden/cases/{self.name}/expected"

    @property
    def package(self) -> str:
        return f"{self.name}_sdk"

    def command(self, output: str | None = None) -> list[str]:
        return [
            "sdkforge",
            "generate",
            self.spec,
            "--target",
            self.target,
            "--flavor",
            self.flavor,
            "--output",
            output or self.expected,
            "--package-name",
            self.package,
            "--client-name",
            self.client,
            "--no-cache",
            "--quiet",
        ]

    def shell_command(self) -> str:
        """What to run from the repo root to regenerate this case's expected tree."""
        return f"rm -rf {self.expected} && " + shlex.join(self.command())


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
)


def regenerate(case: Case) -> None:
    expected = REPO / case.expected
    if expected.exists():
        shutil.rmtree(expected)
    command = [sys.executable, "-m", "generator", *case.command()[1:]]
    subprocess.run(command, cwd=REPO, check=True)


def main(names: list[str]) -> int:
    chosen = [c for c in CASES if not names or c.name in names]
    unknown = set(names) - {c.name for c in CASES}
    if unknown:
        print(f"unknown case(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for case in chosen:
        regenerate(case)
        print(f"regenerated {case.expected}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

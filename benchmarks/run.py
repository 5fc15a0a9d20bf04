#!/usr/bin/env python3
"""Time sdkforge against peer generators on the real OpenAI and Azure specs.

    python benchmarks/run.py                 # everything: ours (cold, no-op, one change) and the peers
    python benchmarks/run.py --ours-only     # just sdkforge
    python benchmarks/run.py --update-readme # also rewrite the results table in benchmarks/README.md

Every figure is the median whole-process wall time of several runs (each run is a
fresh process, as a user or CI would start it), with the peak memory of the process.
The peers are installed by this script: Python ones into benchmarks/.venv (pinned
below), npm ones into benchmarks/node (pinned by its package-lock.json).

Our runs:
- cold: empty output folder and empty cache;
- no-op: the same command again, nothing changed;
- one change: the description of one schema (`RunObject` / `ThreadRun`) edited in a
  copy of the spec, alternating between two texts so every run sees a real change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SPECS = REPO.parent / "shared" / "specs"
VENV = HERE / ".venv"
NODE = HERE / "node"
README = HERE / "README.md"
TABLE_START = "<!-- results:start -->"
TABLE_END = "<!-- results:end -->"

PYTHON_PEERS = (
    "openapi-python-client==0.29.1",
    "datamodel-code-generator==0.89.0",
    "openapi-generator-cli==7.26.0",
)


@dataclass(frozen=True)
class Spec:
    key: str
    path: Path
    flavor: str
    package: dict[str, str]
    """Target → package name."""
    edit_anchor: str
    """A line in the spec whose next description we edit for the one-change run."""


SPEC_LIST = (
    Spec(
        "openai",
        SPECS / "openai" / "openapi-latest.yaml",
        "openai",
        {"python": "openai", "typescript": "openai"},
        "    RunObject:\n",
    ),
    Spec(
        "azure",
        SPECS / "azure" / "azure-ai-agents-v1.json",
        "azure",
        {"python": "azure_agents", "typescript": "azure-agents"},
        '"ThreadRun": {',
    ),
)


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mb: float
    ok: bool
    note: str = ""


@dataclass(frozen=True)
class Row:
    tool: str
    target: str
    spec: str
    cold: Sample | None
    noop: Sample | None = None
    change: Sample | None = None
    does: str = ""


# ----------------------------------------------------------------- running


def timed(
    cmd: Sequence[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = 900,
) -> Sample:
    """Wall time and peak RSS of one process tree (the kernel's figure for the biggest process)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        ok = proc.returncode == 0
        note = ""
        if not ok:
            err.seek(0)
            lines = [
                line.strip()
                for line in err.read().decode("utf-8", "replace").splitlines()
                if line.strip()
            ]
            note = failure_reason(lines) or f"exit {proc.returncode}"
    return Sample(elapsed, usage.ru_maxrss / 1024, ok, note)


def failure_reason(lines: list[str]) -> str:
    """The line of a failed run's stderr that says why, without stack frames or local paths."""
    telling = re.compile(
        r"(?i)(error|unsupported|not found|not supported|cannot|invalid)"
    )
    reasons = [
        line
        for line in lines
        if telling.search(line)
        and not line.startswith(("at ", "File ", "/"))
        and "site-packages" not in line
        and "http" not in line
    ]
    if not reasons:
        return ""
    text = reasons[-1].replace(str(REPO), "").replace("throw new ", "")
    return text.replace("|", "/")[:90]


def median(samples: list[Sample]) -> Sample:
    good = [s for s in samples if s.ok]
    if not good:
        return samples[-1]
    return Sample(
        statistics.median(s.seconds for s in good), max(s.peak_mb for s in good), True
    )


def repeat(
    runs: int, once: Callable[[], Sample], before: Callable[[], None] | None = None
) -> Sample:
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        sample = once()
        samples.append(sample)
        if not sample.ok:
            break
    return median(samples)


# ----------------------------------------------------------------- ours


def sdkforge_cmd(
    spec: Path, spec_obj: Spec, target: str, out: Path, formatter: str
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(spec),
        "--flavor",
        spec_obj.flavor,
        "--target",
        target,
        "--output",
        str(out),
        "--package-name",
        spec_obj.package[target],
        "--formatter",
        formatter,
        "--quiet",
    ]


def edit_one_schema(text: str, anchor: str, flip: bool) -> str:
    """Change the description that follows `anchor` (a real, one-schema edit)."""
    at = text.index(anchor)
    key = "description" if not anchor.startswith('"') else '"description"'
    d = text.index(key, at)
    colon = text.index(":", d)
    marker = " (edited A)" if flip else " (edited B)"
    end = text.index("\n", colon)
    line = text[colon + 1 : end].rstrip()
    if anchor.startswith('"'):
        # JSON: `"description": "text",` → insert before the closing quote.
        close = line.rstrip(",").rfind('"')
        line = line[:close] + marker + line[close:]
    else:
        line = line + marker
    return text[: colon + 1] + line + text[end:]


def snapshot(work: Path) -> Path:
    """A copy of the generator and its templates, so edits made meanwhile do not change what is measured."""
    src = work / "sdkforge-src"
    if not src.exists():
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(REPO / "generator", src / "generator", ignore=ignore)
        shutil.copytree(REPO / "templates", src / "templates", ignore=ignore)
    return src


def ours(spec: Spec, target: str, runs: int, formatter: str, work: Path) -> Row:
    env = {"PYTHONPATH": str(snapshot(work))}
    folder = work / f"ours-{spec.key}-{target}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    spec_copy = folder / spec.path.name
    original = spec.path.read_text(encoding="utf-8")
    spec_copy.write_text(original, encoding="utf-8")
    out = folder / "out"
    cmd = sdkforge_cmd(spec_copy, spec, target, out, formatter)

    def clean() -> None:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(folder / ".sdkforge-cache", ignore_errors=True)

    cold = repeat(runs, lambda: timed(cmd, folder, env), before=clean)
    if not cold.ok:
        return Row("sdkforge", target, spec.key, cold, does="models + client")
    timed(cmd, folder, env)  # leave a complete output and cache behind
    noop = repeat(runs, lambda: timed(cmd, folder, env))
    flip = [False]

    def edit() -> None:
        flip[0] = not flip[0]
        spec_copy.write_text(
            edit_one_schema(original, spec.edit_anchor, flip[0]), encoding="utf-8"
        )

    change = repeat(runs, lambda: timed(cmd, folder, env), before=edit)
    return Row("sdkforge", target, spec.key, cold, noop, change, "models + client")


# ----------------------------------------------------------------- peers


def install_peers() -> None:
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [
            str(VENV / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *PYTHON_PEERS,
        ],
        check=True,
    )
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: the TypeScript peers are skipped", file=sys.stderr)
        return
    verb = "ci" if (NODE / "package-lock.json").exists() else "install"
    subprocess.run(
        [npm, verb, "--no-audit", "--no-fund", "--loglevel=error"], cwd=NODE, check=True
    )


def peer_commands(spec: Spec, out: Path) -> list[tuple[str, str, str, list[str]]]:
    """(tool, target, what it produces, command)."""
    vbin = VENV / "bin"
    nbin = NODE / "node_modules" / ".bin"
    s = str(spec.path)
    return [
        (
            "openapi-python-client",
            "python",
            "models + client",
            [
                str(vbin / "openapi-python-client"),
                "generate",
                "--path",
                s,
                "--output-path",
                str(out / "opc"),
                "--overwrite",
            ],
        ),
        (
            "datamodel-code-generator",
            "python",
            "models only",
            [
                str(vbin / "datamodel-codegen"),
                "--input",
                s,
                "--input-file-type",
                "openapi",
                "--output-model-type",
                "pydantic_v2.BaseModel",
                "--output",
                str(out / "dcg.py"),
            ],
        ),
        (
            "OpenAPI Generator",
            "python",
            "models + client",
            [
                str(vbin / "openapi-generator-cli"),
                "generate",
                "-i",
                s,
                "-g",
                "python",
                "-o",
                str(out / "oag"),
                "--skip-validate-spec",
            ],
        ),
        (
            "openapi-typescript",
            "typescript",
            "types only",
            [str(nbin / "openapi-typescript"), s, "-o", str(out / "ots.d.ts")],
        ),
        (
            "@hey-api/openapi-ts",
            "typescript",
            "types + client",
            [str(nbin / "openapi-ts"), "-i", s, "-o", str(out / "hey")],
        ),
    ]


def peers(spec: Spec, runs: int, work: Path) -> list[Row]:
    rows = []
    for tool, target, does, cmd in peer_commands(spec, work / f"peers-{spec.key}"):
        if not Path(cmd[0]).exists():
            rows.append(
                Row(
                    tool,
                    target,
                    spec.key,
                    Sample(0, 0, False, "not installed"),
                    does=does,
                )
            )
            continue

        def clean() -> None:
            shutil.rmtree(work / f"peers-{spec.key}", ignore_errors=True)
            (work / f"peers-{spec.key}").mkdir(parents=True)

        rows.append(
            Row(
                tool,
                target,
                spec.key,
                repeat(runs, lambda cmd=cmd: timed(cmd, work), before=clean),
                does=does,
            )
        )
    return rows


# ----------------------------------------------------------------- report


def cell(sample: Sample | None) -> str:
    if sample is None:
        return "—"
    if not sample.ok:
        return f"failed ({sample.note})" if sample.note else "failed"
    return f"{sample.seconds:.2f} s"


def table(rows: list[Row]) -> str:
    ours_cold = {(r.spec, r.target): r.cold for r in rows if r.tool == "sdkforge"}
    lines = [
        "| spec | tool | target | produces | cold | no-op | one change | peak MB | sdkforge ÷ tool (cold) |",
        "| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        mine = ours_cold.get((r.spec, r.target))
        ratio = "—"
        if (
            r.tool != "sdkforge"
            and mine is not None
            and mine.ok
            and r.cold is not None
            and r.cold.ok
            and r.cold.seconds
        ):
            ratio = f"{mine.seconds / r.cold.seconds:.2f}×"
        peak = max(
            (s.peak_mb for s in (r.cold, r.noop, r.change) if s is not None and s.ok),
            default=0.0,
        )
        lines.append(
            f"| {r.spec} | {r.tool} | {r.target} | {r.does} | {cell(r.cold)} | {cell(r.noop)} | {cell(r.change)} "
            f"| {peak:.0f} | {ratio} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def update_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = readme.index(TABLE_START) + len(TABLE_START), readme.index(TABLE_END)
    README.write_text(
        readme[:start] + "\n" + text + "\n" + readme[end:], encoding="utf-8"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per figure for sdkforge (median)"
    )
    parser.add_argument(
        "--peer-runs",
        type=int,
        default=3,
        help="runs per figure for the peers (median)",
    )
    parser.add_argument(
        "--ours-only", action="store_true", help="skip the peer generators"
    )
    parser.add_argument(
        "--no-install", action="store_true", help="use the peers already installed"
    )
    parser.add_argument(
        "--spec",
        choices=[s.key for s in SPEC_LIST],
        action="append",
        help="only these specs",
    )
    parser.add_argument(
        "--target",
        choices=["python", "typescript"],
        action="append",
        help="only these targets",
    )
    parser.add_argument(
        "--formatter",
        default="none",
        choices=["none", "black", "ruff"],
        help="formatter for our runs (default none: the targets emit black's style)",
    )
    parser.add_argument(
        "--update-readme",
        action="store_true",
        help="write the table into benchmarks/README.md",
    )
    args = parser.parse_args(argv)

    specs = [s for s in SPEC_LIST if not args.spec or s.key in args.spec]
    targets = args.target or ["python", "typescript"]
    missing = [str(s.path) for s in specs if not s.path.is_file()]
    if missing:
        print(
            f"spec not found: {', '.join(missing)} (../shared/specs must be beside the repository)",
            file=sys.stderr,
        )
        return 2
    if not args.ours_only and not args.no_install:
        install_peers()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="sdkforge-bench-") as tmp:
        work = Path(tmp)
        for spec in specs:
            for target in targets:
                print(f"sdkforge {target} on {spec.key} ...", file=sys.stderr)
                rows.append(ours(spec, target, args.runs, args.formatter, work))
            if not args.ours_only:
                for row in peers(spec, args.peer_runs, work):
                    if row.target in targets:
                        print(
                            f"{row.tool} on {spec.key}: {cell(row.cold)}",
                            file=sys.stderr,
                        )
                        rows.append(row)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        f"Measured {stamp} on {machine()}; medians of {args.runs} runs (peers: {args.peer_runs}); "
        f"sdkforge formatter: {args.formatter}."
    )
    text = header + "\n\n" + table(rows)
    print(text)
    if args.update_readme:
        update_readme(text)
    print(
        json.dumps(
            [
                {
                    "tool": r.tool,
                    "target": r.target,
                    "spec": r.spec,
                    "cold": r.cold.seconds if r.cold and r.cold.ok else None,
                    "noop": r.noop.seconds if r.noop and r.noop.ok else None,
                    "change": r.change.seconds if r.change and r.change.ok else None,
                }
                for r in rows
            ]
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

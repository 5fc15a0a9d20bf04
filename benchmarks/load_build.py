"""Load + build time and peak memory on OpenAI's latest spec, with the parsing floor beside it.

    python benchmarks/load_build.py [--runs N] [SPEC]

Times are the median of N runs in one process (the first run also imports what it needs,
so it is reported apart). Peak memory is measured twice, each job in a fresh process:
`tracemalloc` peak (Python allocations) and the child's maximum resident set size.
The floor is PyYAML's C loader alone (`CSafeLoader`), which any YAML-based loader pays at
least once; yaml-rs alone (the parser `load` uses) is shown too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = REPO / ".." / "shared" / "specs" / "openai" / "openapi-latest.yaml"

JOBS = ("pyyaml-c", "yaml-rs", "load", "build", "load+build")


def job(name: str, spec: Path) -> Callable[[], Any]:
    """The callable one measurement runs; `build` alone gets its document loaded beforehand."""
    if name == "pyyaml-c":
        import yaml

        return lambda: yaml.load(
            spec.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
        )
    if name == "yaml-rs":
        import yaml_rs

        return lambda: yaml_rs.loads(spec.read_text(encoding="utf-8"))
    from generator.ir.build import build
    from generator.load import load

    if name == "load":
        return lambda: load(spec)
    if name == "build":
        doc = load(spec)
        return lambda: build(doc)
    return lambda: build(load(spec))


def timings(name: str, spec: Path, runs: int) -> tuple[float, float]:
    run = job(name, spec)
    start = time.perf_counter()
    run()
    first = time.perf_counter() - start
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return first, statistics.median(samples)


def memory_in_child(name: str, spec: Path) -> dict[str, float]:
    """Runs one job in a fresh interpreter and reports its peaks in MiB."""
    code = (
        "import json, resource, sys, tracemalloc\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from benchmarks.load_build import job\n"
        "from pathlib import Path\n"
        f"run = job({name!r}, Path({str(spec)!r}))\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "tracemalloc.start()\n"
        "run()\n"
        "_, peak = tracemalloc.get_traced_memory()\n"
        "tracemalloc.stop()\n"
        "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'traced': peak / 2**20, 'rss': rss / 1024, 'rss_growth': (rss - base) / 1024}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    spec: Path = args.spec.resolve()
    print(
        f"spec: {spec.name} ({spec.stat().st_size / 2**20:.1f} MiB), median of {args.runs} runs\n"
    )
    header = f"{'job':<12} {'first s':>8} {'median s':>9} {'traced MiB':>11} {'max RSS MiB':>12}"
    print(header)
    print("-" * len(header))
    for name in JOBS:
        first, median = timings(name, spec, args.runs)
        mem = memory_in_child(name, spec)
        print(
            f"{name:<12} {first:>8.3f} {median:>9.3f} {mem['traced']:>11.1f} {mem['rss']:>12.1f}"
        )
    print(
        "\n`build` runs on a document loaded beforehand: its traced peak is its own, its max RSS includes the load."
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate an SDK from every OpenAPI document in a folder and check that it builds.

    python benchmarks/corpus.py CORPUS --target python|typescript [--jobs N]
        [--timeout SECONDS] [--real LIST] [--invalid LIST] [--report PREFIX]
        [--only SUBSTRING] [--keep DIR]

Entry documents are found recursively (see `find_entries`). Each one goes through
the real command line (`python -m generator generate`, no cache, no formatter) into
its own folder; then, for Python, every generated module is imported and the package
is checked with `mypy --strict`; for TypeScript, `tsc --strict --noEmit` runs on it.
Every document gets one verdict:

- `pass`: generated and checked clean;
- `refused`: exit 2 with one located error (file and line or JSON pointer). It is the
  right outcome only for a document that is really broken: `--invalid` lists those
  (path, tab, reason), and refusals of other documents are counted apart;
- `refused-unlocated`: exit 2 without a located message;
- `generate-crash`: any other exit, or a traceback;
- `import-failure`, `typecheck-failure` (Python), `typecheck-failure` (TypeScript);
- `timeout`: a stage ran past the per-document budget.

The table is printed by verdict, for all documents and for the real API descriptions
(`--real`: a file with one corpus-relative path a line; default CORPUS/real.txt).
Per-document results go to PREFIX.json and PREFIX.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TSC = REPO / "tests" / "node" / "node_modules" / ".bin" / "tsc"
SPEC_SUFFIXES = (".yaml", ".yml", ".json")
SKIPPED_FOLDERS = frozenset({"node_modules", ".git"})
PYTHON_PACKAGE = "corpus_sdk"
TS_PACKAGE = "corpus-sdk"
VERDICTS = (
    "pass",
    "refused",
    "refused-unlocated",
    "generate-crash",
    "import-failure",
    "typecheck-failure",
    "timeout",
)
_LOCATED = re.compile(
    r"^(?P<file>.+?)(?::(?P<line>\d+)(?::\d+)?)?(?: at (?P<pointer>#\S*))?: error: (?P<message>.+)$"
)
_VERSION_KEY = re.compile(
    rb"^(?:openapi|swagger)\s*:|^\s*\"(?:openapi|swagger)\"\s*:", re.MULTILINE
)
_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(module.name)
"""
_WARM_IMPORTS = """
import asyncio, contextvars, datetime, email.utils, functools, inspect, json, os
import random, sys, threading, time, typing, urllib.parse
import httpx, pydantic, typing_extensions
"""


# ---------------------------------------------------------------------- finding documents


def find_entries(root: Path) -> list[Path]:
    """Entry documents under `root`, sorted.

    An entry is a .yaml/.yml/.json file whose top level has an `openapi` or `swagger`
    key. A file with `paths` or `components` but no such key (nor `asyncapi`) is an
    entry too, unless another file refers to it by `$ref` (then it is a part of a
    multi-file spec). A
    file that does not parse counts when its text has a top-level version key, so a
    broken entry is still tried (and must be refused with a located error).
    """
    candidates: list[Path] = []
    versionless: list[Path] = []
    referenced: set[Path] = set()
    for path in _spec_files(root):
        data = path.read_bytes()
        tree = parse_tree(data)
        if tree is None:
            if _VERSION_KEY.search(data[:4096]):
                candidates.append(path)
            continue
        if isinstance(tree, dict):
            if "openapi" in tree or "swagger" in tree:
                candidates.append(path)
            elif ("paths" in tree or "components" in tree) and "asyncapi" not in tree:
                versionless.append(path)
        for ref in ref_files(tree):
            referenced.add((path.parent / ref).resolve())
    candidates.extend(p for p in versionless if p.resolve() not in referenced)
    return sorted(candidates)


def _spec_files(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if d not in SKIPPED_FOLDERS and not d.startswith(".")
        )
        for name in sorted(files):
            if name.endswith(SPEC_SUFFIXES):
                yield Path(folder) / name


def parse_tree(data: bytes) -> Any:
    """The tree of a YAML or JSON file, or None when it cannot be read."""
    import yaml_rs

    try:
        text = data.decode("utf-8-sig")
        if text.lstrip()[:1] in ("{", "["):
            try:
                return json.loads(text)
            except ValueError:
                pass
        return yaml_rs.loads(text, parse_datetime=False)
    # An unreadable file has no tree; callers go by its text.
    except Exception:  # noqa: BLE001
        return None


def ref_files(tree: Any) -> Iterable[str]:
    """The file part of every relative `$ref` in a tree."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                file_part = ref.partition("#")[0]
                if file_part and "://" not in file_part:
                    yield file_part
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


# ---------------------------------------------------------------------- one document


@dataclass
class Result:
    path: str
    real: bool
    verdict: str = "pass"
    detail: str = ""
    """The located error of a refusal, or the first lines of what failed."""
    invalid: str | None = None
    """Why the document is broken, when it is listed as invalid."""
    warnings: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)


class Budget:
    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.1, self.deadline - time.monotonic())


def run_document(
    entry: Path,
    root: Path,
    target: str,
    work: Path,
    options: argparse.Namespace,
    warm_cache: Path | None,
) -> Result:
    relative = entry.relative_to(root).as_posix()
    result = Result(
        relative,
        relative in options.real_paths,
        invalid=options.invalid_paths.get(relative),
    )
    started = time.monotonic()
    budget = Budget(options.timeout)
    work.mkdir(parents=True, exist_ok=True)
    try:
        _generate(entry, target, work, result, budget)
        if result.verdict == "pass":
            if target == "python":
                _check_python(work, result, budget, warm_cache)
            else:
                _check_typescript(work, result, budget)
    except _StageTimeout as late:
        result.verdict = "timeout"
        result.detail = f"{late.stage} ran past the budget of {options.timeout:.0f} s"
    result.seconds = round(time.monotonic() - started, 2)
    if not options.keep or result.verdict == "pass":
        shutil.rmtree(work, ignore_errors=True)
    return result


class _StageTimeout(Exception):
    def __init__(self, stage: str) -> None:
        super().__init__(stage)
        self.stage = stage


def _timed(
    result: Result, stage: str, command: Sequence[str], budget: Budget, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    try:
        return subprocess.run(
            list(command),
            capture_output=True,
            text=True,
            check=False,
            timeout=budget.left(),
            **kwargs,
        )
    except subprocess.TimeoutExpired:
        raise _StageTimeout(stage) from None
    finally:
        result.stages[stage] = round(time.monotonic() - started, 2)


def _generate(
    entry: Path, target: str, work: Path, result: Result, budget: Budget
) -> None:
    output = work / "out"
    package = PYTHON_PACKAGE if target == "python" else TS_PACKAGE
    completed = _timed(
        result,
        "generate",
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(entry.resolve()),
            "--target",
            target,
            "--output",
            str(output),
            "--package-name",
            package,
            "--formatter",
            "none",
            "--no-cache",
            "--quiet",
        ],
        budget,
        cwd=work,  # no pyproject.toml here: nothing of the repository's config applies
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    stderr = completed.stderr
    result.warnings = sum(
        int(match.group(1))
        for match in re.finditer(
            r"^warning\[[^\]]+\]: (\d+) occurrence", stderr, re.MULTILINE
        )
    )
    if "Traceback (most recent call last)" in stderr or completed.returncode not in (
        0,
        2,
    ):
        result.verdict = "generate-crash"
        result.detail = _tail(stderr or completed.stdout)
    elif completed.returncode == 2:
        lines = [line for line in stderr.strip().splitlines() if line.strip()]
        located = [line for line in lines if _is_located(line)]
        result.verdict = (
            "refused" if len(lines) == 1 and located else "refused-unlocated"
        )
        result.detail = "\n".join(lines[-3:])


def _is_located(line: str) -> bool:
    match = _LOCATED.match(line)
    return bool(match and (match.group("line") or match.group("pointer")))


def _check_python(
    work: Path, result: Result, budget: Budget, warm_cache: Path | None
) -> None:
    output = work / "out"
    env = {**os.environ, "PYTHONPATH": str(output)}
    env.pop("MYPYPATH", None)
    imported = _timed(
        result,
        "import",
        [sys.executable, "-c", _IMPORT_ALL, PYTHON_PACKAGE],
        budget,
        cwd=work,
        env=env,
    )
    if imported.returncode != 0:
        result.verdict = "import-failure"
        result.detail = _tail(imported.stderr)
        return
    cache = work / "mypy-cache"
    if warm_cache is not None:
        shutil.copytree(warm_cache, cache)
    checked = _timed(
        result,
        "mypy",
        _mypy(work, cache, PYTHON_PACKAGE),
        budget,
        cwd=output,
        env=env,
    )
    _checked(checked, work, result)


def _check_typescript(work: Path, result: Result, budget: Budget) -> None:
    output = work / "out"
    checked = _timed(
        result,
        "tsc",
        [str(TSC), "-p", str(output / "tsconfig.json"), "--strict", "--noEmit"],
        budget,
        cwd=output,
    )
    _checked(checked, work, result)


def _checked(
    checked: subprocess.CompletedProcess[str], work: Path, result: Result
) -> None:
    if checked.returncode != 0:
        result.verdict = "typecheck-failure"
        result.detail = _first_errors(checked.stdout + checked.stderr)
        (work / "check.log").write_text(
            checked.stdout + checked.stderr, encoding="utf-8"
        )


def _tail(text: str, lines: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _first_errors(text: str, count: int = 5) -> str:
    errors = [line for line in text.splitlines() if "error" in line]
    return "\n".join((errors or text.strip().splitlines())[:count])


def _mypy(work: Path, cache: Path, package: str) -> list[str]:
    """`mypy --strict` on `package`, with an empty config (the repository's own
    [tool.mypy] points at generator/)."""
    config = work / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    return [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        str(cache),
        "--config-file",
        str(config),
        "-p",
        package,
    ]


def warm_mypy_cache(work: Path) -> Path:
    """A mypy cache holding the standard library, httpx and pydantic, copied for every
    package so each check only analyses the generated code."""
    project = work / "warm"
    (project / "warm_imports").mkdir(parents=True, exist_ok=True)
    (project / "warm_imports" / "__init__.py").write_text(
        _WARM_IMPORTS, encoding="utf-8"
    )
    cache = project / "cache"
    subprocess.run(
        _mypy(project, cache, "warm_imports"),
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    return cache


# ---------------------------------------------------------------------- reporting


def table(results: Sequence[Result]) -> str:
    real = [r for r in results if r.real]
    lines = [
        "| verdict | all | real |",
        "| --- | ---: | ---: |",
    ]
    for verdict in VERDICTS:
        every = [r for r in results if r.verdict == verdict]
        if verdict == "refused":
            listed = [r for r in every if r.invalid]
            others = [r for r in every if not r.invalid]
            lines.append(_row("refused, listed invalid (correct)", listed))
            lines.append(_row("refused, not listed invalid", others))
            continue
        lines.append(_row(verdict, every))
    passed = sum(1 for r in results if r.verdict == "pass")
    real_passed = sum(1 for r in real if r.verdict == "pass")
    lines.append(f"| **total** | {len(results)} | {len(real)} |")
    lines.append("")
    lines.append(
        f"pass: {passed}/{len(results)} ({_percent(passed, len(results))}),"
        f" real: {real_passed}/{len(real)} ({_percent(real_passed, len(real))})"
    )
    return "\n".join(lines)


def _row(label: str, rows: Sequence[Result]) -> str:
    return f"| {label} | {len(rows)} | {sum(1 for r in rows if r.real)} |"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "-"


def markdown(results: Sequence[Result], target: str, seconds: float) -> str:
    out = [
        f"# Corpus run: {target}",
        "",
        table(results),
        "",
        f"wall time {seconds:.0f} s",
        "",
    ]
    for verdict in VERDICTS[1:]:
        rows = [r for r in results if r.verdict == verdict]
        if not rows:
            continue
        out.append(f"## {verdict} ({len(rows)})")
        out.append("")
        for r in rows:
            tags = " (real)" if r.real else ""
            tags += f" (listed invalid: {r.invalid})" if r.invalid else ""
            detail = r.detail.replace("\n", "\n    ")
            out.append(f"- `{r.path}`{tags}\n    {detail}")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------- main


def _read_list(path: Path | None) -> dict[str, str]:
    if path is None or not path.is_file():
        return {}
    entries: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition("\t")
            entries[name.strip()] = reason.strip() or "listed"
    return entries


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--target", choices=("python", "typescript"), required=True)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds per document, all stages"
    )
    parser.add_argument(
        "--real",
        type=Path,
        help="list of real API descriptions (default CORPUS/real.txt)",
    )
    parser.add_argument(
        "--invalid",
        type=Path,
        help="list of broken documents (default CORPUS/invalid.txt)",
    )
    parser.add_argument(
        "--report", type=Path, help="PREFIX of the .json and .md reports"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="run documents whose path contains this",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the SDK (and check.log) of every document that fails, under this folder",
    )
    options = parser.parse_args(argv)
    root = options.corpus.resolve()
    options.real_paths = set(_read_list(options.real or root / "real.txt"))
    options.invalid_paths = _read_list(options.invalid or root / "invalid.txt")
    entries = find_entries(root)
    if options.only:
        entries = [
            e
            for e in entries
            if any(part in e.relative_to(root).as_posix() for part in options.only)
        ]
    report = options.report or root.parent / f"{root.name}-{options.target}"
    work = (
        options.keep.resolve()
        if options.keep
        else Path(tempfile.mkdtemp(prefix="sdkforge-corpus-"))
    )
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    warm = warm_mypy_cache(work) if options.target == "python" else None
    print(f"{len(entries)} documents, {options.jobs} at a time", file=sys.stderr)
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        futures = [
            pool.submit(
                run_document,
                entry,
                root,
                options.target,
                work / f"{index:04d}",
                options,
                warm,
            )
            for index, entry in enumerate(entries)
        ]
        results = []
        for done, future in enumerate(futures, start=1):
            result = future.result()
            results.append(result)
            print(
                f"[{done}/{len(entries)}] {result.verdict:18} {result.seconds:6.1f} s  {result.path}",
                file=sys.stderr,
            )
    seconds = time.monotonic() - started
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)
    report.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{report}.json").write_text(
        json.dumps([asdict(r) for r in results], indent=1) + "\n", encoding="utf-8"
    )
    Path(f"{report}.md").write_text(
        markdown(results, options.target, seconds), encoding="utf-8"
    )
    print(table(results))
    print(f"reports: {report}.md, {report}.json")
    counts = Counter(r.verdict for r in results)
    return 0 if counts["pass"] == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())

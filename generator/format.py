"""Formatting of rendered Python: black (in-process), ruff (`ruff format`) or none.

Formatting is the slowest step by far (black manages ~1,500 lines/s), so results
are cached by the digest of the unformatted text: a file whose rendering did not
change is never formatted again. Only Python files are formatted.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.cache import Cache, digest
from generator.diagnostics import Diagnostic
from generator.plan import Formatter, Language

FORMATTED_LANGUAGES: frozenset[Language] = frozenset({"python"})


@dataclass(frozen=True)
class Unformatted:
    path: str
    language: Language
    text: str
    in_black_style: bool = False
    """The target emitted black's style itself; black would change nothing, so skip it."""


@dataclass(frozen=True)
class FormatOutcome:
    texts: tuple[str, ...]
    """Formatted text per input, in input order."""
    formatted: tuple[str, ...]
    """Paths actually sent through the formatter (cache misses)."""
    warnings: tuple[Diagnostic, ...] = ()


@cache
def formatter_identity(formatter: Formatter) -> str:
    """Name and version: a new formatter version must not reuse old results."""
    if formatter == "none":
        return "none"
    if formatter == "black":
        try:
            import importlib

            # black's own version module: far cheaper than importing black.
            return f"black {importlib.import_module('_black_version').version}"
        except (ImportError, AttributeError):
            return f"black {_distribution_version('black')}"
    return f"ruff {_distribution_version('ruff')}"


def _distribution_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "missing"


def format_files(
    files: Sequence[Unformatted], formatter: Formatter, store: Cache | None
) -> FormatOutcome:
    identity = formatter_identity(formatter)
    texts: list[str | None] = []
    misses: list[int] = []
    for i, item in enumerate(files):
        if (
            formatter == "none"
            or item.language not in FORMATTED_LANGUAGES
            or (formatter == "black" and item.in_black_style)
        ):
            texts.append(item.text)
            continue
        cached = (
            store.get_text("fmt", digest(identity, item.text))
            if store is not None
            else None
        )
        texts.append(cached)
        if cached is None:
            misses.append(i)
    warnings: list[Diagnostic] = []
    if misses:
        todo = [files[i] for i in misses]
        results = (
            _black(todo, warnings) if formatter == "black" else _ruff(todo, warnings)
        )
        for i, result in zip(misses, results, strict=True):
            ok = result is not None
            texts[i] = result if ok else files[i].text
            if ok and store is not None:
                store.put_text("fmt", digest(identity, files[i].text), texts[i] or "")
    return FormatOutcome(
        texts=tuple(t if t is not None else "" for t in texts),
        formatted=tuple(files[i].path for i in misses),
        warnings=tuple(warnings),
    )


def _black(
    files: Sequence[Unformatted], warnings: list[Diagnostic]
) -> list[str | None]:
    import black

    mode = black.Mode()
    out: list[str | None] = []
    for item in files:
        try:
            out.append(black.format_str(item.text, mode=mode))
        except (
            Exception
        ) as err:  # noqa: BLE001 - black raises many kinds; keep the text, warn
            warnings.append(
                _not_formatted(
                    item.path, "black", str(err).splitlines()[0] if str(err) else ""
                )
            )
            out.append(None)
    return out


def _ruff_binary() -> str | None:
    beside = Path(sys.executable).parent / "ruff"
    if beside.is_file():
        return str(beside)
    return shutil.which("ruff")


def _ruff(files: Sequence[Unformatted], warnings: list[Diagnostic]) -> list[str | None]:
    """One `ruff format` process for every file: starting one per file would cost more than formatting."""
    binary = _ruff_binary()
    if binary is None:
        warnings.append(
            Diagnostic(
                "warning",
                "formatter-missing",
                "ruff is not installed; output left unformatted",
            )
        )
        return [None] * len(files)
    with tempfile.TemporaryDirectory(prefix="sdkforge-ruff-") as tmp:
        paths = []
        for i, item in enumerate(files):
            path = Path(tmp) / f"f{i}.py"
            path.write_text(item.text, encoding="utf-8")
            paths.append(path)
        proc = subprocess.run(
            [binary, "format", "--isolated", "--no-cache", "--quiet", tmp],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode == 0:
            return [p.read_text(encoding="utf-8") for p in paths]
        # A file ruff cannot parse fails the batch: fall back to one file at a time to name it.
        out: list[str | None] = []
        for item in files:
            single = subprocess.run(
                [binary, "format", "--isolated", "--no-cache", "--quiet", "-"],
                input=item.text,
                capture_output=True,
                text=True,
                check=False,
            )
            if single.returncode == 0:
                out.append(single.stdout)
            else:
                first = single.stderr.strip().splitlines()[:1]
                warnings.append(
                    _not_formatted(item.path, "ruff", first[0] if first else "")
                )
                out.append(None)
        return out


def _not_formatted(path: str, tool: str, reason: str) -> Diagnostic:
    return Diagnostic(
        "warning",
        "not-formatted",
        f"{tool} could not format the file, left as rendered: {reason}",
        path,
    )

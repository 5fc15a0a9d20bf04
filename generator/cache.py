"""The on-disk cache (`.sdkforge-cache/`): rendered files, formatted text, built IRs, run records.

Everything here is an optimisation: deleting the folder only makes the next run
slower. Entries are written to a temporary name and renamed into place, so a run
killed midway never leaves a torn entry; an unreadable entry counts as a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator import __version__
from generator.locations import PACKAGE_ROOT, templates_dir

CACHE_FORMAT = "1"
"""Bumped when the layout of the cache changes, so old entries are never misread."""


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def generator_digest() -> str:
    """Digest of the generator's own code and templates: a new generator invalidates old runs."""
    parts: list[str | bytes] = [__version__, CACHE_FORMAT]
    roots = [PACKAGE_ROOT]
    if not templates_dir().is_relative_to(PACKAGE_ROOT):
        roots.append(templates_dir())  # a checkout: templates sit beside the package
    for root in roots:
        for path in sorted(_source_files(root)):
            parts.append(path.relative_to(root).as_posix())
            parts.append(path.read_bytes())
    return digest(*parts)


def _source_files(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if d != "__pycache__" and not d.startswith(".")
        )
        for name in files:
            if not name.endswith((".pyc", ".pyo")):
                yield Path(folder) / name


@dataclass(frozen=True)
class RunRecord:
    """What the last successful run into one output folder used and produced."""

    fingerprint: str
    """Digest of every input of the run: spec files, options, formatter, generator."""
    inputs: tuple[str, ...]
    """Spec files the run read (absolute paths: the cache is local to this machine)."""
    manifest_digest: str
    """Digest of the manifest the run wrote, to tell whether the output was touched since."""
    keys: tuple[tuple[str, str], ...]
    """Path → cache key of the content written there."""


class Cache:
    def __init__(self, root: Path) -> None:
        self.root = root

    # -------------------------------------------------------------- raw entries

    def _entry(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key[2:]

    def read(self, kind: str, key: str) -> bytes | None:
        try:
            return self._entry(kind, key).read_bytes()
        except OSError:
            return None

    def write(self, kind: str, key: str, data: bytes) -> None:
        path = self._entry(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written is only a slower run

    # -------------------------------------------------------------- text

    def get_text(self, kind: str, key: str) -> str | None:
        data = self.read(kind, key)
        if data is None:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def put_text(self, kind: str, key: str, text: str) -> None:
        self.write(kind, key, text.encode("utf-8"))

    # -------------------------------------------------------------- pickled objects

    def get_object(self, kind: str, key: str) -> Any | None:
        data = self.read(kind, key)
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # noqa: BLE001 - a stale or torn pickle is a miss
            return None

    def put_object(self, kind: str, key: str, value: Any) -> None:
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (
            Exception
        ):  # noqa: BLE001 - an object that cannot be pickled is not cached
            return
        self.write(kind, key, data)

    # -------------------------------------------------------------- run records

    def run_record(self, output: Path) -> RunRecord | None:
        data = self.read("runs", digest(str(output.resolve())))
        if data is None:
            return None
        try:
            raw = json.loads(data)
            return RunRecord(
                fingerprint=raw["fingerprint"],
                inputs=tuple(raw["inputs"]),
                manifest_digest=raw["manifest_digest"],
                keys=tuple((p, k) for p, k in raw["keys"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def save_run_record(self, output: Path, record: RunRecord) -> None:
        raw = {
            "fingerprint": record.fingerprint,
            "inputs": list(record.inputs),
            "manifest_digest": record.manifest_digest,
            "keys": [list(pair) for pair in record.keys],
        }
        self.write(
            "runs", digest(str(output.resolve())), json.dumps(raw).encode("utf-8")
        )

    def forget_run(self, output: Path) -> None:
        try:
            self._entry("runs", digest(str(output.resolve()))).unlink()
        except OSError:
            pass

    def ensure_ignored(self) -> None:
        """Keep the cache out of version control even where no .gitignore mentions it."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            marker = self.root / ".gitignore"
            if not marker.exists():
                marker.write_text("*\n", encoding="utf-8")
        except OSError:
            pass

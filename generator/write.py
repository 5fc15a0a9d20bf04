"""Writing an SDK to its output folder, all or nothing, and comparing it (`--check`).

The new output is assembled in a staging folder beside the output (unchanged and
hand-written files are hard links to the current ones, so this is cheap), then
swapped in with one atomic directory exchange. A failure or a kill at any point
leaves the previous output as it was; leftovers of an interrupted run are removed
by the next one.

`.sdkforge-manifest.json` lists what the generator wrote (path and content digest,
sorted, nothing else), so a later run deletes only its own stale files. Files a
person added are not in it and are never touched; hand-written homes
(`PlannedFile.overwrite=False`) are created once and then left alone for good.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

MANIFEST = ".sdkforge-manifest.json"
STAGING_MARK = ".sdkforge-"
ChangeKind = Literal["changed", "missing", "stale"]


@dataclass(frozen=True)
class OutputFile:
    path: str
    """Relative, `/`-separated."""
    content: str | None
    """None: unchanged since the last run; the writer keeps what is on disk."""
    sha256: str
    overwrite: bool = True

    @staticmethod
    def of(path: str, content: str, overwrite: bool = True) -> OutputFile:
        return OutputFile(path, content, sha256_text(content), overwrite)


@dataclass(frozen=True)
class Manifest:
    files: tuple[tuple[str, str], ...]
    """(path, sha256) of every generated file, sorted by path."""
    hand_written: tuple[str, ...] = ()
    """Homes created once for hand-written code; never overwritten, never deleted."""

    def digests(self) -> dict[str, str]:
        return dict(self.files)

    def to_text(self) -> str:
        data = {
            "generator": "sdkforge",
            "files": {path: sha for path, sha in self.files},
            "hand_written": list(self.hand_written),
        }
        return json.dumps(data, indent=2, sort_keys=False) + "\n"

    @staticmethod
    def for_files(files: Sequence[OutputFile]) -> Manifest:
        return Manifest(
            files=tuple(sorted((f.path, f.sha256) for f in files if f.overwrite)),
            hand_written=tuple(sorted(f.path for f in files if not f.overwrite)),
        )


@dataclass(frozen=True)
class Change:
    path: str
    kind: ChangeKind

    def describe(self) -> str:
        return {
            "changed": "differs",
            "missing": "missing",
            "stale": "stale (no longer generated)",
        }[self.kind]


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    kept: tuple[str, ...] = field(default=())
    """Hand-written homes that already existed and were left alone."""

    @property
    def changed(self) -> bool:
        return bool(self.written or self.deleted)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(out: Path) -> Manifest | None:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        return Manifest(
            files=tuple(sorted((str(p), str(s)) for p, s in files.items())),
            hand_written=tuple(sorted(str(p) for p in data.get("hand_written", []))),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def disk_digests(out: Path, paths: Iterable[str]) -> dict[str, str | None]:
    """Digest of each file as it is on disk now (None when absent)."""
    result: dict[str, str | None] = {}
    for path in paths:
        try:
            result[path] = hashlib.sha256((out / path).read_bytes()).hexdigest()
        except OSError:
            result[path] = None
    return result


# ----------------------------------------------------------------- compare (--check)


def compare(out: Path, files: Sequence[OutputFile]) -> tuple[Change, ...]:
    """What writing `files` would change in `out`, without writing anything."""
    _validate(files)
    manifest = Manifest.for_files(files)
    old = read_manifest(out) or Manifest(files=())
    on_disk = disk_digests(out, [f.path for f in files] + [p for p, _ in old.files])
    changes: list[Change] = []
    for f in files:
        now = on_disk[f.path]
        if now is None:
            changes.append(Change(f.path, "missing"))
        elif f.overwrite and now != f.sha256:
            changes.append(Change(f.path, "changed"))
    planned = {f.path for f in files}
    for path, _ in old.files:
        if path not in planned and on_disk[path] is not None:
            changes.append(Change(path, "stale"))
    manifest_now = (
        (out / MANIFEST).read_text(encoding="utf-8")
        if (out / MANIFEST).is_file()
        else None
    )
    if manifest_now != manifest.to_text():
        changes.append(
            Change(MANIFEST, "missing" if manifest_now is None else "changed")
        )
    return tuple(sorted(changes, key=lambda c: c.path))


# ----------------------------------------------------------------- write


def write_output(out: Path, files: Sequence[OutputFile]) -> WriteResult:
    """Make `out` hold exactly `files` (plus whatever a person put there), atomically."""
    _validate(files)
    recover_interrupted(out)
    manifest = Manifest.for_files(files)
    manifest_text = manifest.to_text()
    if not out.exists():
        written = [f.path for f in files]
        for f in files:
            if f.content is None:
                raise ValueError(
                    f"{f.path}: no content to write into a new output folder"
                )
        _stage_and_swap(out, files, skip=set(), manifest_text=manifest_text, fresh=True)
        return WriteResult(written=tuple(sorted(written)))

    old = read_manifest(out) or Manifest(files=())
    planned = {f.path for f in files}
    on_disk = disk_digests(out, [f.path for f in files] + [p for p, _ in old.files])
    to_write: list[OutputFile] = []
    kept: list[str] = []
    for f in files:
        now = on_disk[f.path]
        if not f.overwrite and now is not None:
            kept.append(f.path)
        elif now != f.sha256:
            if f.content is None:
                raise ValueError(
                    f"{f.path}: changed on disk but no content was rendered for it"
                )
            to_write.append(f)
    stale = [p for p, _ in old.files if p not in planned and on_disk[p] is not None]
    manifest_now = (
        (out / MANIFEST).read_text(encoding="utf-8")
        if (out / MANIFEST).is_file()
        else None
    )
    if not to_write and not stale and manifest_now == manifest_text:
        return WriteResult(kept=tuple(sorted(kept)))
    _stage_and_swap(
        out, to_write, skip=set(stale), manifest_text=manifest_text, fresh=False
    )
    return WriteResult(
        written=tuple(sorted(f.path for f in to_write)),
        deleted=tuple(sorted(stale)),
        kept=tuple(sorted(kept)),
    )


def _validate(files: Sequence[OutputFile]) -> None:
    seen: set[str] = set()
    for f in files:
        p = PurePosixPath(f.path)
        if (
            p.is_absolute()
            or ".." in p.parts
            or f.path != p.as_posix()
            or f.path in ("", ".")
        ):
            raise ValueError(
                f"planned path must be relative and normalised: {f.path!r}"
            )
        if f.path == MANIFEST:
            raise ValueError(f"{MANIFEST} is reserved for the generator")
        if f.path in seen:
            raise ValueError(f"two planned files share the path {f.path!r}")
        seen.add(f.path)


def _staging_name(out: Path, role: str) -> Path:
    return out.parent / f".{out.name}{STAGING_MARK}{role}-{os.getpid()}"


def recover_interrupted(out: Path) -> None:
    """Undo what an interrupted run left beside `out`.

    Staging folders are dropped. A displaced old output (the two-rename fallback
    killed between its renames) is put back when `out` itself is missing.
    """
    parent = out.parent
    if not parent.is_dir():
        return
    prefix = f".{out.name}{STAGING_MARK}"
    leftovers = sorted(p for p in parent.iterdir() if p.name.startswith(prefix))
    for path in leftovers:
        if _owner_alive(path.name[len(prefix) :]):
            continue  # another run into the same folder is under way: not ours to clean
        if path.name[len(prefix) :].startswith("old-") and not out.exists():
            os.rename(path, out)
        elif path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _owner_alive(suffix: str) -> bool:
    """`new-1234` / `old-1234.ready`: is process 1234 (not this one) still running?"""
    digits = suffix.split("-", 1)[-1].split(".", 1)[0]
    if not digits.isdigit() or int(digits) == os.getpid():
        return False
    try:
        os.kill(int(digits), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stage_and_swap(
    out: Path,
    files: Sequence[OutputFile],
    *,
    skip: set[str],
    manifest_text: str,
    fresh: bool,
) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = _staging_name(out, "new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        if fresh:
            staging.mkdir()
        else:
            replaced = skip | {f.path for f in files} | {MANIFEST}
            _mirror(out, staging, replaced, prune=skip)
        for f in files:
            target = staging / f.path
            target.parent.mkdir(parents=True, exist_ok=True)
            assert f.content is not None
            target.write_bytes(f.content.encode("utf-8"))
        (staging / MANIFEST).write_bytes(manifest_text.encode("utf-8"))
        _before_swap_hook(staging)
        if fresh:
            os.rename(staging, out)
        else:
            _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _before_swap_hook(staging: Path) -> None:
    """Let tests stop a run at its most delicate moment (env `SDKFORGE_PAUSE_BEFORE_SWAP=<seconds>`)."""
    pause = os.environ.get("SDKFORGE_PAUSE_BEFORE_SWAP")
    if pause:
        import time

        (staging.parent / f"{staging.name}.ready").touch()
        time.sleep(float(pause))
        (staging.parent / f"{staging.name}.ready").unlink(missing_ok=True)


def _mirror(src: Path, dst: Path, replaced: set[str], *, prune: set[str]) -> None:
    """Recreate `src` in `dst` with hard links, leaving out `replaced` paths.

    Folders emptied only because their generated files became stale are dropped.
    """
    dst.mkdir()
    pruned_dirs: set[Path] = set()
    for folder, dirs, names in os.walk(src):
        rel = Path(folder).relative_to(src)
        here = dst / rel
        dirs.sort()
        for d in dirs:
            s = Path(folder) / d
            if s.is_symlink():
                os.symlink(os.readlink(s), here / d)
            else:
                (here / d).mkdir()
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
        for name in sorted(names):
            relpath = (rel / name).as_posix()
            if relpath in replaced:
                if relpath in prune:
                    pruned_dirs.add(here)
                continue
            s = Path(folder) / name
            if s.is_symlink():
                os.symlink(os.readlink(s), here / name)
                continue
            try:
                os.link(s, here / name)
            except OSError:
                shutil.copy2(s, here / name)
    for emptied in sorted(pruned_dirs, key=lambda p: len(p.parts), reverse=True):
        while emptied != dst and emptied.is_dir() and not any(emptied.iterdir()):
            emptied.rmdir()
            emptied = emptied.parent


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out`; `out`'s old content ends up at `staging`'s name."""
    if _exchange(staging, out):
        return
    old = _staging_name(out, "old")
    os.rename(out, old)
    os.rename(staging, out)
    os.rename(old, staging)


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two folders in one atomic step."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(rc == 0)

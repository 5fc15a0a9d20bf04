"""One writing run at a time per output folder: an advisory lock file beside the folder.

The lock is flock(2), which belongs to the open file: the OS releases it when its
process ends, however it ends, so a killed run never blocks the next one. The file is
removed on release (while still locked); a run that locked a file another run had just
removed sees that the path no longer leads to its file, and locks again.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_TIMEOUT = 60.0
"""Seconds a writing run waits, by default, for another run into the same output folder."""
POLL_SECONDS = 0.05


class Busy(Exception):
    """The lock stayed taken for the whole wait."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder
        """What the lock file says about its holder (its process id), or ""."""


def _lock_path(output: Path) -> Path:
    out = output.resolve()
    return out.parent / f".{out.name}.sdkforge.lock"


@contextmanager
def output_lock(output: Path, timeout: float) -> Iterator[None]:
    """Hold the lock of `output` for the block; wait up to `timeout` seconds for it, or raise `Busy`."""
    path = _lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = _acquire(path, time.monotonic() + timeout)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def _acquire(path: Path, deadline: float) -> int:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if _try_lock(fd) and _is_current(fd, path):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                return fd
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        if time.monotonic() >= deadline:
            raise Busy(holder)
        time.sleep(POLL_SECONDS)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _is_current(fd: int, path: Path) -> bool:
    """Does `path` still name the file behind `fd` (not removed by a run releasing it)?"""
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)

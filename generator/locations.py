"""Where the generator's own files live, both in a source checkout and in an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent


@cache
def templates_dir() -> Path:
    """The template folder, one subfolder per target.

    A wheel carries the top-level `templates/` as package data inside the package (see
    setup.py); a checkout and an editable install read it at the top of the repository.
    """
    for candidate in (PACKAGE_ROOT / "templates", PACKAGE_ROOT.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"sdkforge's templates are missing: neither {PACKAGE_ROOT / 'templates'} nor "
        f"{PACKAGE_ROOT.parent / 'templates'} exists; reinstall sdkforge"
    )

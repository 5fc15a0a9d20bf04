"""Read spec files, follow refs, upgrade Swagger 2.0, validate: `load(path) -> Document`.

The stages, each in its own module: `read` (bytes → tree), `scan` (string keys,
depth bound, the list of `$ref`s), `files` (every file the entry reaches, cached by
content hash), `swagger2` (upgrade to the OpenAPI 3 shape), `refs` (the resolver),
`validate` (openapi-pydantic, accepting the warts real specs have), and `locate`
(line and column of a pointer, only when a message needs them).
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from generator.diagnostics import SpecError
from generator.load.document import Document, Resolved
from generator.load.files import FileSet
from generator.load.locate import locate
from generator.load.version import detect_version

__all__ = ["Document", "Resolved", "load"]


def load(path: str | os.PathLike[str], *, cache_dir: Path | None = None) -> Document:
    """Load the spec at `path` and every file its refs reach.

    Raises `SpecError` (file, line, column, pointer, message) for anything that cannot
    be understood; everything that was accepted but dropped is in `Document.warnings`.
    """
    entry = os.fspath(path)
    files = FileSet(cache_dir)
    # Loading allocates a few hundred thousand containers and frees none of them, so
    # the cycle collector's passes over them are pure cost (~20% of a cold load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(entry, files)
    except SpecError as err:
        raise _with_position(err, files) from None
    except RecursionError:
        raise SpecError.at(
            "the document nests too deeply to be understood",
            code="too-deep",
            file=entry,
        ) from None
    finally:
        if collecting:
            gc.enable()


def _load(entry: str, files: FileSet) -> Document:
    root = files.read_entry(entry)
    version = detect_version(root, entry)
    files.add_warnings(version.warnings(entry))
    files.gather(entry)
    if any(scanned.property_refs for scanned in files.scans.values()):
        from generator.load.property_refs import inline_property_refs

        files.add_warnings(inline_property_refs(files))
        files.rescan()
    if version.is_swagger2:
        from generator.load.swagger2 import upgrade_all

        files.upgraded = True
        files.add_warnings(upgrade_all(files, entry))
    resolver = files.resolver()
    files.check_refs(resolver)
    from generator.load.validate import validate

    files.add_warnings(validate(files, entry, version))
    return Document(
        entry=entry,
        root=files.trees[entry],
        spec_format=version.spec_format,
        files=files.spec_trees(),
        warnings=files.located_warnings(),
        resolver=resolver,
        locator=files.line_of,
    )


def _with_position(err: SpecError, files: FileSet) -> SpecError:
    """Fill in the line and column of an error that knows its pointer but not its place."""
    diagnostic = err.diagnostic
    if (
        diagnostic.line is not None
        or diagnostic.file is None
        or diagnostic.pointer is None
    ):
        return err
    if files.upgraded:
        position = files.position_of(diagnostic.file, diagnostic.pointer)
    else:
        text = files.text_of(diagnostic.file)
        position = locate(text, diagnostic.pointer) if text is not None else None
    if position is None:
        return err
    from dataclasses import replace

    return SpecError(replace(diagnostic, line=position[0], column=position[1]))

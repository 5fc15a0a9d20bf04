"""The set of files a spec is made of: read (through the cache), gathered by refs, checked.

Keys are paths as written: the entry exactly as given, every other file joined to
the referring file's folder and normalised. Files reached only through `x-`
extensions (Azure's `x-ms-examples` payloads) are not spec files: they are neither
upgraded nor validated, only read if a caller resolves a ref into them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, SpecError
from generator.load.cache import Cache, content_key
from generator.load.locate import Position, position_map
from generator.load.read import decode, parse_text
from generator.load.refs import Resolver, is_remote, split_ref, target_file
from generator.load.scan import RefSite, Scanned, scan

LOCATE_WARNINGS_UP_TO = 512 * 1024
"""Warnings get a line when their file is at most this big; beyond it the second
parse that finds lines costs more than a warning is worth (the pointer is there)."""


class FileSet:
    def __init__(self, cache_dir: Path | None) -> None:
        self.cache = Cache(cache_dir)
        self.entry = ""
        self.trees: dict[str, Any] = {}
        """Spec files (entry and everything reached by refs outside `x-` extensions)."""
        self.refs: dict[str, tuple[RefSite, ...]] = {}
        self.scans: dict[str, Scanned] = {}
        """What the scan of each spec file found (warts included), as read."""
        self.hashes: dict[str, str] = {}
        self.extras: dict[str, Any] = {}
        """Files reached only through extensions, read on demand."""
        self._warnings: list[Diagnostic] = []
        self._position_maps: dict[str, dict[str, Position]] = {}
        self.upgraded = False
        """Swagger 2.0 files were rewritten: pointers are mapped back to the text."""

    # ------------------------------------------------------------------ reading

    def canonical(self, file: str) -> str:
        """The key of `file`: the entry keeps the spelling it was given."""
        if file == self.entry:
            return file
        if self.entry and os.path.normpath(file) == os.path.normpath(self.entry):
            return self.entry
        return file

    def read_entry(self, entry: str) -> Any:
        self.entry = entry
        self._read_spec_file(entry)
        return self.trees[entry]

    def _bytes_of(self, file: str, *, referrer: tuple[str, str] | None = None) -> bytes:
        try:
            return Path(file).read_bytes()
        except FileNotFoundError:
            message = f"file not found: {file}"
        except IsADirectoryError:
            message = f"expected a file but found a folder: {file}"
        except OSError as err:
            message = f"cannot read {file}: {err.strerror or err}"
        if referrer is not None:
            raise SpecError.at(
                message, code="missing-file", file=referrer[0], pointer=referrer[1]
            )
        raise SpecError.at(message, code="missing-file", file=file)

    def _read_spec_file(
        self, file: str, *, referrer: tuple[str, str] | None = None
    ) -> None:
        data = self._bytes_of(file, referrer=referrer)
        key = content_key(data)
        self.hashes[file] = key
        if self._read_cached(file, key):
            return
        parsed = parse_text(decode(data, file), file)
        scanned = scan(parsed.tree, file)
        warnings = tuple(replace(warning, file=file) for warning in parsed.warnings)
        self.trees[file] = scanned.tree
        self.refs[file] = scanned.refs
        self.scans[file] = scanned
        self._warnings.extend(warnings)
        self.cache.put(
            "tree",
            key,
            (
                scanned.tree,
                tuple(
                    (site.pointer, site.ref, site.in_extension) for site in scanned.refs
                ),
                scanned.unknown_required,
                scanned.nullables,
                scanned.type_lists,
                scanned.warts,
                scanned.booleans,
                scanned.property_refs,
                tuple(
                    (w.code, w.message, w.line, w.column, w.pointer) for w in warnings
                ),
            ),
        )

    def _read_cached(self, file: str, key: str) -> bool:
        cached = self.cache.get("tree", key)
        if cached is None:
            return False
        try:
            tree, refs, *notes, warnings = cached
            sites = tuple(RefSite(*site) for site in refs)
            scanned = Scanned(tree, sites, *notes)
            diagnostics = [
                Diagnostic("warning", code, message, file, line, column, pointer)
                for code, message, line, column, pointer in warnings
            ]
        except (TypeError, ValueError):
            return False  # an entry of another shape: read the file instead
        self.trees[file] = tree
        self.refs[file] = sites
        self.scans[file] = scanned
        self._warnings.extend(diagnostics)
        return True

    def _read_extra(self, file: str) -> Any:
        data = self._bytes_of(file)
        return parse_text(decode(data, file), file).tree

    def text_of(self, file: str) -> str | None:
        try:
            return decode(Path(file).read_bytes(), file)
        except (OSError, SpecError):
            return None

    # ------------------------------------------------------------------ gathering

    def gather(self, entry: str) -> None:
        """Read every file the entry's refs reach (outside extensions), breadth first."""
        queue = [entry]
        while queue:
            file = queue.pop(0)
            for site in self.refs[file]:
                target = self._referenced_file(site, file)
                if target is None or target in self.trees:
                    continue
                self._read_spec_file(target, referrer=(file, site.pointer + "/$ref"))
                queue.append(target)

    def _referenced_file(self, site: RefSite, file: str) -> str | None:
        ref_file, _ = split_ref(site.ref)
        if site.in_extension:
            self._check_extension_ref(site, file)
            return None
        if is_remote(site.ref):
            raise SpecError.at(
                f"`$ref` {site.ref!r} points at a remote document; only local files are read"
                " (save it beside the spec and refer to it by relative path)",
                code="remote-ref",
                file=file,
                pointer=site.pointer + "/$ref",
            )
        if not ref_file:
            return None
        target = self.canonical(target_file(ref_file, file))
        if target not in self.trees and not os.path.isfile(target):
            raise SpecError.at(
                f"`$ref` {site.ref!r} names a file that does not exist: {target}",
                code="missing-file",
                file=file,
                pointer=site.pointer + "/$ref",
            )
        return target

    def _check_extension_ref(self, site: RefSite, file: str) -> None:
        ref_file, _ = split_ref(site.ref)
        if is_remote(site.ref):
            self.warn(
                "remote-extension-ref",
                f"`$ref` {site.ref!r} inside an extension points at a remote document; not followed",
                file,
                site.pointer + "/$ref",
            )
        elif ref_file and not os.path.isfile(target_file(ref_file, file)):
            self.warn(
                "missing-extension-ref",
                f"`$ref` {site.ref!r} inside an extension names a file that does not exist: "
                f"{target_file(ref_file, file)} (the extension's value is left out)",
                file,
                site.pointer + "/$ref",
            )

    def rescan(self) -> None:
        """List refs again after the trees were rewritten (Swagger 2.0 upgrade)."""
        for file, tree in self.trees.items():
            self.refs[file] = scan(tree, file).refs

    # ------------------------------------------------------------------ refs

    def resolver(self) -> Resolver:
        return Resolver(self.trees, self._load_on_demand, self.canonical)

    def _load_on_demand(self, file: str) -> Any:
        if file not in self.extras:
            self.extras[file] = self._read_extra(file)
        return self.extras[file]

    def check_refs(self, resolver: Resolver) -> None:
        """Every ref outside extensions must reach a node; say which one does not, and where."""
        checked: set[tuple[str, str]] = set()
        for file, sites in self.refs.items():
            for site in sites:
                if (site.ref, file) in checked:
                    continue
                checked.add((site.ref, file))
                if site.in_extension:
                    self._check_local_extension_ref(resolver, site, file)
                    continue
                try:
                    resolver.resolve(site.ref, file)
                except SpecError as err:
                    raise SpecError(
                        replace(
                            err.diagnostic,
                            file=file,
                            pointer=site.pointer + "/$ref",
                            line=None,
                            column=None,
                        )
                    ) from None

    def _check_local_extension_ref(
        self, resolver: Resolver, site: RefSite, file: str
    ) -> None:
        """A pointer inside an extension that leads nowhere is reported, not fatal."""
        if not site.ref.startswith("#"):
            return  # other files were checked for existence while gathering
        try:
            resolver.resolve(site.ref, file)
        except SpecError as err:
            self.warn(
                "dangling-extension-ref",
                err.diagnostic.message
                + " (inside an extension; the extension's value is left out)",
                file,
                site.pointer + "/$ref",
            )

    # ------------------------------------------------------------------ results

    def spec_trees(self) -> Mapping[str, Mapping[str, Any]]:
        return dict(self.trees)

    def warn(self, code: str, message: str, file: str, pointer: str | None) -> None:
        self._warnings.append(
            Diagnostic("warning", code, message, file, None, None, pointer)
        )

    def add_warnings(self, warnings: list[Diagnostic] | tuple[Diagnostic, ...]) -> None:
        self._warnings.extend(warnings)

    def located_warnings(self) -> tuple[Diagnostic, ...]:
        """The warnings, with line and column where the file is small enough to place them.

        Positions found are cached by the file's content hash, so an unchanged spec
        does not pay for the second parse again.
        """
        wanted: dict[str, set[str]] = {}
        for warning in self._warnings:
            if (
                warning.line is None
                and warning.file is not None
                and warning.pointer is not None
            ):
                wanted.setdefault(self.canonical(warning.file), set()).add(
                    warning.pointer
                )
        known: dict[str, dict[str, Position | None]] = {}
        for file, pointers in wanted.items():
            if file in self.hashes and self._is_small(file):
                known[file] = self._positions_for(file, pointers)
        located: list[Diagnostic] = []
        for warning in self._warnings:
            if (
                warning.line is None
                and warning.file is not None
                and warning.pointer is not None
            ):
                position = known.get(self.canonical(warning.file), {}).get(
                    warning.pointer
                )
                if position is not None:
                    warning = replace(warning, line=position[0], column=position[1])
            located.append(warning)
        return tuple(located)

    def _positions_for(
        self, file: str, pointers: set[str]
    ) -> dict[str, Position | None]:
        key = self.hashes[file] + ("-swagger2" if self.upgraded else "")
        cached = self.cache.get("positions", key)
        positions: dict[str, Position | None] = (
            dict(cached) if isinstance(cached, dict) else {}
        )
        missing = [pointer for pointer in pointers if pointer not in positions]
        if missing:
            for pointer in missing:
                positions[pointer] = self.position_of(file, pointer)
            self.cache.put("positions", key, positions)
        return positions

    def _is_small(self, file: str) -> bool:
        try:
            return os.path.getsize(file) <= LOCATE_WARNINGS_UP_TO
        except OSError:
            return False

    def position_of(self, file: str, pointer: str) -> Position | None:
        """Where `pointer` sits in `file`, from a per-file map built on first need."""
        file = self.canonical(file)
        if file not in self._position_maps:
            text = self.text_of(file)
            self._position_maps[file] = position_map(text) if text is not None else {}
        pointer = pointer.removeprefix("#")
        positions = self._position_maps[file]
        if pointer not in positions and self.upgraded:
            from generator.load.swagger2 import written_pointer

            pointer = written_pointer(pointer)
        while pointer and pointer not in positions:
            pointer = pointer.rsplit("/", 1)[0]  # the nearest node that is in the text
        return positions.get(pointer)

    def line_of(self, file: str, pointer: str) -> int | None:
        """`Document.locator`: the line of `pointer` in `file`."""
        position = self.position_of(file, pointer)
        return position[0] if position is not None else None

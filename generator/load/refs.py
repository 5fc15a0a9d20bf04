"""Following `$ref`s: local pointers, other files relative to the referring file, chains.

A ref is never inlined; `Resolver.resolve` finds its target on demand. File keys are
paths as the entry was given, joined with each ref's relative path and normalised,
so messages show the paths a person wrote.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import SpecError
from generator.load.document import Resolved
from generator.load.locate import join_pointer, split_pointer
from generator.load.scan import LITERAL_KEYWORDS

MAX_HOPS = 1000
"""Refs to refs followed before giving up; any real chain is a handful long."""

TRANSPARENT_SIBLINGS = frozenset({"$ref", "description", "summary"})
"""A node whose keys are all here *is* its target (a plain alias). Other siblings
(`nullable`, `readOnly`, 3.1's overrides) change the meaning, so such a node is
returned as it is and the caller decides."""

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def split_ref(ref: str) -> tuple[str, str]:
    """`other.yaml#/a/b` → ("other.yaml", "/a/b"), both percent-decoded."""
    file_part, _, fragment = ref.partition("#")
    if "%" not in ref:
        return file_part, fragment
    return unquote(file_part), unquote(fragment)


def is_remote(ref: str) -> bool:
    if ref.startswith("#"):
        return False
    file_part = ref.partition("#")[0]
    # A Windows drive letter (`C:\\`) is a path, not a scheme.
    return bool(_SCHEME.match(file_part)) and not re.match(
        r"^[A-Za-z]:[\\/]", file_part
    )


def target_file(ref_file: str, base_file: str) -> str:
    """The key of the file a ref names, relative to the referring file."""
    if not ref_file:
        return base_file
    return os.path.normpath(os.path.join(os.path.dirname(base_file), ref_file))


class Resolver:
    """Finds ref targets in `files` (key → tree), loading a file on first need."""

    def __init__(
        self,
        files: Mapping[str, Any],
        load_file: Callable[[str], Any],
        canonical: Callable[[str], str] = lambda file: file,
    ) -> None:
        self.files = files
        self._load_file = load_file
        self._canonical = canonical
        self._anchors: dict[str, dict[str, str]] = {}
        """Per file: `$anchor` name → pointer, collected on the first plain-name fragment."""
        self._passing: set[tuple[str, str]] = set()
        """Refs being passed through by a pointer walk right now: seeing one again is a cycle."""

    def tree(self, file: str) -> Any:
        if file in self.files:
            return self.files[file]
        return self._load_file(file)

    def __call__(self, ref: str, base_file: str) -> Resolved:
        return self.resolve(ref, base_file)

    def resolve(self, ref: str, base_file: str, *, follow: bool = True) -> Resolved:
        seen: set[tuple[str, str]] = set()
        chain: list[str] = []
        for _ in range(MAX_HOPS):
            file, pointer, node = self.target(ref, base_file)
            chain.append(f"{file}#{pointer}")
            if (file, pointer) in seen:
                raise SpecError.at(
                    "`$ref` cycle with nothing but refs in it: " + " → ".join(chain),
                    code="ref-cycle",
                    file=file,
                    pointer=pointer,
                )
            seen.add((file, pointer))
            if follow and _is_plain_ref(node):
                ref, base_file = node["$ref"], file
                continue
            return Resolved(node, file, pointer)
        raise SpecError.at(
            f"`$ref` chain longer than {MAX_HOPS} hops",
            code="ref-cycle",
            file=base_file,
            pointer=ref,
        )

    def target(self, ref: str, base_file: str) -> tuple[str, str, Any]:
        """(file, pointer, node) a single ref names, without following the node further."""
        if is_remote(ref):
            raise SpecError.at(
                f"`$ref` {ref!r} points at a remote document; only local files can be read"
                " (download it next to the spec and refer to it by relative path)",
                code="remote-ref",
                file=base_file,
            )
        ref_file, fragment = split_ref(ref)
        base_file = self._canonical(base_file)
        file = (
            self._canonical(target_file(ref_file, base_file)) if ref_file else base_file
        )
        if file not in self.files and not os.path.isfile(file):
            raise SpecError.at(
                f"`$ref` {ref!r} names a file that does not exist: {file}",
                code="missing-file",
                file=base_file,
            )
        node = self.tree(file)
        if fragment and not fragment.startswith("/"):
            fragment = self._anchor(file, node, fragment, ref, base_file)
        tokens = split_pointer(fragment)
        return (
            file,
            join_pointer(tokens),
            self._walk(node, tokens, file, ref, base_file),
        )

    def _anchor(self, file: str, tree: Any, name: str, ref: str, base_file: str) -> str:
        """The pointer of the schema a plain-name fragment names (`$anchor`, or an `$id`
        of `#name`), as JSON Schema 2020-12 and OpenAPI 3.1 allow."""
        if file not in self._anchors:
            self._anchors[file] = anchors(tree)
        pointer = self._anchors[file].get(name)
        if pointer is None:
            raise SpecError.at(
                f"`$ref` {ref!r}: the fragment {name!r} is neither a JSON pointer (it would"
                f" start with `/`) nor an `$anchor` in {file}",
                code="bad-ref",
                file=base_file,
            )
        return pointer

    def _walk(
        self, node: Any, tokens: tuple[str, ...], file: str, ref: str, base_file: str
    ) -> Any:
        current_file = file
        for depth, token in enumerate(tokens):
            if (
                isinstance(node, Mapping)
                and token not in node
                and isinstance(node.get("$ref"), str)
            ):
                # A pointer that runs through a ref: continue in the ref's target.
                step = (node["$ref"], current_file)
                if step in self._passing:
                    raise SpecError.at(
                        f"`$ref` {ref!r} runs through {node['$ref']!r}, which leads back to itself",
                        code="ref-cycle",
                        file=base_file,
                    )
                self._passing.add(step)
                try:
                    through = self.resolve(node["$ref"], current_file)
                finally:
                    self._passing.discard(step)
                node, current_file = through.node, through.file
            if isinstance(node, Mapping) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                found = join_pointer(tokens[:depth])
                raise SpecError.at(
                    f"`$ref` {ref!r} does not resolve: {file} has no {token!r} under "
                    f"{'#' + found if found else 'its root'}",
                    code="dangling-ref",
                    file=base_file,
                )
        return node


def _is_plain_ref(node: Any) -> bool:
    return (
        isinstance(node, Mapping)
        and isinstance(node.get("$ref"), str)
        and all(key in TRANSPARENT_SIBLINGS for key in node)
    )


def anchors(tree: Any) -> dict[str, str]:
    """`$anchor` names (and `$id`s of the form `#name`) of a tree → their pointers."""
    found: dict[str, str] = {}
    stack: list[tuple[Any, tuple[str, ...]]] = [(tree, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, Mapping):
            for key in ("$anchor", "$id"):
                name = node.get(key)
                if isinstance(name, str) and (key == "$anchor" or name.startswith("#")):
                    found.setdefault(name.removeprefix("#"), join_pointer(path))
            stack.extend(
                (value, (*path, str(key)))
                for key, value in node.items()
                if key not in LITERAL_KEYWORDS
            )
        elif isinstance(node, list):
            stack.extend((value, (*path, str(i))) for i, value in enumerate(node))
    return found

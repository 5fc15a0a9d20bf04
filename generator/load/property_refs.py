"""`properties: {$ref: ...}`: a ref standing for a whole map of properties, read in place.

DigitalOcean's multi-file spec writes `properties: {$ref: 'attributes.yml#/ids'}`,
where the target is a map of property schemas, not a schema. The map is copied
into the referring `properties` (properties written beside the `$ref` win), with
every `$ref` inside the copy rewritten to mean the same from the referring file.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic, SpecError
from generator.load.files import FileSet
from generator.load.locate import split_pointer
from generator.load.refs import is_remote, split_ref, target_file
from generator.load.scan import LITERAL_KEYWORDS, describe_value


def inline_property_refs(files: FileSet) -> list[Diagnostic]:
    resolver = files.resolver()
    warnings: list[Diagnostic] = []
    for file, scanned in list(files.scans.items()):
        for pointer, ref in scanned.property_refs:
            holder = _node_at(files.trees[file], pointer)
            if not isinstance(holder, dict) or holder.get("$ref") != ref:
                continue
            try:
                target = resolver.resolve(ref, file)
            except SpecError as err:
                raise SpecError(
                    replace(err.diagnostic, file=file, pointer=pointer + "/$ref")
                ) from None
            if not isinstance(target.node, dict):
                raise SpecError.at(
                    f"`properties` refers to {ref!r}, which is {describe_value(target.node)},"
                    " not a map of property schemas",
                    code="wrong-type",
                    file=file,
                    pointer=pointer + "/$ref",
                )
            moved = {
                name: _rebased(schema, target.file, file, files)
                for name, schema in target.node.items()
            }
            moved.update((k, v) for k, v in holder.items() if k != "$ref")
            holder.clear()
            holder.update(moved)
            warnings.append(
                Diagnostic(
                    "warning",
                    "properties-ref",
                    f"`properties` is a `$ref` to a map of properties ({ref}), not a map"
                    f" itself; its {_count(len(target.node))} read in place",
                    file,
                    pointer=pointer,
                )
            )
    return warnings


def _node_at(tree: Any, pointer: str) -> Any:
    node = tree
    for token in split_pointer(pointer):
        node = node.get(token) if isinstance(node, dict) else None
    return node


def _rebased(node: Any, source: str, into: str, files: FileSet) -> Any:
    """`node` (from `source`) as it would be written in `into`: its refs rewritten."""
    if files.canonical(source) == files.canonical(into):
        return node
    if isinstance(node, list):
        return [_rebased(item, source, into, files) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            out[key] = _moved_ref(value, source, into, files)
        elif key in LITERAL_KEYWORDS:
            out[key] = value
        else:
            out[key] = _rebased(value, source, into, files)
    return out


def _moved_ref(ref: str, source: str, into: str, files: FileSet) -> str:
    if is_remote(ref):
        return ref
    ref_file, _ = split_ref(ref)
    fragment = ref.partition("#")[2]
    target = files.canonical(target_file(ref_file, source) if ref_file else source)
    if target == files.canonical(into):
        return "#" + fragment
    relative = os.path.relpath(target, os.path.dirname(into) or ".")
    return relative.replace(os.sep, "/") + ("#" + fragment if fragment else "")


def _count(properties: int) -> str:
    return f"{properties} propert{'y is' if properties == 1 else 'ies are'}"

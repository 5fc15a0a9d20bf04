"""`build(doc) -> Api`: the loaded document to the IR.

Order matters only for names: component schemas are named first (their keys),
then operations are visited in (path, method) order, so inline names never depend
on the order in which a file happened to list its keys.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir.api_parts import security_schemes, servers
from generator.ir.model import Api, Operation, Parameter
from generator.ir.operations import METHODS, OperationBuilder, RawOperation, security
from generator.ir.resources import PathIndex, place, tree, unique_names
from generator.ir.schema_nodes import escape_pointer, extensions
from generator.ir.schemas import SchemaBuilder
from generator.load.document import Document


def build(doc: Document) -> Api:
    # Building allocates tens of thousands of small frozen objects and frees almost
    # none: the cyclic collector would rescan the loaded tree many times for nothing.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(doc)
    finally:
        if was_enabled:
            gc.enable()


def _build(doc: Document) -> Api:
    root = doc.root
    schemas = SchemaBuilder(doc)
    schemas.build_components()
    raws = _raw_operations(doc, schemas)
    index = PathIndex(r.path for r in raws)
    placements = [place(r.path, r.method, r.operation_id, r.group, index) for r in raws]
    names = unique_names(
        [(p, r.operation_id, r.path, r.method) for p, r in zip(placements, raws)]
    )
    builder = OperationBuilder(schemas)
    built: dict[int, Operation] = {}
    for i in sorted(
        range(len(raws)), key=lambda i: (raws[i].path, METHODS.index(raws[i].method))
    ):
        built[i] = builder.build(raws[i], names[i])
    operations = [(placements[i].chain, built[i]) for i in range(len(raws))]
    _warn_left_out(root, doc, schemas)
    info = root.get("info") if isinstance(root.get("info"), Mapping) else {}
    assert isinstance(info, Mapping)
    return Api(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        spec_format=doc.spec_format,
        models=tuple(schemas.models[name] for name in sorted(schemas.models)),
        resources=tree(operations),
        description=(
            info.get("description")
            if isinstance(info.get("description"), str)
            else None
        ),
        servers=servers(root),
        security_schemes=security_schemes(root),
        security=(
            security(root["security"]) if isinstance(root.get("security"), list) else ()
        ),
        client_parameters=_client_parameters(op for _, op in operations),
        extensions=extensions(root),
        warnings=tuple(doc.warnings) + _unique(schemas.warnings),
        source_file=doc.entry,
    )


def _raw_operations(doc: Document, schemas: SchemaBuilder) -> list[RawOperation]:
    paths = doc.root.get("paths")
    if not isinstance(paths, Mapping):
        return []
    out: list[RawOperation] = []
    for path, item in paths.items():
        if str(path).startswith("x-"):
            continue
        file, pointer = doc.entry, "/paths/" + escape_pointer(str(path))
        if isinstance(item, Mapping) and "$ref" in item:
            resolved = schemas.resolve(str(item["$ref"]), file)
            item, file, pointer = resolved.node, resolved.file, resolved.pointer
        if not isinstance(item, Mapping):
            schemas.warn(
                "dropped-path", f"`{path}` is not a path item; left out", file, pointer
            )
            continue
        for method in METHODS:
            node = item.get(method)
            op_file, op_pointer = file, f"{pointer}/{method}"
            if isinstance(node, Mapping) and "$ref" in node:
                # Not OpenAPI, but multi-file specs (DigitalOcean's) keep each
                # operation in a file of its own.
                resolved = schemas.resolve(str(node["$ref"]), file)
                node, op_file, op_pointer = (
                    resolved.node,
                    resolved.file,
                    resolved.pointer,
                )
            if isinstance(node, Mapping):
                out.append(
                    RawOperation(
                        str(path),
                        method,
                        node,
                        item,
                        op_file,
                        op_pointer,
                        (file, pointer),
                    )
                )
            elif method in item:
                schemas.warn(
                    "dropped-operation",
                    f"{method.upper()} {path} is not an operation object; left out",
                    file,
                    f"{pointer}/{method}",
                )
    return out


def _client_parameters(operations: Any) -> tuple[Parameter, ...]:
    """Parameters set once on the client, each once, in the order first seen."""
    seen: dict[tuple[str, str], Parameter] = {}
    for op in operations:
        for param in op.parameters:
            if not param.method_level:
                seen.setdefault((param.name, param.location), param)
    return tuple(seen.values())


def _warn_left_out(
    root: Mapping[str, Any], doc: Document, schemas: SchemaBuilder
) -> None:
    """Whatever the IR does not carry is named, never dropped silently."""
    webhooks = root.get("webhooks")
    if isinstance(webhooks, Mapping) and webhooks:
        schemas.warn(
            "dropped-webhooks",
            f"{len(webhooks)} webhooks are not part of the client; left out: "
            + ", ".join(sorted(str(k) for k in webhooks)),
            doc.entry,
            "/webhooks",
        )
    paths = root.get("paths")
    if not isinstance(paths, Mapping):
        return
    for path, item in paths.items():
        if not isinstance(item, Mapping):
            continue
        for method in sorted(item):
            node = item[method]
            pointer = f"/paths/{escape_pointer(str(path))}/{method}"
            if (
                method in METHODS
                and isinstance(node, Mapping)
                and isinstance(node.get("callbacks"), Mapping)
            ):
                schemas.warn(
                    "dropped-callbacks",
                    f"callbacks of {method.upper()} {path} are left out",
                    doc.entry,
                    pointer,
                )


def _unique(warnings: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(dict.fromkeys(warnings))

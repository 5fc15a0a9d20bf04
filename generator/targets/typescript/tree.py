"""Names of the resource tree: files, classes, the properties that reach each resource,
the module aliases that import it, and each class's method names.

Each resource is one file under src/resources/ (`threads/runs.ts`), one class, and a
property of its parent (`client.threads.runs`). Every name comes from its own scope:
file names from their folder (case folded: `Pets.ts` and `pets.ts` are one file on
macOS and Windows), the class and its imports from its module, properties and methods
from the parent's class (which reserves the runtime base class's members).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator.ir.model import Body, Operation, Resource
from generator.naming.allocator import Owner, RenameLog, Scope
from generator.naming.casing import camel, kebab, pascal
from generator.targets.typescript.names import (
    CLIENT_MEMBERS,
    KEYWORDS,
    PROTECTED_GLOBALS,
    RESOURCE_MEMBERS,
    claim_all,
    member_scope,
)


def import_path(from_file: str, to_file: str) -> str:
    """How `from_file` imports `to_file` (`./runs/steps.js`)."""
    rel = posixpath.relpath(to_file, posixpath.dirname(from_file))
    if not rel.startswith("."):
        rel = "./" + rel
    return rel[: -len(".ts")] + ".js" if rel.endswith(".ts") else rel


def json_body(op: Operation) -> Body | None:
    """The body a method takes: the JSON one when there are several."""
    for b in op.bodies:
        if "json" in b.content_type:
            return b
    return op.bodies[0] if op.bodies else None


def stream_flag(op: Operation) -> str | None:
    """The body field that makes the reply a stream, for operations with a `...Stream` twin."""
    if op.streaming is not None and op.streaming.flag and json_body(op) is not None:
        return op.streaming.flag
    return None


def op_owner(op: Operation, what: str) -> Owner:
    """`what` (a description naming the operation), located at the operation."""
    source = op.source
    return Owner(
        what, source.file if source else None, source.pointer if source else None
    )


def module_scope(label: str, log: RenameLog) -> Scope:
    """The top-level names of one file: a class that would hide a global takes `Resource`."""
    return Scope(
        label,
        log,
        KEYWORDS | PROTECTED_GLOBALS | {"Core"},
        fallback="Resource",
        reserved_suffix="Resource",
    )


@dataclass(frozen=True)
class Child:
    property: str
    """The member of the parent class (or client) that holds the resource."""
    alias: str
    """The module alias the parent's file imports the resource's file as."""
    node: ResourceNode


@dataclass(frozen=True)
class ResourceNode:
    resource: Resource
    accessor: tuple[str, ...]
    """Properties from the client to this resource (`("threads", "runs")`)."""
    file: str
    class_name: str
    module: Scope
    """The file's own top-level names; its imports claim local names here."""
    children: tuple[Child, ...]
    methods: tuple[str, ...]
    """One per operation, in order."""
    stream_methods: tuple[str | None, ...]
    """The `...Stream` twin of each operation that has one."""


@dataclass(frozen=True)
class ResourceTree:
    top: tuple[Child, ...]
    """The client's resources."""
    client_module: Scope
    """The names of src/client.ts."""
    nodes: tuple[ResourceNode, ...]
    """Every resource, parents before children."""
    client: ResourceNode
    """The client class itself, for the operations called on it (`client.createAgent`)."""


def _owner(res: Resource) -> str:
    return f"resource `{res.name}`"


def _children(
    resources: tuple[Resource, ...],
    folder: str,
    accessor: tuple[str, ...],
    members: Scope,
    module: Scope,
    log: RenameLog,
    twins: bool,
) -> tuple[Child, ...]:
    files = Scope(f"folder `{folder}`", log, fold=str.casefold, fallback="resource")
    stems = claim_all(files, [(kebab(r.name), _owner(r)) for r in resources])
    properties = claim_all(members, [(camel(r.name), _owner(r)) for r in resources])
    aliases = claim_all(
        module, [(pascal(r.name) + "API", _owner(r)) for r in resources]
    )
    out: list[Child] = []
    for res, stem, prop, alias in zip(
        resources, stems, properties, aliases, strict=True
    ):
        path = f"{folder}/{stem}"
        own = module_scope(f"module `{path}.ts`", log)
        class_name = own.claim(pascal(res.name), Owner(f"the class of {_owner(res)}"))
        class_members = member_scope(
            f"class `{class_name}` ({path}.ts)", log, RESOURCE_MEMBERS
        )
        children = _children(
            res.children, path, accessor + (prop,), class_members, own, log, twins
        )
        methods, streams = _methods(res.operations, class_members, twins)
        node = ResourceNode(
            resource=res,
            accessor=accessor + (prop,),
            file=path + ".ts",
            class_name=class_name,
            module=own,
            children=children,
            methods=methods,
            stream_methods=streams,
        )
        out.append(Child(prop, alias, node))
    return tuple(out)


def _methods(
    ops: tuple[Operation, ...], members: Scope, twins: bool
) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """The method of each operation, and its `...Stream` twin where `twins` asks for one."""
    methods = claim_all(
        members,
        [
            (camel(op.name), op_owner(op, f"operation `{op.operation_id}`"))
            for op in ops
        ],
    )
    streams = [
        (
            members.claim(
                camel(op.name + "_stream"),
                op_owner(op, f"the streaming twin of `{op.operation_id}`"),
            )
            if twins and stream_flag(op)
            else None
        )
        for op in ops
    ]
    return tuple(methods), tuple(streams)


def _walk(children: tuple[Child, ...]) -> list[ResourceNode]:
    out: list[ResourceNode] = []
    for child in children:
        out.append(child.node)
        out.extend(_walk(child.node.children))
    return out


def resource_tree(
    resources: tuple[Resource, ...],
    client_class: str,
    log: RenameLog,
    operations: tuple[Operation, ...] = (),
    twins: bool = True,
) -> ResourceTree:
    """`operations`: those called on the client itself. `twins`: a streaming operation
    also gets a `...Stream` method (the `body` call convention's way to stream)."""
    client_module = module_scope("module `src/client.ts`", log)
    client_module.take(client_class, "the client class")
    client_module.take("ClientOptions", "the client options")
    client_members = member_scope(f"class `{client_class}`", log, CLIENT_MEMBERS)
    top = _children(
        resources, "src/resources", (), client_members, client_module, log, twins
    )
    methods, streams = _methods(operations, client_members, twins)
    client = ResourceNode(
        resource=Resource("", operations),
        accessor=(),
        file="src/client.ts",
        class_name=client_class,
        module=client_module,
        children=(),
        methods=methods,
        stream_methods=streams,
    )
    return ResourceTree(top, client_module, tuple(_walk(top)), client)

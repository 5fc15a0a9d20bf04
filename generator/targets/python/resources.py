"""Resource modules: one per resource node, each with its sync, async and raw-response classes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.ir.model import Operation, Resource
from generator.naming.allocator import Owner, RenameLog, Scope
from generator.naming.casing import pascal, snake
from generator.targets.python import names
from generator.targets.python.imports import all_list, from_import, header_imports
from generator.targets.python.layout import docstring_lines, fits
from generator.targets.python.operations import (
    INDENT,
    Method,
    MethodCode,
    OperationWriter,
)
from generator.targets.python.types import Needs


@dataclass(frozen=True)
class ResourceNode:
    """A resource with the Python names decided: module, classes, attribute, children."""

    path: tuple[str, ...]
    resource: Resource
    module: str
    class_name: str
    attribute: str
    children: tuple[ResourceNode, ...]
    methods: tuple[Method, ...] = ()
    split: bool = False
    """The async classes live in `<module>_async`."""

    @property
    def async_class(self) -> str:
        return f"Async{self.class_name}"

    @property
    def raw_class(self) -> str:
        return f"{self.class_name}WithRawResponse"

    @property
    def async_raw_class(self) -> str:
        return f"Async{self.class_name}WithRawResponse"

    def walk(self) -> list[ResourceNode]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(frozen=True)
class Namer:
    """The scopes resource nodes are named in, and what names their methods."""

    package: Scope
    """The package's classes: a resource class must differ from every model class."""
    modules: Scope
    writer: OperationWriter
    log: RenameLog


def _async_module(module: str) -> tuple[str, ...]:
    return (module + "_async",)


def resource_nodes(
    resources: tuple[Resource, ...],
    namer: Namer,
    attributes: list[str],
    classes: Scope,
    parent: tuple[str, ...] = (),
    parent_label: str = "",
) -> tuple[ResourceNode, ...]:
    """Name every resource node below a parent whose members (`attributes`, one per
    resource) are decided: each node's class in `classes` (the module that imports
    it), its module, then its own members (sub-resources first, then methods)."""
    labels = [f"{parent_label}.{r.name}" if parent_label else r.name for r in resources]
    class_names = classes.claim_all(
        [
            (pascal(r.name), resource_owner(r, label))
            for r, label in zip(resources, labels)
        ],
        names.resource_classes,
        [r.name for r in resources],
    )
    out: list[ResourceNode] = []
    for res, label, attr, class_name in zip(resources, labels, attributes, class_names):
        path = (*parent, attr)
        module = namer.modules.claim(
            "_".join(path), resource_owner(res, label), _async_module
        )
        members = names.member_scope(namer.log, label).claim_all(
            [
                (snake(c.name), resource_owner(c, f"{label}.{c.name}"))
                for c in res.children
            ]
            + [
                (
                    snake(op.name),
                    names.owner(f"operation `{op.operation_id}`", op.source),
                )
                for op in res.operations
            ],
            spelled=[c.name for c in res.children] + [op.name for op in res.operations],
        )
        own = namer.package.fork(f"the module of resource `{label}`")
        for taken in (class_name, *names.resource_classes(class_name)):
            own.take(taken, f"resource `{label}`")
        split_at = len(res.children)
        children = resource_nodes(
            res.children, namer, members[:split_at], own, path, label
        )
        methods = tuple(
            namer.writer.plan_method(op, name, namer.log)
            for op, name in zip(res.operations, members[split_at:])
        )
        node = ResourceNode(path, res, module, class_name, attr, children, methods)
        out.append(replace(node, split=estimate_lines(methods) > SPLIT_AT))
    return tuple(out)


def resource_owner(res: Resource, label: str) -> Owner:
    """A resource, located at the path of its first operation."""
    op = _first_operation(res)
    source = op.source if op is not None else None
    if source is not None:
        source = replace(source, pointer=source.pointer.rsplit("/", 1)[0])
    return names.owner(f"resource `{label}`", source)


def _first_operation(res: Resource) -> Operation | None:
    if res.operations:
        return res.operations[0]
    return next(
        (op for c in res.children if (op := _first_operation(c)) is not None), None
    )


SPLIT_AT = 1300
"""Estimated lines above which a resource's async classes get a module of their own."""


def estimate_lines(methods: tuple[Method, ...]) -> int:
    """A cheap upper estimate of the module's length (sync and async), from the IR alone."""

    def doc(text: str | None) -> int:
        return 0 if not text else text.strip().count("\n") + 1

    total = 30
    for method in methods:
        op, args = method.op, method.args
        per = 2 * len(args) + 24 + doc(op.description or op.summary)
        per += sum(doc(a.description) for a in args)
        if op.streaming is not None and op.streaming.flag is not None:
            per += 3 * (len(args) + 10)
        total += 2 * per
    return total


def render_resource_module(
    node: ResourceNode, writer: OperationWriter, header: str, part: str = "all"
) -> str:
    """`part`: `all`, or `sync` / `async` when the module is split in two."""
    needs = Needs()
    needs.runtime.update(
        {
            "SyncAPIResource",
            "AsyncAPIResource",
        }
    )
    if node.resource.operations:
        needs.runtime.update(
            {"to_raw_response_wrapper", "async_to_raw_response_wrapper"}
        )
    if node.children:
        needs.runtime.update({"SyncAPIClient", "AsyncAPIClient"})
    methods = [writer.method(planned, needs) for planned in node.methods]
    if methods:
        needs.runtime.update(
            {
                "RequestSpec",
                "NOT_GIVEN",
                "NotGiven",
                "Headers",
                "Query",
                "Body",
                "Timeout",
            }
        )
        needs.typing.update({"Optional", "Union"})
    model_names = sorted(writer.mapper.class_names[m] for m in needs.models)
    kinds = [False, True] if part == "all" else [part == "async"]
    if kinds == [False]:
        needs.runtime -= {
            "AsyncAPIResource",
            "AsyncAPIClient",
            "async_to_raw_response_wrapper",
        }
        needs.runtime.discard("AsyncStream")
        needs.runtime.discard("AsyncPaginator")
    elif kinds == [True]:
        needs.runtime -= {"SyncAPIResource", "SyncAPIClient", "to_raw_response_wrapper"}
        needs.runtime.discard("Stream")
        needs.runtime.discard("SyncCursorPage")
    lines = [header, "", *header_imports(needs, "..")]
    lines += from_import("..types", model_names)
    for child in node.children:
        by_module: dict[str, list[str]] = {}
        for is_async in kinds:
            module = (
                child.module + "_async" if is_async and child.split else child.module
            )
            by_module.setdefault(module, []).extend(
                [child.async_class, child.async_raw_class]
                if is_async
                else [child.class_name, child.raw_class]
            )
        for module, classes in by_module.items():
            lines += from_import(f".{module}", classes)
    lines.append("")
    exported: list[str] = []
    for is_async in kinds:
        exported += (
            [node.async_class, node.async_raw_class]
            if is_async
            else [
                node.class_name,
                node.raw_class,
            ]
        )
    lines += all_list(sorted(exported, key=lambda n: (n.startswith("Async"), n)))
    for is_async in kinds:
        lines += ["", ""]
        lines += _resource_class(node, methods, is_async)
    for is_async in kinds:
        lines += ["", ""]
        lines += _raw_class(node, [m.name for m in methods], is_async)
    return "\n".join(lines) + "\n"


def _resource_class(
    node: ResourceNode, methods: list[MethodCode], is_async: bool
) -> list[str]:
    cls = node.async_class if is_async else node.class_name
    base = "AsyncAPIResource" if is_async else "SyncAPIResource"
    client = "AsyncAPIClient" if is_async else "SyncAPIClient"
    raw = node.async_raw_class if is_async else node.raw_class
    lines = [f"class {cls}({base}):"]
    doc = docstring_lines(node.resource.description, INDENT)
    if doc:
        lines += doc
        lines.append("")
    if node.children:
        lines.append(f"{INDENT}def __init__(self, client: {client}) -> None:")
        lines.append(f"{INDENT}{INDENT}super().__init__(client)")
        for child in node.children:
            child_cls = child.async_class if is_async else child.class_name
            lines.append(
                f"{INDENT}{INDENT}self.{child.attribute} = {child_cls}(client)"
            )
        lines.append("")
    lines.append(f"{INDENT}@property")
    lines.append(f"{INDENT}def with_raw_response(self) -> {raw}:")
    lines.append(f"{INDENT}{INDENT}return {raw}(self)")
    for method in methods:
        lines.append("")
        lines.extend(method.async_lines if is_async else method.sync_lines)
    return lines


def _raw_class(
    node: ResourceNode, method_names_: list[str], is_async: bool
) -> list[str]:
    cls = node.async_raw_class if is_async else node.raw_class
    target = node.async_class if is_async else node.class_name
    wrapper = "async_to_raw_response_wrapper" if is_async else "to_raw_response_wrapper"
    lines = [
        f"class {cls}:",
        f"{INDENT}def __init__(self, resource: {target}) -> None:",
    ]
    body = INDENT * 2
    for name in method_names_:
        lines += assign_wrapped(body, f"self.{name} = {wrapper}", f"resource.{name}")
    for child in node.children:
        child_raw = child.async_raw_class if is_async else child.raw_class
        lines += assign_wrapped(
            body, f"self.{child.attribute} = {child_raw}", f"resource.{child.attribute}"
        )
    if not method_names_ and not node.children:
        lines.append(f"{INDENT}{INDENT}self._resource = resource")
    return lines


def assign_wrapped(indent: str, head: str, arg: str) -> list[str]:
    """`head(arg)` on one line, or split the way black splits it."""
    line = f"{indent}{head}({arg})"
    if fits(line):
        return [line]
    return [f"{indent}{head}(", f"{indent}{INDENT}{arg}", f"{indent})"]

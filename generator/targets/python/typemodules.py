"""The models package: which model goes to which module, and each module's source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.ir.model import Api, EnumModel, Model, ObjectModel, Resource, UnionModel
from generator.ir.refs import model_refs, operation_refs
from generator.naming.allocator import Scope
from generator.naming.casing import snake
from generator.targets.python.graph import closure
from generator.targets.python.imports import all_list, from_import, header_imports
from generator.targets.python.models import ModelWriter
from generator.targets.python.types import Needs

LINE_BUDGET = 1200
"""Lines a models module may reach before the next model starts another module."""
SHARED = "shared"


@dataclass(frozen=True)
class TypeModule:
    name: str
    models: tuple[str, ...]
    """IR model names, in the order they are written."""


def resource_groups(api: Api) -> list[tuple[str, tuple[Resource, ...]]]:
    """Top-level groups: a container with no operations of its own (`beta`) is looked through."""
    out: list[tuple[str, tuple[Resource, ...]]] = []

    def visit(res: Resource, prefix: str) -> None:
        name = f"{prefix}{snake(res.name)}"
        if not res.operations and res.children:
            for child in res.children:
                visit(child, name + "_")
            return
        out.append((name, (res,)))

    for res in api.resources:
        visit(res, "")
    return out


def _ops(res: Resource) -> list[set[str]]:
    found = [operation_refs(op) for op in res.operations]
    for child in res.children:
        found.extend(_ops(child))
    return found


def _estimate(model: Model) -> int:
    def doc(text: str | None) -> int:
        return 0 if not text else text.strip().count("\n") + 1

    if isinstance(model, ObjectModel):
        return (
            3
            + doc(model.description)
            + sum(3 + doc(f.description) for f in model.fields)
        )
    if isinstance(model, EnumModel):
        return 4 + len(model.values) + doc(model.description)
    if isinstance(model, UnionModel):
        return 6 + len(model.variants) + doc(model.description)
    return 4 + doc(model.description)


def _order(models: list[Model]) -> list[str]:
    """Enums first (nothing to refer to), then classes, then unions and aliases."""

    def rank(m: Model) -> int:
        return 0 if isinstance(m, EnumModel) else 1 if isinstance(m, ObjectModel) else 2

    return [m.name for m in sorted(models, key=lambda m: (rank(m), m.name))]


def assign_modules(
    api: Api, models: Mapping[str, Model], files: Scope
) -> list[TypeModule]:
    edges = {name: model_refs(m) for name, m in models.items()}
    owner: dict[str, set[str]] = {}
    groups = resource_groups(api)
    for group, resources in groups:
        direct: set[str] = set()
        for res in resources:
            for refs in _ops(res):
                direct |= refs
        for name in closure(direct, edges):
            owner.setdefault(name, set()).add(group)
    by_group: dict[str, list[Model]] = {}
    for name, model in models.items():
        users = owner.get(name, set())
        group = next(iter(users)) if len(users) == 1 else SHARED
        by_group.setdefault(group, []).append(model)
    modules: list[TypeModule] = []
    for group in sorted(by_group):
        chunk: list[Model] = []
        lines = 0
        part = 1
        for name in _order(by_group[group]):
            model = models[name]
            size = _estimate(model)
            if chunk and lines + size > LINE_BUDGET:
                modules.append(_module(group, part, chunk, files))
                chunk, lines, part = [], 0, part + 1
            chunk.append(model)
            lines += size
        if chunk:
            modules.append(_module(group, part, chunk, files))
    return modules


def _module(group: str, part: int, chunk: list[Model], files: Scope) -> TypeModule:
    wanted = group if part == 1 else f"{group}_{part}"
    what = "shared models" if group == SHARED else f"models of resource `{group}`"
    name = files.claim(wanted, f"module {part} of the {what}")
    return TypeModule(name, tuple(_order(chunk)))


def render_type_module(
    module: TypeModule,
    models: Mapping[str, Model],
    writer: ModelWriter,
    module_of: Mapping[str, str],
    header: str,
) -> str:
    needs = Needs()
    defined: set[str] = set()
    blocks: list[tuple[str, ...]] = []
    class_names = writer.mapper.class_names
    mine = set(module.models)
    by_class = {class_names[n]: n for n in class_names}

    def quote(class_name: str) -> bool:
        ir_name = by_class.get(class_name)
        return ir_name is not None and class_name not in defined

    exported: list[str] = []
    for name in module.models:
        block = writer.block(models[name], needs, quote)
        blocks.append(block.lines)
        defined.add(block.name)
        exported.append(block.name)
    if any(models[n].kind == "object" for n in module.models):
        needs.runtime.add("BaseModel")
    foreign: dict[str, list[str]] = {}
    for ref in needs.models:
        if ref in mine:
            continue
        foreign.setdefault(module_of[ref], []).append(class_names[ref])
    if foreign:
        needs.typing.add("TYPE_CHECKING")
    lines = [header, "", *header_imports(needs, "..")]
    if foreign:
        lines += ["", "if TYPE_CHECKING:"]
        for mod in sorted(foreign):
            lines += from_import(f".{mod}", foreign[mod], indent="    ")
    lines.append("")
    lines += all_list(exported)
    previous_class = True
    for block_lines, name in zip(blocks, module.models):
        is_class = models[name].kind == "object"
        if is_class or previous_class or _has_doc(block_lines):
            lines += ["", ""]
        lines += block_lines
        previous_class = is_class
    return "\n".join(lines) + "\n"


def _has_doc(block: tuple[str, ...]) -> bool:
    """A block set apart by blank lines: one with a docstring, or a statement of
    several lines (`if TYPE_CHECKING: ... else: ...`)."""
    return any(line.startswith(('"""', "else:")) for line in block)


def render_types_init(modules: list[TypeModule], header: str) -> str:
    lines = [
        header,
        "",
        "from .._models import rebuild_namespace as _rebuild_namespace",
    ]
    for module in modules:
        lines.append(f"from .{module.name} import *  # noqa: F403")
    lines += ["", "_rebuild_namespace(__name__, globals())"]
    return "\n".join(lines) + "\n"

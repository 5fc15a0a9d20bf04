"""Models as Python source lines: pydantic classes, `Literal` enums, union and alias types."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.encoders.python import py_str
from generator.ir.model import (
    AliasModel,
    EnumModel,
    Field,
    LiteralOf,
    Model,
    Nullable,
    ObjectModel,
    TypeRef,
    UnionModel,
)
from generator.naming.allocator import RenameLog
from generator.targets.python import names
from generator.targets.python.layout import (
    alias_lines,
    annotation_lines,
    assign_atom,
    assign_call,
    call_expr_lines,
    class_header,
    docstring_lines,
)
from generator.targets.python.types import (
    Expr,
    Needs,
    Sub,
    TypeMapper,
    literal_type,
    names_in,
    shown_value,
)

FIELD_INDENT = "    "


@dataclass(frozen=True)
class ModelBlock:
    """One model's source: the lines of a class or an alias, and what it needs."""

    name: str
    lines: tuple[str, ...]
    is_class: bool


def values_note(values: list[object]) -> str | None:
    """The allowed values of a type that cannot be a `Literal` (floats, huge integers)."""
    if all(literal_type(v) for v in values):
        return None
    listed = ", ".join(shown_value(v) for v in values)
    return f"Allowed values: {listed}." if len(values) > 1 else f"Always {listed}."


def _literal_values(ref: TypeRef) -> list[object]:
    if isinstance(ref, Nullable):
        ref = ref.inner
    return [ref.value] if isinstance(ref, LiteralOf) else []


def _joined(*parts: str | None) -> str | None:
    text = "\n\n".join(p for p in parts if p)
    return text or None


def _quote_refs(expr: Expr, quote: Callable[[str], bool]) -> Expr:
    if isinstance(expr, str):
        return f'"{expr}"' if quote(expr) else expr
    if expr.head in ("Literal",):
        return expr
    args = tuple(
        a if (expr.head == "Annotated" and i > 0) else _quote_refs(a, quote)
        for i, a in enumerate(expr.args)
    )
    return Sub(expr.head, args)


class ModelWriter:
    def __init__(
        self,
        mapper: TypeMapper,
        discriminator_tags: Mapping[str, Mapping[str, tuple[str, ...]]],
        use_client_names: bool,
        log: RenameLog,
        recursive: frozenset[str] = frozenset(),
    ) -> None:
        self.mapper = mapper
        self.recursive = recursive
        """Aliases that reach themselves through a list or a map (graph.py)."""
        self.tags = discriminator_tags
        """Model name → discriminator property → the values that select this model."""
        self.use_client_names = use_client_names
        self.fields: dict[str, tuple[str, ...]] = {
            name: self._field_names(model, log)
            for name, model in mapper.models.items()
            if isinstance(model, ObjectModel)
        }
        """Model name → the attribute of each of its fields, in field order."""

    def _field_names(self, model: ObjectModel, log: RenameLog) -> tuple[str, ...]:
        tags = self.tags.get(model.name, {})
        used: set[str] = {"Field"}
        for f in model.fields:
            used |= names_in(self.field_expr(f, tags.get(f.name), Needs()))
        scope = names.field_scope(log, model.name, used)
        spelled = [
            (f.client_name if self.use_client_names else None) or f.name
            for f in model.fields
        ]
        wanted = [
            (
                names.attribute(spelling),
                names.owner(
                    f"property `{f.name}` of schema `{model.name}`",
                    model.source,
                    "/properties/" + f.name.replace("~", "~0").replace("/", "~1"),
                ),
            )
            for f, spelling in zip(model.fields, spelled)
        ]
        return tuple(scope.claim_all(wanted, spelled=spelled))

    def block(
        self, model: Model, needs: Needs, quote: Callable[[str], bool]
    ) -> ModelBlock:
        class_name = self.mapper.class_names[model.name]
        if isinstance(model, ObjectModel):
            return ModelBlock(
                class_name, tuple(self._object(model, class_name, needs)), True
            )
        if isinstance(model, EnumModel):
            expr = self.mapper.enum_expr(model, needs)
        elif isinstance(model, UnionModel):
            prop = model.discriminator.property if model.discriminator else None
            expr = self.mapper.union(
                model.variants, prop is not None, needs, "response", prop
            )
        else:
            expr = self.mapper.annotation(model.target, needs)
        expr = _quote_refs(expr, quote)
        needs.typing.add("TypeAlias")
        if model.name in self.recursive:
            lines = self._runtime_alias(class_name, expr, needs)
        else:
            lines = alias_lines(class_name, expr)
        note = None
        if isinstance(model, EnumModel):
            note = values_note([v.value for v in model.values])
        elif isinstance(model, AliasModel):
            note = values_note(_literal_values(model.target))
        lines += docstring_lines(_joined(model.description, note), "")
        return ModelBlock(class_name, tuple(lines), False)

    def _runtime_alias(self, name: str, expr: Expr, needs: Needs) -> list[str]:
        """An alias that reaches itself through a list or a map: checkers read it as an
        alias; pydantic gets a `TypeAliasType`, whose recursion it resolves lazily.
        (`expr` quotes every class not defined yet, its own name included.)"""
        needs.typing.update({"TYPE_CHECKING", "TypeAliasType"})
        return [
            "if TYPE_CHECKING:",
            *alias_lines(name, expr, FIELD_INDENT),
            "else:",
            *call_expr_lines(
                FIELD_INDENT, f"{name} = TypeAliasType", [py_str(name), expr]
            ),
        ]

    def _object(self, model: ObjectModel, class_name: str, needs: Needs) -> list[str]:
        lines = class_header(class_name, "BaseModel")
        doc = docstring_lines(model.description or model.title, FIELD_INDENT)
        body: list[list[str]] = []
        tags = self.tags.get(model.name, {})
        for attr, f in zip(self.fields[model.name], model.fields):
            body.append(self._field(attr, f, tags.get(f.name), needs))
        if doc:
            lines.extend(doc)
            if body:
                lines.append("")
        elif not body:
            lines.append(f"{FIELD_INDENT}pass")
        for i, chunk in enumerate(body):
            if i:
                lines.append("")
            lines.extend(chunk)
        return lines

    def field_expr(
        self, f: Field, tag_values: tuple[str, ...] | None, needs: Needs
    ) -> Expr:
        if tag_values:
            # A union variant: its discriminator field is the literal that selects it.
            needs.typing.add("Literal")
            expr: Expr = Sub("Literal", tuple(py_str(v) for v in tag_values))
        else:
            expr = self.mapper.annotation(f.type, needs)
        if (
            not f.required
            and not (isinstance(expr, Sub) and expr.head == "Optional")
            and expr != "Any"
        ):
            needs.typing.add("Optional")
            expr = Sub("Optional", (expr,))
        return expr

    def _field(
        self, attr: str, f: Field, tag_values: tuple[str, ...] | None, needs: Needs
    ) -> list[str]:
        expr = self.field_expr(f, tag_values, needs)
        optional = not f.required
        field_args: list[str] = []
        if optional:
            field_args.append("default=None")
        if attr != f.name:
            field_args.append(f"alias={py_str(f.name)}")
        if field_args == ["default=None"]:
            default = " = None"
            lines = self._annotated(attr, expr, default)
        elif field_args:
            needs.pydantic.add("Field")
            lines = self._with_field_call(attr, expr, field_args)
        else:
            lines = self._annotated(attr, expr, "")
        note = None if tag_values else values_note(_literal_values(f.type))
        lines.extend(docstring_lines(_joined(f.description, note), FIELD_INDENT))
        return lines

    def _annotated(self, attr: str, expr: Expr, default: str) -> list[str]:
        if default:
            return assign_atom(FIELD_INDENT, attr, expr, default.removeprefix(" = "))
        return annotation_lines(FIELD_INDENT, attr, expr)

    def _with_field_call(self, attr: str, expr: Expr, args: list[str]) -> list[str]:
        return assign_call(FIELD_INDENT, attr, expr, "Field", args)


def _own_tag(variant: ObjectModel, prop: str) -> str | None:
    """The value a variant declares for itself: `x-ms-discriminator-value` or a const field."""
    if variant.discriminator_value is not None:
        return variant.discriminator_value
    for f in variant.fields:
        if (
            f.name == prop
            and isinstance(f.type, LiteralOf)
            and isinstance(f.type.value, str)
        ):
            return f.type.value
    return None


def discriminator_tags(
    models: Mapping[str, Model],
) -> dict[str, dict[str, tuple[str, ...]]]:
    """For every object model that is a discriminated union's variant: property → its tags.

    A variant's own declaration wins over a mapping that names it for several values,
    so each tag selects one variant.
    """
    out: dict[str, dict[str, list[str]]] = {}
    for model in models.values():
        if not isinstance(model, UnionModel) or model.discriminator is None:
            continue
        disc = model.discriminator
        targets: dict[str, list[str]] = {}
        for value, target in disc.mapping:
            targets.setdefault(value, []).append(target)
        for value, target in disc.mapping:
            variant = models.get(target)
            if not isinstance(variant, ObjectModel):
                continue
            if not any(f.name == disc.property for f in variant.fields):
                continue
            own = _own_tag(variant, disc.property)
            if own is not None and own != value:
                continue
            if own is None and len(targets[value]) > 1:
                continue
            values = out.setdefault(target, {}).setdefault(disc.property, [])
            if value not in values:
                values.append(value)
    return {m: {p: tuple(v) for p, v in props.items()} for m, props in out.items()}

"""IR TypeRef → Python annotation (as a small expression tree) plus what it needs imported.

Annotations use the `typing` spellings (`Optional[X]`, `List[X]`, `Union[A, B]`) so
every compound type is a `Head[...]` bracket: `layout.py` can then break any long
annotation the way black does without guessing at operator splits.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from generator.encoders.python import py_literal, py_str
from generator.ir.model import (
    ArrayOf,
    EnumModel,
    LiteralOf,
    MapOf,
    Model,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)


@dataclass(frozen=True)
class Sub:
    """`head[args...]`; `Annotated` and `Literal` too."""

    head: str
    args: tuple[Expr, ...]

    def flat(self) -> str:
        return f"{self.head}[{', '.join(flat(a) for a in self.args)}]"


Expr = str | Sub


def flat(expr: Expr) -> str:
    return expr if isinstance(expr, str) else expr.flat()


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_KEYWORD_ARG = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def names_in(expr: Expr) -> set[str]:
    """Every name an annotation refers to (`Optional[List["Run"]]` → Optional, List, Run):
    what a field or parameter of the same name would shadow."""
    if isinstance(expr, Sub):
        found = {expr.head}
        if expr.head != "Literal":
            for arg in expr.args:
                found |= names_in(arg)
        return found
    if len(expr) > 1 and expr[0] == expr[-1] == '"' and _NAME.fullmatch(expr[1:-1]):
        return {expr[1:-1]}  # a forward reference
    return set(_NAME.findall(_KEYWORD_ARG.sub("", _STRING.sub("", expr))))


SAFE_INTEGER = 2**53 - 1
"""Beyond this an integer does not survive every JSON parser (RFC 8259, section 6)."""


def literal_type(value: object) -> bool:
    """Whether `Literal[value]` is a type every checker accepts: a str, a bool, or an int
    that JSON carries exactly. Floats (and `1e400`, which is infinity) are not."""
    if isinstance(value, (str, bool)):
        return True
    return isinstance(value, int) and abs(value) <= SAFE_INTEGER


def base_type(value: object) -> str:
    """The annotation standing in for a value that cannot be a `Literal`."""
    return "int" if isinstance(value, int) and not isinstance(value, bool) else "float"


def shown_value(value: object) -> str:
    """A value as the docstring lists it (`1.5`, `inf`, `"a"`)."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return py_literal(value)


Context = Literal["response", "request"]
ANY_TYPES = ("Any", "object")


@dataclass
class Needs:
    """What an annotation uses: typing names, runtime names, model classes."""

    typing: set[str] = field(default_factory=set)
    runtime: set[str] = field(default_factory=set)
    pydantic: set[str] = field(default_factory=set)
    models: set[str] = field(default_factory=set)
    """IR model names."""

    def merge(self, other: Needs) -> None:
        self.typing |= other.typing
        self.runtime |= other.runtime
        self.pydantic |= other.pydantic
        self.models |= other.models


@dataclass(frozen=True)
class TypeMapper:
    models: Mapping[str, Model]
    class_names: Mapping[str, str]
    unixtime_as_datetime: bool

    def annotation(
        self, ref: TypeRef, needs: Needs, context: Context = "response"
    ) -> Expr:
        if isinstance(ref, Primitive):
            return self._primitive(ref, needs, context)
        if isinstance(ref, Nullable):
            inner = self.annotation(ref.inner, needs, context)
            if isinstance(inner, Sub) and inner.head == "Optional":
                return inner
            if inner in ANY_TYPES:
                return inner
            needs.typing.add("Optional")
            return Sub("Optional", (inner,))
        if isinstance(ref, ArrayOf):
            item = self.annotation(ref.items, needs, context)
            head = "Iterable" if context == "request" else "List"
            needs.typing.add(head)
            return Sub(head, (item,))
        if isinstance(ref, MapOf):
            needs.typing.add("Dict")
            return Sub("Dict", ("str", self.annotation(ref.values, needs, context)))
        if isinstance(ref, LiteralOf):
            if not literal_type(ref.value):
                return base_type(ref.value)
            needs.typing.add("Literal")
            return Sub("Literal", (py_literal(ref.value),))
        if isinstance(ref, UnionOf):
            return self.union(
                ref.variants,
                ref.discriminator is not None,
                needs,
                context,
                ref.discriminator.property if ref.discriminator else None,
            )
        return self._ref(ref, needs, context)

    # ------------------------------------------------------------------ pieces

    def _primitive(self, ref: Primitive, needs: Needs, context: Context) -> Expr:
        if ref.kind == "string":
            if ref.format == "binary":
                if context == "request":
                    needs.runtime.add("FileTypes")
                    return "FileTypes"
                return "bytes"
            return "str"
        if ref.kind == "integer":
            if ref.format == "unixtime" and self.unixtime_as_datetime:
                if context == "request":
                    needs.runtime.add("datetime")
                    return "datetime"
                needs.runtime.add("UnixDatetime")
                return "UnixDatetime"
            return "int"
        if ref.kind == "number":
            return "float"
        if ref.kind == "boolean":
            return "bool"
        if context == "response":
            # Not `object`: models have fields named `object`, which shadow it in the class.
            needs.typing.add("Any")
            return "Any"
        return "object"

    def union(
        self,
        variants: tuple[TypeRef, ...],
        discriminated: bool,
        needs: Needs,
        context: Context,
        prop: str | None,
    ) -> Expr:
        args: list[Expr] = []
        nullable = False
        for v in variants:
            if isinstance(v, Nullable):
                nullable = True
                v = v.inner
            a = self.annotation(v, needs, context)
            if a not in args:
                args.append(a)
        anything = next((a for a in args if a in ANY_TYPES), None)
        if anything is not None:
            expr: Expr = anything
        elif discriminated and prop is not None and context == "response":
            # A newer server may send a tag this SDK does not know: `UnknownVariant`.
            needs.typing.update({"Annotated", "Union"})
            needs.runtime.update({"PropertyInfo", "UnknownVariant"})
            expr = Sub(
                "Annotated",
                (
                    Sub("Union", (*args, "UnknownVariant")),
                    f"PropertyInfo(discriminator={py_str(prop)})",
                ),
            )
        elif len(args) == 1:
            expr = args[0]
        else:
            needs.typing.add("Union")
            expr = Sub("Union", tuple(args))
        if nullable and expr not in ANY_TYPES:
            needs.typing.add("Optional")
            expr = Sub("Optional", (expr,))
        return expr

    def _ref(self, ref: Ref, needs: Needs, context: Context) -> Expr:
        model = self.models.get(ref.name)
        if model is None:
            return "object"
        name = self.class_names[ref.name]
        needs.models.add(ref.name)
        if context == "request" and isinstance(model, (ObjectModel, UnionModel)):
            needs.typing.update({"Union", "Dict"})
            return Sub("Union", (name, Sub("Dict", ("str", "object"))))
        return name

    # ------------------------------------------------------------------ models

    def enum_expr(self, model: EnumModel, needs: Needs) -> Expr:
        base = {"string": "str", "integer": "int", "number": "float"}[model.base]
        if not model.values:
            return "str"
        if not all(literal_type(v.value) for v in model.values):
            return base
        needs.typing.add("Literal")
        literal = Sub("Literal", tuple(py_literal(v.value) for v in model.values))
        if model.open:
            needs.typing.add("Union")
            return Sub("Union", (literal, base))
        return literal

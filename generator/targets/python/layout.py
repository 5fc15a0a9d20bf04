"""Lines in black's style, produced directly (running black on 30k-line outputs is too slow).

Only the few shapes the templates emit are handled, each the way black splits it:
a line that fits stays flat; otherwise the last bracket opens, its contents go on one
indented line when they fit, else one item per line with a trailing comma; an item
that is still too long is split the same way, recursively.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

from generator.encoders.python import py_doc_lines
from generator.targets.python.types import Expr, Sub, flat

LINE_LENGTH = 88


def fits(line: str) -> bool:
    return len(line) <= LINE_LENGTH


def expr_lines(
    expr: Expr, indent: str, prefix: str = "", suffix: str = ""
) -> list[str]:
    """`prefix + expr + suffix` at `indent`, split at brackets when too long."""
    line = f"{indent}{prefix}{flat(expr)}{suffix}"
    if fits(line) or isinstance(expr, str):
        return [line]
    inner = indent + "    "
    head = f"{indent}{prefix}{expr.head}["
    tail = f"{indent}]{suffix}"
    body = inner + ", ".join(flat(a) for a in expr.args)
    if fits(body):
        return [head, body, tail]
    lines = [head]
    if len(expr.args) == 1:
        lines.extend(expr_lines(expr.args[0], inner))
    else:
        for arg in expr.args:
            lines.extend(expr_lines(arg, inner, suffix=","))
    lines.append(tail)
    return lines


def call_lines(
    indent: str, head: str, args: list[str], suffix: str = ""
) -> list[str] | None:
    """`head(args)`; None when even the opening line does not fit (caller picks another shape)."""
    line = f"{indent}{head}({', '.join(args)}){suffix}"
    if fits(line):
        return [line]
    if not fits(f"{indent}{head}("):
        return None
    inner = indent + "    "
    body = inner + ", ".join(args)
    if fits(body):
        return [f"{indent}{head}(", body, f"{indent}){suffix}"]
    return [f"{indent}{head}(", *(f"{inner}{a}," for a in args), f"{indent}){suffix}"]


def exploded_call(
    indent: str, head: str, args: list[str], suffix: str = ""
) -> list[str]:
    """`head(` one argument per line with a magic trailing comma `)`: black keeps it as is."""
    inner = indent + "    "
    return [f"{indent}{head}(", *(f"{inner}{a}," for a in args), f"{indent}){suffix}"]


def docstring_lines(text: str | None, indent: str) -> list[str]:
    """A docstring black leaves alone, its text through the docstring encoder."""
    if not text:
        return []
    raw = [line.rstrip() for line in py_doc_lines(text)]
    while raw and not raw[0]:
        raw.pop(0)
    while raw and not raw[-1]:
        raw.pop()
    if not raw:
        return []
    first = raw[0].strip()
    rest = textwrap.dedent("\n".join(raw[1:])).split("\n") if len(raw) > 1 else []
    body = [first, *rest]
    if body[0].startswith('"'):
        body[0] = " " + body[0]
    if body[-1].endswith('"'):
        body[-1] = body[-1] + " "
    if len(body) == 1:
        # black keeps a one-line docstring on one line, however long.
        return [f'{indent}"""{body[0]}"""']
    out = [f'{indent}"""{body[0]}']
    for line in body[1:-1]:
        out.append(f"{indent}{line}" if line else "")
    last = body[-1]
    closing = f'{indent}{last}"""'
    if fits(closing):
        out.append(closing)
    else:
        out.append(f"{indent}{last}")
        out.append(f'{indent}"""')
    return out


def assign_atom(indent: str, target: str, ann: Expr, atom: str) -> list[str]:
    """`target: ann = atom` (atom: no brackets), split the way black does."""
    line = f"{indent}{target}: {flat(ann)} = {atom}"
    if fits(line):
        return [line]
    head = f"{indent}{target}: {flat(ann)} = ("
    if fits(head) and fits(f"{indent}    {atom}"):
        return [head, f"{indent}    {atom}", f"{indent})"]
    return by_black(f"{target}: {flat(ann)} = {atom}", indent)


def assign_call(
    indent: str, target: str, ann: Expr | None, callee: str, args: list[str]
) -> list[str]:
    """`target: ann = callee(args)`, split the way black does."""
    lhs = target if ann is None else f"{target}: {flat(ann)}"
    call = f"{callee}({', '.join(args)})"
    if fits(f"{indent}{lhs} = {call}"):
        return [f"{indent}{lhs} = {call}"]
    lines = call_lines(indent, f"{lhs} = {callee}", args)
    if lines is not None:
        return lines
    if fits(f"{indent}{lhs} = ("):
        inner = call_lines(indent + "    ", callee, args)
        if inner is None:
            inner = exploded_call(indent + "    ", callee, args)
        return [f"{indent}{lhs} = (", *inner, f"{indent})"]
    return by_black(f"{lhs} = {call}", indent)


def class_header(name: str, base: str) -> list[str]:
    line = f"class {name}({base}):"
    if fits(line):
        return [line]
    return [f"class {name}(", f"    {base}", "):"]


def alias_lines(name: str, expr: Expr, indent: str = "") -> list[str]:
    """`name: TypeAlias = expr` at module level, split the way black does.

    When not even `name: TypeAlias = (` fits, black would split the annotation itself
    (`name: (TypeAlias) = ...`); such aliases are written without it, as implicit
    aliases, which black splits at the expression's bracket however long the name.
    """
    prefix = f"{name}: TypeAlias = "
    line = f"{indent}{prefix}{flat(expr)}"
    if fits(line):
        return [line]
    if isinstance(expr, Sub) and fits(f"{indent}{prefix}{expr.head}["):
        return expr_lines(expr, indent, prefix=prefix)
    if fits(f"{indent}{prefix}("):
        return by_black(f"{prefix}{flat(expr)}", indent)
    return by_black(f"{name} = {flat(expr)}", indent)


def annotation_lines(indent: str, target: str, expr: Expr) -> list[str]:
    """A bare annotation `target: expr`; black parenthesizes a long one without brackets."""
    line = f"{indent}{target}: {flat(expr)}"
    if fits(line) or isinstance(expr, Sub):
        return expr_lines(expr, indent, prefix=f"{target}: ")
    return by_black(f"{target}: {flat(expr)}", indent)


def call_expr_lines(
    indent: str, head: str, args: list[Expr], suffix: str = ""
) -> list[str]:
    """`head(args)` whose arguments may need splitting themselves."""
    flat_args = [flat(a) for a in args]
    line = f"{indent}{head}({', '.join(flat_args)}){suffix}"
    if fits(line):
        return [line]
    inner = indent + "    "
    body = inner + ", ".join(flat_args)
    if fits(body):
        return [f"{indent}{head}(", body, f"{indent}){suffix}"]
    lines = [f"{indent}{head}("]
    for arg in args:
        lines += expr_lines(arg, inner, suffix=",")
    lines.append(f"{indent}){suffix}")
    return lines


@lru_cache(maxsize=4096)
def _black(source: str, width: int) -> tuple[str, ...]:
    import black

    mode = black.Mode(line_length=width)
    return tuple(black.format_str(source, mode=mode).rstrip("\n").split("\n"))


def by_black(statement: str, indent: str) -> list[str]:
    """The rare statement whose split is not one of the shapes above: ask black itself.

    Only lines that fit none of the simple rules get here (a few per large spec), so
    the cost stays small while the output is exactly black's.
    """
    lines = _black(statement + "\n", LINE_LENGTH - len(indent))
    return [f"{indent}{line}" if line else "" for line in lines]

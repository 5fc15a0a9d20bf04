"""Lines in black's style, produced directly (running black on 30k-line outputs is too slow).

Only the few shapes the templates emit are handled, each the way black splits it:
a line that fits stays flat; otherwise the last bracket opens, its contents go on one
indented line when they fit, else one item per line with a trailing comma; an item
that is still too long is split the same way, recursively.
"""

from __future__ import annotations

import textwrap

from generator.targets.python.types import Expr, Sub, flat

LINE_LENGTH = 88


def fits(line: str) -> bool:
    return len(line) <= LINE_LENGTH


def expr_lines(expr: Expr, indent: str, prefix: str = "", suffix: str = "") -> list[str]:
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


def call_lines(indent: str, head: str, args: list[str], suffix: str = "") -> list[str] | None:
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


def exploded_call(indent: str, head: str, args: list[str], suffix: str = "") -> list[str]:
    """`head(` one argument per line with a magic trailing comma `)`: black keeps it as is."""
    inner = indent + "    "
    return [f"{indent}{head}(", *(f"{inner}{a}," for a in args), f"{indent}){suffix}"]


def docstring_lines(text: str | None, indent: str) -> list[str]:
    """A docstring black leaves alone: normalised whitespace, escaped quotes and backslashes."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(8)
    raw = [line.rstrip() for line in text.split("\n")]
    while raw and not raw[0]:
        raw.pop(0)
    while raw and not raw[-1]:
        raw.pop()
    if not raw:
        return []
    first = raw[0].strip()
    rest = textwrap.dedent("\n".join(raw[1:])).split("\n") if len(raw) > 1 else []
    body = [first, *rest]
    escaped = [_escape(line) for line in body]
    if escaped[0].startswith('"'):
        escaped[0] = " " + escaped[0]
    if escaped[-1].endswith('"'):
        escaped[-1] = escaped[-1] + " "
    if len(escaped) == 1:
        # black keeps a one-line docstring on one line, however long.
        return [f'{indent}"""{escaped[0]}"""']
    out = [f'{indent}"""{escaped[0]}']
    for line in escaped[1:-1]:
        out.append(f"{indent}{line}" if line else "")
    last = escaped[-1]
    closing = f'{indent}{last}"""'
    if fits(closing):
        out.append(closing)
    else:
        out.append(f"{indent}{last}")
        out.append(f'{indent}"""')
    return out


def _escape(line: str) -> str:
    line = line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return "".join(ch if ch.isprintable() or ch == " " else " " for ch in line)

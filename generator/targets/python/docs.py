"""What a Python SDK's README and api.md show: how to create the client, one real call,
and per resource its methods (signature, HTTP method and path, one line) and types."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.encoders.python import py_str
from generator.ir.model import ArrayOf, JsonValue, Nullable, Primitive, TypeRef
from generator.sdkdocs.auth import requirement_note
from generator.sdkdocs.quickstart import Example
from generator.sdkdocs.summaries import one_line, returns, takes
from generator.targets.python.credentials import ClientSecurity
from generator.targets.python.operations import (
    OPTION_PARAMS,
    Method,
    MethodCode,
    OperationWriter,
)
from generator.targets.python.resources import ResourceNode
from generator.targets.python.types import Needs

View = dict[str, object]

_OPEN = re.compile(r"([(\[])\s+")
_CLOSE = re.compile(r",?\s+([)\]])")


def signature(path: str, code: MethodCode) -> str:
    """`client.things.list(*, limit: ... = NOT_GIVEN) -> List[Thing]`: the method's
    (last) `def`, without `self` and the per-call options, on one line."""
    lines = list(code.sync_lines)
    start = max(i for i, line in enumerate(lines) if line.lstrip().startswith("def "))
    end = next(i for i in range(start, len(lines)) if lines[i].rstrip().endswith(":"))
    text = " ".join(line.strip() for line in lines[start : end + 1])
    for option in ("self,", *OPTION_PARAMS):
        text = text.replace(f" {option}", "").replace(f"({option}", "(")
    text = _CLOSE.sub(r"\1", _OPEN.sub(r"\1", text))
    text = text.replace(", *)", ")").replace("(*)", "()").replace("(*, ", "(*, ")
    name = text[len("def ") :].rstrip(":")
    return f"{path}.{name}"


def resource_views(
    nodes: Sequence[ResourceNode],
    writer: OperationWriter,
    class_names: Mapping[str, str],
    security: ClientSecurity | None,
    client: tuple[Sequence[Method], OperationWriter],
) -> list[View]:
    """One view per resource that has methods, in tree order, after the methods of the
    client itself (`client`: them, and their writer)."""
    groups = [("client", client[0], client[1])] + [
        ("client." + ".".join(node.path), node.methods, writer)
        for top in nodes
        for node in top.walk()
    ]
    out: list[View] = []
    for path, group, group_writer in groups:
        if group:
            methods: list[View] = []
            types: set[str] = set()
            for method in group:
                op = method.op
                taken = [class_names[n] for n in takes(op) if n in class_names]
                given = [class_names[n] for n in returns(op) if n in class_names]
                types.update(taken, given)
                code = group_writer.method(method, Needs())
                methods.append(
                    {
                        "signature": signature(path, code),
                        "http": f"{op.method.upper()} {op.path}",
                        "summary": one_line(op),
                        "takes": taken,
                        "returns": given,
                        "sends": requirement_note(
                            security.model if security else None,
                            security.names if security else {},
                            op,
                        ),
                    }
                )
            out.append({"path": path, "methods": methods, "types": sorted(types)})
    return out


def find_method(
    nodes: Sequence[ResourceNode], example: Example
) -> tuple[str, Method] | None:
    """The client path and method of the quick start's operation."""
    for top in nodes:
        for node in top.walk():
            for method in node.methods:
                if method.op is example.operation:
                    return "client." + ".".join(node.path), method
    return None


def example_call(example: Example, method: Method, path: str) -> list[str]:
    """`result = client.things.list()`: the quick start's call, its required arguments
    with the spec's values where it gives them, placeholders otherwise."""
    values = {p.name: v for p, v in example.arguments}
    positional = [a for a in method.args if a.location == "path"]
    keywords = [a for a in method.args if a.location != "path" and a.required]
    args = [
        _literal(values.get(a.wire, _placeholder(a.wire, a.type))) for a in positional
    ]
    args += [
        f"{a.name}={_literal(values.get(a.wire, _placeholder(a.wire, a.type)))}"
        for a in keywords
    ]
    call = f"{path}.{method.name}({', '.join(args)})"
    variable = "page" if example.operation.pagination else "result"
    if len(f"{variable} = {call}") <= 88:
        return [f"{variable} = {call}", f"print({variable})"]
    return [
        f"{variable} = {path}.{method.name}(",
        *(f"    {a}," for a in args),
        ")",
        f"print({variable})",
    ]


def _placeholder(name: str, t: TypeRef) -> JsonValue:
    while isinstance(t, Nullable):
        t = t.inner
    if isinstance(t, Primitive) and t.kind in ("integer", "number"):
        return 1
    if isinstance(t, Primitive) and t.kind == "boolean":
        return True
    if isinstance(t, ArrayOf):
        return []
    return f"<{name}>"


def _literal(value: JsonValue) -> str:
    if isinstance(value, str):
        return py_str(value)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return (
        "{" + ", ".join(f"{py_str(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    )

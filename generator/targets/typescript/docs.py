"""What a TypeScript SDK's README and api.md show: how to create the client, one real
call, and per resource its methods (signature, HTTP method and path, one line) and
types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from generator.encoders.markdown import md_code
from generator.encoders.typescript import ts_literal, ts_str
from generator.flavors.security import SecurityModel
from generator.ir.model import Api, JsonValue
from generator.sdkdocs.auth import (
    auth_notes,
    describe_credential,
    requirement_note,
)
from generator.sdkdocs.quickstart import Example
from generator.sdkdocs.summaries import one_line, returns, takes
from generator.targets.typescript.tree import ResourceNode

View = dict[str, Any]


def _signature(path: str, method: View) -> str:
    if method.get("convention") == "fields":
        params = [f"{p['name']}: {p['type']}" for p in method["positional"]]
        params.append(f"options?: {method['options_type'].removeprefix('Core.')}")
    else:
        params = [
            f"{p['name']}{'?' if p['optional'] else ''}: {p['type']}"
            for p in method["signature"]
        ]
        params.append("options?: RequestOptions")
    return f"{path}.{method['name']}({', '.join(params)}): {method['returns']}"


def resource_views(
    nodes: Sequence[ResourceNode],
    views: dict[str, View],
    type_name: Callable[[str], str],
    model: SecurityModel | None,
    options: list[View],
) -> list[View]:
    """One view per resource that has methods, in tree order; `views`: each resource
    file's view, by file."""
    names = _names(options)
    out: list[View] = []
    for node in nodes:
        ops = node.resource.operations
        if not ops:
            continue
        path = ".".join(("client", *node.accessor))
        methods: list[View] = []
        types: set[str] = set()
        for op, method in zip(ops, views[node.file]["methods"], strict=True):
            taken = [type_name(n) for n in takes(op)]
            given = [type_name(n) for n in returns(op)]
            types.update(taken, given)
            methods.append(
                {
                    "signature": _signature(path, method),
                    "http": f"{op.method.upper()} {op.path}",
                    "summary": one_line(op),
                    "takes": taken,
                    "returns": given,
                    "sends": requirement_note(model, names, op),
                }
            )
        out.append({"path": path, "methods": methods, "types": sorted(types)})
    return out


def example_call(
    example: Example, nodes: Sequence[ResourceNode], views: dict[str, View]
) -> list[str]:
    """`const result = await client.things.list();`: the quick start's call with its
    required arguments, the spec's values where it gives them, placeholders otherwise.
    """
    for node in nodes:
        for op, method in zip(node.resource.operations, views[node.file]["methods"]):
            if op is example.operation:
                call = _call(example, node, method, views[node.file])
                variable = "page" if op.pagination else "result"
                return [
                    f"const {variable} = await {call};",
                    f"console.log({variable});",
                ]
    return []


def _call(example: Example, node: ResourceNode, method: View, file_view: View) -> str:
    values = {p.name: v for p, v in example.arguments if p.location == "path"}
    path_values = list(values.values())
    args: list[str] = []
    if method.get("convention") == "fields":
        for p in method["positional"]:
            value = path_values.pop(0) if path_values else f"<{p['name']}>"
            args.append(_literal(value))
        return (
            f"{'.'.join(('client', *node.accessor, method['name']))}({', '.join(args)})"
        )
    for p in method["signature"]:
        if p["optional"]:
            continue
        params_type = next(
            (t for t in file_view["params_types"] if t["name"] == p["type"]), None
        )
        if params_type is None:
            value = path_values.pop(0) if path_values else f"<{p['name']}>"
            args.append(_literal(value))
        else:
            members = [
                f"{m['key']}: {_literal('<' + str(m['key']) + '>')}"
                for m in params_type.get("members", ())
                if not m["optional"]
            ]
            args.append("{ " + ", ".join(members) + " }" if members else "{}")
    return f"{'.'.join(('client', *node.accessor, method['name']))}({', '.join(args)})"


def _literal(value: JsonValue) -> str:
    return ts_str(value) if isinstance(value, str) else ts_literal(value)


def auth_lines(
    model: SecurityModel | None, options: list[View], fallback: list[str], api: Api
) -> list[str]:
    """How the client authenticates, in Markdown: one line per credential option."""
    if model is None:
        return fallback
    lines = [
        f"`{o['option']}`: "
        + describe_credential(model.credential(o["scheme"]), o["env"], md_code)
        + "."
        for o in options
    ]
    return lines + auth_notes(model, _names(options), api)


def _names(options: list[View]) -> dict[str, tuple[str, ...]]:
    """Scheme → the client options that give it."""
    names: dict[str, tuple[str, ...]] = {}
    for option in options:
        names[option["scheme"]] = (*names.get(option["scheme"], ()), option["option"])
    return names


def setup_lines(
    package: str,
    client: str,
    model: SecurityModel | None,
    options: list[View],
    fallback: list[str],
) -> list[str]:
    lines = [f"import {{ {client} }} from {ts_str(package)};", ""]
    if model is None:
        return lines + fallback
    first = set(model.default[0]) if model.default else set()
    chosen = [o for o in options if o["scheme"] in first]
    if not chosen:
        return lines + [f"const client = new {client}();"]
    return lines + [
        f"const client = new {client}({{",
        *(
            f"  {o['option']}: '...', // or the {o['env']} environment variable"
            for o in chosen
        ),
        "});",
    ]


def flavor_auth_lines(cview: View) -> list[str]:
    """The options of a client whose credentials the flavor fixes (an API key, a
    token credential) and of the service URL's placeholders."""
    lines = [
        f"`{v['option']}`: fills {md_code(v['placeholder'])} in the service URL"
        + (" (required)." if v["default"] is None else ".")
        for v in cview["variables"]
    ]
    if cview["api_key_header"] is not None:
        how = f"sent in the {md_code(cview['api_key_header'])} header"
    else:
        how = "sent as `Authorization: Bearer`"
    if cview["bearer_env"] is not None:
        how += f" (default: the {md_code(cview['bearer_env'])} environment variable)"
    lines.append(f"`apiKey`: {how}.")
    if cview["token_provider"]:
        lines.append(
            "`credential`: a token credential (`getToken(scopes)`) for bearer tokens, "
            "or a key credential (`{ key }`)."
        )
    return lines

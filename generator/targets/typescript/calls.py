"""How each operation is called on a generated TypeScript client, for tests that drive them.

`call_table(api, flavor, client_class)` lists, per operation, the property path from the
client to its resource (`threads.runs`), the method name, and its arguments in
signature order, so a test can call every operation of an SDK without knowing the spec
by heart:

    client.threads.runs.create(threadId, body, query?, options?)

or, in the `fields` convention, `client.runs.create(threadId, assistantId, options?)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.flavors.flavor import Flavor
from generator.ir.model import Api
from generator.targets.typescript.client import client_params
from generator.targets.typescript.naming import build_naming
from generator.targets.typescript.resources import ResourceFile
from generator.targets.typescript.tree import resource_tree


@dataclass(frozen=True)
class OperationCall:
    operation_id: str
    accessor: tuple[str, ...]
    """Properties from the client to the resource object (`("threads", "runs")`)."""
    method: str
    path_params: tuple[str, ...]
    """Wire names of the path parameters, in the order the method takes them."""
    body: bool
    """Takes a `body` argument (after the path parameters)."""
    body_required: bool
    query: bool
    """Takes a params object (query, header and cookie parameters) after the body, if any."""
    kind: str
    """`json`, `void`, `raw` (a fetch Response), `page` (a PagePromise) or `stream`."""
    stream_method: str | None = None
    """The method that sets the streaming flag and returns a `Core.Stream` (`createStream`)."""
    params: tuple[tuple[str, str, str], ...] = ()
    """(location, wire name, member of the params object) of each parameter in it; in the
    `fields` convention, no member for a required parameter (taken positionally)."""
    fields: tuple[tuple[str, str], ...] = ()
    """`fields` convention: (wire name, member of the options object) of each body field,
    no member for a required one (taken positionally, after the path parameters)."""


def call_table(
    api: Api, flavor: Flavor, client_class: str | None = None
) -> tuple[OperationCall, ...]:
    client_class = client_class or flavor.client_name
    naming = build_naming(api, flavor, client_class)
    tree = resource_tree(
        api.resources,
        client_class,
        naming.log,
        api.operations,
        twins=flavor.ts_call_convention == "body",
    )
    skip = client_params(api, flavor)
    out: list[OperationCall] = []
    for node in (tree.client, *tree.nodes):
        rf = ResourceFile(node, naming, flavor, skip)
        view = rf.view()
        for op, method, shape in zip(
            node.resource.operations, view["methods"], rf.shapes, strict=True
        ):
            args = method.get("signature", method.get("positional"))
            body = next((p for p in args if p["name"] == "body"), None)
            out.append(
                OperationCall(
                    operation_id=op.operation_id,
                    accessor=node.accessor,
                    method=method["name"],
                    path_params=shape.path_params,
                    body=body is not None,
                    body_required=body is not None and not body.get("optional"),
                    query=bool(shape.params),
                    kind=method["kind"],
                    stream_method=method.get("stream_name"),
                    params=shape.params,
                    fields=shape.fields,
                )
            )
    return tuple(out)

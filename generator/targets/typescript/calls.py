"""How each operation is called on a generated TypeScript client, for tests that drive them.

`call_table(api, flavor)` lists, per operation, the property path from the client to its
resource (`threads.runs`), the method name, and the arguments in signature order, so a
test can call every operation of an SDK without knowing the spec by heart:

    client.threads.runs.create(threadId, body, query?, options?)
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.flavors.flavor import Flavor
from generator.ir.model import Api
from generator.targets.typescript.client import client_params
from generator.targets.typescript.naming import build_naming
from generator.targets.typescript.resources import ResourceFile, method_identifier, walk


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
    """Takes a `query` argument (after the body, if any)."""
    kind: str
    """`json`, `void`, `raw` (a fetch Response), `page` (a PagePromise) or `stream`."""
    stream_method: str | None = None
    """The method that sets the streaming flag and returns a `Core.Stream` (`createStream`)."""


def call_table(api: Api, flavor: Flavor) -> tuple[OperationCall, ...]:
    naming = build_naming(api, flavor)
    skip = client_params(api, flavor)
    out: list[OperationCall] = []
    for node in walk(api.resources):
        rf = ResourceFile(node, naming, flavor, skip)
        view = rf.view()
        accessor = tuple(method_identifier(name) for name in node.path)
        for op, method in zip(node.resource.operations, view["methods"], strict=True):
            names = [p["name"] for p in method["signature"]]
            path_params = tuple(
                p.name
                for p in sorted(
                    (
                        p
                        for p in op.parameters
                        if p.location == "path"
                        and p.method_level
                        and p.name not in skip
                    ),
                    key=lambda p: op.path.find("{" + p.name + "}"),
                )
            )
            body = next((p for p in method["signature"] if p["name"] == "body"), None)
            out.append(
                OperationCall(
                    operation_id=op.operation_id,
                    accessor=accessor,
                    method=method["name"],
                    path_params=path_params,
                    body=body is not None,
                    body_required=body is not None and not body["optional"],
                    query="query" in names,
                    kind=method["kind"],
                    stream_method=method["stream_name"],
                )
            )
    return tuple(out)

"""Flavors as data: detection from the spec, and the IR rewrites `apply` makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.flavors import AZURE, GENERIC, OPENAI, apply, detect
from generator.ir.model import (
    Api,
    Example,
    LiteralOf,
    Operation,
    Parameter,
    Primitive,
    Resource,
    Server,
)

SPECS = Path(__file__).resolve().parents[2] / ".." / "shared" / "specs"
STR = Primitive("string")


def _op(
    name: str,
    path: str,
    *,
    beta: bool | None = None,
    python: str | None = None,
    params: tuple[Parameter, ...] = (),
) -> Operation:
    meta: dict[str, object] = {"group": "g"}
    if beta is not None:
        meta["beta"] = beta
    examples = (Example("e", (("python", python),)),) if python else ()
    return Operation(
        operation_id=name,
        name=name,
        method="get",
        path=path,
        parameters=params,
        extensions=(("x-oaiMeta", meta),),
        examples=examples,
    )


def _api(resources: tuple[Resource, ...], **kwargs: object) -> Api:
    return Api(
        title="t",
        version="v9",
        spec_format="openapi-3.0.3",
        models=(),
        resources=resources,
        **kwargs,
    )  # type: ignore[arg-type]


def test_detect_azure_from_x_ms_extensions() -> None:
    assert detect(_api((), extensions=(("x-ms-parameterized-host", {}),))) is AZURE
    op = Operation("o", "get", "get", "/x", (), extensions=(("x-ms-pageable", {}),))
    assert detect(_api((Resource("x", (op,)),))) is AZURE


def test_detect_openai_by_its_own_marks_else_generic() -> None:
    assert detect(_api(())) is GENERIC
    assert detect(_api((Resource("files", (_op("list", "/files"),)),))) is OPENAI
    assert detect(_api((), extensions=(("x-oaiMeta", {}),))) is OPENAI
    assert detect(_api((), servers=(Server("https://api.openai.com/v1"),))) is OPENAI
    for elsewhere in ("https://api.stripe.com/", "https://openai.com.example.org/"):
        assert detect(_api((), servers=(Server(elsewhere),))) is GENERIC


def test_openai_renames_operations() -> None:
    res = Resource(
        "files",
        (
            _op("get", "/files/{id}"),
            _op("modify", "/files/{id}"),
            _op("list", "/files"),
        ),
    )
    out = apply(_api((res,)), OPENAI)
    assert [o.name for o in out.resources[0].operations] == [
        "retrieve",
        "update",
        "list",
    ]
    azure = apply(_api((res,)), AZURE)
    # No `Group_` prefix in these operationIds: Azure puts them on the client, unrenamed.
    assert [o.name for o in azure.operations] == ["get", "modify", "list"]


def test_beta_operations_move_under_a_beta_resource() -> None:
    runs = Resource("runs", (_op("list", "/threads/{t}/runs", beta=True),))
    threads = Resource(
        "threads", (_op("create", "/threads", beta=True),), children=(runs,)
    )
    files = Resource("files", (_op("list", "/files"),))
    out = apply(_api((files, threads)), OPENAI)
    assert [r.name for r in out.resources] == ["beta", "files"]
    beta = out.resources[0]
    assert [c.name for c in beta.children] == ["threads"]
    assert beta.children[0].children[0].operations[0].name == "list"


def test_examples_decide_beta_over_the_flag() -> None:
    # Assistants lost the flag in later specs but are still called through `client.beta`;
    # graders carry the flag but their examples call them without it.
    assistants = Resource(
        "assistants",
        (
            _op(
                "create",
                "/assistants",
                python="client.beta.assistants.create(model='m')",
            ),
            _op("list", "/assistants"),
        ),
    )
    graders = Resource(
        "graders",
        (
            _op(
                "run",
                "/graders/run",
                beta=True,
                python="client.fine_tuning.alpha.graders.run()",
            ),
            _op("validate", "/graders/validate", beta=True),
        ),
    )
    out = apply(_api((assistants, graders)), OPENAI)
    names = {r.name: r for r in out.resources}
    assert set(names) == {"beta", "graders"}
    assert [o.name for o in names["beta"].children[0].operations] == ["create", "list"]
    assert [o.name for o in names["graders"].operations] == ["run", "validate"]


def test_azure_api_version_becomes_a_client_parameter() -> None:
    version = Parameter("api-version", "query", STR, True)
    op = _op(
        "get", "/things/{id}", params=(Parameter("id", "path", STR, True), version)
    )
    out = apply(_api((Resource("things", (op,)),)), AZURE)
    assert [p.name for p in out.operations[0].parameters] == ["id"]
    (param,) = out.client_parameters
    assert (
        param.name == "api-version" and param.default == "v9" and not param.method_level
    )
    pinned = Parameter("api-version", "query", LiteralOf("2025-05-01"), True)
    out = apply(
        _api((Resource("things", (_op("get", "/t", params=(pinned,)),)),)), AZURE
    )
    assert out.client_parameters[0].default == "2025-05-01"


def test_apply_is_pure() -> None:
    res = Resource("files", (_op("get", "/files/{id}"),))
    api = _api((res,))
    apply(api, OPENAI)
    assert api.resources[0].operations[0].name == "get"


@pytest.mark.needs("shared-specs")
def test_real_specs_detect_and_group() -> None:
    from generator.ir.build import build
    from generator.load import load

    azure = build(load(str(SPECS / "azure" / "azure-ai-agents-v1.json")))
    assert detect(azure) is AZURE
    azure = apply(azure, AZURE)
    assert azure.client_parameters[0].default == "v1"
    assert all(
        p.name != "api-version" for op in azure.all_operations() for p in op.parameters
    )
    openai = build(load(str(SPECS / "openai" / "openapi-2024-02-23.yaml")))
    assert detect(openai) is OPENAI
    openai = apply(openai, OPENAI)
    beta = next(r for r in openai.resources if r.name == "beta")
    assert {"assistants", "threads"} <= {c.name for c in beta.children}
    threads = next(c for c in beta.children if c.name == "threads")
    runs = next(c for c in threads.children if c.name == "runs")
    assert {"create", "retrieve", "update", "list", "cancel"} <= {
        o.name for o in runs.operations
    }

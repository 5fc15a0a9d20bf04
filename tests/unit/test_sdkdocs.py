"""What the README and api.md of every SDK say, before a target spells it: the quick
start's call, one line per operation, the types an operation takes and returns."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.flavors import GENERIC, apply
from generator.ir.build import build
from generator.ir.model import Api, ArrayOf, Body, Operation, Parameter, Ref, Response
from generator.load import load
from generator.sdkdocs.quickstart import example_call
from generator.sdkdocs.summaries import LINE_LIMIT, one_line, returns, takes

AUTH = Path(__file__).resolve().parents[1] / "fixtures" / "auth"


def test_the_quick_start_calls_the_simplest_real_operation() -> None:
    api = apply(build(load(AUTH / "header_keys.yaml")), GENERIC)
    example = example_call(api)
    assert example is not None
    assert (example.chain, example.operation.name) == (("things",), "list")
    assert example.arguments == ()


def test_required_arguments_get_values_from_the_spec_or_a_placeholder() -> None:
    api = apply(build(load(AUTH / "per_operation.yaml")), GENERIC)
    example = example_call(_only(api, "retrieve"))
    assert example is not None and example.operation.name == "retrieve"
    assert [(p.name, v) for p, v in example.arguments] == [("thing_id", "<thing_id>")]


def _only(api: Api, name: str) -> Api:
    resources = tuple(
        replace(r, operations=tuple(o for o in r.operations if o.name == name))
        for r in api.resources
    )
    return replace(api, resources=resources)


def _op(summary: str | None, description: str | None) -> Operation:
    return Operation(
        "o", "o", "get", "/o", (), summary=summary, description=description
    )


def test_one_line_of_description() -> None:
    assert one_line(_op("List the things.", "Long text.")) == "List the things."
    assert (
        one_line(_op(None, "Returns a list.  More here.\n\nAnd more."))
        == "Returns a list."
    )
    assert one_line(_op(None, "Spans\nlines")) == "Spans lines"
    assert one_line(_op(None, None)) == ""
    long = one_line(_op("x" * 500, None))
    assert len(long) == LINE_LIMIT and long.endswith("…")


def test_types_taken_and_returned() -> None:
    op = Operation(
        "o",
        "create",
        "post",
        "/o",
        (Parameter("order", "query", Ref("Order"), False),),
        bodies=(Body("application/json", Ref("NewThing"), True),),
        success=Response("200", type=ArrayOf(Ref("Thing"))),
        errors=(Response("400", type=Ref("Problem")),),
    )
    assert takes(op) == ["NewThing", "Order"]
    assert returns(op) == ["Thing"]
    assert takes(_op(None, None)) == [] and returns(_op(None, None)) == []

"""The generic flavor's call paths: REST method names from the path's shape and the
HTTP method, the version prefix, and the three `group-by` rules; each on a small spec.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from generator.flavors import GENERIC, apply
from generator.flavors.flavor import GroupBy
from generator.ir.build import build
from generator.ir.model import Api, Resource
from generator.load import load

OK = {"200": {"description": "ok"}}


def _answer(schema: str) -> dict[str, Any]:
    content = {
        "application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}
    }
    return {"200": {"description": "ok", "content": content}}


SCHEMAS = {
    "Thing": {"type": "object", "properties": {"id": {"type": "string"}}},
    "Other": {"type": "object", "properties": {"url": {"type": "string"}}},
    "ThingList": {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
            "has_more": {"type": "boolean"},
        },
    },
}


def _op(
    operation_id: str | None = None, answer: str | None = None, **extra: Any
) -> dict[str, Any]:
    node: dict[str, Any] = {"responses": _answer(answer) if answer else OK, **extra}
    if operation_id:
        node["operationId"] = operation_id
    return node


def _spec(tmp_path: Path, paths: dict[str, Any]) -> Path:
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
    file = tmp_path / "spec.json"
    file.write_text(json.dumps(doc))
    return file


def _calls(
    tmp_path: Path, paths: dict[str, Any], group_by: GroupBy = "auto"
) -> dict[str, str]:
    """`METHOD path` → `resource.sub.method` in the generic flavor."""
    api = apply(
        build(load(_spec(tmp_path, paths))), replace(GENERIC, group_by=group_by)
    )
    return _call_paths(api)


def _call_paths(api: Api) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(res: Resource, chain: tuple[str, ...]) -> None:
        for op in res.operations:
            out[f"{op.method.upper()} {op.path}"] = ".".join(
                (*chain, res.name, op.name)
            )
        for child in res.children:
            walk(child, (*chain, res.name))

    for res in api.resources:
        walk(res, ())
    return out


def test_collections_and_items_take_the_rest_names(tmp_path: Path) -> None:
    calls = _calls(
        tmp_path,
        {
            "/customers": {"get": _op("GetCustomers"), "post": _op("PostCustomers")},
            "/customers/{customer}": {
                "get": _op("GetCustomersCustomer"),
                "post": _op("PostCustomersCustomer"),
                "delete": _op("DeleteCustomersCustomer"),
            },
            "/notes/{note}": {"put": _op(), "patch": _op("patchNote")},
        },
    )
    assert calls["GET /customers"] == "customers.list"
    assert calls["POST /customers"] == "customers.create"
    assert calls["GET /customers/{customer}"] == "customers.retrieve"
    assert calls["POST /customers/{customer}"] == "customers.update"
    assert calls["DELETE /customers/{customer}"] == "customers.delete"
    # Two updates of one item: the first by (path, method) keeps the name, the
    # operationId names the other.
    assert calls["PUT /notes/{note}"] == "notes.update"
    assert calls["PATCH /notes/{note}"] == "notes.patch"


def test_a_post_only_segment_after_an_item_is_an_action(tmp_path: Path) -> None:
    calls = _calls(
        tmp_path,
        {
            "/payment_intents/{intent}": {"get": _op(answer="Thing")},
            "/payment_intents/{intent}/confirm": {"post": _op(answer="Thing")},
            "/payment_intents/{intent}/verify_microdeposits": {
                "post": _op(answer="Thing")
            },
            "/accounts/{account}": {"get": _op(answer="Thing")},
            "/accounts/{account}/login_links": {"post": _op(answer="Other")},
            "/customers/{customer}/discount": {"delete": _op()},
            "/quotes/{quote}/pdf": {"get": _op()},
        },
    )
    assert calls["POST /payment_intents/{intent}/confirm"] == "payment_intents.confirm"
    # A plural segment is an action too when it answers the item itself ...
    assert (
        calls["POST /payment_intents/{intent}/verify_microdeposits"]
        == "payment_intents.verify_microdeposits"
    )
    # ... and a collection of its own when it answers something else.
    assert (
        calls["POST /accounts/{account}/login_links"] == "accounts.login_links.create"
    )
    assert calls["DELETE /customers/{customer}/discount"] == "customers.delete_discount"
    assert calls["GET /quotes/{quote}/pdf"] == "quotes.pdf"


def test_nested_collections_are_sub_resources(tmp_path: Path) -> None:
    calls = _calls(
        tmp_path,
        {
            "/checkout/sessions": {"post": _op()},
            "/checkout/sessions/{session}": {"get": _op()},
            "/checkout/sessions/{session}/line_items": {"get": _op(answer="ThingList")},
            "/customers/{customer}/cash_balance": {
                "get": _op(answer="Thing"),
                "post": _op(),
            },
            "/balance": {"get": _op(answer="Thing")},
        },
    )
    assert calls["POST /checkout/sessions"] == "checkout.sessions.create"
    assert (
        calls["GET /checkout/sessions/{session}/line_items"]
        == "checkout.sessions.line_items.list"
    )
    # Neither a collection nor an item: a singleton.
    assert (
        calls["GET /customers/{customer}/cash_balance"]
        == "customers.cash_balance.retrieve"
    )
    assert (
        calls["POST /customers/{customer}/cash_balance"]
        == "customers.cash_balance.update"
    )
    assert calls["GET /balance"] == "balance.retrieve"


def test_verbs_under_a_collection_and_rpc_paths_are_methods(tmp_path: Path) -> None:
    calls = _calls(
        tmp_path,
        {
            "/charges": {"get": _op(answer="ThingList")},
            "/charges/{charge}": {"get": _op()},
            "/charges/search": {"get": _op(answer="ThingList")},
            "/asset_report/create": {"post": _op()},
            "/asset_report/pdf/get": {"post": _op()},
            "/tax/calculations": {"post": _op()},
        },
    )
    assert calls["GET /charges/search"] == "charges.search"
    assert calls["POST /asset_report/create"] == "asset_report.create"
    assert calls["POST /asset_report/pdf/get"] == "asset_report.pdf.get"
    # A plural noun is a collection, even when it only takes a POST.
    assert calls["POST /tax/calculations"] == "tax.calculations.create"


def test_version_prefix_and_leading_digits(tmp_path: Path) -> None:
    calls = _calls(
        tmp_path,
        {
            "/v1/customers": {"get": _op()},
            "/v2/core/events/{id}": {"get": _op()},
            "/v1/3d_secure/{id}": {"get": _op()},
        },
    )
    assert calls["GET /v1/customers"] == "v1.customers.list"
    assert calls["GET /v2/core/events/{id}"] == "v2.core.events.retrieve"
    assert calls["GET /v1/3d_secure/{id}"] == "v1.three_d_secure.retrieve"


def test_a_date_prefix_common_to_every_path_is_left_out(tmp_path: Path) -> None:
    calls = _calls(
        tmp_path,
        {
            "/2010-04-01/Accounts/{AccountSid}/Messages.json": {"post": _op()},
            "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json": {"get": _op()},
        },
    )
    assert calls["POST /2010-04-01/Accounts/{AccountSid}/Messages.json"] == (
        "accounts.messages.create"
    )
    assert calls["GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"] == (
        "accounts.messages.retrieve"
    )


def test_the_operation_id_names_what_the_rules_cannot(tmp_path: Path) -> None:
    calls = _calls(
        tmp_path,
        {
            "/things/{id}": {"delete": _op("deleteThing"), "head": _op("checkThing")},
            "/things/{id}/delete": {"post": _op("purgeThing")},
            "/widgets/{id}/delete": {"post": _op()},
            "/widgets/{id}": {"delete": _op()},
        },
    )
    assert calls["DELETE /things/{id}"] == "things.delete"
    assert calls["HEAD /things/{id}"] == "things.check"
    assert calls["POST /things/{id}/delete"] == "things.purge"
    # Without an operationId, the fallback id still tells the two apart.
    assert calls["DELETE /widgets/{id}"] == "widgets.delete"
    assert calls["POST /widgets/{id}/delete"] != "widgets.delete"
    assert calls["POST /widgets/{id}/delete"].startswith("widgets.")


GITHUB_LIKE = {
    "/repos/{owner}/{repo}": {
        "get": _op("repos/get", tags=["repos"]),
        "patch": _op("repos/update", tags=["repos"]),
    },
    "/repos/{owner}/{repo}/issues": {"post": _op("issues/create", tags=["issues"])},
    "/repos/{owner}/{repo}/actions/runs/{run_id}/approve": {
        "post": _op("actions/approve-workflow-run", tags=["actions"])
    },
}


def test_group_by_operation_id_and_auto(tmp_path: Path) -> None:
    for group_by in ("operation-id", "auto"):
        calls = _calls(tmp_path, GITHUB_LIKE, group_by)  # type: ignore[arg-type]
        assert calls["GET /repos/{owner}/{repo}"] == "repos.get"
        assert calls["POST /repos/{owner}/{repo}/issues"] == "issues.create"
        assert (
            calls["POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"]
            == "actions.approve_workflow_run"
        )


def test_group_by_path_gives_the_url_tree(tmp_path: Path) -> None:
    calls = _calls(tmp_path, GITHUB_LIKE, "path")
    assert calls["GET /repos/{owner}/{repo}"] == "repos.retrieve"
    assert calls["PATCH /repos/{owner}/{repo}"] == "repos.update"
    assert calls["POST /repos/{owner}/{repo}/issues"] == "repos.issues.create"
    assert (
        calls["POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"]
        == "repos.actions.runs.approve"
    )


def test_group_by_tags(tmp_path: Path) -> None:
    paths = {
        "/pet": {"post": _op("addPet", tags=["pet"])},
        "/pet/findByStatus": {"get": _op("findPetsByStatus", tags=["pet"])},
        "/store/order/{orderId}": {"get": _op("getOrderById", tags=["store"])},
        "/health": {"get": _op("health")},
    }
    calls = _calls(tmp_path, paths, "tags")
    assert calls["POST /pet"] == "pet.add"
    assert calls["GET /pet/findByStatus"] == "pet.find_by_status"
    assert calls["GET /store/order/{orderId}"] == "store.get_order_by_id"
    # No tag: placed by its path.
    assert calls["GET /health"] == "health.retrieve"
    # `auto` sees operationIds without a group, so the URL tree decides.
    assert _calls(tmp_path, paths)["POST /pet"] == "pet.update"


@pytest.mark.parametrize("group_by", ["path", "tags", "operation-id"])
def test_every_operation_is_placed_once_with_a_unique_name(
    tmp_path: Path, group_by: GroupBy
) -> None:
    paths = {**GITHUB_LIKE, "/x/{id}": {"get": _op("x/get"), "post": _op("x/get")}}
    api = apply(
        build(load(_spec(tmp_path, paths))), replace(GENERIC, group_by=group_by)
    )
    assert len(api.all_operations()) == 6

    def unique(res: Resource) -> None:
        names = [op.name for op in res.operations]
        assert len(names) == len(set(names)), names
        for child in res.children:
            unique(child)

    for res in api.resources:
        unique(res)

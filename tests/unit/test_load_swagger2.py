"""Swagger 2.0 is upgraded to the OpenAPI 3 shape, every `x-ms-*` extension carried along."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from generator.load import Document, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "load"


@pytest.fixture(scope="module")
def doc() -> Document:
    return load(FIXTURES / "swagger" / "agents.json")


def _op(doc: Document, path: str, method: str) -> Any:
    return doc.root["paths"][path][method]


def test_top_level_is_openapi_3(doc: Document) -> None:
    assert doc.spec_format == "swagger-2.0"
    root = doc.root
    assert root["openapi"] == "3.0.3"
    for gone in (
        "swagger",
        "definitions",
        "parameters",
        "responses",
        "securityDefinitions",
        "host",
        "basePath",
        "schemes",
        "produces",
        "consumes",
    ):
        assert gone not in root
    assert set(root["components"]) == {
        "schemas",
        "parameters",
        "requestBodies",
        "responses",
        "securitySchemes",
    }


def test_parameterized_host_becomes_a_server_with_an_endpoint_variable(
    doc: Document,
) -> None:
    (server,) = doc.root["servers"]
    assert server["url"] == "{endpoint}/agents"
    endpoint = server["variables"]["endpoint"]
    assert endpoint["description"] == "Project endpoint."
    assert endpoint["x-ms-skip-url-encoding"] is True
    assert endpoint["x-format"] == "uri"
    # The extension itself is carried along unchanged.
    assert doc.root["x-ms-parameterized-host"]["hostTemplate"] == "{endpoint}"


def test_host_and_base_path_become_a_server() -> None:
    doc = load(FIXTURES / "swagger_multi" / "service.json")
    assert doc.root["servers"] == [{"url": "https://api.example.com/v1"}]


def test_definitions_move_to_components_and_refs_follow(doc: Document) -> None:
    schemas = doc.root["components"]["schemas"]
    assert set(schemas) == {
        "CreateRun",
        "Run",
        "ToolDefinition",
        "CodeInterpreterToolDefinition",
        "Error",
    }
    assert schemas["Run"]["properties"]["tool"] == {
        "$ref": "#/components/schemas/ToolDefinition"
    }
    resolved = doc.resolve(schemas["Run"]["properties"]["tool"]["$ref"], doc.entry)
    assert resolved.name == "ToolDefinition"


def test_x_nullable_becomes_nullable_also_beside_a_ref(doc: Document) -> None:
    properties = doc.root["components"]["schemas"]["Run"]["properties"]
    assert properties["last_error"] == {
        "$ref": "#/components/schemas/Error",
        "nullable": True,
    }
    create = doc.root["components"]["schemas"]["CreateRun"]["properties"]
    assert create["instructions"] == {"type": "string", "nullable": True}


def test_schema_extensions_and_formats_are_carried(doc: Document) -> None:
    schemas = doc.root["components"]["schemas"]
    run = schemas["Run"]["properties"]
    assert run["status"]["x-ms-enum"] == {"name": "RunStatus", "modelAsString": True}
    assert run["created_at"] == {"type": "integer", "format": "unixtime"}
    assert run["id"]["readOnly"] is True
    assert (
        schemas["CreateRun"]["properties"]["assistant_id"]["x-ms-client-name"]
        == "assistantId"
    )
    assert (
        schemas["CodeInterpreterToolDefinition"]["x-ms-discriminator-value"]
        == "code_interpreter"
    )
    assert schemas["ToolDefinition"]["discriminator"] == {"propertyName": "type"}


def test_in_body_becomes_a_request_body(doc: Document) -> None:
    body = _op(doc, "/threads/{threadId}/runs", "post")["requestBody"]
    assert body == {
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/CreateRun"}}
        },
        "x-ms-requestBody-name": "body",
        "description": "The run to create.",
        "required": True,
        "x-ms-client-name": "createRunOptions",
    }


def test_a_shared_body_parameter_becomes_a_shared_request_body(doc: Document) -> None:
    operation = _op(doc, "/threads/{threadId}/runs", "put")
    assert operation["parameters"] == []
    assert operation["requestBody"] == {"$ref": "#/components/requestBodies/RunBody"}
    body = doc.resolve(operation["requestBody"]["$ref"], doc.entry).node
    assert body["x-ms-requestBody-name"] == "run"
    assert body["x-ms-parameter-location"] == "method"
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Run"
    }


def test_non_body_parameters_get_a_schema_and_keep_their_extensions(
    doc: Document,
) -> None:
    api_version = doc.root["components"]["parameters"]["ApiVersion"]
    assert api_version == {
        "name": "api-version",
        "in": "query",
        "required": True,
        "x-ms-parameter-location": "client",
        "x-ms-client-name": "apiVersion",
        "schema": {"type": "string"},
    }
    path_level = doc.root["paths"]["/threads/{threadId}/runs"]["parameters"]
    assert path_level == [
        {
            "name": "threadId",
            "in": "path",
            "required": True,
            "x-ms-client-name": "thread_id",
            "schema": {"type": "string"},
        }
    ]


def test_collection_formats_become_styles(doc: Document) -> None:
    params = {
        p.get("name"): p
        for p in _op(doc, "/threads/{threadId}/runs", "post")["parameters"]
    }
    assert (
        params["include[]"]["style"] == "form"
        and params["include[]"]["explode"] is False
    )
    assert params["tags"]["style"] == "form" and params["tags"]["explode"] is True
    assert params["tags"]["schema"] == {"type": "array", "items": {"type": "string"}}
    assert _op(doc, "/threads/{threadId}/runs", "post")["parameters"][0] == {
        "$ref": "#/components/parameters/ApiVersion"
    }


def test_form_data_with_multipart_consumes(doc: Document) -> None:
    body = _op(doc, "/files", "post")["requestBody"]
    assert list(body["content"]) == ["multipart/form-data"]
    schema = body["content"]["multipart/form-data"]["schema"]
    assert schema["required"] == ["file", "purpose"]
    assert schema["properties"]["file"] == {
        "type": "string",
        "format": "binary",
        "description": "The file.",
    }
    assert schema["properties"]["purpose"]["x-ms-enum"]["name"] == "FilePurpose"
    assert schema["properties"]["filename"]["x-ms-client-name"] == "fileName"
    assert body["required"] is True


def test_form_data_with_urlencoded_consumes(doc: Document) -> None:
    body = _op(doc, "/tokens", "post")["requestBody"]
    assert list(body["content"]) == ["application/x-www-form-urlencoded"]
    assert body["content"]["application/x-www-form-urlencoded"]["schema"][
        "properties"
    ] == {"grant_type": {"type": "string"}}


def test_responses_get_content_per_produced_type_and_header_schemas(
    doc: Document,
) -> None:
    created = _op(doc, "/threads/{threadId}/runs", "post")["responses"]
    assert created["200"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Run"}}
    }
    assert created["200"]["headers"]["x-request-id"] == {
        "description": "Request id.",
        "schema": {"type": "string"},
    }
    assert created["default"] == {"$ref": "#/components/responses/Error"}
    listed = _op(doc, "/threads/{threadId}/runs", "get")["responses"]["200"]["content"]
    assert list(listed) == ["application/json", "text/event-stream"]
    replaced = _op(doc, "/threads/{threadId}/runs", "put")["responses"]["204"]
    assert replaced == {"description": "Replaced."}


def test_security_definitions_become_security_schemes(doc: Document) -> None:
    schemes = doc.root["components"]["securitySchemes"]
    assert schemes["OAuth2Auth"] == {
        "type": "oauth2",
        "flows": {
            "implicit": {
                "authorizationUrl": "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                "scopes": {"https://ai.azure.com/.default": ""},
            }
        },
    }
    assert schemes["ApiKeyAuth"] == {
        "type": "apiKey",
        "name": "api-key",
        "in": "header",
    }
    assert schemes["Basic"] == {"type": "http", "scheme": "basic"}
    assert doc.root["security"] == [{"OAuth2Auth": ["https://ai.azure.com/.default"]}]


def test_operation_extensions_are_carried(doc: Document) -> None:
    operation = _op(doc, "/threads/{threadId}/runs", "post")
    assert operation["x-ms-long-running-operation"] is False
    assert operation["x-ms-examples"]["present"] == {
        "$ref": "./examples/Runs_CreateRun.json"
    }


def test_example_refs_are_checked_not_loaded(doc: Document) -> None:
    (warning,) = [w for w in doc.warnings if w.code == "missing-extension-ref"]
    assert "Runs_CreateRun_Missing.json" in warning.message
    assert (
        warning.pointer
        == "/paths/~1threads~1{threadId}~1runs/post/x-ms-examples/absent/$ref"
    )
    assert warning.line == 48
    assert all("examples" not in file for file in doc.files)
    # A caller that wants the example payload can still resolve it.
    example = doc.resolve("./examples/Runs_CreateRun.json", doc.entry)
    assert example.node["parameters"] == {"threadId": "thread_1"}


def test_every_file_reached_is_upgraded() -> None:
    doc = load(FIXTURES / "swagger_multi" / "service.json")
    folder = os.path.normpath(FIXTURES / "swagger_multi")
    common = os.path.join(folder, "common", "types.json")
    assert set(doc.files) == {
        str(FIXTURES / "swagger_multi" / "service.json"),
        common,
        os.path.join(folder, "paths", "files.json"),
    }
    types = doc.files[common]
    assert "definitions" not in types
    assert types["components"]["schemas"]["Error"]["properties"]["code"] == {
        "type": "string",
        "nullable": True,
    }
    assert types["components"]["parameters"]["ApiVersion"]["schema"] == {
        "type": "string"
    }
    get = doc.root["paths"]["/runs"]["get"]
    assert get["parameters"] == [
        {"$ref": "./common/types.json#/components/parameters/ApiVersion"}
    ]
    error = get["responses"]["default"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "./common/types.json#/components/schemas/Error"}
    assert doc.resolve(error["$ref"], doc.entry).file == common
    post = doc.root["paths"]["/runs"]["post"]
    assert post["requestBody"] == {
        "$ref": "./common/types.json#/components/requestBodies/RunBody"
    }
    body = doc.resolve(post["requestBody"]["$ref"], doc.entry)
    run_ref = body.node["content"]["application/json"]["schema"]["$ref"]
    assert run_ref == "../service.json#/components/schemas/Run"
    assert doc.resolve(run_ref, body.file).file == doc.entry


def test_a_path_item_in_another_file_is_upgraded_where_it_lives() -> None:
    doc = load(FIXTURES / "swagger_multi" / "service.json")
    item = doc.resolve(doc.root["paths"]["/files"]["$ref"], doc.entry)
    upload = item.node["post"]
    assert "consumes" not in upload
    assert upload["parameters"] == [
        {"$ref": "../common/types.json#/components/parameters/ApiVersion"}
    ]
    assert (
        doc.resolve(upload["parameters"][0]["$ref"], item.file).node["name"]
        == "api-version"
    )
    schema = upload["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert schema == {
        "type": "object",
        "properties": {"file": {"type": "string", "format": "binary"}},
        "required": ["file"],
    }
    error = upload["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert doc.resolve(error, item.file).name == "Error"

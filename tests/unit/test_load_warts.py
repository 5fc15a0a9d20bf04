"""Real-world warts are read with one located warning each, and the SDK still generates.

Each fixture under tests/fixtures/warts/ holds one kind of wart. For each, the
warnings (code, pointer, line) are exactly the expected ones, the IR reads the spec
the way the warning says, and `sdkforge generate` writes an SDK for both targets.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import cli
from generator.ir.build import build
from generator.ir.model import (
    AliasModel,
    Api,
    ArrayOf,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    UnionModel,
    UnionOf,
)
from generator.load import load

REPO = Path(__file__).resolve().parents[2]
WARTS = Path("tests/fixtures/warts")

EXPECTED: dict[str, set[tuple[str, str | None, int]]] = {
    "boolean_schemas.yaml": {
        ("boolean-schema", "/components/schemas/Thing/allOf/1", 22),
        ("boolean-schema", "/components/schemas/Thing/allOf/2/properties/removed", 27),
        (
            "boolean-schema",
            "/components/schemas/Thing/allOf/2/properties/additionalProperties",
            28,
        ),
        (
            "boolean-schema",
            "/components/schemas/Thing/allOf/2/properties/tags/items",
            29,
        ),
        ("boolean-schema", "/components/schemas/Choice/oneOf/0", 32),
        ("boolean-schema", "/components/schemas/Never", 35),
    },
    "boolean_schemas_30.yaml": {
        (
            "boolean-schema",
            "/paths/~1things/post/requestBody/content/application~1json/schema",
            10,
        ),
        ("boolean-schema", "/components/schemas/Thing/properties/payload", 18),
    },
    "tuple_items.yaml": {
        ("tuple-items", "/components/schemas/Point/properties/coordinates/items", 20),
        ("tuple-items", "/components/schemas/Point/properties/single/items", 25),
    },
    "null_keywords.yaml": {
        ("null-value", "/info", 2),
        ("null-value", "/paths", 3),
        ("null-value", "/components/schemas/Pet/required", 8),
        ("null-value", "/components/schemas/Pet/properties/extra/type", 11),
    },
    "required_not_strings.yaml": {
        ("required-not-string", "/components/schemas/Pet/required", 8),
    },
    "no_version.yaml": {("no-version", "", 1)},
    "openapi_32.yaml": {("openapi-3.2", "/openapi", 1)},
    "nameless_parameter.yaml": {
        ("nameless-parameter", "/paths/~1pets/get/parameters/0", 8)
    },
    "nameless_parameter_swagger.json": {
        ("nameless-parameter", "/parameters/Shared", 14)
    },
    "required_boolean.yaml": {
        ("required-boolean", "/components/schemas/Pet/properties/name/required", 23),
        ("required-boolean", "/components/schemas/Pet/properties/tag/required", 24),
        (
            "required-boolean",
            "/paths/~1pets/put/requestBody/content/image~1jpeg/schema/required",
            13,
        ),
    },
    "null_entries.yaml": {
        ("null-value", "/components/parameters/Unused", 18),
        ("null-value", "/components/schemas/Pet/properties/kind/type", 25),
        ("null-value", "/components/schemas/Pet/properties/extra", 26),
        ("null-value", "/components/schemas/Anything", 27),
    },
    "querystring_parameter.yaml": {
        ("querystring-parameter", "/paths/~1events/get/parameters/0/in", 8)
    },
    "yaml_merge_keys.yaml": {("yaml-1.1", None, 20)},
    "properties_ref/openapi.yaml": {
        ("properties-ref", "/components/schemas/Droplet/properties", 17),
        ("properties-ref", "/components/schemas/Local/properties", 21),
    },
}


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def _api(name: str) -> Api:
    return build(load(WARTS / name))


def _model(api: Api, name: str) -> ObjectModel:
    model = next(m for m in api.models if m.name == name)
    assert isinstance(model, ObjectModel), model
    return model


READ_WITHOUT_WARNINGS = (
    "anchors.yaml",
    "split/openapi.yaml",
    "swagger_response_examples.json",
)
"""Shapes that are not OpenAPI 3.0 text but mean one thing: read silently."""


@pytest.mark.parametrize("fixture", READ_WITHOUT_WARNINGS)
def test_some_shapes_need_no_warning(fixture: str) -> None:
    assert load(WARTS / fixture).warnings == ()


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_each_wart_is_one_located_warning(fixture: str) -> None:
    warnings = load(WARTS / fixture).warnings
    found = {(w.code, w.pointer, w.line) for w in warnings}
    assert found == EXPECTED[fixture], [w.render() for w in warnings]
    assert all(w.file == str(WARTS / fixture) for w in warnings)
    assert all(w.severity == "warning" for w in warnings)


@pytest.mark.parametrize("target", ["python", "typescript"])
@pytest.mark.parametrize("fixture", sorted(EXPECTED) + list(READ_WITHOUT_WARNINGS))
def test_a_spec_with_warts_generates(fixture: str, target: str, tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = _generate(WARTS / fixture, target, out)
    assert result.exit_code == 0, result.stderr
    codes = {code for code, _, _ in EXPECTED.get(fixture, ())}
    assert all(f"warning[{code}]" in result.stderr for code in codes), result.stderr
    if target == "python":
        sys.path.insert(0, str(out))
        try:
            importlib.import_module("warts_sdk")
        finally:
            sys.path.remove(str(out))
            for module in [m for m in sys.modules if m.startswith("warts_sdk")]:
                del sys.modules[module]
    else:
        assert (out / "src" / "index.ts").is_file()


def _generate(spec: Path, target: str, out: Path, *flags: str) -> Result:
    result = CliRunner().invoke(
        cli,
        [
            "generate",
            str(spec),
            "--target",
            target,
            "--output",
            str(out),
            "--package-name",
            "warts_sdk" if target == "python" else "warts-sdk",
            "--formatter",
            "none",
            "--no-cache",
            *flags,
        ],
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


# ---------------------------------------------------------------------- how each is read


def test_boolean_schemas_are_read_as_the_warnings_say() -> None:
    api = _api("boolean_schemas.yaml")
    thing = _model(api, "Thing")
    fields = {f.name: f for f in thing.fields}
    assert set(fields) == {"id", "name", "anything", "tags"}
    assert fields["anything"].type == Primitive("any")
    assert fields["tags"].type == ArrayOf(Primitive("any"))
    choice = next(m for m in api.models if m.name == "Choice")
    assert isinstance(choice, UnionModel)
    assert choice.variants == (Primitive("string"), Primitive("integer"))
    never = next(m for m in api.models if m.name == "Never")
    assert isinstance(never, AliasModel) and never.target == Primitive("any")


def test_tuple_items_are_an_array_of_any_of_them() -> None:
    point = _model(_api("tuple_items.yaml"), "Point")
    fields = {f.name: f.type for f in point.fields}
    assert fields["coordinates"] == ArrayOf(
        UnionOf((Primitive("number"), Primitive("string")))
    )
    assert fields["single"] == ArrayOf(Primitive("integer"))


def test_null_keywords_are_absent_ones() -> None:
    api = _api("null_keywords.yaml")
    assert (api.title, api.version) == ("", "")
    assert api.all_operations() == ()
    pet = _model(api, "Pet")
    fields = {f.name: f for f in pet.fields}
    assert not any(f.required for f in pet.fields)
    assert fields["extra"].type == Primitive("any")
    assert fields["extra"].description == "anything"


def test_required_entries_that_are_not_strings_are_ignored() -> None:
    pet = _model(_api("required_not_strings.yaml"), "Pet")
    assert {f.name: f.required for f in pet.fields} == {"name": True, "age": False}


def test_a_document_without_version_is_read_as_30() -> None:
    api = _api("no_version.yaml")
    assert api.spec_format == "openapi-3.0.0"
    assert [op.name for op in api.all_operations()] == ["list"]


def test_openapi_32_is_read_as_31() -> None:
    api = _api("openapi_32.yaml")
    assert api.spec_format == "openapi-3.2.0"
    (op,) = api.all_operations()
    assert op.success is not None
    assert op.success.type == Nullable(Primitive("string"))


@pytest.mark.parametrize(
    "fixture", ["nameless_parameter.yaml", "nameless_parameter_swagger.json"]
)
def test_a_parameter_without_a_name_is_skipped(fixture: str) -> None:
    (op,) = _api(fixture).all_operations()
    assert [p.name for p in op.parameters] == ["limit"]


def test_a_ref_standing_for_a_properties_map_is_read_in_place() -> None:
    api = _api("properties_ref/openapi.yaml")
    droplet = {f.name: f for f in _model(api, "Droplet").fields}
    assert list(droplet) == ["id", "region", "image"]
    assert droplet["id"].description == "The droplet's id."
    # Refs inside the other file still mean what they meant there.
    assert droplet["region"].type == Ref("Region")
    assert droplet["image"].type == Ref("Image")
    assert [f.name for f in _model(api, "Region").fields] == ["slug"]
    assert [f.name for f in _model(api, "Image").fields] == ["slug"]
    local = {f.name: f.type for f in _model(api, "Local").fields}
    assert local == {"size": Primitive("integer"), "own": Primitive("boolean")}


def test_required_true_on_a_property_lists_it_in_required() -> None:
    api = _api("required_boolean.yaml")
    pet = _model(api, "Pet")
    assert {f.name: f.required for f in pet.fields} == {
        "id": True,
        "name": True,
        "tag": False,
    }
    (op,) = api.all_operations()
    # The boolean `required` of parameters and request bodies is theirs, and kept.
    assert [(p.name, p.required) for p in op.parameters] == [("q", True)]
    assert [b.required for b in op.bodies] == [True]


def test_null_entries_are_any_schemas_or_left_out() -> None:
    api = _api("null_entries.yaml")
    pet = {f.name: f.type for f in _model(api, "Pet").fields}
    assert pet == {
        "name": Primitive("string"),
        "kind": Nullable(Primitive("string")),
        "extra": Primitive("any"),
    }
    anything = next(m for m in api.models if m.name == "Anything")
    assert isinstance(anything, AliasModel) and anything.target == Primitive("any")
    (op,) = api.all_operations()
    assert [p.name for p in op.parameters] == ["limit"]


def test_a_querystring_parameter_is_left_out() -> None:
    (op,) = _api("querystring_parameter.yaml").all_operations()
    assert [p.name for p in op.parameters] == ["limit"]


def test_yaml_merge_keys_are_merged() -> None:
    by_path = {op.path: op for op in _api("yaml_merge_keys.yaml").all_operations()}
    pets, owners = by_path["/pets"], by_path["/owners"]
    assert [(r.status, r.description) for r in pets.errors] == [
        ("404", "not found"),
        ("500", "server error"),
    ]
    assert [p.name for p in pets.parameters] == ["limit"]
    # The mapping's own keys win over merged ones.
    assert [(r.status, r.description) for r in owners.errors] == [
        ("404", "not found"),
        ("500", "owner trouble"),
    ]


def test_swagger_response_examples_are_data() -> None:
    (op,) = _api("swagger_response_examples.json").all_operations()
    assert op.success is not None and op.success.type == ArrayOf(Ref("Feature"))


def test_a_ref_may_name_an_anchor() -> None:
    api = _api("anchors.yaml")
    user = {f.name: f.type for f in _model(api, "User").fields}
    assert user["profile"] == Ref("Profile")
    assert [f.name for f in _model(api, "Profile").fields] == ["bio"]


def test_operations_and_parameter_maps_in_files_of_their_own() -> None:
    (op,) = _api("split/openapi.yaml").all_operations()
    assert op.summary == "List images"
    assert [(p.name, p.location) for p in op.parameters] == [
        ("per_page", "query"),
        ("type", "query"),
    ]
    assert op.success is not None and op.success.type == ArrayOf(Ref("Image"))

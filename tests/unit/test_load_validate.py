"""Warts real specs have are accepted, each reported where something is read loosely."""

from __future__ import annotations

from pathlib import Path

from generator.load import load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "load"


def _codes(path: Path) -> dict[str, list[str | None]]:
    found: dict[str, list[str | None]] = {}
    for warning in load(path).warnings:
        found.setdefault(warning.code, []).append(warning.pointer)
    return found


def test_openapi_30_warts_load_with_warnings() -> None:
    doc = load(FIXTURES / "warts30.yaml")
    run = doc.root["components"]["schemas"]["Run"]["properties"]
    # Accepted as written: nullable beside a ref, enum with null, single-ref allOf, 3.1 type list.
    assert run["last_error"] == {"$ref": "#/components/schemas/Error", "nullable": True}
    assert run["order"]["enum"] == ["asc", "desc", None]
    assert run["error"] == {"allOf": [{"$ref": "#/components/schemas/Error"}]}
    assert run["note"]["type"] == ["string", "null"]
    # An operationId that is not an identifier is kept as written.
    assert doc.root["paths"]["/runs"]["post"]["operationId"] == "runs.create-v2"
    by_code = {w.code: w for w in doc.warnings}
    assert set(by_code) == {
        "unknown-required",
        "type-list-in-3.0",
        "empty-path-item",
        "missing-extension-ref",
    }
    assert "'thread_id'" in by_code["unknown-required"].message
    assert (
        by_code["unknown-required"].pointer
        == "/components/schemas/CreateRunRequest/required"
    )
    assert by_code["unknown-required"].line == 22
    assert (
        by_code["type-list-in-3.0"].pointer
        == "/components/schemas/Run/properties/note/type"
    )
    assert by_code["empty-path-item"].pointer == "/paths/~1nothing-here"
    assert "'/nothing-here' has no operations" in by_code["empty-path-item"].message
    assert by_code["missing-extension-ref"].pointer == "/x-ms-examples/missing/$ref"


def test_nullable_in_a_31_document_is_one_warning_with_a_count() -> None:
    doc = load(FIXTURES / "warts31.yaml")
    (warning,) = doc.warnings
    assert warning.code == "nullable-in-3.1"
    assert "in 2 places" in warning.message
    assert warning.pointer == "/components/schemas/Run/properties/a"
    assert (
        doc.root["components"]["schemas"]["Run"]["properties"]["b"]["nullable"] is True
    )


def test_clean_documents_have_no_warnings() -> None:
    for name in ("v30.yaml", "v31.yaml", "refs.yaml", "real.json", "bom.yaml"):
        assert load(FIXTURES / name).warnings == (), name


def test_a_missing_required_field_is_a_warning_not_an_error(tmp_path: Path) -> None:
    spec = tmp_path / "no-description.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200': {content: {}}\n"
    )
    (warning,) = load(spec).warnings
    assert warning.code == "missing-field"
    assert "`description` is required" in warning.message
    assert warning.pointer == "/paths/~1a/get/responses/200"
    assert warning.line == 7


def test_refs_inside_extensions_are_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "present.json").write_text('{"value": 1}')
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "x-samples:\n"
        "  here: {$ref: './present.json'}\n"
        "  gone: {$ref: './absent.json'}\n"
        "  remote: {$ref: 'https://example.com/x.json'}\n"
        "  nowhere: {$ref: '#/components/schemas/Nope'}\n"
    )
    doc = load(spec)
    by_pointer = {w.pointer: w for w in doc.warnings}
    assert set(by_pointer) == {
        "/x-samples/gone/$ref",
        "/x-samples/remote/$ref",
        "/x-samples/nowhere/$ref",
    }
    assert by_pointer["/x-samples/gone/$ref"].code == "missing-extension-ref"
    assert by_pointer["/x-samples/remote/$ref"].code == "remote-extension-ref"
    assert by_pointer["/x-samples/nowhere/$ref"].code == "dangling-extension-ref"
    assert by_pointer["/x-samples/nowhere/$ref"].line == 8
    assert list(doc.files) == [str(spec)]

"""Reading: JSON that is YAML, byte-order marks, redefined anchors, duplicate keys, versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.load import load
from generator.load.read import decode, parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "load"


def test_a_json_file_that_is_really_yaml_loads() -> None:
    doc = load(FIXTURES / "json_is_yaml.json")
    assert doc.root["info"]["title"] == "JSON that is YAML"
    # YAML reads an unquoted `200:` as a number; keys are always strings after loading.
    assert list(doc.root["paths"]["/runs"]["get"]["responses"]) == ["200"]
    assert doc.warnings == ()


def test_plain_json_loads() -> None:
    doc = load(FIXTURES / "real.json")
    assert doc.spec_format == "openapi-3.0.3"
    assert doc.root["paths"] == {}


def test_a_utf8_byte_order_mark_is_skipped() -> None:
    assert (FIXTURES / "bom.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    doc = load(FIXTURES / "bom.yaml")
    assert doc.spec_format == "openapi-3.1.0"
    assert doc.root["info"]["title"] == "Café with a byte-order mark"


def test_a_utf16_byte_order_mark_is_honoured(tmp_path: Path) -> None:
    spec = tmp_path / "utf16.json"
    spec.write_bytes(
        b"\xff\xfe"
        + '{"openapi": "3.0.3", "info": {"title": "Wide", "version": "1"}, "paths": {}}'.encode(
            "utf-16-le"
        )
    )
    assert load(spec).root["info"]["title"] == "Wide"


def test_an_anchor_defined_again_takes_the_later_definition() -> None:
    schemas = load(FIXTURES / "anchors_redefined.yaml").root["components"]["schemas"]
    assert schemas["First"]["properties"]["copy"] == {
        "type": "string",
        "description": "first",
    }
    assert schemas["Second"]["properties"]["copy"] == {
        "type": "integer",
        "description": "second",
    }


def test_a_duplicate_key_keeps_the_later_value_and_warns_where() -> None:
    doc = load(FIXTURES / "duplicate_keys.yaml")
    assert doc.root["components"]["schemas"]["Run"]["description"] == "second"
    (warning,) = [w for w in doc.warnings if w.code == "duplicate-key"]
    assert "'description' appears twice" in warning.message
    assert (warning.line, warning.column) == (9, 7)
    assert warning.pointer == "/components/schemas/Run"


@pytest.mark.parametrize(
    ("fixture", "spec_format"),
    [
        ("v30.yaml", "openapi-3.0.0"),
        ("v31.yaml", "openapi-3.1.0"),
        ("swagger/agents.json", "swagger-2.0"),
    ],
)
def test_each_version_is_recognised(fixture: str, spec_format: str) -> None:
    doc = load(FIXTURES / fixture)
    assert doc.spec_format == spec_format
    assert doc.root["openapi"].startswith("3.")


def test_an_unquoted_short_version_is_read_as_text(tmp_path: Path) -> None:
    spec = tmp_path / "short.yaml"
    spec.write_text('openapi: 3.1\ninfo: {title: t, version: "1"}\npaths: {}\n')
    assert load(spec).spec_format == "openapi-3.1.0"


def test_yaml_dates_stay_text() -> None:
    tree = parse_text("a: 2024-01-01\n", "x.yaml").tree
    assert tree == {"a": "2024-01-01"}


def test_decode_refuses_nul_bytes_with_their_place() -> None:
    with pytest.raises(SpecError) as raised:
        decode(b"openapi: 3.0.0\nx: \x00\n", "x.yaml")
    assert (raised.value.diagnostic.line, raised.value.diagnostic.column) == (2, 4)
    assert raised.value.diagnostic.code == "binary"


def test_a_missing_entry_file_is_a_spec_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as raised:
        load(tmp_path / "nope.yaml")
    assert "file not found" in raised.value.diagnostic.message


def test_a_folder_is_not_a_spec(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as raised:
        load(tmp_path)
    assert "found a folder" in raised.value.diagnostic.message

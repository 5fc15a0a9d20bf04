"""Positions are found from the text only when asked, for YAML and JSON alike."""

from __future__ import annotations

from pathlib import Path

from generator.load import load
from generator.load.locate import (
    find_duplicate_keys,
    join_pointer,
    locate,
    position_map,
    split_pointer,
)
from generator.load.scan import scan

YAML = """\
openapi: 3.0.3
paths:
  /runs/{id}:
    get:
      responses:
        "200": {description: ok}
components:
  schemas:
    a/b: &x {type: string}
    c: *x
    c~d: &x {type: integer}
"""

JSON = '{\n  "paths": {\n    "/runs": {"get": {"responses": {}}}\n  },\n  "list": [1, {"k": 2}]\n}\n'


def test_pointers_split_and_join_with_escapes() -> None:
    assert split_pointer("#/components/schemas/a~1b/c~0d") == (
        "components",
        "schemas",
        "a/b",
        "c~d",
    )
    assert join_pointer(("a/b", "c~d")) == "/a~1b/c~0d"
    assert split_pointer("") == ()


def test_locate_in_yaml_value_and_key() -> None:
    assert locate(YAML, "/paths/~1runs~1{id}/get/responses/200") == (6, 16)
    assert locate(YAML, "/paths/~1runs~1{id}/get/responses/200", key=True) == (6, 9)
    assert locate(YAML, "/components/schemas/a~1b") == (9, 10)
    assert locate(YAML, "/components/schemas/c~0d") == (11, 10)


def test_locate_falls_back_to_the_nearest_node() -> None:
    assert locate(YAML, "/components/schemas/Missing/properties") == locate(
        YAML, "/components/schemas"
    )


def test_locate_in_json_including_lists() -> None:
    assert locate(JSON, "/paths/~1runs/get") == (3, 22)
    assert locate(JSON, "/list/1/k") == (5, 21)


def test_position_map_tolerates_a_redefined_anchor() -> None:
    positions = position_map(YAML)
    assert positions["/components/schemas/c~0d"] == (11, 5)
    assert positions["/components/schemas/c"] == (10, 5)


def test_duplicate_keys_are_found_with_their_place() -> None:
    text = "a: 1\nb:\n  x: 1\n  x: 2\n"
    assert find_duplicate_keys(text) == [("x", "/b", 4, 3)]


def test_scan_reads_refs_but_not_inside_examples_and_defaults() -> None:
    tree = {
        "example": {"$ref": "not a ref"},
        "properties": {"example": {"$ref": "#/a"}, "default": {"$ref": "#/b"}},
        "x-ms-examples": {"e": {"$ref": "./e.json"}},
        "responses": {"default": {"$ref": "#/c"}},
        200: {"$ref": "#/d"},
    }
    scanned = scan(tree, "f.yaml")
    found = {(site.pointer, site.ref, site.in_extension) for site in scanned.refs}
    assert found == {
        ("/properties/example", "#/a", False),
        ("/properties/default", "#/b", False),
        ("/x-ms-examples/e", "./e.json", True),
        ("/responses/default", "#/c", False),
        ("/200", "#/d", False),
    }
    assert "200" in tree


def test_document_locator_maps_pointers_to_lines(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Run:\n      type: object\n"
    )
    doc = load(spec)
    assert doc.source(doc.entry, "/components/schemas/Run").line == 6
    assert doc.source(doc.entry, "#/components/schemas/Run").line == 6

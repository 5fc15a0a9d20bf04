"""Refs: local pointers, refs to refs, escapes, recursion, other files relative to the referrer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.load import Document, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "load"


@pytest.fixture()
def refs_doc() -> Document:
    return load(FIXTURES / "refs.yaml")


def test_refs_to_refs_are_followed_to_the_end(refs_doc: Document) -> None:
    resolved = refs_doc.resolve("#/components/schemas/RunAlias", refs_doc.entry)
    assert resolved.pointer == "/components/schemas/Run"
    assert resolved.name == "Run"
    assert resolved.file == refs_doc.entry
    assert resolved.node["type"] == "object"


@pytest.mark.parametrize(
    ("ref", "name", "description"),
    [
        ("#/components/schemas/a~1b", "a/b", "slash"),
        ("#/components/schemas/c~0d", "c~d", "tilde"),
        ("#/components/schemas/with%20space", "with space", "space"),
        ("#/components/schemas/Holder/properties/inner", "inner", "inner"),
        ("#/components/schemas/Tags/items", "items", "tag"),
    ],
)
def test_pointer_escapes_and_deep_pointers(
    refs_doc: Document, ref: str, name: str, description: str
) -> None:
    resolved = refs_doc.resolve(ref, refs_doc.entry)
    assert resolved.name == name
    assert resolved.node["description"] == description


def test_a_recursive_schema_resolves_to_itself_without_looping(
    refs_doc: Document,
) -> None:
    node = refs_doc.resolve("#/components/schemas/Node", refs_doc.entry).node
    children = node["properties"]["children"]["items"]["$ref"]
    again = refs_doc.resolve(children, refs_doc.entry)
    assert again.node is node
    assert again.pointer == "/components/schemas/Node"


def test_refs_are_not_inlined(refs_doc: Document) -> None:
    properties = refs_doc.root["components"]["schemas"]["Run"]["properties"]
    assert properties["slashed"] == {"$ref": "#/components/schemas/a~1b"}


def test_files_reached_by_relative_refs_across_folders() -> None:
    entry = FIXTURES / "multifile" / "api" / "openapi.yaml"
    doc = load(entry)
    root = os.path.normpath(FIXTURES / "multifile")
    assert set(doc.files) == {
        str(entry),
        os.path.join(root, "api", "paths", "runs.yaml"),
        os.path.join(root, "schemas", "run.yaml"),
        os.path.join(root, "schemas", "steps", "step.yaml"),
    }
    run = doc.resolve("#/components/schemas/Run", doc.entry)
    assert run.file == os.path.join(root, "schemas", "run.yaml")
    assert run.pointer == "/Run"
    # A ref inside the other file is relative to that file, not to the entry.
    step = doc.resolve(run.node["properties"]["steps"]["items"]["$ref"], run.file)
    assert step.file == os.path.join(root, "schemas", "steps", "step.yaml")
    assert step.name == "Step"
    back = doc.resolve(step.node["properties"]["run"]["$ref"], step.file)
    assert back.node is run.node
    status = doc.resolve(step.node["properties"]["status"]["$ref"], step.file)
    assert status.node["enum"] == ["in_progress", "completed"]


def test_a_path_item_in_another_file() -> None:
    doc = load(FIXTURES / "multifile" / "api" / "openapi.yaml")
    item = doc.resolve(doc.root["paths"]["/runs"]["$ref"], doc.entry)
    assert item.node["get"]["operationId"] == "listRuns"
    assert item.pointer == ""


def test_relative_entry_paths_keep_their_spelling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(FIXTURES)
    doc = load("./multifile/api/../api/openapi.yaml")
    assert doc.entry == "./multifile/api/../api/openapi.yaml"
    assert doc.entry in doc.files
    assert os.path.join("multifile", "schemas", "run.yaml") in doc.files
    run = doc.resolve("../schemas/run.yaml#/Run", doc.entry)
    # A ref back into the entry names the entry as it was given.
    assert doc.resolve("../api/openapi.yaml#/info", run.file).file == doc.entry


def test_resolver_reports_a_dangling_ref(refs_doc: Document) -> None:
    with pytest.raises(SpecError) as raised:
        refs_doc.resolve("#/components/schemas/Nope", refs_doc.entry)
    assert raised.value.diagnostic.code == "dangling-ref"


def test_resolver_refuses_remote_refs(refs_doc: Document) -> None:
    with pytest.raises(SpecError) as raised:
        refs_doc.resolve("http://example.com/a.yaml#/A", refs_doc.entry)
    assert raised.value.diagnostic.code == "remote-ref"


def test_source_gives_lines_on_demand(refs_doc: Document) -> None:
    source = refs_doc.source(refs_doc.entry, "/components/schemas/Node")
    assert source.line == 35
    assert source.pointer == "/components/schemas/Node"

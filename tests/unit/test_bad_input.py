"""Broken documents: `sdkforge inspect` exits 2 with one located message, never a traceback.

Each case names the fixture under tests/fixtures/bad/, the file the message must
blame (the entry unless a referenced file is at fault), the line and column (None
where the text has no position to give), the JSON pointer, and words of the message.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.load import load

REPO = Path(__file__).resolve().parents[2]
BAD = Path("tests/fixtures/bad")


@dataclass(frozen=True)
class Case:
    fixture: str
    line: int | None
    column: int | None
    pointer: str | None
    words: str
    blamed: str | None = None
    """The file the message names, when it is not the entry."""


CASES = [
    Case("syntax_bracket.yaml", 5, 22, None, "YAML syntax error: unclosed bracket '['"),
    Case(
        "syntax_indent.yaml",
        7,
        6,
        None,
        "YAML syntax error: while parsing a block mapping",
    ),
    Case("tab_indent.yaml", 4, 2, None, "YAML syntax error: tabs disallowed"),
    Case("broken_json.json", 5, 11, None, "YAML syntax error: unclosed bracket '{'"),
    Case(
        "dangling_ref.yaml",
        10,
        17,
        "/components/schemas/Run/properties/step/$ref",
        "'#/components/schemas/Missing' does not resolve",
    ),
    Case(
        "missing_file_ref.yaml",
        7,
        13,
        "/components/schemas/Run/$ref",
        "names a file that does not exist: tests/fixtures/bad/no-such-file.yaml",
    ),
    Case(
        "paths_number.yaml",
        3,
        8,
        "/paths",
        "wrong type: expected a mapping, found the number 5",
    ),
    Case(
        "responses_list.yaml",
        6,
        18,
        "/paths/~1runs/get/responses",
        "wrong type: expected a mapping, found a list",
    ),
    Case(
        "property_number.yaml",
        9,
        13,
        "/components/schemas/Run/properties/id",
        "`id` must be a schema (a mapping), found the number 5",
    ),
    Case(
        "type_number.yaml",
        7,
        13,
        "/components/schemas/Run/type",
        "`type` must be a type name",
    ),
    Case(
        "ref_not_string.yaml",
        7,
        13,
        "/components/schemas/Run/$ref",
        "`$ref` must be a string, found the number 5",
    ),
    Case(
        "unknown_openapi.yaml", 1, 10, "/openapi", "unsupported OpenAPI version '4.0.0'"
    ),
    Case(
        "unknown_swagger.json", 2, 14, "/swagger", "unsupported Swagger version '1.2'"
    ),
    Case("no_version.yaml", 1, 1, "", "neither an `openapi` nor a `swagger` field"),
    Case(
        "asyncapi.yaml", 1, 11, "/asyncapi", "an AsyncAPI document, not an OpenAPI one"
    ),
    Case(
        "ref_cycle.yaml",
        7,
        13,
        "/components/schemas/A/$ref",
        "`$ref` cycle with nothing but refs in it",
    ),
    Case("collection_key.yaml", 4, 3, "/paths", "a mapping key is a list or a mapping"),
    Case(
        "flow_mapping_key.json", 2, 11, "/paths", "a mapping key is a list or a mapping"
    ),
    Case(
        "ref_through_itself.yaml",
        7,
        13,
        "/components/schemas/A/$ref",
        "which leads back to itself",
    ),
    Case(
        "remote_ref.yaml",
        7,
        13,
        "/components/schemas/Run/$ref",
        "points at a remote document",
    ),
    Case(
        "placeholder_ref.yaml",
        7,
        13,
        "/components/schemas/Pet/$ref",
        "names a file that does not exist: tests/fixtures/bad/__SCHEMA_URI__",
    ),
    Case(
        "fragment_not_pointer.yaml",
        7,
        13,
        "/components/schemas/Run/$ref",
        "is neither a JSON pointer",
    ),
    Case(
        "top_list.yaml",
        1,
        1,
        "",
        "top level of the document must be a mapping (an OpenAPI object), but it is a list",
    ),
    Case("top_scalar.yaml", 1, 1, "", "but it is a string"),
    Case("empty.yaml", None, None, None, "the file is empty"),
    Case("comments_only.yaml", None, None, None, "the file is empty"),
    Case("multi_document.yaml", None, None, None, "the file holds 2 YAML documents"),
    Case("binary.yaml", 2, 1, None, "not a text file"),
    Case("invalid_utf8.yaml", 4, 12, None, "not valid UTF-8 text (byte 0xe9"),
    Case("deep_yaml.yaml", 4, 264, None, "nests too deeply"),
    Case(
        "deep_json.json",
        1,
        287,
        "/x-deep" + "/0" * 200,
        "nests more than 200 levels deep",
    ),
    Case("alias_bomb.yaml", None, None, None, "YAML aliases expand too far"),
    Case(
        "param_missing_in.yaml",
        7,
        11,
        "/paths/~1runs~1{id}/get/parameters/0",
        "a parameter must have `in`",
    ),
    Case(
        "param_in_body.yaml",
        8,
        15,
        "/paths/~1runs/post/parameters/0/in",
        "`in: body` is not understood here",
    ),
    Case(
        "swagger_dangling.json",
        9,
        18,
        "/components/schemas/Run/properties/step/$ref",
        "'#/components/schemas/RunStep' does not resolve",
    ),
    Case(
        "multi/entry.yaml",
        5,
        13,
        "/Run/properties/step/$ref",
        "tests/fixtures/bad/multi/steps.yaml has no 'RunStep' under its root",
        blamed="multi/parts/run.yaml",
    ),
    Case(
        "multi_syntax/entry.yaml",
        3,
        15,
        None,
        "unclosed bracket '{'",
        blamed="multi_syntax/broken.yaml",
    ),
]


def _expected_prefix(case: Case) -> str:
    where = str(BAD / (case.blamed or case.fixture))
    if case.line is not None:
        where += f":{case.line}"
        if case.column is not None:
            where += f":{case.column}"
    if case.pointer is not None:
        where += f" at #{case.pointer}"
    return where + ": error: "


@pytest.mark.parametrize("case", CASES, ids=[case.fixture for case in CASES])
def test_cli_exits_2_with_a_located_message(case: Case) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "inspect", str(BAD / case.fixture)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert message.startswith(_expected_prefix(case)), message
    assert case.words in message
    assert result.stdout == ""


@pytest.mark.parametrize("case", CASES, ids=[case.fixture for case in CASES])
def test_load_raises_spec_error_with_its_place(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    with pytest.raises(SpecError) as raised:
        load(BAD / case.fixture)
    diagnostic = raised.value.diagnostic
    assert diagnostic.severity == "error"
    assert diagnostic.file == str(BAD / (case.blamed or case.fixture))
    assert diagnostic.line == case.line
    assert diagnostic.column == case.column
    assert diagnostic.pointer == case.pointer
    assert case.words in diagnostic.message


def test_there_are_enough_broken_documents() -> None:
    assert len(CASES) >= 24
    on_disk = {
        str(path.relative_to(REPO / BAD))
        for path in (REPO / BAD).rglob("*")
        if path.is_file() and path.parent == REPO / BAD
    }
    assert on_disk <= {case.fixture for case in CASES}

"""The literal and comment encoders: table tests, and round trips through each language's
own parser (Python's, Node's, tomllib, json) on hostile strings."""

from __future__ import annotations

import ast
import json
import subprocess
import tomllib

import pytest
from needs import need

from generator.encoders.invisible import is_invisible, shown
from generator.encoders.json import json_literal
from generator.encoders.markdown import md_block, md_code, md_comment, md_text
from generator.encoders.python import py_comment, py_doc_lines, py_literal, py_str
from generator.encoders.toml import toml_str
from generator.encoders.typescript import (
    ts_comment,
    ts_doc_lines,
    ts_key,
    ts_literal,
    ts_object_key,
    ts_str,
)

BIDI = "".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))

HOSTILE = [
    "",
    "plain",
    'a"b',
    "a'b",
    '"""; import os; os.system("id"); """',
    "'''",
    "\\",
    "\\n",
    "back\\slash\\",
    "line\nbreak",
    "cr\rlf\r\n",
    "tab\there",
    "nul\x00byte",
    "esc\x1b[31m",
    "del\x7f",
    "nel\x85",
    "ls\u2028ps\u2029",
    "bidi" + BIDI,
    "zw\u200b\u200c\u200d\ufeff",
    "tag\U000e0041",
    "lone\ud800surrogate",
    "*/ require('child_process').exec('id') /*",
    "${process.exit(1)}",
    "`${globalThis.x}`",
    "__import__('os').system('id')",
    "../../etc/passwd",
    "émoji 🎉 中文",
    "</script>",
]

IDS = [repr(s)[:40] for s in HOSTILE]


def _no_raw_invisible(encoded: str) -> None:
    assert not any(is_invisible(ch) for ch in encoded), repr(encoded)


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_python_string_round_trips(text: str) -> None:
    encoded = py_str(text)
    _no_raw_invisible(encoded)
    tree = ast.parse(encoded, mode="eval")
    assert isinstance(tree.body, ast.Constant)
    assert tree.body.value == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a", '"a"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("a\\b", '"a\\\\b"'),
        ("x\ny", '"x\\ny"'),
        ("\x1b", '"\\x1b"'),
        ("\u202e", '"\\u202e"'),
        ("\U000e0041", '"\\U000e0041"'),
        ("é", '"é"'),
        (None, "None"),
        (True, "True"),
        (3, "3"),
        (1.5, "1.5"),
        (float("inf"), 'float("inf")'),
        (float("-inf"), '-float("inf")'),
        ([1, "a"], '[1, "a"]'),
        ({"k\n": None}, '{"k\\n": None}'),
    ],
)
def test_python_literal_table(value: object, expected: str) -> None:
    assert py_literal(value) == expected


def test_python_literal_evaluates_back() -> None:
    value = {"a": [1, 2.5, True, None, "x\"'\n"], "b": {"c": "\u202e"}}
    assert ast.literal_eval(py_literal(value)) == value


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_python_docstring_cannot_close(text: str) -> None:
    body = "\n".join(py_doc_lines(text))
    _no_raw_invisible(body.replace("\n", ""))
    source = f'def f():\n    """{body} """\n    return 1\n'
    tree = ast.parse(source)
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef)
    assert len(func.body) == 2  # the docstring and `return`: nothing else got in
    assert "\n" not in py_comment(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a", "'a'"),
        ("it's", "'it\\'s'"),
        ("a\\b", "'a\\\\b'"),
        ("x\ny", "'x\\ny'"),
        ("${x}", "'${x}'"),
        ("\u2028", "'\\u2028'"),
        ("\U000e0041", "'\\udb40\\udc41'"),
        (None, "null"),
        (False, "false"),
        (float("inf"), "Infinity"),
        ([1, "a"], "[1, 'a']"),
        ({"k": 1}, "{ 'k': 1 }"),
    ],
)
def test_typescript_literal_table(value: object, expected: str) -> None:
    assert ts_literal(value) == expected


def test_typescript_doc_table() -> None:
    assert ts_doc_lines("a */ b\nc\u202ed") == ["a *\\/ b", "cd"]
    assert ts_comment("a\nb") == "a b"


def _node() -> str:
    return str(need("node"))


def test_typescript_strings_round_trip_through_node() -> None:
    literals = ", ".join(ts_str(t) for t in HOSTILE)
    docs = "\n".join(
        "/**\n" + "\n".join(f" * {line}" for line in ts_doc_lines(t)) + "\n */"
        for t in HOSTILE
    )
    program = f"{docs}\nconst values = [{literals}];\n" + (
        "process.stdout.write(JSON.stringify(values.map("
        "(s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)))));\n"
    )
    for line in program.splitlines():
        _no_raw_invisible(line)
    out = subprocess.run(
        [_node(), "-e", program], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == [_utf16_units(t) for t in HOSTILE]


def test_typescript_keys_table() -> None:
    assert [ts_key(k) for k in ("id", "$ref", "_a1", "foo-bar", "1a", "é", "")] == [
        "id",
        "$ref",
        "_a1",
        "'foo-bar'",
        "'1a'",
        "'é'",
        "''",
    ]
    assert ts_object_key("id") == "id"
    assert ts_object_key("id", quote=True) == "'id'"
    assert ts_object_key("__proto__") == "['__proto__']"
    assert ts_object_key("__proto__", quote=True) == "['__proto__']"


def test_typescript_object_keys_round_trip_through_node() -> None:
    """Every key, `__proto__` included, becomes an own property of exactly that name."""
    names = [*HOSTILE, "__proto__", "constructor", "id"]
    for quote in (False, True):
        entries = ", ".join(f"{ts_object_key(n, quote=quote)}: {i}" for i, n in enumerate(names))
        program = (
            f"const o = {{ {entries} }};\n"
            "process.stdout.write(JSON.stringify(Object.keys(o).map("
            "(s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)))));\n"
        )
        out = subprocess.run([_node(), "-e", program], capture_output=True, text=True, check=True).stdout
        assert sorted(map(tuple, json.loads(out))) == sorted(tuple(_utf16_units(n)) for n in set(names))


def _utf16_units(text: str) -> list[int]:
    data = text.encode("utf-16-le", "surrogatepass")
    return [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]


@pytest.mark.parametrize("text", [t for t in HOSTILE if "\ud800" not in t], ids=lambda t: repr(t)[:40])
def test_toml_string_round_trips(text: str) -> None:
    encoded = toml_str(text)
    _no_raw_invisible(encoded)
    assert tomllib.loads(f"k = {encoded}\n")["k"] == text


def test_toml_replaces_lone_surrogates() -> None:
    assert tomllib.loads(f"k = {toml_str('a' + chr(0xD800))}\n")["k"] == "a\ufffd"


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_json_round_trips(text: str) -> None:
    encoded = json_literal({"description": text})
    _no_raw_invisible(encoded)
    assert json.loads(encoded) == {"description": text}


def test_markdown_table() -> None:
    assert md_text("a\nb <img src=x> *c*") == "a b \\<img src=x\\> \\*c\\*"
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x") == "`` `x ``"
    assert md_text("x\u202ey") == "xy"


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_comment_and_block_cannot_close(text: str) -> None:
    comment = md_comment(text)
    _no_raw_invisible(comment)
    assert "--" not in comment and "\n" not in comment
    block = md_block(text + "\n```\n````", "python")
    lines = block.split("\n")
    for line in lines:
        _no_raw_invisible(line)
    fence = lines[0].removesuffix("python")
    assert lines[-1] == fence and len(fence) >= 5
    assert all(not line.startswith(fence) for line in lines[1:-1])


def test_markdown_comment_and_block_table() -> None:
    assert md_comment("a --> b") == "a - -> b"
    assert md_comment("x---y\nz") == "x- - -y z"
    assert md_block("print(1)", "python") == "```python\nprint(1)\n```"


def test_shown_spells_invisible_characters() -> None:
    assert shown("plain `name`") == "plain `name`"
    assert shown("kind\u202e") == "kind<U+202E>"
    assert shown("a\nb\x00") == "a<U+000A>b<U+0000>"

"""Templates never quote a value themselves: spec text gets its quotes from an encoder
filter (`{{ url | py_str }}`), so no value can close a quote the template opened.

A `{{ ... }}` where a quote (or, in Markdown, a backtick) is open is a failure; a
triple quote stays open across lines. Comments are not scanned (`# the client's
options`): they open nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FOLDERS = ["python", "typescript"]

_BLOCK = re.compile(r"{%.*?%}|{#.*?#}")
_VALUE = re.compile(r"{{.*?}}")


def _quotes(path: Path) -> str:
    name = path.name.removesuffix(".jinja").removesuffix(".j2")
    if name.endswith(".md"):
        return "`"
    return "\"'`"


def _comment_start(path: Path) -> str | None:
    name = path.name.removesuffix(".jinja").removesuffix(".j2")
    if name.endswith((".py", ".toml")):
        return "#"
    return "//" if name.endswith(".ts") else None


def quoted_values(path: Path) -> list[str]:
    """`line: text` of every value a template writes inside quotes it opened."""
    quotes, comment = _quotes(path), _comment_start(path)
    found: list[str] = []
    open_quote: str | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = _BLOCK.sub("", raw)
        if open_quote is not None and len(open_quote) == 1:
            open_quote = None  # only a triple quote spans lines
        i = 0
        while i < len(line):
            value = _VALUE.match(line, i)
            if value is not None:
                if open_quote is not None:
                    found.append(f"{path.name}:{number}: {raw.strip()}")
                i = value.end()
                continue
            ch = line[i]
            if open_quote is None and comment is not None and line.startswith(comment, i):
                break
            if ch == "\\":
                i += 2
                continue
            if ch in quotes:
                quote = ch * 3 if line.startswith(ch * 3, i) else ch
                if open_quote is None:
                    open_quote = quote
                elif open_quote == quote:
                    open_quote = None
                i += len(quote)
                continue
            i += 1
    return found


@pytest.mark.parametrize("folder", FOLDERS)
def test_templates_put_no_quotes_around_values(folder: str) -> None:
    files = sorted(p for p in (TEMPLATES / folder).rglob("*") if p.is_file())
    assert files, f"no templates under templates/{folder}"
    found = [hit for path in files for hit in quoted_values(path)]
    assert not found, "quoted by the template, not by an encoder:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("name", "text", "hits"),
    [
        ("a.py.jinja", 'x = "{{ url }}"\n', 1),
        ("a.py.jinja", "x = '{{ url }}'\n", 1),
        ("a.py.jinja", '"""Docs of {{ package }}.\n', 1),
        ("a.py.jinja", '"""The envelope: `{"{{ envelope }}": 1}`."""\n', 1),
        ("a.py.jinja", '"""Docs""" + {{ more | py_str }}\n', 0),
        ("a.py.jinja", '"""Docs\n\nof {{ package }}.\n"""\n{{ x | py_str }}\n', 1),
        ("a.py.jinja", "x = {{ url | py_str }}\n", 0),
        ("a.py.jinja", 'x = {{ "{" }}{{ key | py_str }}: 1}\n', 0),
        ("a.py.jinja", "# the client's {{ name }}\n", 0),
        ("a.toml.jinja", 'name = "{{ name }}"\n', 1),
        ("a.md.jinja", "Use `{{ package }}.types`\n", 1),
        ("a.md.jinja", "Use {{ package | md_code }}, it's fine\n", 0),
        ("a.ts.j2", "const p = `/{{ path }}`;\n", 1),
        ("a.ts.j2", "path: '{{ meth.path }}',\n", 1),
        ("a.ts.j2", "throw new Error('The {{ v.option }} option is required.');\n", 1),
        ("a.ts.j2", "path: {{ meth.path }}, kind: 'x'\n", 0),
        ("a.ts.j2", "// the client's {{ name }}\n", 0),
        ("a.json.j2", '"name": {{ name | json_literal }},\n', 0),
        ("a.json.j2", '"name": "{{ name }}",\n', 1),
    ],
)
def test_the_check_finds_quoted_values(
    tmp_path: Path, name: str, text: str, hits: int
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert len(quoted_values(path)) == hits

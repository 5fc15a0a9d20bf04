"""Templates never quote spec text themselves: a `{{ ... }}` inside quotes or backticks
would put raw text in a literal, where a quote or `${` in the spec breaks out. Values
are quoted by the encoder filters (`{{ x | ts_str }}`) instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FOLDERS = ("typescript",)
_EXPRESSION = re.compile(r"\{\{.*?\}\}")
_QUOTE = re.compile(r"""(?<!\\)['"`]""")


def quoted_expressions(line: str) -> list[str]:
    """The `{{ ... }}` of a template line that sit inside a string literal: after an odd
    number of one kind of quote (comments after `//` are not code)."""
    code = line.split("//", 1)[0] if "//" in line and "://" not in line else line
    found = []
    for match in _EXPRESSION.finditer(code):
        before = _EXPRESSION.sub("", code[: match.start()])
        quotes = _QUOTE.findall(before)
        if any(quotes.count(q) % 2 for q in "'\"`"):
            found.append(match.group(0))
    return found


def test_the_check_finds_hand_quoted_values() -> None:
    assert quoted_expressions("path: '{{ meth.path }}',") == ["{{ meth.path }}"]
    assert quoted_expressions("x = `/a/{{ p }}`;") == ["{{ p }}"]
    assert quoted_expressions("'The {{ v.option }} option is required.'") == [
        "{{ v.option }}"
    ]
    assert quoted_expressions('"name": {{ name | json_literal }},') == []
    assert quoted_expressions("path: {{ meth.path }}, kind: 'x'") == []


@pytest.mark.parametrize(
    "template",
    sorted(p for folder in FOLDERS for p in (TEMPLATES / folder).rglob("*.j2")),
    ids=lambda p: p.relative_to(TEMPLATES).as_posix(),
)
def test_template_puts_no_quotes_around_expressions(template: Path) -> None:
    bad = [
        f"{template.name}:{number}: {line.strip()}"
        for number, line in enumerate(
            template.read_text(encoding="utf-8").splitlines(), 1
        )
        if quoted_expressions(line)
    ]
    assert not bad, "\n".join(bad)

"""Spec text in generated Markdown (README, api.md)."""

from __future__ import annotations

import re

from generator.encoders.invisible import visible_line, visible_lines

_BACKTICKS = re.compile(r"`+")
_ACTIVE = re.compile(r"[<>\[\]`*_|\\]")


def md_text(text: str) -> str:
    """One line of plain text: no line break, no markup, no raw HTML."""
    return _ACTIVE.sub(lambda m: "\\" + m.group(0), visible_line(text))


def md_code(text: str) -> str:
    """An inline code span holding `text` exactly (one line)."""
    line = visible_line(text)
    longest = max((len(m) for m in _BACKTICKS.findall(line)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if line.startswith("`") or line.endswith("`") else ""
    return f"{fence}{pad}{line}{pad}{fence}"


def md_paragraphs(text: str) -> str:
    """A description as Markdown paragraphs: the spec's own Markdown is kept, invisible
    characters and raw HTML tags are not."""
    lines = visible_lines(text)
    return "\n".join(line.replace("<", "&lt;") for line in lines).strip()


def md_comment(text: str) -> str:
    """Text inside `<!-- ... -->` on one line: no `--` can end the comment early."""
    line = visible_line(text)
    while "--" in line:
        line = line.replace("--", "- -")
    return line


def md_block(text: str, language: str = "") -> str:
    """A fenced code block holding `text` exactly: its fence is longer than any run of
    backticks inside, so nothing in it can close the block."""
    lines = visible_lines(text)
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence + visible_line(language), *lines, fence])

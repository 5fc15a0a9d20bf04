"""One Jinja environment per template folder: strict, deterministic, no logic in templates.

Templates receive raw values and quote them only through the encoders registered here
as filters (`{{ url | py_str }}`), never by writing quotes around `{{ ... }}` themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2

from generator.encoders.json import json_literal
from generator.encoders.markdown import md_block, md_code, md_comment, md_text
from generator.encoders.python import py_comment, py_literal, py_str
from generator.encoders.toml import toml_str
from generator.encoders.typescript import (
    ts_comment,
    ts_doc_lines,
    ts_key,
    ts_literal,
    ts_object_key,
    ts_str,
)
from generator.locations import templates_dir

FILTERS: dict[str, Callable[..., object]] = {
    "py_str": py_str,
    "py_literal": py_literal,
    "py_comment": py_comment,
    "ts_str": ts_str,
    "ts_literal": ts_literal,
    "ts_comment": ts_comment,
    "ts_doc_lines": ts_doc_lines,
    "ts_key": ts_key,
    "ts_object_key": ts_object_key,
    "toml_str": toml_str,
    "json_literal": json_literal,
    "md_text": md_text,
    "md_code": md_code,
    "md_comment": md_comment,
    "md_block": md_block,
}


@cache
def environment(target: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / target)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


def render(target: str, template: str, **context: Any) -> str:
    return environment(target).get_template(template).render(**context)

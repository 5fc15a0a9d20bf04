"""No input makes the builder crash: a fixed-seed sweep of damaged specs through load + build.

Each round replaces one to three nodes of a fixture with a value of the wrong kind or
one of the warts real specs have (boolean schemas, nulls, tuple `items`, a `$ref`
standing for `properties`), then loads and builds it. The result must be an `Api`
or a `SpecError`; any other exception is a bug.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from test_load_robustness import WRONG_VALUES, damaged_entries

from generator.diagnostics import SpecError
from generator.ir.build import build
from generator.load import load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ENTRIES = {
    "ir/kinds.yaml": "ir/kinds.yaml",
    "ir/kinds31.yaml": "ir/kinds31.yaml",
    "ir/unions.yaml": "ir/unions.yaml",
    "ir/operations.yaml": "ir/operations.yaml",
    "ir/swagger_poly.json": "ir/swagger_poly.json",
    "load/swagger/agents.json": "load/swagger/agents.json",
    "warts/boolean_schemas.yaml": "warts/boolean_schemas.yaml",
    "warts/properties_ref/shared/attributes.yaml": "warts/properties_ref/openapi.yaml",
}
WART_VALUES: list[Any] = [
    False,
    [True, {"type": "string"}],
    [None, 5],
    {"type": None},
    {"allOf": [False, {"$ref": "#/nope"}]},
    {"oneOf": [True, False]},
    {"items": [{"type": "string"}, False]},
    {"properties": {"$ref": "#/components/schemas"}},
    {"properties": {"x": False}, "required": [1, "x"]},
    {"discriminator": {"propertyName": 5, "mapping": []}},
    {"x-ms-enum": {"values": [{"value": []}]}, "enum": ["a", "b"]},
]


@pytest.mark.parametrize("seed", range(4))
def test_damaged_specs_build_or_raise_spec_error(tmp_path: Path, seed: int) -> None:
    for folder in ("ir", "load", "warts"):
        shutil.copytree(FIXTURES / folder, tmp_path / folder)
    values = WRONG_VALUES + WART_VALUES
    for entry in damaged_entries(tmp_path, ENTRIES, values, seed):
        try:
            build(load(entry))
        except SpecError:
            pass

"""No input makes the builder crash: a fixed-seed sweep of damaged specs through load + build.

Each round replaces one to three nodes of a fixture with a value of the wrong kind or
one of the warts real specs have (boolean schemas, nulls, tuple `items`, a `$ref`
standing for `properties`), then loads and builds it. The result must be an `Api`
or a `SpecError`; any other exception is a bug.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_load_robustness import WRONG_VALUES, _slots, load_tree

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
    rng = random.Random(seed)
    trees = {name: load_tree(tmp_path / name) for name in ENTRIES}
    values = WRONG_VALUES + WART_VALUES
    for _ in range(60):
        damaged, entry = rng.choice(sorted(ENTRIES.items()))
        tree = copy.deepcopy(trees[damaged])
        for _ in range(rng.randint(1, 3)):
            parent, key = rng.choice(_slots(tree, []))
            parent[key] = copy.deepcopy(rng.choice(values))
        target = tmp_path / damaged
        original = target.read_bytes()
        target.write_text(json.dumps(tree))
        try:
            build(load(tmp_path / entry))
        except SpecError:
            pass
        finally:
            target.write_bytes(original)

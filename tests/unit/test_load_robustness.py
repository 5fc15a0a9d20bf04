"""Damaged specs never escape as anything but `SpecError`: a fixed-seed mutation sweep.

Each round damages one of the load fixtures (bytes cut, swapped or inserted; or a
node of the tree replaced by a value of the wrong kind) and loads it. The loader
must either return a Document or raise SpecError: no other exception, no hang.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import SpecError
from generator.load import Document, load
from generator.load.read import decode, parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "load"
ENTRIES = {
    "swagger/agents.json": "swagger/agents.json",
    "swagger_multi/service.json": "swagger_multi/service.json",
    "swagger_multi/common/types.json": "swagger_multi/service.json",
    "refs.yaml": "refs.yaml",
    "warts30.yaml": "warts30.yaml",
    "v31.yaml": "v31.yaml",
    "anchors_redefined.yaml": "anchors_redefined.yaml",
    "multifile/schemas/run.yaml": "multifile/api/openapi.yaml",
}
INSERTS = [
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"- ",
    b'"',
    b"\n",
    b"  ",
    b'$ref: "#/x"\n',
    b"&a ",
    b"*a",
    b"\t",
    b"\xff",
]
WRONG_VALUES: list[Any] = [
    5,
    "x",
    [],
    {},
    None,
    True,
    [5],
    {"$ref": "#/nope"},
    {"in": "body", "name": "b"},
]


def _load_or_spec_error(path: Path) -> Document | None:
    try:
        return load(path)
    except SpecError:
        return None


def _damage_bytes(data: bytearray, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data))
        roll = rng.random()
        if roll < 0.3:
            del data[at : at + rng.randint(1, 20)]
        elif roll < 0.6:
            data[at:at] = rng.choice(INSERTS)
        else:
            other = rng.randrange(len(data))
            data[at], data[other] = data[other], data[at]
    return bytes(data)


def _slots(tree: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    if isinstance(tree, dict):
        for key, value in tree.items():
            out.append((tree, key))
            _slots(value, out)
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            out.append((tree, index))
            _slots(value, out)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_damaged_bytes_load_or_raise_spec_error(tmp_path: Path, seed: int) -> None:
    shutil.copytree(FIXTURES, tmp_path / "f")
    rng = random.Random(seed)
    for _ in range(60):
        damaged, entry = rng.choice(sorted(ENTRIES.items()))
        target = tmp_path / "f" / damaged
        original = target.read_bytes()
        target.write_bytes(_damage_bytes(bytearray(original), rng))
        try:
            _load_or_spec_error(tmp_path / "f" / entry)
        finally:
            target.write_bytes(original)


@pytest.mark.parametrize("seed", range(4))
def test_wrong_kinds_of_values_load_or_raise_spec_error(
    tmp_path: Path, seed: int
) -> None:
    shutil.copytree(FIXTURES, tmp_path / "f")
    for entry in damaged_entries(tmp_path / "f", ENTRIES, WRONG_VALUES, seed):
        _load_or_spec_error(entry)


def damaged_entries(
    root: Path, entries: dict[str, str], values: list[Any], seed: int, rounds: int = 60
) -> Iterator[Path]:
    """Each round, one to three nodes of a file under `root` replaced by one of `values`;
    yields the entry that reads the damaged file, and restores the file after."""
    rng = random.Random(seed)
    trees = {name: load_tree(root / name) for name in entries}
    for _ in range(rounds):
        damaged, entry = rng.choice(sorted(entries.items()))
        tree = copy.deepcopy(trees[damaged])
        for _ in range(rng.randint(1, 3)):
            parent, key = rng.choice(_slots(tree, []))
            parent[key] = copy.deepcopy(rng.choice(values))
        target = root / damaged
        original = target.read_bytes()
        target.write_text(json.dumps(tree))
        try:
            yield root / entry
        finally:
            target.write_bytes(original)


def load_tree(path: Path) -> Any:
    return parse_text(decode(path.read_bytes(), str(path)), str(path)).tree

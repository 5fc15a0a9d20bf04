"""Which files of a corpus folder `benchmarks/corpus.py` runs as entry documents."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def _corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_runner", REPO / "benchmarks" / "corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_runner"] = module
    spec.loader.exec_module(module)
    return module


def test_entries_are_documents_not_their_parts(tmp_path: Path) -> None:
    files = {
        "api/openapi.yaml": "openapi: 3.0.3\npaths:\n  /a: {$ref: 'paths/a.yaml'}\n",
        "api/paths/a.yaml": "get: {responses: {'200': {description: ok}}}\n",
        "api/parts/components.yaml": "components: {schemas: {A: {type: object}}}\n",
        "api/parts/user.yaml": "components: {schemas: {}}\n",
        "api/uses-user.json": '{"swagger": "2.0", "x": {"$ref": "parts/user.yaml"}}',
        "events.yaml": "asyncapi: 2.6.0\ncomponents: {}\n",
        "broken.yaml": "openapi: 3.0.3\npaths: {\n",
        "notes.yml": "title: not a spec\n",
        "node_modules/pkg/openapi.json": '{"openapi": "3.1.0"}',
        "README.md": "openapi: 3.0.3\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = [
        p.relative_to(tmp_path).as_posix() for p in _corpus().find_entries(tmp_path)
    ]
    assert found == [
        "api/openapi.yaml",
        "api/parts/components.yaml",
        "api/uses-user.json",
        "broken.yaml",
    ]

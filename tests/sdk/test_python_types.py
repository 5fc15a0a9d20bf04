"""Types every checker and pydantic accept, for schemas that used to break them:
`Literal` only of str, int and bool (floats, infinity and huge integers become their
base type, the allowed values in the docstring), and type aliases that reach
themselves (through a list, through each other, through additionalProperties, or as a
union member of themselves).
"""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sdkgen import REPO, SdkSpec, generate, import_sdk
from typecheck import mypy_strict, pyright_report, pyright_strict

FIXTURES = REPO / "tests" / "fixtures" / "types"


@pytest.fixture(scope="module")
def types_sdk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    made: dict[str, Path] = {}
    for name in ("literals", "recursive"):
        spec = SdkSpec(FIXTURES / f"{name}.yaml", "openai", f"{name}_sdk", "Client")
        made[name] = generate(spec, tmp_path_factory.mktemp(name) / "sdk")
    return made


def _module_source(root: Path, package: str) -> dict[str, Any]:
    """Module-level assignments of the models package: name → (value source, docstring)."""
    found: dict[str, Any] = {}
    for path in sorted((root / package / "types").glob("*.py")):
        body = ast.parse(path.read_text(encoding="utf-8")).body
        for i, node in enumerate(body):
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
                after = body[i + 1] if i + 1 < len(body) else None
                doc = after.value.value if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) else None
                found[node.target.id] = (ast.unparse(node.value), doc)
    return found


@pytest.mark.parametrize("name", ["literals", "recursive"])
def test_both_checkers_accept_them(name: str, types_sdk: dict[str, Path], tmp_path: Path) -> None:
    root, package = types_sdk[name], f"{name}_sdk"
    mypy = mypy_strict(root, package, tmp_path)
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    analyzed, errors, messages = pyright_report(pyright_strict(root, package, tmp_path))
    assert analyzed > 0
    assert errors == 0, "\n".join(messages)


def test_literals_hold_only_str_int_and_bool(types_sdk: dict[str, Path]) -> None:
    aliases = _module_source(types_sdk["literals"], "literals_sdk")
    assert aliases["Ratio"] == ("float", "Allowed values: 0.5, 1.5, 2.25.")
    assert aliases["Huge"] == ("int", "Allowed values: 1, 123456789012345678901234567890.")
    assert aliases["Small"] == ("Literal[1, 2, 3]", None)
    assert aliases["Flag"] == ("Literal[True]", None)
    sdk = import_sdk(types_sdk["literals"], "literals_sdk")
    hints = sdk.types.Measurement.model_fields
    assert hints["scale"].annotation is float
    assert hints["limit"].annotation is float
    assert "Always inf." in (hints["limit"].description or _field_doc(types_sdk["literals"], "limit"))
    assert "Always 9007199254740993." in _field_doc(types_sdk["literals"], "big")
    source = (types_sdk["literals"] / "literals_sdk" / "types" / "measure.py").read_text(encoding="utf-8")
    assert "Literal[9007199254740991]" in source  # the largest integer JSON carries exactly
    assert "0.25]" not in source and "inf]" not in source


def _field_doc(root: Path, field: str) -> str:
    tree = ast.parse((root / "literals_sdk" / "types" / "measure.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for i, stmt in enumerate(node.body):
                if isinstance(stmt, ast.AnnAssign) and ast.unparse(stmt.target) == field:
                    doc = node.body[i + 1]
                    assert isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant)
                    return str(doc.value.value)
    raise AssertionError(f"no field {field}")


def _client(sdk: ModuleType, answer: object) -> Any:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=answer))
    return sdk.Client(api_key="k", http_client=httpx.Client(transport=transport))


def test_recursive_aliases_build_and_parse(types_sdk: dict[str, Path]) -> None:
    sdk = import_sdk(types_sdk["recursive"], "recursive_sdk")
    deep: object = "leaf"
    for _ in range(30):
        deep = [deep, 1.5]
    data = {
        "body": deep,
        "expr": [1, ["x", [2, "y"]]],
        "tree": {"a": {"b": {"c": {}}}},
        "forest": {"g": [{"h": [{}]}]},
        "shape": {"radius": 2},
    }
    # pydantic builds the schema (it used to recurse forever) and validates strictly.
    document = sdk.types.Document.model_validate(data)
    assert document.body == deep
    assert isinstance(document.shape, sdk.types.Circle)
    with pytest.raises(Exception):
        sdk.types.Document.model_validate({"tree": {"a": 1}})
    parsed = _client(sdk, data).documents.create(body=["x", ["y"]], tree={"a": {}})
    assert parsed.to_dict() == data
    assert isinstance(parsed.shape, sdk.types.Circle)


def test_a_union_member_of_itself_is_flattened(types_sdk: dict[str, Path]) -> None:
    aliases = _module_source(types_sdk["recursive"], "recursive_sdk")
    for name in ("Shape", "ShapeOrName"):
        # (a forward reference is quoted when Circle lives in another module)
        assert aliases[name][0].replace("'", "") == "Union[Circle, str]"

"""The TypeScript target against the seeds, and `tsc --strict` on SDKs from every real spec.

Seed 000 is OpenAI's own `runs.d.ts`; we run `tsc --declaration --emitDeclarationOnly`
on the SDK generated from the spec behind it and compare the declarations member by
member (names, optionality, and the structure of each type as the TypeScript checker
resolves it: aliases followed, interfaces expanded, unresolvable references by name).
Seed 001 is Azure's `RunStep` reference page: member names and type texts must match.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.flavors import FLAVORS, apply, detect
from generator.ir.build import build
from generator.ir.model import Ref
from generator.load import load
from generator.plan import TargetOptions
from generator.targets.typescript import plan
from generator.targets.typescript.convert import function_name
from generator.targets.typescript.naming import build_naming

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SPECS = SHARED / "specs"
SEEDS = SHARED / "seeds"
NODE_DIR = REPO / "tests" / "node"
TSC = NODE_DIR / "node_modules" / ".bin" / "tsc"
DECLARATIONS = NODE_DIR / "declarations.mjs"

pytestmark = pytest.mark.needs("shared-specs", "shared-seeds", "node", "tsc")

ALL_SPECS = sorted(
    p
    for p in SPECS.rglob("*")
    if p.suffix in (".yaml", ".json") and "examples" not in p.parts
)


def generate(spec: Path, out: Path, flavor_name: str | None = None) -> Path:
    api = build(load(str(spec)))
    flavor = FLAVORS[flavor_name] if flavor_name else detect(api)
    api = apply(api, flavor)
    for f in plan(api, flavor, TargetOptions("test-sdk", flavor.client_name)).files:
        target = out / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f.render(), encoding="utf-8")
    return out


def tsc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TSC), *args], capture_output=True, text=True, timeout=600, check=False
    )


def declarations(files: list[Path]) -> dict[str, Any]:
    done = subprocess.run(
        ["node", str(DECLARATIONS), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def seed_text(prefix: str) -> list[str]:
    [path] = SEEDS.glob(prefix + "_*.txt")
    # The page scrape puts `|` / `||` lines between code lines.
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().strip("|")
    ]


# ------------------------------------------------------------------ structural match


def matches(seed: dict[str, Any], ours: dict[str, Any]) -> bool:
    """Same type: a reference the seed cannot resolve (it imports other files) matches our
    type of that name; everything else must have the same structure."""
    if seed["k"] == "ref" or ours["k"] == "ref":
        names = {x.get("name") for x in (seed, ours)}
        return len(names) == 1 or (
            seed["k"] == "ref"
            and ours["k"] == "object"
            and seed["name"] == ours["name"]
        )
    if seed["k"] != ours["k"]:
        return False
    kind = seed["k"]
    if kind in ("prim",):
        return bool(seed["t"] == ours["t"])
    if kind == "lit":
        return bool(seed["v"] == ours["v"])
    if kind == "array":
        return matches(seed["of"], ours["of"])
    if kind == "record":
        return matches(seed["value"], ours["value"])
    if kind == "union":
        # Ours also admits a variant a newer server may send (`Core.UnknownVariant`).
        left = [o for o in ours["of"] if not o.get("t", "").startswith("UnknownVariant<")]
        if len(left) != len(seed["of"]):
            return False
        for variant in seed["of"]:
            hit = next((o for o in left if matches(variant, o)), None)
            if hit is None:
                return False
            left.remove(hit)
        return True
    if kind == "object":
        a, b = seed["members"], ours["members"]
        return set(a) == set(b) and all(
            a[k]["optional"] == b[k]["optional"]
            and matches(a[k]["shape"], b[k]["shape"])
            for k in a
        )
    return False


def unqualified(text: str) -> str:
    return re.sub(r"\b[A-Za-z_$][\w$]*\.", "", text)


# ------------------------------------------------------------------ OpenAI, seed 000

COMPARED = (
    "Run",
    "RequiredActionFunctionToolCall",
    "RunCreateParams",
    "RunUpdateParams",
    "RunListParams",
    "RunSubmitToolOutputsParams",
)


@pytest.fixture(scope="module")
def openai_declarations(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Any], dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("openai-2024-02-23")
    out = generate(SPECS / "openai" / "openapi-2024-02-23.yaml", tmp / "sdk", "openai")
    done = tsc(
        "-p",
        str(out / "tsconfig.json"),
        "--declaration",
        "--emitDeclarationOnly",
        "--outDir",
        str(tmp / "d"),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ours = declarations(sorted((tmp / "d").rglob("*.d.ts")))
    lines = seed_text("000")
    start = next(
        i for i, line in enumerate(lines) if line.startswith("import * as Core")
    )
    seed_file = tmp / "seed" / "runs.d.ts"
    seed_file.parent.mkdir()
    seed_file.write_text("\n".join(lines[start:]) + "\n", encoding="utf-8")
    return declarations([seed_file]), ours


@pytest.mark.parametrize("name", COMPARED)
def test_openai_declarations_match_seed_member_by_member(
    openai_declarations: tuple[dict[str, Any], dict[str, Any]], name: str
) -> None:
    seed, ours = (d["interfaces"] for d in openai_declarations)
    assert name in ours, f"no interface {name} in the generated declarations"
    seed_members = {m["name"]: m for m in seed[name]["members"]}
    our_members = {m["name"]: m for m in ours[name]["members"]}
    assert sorted(our_members) == sorted(seed_members)
    for member, expected in seed_members.items():
        got = our_members[member]
        assert got["optional"] == expected["optional"], member
        assert matches(expected["shape"], got["shape"]), (
            f"{name}.{member}: seed {expected['text']!r}, ours {got['text']!r}\n"
            f"{json.dumps(expected['shape'])}\n{json.dumps(got['shape'])}"
        )
    assert [unqualified(h) for h in ours[name]["heritage"]] == seed[name]["heritage"]


def test_openai_runs_class_has_the_seed_methods(
    openai_declarations: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    seed, ours = (d["classes"]["Runs"] for d in openai_declarations)
    assert set(ours["methods"]) == set(seed["methods"])
    for method, overloads in seed["methods"].items():
        expected = [
            [(p["name"], p["optional"], unqualified(p["text"])) for p in o]
            for o in overloads
        ]
        got = [
            [(p["name"], p["optional"], unqualified(p["text"])) for p in o]
            for o in ours["methods"][method]
        ]
        assert got == expected, method
    assert unqualified(ours["properties"]["steps"]) == unqualified(
        seed["properties"]["steps"]
    )


# ------------------------------------------------------------------ Azure, seed 001


def seed_runstep_members() -> dict[str, str]:
    members: dict[str, str] = {}
    for line in seed_text("001"):
        m = re.fullmatch(r"(\w+)(\??): (.+)", line.strip())
        if m:
            members[m.group(1) + m.group(2)] = m.group(3)
    return members


def normalized(text: str) -> str:
    parts = sorted(p.strip().replace('"', "'") for p in text.split("|"))
    return " | ".join(parts)


def test_azure_runstep_has_exactly_the_seed_members(tmp_path: Path) -> None:
    out = generate(
        SPECS / "azure" / "azure-ai-agents-v1.json", tmp_path / "sdk", "azure"
    )
    done = tsc(
        "-p",
        str(out / "tsconfig.json"),
        "--declaration",
        "--emitDeclarationOnly",
        "--outDir",
        str(tmp_path / "d"),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    ours = declarations(sorted((tmp_path / "d").rglob("*.d.ts")))["interfaces"][
        "RunStep"
    ]["members"]
    got = {
        m["name"] + ("?" if m["optional"] else ""): normalized(m["text"]) for m in ours
    }
    expected = {k: normalized(v) for k, v in seed_runstep_members().items()}
    assert len(expected) == 16
    assert got == expected


# ------------------------------------------------------------------ tsc --strict, every spec


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda p: p.name)
def test_tsc_strict_is_clean_on_every_spec(tmp_path: Path, spec: Path) -> None:
    out = generate(spec, tmp_path / "sdk")
    done = tsc("-p", str(out / "tsconfig.json"), "--strict", "--noEmit")
    assert done.returncode == 0, (done.stdout + done.stderr)[:4000]


# ------------------------------------------------------------------ Azure example payloads


def test_azure_example_replies_decode_with_dates(tmp_path: Path) -> None:
    """Every recorded reply (several do not conform to the spec) goes through the generated
    deserializer of its operation's success type without throwing, and unixtime becomes Date.
    """
    flavor = FLAVORS["azure"]
    api = apply(build(load(str(SPECS / "azure" / "azure-ai-agents-v1.json"))), flavor)
    naming = build_naming(api, flavor)
    decoders = {
        op.operation_id: function_name("deserialize", naming.ts(op.success.type.name))
        for op in api.all_operations()
        if op.success is not None and isinstance(op.success.type, Ref)
    }
    cases = []
    for example in sorted((SPECS / "azure" / "examples").glob("*.json")):
        doc = json.loads(example.read_text(encoding="utf-8"))
        body = doc.get("responses", {}).get("200", {}).get("body")
        if body is not None and doc["operationId"] in decoders:
            cases.append(
                {
                    "name": example.name,
                    "decoder": decoders[doc["operationId"]],
                    "body": body,
                }
            )
    assert len(cases) >= 20
    out = generate(
        SPECS / "azure" / "azure-ai-agents-v1.json", tmp_path / "sdk", "azure"
    )
    done = tsc("-p", str(out / "tsconfig.json"))
    assert done.returncode == 0, done.stdout + done.stderr
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    run = subprocess.run(
        [
            "node",
            str(NODE_DIR / "decode-examples.mjs"),
            str(out / "dist" / "index.js"),
            str(tmp_path / "cases.json"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    results = {r["name"]: r for r in json.loads(run.stdout)}
    failed = {name: r["error"] for name, r in results.items() if not r["ok"]}
    assert not failed
    for case in cases:
        body = case["body"]
        wire = body.get("created_at") if isinstance(body, dict) else None
        if wire is None and isinstance(body, dict) and body.get("data"):
            wire = body["data"][0].get("created_at")
        if isinstance(wire, int):
            assert results[case["name"]]["createdAt"] == wire * 1000, case["name"]

"""TypeScript identifiers and literals: one allocator per scope, renames reported, paths
built without template literals, types tsc accepts for recursive and odd schemas."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from needs import need

from generator.flavors import FLAVORS, apply
from generator.flavors.flavor import AZURE, OPENAI, Flavor
from generator.ir.build import build
from generator.ir.model import (
    AliasModel,
    Api,
    Body,
    LiteralOf,
    Nullable,
    ObjectModel,
    Operation,
    Parameter,
    Primitive,
    Ref,
    Resource,
    Response,
    Server,
    ServerVariable,
    UnionModel,
)
from generator.load import load
from generator.naming.allocator import RENAMED
from generator.plan import FilePlan, TargetOptions
from generator.targets.typescript import plan
from generator.targets.typescript.calls import call_table
from generator.targets.typescript.cycles import eager_cycles
from generator.targets.typescript.naming import build_naming
from generator.targets.typescript.resources import path_expression
from generator.targets.typescript.types import TypeWriter, literal_type

REPO = Path(__file__).resolve().parents[2]
COLLISIONS = REPO / "tests" / "golden" / "cases" / "name_collisions" / "spec.yaml"
HARD_TYPES = REPO / "tests" / "fixtures" / "typing" / "hard_types.json"
STRING = Primitive("string")


def generated(
    spec: Path, flavor: Flavor, client: str
) -> tuple[FilePlan, dict[str, str]]:
    api = apply(build(load(str(spec))), flavor)
    p = plan(api, flavor, TargetOptions("sdk", client))
    return p, {f.path: f.render() for f in p.files}


def written(files: dict[str, str], root: Path) -> Path:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def tsc_strict(root: Path) -> None:
    done = subprocess.run(
        [str(need("tsc")), "-p", str(root / "tsconfig.json"), "--strict", "--noEmit"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:]


# ------------------------------------------------------------------ literals and paths


@pytest.mark.parametrize(
    ("path", "args", "expected"),
    [
        ("/runs", {}, "'/runs'"),
        (
            "/threads/{thread_id}/runs",
            {"thread_id": ("threadId", False)},
            "'/threads/' + Core.encodePath(threadId) + '/runs'",
        ),
        (
            "/{a}{b}",
            {"a": ("a", False), "b": ("b", True)},
            "'/' + Core.encodePath(a) + String(b)",
        ),
        ("{a}", {"a": ("a", False)}, "Core.encodePath(a)"),
        ("/x/`${process.exit(66)}`/{y}", {}, "'/x/`${process.exit(66)}`/{y}'"),
        (
            "/it's/{id}/\\",
            {"id": ("id", False)},
            "'/it\\'s/' + Core.encodePath(id) + '/\\\\'",
        ),
        ("", {}, "''"),
    ],
)
def test_path_is_quoted_literals_and_encoded_parameters(
    path: str, args: dict[str, tuple[str, bool]], expected: str
) -> None:
    assert path_expression(path, args) == expected


def test_literal_types_only_where_typescript_has_them() -> None:
    assert [literal_type(v) for v in ("a'b", True, 3, -2, 1.5, 2**53 - 1)] == [
        "'a\\'b'",
        "true",
        "3",
        "-2",
        "1.5",
        str(2**53 - 1),
    ]
    assert [
        literal_type(v) for v in (2**64, float("inf"), float("-inf"), float("nan"))
    ] == [None] * 4


# ------------------------------------------------------------------ collisions


@pytest.fixture(scope="module")
def collisions() -> tuple[FilePlan, dict[str, str]]:
    return generated(COLLISIONS, OPENAI, "Widgets")


def test_models_never_hide_globals_the_client_or_each_other(
    collisions: tuple[FilePlan, dict[str, str]],
) -> None:
    _, files = collisions
    models = "\n".join(t for p, t in files.items() if p.startswith("src/models/"))
    for decl in (
        "export type ArrayModel = Array<string>;",
        "export interface PromiseModel {",
        "export interface RecordModel {",
        "export interface classModel {",
        "export interface Widgets2 {",  # the schema's own name, kept
        "export interface Widgets3 {",  # `Widgets`, which the client class holds
        "export interface FooBar {",
        "export interface FooBar2 {",
        "export interface FooBar3 {",
        "export interface Model {",  # `名前`: no ASCII letters to keep
        "export interface ThreeDSecure {",
    ):
        assert decl in models, decl
    assert "record?: RecordModel;" in models
    assert "export class Widgets extends Core.APIClient" in files["src/client.ts"]


def test_resource_class_named_like_a_model_imports_it_under_an_alias(
    collisions: tuple[FilePlan, dict[str, str]],
) -> None:
    pets = collisions[1]["src/resources/pets.ts"]
    assert "import type { Pet, Pets as Pets2 } from '../models/pets.js';" in pets
    assert "export class Pets extends Core.APIResource" in pets
    assert "list(options?: Core.RequestOptions): Promise<Pets2>" in pets


def test_sub_resource_keeps_its_name_and_the_method_takes_a_suffix(
    collisions: tuple[FilePlan, dict[str, str]],
) -> None:
    teams = collisions[1]["src/resources/teams.ts"]
    assert (
        "projects: ProjectsAPI.Projects = new ProjectsAPI.Projects(this._client);"
        in teams
    )
    assert "projects2(options?: Core.RequestOptions): Promise<ArrayModel>" in teams


def test_every_rename_is_a_warning_naming_both(
    collisions: tuple[FilePlan, dict[str, str]],
) -> None:
    p, _ = collisions
    assert p.warnings and all(w.code == RENAMED for w in p.warnings)
    messages = [w.message for w in p.warnings]
    assert any(
        "schema `Widgets` is named `Widgets3`" in m and "the client class" in m
        for m in messages
    )
    assert any(
        "operation `projects` is named `projects2`" in m and "resource `projects`" in m
        for m in messages
    )
    located = next(w for w in p.warnings if "schema `Array`" in w.message)
    assert located.file is not None and located.pointer == "/components/schemas/Array"
    assert [w.render() for w in p.warnings] == [
        w.render() for w in generated(COLLISIONS, OPENAI, "Widgets")[0].warnings
    ]


def test_camel_case_members_stay_distinct_and_map_back_to_their_wire_names(
    tmp_path: Path,
) -> None:
    _, files = generated(COLLISIONS, AZURE, "Widgets")
    # No `Group_` operationIds: the Azure flavor puts every operation on the client.
    models = files["src/models/shared.ts"]
    for wire, member in (
        ("fooBar", "fooBar"),
        ("foo_bar", "fooBar2"),
        ("'foo-bar'", "fooBar3"),
        ("FooBar", "fooBar4"),
        ("'foo.bar'", "fooBar5"),
        ("'foo bar'", "fooBar6"),
        ("['__proto__']", "proto"),
        ("''", "value"),
        ("'3d_secure'", "threeDSecure"),
    ):
        assert f"    {wire}: item['{member}'],\n" in models, wire
    client = files["src/client.ts"]
    assert "'foo_bar': options?.['fooBar2']," in client
    assert "'fooBar': options?.['fooBar']," in client
    assert (
        "'foo-bar': options?.['fooBar3']," in client
    )  # a header beside the query parameters
    tsc_strict(written(files, tmp_path / "sdk"))


def test_operation_parameters_never_take_the_methods_own_names() -> None:
    ident = Parameter("options", "path", STRING, True)
    body_param = Parameter("body", "path", STRING, True)
    query = Parameter("q", "query", STRING, False)
    op = Operation(
        "getThing",
        "get",
        "post",
        "/things/{options}/{body}",
        (ident, body_param, query),
        bodies=(Body("application/json", Ref("Thing"), True),),
        success=Response("200", content_type="application/json", type=Ref("Thing")),
    )
    retrieve = Operation("retrieveThing", "retrieve", "get", "/things", ())
    api = Api(
        title="T",
        version="1",
        spec_format="openapi-3.0.3",
        models=(ObjectModel("Thing", ()),),
        resources=(Resource("things", (op, retrieve)), Resource("Things", ())),
        servers=(
            Server(
                "https://{default}.example/{baseURL}",
                variables=(
                    ServerVariable("default", "a"),
                    ServerVariable("baseURL", "b"),
                ),
            ),
        ),
    )
    api = apply(api, OPENAI)
    p = plan(api, OPENAI, TargetOptions("sdk", "Client"))
    files = {f.path: f.render() for f in p.files}
    things = files["src/resources/things.ts"]
    # `get` becomes the flavor's `retrieve`, which an operation already has
    assert (
        "retrieve(options2: string, body2: string, body: ThingRetrieveParams, query?: ThingRetrieveQuery"
        in things
    )
    assert "retrieve2(options?: Core.RequestOptions): Promise<void>" in things
    assert (
        "path: '/things/' + Core.encodePath(options2) + '/' + Core.encodePath(body2),"
        in things
    )
    # case-folded file names: `things` and `Things` are one file on some systems
    assert "src/resources/things2.ts" in files
    client = files["src/client.ts"]
    assert "  default_?: string | undefined;" in client
    assert "  baseURL_?: string | undefined;" in client
    assert "const baseURL_ = opts.baseURL_ ?? 'b';" in client
    calls = {c.operation_id: c for c in call_table(api, OPENAI, "Client")}
    assert (
        calls["getThing"].method == "retrieve"
        and calls["retrieveThing"].method == "retrieve2"
    )
    assert calls["getThing"].params == (("query", "q", "q"),)


def test_required_parameter_never_follows_an_optional_one() -> None:
    _, files = generated(HARD_TYPES, OPENAI, "TypesClient")
    trees = files["src/resources/trees.ts"]
    assert (
        "update(treeId: string, body: TreeUpdateParams | undefined, query: TreeUpdateQuery, options?: Core.RequestOptions)"
        in trees
    )


# ------------------------------------------------------------------ types


@pytest.mark.parametrize("flavor", ["openai", "azure"])
def test_recursive_and_odd_literal_types_pass_tsc_strict(
    flavor: str, tmp_path: Path
) -> None:
    _, files = generated(HARD_TYPES, FLAVORS[flavor], "TypesClient")
    models = "\n".join(t for p, t in files.items() if p.startswith("src/models/"))
    for text in (
        "export type Json = string | number | Array<Json> | { [key: string]: Json };",
        "export type Dict = { [key: string]: Dict };",
        # Ping → Pong → Maybe → Ping through unions and an alias: each written out
        "export type Ping = string | number;",
        "export type Pong = number | string;",
        "export type Maybe = string | number;",
        "export type Ratio = 0.5 | 1.5;",
        " * One of 12345678901234567890, 1.\n */\nexport type Huge = number;",
        " * One of Infinity, -Infinity.\n */\nexport type Infinite = number;",
        "limit?: number;",
        "weight?: 2.5;",
        "big?: number;",
    ):
        assert text in models, text
    tsc_strict(written(files, tmp_path / "sdk"))


def test_cycles_through_nullable_aliases_are_written_out() -> None:
    models = (
        UnionModel("A", (STRING, Nullable(Ref("B")))),
        AliasModel("B", Ref("A")),
        AliasModel("C", Nullable(Ref("A"))),
        UnionModel("D", (LiteralOf("null"), Ref("D"))),
    )
    api = Api(
        title="T", version="1", spec_format="openapi-3.1.0", models=models, resources=()
    )
    naming = build_naming(api, OPENAI)
    cyclic = eager_cycles(naming)
    assert cyclic == {"A", "B", "D"}  # C reaches the cycle but is not on it
    writer = TypeWriter(naming, OPENAI, cyclic=cyclic)
    assert writer.declaration("A") == "string | null"
    assert writer.declaration("B") == "string | null"
    assert writer.declaration("C") == "A | null"
    assert writer.declaration("D") == "'null'"


def test_eager_cycles_survive_long_alias_chains() -> None:
    chain = tuple(AliasModel(f"M{i}", Ref(f"M{(i + 1) % 3000}")) for i in range(3000))
    api = Api(
        title="T", version="1", spec_format="openapi-3.1.0", models=chain, resources=()
    )
    assert len(eager_cycles(build_naming(api, OPENAI))) == 3000


def test_no_invisible_character_in_any_file_of_the_hostile_specs() -> None:
    from generator.encoders.invisible import is_invisible

    for spec, flavor in (
        (REPO / "tests" / "golden" / "cases" / "hostile_text" / "spec.yaml", AZURE),
        (REPO / "tests" / "fixtures" / "hostile" / "azure.json", OPENAI),
    ):
        _, files = generated(spec, flavor, "HostileClient")
        for path, text in files.items():
            bad = sorted(
                {f"U+{ord(ch):04X}" for ch in text if ch != "\n" and is_invisible(ch)}
            )
            assert not bad, f"{path}: {bad}"

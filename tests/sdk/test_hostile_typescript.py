"""The hostile specs (tests/sdk/hostile.py) through the TypeScript target, in every flavor.

Each SDK is generated through the command line from a folder of its own, compiled with
`tsc --strict`, and driven by tests/node/hostile.mjs: every module imported, the client
constructed with the spec's default URL and api-version, every method called over a
recording `fetch`. Pass means: Node did not exit with the payloads' status, no `PWNED`
file appeared and nothing was written outside the output folder, no raw bidi control
is in any file, and every header, query, cookie and JSON property name went out as the
spec spells it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile import (
    EXIT_STATUS,
    HOSTILE_SPECS,
    HostileSpec,
    assert_no_bidi,
    assert_nothing_ran,
    property_names,
    wire_names,
)
from needs import need
from sdkgen import REPO, build_ir

from generator.flavors import FLAVORS
from generator.flavors.flavor import Flavor
from generator.ir.model import (
    AliasModel,
    Api,
    ArrayOf,
    Body,
    EnumModel,
    LiteralOf,
    MapOf,
    Nullable,
    ObjectModel,
    Parameter,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
    UnionOf,
)
from generator.targets.typescript.calls import OperationCall, call_table
from generator.targets.typescript.client import client_params
from generator.targets.typescript.naming import Naming, build_naming
from generator.targets.typescript.types import is_date

CLIENT = "HostileClient"
LOCATIONS = ("query", "header", "cookie")
CASES = [
    pytest.param(spec, flavor, id=f"{spec.name}-{flavor}")
    for spec in HOSTILE_SPECS
    for flavor in spec.flavors
]


class Sample:
    """Arguments for a call: a value of each parameter's type, objects with every member
    set, and the wire names of the JSON properties that must then be sent."""

    def __init__(self, api: Api, flavor: Flavor) -> None:
        self.naming: Naming = build_naming(api, flavor, CLIENT)
        self.flavor = flavor
        self.properties: set[str] = set()

    def value(self, t: TypeRef, depth: int = 0) -> Any:
        if isinstance(t, Primitive):
            if t.kind in ("string", "integer", "number") and is_date(t, self.flavor):
                return {"$date": 1_700_000_000_000}
            return {"string": "s", "integer": 1, "number": 1.5, "boolean": True}.get(
                t.kind, "x"
            )
        if isinstance(t, LiteralOf):
            return t.value
        if isinstance(t, Nullable):
            return self.value(t.inner, depth)
        if isinstance(t, ArrayOf):
            return [self.value(t.items, depth + 1)]
        if isinstance(t, MapOf):
            return {"key": self.value(t.values, depth + 1)}
        if isinstance(t, UnionOf):
            return self.value(t.variants[0], depth) if t.variants else None
        if isinstance(t, Ref):
            return self.model(t.name, depth)
        raise TypeError(t)

    def model(self, name: str, depth: int) -> Any:
        model = self.naming.models[name]
        if isinstance(model, EnumModel):
            return model.values[0].value if model.values else "x"
        if isinstance(model, AliasModel):
            return self.value(model.target, depth)
        if isinstance(model, UnionModel):
            return self.value(model.variants[0], depth) if model.variants else None
        assert isinstance(model, ObjectModel)
        if depth > 3:  # recursion: stop with an empty object
            return {}
        out: dict[str, Any] = {}
        for member in self.naming.members[name]:
            if member.field.read_only:
                continue
            self.properties.add(member.field.name)
            out[member.key] = self.value(member.field.type, depth + 1)
        return out


def _fields_args(
    sample: Sample,
    call: OperationCall,
    body: Body | None,
    by_wire: dict[tuple[str, str], Parameter],
) -> list[Any]:
    """The `fields` convention's arguments after the path: the required body fields (or
    the whole body), the required parameters, then one options object with the rest."""
    model = (
        sample.naming.models.get(body.type.name)
        if body is not None and isinstance(body.type, Ref)
        else None
    )
    types = {f.name: f.type for f in model.fields} if isinstance(model, ObjectModel) else {}
    args: list[Any] = []
    options: dict[str, Any] = {}
    for wire, key in call.fields:
        sample.properties.add(wire)
        value = sample.value(types[wire])
        if key:
            options[key] = value
        else:
            args.append(value)
    if call.body and body is not None:
        args.append(sample.value(body.type))
    for loc, wire, key in call.params:
        value = sample.value(by_wire[(loc, wire)].type)
        if key:
            options[key] = value
        else:
            args.append(value)
    return [*args, options]


def _plan(api: Api, flavor: Flavor, calls: tuple[OperationCall, ...]) -> dict[str, Any]:
    sample = Sample(api, flavor)
    entries = []
    for call in calls:
        op = next(
            o for o in api.all_operations() if o.operation_id == call.operation_id
        )
        args: list[Any] = [f"p{i}" for i, _ in enumerate(call.path_params)]
        body = (
            next((b for b in op.bodies if "json" in b.content_type), op.bodies[0])
            if op.bodies
            else None
        )
        by_wire = {(p.location, p.name): p for p in op.parameters}
        if flavor.ts_call_convention == "fields":
            args += _fields_args(sample, call, body, by_wire)
        else:
            if call.body:
                args.append(sample.value(body.type) if body is not None else {})
            if call.query:
                args.append(
                    {
                        key: sample.value(by_wire[(loc, wire)].type)
                        for loc, wire, key in call.params
                    }
                )
        entries.append(
            {
                "operationId": call.operation_id,
                "accessor": list(call.accessor),
                "method": call.method,
                "streamMethod": call.stream_method,
                "kind": call.kind,
                "args": args,
            }
        )
    # A placeholder of the service URL without a default is a required client option.
    server = api.servers[0] if api.servers else None
    declared = (
        [v.name for v in server.variables if not v.default]
        if server and server.variables
        else None
    )
    placeholders = (
        declared
        if declared is not None
        else re.findall(r"\{([^}]+)\}", server.url if server else "")
    )
    options = {name: "https://endpoint.test" for name in placeholders}
    return {
        "client": CLIENT,
        "options": options,
        "calls": entries,
        "properties": sorted(sample.properties),
    }


def _expected(call: OperationCall, flavor: Flavor, location: str) -> set[str]:
    names = {wire for loc, wire, _ in call.params if loc == location}
    if location == "query" and flavor.api_version_param:
        names.add(flavor.api_version_param)
    return names


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NODE_OPTIONS": ""}
    env.pop("OPENAI_BASE_URL", None)
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env=env,
    )


@pytest.mark.needs("node")
@pytest.mark.parametrize(("spec", "flavor_name"), CASES)
def test_hostile_spec_is_inert_and_sends_wire_names(
    spec: HostileSpec, flavor_name: str, tmp_path: Path
) -> None:
    tsc = need("tsc")
    out, cwd = tmp_path / "sdk", tmp_path / "cwd"
    cwd.mkdir()
    generated = _run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(spec.path),
            "--target",
            "typescript",
        ]
        + [
            "--flavor",
            flavor_name,
            "--output",
            str(out),
            "--package-name",
            "hostile-sdk",
        ]
        + ["--client-name", CLIENT, "--no-cache", "--quiet"],
        cwd,
    )
    assert generated.returncode == 0, generated.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cwd",
        "sdk",
    ], "generation wrote outside its folder"
    assert not any(cwd.iterdir())
    assert_no_bidi(out)

    compiled = _run([str(tsc), "-p", str(out / "tsconfig.json"), "--strict"], cwd)
    assert compiled.returncode == 0, compiled.stdout[-3000:] + compiled.stderr[-1000:]

    flavor = FLAVORS[flavor_name]
    api = build_ir(spec.path, flavor_name, "typescript")
    calls = call_table(api, flavor, CLIENT)
    assert calls, "the spec has operations to call"
    plan = _plan(api, flavor, calls)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    ran = _run(
        [
            "node",
            str(REPO / "tests" / "node" / "hostile.mjs"),
            str(out / "dist"),
            str(plan_file),
        ],
        cwd,
    )
    assert (
        ran.returncode != EXIT_STATUS
    ), "a spec payload ran: node exited with the payloads' status"
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert_nothing_ran(tmp_path)
    assert not any(
        cwd.iterdir()
    ), f"the SDK wrote into its working folder: {sorted(os.listdir(cwd))}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "plan.json", "sdk"]

    report = json.loads(ran.stdout)
    assert report["modules"] >= 10
    assert not report["errors"], "\n".join(
        f"{e['method']}: {e['error']}" for e in report["errors"]
    )
    requests: dict[tuple[str, str], dict[str, Any]] = {
        (r["operationId"], r["method"]): r for r in report["requests"]
    }
    sent: dict[str, set[str]] = {loc: set() for loc in (*LOCATIONS, "body")}
    for call in calls:
        for method in filter(None, (call.method, call.stream_method)):
            request = requests.get((call.operation_id, method))
            assert request is not None, f"{call.operation_id}.{method} sent nothing"
            for location, field in (
                ("query", "query"),
                ("header", "headers"),
                ("cookie", "cookies"),
            ):
                missing = _expected(call, flavor, location) - set(request[field])
                assert (
                    not missing
                ), f"{method}: {location} names not sent as spelled: {missing}"
                sent[location] |= set(request[field])
            sent["body"] |= set(request["body"])
    # Every parameter of the spec went out under its own name...
    for location in LOCATIONS:
        spelled = wire_names(spec, location) - client_params(api, flavor) | (
            {flavor.api_version_param} & wire_names(spec, location)
        )
        assert (
            spelled <= sent[location]
        ), f"{location}: {spelled - sent[location]} never sent"
    # ...and so did every JSON property the calls set, each as the spec spells it.
    assert set(plan["properties"]) <= property_names(spec)
    assert set(plan["properties"]) <= sent["body"], (
        set(plan["properties"]) - sent["body"]
    )
    assert plan["properties"], "the calls sent no JSON body"

"""The hostile specs, generated for Python in every flavor: the SDK type-checks, and
importing it, constructing its clients with their default URL and api-version and
calling every method runs none of the spec's text, writes nothing outside its folder,
and sends every wire name as the spec spells it.

The SDK runs in a child process (`_DRIVER`) whose working folder is an empty
temporary one, so a payload that ran would leave its `PWNED` file there, or end the
process with its own status.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import (
    HOSTILE_SPECS,
    HostileSpec,
    SentRequest,
    assert_no_bidi,
    assert_nothing_ran,
    assert_wire_names,
    cookie_names,
    json_keys,
    property_names,
    tree,
)
from sdkgen import REPO
from typecheck import mypy_strict

from generator.encoders.invisible import is_invisible

PACKAGE = "hostile_sdk"
CLIENT = "HostileClient"
CASES = [
    pytest.param(spec, flavor, id=f"{spec.name}-{flavor}")
    for spec in HOSTILE_SPECS
    for flavor in spec.flavors
]

_DRIVER = r'''
import asyncio, importlib, inspect, json, pkgutil, sys, typing
from collections import abc
from urllib.parse import parse_qsl

import httpx
import pydantic
from typing_extensions import TypeAliasType

package, client_name, options, answer = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
sdk = importlib.import_module(package)
imported = [package] + [
    importlib.import_module(info.name).__name__
    for info in pkgutil.walk_packages(sdk.__path__, package + ".")
]
resource_bases = tuple(
    getattr(importlib.import_module(package + "._resource"), name)
    for name in ("SyncAPIResource", "AsyncAPIResource")
)
sent, results = [], []


def record(request):
    request.read()
    body = json.loads(request.content) if request.content else None
    sent.append({
        "headers": [k.decode("latin-1") for k, _ in request.headers.raw],
        "query": [k for k, _ in parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)],
        "cookie": request.headers.get("cookie", ""),
        "body": body,
        "url": str(request.url),
    })
    return httpx.Response(200, json=answer)


async def arecord(request):
    return record(request)


def sample(tp):
    if isinstance(tp, TypeAliasType):
        return sample(tp.__value__)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return sample(args[0])
    if origin is typing.Union:
        arms = [a for a in args if a is not type(None) and getattr(a, "__name__", "") != "NotGiven"]
        dicts = [a for a in arms if typing.get_origin(a) in (dict, abc.Mapping)]
        return sample((dicts or arms)[0])
    if origin is typing.Literal:
        return args[0]
    if origin in (list, abc.Iterable, abc.Sequence):
        return [sample(args[0])] if args else []
    if origin in (dict, abc.Mapping):
        return {}
    if tp is bool:
        return True
    if tp is int:
        return 3
    if tp is float:
        return 1.5
    return "value"


def call(method):
    hints = typing.get_type_hints(method, include_extras=True)
    positional, keywords = [], {}
    for name, param in inspect.signature(method).parameters.items():
        if name in ("extra_headers", "extra_query", "extra_body", "timeout"):
            continue
        value = sample(hints.get(name, str))
        if param.kind is param.POSITIONAL_OR_KEYWORD:
            positional.append(value)
        else:
            keywords[name] = value
    return method(*positional, **keywords)


def methods(resource):
    for name in sorted(vars(type(resource))):
        member = getattr(resource, name)
        if isinstance(member, resource_bases):
            yield from methods(member)
        elif not name.startswith("_") and name != "with_raw_response" and callable(member):
            yield member
    for member in vars(resource).values():
        if isinstance(member, resource_bases):
            yield from methods(member)


def outcome(result):
    if isinstance(result, pydantic.BaseModel):
        known = {info.alias or name for name, info in type(result).model_fields.items()}
        results.append({
            "round_trip": sorted(result.to_dict()),
            "known_left_extra": sorted(known & set(result.model_extra or {})),
        })


def resources(client):
    return [v for v in vars(client).values() if isinstance(v, resource_bases)]


def client_methods(client):
    """The operations called on the client itself (a flavor may put some there)."""
    for name in sorted(vars(type(client))):
        if not name.startswith("_") and name != "with_raw_response":
            member = getattr(client, name)
            if callable(member):
                yield member


client = getattr(sdk, client_name)(http_client=httpx.Client(transport=httpx.MockTransport(record)), **options)
for method in client_methods(client):
    outcome(call(method))
for resource in resources(client):
    for method in methods(resource):
        outcome(call(method))


async def run_async():
    aclient = getattr(sdk, "Async" + client_name)(
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(arecord)), **options
    )
    for method in client_methods(aclient):
        outcome(await call(method))
    for resource in resources(aclient):
        for method in methods(resource):
            outcome(await call(method))


asyncio.run(run_async())
print(json.dumps({"imported": imported, "sent": sent, "results": results}))
'''


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "AZURE_"))}
    env.update(PYTHONDONTWRITEBYTECODE="1", **extra)
    return env


def _answer(spec: HostileSpec) -> dict[str, object]:
    """A reply holding every property name the spec spells (values of no special type:
    parsing is lenient), so each must come back under its own spelling."""
    return {name: "x" for name in sorted(property_names(spec))}


def _client_options(flavor: str) -> dict[str, object]:
    options: dict[str, object] = {"api_key": "test-key"}
    if flavor == "azure":
        # Fills `{endpoint}` of the host template: not a base_url override.
        options["endpoint"] = "https://endpoint.example"
    return options


@pytest.mark.parametrize(("spec", "flavor"), CASES)
def test_hostile_spec_generates_safe_python(spec: HostileSpec, flavor: str, tmp_path: Path) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    out = tmp_path / "out"
    generate = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(spec.path),
        "--target",
        "python",
        "--flavor",
        flavor,
        "--output",
        str(out),
        "--package-name",
        PACKAGE,
        "--client-name",
        CLIENT,
        "--no-cache",
        "--quiet",
    ]
    generated = _run(generate, workdir, _env(PYTHONPATH=str(REPO)))
    assert generated.returncode == 0, generated.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "out"]
    assert not any(workdir.iterdir()), "generation wrote into the working folder"
    assert_no_bidi(out)
    for path, data in tree(out).items():
        hidden = sorted({f"U+{ord(c):04X}" for c in data.decode("utf-8") if c != "\n" and is_invisible(c)})
        assert not hidden, f"{path} holds raw {', '.join(hidden)}"

    scratch = tmp_path / "mypy"
    scratch.mkdir()
    checked = mypy_strict(out, PACKAGE, scratch)
    assert checked.returncode == 0, checked.stdout[-3000:]

    before = tree(out)
    ran = _run(
        [sys.executable, "-c", _DRIVER, PACKAGE, CLIENT, json.dumps(_client_options(flavor)), json.dumps(_answer(spec))],
        workdir,
        _env(PYTHONPATH=str(out)),
    )
    assert_nothing_ran(workdir, out)
    assert ran.returncode == 0, f"status {ran.returncode}\n{ran.stderr[-3000:]}"
    assert not any(workdir.iterdir()), f"the SDK wrote {sorted(p.name for p in workdir.iterdir())}"
    assert tree(out) == before, "the SDK changed its own files"

    report = json.loads(ran.stdout)
    modules = {p.relative_to(out).with_suffix("").as_posix().replace("/", ".") for p in out.rglob("*.py")}
    assert {m.removesuffix(".__init__") for m in modules} == set(report["imported"])
    sent = [
        SentRequest(
            tuple(r["headers"]),
            tuple(r["query"]),
            cookie_names(r["cookie"]),
            json_keys(r["body"]),
        )
        for r in report["sent"]
    ]
    assert_wire_names(spec, sent)
    assert all(r["url"].startswith(("https://", "http://")) for r in report["sent"])
    assert report["results"], "no method returned a model"
    for result in report["results"]:
        assert result["round_trip"] == sorted(_answer(spec)), "a property came back renamed"
        assert result["known_left_extra"] == [], "a declared property did not reach its field"

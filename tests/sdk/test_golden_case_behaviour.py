"""What each focused golden case is about, exercised on the SDK generated from its spec.

The golden test (tests/golden/test_cases.py) pins the bytes; these tests pin the
behaviour those bytes must have: unions decode by their tag, null is not "left out",
open enums take new values, recursion parses, allOf merges, the Azure host template
and api-version, pagination, streaming and multipart go on the wire as they should.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sdkgen import REPO, SdkSpec, generate, import_sdk

CASES = REPO / "tests" / "golden" / "cases"
Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture(scope="module")
def case_sdk(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str, str], ModuleType]:
    made: dict[str, Path] = {}

    def get(name: str, client: str, flavor: str = "openai") -> ModuleType:
        package = f"behaviour_{name}"
        if name not in made:
            spec = SdkSpec(CASES / name / "spec.yaml", flavor, package, client)
            made[name] = generate(spec, tmp_path_factory.mktemp(name) / "sdk")
        return import_sdk(made[name], package)

    return get


class Recorder:
    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.handler(request)


def client_for(sdk: ModuleType, client: str, handler: Handler, **options: Any) -> tuple[Any, Recorder]:
    recorder = Recorder(handler)
    options.setdefault("api_key", "test-key")
    return getattr(sdk, client)(http_client=httpx.Client(transport=httpx.MockTransport(recorder)), **options), recorder


def test_discriminated_union_decodes_by_tag(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("discriminated_union", "ShapesClient")
    answers = [
        {"kind": "circle", "radius": 2.0},
        {"kind": "polygon", "points": [[0, 0], [1, 0], [0, 1]]},
        {"kind": "hexagon", "sides": 6},
    ]
    client, _ = client_for(sdk, "ShapesClient", lambda r: httpx.Response(200, json=answers.pop(0)))
    circle = client.shapes.retrieve("s1")
    polygon = client.shapes.retrieve("s2")
    newer = client.shapes.retrieve("s3")  # a variant the SDK does not know: still parses
    assert type(circle).__name__ == "Circle" and circle.radius == 2.0
    assert type(polygon).__name__ == "Polygon" and polygon.points[2] == [0, 1]
    assert type(newer) is sdk.UnknownVariant  # never an instance of a known variant
    assert newer.to_dict() == {"kind": "hexagon", "sides": 6}


def test_null_is_not_left_out(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("nullable_vs_optional", "ProfilesClient")
    profile = {"id": "p1", "nickname": None}
    client, recorder = client_for(sdk, "ProfilesClient", lambda r: httpx.Response(200, json=profile))
    client.profiles.update("p1", nickname=None)
    client.profiles.update("p1", bio="Hi")
    assert json.loads(recorder.requests[0].content) == {"nickname": None}
    assert json.loads(recorder.requests[1].content) == {"bio": "Hi"}
    got = client.profiles.retrieve("p1")
    assert got.nickname is None
    assert "bio" not in got.model_fields_set
    assert got.to_dict() == profile


def test_open_enum_takes_new_values(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("open_enum", "JobsClient")
    job = {"id": "j1", "object": "job", "status": "paused_for_review", "priority": "urgent"}
    client, recorder = client_for(sdk, "JobsClient", lambda r: httpx.Response(200, json=job))
    got = client.jobs.create(model="extra-large", priority="high")
    assert json.loads(recorder.requests[0].content) == {"model": "extra-large", "priority": "high"}
    assert got.status == "paused_for_review"
    assert got.priority == "urgent"  # a closed enum in a response still parses (the server is newer)
    assert got.to_dict() == job


def test_recursive_models_parse_deeply(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("recursive_model", "TreesClient")
    leaf = {"name": "leaf", "children": [], "parent": None}
    tree = {"name": "root", "children": [{"name": "mid", "children": [leaf]}], "parent": None}
    folder = {"name": "a", "entries": [{"folder": {"name": "b", "entries": [{"file_name": "x.txt"}]}}]}
    answers = [tree, folder]
    client, _ = client_for(sdk, "TreesClient", lambda r: httpx.Response(200, json=answers.pop(0)))
    got = client.trees.retrieve("t1")
    assert got.children[0].children[0].name == "leaf"
    assert type(got.children[0].children[0]) is type(got)
    entries = client.folders.retrieve("f1").entries
    assert entries[0].folder.entries[0].file_name == "x.txt"


def test_all_of_merges_every_level(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("all_of", "AccountsClient")
    account = {
        "id": "a1",
        "created_at": 1700000000,
        "email": "a@example.com",
        "billing_address": {"city": "Lyon"},
        "company": "ACME",
        "vat_id": None,
    }
    client, _ = client_for(sdk, "AccountsClient", lambda r: httpx.Response(200, json=account))
    got = client.accounts.retrieve("a1")
    assert (got.id, got.created_at, got.email, got.company, got.vat_id) == ("a1", 1700000000, "a@example.com", "ACME", None)
    assert got.billing_address.city == "Lyon"
    assert got.to_dict() == account


def test_azure_host_template_and_api_version(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("azure_host_api_version", "WidgetsClient", "azure")
    widget = {"id": "w1", "display_name": "Blue", "created_at": 1736869300, "retired_at": None, "color": "teal"}
    client, recorder = client_for(
        sdk, "WidgetsClient", lambda r: httpx.Response(200, json=widget), endpoint="https://res.widgets.azure.com/"
    )
    got = client.widgets.get("w/1")
    sent = recorder.requests[0]
    assert sent.url.raw_path == b"/widgets/w%2F1?api-version=2025-01-01"
    assert sent.url.host == "res.widgets.azure.com"
    assert sent.headers["api-key"] == "test-key"
    assert got.display_name == "Blue"  # x-ms-client-name, made snake_case
    assert got.created_at == datetime.fromtimestamp(1736869300, tz=UTC)
    assert got.retired_at is None
    assert got.color == "teal"  # modelAsString: an open enum
    assert got.to_dict() == widget


def test_pagination_walks_pages(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("pagination", "EventsClient")
    pages = {None: (["e1", "e2"], True), "e2": (["e3"], True), "e3": (["e4"], False)}

    def answer(request: httpx.Request) -> httpx.Response:
        ids, more = pages[request.url.params.get("after")]
        data = [{"id": i, "name": f"event {i}", "created_at": 1} for i in ids]
        return httpx.Response(
            200, json={"object": "list", "data": data, "first_id": ids[0], "last_id": ids[-1], "has_more": more}
        )

    client, recorder = client_for(sdk, "EventsClient", answer)
    assert [e.id for e in client.projects.events.list("p1", limit=2)] == ["e1", "e2", "e3", "e4"]
    assert [r.url.path for r in recorder.requests] == ["/v1/projects/p1/events"] * 3


def test_streaming_yields_typed_events(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("streaming", "CompletionsClient")
    body = (
        b'event: completion.delta\ndata: {"text": "Hel"}\n\n'
        b'event: completion.delta\ndata: {"text": "lo"}\n\n'
        b"event: done\ndata: [DONE]\n\n"
    )
    ticks = b'data: {"at": 1}\n\ndata: {"at": 2}\n\n'
    client, recorder = client_for(
        sdk,
        "CompletionsClient",
        lambda r: httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=ticks if r.url.path.endswith("ticks") else body
        ),
    )
    events = list(client.completions.create(prompt="Hello", stream=True))
    assert json.loads(recorder.requests[0].content) == {"prompt": "Hello", "stream": True}
    deltas = [e for e in events if type(e).__name__ == "DeltaEvent"]
    assert "".join(d.data.text for d in deltas) == "Hello"
    assert [t.at for t in client.ticks.list()] == [1, 2]


def test_multipart_upload_sends_parts(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("multipart_upload", "UploadsClient")
    stored = {"id": "f1", "bytes": 3, "filename": "a.bin"}
    client, recorder = client_for(sdk, "UploadsClient", lambda r: httpx.Response(200, json=stored))
    got = client.files.upload(file=("a.bin", b"\x00\x01\x02", "application/octet-stream"), purpose="batch", description="d")
    sent = recorder.requests[0]
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="a.bin"' in sent.content and b"\x00\x01\x02" in sent.content
    assert b'name="purpose"' in sent.content and b'name="description"' in sent.content
    assert got.filename == "a.bin"


def test_renamed_identifiers_keep_their_wire_names(case_sdk: Callable[..., ModuleType]) -> None:
    sdk = case_sdk("name_collisions", "Widgets")
    builtins = {"bool": True, "str": "s", "dict": {"k": "v"}, "List": "L", "list": ["a"], "fooBar": "fb", "foo_bar": "f", "名前": "n", "": "e", "2fa": "t", "class": "c"}
    client, recorder = client_for(sdk, "Widgets", lambda r: httpx.Response(200, json=builtins))
    client.widgets.list(
        timeout_=5,
        extra_headers_="eh",
        self_="me",
        class_="c",
        str="s",
        foo_bar="a",
        foo_bar2="b",
        foo_bar3="h",
        three_d_secure=True,
        timeout=30,
    )
    request = recorder.requests[0]
    assert [k for k, _ in httpx.QueryParams(request.url.query).multi_items()] == [
        "timeout", "extra_headers", "self", "class", "str", "foo_bar", "fooBar", "3d_secure"
    ]
    assert request.headers["foo-bar"] == "h"
    got = client.widgets.create(str_="s", bool_=True, list2="L", field="n", two_fa="t")
    assert json.loads(recorder.requests[1].content) == {"str": "s", "bool": True, "List": "L", "名前": "n", "2fa": "t"}
    assert (got.str_, got.bool_, got.dict_, got.list2, got.list, got.foo_bar2, got.field, got.field2) == (
        "s", True, {"k": "v"}, "L", ["a"], "fb", "n", "e"
    )
    assert got.to_dict() == builtins and not got.model_extra
    # Classes named like the client, and resources named like models, all still there.
    assert type(client.widgets).__name__ == "Widgets4" and type(client.pets).__name__ == "Pets2"
    assert type(got).__name__ == "Builtins" and hasattr(sdk.types, "Widgets3")
    assert callable(client.teams.projects2) and callable(client.teams.projects.list)
    assert callable(client.null.null.list) and callable(client.path.path.list)

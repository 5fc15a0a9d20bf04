"""Generic-flavor Python clients authenticate as their spec declares: one small spec per
scheme kind (tests/fixtures/auth/), each request inspected over a mock transport."""

from __future__ import annotations

import asyncio
import base64
import inspect
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from sdkgen import REPO, SdkSpec, generate, import_sdk

AUTH = REPO / "tests" / "fixtures" / "auth"
OPTIONS = {
    "base_url",
    "timeout",
    "max_retries",
    "default_headers",
    "default_query",
    "http_client",
}


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.method == "GET" and request.url.path.endswith("/things"):
            return httpx.Response(200, json=[{"id": "t1", "name": "lamp"}])
        return httpx.Response(200, json={"id": "t1", "name": "lamp"})

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


@pytest.fixture(scope="module")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], ModuleType]:
    made: dict[str, Path] = {}

    def get(case: str) -> ModuleType:
        if case not in made:
            sdk = SdkSpec(AUTH / f"{case}.yaml", "generic", case, "")
            made[case] = generate(sdk, tmp_path_factory.mktemp(case) / "sdk")
        return import_sdk(made[case], case)

    return get


def _client(sdk: ModuleType, name: str, recorder: Recorder, **kwargs: Any) -> Any:
    client_class = getattr(sdk, name)
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return client_class(http_client=http, max_retries=0, **kwargs)


def _credential_arguments(client_class: type) -> set[str]:
    return set(inspect.signature(client_class).parameters) - OPTIONS


def test_api_key_in_the_query(sdks: Callable[[str], ModuleType]) -> None:
    sdk, recorder = sdks("query_key"), Recorder()
    assert _credential_arguments(sdk.QueryKey) == {"api_key"}
    client = _client(sdk, "QueryKey", recorder, api_key="k&1")
    client.things.list(limit=2)
    request = recorder.last
    assert request.url.host == "api.example.com"
    assert request.url.path == "/v1/things"
    assert request.url.params.get_list("api_key") == ["k&1"]
    assert request.url.params["limit"] == "2"
    assert "authorization" not in request.headers


def test_api_key_from_the_environment(
    sdks: Callable[[str], ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    sdk, recorder = sdks("query_key"), Recorder()
    monkeypatch.setenv("QUERY_KEY_API_KEY", "from-env")
    _client(sdk, "QueryKey", recorder).things.retrieve("thing_1")
    assert recorder.last.url.params["api_key"] == "from-env"
    assert recorder.last.url.path == "/v1/things/thing_1"


def test_several_api_key_headers_are_all_sent(
    sdks: Callable[[str], ModuleType],
) -> None:
    sdk, recorder = sdks("header_keys"), Recorder()
    assert _credential_arguments(sdk.HeaderKeys) == {
        "client_id",
        "secret",
        "api_version",
    }
    client = _client(
        sdk, "HeaderKeys", recorder, client_id="c", secret="s", api_version="2020-09-14"
    )
    client.things.create(name="lamp")
    headers = recorder.last.headers
    assert (headers["X-Client-Id"], headers["X-Secret"], headers["X-Api-Version"]) == (
        "c",
        "s",
        "2020-09-14",
    )
    assert "authorization" not in headers


def test_missing_credentials_fail_before_sending(
    sdks: Callable[[str], ModuleType],
) -> None:
    sdk, recorder = sdks("header_keys"), Recorder()
    client = _client(sdk, "HeaderKeys", recorder, client_id="c", secret="s")
    with pytest.raises(sdk.HeaderKeysError) as err:
        client.things.list()
    assert recorder.requests == []
    message = str(err.value)
    assert "api_version" in message and "HEADER_KEYS_API_VERSION" in message


def test_http_basic(sdks: Callable[[str], ModuleType]) -> None:
    sdk, recorder = sdks("basic"), Recorder()
    assert _credential_arguments(sdk.BasicAuth) == {"username", "password"}
    _client(
        sdk, "BasicAuth", recorder, username="AC123", password="s3cret"
    ).things.list()
    expected = base64.b64encode(b"AC123:s3cret").decode()
    assert recorder.last.headers["Authorization"] == f"Basic {expected}"


def test_http_bearer(sdks: Callable[[str], ModuleType]) -> None:
    sdk, recorder = sdks("bearer"), Recorder()
    assert _credential_arguments(sdk.BearerAuth) == {"token"}
    _client(sdk, "BearerAuth", recorder, token="tok_1").things.retrieve("thing_1")
    assert recorder.last.headers["Authorization"] == "Bearer tok_1"


def test_oauth2_token_provider(sdks: Callable[[str], ModuleType]) -> None:
    sdk, recorder = sdks("oauth2"), Recorder()
    tokens = iter(["first", "second"])
    client = _client(sdk, "OAuthThings", recorder, token=lambda: next(tokens))
    client.things.list()
    client.things.list()
    assert [r.headers["Authorization"] for r in recorder.requests] == [
        "Bearer first",
        "Bearer second",
    ]
    _client(sdk, "OAuthThings", recorder, token="plain").things.list()
    assert recorder.last.headers["Authorization"] == "Bearer plain"


def test_oauth2_async_token_provider(sdks: Callable[[str], ModuleType]) -> None:
    sdk, recorder = sdks("oauth2"), Recorder()

    async def provider() -> str:
        return "async-token"

    async def call() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        client = sdk.AsyncOAuthThings(token=provider, http_client=http, max_retries=0)
        await client.things.retrieve("thing_1")

    asyncio.run(call())
    assert recorder.last.headers["Authorization"] == "Bearer async-token"


def test_cookie(sdks: Callable[[str], ModuleType]) -> None:
    sdk, recorder = sdks("cookie"), Recorder()
    client = _client(sdk, "CookieSession", recorder, session="abc")
    client.things.list()
    assert recorder.last.headers["Cookie"] == "sid=abc"
    # The operation's own cookie parameters travel beside the credential.
    client.things.list(theme="dark")
    assert sorted(recorder.last.headers["Cookie"].split("; ")) == [
        "sid=abc",
        "theme=dark",
    ]


def test_no_security_takes_and_sends_no_credentials(
    sdks: Callable[[str], ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    sdk, recorder = sdks("none"), Recorder()
    assert _credential_arguments(sdk.OpenThings) == set()
    monkeypatch.setenv("NONE_API_KEY", "ignored")
    _client(sdk, "OpenThings", recorder).things.list()
    assert "authorization" not in recorder.last.headers
    assert "cookie" not in recorder.last.headers
    assert not recorder.last.url.params


def test_per_operation_security(sdks: Callable[[str], ModuleType]) -> None:
    sdk, recorder = sdks("per_operation"), Recorder()
    keyless = _client(sdk, "MostlyClosed", recorder)
    keyless.things.list()  # security: []
    assert "X-Api-Key" not in recorder.last.headers
    keyless.things.retrieve("thing_1")  # the key, or nothing
    assert "X-Api-Key" not in recorder.last.headers
    with pytest.raises(sdk.MostlyClosedError):
        keyless.things.create(name="lamp")  # the document's requirement
    assert len(recorder.requests) == 2

    keyed = _client(sdk, "MostlyClosed", recorder, api_key="k")
    keyed.things.list()
    assert "X-Api-Key" not in recorder.last.headers
    keyed.things.retrieve("thing_1")
    assert recorder.last.headers["X-Api-Key"] == "k"
    keyed.things.create(name="lamp")
    assert recorder.last.headers["X-Api-Key"] == "k"


def test_alternatives_in_the_spec_order(sdks: Callable[[str], ModuleType]) -> None:
    sdk, recorder = sdks("alternatives"), Recorder()
    _client(sdk, "EitherWay", recorder, token="t").things.list()
    assert recorder.last.headers["Authorization"] == "Bearer t"
    _client(
        sdk, "EitherWay", recorder, username="u", password="p", token="t"
    ).things.list()
    assert recorder.last.headers["Authorization"].startswith("Basic ")
    with pytest.raises(sdk.EitherWayError) as err:
        _client(sdk, "EitherWay", recorder, username="u").things.list()
    assert "password" in str(err.value) and "token" in str(err.value)


def test_server_variables_and_base_url(
    sdks: Callable[[str], ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    sdk, recorder = sdks("server_variables"), Recorder()
    assert _credential_arguments(sdk.RegionalThings) == {"region", "version"}
    _client(sdk, "RegionalThings", recorder).things.list()
    assert str(recorder.last.url) == "https://us.example.com/v1/things"
    _client(sdk, "RegionalThings", recorder, region="eu", version="v2").things.list()
    assert str(recorder.last.url) == "https://eu.example.com/v2/things"
    monkeypatch.setenv("SERVER_VARIABLES_BASE_URL", "https://env.example.com/")
    _client(sdk, "RegionalThings", recorder, region="eu").things.list()
    assert str(recorder.last.url) == "https://env.example.com/things"
    _client(
        sdk, "RegionalThings", recorder, base_url="http://mock.test/x"
    ).things.list()
    assert str(recorder.last.url) == "http://mock.test/x/things"


def test_a_scheme_named_like_a_client_option_is_renamed(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(
        '{"openapi": "3.0.3", "info": {"title": "Clash", "version": "1"},'
        ' "servers": [{"url": "https://api.example.com"}],'
        ' "security": [{"timeout": []}],'
        ' "components": {"securitySchemes": {"timeout": {"type": "apiKey", "in": "header", "name": "X-T"}}},'
        ' "paths": {"/ping": {"get": {"responses": {"200": {"description": "ok"}}}}}}'
    )
    sdk = import_sdk(
        generate(SdkSpec(spec, "generic", "clash", ""), tmp_path / "sdk"), "clash"
    )
    recorder = Recorder()
    assert _credential_arguments(sdk.Clash) == {"timeout_"}
    with pytest.raises(sdk.ClashError, match="`timeout_`"):
        _client(sdk, "Clash", recorder).ping.retrieve()
    _client(sdk, "Clash", recorder, timeout_="t", timeout=5.0).ping.retrieve()
    assert recorder.last.headers["X-T"] == "t"

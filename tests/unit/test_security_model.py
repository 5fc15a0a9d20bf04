"""What a generic client takes and sends, from `securitySchemes` and `security`."""

from __future__ import annotations

import json
from pathlib import Path

from generator.flavors.security import Credential, security_model
from generator.ir.build import build
from generator.ir.model import Api, Operation, Resource, SecurityScheme
from generator.load import load

Requirement = tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]


def _op(name: str, security: Requirement | None = None) -> Operation:
    return Operation(name, name, "get", f"/{name}", (), security=security)


def _api(
    schemes: tuple[SecurityScheme, ...],
    security: Requirement = (),
    ops: tuple[Operation, ...] = (),
) -> Api:
    return Api(
        title="t",
        version="1",
        spec_format="openapi-3.0.3",
        models=(),
        resources=(Resource("things", ops),),
        security_schemes=schemes,
        security=security,
    )


def _by_scheme(credentials: tuple[Credential, ...]) -> dict[str, Credential]:
    return {c.scheme: c for c in credentials}


def test_api_keys_are_named_from_their_scheme_and_sent_under_the_spec_name() -> None:
    schemes = (
        SecurityScheme(
            "clientId", "apiKey", location="header", parameter_name="PLAID-CLIENT-ID"
        ),
        SecurityScheme(
            "secret", "apiKey", location="header", parameter_name="PLAID-SECRET"
        ),
        SecurityScheme(
            "ApiKeyAuth", "apiKey", location="query", parameter_name="api_key"
        ),
        SecurityScheme("session", "apiKey", location="cookie", parameter_name="sid"),
    )
    everything = (
        (("clientId", ()), ("secret", ()), ("ApiKeyAuth", ()), ("session", ())),
    )
    model = security_model(_api(schemes, everything), "PLAID")
    creds = _by_scheme(model.credentials)
    assert creds["clientId"].arguments == ("client_id",)
    assert creds["clientId"].env == ("PLAID_CLIENT_ID",)
    assert (creds["clientId"].location, creds["clientId"].wire_name) == (
        "header",
        "PLAID-CLIENT-ID",
    )
    assert creds["ApiKeyAuth"].arguments == ("api_key",)
    assert (creds["ApiKeyAuth"].location, creds["ApiKeyAuth"].wire_name) == (
        "query",
        "api_key",
    )
    assert (creds["session"].location, creds["session"].wire_name) == ("cookie", "sid")
    # One requirement naming four schemes sends all four.
    assert model.default == (("clientId", "secret", "ApiKeyAuth", "session"),)


def test_http_and_oauth_schemes() -> None:
    schemes = (
        SecurityScheme("basicAuth", "http", scheme="basic"),
        SecurityScheme("bearerAuth", "http", scheme="bearer"),
    )
    model = security_model(
        _api(schemes, ((("basicAuth", ()),), (("bearerAuth", ()),))), "STRIPE"
    )
    creds = _by_scheme(model.credentials)
    assert creds["basicAuth"].arguments == ("username", "password")
    assert creds["basicAuth"].env == ("STRIPE_USERNAME", "STRIPE_PASSWORD")
    assert (creds["basicAuth"].kind, creds["basicAuth"].prefix) == ("basic", "Basic")
    assert creds["bearerAuth"].arguments == ("token",)
    assert (creds["bearerAuth"].wire_name, creds["bearerAuth"].prefix) == (
        "Authorization",
        "Bearer",
    )
    assert not creds["bearerAuth"].token_provider
    # Alternatives stay in the spec's order.
    assert model.default == (("basicAuth",), ("bearerAuth",))

    oauth = SecurityScheme("oauth2", "oauth2", scopes=("read", "write"))
    pat = SecurityScheme("personalAccessToken", "http", scheme="bearer")
    model = security_model(
        _api((pat, oauth), ((("personalAccessToken", ()),), (("oauth2", ()),))), "ASANA"
    )
    creds = _by_scheme(model.credentials)
    assert creds["personalAccessToken"].arguments == ("personal_access_token",)
    assert creds["oauth2"].arguments == ("oauth2_token",)
    assert creds["oauth2"].token_provider and creds["oauth2"].scopes == (
        "read",
        "write",
    )

    alone = security_model(_api((oauth,), ((("oauth2", ()),),)), None)
    assert alone.credentials[0].arguments == ("token",)
    assert alone.credentials[0].env == ("TOKEN",)


def test_per_operation_requirements_and_security_none() -> None:
    key = SecurityScheme("api_key", "apiKey", location="header", parameter_name="X-Key")
    basic = SecurityScheme("basic", "http", scheme="basic")
    public = _op("public", security=())
    either = _op("either", security=((("basic", ()),), ()))
    default = _op("default")
    model = security_model(
        _api((key, basic), ((("api_key", ()),),), (public, either, default)), "P"
    )
    assert model.requirement(public) == ()
    assert model.requirement(either) == (("basic",), ())
    assert model.requirement(default) == (("api_key",),)
    assert [c.scheme for c in model.credentials] == ["api_key", "basic"]


def test_no_security_means_no_credentials() -> None:
    model = security_model(_api((), (), (_op("a"),)), "P")
    assert model.credentials == () and model.default == ()
    assert model.requirement(_op("a")) == ()


def test_declared_but_never_required_schemes_are_optional_alternatives() -> None:
    schemes = (
        SecurityScheme("Basic", "http", scheme="basic"),
        SecurityScheme("OAuth", "oauth2"),
    )
    model = security_model(_api(schemes), "JIRA")
    assert model.default == (("Basic",), ("OAuth",), ())
    assert [w.code for w in model.warnings] == ["optional-credentials"]


def test_unknown_schemes_and_mutual_tls() -> None:
    schemes = (
        SecurityScheme("key", "apiKey", location="header", parameter_name="K"),
        SecurityScheme("tls", "mutualTLS"),
    )
    requirement = ((("ghost", ()),), (("key", ()), ("tls", ())))
    model = security_model(_api(schemes, requirement), "P")
    assert model.default == (("key",),)
    assert [c.scheme for c in model.credentials] == ["key"]
    assert [w.code for w in model.warnings] == ["unknown-security-scheme"]
    assert "`ghost`" in model.warnings[0].message


def test_argument_names_never_collide() -> None:
    schemes = (
        SecurityScheme("token", "apiKey", location="query", parameter_name="token"),
        SecurityScheme(
            "TokenAuth", "apiKey", location="header", parameter_name="X-Token"
        ),
    )
    model = security_model(_api(schemes, ((("token", ()), ("TokenAuth", ())),)), "P")
    names = [a for c in model.credentials for a in c.arguments]
    assert names == ["token", "token2"]
    assert [c.env[0] for c in model.credentials] == ["P_TOKEN", "P_TOKEN2"]
    assert [w.code for w in model.warnings] == ["renamed-identifier"]


def test_security_as_loaded_from_a_spec(tmp_path: Path) -> None:
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "security": [{"key": []}],
        "components": {
            "securitySchemes": {"key": {"type": "apiKey", "in": "query", "name": "k"}}
        },
        "paths": {
            "/open": {
                "get": {"security": [], "responses": {"200": {"description": "ok"}}}
            },
            "/closed": {"get": {"responses": {"200": {"description": "ok"}}}},
        },
    }
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(doc))
    api = build(load(spec))
    model = security_model(api, "P")
    by_path = {op.path: model.requirement(op) for op in api.all_operations()}
    assert by_path == {"/open": (), "/closed": (("key",),)}

"""Servers and security schemes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

from generator.ir.model import SecurityScheme, Server, ServerVariable

_SCHEME_TYPES = ("http", "apiKey", "oauth2", "openIdConnect", "mutualTLS")
_KEY_LOCATIONS = ("header", "query", "cookie")


def servers(root: Mapping[str, Any]) -> tuple[Server, ...]:
    raw = root.get("servers")
    if not isinstance(raw, list):
        return ()
    out: list[Server] = []
    for server in raw:
        if not isinstance(server, Mapping) or not isinstance(server.get("url"), str):
            continue
        variables = (
            server.get("variables")
            if isinstance(server.get("variables"), Mapping)
            else {}
        )
        assert isinstance(variables, Mapping)
        out.append(
            Server(
                str(server["url"]),
                _text(server, "description"),
                tuple(
                    ServerVariable(
                        str(name),
                        (
                            str(var["default"])
                            if isinstance(var, Mapping)
                            and var.get("default") is not None
                            else None
                        ),
                        _text(var, "description") if isinstance(var, Mapping) else None,
                        (
                            tuple(str(v) for v in var.get("enum", ()) or ())
                            if isinstance(var, Mapping)
                            else ()
                        ),
                    )
                    for name, var in variables.items()
                ),
            )
        )
    return tuple(out)


def security_schemes(root: Mapping[str, Any]) -> tuple[SecurityScheme, ...]:
    components = root.get("components")
    schemes = (
        components.get("securitySchemes") if isinstance(components, Mapping) else None
    )
    if not isinstance(schemes, Mapping):
        return ()
    out: list[SecurityScheme] = []
    for name in schemes:
        scheme = schemes[name]
        if not isinstance(scheme, Mapping) or scheme.get("type") not in _SCHEME_TYPES:
            continue
        scopes: list[str] = []
        token_url = authorization_url = None
        flows = scheme.get("flows")
        if isinstance(flows, Mapping):
            for flow in flows.values():
                if not isinstance(flow, Mapping):
                    continue
                for scope in flow.get("scopes", {}) or {}:
                    if str(scope) not in scopes:
                        scopes.append(str(scope))
                token_url = token_url or _text(flow, "tokenUrl")
                authorization_url = authorization_url or _text(flow, "authorizationUrl")
        location = scheme.get("in")
        out.append(
            SecurityScheme(
                name=str(name),
                type=cast(
                    Literal["http", "apiKey", "oauth2", "openIdConnect", "mutualTLS"],
                    scheme["type"],
                ),
                scheme=_text(scheme, "scheme"),
                location=(
                    cast(Literal["header", "query", "cookie"], location)
                    if location in _KEY_LOCATIONS
                    else None
                ),
                parameter_name=_text(scheme, "name"),
                scopes=tuple(scopes),
                token_url=token_url,
                authorization_url=authorization_url,
                description=_text(scheme, "description"),
            )
        )
    return tuple(out)


def _text(node: Mapping[str, Any], key: str) -> str | None:
    value = node.get(key)
    return value if isinstance(value, str) else None

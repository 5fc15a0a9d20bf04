"""The view of the client class: base URL, credentials and api-version, read from flavor data."""

from __future__ import annotations

import re
from typing import Any

from generator.flavors.flavor import Flavor
from generator.ir.model import Api, Parameter
from generator.plan import TargetOptions
from generator.targets.typescript.names import (
    camel,
    pascal,
    safe_identifier,
    string_literal,
)
from generator.targets.typescript.resources import kebab, method_identifier

View = dict[str, Any]


def api_version(api: Api, flavor: Flavor) -> tuple[str, str] | None:
    """(wire name, default value) of the query parameter every request carries."""
    name = flavor.api_version_param
    if name is None:
        return None
    found: Parameter | None = None
    for p in api.client_parameters:
        if p.name == name:
            found = p
    if found is None:
        for op in api.all_operations():
            for p in op.parameters:
                if p.name == name and found is None:
                    found = p
    default = found.default if found is not None and found.has_default else None
    if not isinstance(default, str):
        default = api.version
    return name, default


def client_params(api: Api, flavor: Flavor) -> frozenset[str]:
    """Parameters the client sets on every request, so methods do not take them."""
    out = {p.name for p in api.client_parameters}
    if flavor.api_version_param:
        out.add(flavor.api_version_param)
    return frozenset(out)


def client_view(api: Api, flavor: Flavor, options: TargetOptions) -> View:
    server = api.servers[0] if api.servers else None
    url = server.url if server is not None else ""
    variables = []
    if flavor.base_url_from == "host_template" and server is not None:
        for var in server.variables:
            variables.append(
                {
                    "option": safe_identifier(camel(var.name)),
                    "placeholder": string_literal("{" + var.name + "}"),
                    "default": string_literal(var.default) if var.default else None,
                    "doc": var.description
                    or f"Fills `{{{var.name}}}` in the service URL.",
                }
            )
        # a template with no declared variables still names its placeholders
        if not variables:
            for name in re.findall(r"\{([^}]+)\}", url):
                variables.append(
                    {
                        "option": safe_identifier(camel(name)),
                        "placeholder": string_literal("{" + name + "}"),
                        "default": None,
                        "doc": f"Fills `{{{name}}}` in the service URL.",
                    }
                )
    scopes: list[str] = []
    for scheme in api.security_schemes:
        if scheme.type == "oauth2":
            scopes.extend(s for s in scheme.scopes if s not in scopes)
    version = api_version(api, flavor)
    resources = [
        {
            "property": method_identifier(r.name),
            "alias": pascal(r.name) + "API",
            "class_name": pascal(r.name),
            "path": "./resources/" + kebab(r.name) + ".js",
        }
        for r in api.resources
    ]
    auth = flavor.auth
    return {
        "class_name": options.client_name,
        "title": api.title,
        "base_url": string_literal(url.rstrip("/")),
        "variables": variables,
        "env_base_url": (
            string_literal(flavor.env_base_url) if flavor.env_base_url else None
        ),
        "bearer_env": string_literal(auth.bearer_env) if auth.bearer_env else None,
        "api_key_header": (
            string_literal(auth.api_key_header) if auth.api_key_header else None
        ),
        "token_provider": auth.token_provider,
        "scopes": [string_literal(s) for s in scopes],
        "api_version_name": string_literal(version[0]) if version else None,
        "api_version_default": string_literal(version[1]) if version else None,
        "error_field": string_literal(flavor.error_envelope_field),
        "resources": resources,
    }

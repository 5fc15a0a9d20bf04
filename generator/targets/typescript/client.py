"""The view of the client class: base URL, credentials and api-version, read from flavor data."""

from __future__ import annotations

import re
from typing import Any

from generator.encoders.typescript import ts_str
from generator.flavors.flavor import Flavor
from generator.ir.model import Api, Parameter
from generator.flavors.security import SecurityModel
from generator.naming.allocator import RenameLog, Scope
from generator.naming.casing import camel
from generator.plan import TargetOptions
from generator.targets.typescript.credentials import (
    credential_options,
    security_view,
)
from generator.targets.typescript.names import (
    CLIENT_BASE_OPTIONS,
    CLIENT_OPTIONS,
    claim_all,
    doc_text,
    value_scope,
)
from generator.targets.typescript.tree import ResourceTree, import_path

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


def _variables(api: Api, scope: Scope, typed: bool) -> list[View]:
    """The options that fill the service URL's `{placeholders}` (Azure's `{endpoint}`,
    a server variable): each defaults to the spec's default, if it gives one; `typed`:
    a variable with an enum takes only its values."""
    server = api.servers[0] if api.servers else None
    if server is None:
        return []
    found = [(v.name, v.default, v.description, v.enum) for v in server.variables]
    # a template with no declared variables still names its placeholders
    if not found:
        found = [
            (name, None, None, ()) for name in re.findall(r"\{([^}]+)\}", server.url)
        ]
    options = claim_all(
        scope, [(camel(name), f"server variable `{name}`") for name, *_ in found]
    )
    out = []
    for option, (name, default, description, allowed) in zip(
        options, found, strict=True
    ):
        doc = doc_text(description) or f"Fills `{{{name}}}` in the service URL."
        if allowed:
            doc += "\nOne of " + ", ".join(ts_str(a) for a in allowed) + "."
        out.append(
            {
                "option": option,
                "type": (
                    " | ".join(ts_str(a) for a in allowed)
                    if typed and allowed
                    else "string"
                ),
                "placeholder": "{" + name + "}",
                "default": default or None,
                "doc": doc,
                "required_message": f"The {option} option is required.",
            }
        )
    return out


def _api_key_doc(flavor: Flavor) -> str:
    auth = flavor.auth
    lines = ["The API key."]
    if auth.bearer_env:
        lines[0] += f" Defaults to the `{auth.bearer_env}` environment variable."
    if auth.api_key_header:
        lines.append(f"Sent in the {ts_str(auth.api_key_header)} header.")
    else:
        lines.append("Sent as `Authorization: Bearer <key>`.")
    return "\n".join(lines)


def client_view(
    api: Api,
    flavor: Flavor,
    options: TargetOptions,
    tree: ResourceTree,
    log: RenameLog,
    model: SecurityModel | None,
) -> View:
    """`model`: the spec's credentials, when the flavor takes them from it."""
    scopes: list[str] = []
    for scheme in api.security_schemes:
        if scheme.type == "oauth2":
            scopes.extend(s for s in scheme.scopes if s not in scopes)
    version = api_version(api, flavor)
    resources = [
        {
            "property": c.property,
            "alias": c.alias,
            "class_name": c.node.class_name,
            "path": import_path("src/client.ts", c.node.file),
        }
        for c in tree.top
    ]
    auth = flavor.auth
    scope = value_scope(
        "the client options", log, CLIENT_BASE_OPTIONS if model else CLIENT_OPTIONS
    )
    credentials = credential_options(model, scope) if model else []
    return {
        "class_name": options.client_name,
        "from_spec": model is not None,
        "credential_options": credentials,
        "security": (
            security_view(model, credentials) if model and model.credentials else None
        ),
        "doc": f"Client for {api.title}.",
        "api_key_doc": _api_key_doc(flavor),
        "base_url": api.servers[0].url.rstrip("/") if api.servers else "",
        "variables": _variables(api, scope, flavor.server_variable_arguments),
        "env_base_url": flavor.env_base_url,
        "bearer_env": auth.bearer_env,
        "api_key_header": auth.api_key_header,
        "token_provider": auth.token_provider,
        "scopes": scopes,
        "api_version_name": version[0] if version else None,
        "api_version_default": version[1] if version else None,
        "api_version_doc": (
            f"The API version sent on every request as `{version[0]}`."
            f" Defaults to {ts_str(version[1])}."
            if version
            else None
        ),
        "error_field": flavor.error_envelope_field,
        "resources": resources,
    }

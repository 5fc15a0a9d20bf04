"""The client's credentials when the flavor takes them from the spec (`auth.from_spec`):
one client option per credential argument, and the tables `core/security.ts` reads."""

from __future__ import annotations

from typing import Any

from generator.encoders.typescript import ts_literal
from generator.flavors.security import Alternatives, Credential, SecurityModel
from generator.naming.allocator import Scope
from generator.naming.casing import camel
from generator.sdkdocs.auth import describe_credential
from generator.targets.typescript.names import claim_all

View = dict[str, Any]


def credential_options(model: SecurityModel, scope: Scope) -> list[View]:
    """One client option per credential argument, named in `scope`."""
    wanted = [
        (camel(argument), f"scheme `{cred.scheme}`")
        for cred in model.credentials
        for argument in cred.arguments
    ]
    names = iter(claim_all(scope, wanted))
    out: list[View] = []
    for cred in model.credentials:
        for env in cred.env:
            out.append(
                {
                    "option": next(names),
                    "scheme": cred.scheme,
                    "env": env,
                    "type": (
                        "string | Security.TokenProvider"
                        if cred.token_provider
                        else "string"
                    ),
                    "doc": _doc(cred, env),
                }
            )
    return out


def _doc(cred: Credential, env: str) -> str:
    text = describe_credential(cred, env, lambda s: f"`{s}`")
    return text[:1].upper() + text[1:] + "."


def security_view(model: SecurityModel, options: list[View]) -> View:
    """What the client class hands to `Security.SecuredClient`."""
    by_scheme: dict[str, list[View]] = {}
    for option in options:
        by_scheme.setdefault(option["scheme"], []).append(option)
    schemes = {
        cred.scheme: {
            "kind": cred.kind,
            "in": cred.location,
            "name": cred.wire_name,
            "prefix": cred.prefix or "",
            "options": [o["option"] for o in by_scheme[cred.scheme]],
            "env": list(cred.env),
        }
        for cred in model.credentials
    }
    return {
        "schemes": schemes,
        "credentials": [
            {"scheme": cred.scheme, "options": by_scheme[cred.scheme]}
            for cred in model.credentials
        ],
        "default": [list(alt) for alt in model.default],
    }


def secured_options(alternatives: Alternatives, alias: str) -> str:
    """The per-call options argument of a method, marked with what the call sends."""
    return (
        f"{alias}.secured(options, {ts_literal([list(alt) for alt in alternatives])})"
    )

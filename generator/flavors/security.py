"""Credentials as the spec declares them: what the client takes, what each operation
sends. Targets read a `SecurityModel` when the flavor's `auth.from_spec` is true.

- `apiKey` in a header, the query or a cookie: one argument named from the scheme
  (`clientId` → `client_id`), sent under the spec's own name.
- `http` bearer, `oauth2`, `openIdConnect`: a token sent as `Authorization: Bearer`; for
  OAuth2 and OpenID Connect it may also be a callable that returns one. The argument is
  `token` when the spec has one such scheme, else named from the scheme
  (`personalAccessToken` → `personal_access_token`, `oauth2` → `oauth2_token`).
- `http` basic: `username` and `password` (prefixed with the scheme when there are
  several basic schemes).
- Each argument defaults to the environment variable `<PREFIX>_<ARGUMENT>`.

Requirements are alternatives (tried in the spec's order) of schemes that must all be
sent (Plaid sends three headers). An operation's own `security` replaces the
document's; `security: []` sends nothing; an empty alternative (`{}`) makes the
credentials optional. When schemes are declared but nothing requires one, each is an
alternative and none is required. `mutualTLS` has nothing to send: the HTTP client
carries the certificate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.diagnostics import Diagnostic
from generator.ir.model import Api, Operation, SecurityScheme
from generator.naming.allocator import RenameLog, Scope
from generator.naming.casing import snake, upper_snake
from generator.naming.words import words

CredentialKind = Literal["api_key", "bearer", "basic"]
Alternatives = tuple[tuple[str, ...], ...]
"""Alternatives, in order, each the scheme names that are sent together."""

AUTHORIZATION = "Authorization"
_NOISE = frozenset({"auth", "authentication", "authorization", "scheme", "security"})
_TOKEN_TYPES = ("oauth2", "openIdConnect")


@dataclass(frozen=True)
class Credential:
    scheme: str
    """The scheme's name in the spec (the key requirements use)."""
    kind: CredentialKind
    arguments: tuple[str, ...]
    """Wanted argument names, snake_case: one, or `username` and `password` for basic."""
    env: tuple[str, ...]
    """The environment variable each argument defaults to."""
    location: Literal["header", "query", "cookie"]
    wire_name: str
    """The header, query parameter or cookie it is sent as."""
    prefix: str | None = None
    """Before the value in the header: `Bearer`, `Basic`; None for API keys."""
    token_provider: bool = False
    """A callable returning the token is accepted too (OAuth2, OpenID Connect)."""
    scopes: tuple[str, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class SecurityModel:
    credentials: tuple[Credential, ...]
    """In the order the spec declares its schemes; only schemes some requirement names."""
    default: Alternatives
    """The document's requirement, for operations without their own."""
    declared: frozenset[str] = frozenset()
    unsent: frozenset[str] = frozenset()
    """`mutualTLS` schemes: satisfied by the HTTP client, nothing to send."""
    warnings: tuple[Diagnostic, ...] = ()

    def requirement(self, op: Operation) -> Alternatives:
        """What `op` sends: its own requirement, else the document's; () sends nothing."""
        if op.security is None:
            return self.default
        return _resolve(op.security, self.declared, self.unsent)

    def credential(self, scheme: str) -> Credential:
        return next(c for c in self.credentials if c.scheme == scheme)


Requirements = tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]


def _resolve(
    requirements: Requirements, declared: frozenset[str], unsent: frozenset[str]
) -> Alternatives:
    """Scheme names only; an alternative naming an undeclared scheme is left out."""
    return tuple(
        tuple(name for name, _ in alt if name not in unsent)
        for alt in requirements
        if all(name in declared for name, _ in alt)
    )


def security_model(api: Api, env_prefix: str | None) -> SecurityModel:
    declared = frozenset(s.name for s in api.security_schemes)
    unsent = frozenset(s.name for s in api.security_schemes if s.type == "mutualTLS")
    sendable = [s for s in api.security_schemes if s.name not in unsent]
    warnings: list[Diagnostic] = []
    for name, where in _requirement_names(api):
        if name not in declared:
            warnings.append(
                Diagnostic(
                    "warning",
                    "unknown-security-scheme",
                    f"security requirement names `{name}`, which no securitySchemes "
                    "entry declares; that alternative is left out",
                    api.source_file,
                    None,
                    None,
                    where,
                )
            )
    used = {name for name, _ in _requirement_names(api)}
    if used:
        chosen = [s for s in sendable if s.name in used]
        default = _resolve(api.security, declared, unsent)
    elif sendable:
        chosen = sendable
        default = tuple((s.name,) for s in chosen) + ((),)
        warnings.append(
            Diagnostic(
                "warning",
                "optional-credentials",
                "securitySchemes are declared but nothing requires one: the client "
                "accepts each scheme's credentials and requires none",
                api.source_file,
                pointer="/components/securitySchemes",
            )
        )
    else:
        chosen, default = [], ()
    credentials = _credentials(chosen, env_prefix, warnings)
    return SecurityModel(credentials, default, declared, unsent, tuple(warnings))


def _requirement_names(api: Api) -> list[tuple[str, str]]:
    """Every scheme name a requirement uses, with the pointer of that requirement."""
    out = [(name, "/security") for alt in api.security for name, _ in alt]
    for op in api.all_operations():
        where = (op.source.pointer if op.source else "") + "/security"
        out += [(name, where) for alt in op.security or () for name, _ in alt]
    return out


def _credentials(
    schemes: list[SecurityScheme], env_prefix: str | None, warnings: list[Diagnostic]
) -> tuple[Credential, ...]:
    log = RenameLog()
    scope = Scope("the client's credentials", log, fallback="api_key")
    tokens = [s for s in schemes if _is_token(s)]
    basics = [s for s in schemes if _is_basic(s)]
    out: list[Credential] = []
    for scheme in schemes:
        names: tuple[str, ...]
        if scheme.type == "apiKey":
            names = (_stem(scheme.name) or snake(scheme.parameter_name or ""),)
        elif _is_basic(scheme):
            head = _stem(scheme.name) + "_" if len(basics) > 1 else ""
            names = (f"{head}username", f"{head}password")
        elif len(tokens) == 1:
            names = ("token",)
        else:
            stem = _stem(scheme.name) or "token"
            names = (stem if stem.endswith("token") else f"{stem}_token",)
        arguments = tuple(scope.claim(n, f"scheme `{scheme.name}`") for n in names)
        out.append(_credential(scheme, arguments, env_prefix))
    warnings.extend(log.warnings)
    return tuple(out)


def _stem(name: str) -> str:
    """`ApiKeyAuth` → `api_key`, `bearer_auth` → `bearer`, `clientId` → `client_id`."""
    parts = [w.lower() for w in words(name)]
    while len(parts) > 1 and parts[-1] in _NOISE:
        parts.pop()
    return "" if parts == ["auth"] else snake("_".join(parts))


def _is_basic(scheme: SecurityScheme) -> bool:
    return scheme.type == "http" and (scheme.scheme or "").lower() == "basic"


def _is_token(scheme: SecurityScheme) -> bool:
    return scheme.type in _TOKEN_TYPES or (
        scheme.type == "http" and not _is_basic(scheme)
    )


def _credential(
    scheme: SecurityScheme, arguments: tuple[str, ...], env_prefix: str | None
) -> Credential:
    env = tuple(
        f"{env_prefix}_{upper_snake(a)}" if env_prefix else upper_snake(a)
        for a in arguments
    )
    if scheme.type == "apiKey":
        kind: CredentialKind = "api_key"
        location = scheme.location or "header"
        wire_name = scheme.parameter_name or scheme.name
        prefix = None
    else:
        kind = "basic" if _is_basic(scheme) else "bearer"
        location, wire_name = "header", AUTHORIZATION
        word = (scheme.scheme or "bearer") if scheme.type == "http" else "bearer"
        prefix = word[:1].upper() + word[1:].lower()
    return Credential(
        scheme=scheme.name,
        kind=kind,
        arguments=arguments,
        env=env,
        location=location,
        wire_name=wire_name,
        prefix=prefix,
        token_provider=scheme.type in _TOKEN_TYPES,
        scopes=scheme.scopes,
        description=scheme.description,
    )

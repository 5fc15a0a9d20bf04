"""TypeScript's reserved names, and the scopes identifiers of each kind are allocated in.

Every identifier the target writes comes from a `Scope` (generator/naming/allocator.py)
made here, so each kind of namespace reserves the same names everywhere:

- type scopes (the package's exported names, a model's namespace) reserve the keywords,
  the globals generated code refers to (`Array`, `Promise`, `Record`...) and, for the
  package, what `src/index.ts` exports besides the models; a clash there takes `Model`;
- value scopes (a method's parameters, the client options) reserve the keywords;
- class scopes reserve the members the runtime's base classes declare.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.naming.allocator import Owner, RenameLog, Scope
from generator.naming.casing import camel, pascal

KEYWORDS = frozenset(
    """break case catch class const continue debugger default delete do else enum export
    extends false finally for function if import in instanceof new null return super switch
    this throw true try typeof var void while with as implements interface let package
    private protected public static yield any boolean constructor declare get module
    require number set string symbol type from of unknown never object bigint undefined
    await async arguments eval""".split()  # noqa: SIM905 - a word list reads better as prose
)

PROTECTED_GLOBALS = frozenset(
    {
        "Array",
        "Record",
        "Date",
        "Promise",
        "Blob",
        "Uint8Array",
        "ArrayBuffer",
        "Core",
        "Partial",
        "Object",
        "String",
        "Number",
        "Boolean",
        "Symbol",
        "JSON",
        "Math",
        "Error",
        "globalThis",
    }
)
"""Globals that generated code refers to; a declaration of that name would hide them."""

CORE_EXPORTS = frozenset(
    {
        "APIError",
        "APIConnectionError",
        "APIConnectionTimeoutError",
        "APIResponseValidationError",
        "APIUserAbortError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
        "CursorPage",
        "CursorPageParams",
        "PagePromise",
        "Stream",
        "StreamEvent",
        "RequestOptions",
        "TokenCredential",
        "KeyCredential",
        "AccessToken",
        "Core",
    }
)
"""What src/index.ts exports from the runtime, beside the models and `...Params` types."""

CLIENT_MEMBERS = frozenset(
    {
        "constructor",
        "baseURL",
        "timeout",
        "maxRetries",
        "fetchImpl",
        "authenticator",
        "defaultHeaders",
        "defaultQuery",
        "errorField",
        "request",
        "requestRaw",
        "getAPIList",
        "fetchPage",
        "stream",
        "buildURL",
        "send",
        "buildInit",
    }
)
"""Members of the runtime's `APIClient` (core/client.ts); a resource property may not take one."""

RESOURCE_MEMBERS = frozenset({"constructor", "_client"})
"""Members of the runtime's `APIResource`."""

REQUEST_OPTIONS = frozenset({"headers", "query", "timeout", "maxRetries", "signal"})
"""Members of the runtime's `RequestOptions`, which an options type extends."""

CLIENT_BASE_OPTIONS = frozenset(
    {"baseURL", "timeout", "maxRetries", "defaultHeaders", "defaultQuery", "fetch"}
    # the client constructor's own locals, which each option also becomes
    | {"opts", "auth"}
)
"""The options every client takes; a client whose credentials follow the spec's
securitySchemes takes its credentials beside them."""
CLIENT_OPTIONS = CLIENT_BASE_OPTIONS | {"apiKey", "credential", "apiVersion"}

_KEPT = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_VALUE = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def type_name(text: str) -> str:
    """A type name for spec text: a plain ASCII word keeps its spelling (`gpt4o`,
    `RunObject`), anything else is made PascalCase (`run_step` → `RunStep`)."""
    return text if _KEPT.fullmatch(text) else pascal(text)


def client_name(text: str) -> str:
    """An `x-ms-client-name` as a member or parameter name: used as it is when it is an
    ASCII identifier (that is what the spec asks for), made camelCase otherwise."""
    return text if _VALUE.fullmatch(text) else camel(text)


def type_scope(
    label: str, log: RenameLog, reserved: frozenset[str] = frozenset()
) -> Scope:
    return Scope(
        label,
        log,
        KEYWORDS | PROTECTED_GLOBALS | reserved,
        fallback="Model",
        reserved_suffix="Model",
    )


def value_scope(
    label: str, log: RenameLog, reserved: frozenset[str] = frozenset()
) -> Scope:
    return Scope(label, log, KEYWORDS | reserved)


def member_scope(
    label: str, log: RenameLog, reserved: frozenset[str] = frozenset()
) -> Scope:
    """Members of an interface or class: keywords are fine as property names."""
    return Scope(label, log, reserved)


def claim_all(scope: Scope, wanted: Sequence[tuple[str, Owner | str]]) -> list[str]:
    """Claims names in order, in two passes: those free as wanted first, then the rest,
    so a renamed one never takes a name another asks for as it is (`Widgets2`)."""
    got: dict[int, str] = {}
    for i, (name, owner) in enumerate(wanted):
        if name and scope.is_free(name):
            got[i] = scope.claim(name, owner)
    for i, (name, owner) in enumerate(wanted):
        if i not in got:
            got[i] = scope.claim(name, owner)
    return [got[i] for i in range(len(wanted))]


def claim_members(
    scope: Scope, wanted: Sequence[tuple[str, str, Owner | str]]
) -> list[str]:
    """Member names for (wanted name, wire name, owner) in order: a member whose wire
    name is already its wanted name keeps it (`fooBar` beside `foo_bar`)."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i][0] != wanted[i][1])
    names = claim_all(scope, [(wanted[i][0], wanted[i][2]) for i in order])
    got = dict(zip(order, names, strict=True))
    return [got[i] for i in range(len(wanted))]


def doc_text(text: str | None, link_base: str | None = None) -> str:
    """A description as doc-comment text, before encoding: trimmed, and root-relative
    links (`](/docs/...)`) pointing into `link_base` when one is given."""
    if not text:
        return ""
    text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    if link_base:
        text = text.replace("](/", "](" + link_base.rstrip("/") + "/")
    return text

"""The client's credentials and server variables when the flavor takes them from the
spec (`auth.from_spec`): its constructor arguments, and the module-level tables the
runtime's `_security.py` reads (which scheme travels how, what each operation sends)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.encoders.python import py_str
from generator.flavors.flavor import Flavor
from generator.flavors.security import Credential, SecurityModel, security_model
from generator.ir.model import Api, Server
from generator.naming.allocator import RenameLog, Scope
from generator.naming.casing import snake
from generator.sdkdocs.auth import describe_credential
from generator.targets.python.layout import exploded_call, fits
from generator.targets.python.names import CLIENT_BASE_OPTIONS, KEYWORDS

INIT_LOCALS = frozenset({"self", "os", "query", "name", "value"})
"""Names the constructor's body uses besides its arguments."""


@dataclass(frozen=True)
class Argument:
    name: str
    annotation: str
    default: str
    """Python source of the default value."""
    doc: tuple[tuple[str, bool], ...] = ()
    """A server variable: pieces of text, each plain or code (spec text is put into a
    README or a docstring by that document's encoders)."""
    credential: Credential | None = None
    env: str = ""

    def describe(self, code: Callable[[str], str], text: Callable[[str], str]) -> str:
        if self.credential is not None:
            return describe_credential(self.credential, self.env, code)
        return "".join(
            code(piece) if is_code else text(piece) for piece, is_code in self.doc
        )


@dataclass(frozen=True)
class ClientSecurity:
    credentials: tuple[Argument, ...]
    """One argument per credential (two for HTTP basic), in the spec's order."""
    variables: tuple[Argument, ...]
    """One argument per server variable."""
    module_lines: tuple[str, ...]
    """`SCHEMES`, `DEFAULT_SECURITY`, `SECURITY` and `SERVER_URL`, black-formatted."""
    credentials_lines: tuple[str, ...]
    """The constructor's statement that hands every credential to the runtime."""
    server_lines: tuple[str, ...]
    """The constructor's statements that build the base URL from server variables."""
    model: SecurityModel
    token_provider: bool
    names: dict[str, tuple[str, ...]]
    """Scheme → the arguments that give it."""

    @property
    def arguments(self) -> tuple[Argument, ...]:
        return self.credentials + self.variables


def client_security(
    api: Api, flavor: Flavor, log: RenameLog, base_error: str
) -> ClientSecurity:
    model = security_model(api, flavor.env_prefix)
    scope = Scope(
        "the client's options",
        log,
        KEYWORDS | INIT_LOCALS | CLIENT_BASE_OPTIONS,
        fallback="option",
    )
    names: dict[str, tuple[str, ...]] = {}
    arguments: list[Argument] = []
    for cred in model.credentials:
        given = tuple(scope.claim(a, f"scheme `{cred.scheme}`") for a in cred.arguments)
        names[cred.scheme] = given
        annotation = (
            "Union[str, TokenProvider, TokenCredentialLike, None]"
            if cred.token_provider
            else "Optional[str]"
        )
        for argument, env in zip(given, cred.env, strict=True):
            arguments.append(Argument(argument, annotation, "None", (), cred, env))
    server = (
        api.servers[0] if api.servers and flavor.server_variable_arguments else None
    )
    variables = _variables(server, scope)
    return ClientSecurity(
        tuple(arguments),
        tuple(variables),
        tuple(_module_lines(api, model, names, server)),
        tuple(_credentials_lines(model, names, base_error)),
        tuple(_server_lines(variables, server)),
        model,
        any(c.token_provider for c in model.credentials),
        names,
    )


def _variables(server: Server | None, scope: Scope) -> list[Argument]:
    out: list[Argument] = []
    for var in server.variables if server else ():
        name = scope.claim(snake(var.name), f"server variable `{var.name}`")
        choices = ", ".join(py_str(v) for v in var.enum)
        annotation = f"Literal[{choices}]" if var.enum else "str"
        default = var.default if var.default is not None else (var.enum or ("",))[0]
        doc: list[tuple[str, bool]] = [("fills ", False), ("{" + var.name + "}", True)]
        doc.append((" in the server URL", False))
        for i, value in enumerate(var.enum):
            doc += [(": " if i == 0 else ", ", False), (value, True)]
        doc += [(" (default ", False), (default, True), (")", False)]
        out.append(Argument(name, annotation, py_str(default), tuple(doc)))
    return out


def _module_lines(
    api: Api,
    model: SecurityModel,
    names: dict[str, tuple[str, ...]],
    server: Server | None,
) -> list[str]:
    lines: list[str] = []
    if model.credentials:
        lines += ["SCHEMES: Dict[str, Scheme] = {"]
        for cred in model.credentials:
            lines += exploded_call(
                "    ",
                f"{py_str(cred.scheme)}: Scheme",
                _scheme_args(cred, names[cred.scheme]),
                ",",
            )
        lines += ["}", '"""How each security scheme of the spec travels."""', ""]
        lines += _assign("DEFAULT_SECURITY: Security = ", model.default, "")
        lines += ['"""What an operation sends unless it says otherwise."""', ""]
        own = {
            (op.method, op.path): model.requirement(op)
            for op in api.all_operations()
            if model.requirement(op) != model.default
        }
        table = "SECURITY: Dict[Tuple[str, str], Security] = {"
        lines += [table + "}"] if not own else [table]
        for (method, path), alternatives in sorted(own.items()):
            key = f"({py_str(method)}, {py_str(path)})"
            lines += _assign(f"    {key}: ", alternatives, ",")
        lines += ["}"] if own else []
        lines += ['"""Operations with a requirement of their own."""']
    if server is not None and server.variables:
        if lines:
            lines.append("")
        lines += [f"SERVER_URL = {py_str(server.url)}"]
    return lines


def _scheme_args(cred: Credential, arguments: tuple[str, ...]) -> list[str]:
    args = [py_str(cred.kind), py_str(cred.location), py_str(cred.wire_name)]
    if cred.prefix:
        args.append(f"prefix={py_str(cred.prefix)}")
    args.append(f"env={_tuple(cred.env)}")
    args.append(f"arguments={_tuple(arguments)}")
    if cred.token_provider:
        args.append(f"scopes={_tuple(cred.scopes)}")
    return args


def _tuple(values: tuple[str, ...], quote: bool = True) -> str:
    items = [py_str(v) if quote else v for v in values]
    return f"({', '.join(items)}{',' if len(items) == 1 else ''})"


def _assign(
    target: str, alternatives: tuple[tuple[str, ...], ...], end: str
) -> list[str]:
    """`target = ((...), ...)`: one line, else one alternative per line."""
    items = [_tuple(alt) for alt in alternatives]
    line = f"{target}({', '.join(items)}{',' if len(items) == 1 else ''}){end}"
    if fits(line):
        return [line]
    indent = " " * (len(target) - len(target.lstrip()))
    return [f"{target}(", *(f"{indent}    {i}," for i in items), f"{indent}){end}"]


def _credentials_lines(
    model: SecurityModel, names: dict[str, tuple[str, ...]], base_error: str
) -> list[str]:
    if not model.credentials:
        return []
    values = [
        f"{py_str(c.scheme)}: {_tuple(names[c.scheme], quote=False)},"
        for c in model.credentials
    ]
    return [
        "        self._credentials = Credentials(",
        "            SCHEMES,",
        "            {",
        *(f"                {v}" for v in values),
        "            },",
        "            DEFAULT_SECURITY,",
        "            SECURITY,",
        f"            {base_error},",
        "        )",
    ]


def _server_lines(variables: list[Argument], server: Server | None) -> list[str]:
    if server is None or not variables:
        return []
    pairs = [
        f"{py_str(var.name)}: {arg.name},"
        for var, arg in zip(server.variables, variables, strict=True)
    ]
    return [
        "        if base_url is None:",
        "            base_url = SERVER_URL",
        "            for name, value in {",
        *(f"                {p}" for p in pairs),
        "            }.items():",
        '                base_url = base_url.replace("{" + name + "}", value)',
    ]

"""The view of one resource file: its class, its methods and their `...Params` types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.encoders.typescript import ts_object_key, ts_str
from generator.flavors.flavor import Flavor
from generator.flavors.security import SecurityModel
from generator.ir.model import (
    ObjectModel,
    Operation,
    Parameter,
    Primitive,
    Ref,
    TypeRef,
    UnionModel,
)
from generator.ir.streams import ends_with_done
from generator.naming.allocator import Owner
from generator.naming.casing import camel, pascal, singular
from generator.targets.typescript.convert import Converter, conversion_needed
from generator.targets.typescript.models import (
    discriminator_overrides,
    field_doc,
    join_doc,
)
from generator.targets.typescript.credentials import secured_options
from generator.targets.typescript.names import (
    REQUEST_OPTIONS,
    claim_all,
    claim_members,
    client_name,
    doc_text,
    member_scope,
    value_scope,
)
from generator.targets.typescript.naming import Member, Naming
from generator.targets.typescript.tree import (
    ResourceNode,
    import_path,
    json_body,
    op_owner,
    stream_flag,
)
from generator.targets.typescript.types import TypeWriter

View = dict[str, Any]

# The query parameters `Core.CursorPageParams` declares; list params extend it when they have both.
CURSOR_PAGE_PARAMS = ("after", "limit")
# Where each kind of parameter goes in the request spec the runtime sends.
PARAM_TARGETS = {"query": "query", "header": "headers", "cookie": "cookies"}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class MethodShape:
    """How a method is called, for tests that call every method of an SDK."""

    path_params: tuple[str, ...]
    """Wire names, in the order the method takes them."""
    params: tuple[tuple[str, str, str], ...]
    """(location, wire name, member of the params object) of every other parameter; no
    member for a parameter taken positionally."""
    fields: tuple[tuple[str, str], ...] = ()
    """(wire name, member of the options object) of each body field sent field by field
    (the `fields` convention); no member for a field taken positionally."""


def _is_raw_response(op: Operation) -> bool:
    ct = op.success.content_type if op.success else None
    return (
        ct is not None
        and "json" not in ct
        and not ct.startswith("text/event-stream")
        and op.streaming is None
    )


def path_expression(path: str, args: dict[str, tuple[str, bool]]) -> str:
    """`'/threads/' + Core.encodePath(threadId) + '/runs'`: the path's text as quoted
    literals, each parameter (wire name → (argument, sent unencoded)) joined in.
    Never a template literal, so no `${...}` or backtick of the spec can run."""
    parts: list[str] = []
    text = ""
    pos = 0
    for m in _PLACEHOLDER.finditer(path):
        if m.group(1) not in args:
            continue
        text += path[pos : m.start()]
        if text:
            parts.append(ts_str(text))
        arg, raw = args[m.group(1)]
        parts.append(f"String({arg})" if raw else f"Core.encodePath({arg})")
        text, pos = "", m.end()
    text += path[pos:]
    if text or not parts:
        parts.append(ts_str(text))
    return " + ".join(parts)


def _position(path: str, name: str) -> int:
    index = path.find("{" + name + "}")
    return index if index >= 0 else len(path)


class ResourceFile:
    def __init__(
        self,
        node: ResourceNode,
        naming: Naming,
        flavor: Flavor,
        client_params: frozenset[str],
        security: SecurityModel | None = None,
    ) -> None:
        self.node = node
        self.naming = naming
        self.flavor = flavor
        self.client_params = client_params
        self.security = security
        self.security_alias = (
            node.module.claim("Security", "the security runtime")
            if security is not None and security.credentials
            else None
        )
        self.writer = TypeWriter(naming, flavor, module=node.module)
        self.converter = Converter(naming, flavor)
        self.convert = conversion_needed(flavor)
        self.params_types: list[View] = []
        self.shapes: list[MethodShape] = []

    def view(self) -> View:
        res = self.node.resource
        children = [
            {
                "property": c.property,
                "alias": c.alias,
                "class_name": c.node.class_name,
                "path": import_path(self.node.file, c.node.file),
            }
            for c in self.node.children
        ]
        if self.flavor.ts_call_convention == "fields":
            names = [self._fields_names(op) for op in res.operations]
            methods = [
                self._fields_method(op, name, type_names)
                for op, name, type_names in zip(
                    res.operations, self.node.methods, names, strict=True
                )
            ]
        else:
            types = [self._params_names(op) for op in res.operations]
            methods = [
                self._method(op, name, stream, type_names)
                for op, name, stream, type_names in zip(
                    res.operations,
                    self.node.methods,
                    self.node.stream_methods,
                    types,
                    strict=True,
                )
            ]
        return {
            "class_name": self.node.class_name,
            "security_import": (
                None
                if self.security_alias is None
                else {
                    "alias": self.security_alias,
                    "path": import_path(self.node.file, "src/core/security.ts"),
                }
            ),
            "doc": doc_text(res.description, self.flavor.doc_link_base),
            "children": children,
            "methods": methods,
            "params_types": self.params_types,
        }

    # ----------------------------------------------------------------- methods

    def _params_names(self, op: Operation) -> tuple[str | None, str | None]:
        """(body type, params object type) of a method, declared in this file. Claimed
        before any type is written, so an imported model of the same name is the one
        that takes an alias."""
        stem = pascal(singular(self.node.resource.name)) + pascal(op.name)
        what = f"operation `{op.operation_id}`"
        body_type = params_type = None
        if json_body(op) is not None:
            body_type = self.node.module.claim(
                stem + "Params", op_owner(op, f"the body type of {what}")
            )
        if self._method_params(op, tuple(PARAM_TARGETS)):
            params_type = self.node.module.claim(
                stem + ("Params" if body_type is None else "Query"),
                op_owner(op, f"the params type of {what}"),
            )
        return body_type, params_type

    def _method_params(
        self, op: Operation, locations: tuple[str, ...]
    ) -> list[Parameter]:
        return [
            p
            for p in op.parameters
            if p.method_level
            and p.name not in self.client_params
            and p.location in locations
        ]

    def _options_argument(self, op: Operation) -> str:
        """What a method hands on as the call's options: marked with the credentials
        its operation sends, when the flavor takes them from the spec."""
        if self.security is None or self.security_alias is None:
            return "options"
        return secured_options(self.security.requirement(op), self.security_alias)

    def _method(
        self,
        op: Operation,
        name: str,
        stream_name: str | None,
        type_names: tuple[str | None, str | None],
    ) -> View:
        path_params = sorted(
            self._method_params(op, ("path",)), key=lambda p: _position(op.path, p.name)
        )
        other_params = self._method_params(op, tuple(PARAM_TARGETS))
        body = json_body(op)
        body_type, params_type = type_names
        signature_scope = value_scope(
            f"the signature of `{self.node.class_name}.{name}`",
            self.naming.log,
            frozenset({"Core"}),
        )
        signature_scope.take("options", "the request options")
        if body is not None:
            signature_scope.take("body", "the request body")
        if other_params:
            signature_scope.take("query", "the parameters object")
        idents = claim_all(
            signature_scope,
            [
                (
                    camel(p.client_name or p.name),
                    op_owner(op, f"path parameter `{p.name}` of `{op.operation_id}`"),
                )
                for p in path_params
            ],
        )
        signature: list[View] = [
            {"name": ident, "type": self._scalar(p.type), "optional": False}
            for p, ident in zip(path_params, idents, strict=True)
        ]
        path = path_expression(
            op.path,
            {
                p.name: (ident, p.skip_url_encoding)
                for p, ident in zip(path_params, idents, strict=True)
            },
        )

        body_view = None
        if body is not None and body_type is not None:
            self.params_types.append(self._params_type(body_type, body.type))
            signature.append(
                {"name": "body", "type": body_type, "optional": not body.required}
            )
            value = (
                self.converter.expr(body.type, "body", "serialize")
                if self.convert
                else "body"
            )
            if not body.required and value != "body":
                value = f"body === undefined ? undefined : {value}"
            body_view = {"value": value, "content_type": body.content_type}

        params_view: dict[str, list[View]] = {t: [] for t in PARAM_TARGETS.values()}
        params: tuple[tuple[str, str, str], ...] = ()
        if params_type is not None:
            params, members = self._params_members(op, other_params, params_type)
            self.params_types.append(members)
            required = any(p.required for p in other_params)
            signature.append(
                {"name": "query", "type": params_type, "optional": not required}
            )
            for (location, wire, key), p in zip(params, other_params, strict=True):
                access = f"query?.[{ts_str(key)}]"
                value = (
                    self.converter.expr(p.type, access, "serialize")
                    if self.convert
                    else access
                )
                if value != access:
                    value = f"{access} === undefined ? undefined : {value}"
                params_view[PARAM_TARGETS[location]].append(
                    {"wire": wire, "value": value}
                )

        _required_before_optional(signature)
        # Overloads let an optional trailing params object be skipped: `list(threadId, options)`.
        overload = (
            bool(signature)
            and signature[-1]["optional"]
            and signature[-1]["name"] in ("body", "query")
        )
        returns, kind, decode, event_type = self._returns(op)
        pagination = self._pagination(op)
        doc = doc_text(op.summary or op.description, self.flavor.doc_link_base)
        doc = join_doc(doc, "@deprecated" if op.deprecated else "")
        self.shapes.append(MethodShape(tuple(p.name for p in path_params), params))
        return {
            "name": name,
            "doc": doc,
            "convention": "body",
            "stream_doc": join_doc(doc, "\nStreams the answer as server-sent events."),
            "signature": signature,
            "overload": overload,
            "returns": returns,
            "kind": kind,
            "http_method": op.method,
            "path": path,
            "options": self._options_argument(op),
            "body": body_view,
            "params": params_view,
            "decode": decode,
            "pagination": pagination,
            "stream_flag": stream_flag(op),
            "stream_name": stream_name,
            "event_type": event_type,
            "stream_shape": self._stream_event(op)[1],
            "ends_with_done": ends_with_done(op.streaming, self.naming.models),
        }

    # ----------------------------------------------------------------- `fields` convention

    def _body_members(self, op: Operation) -> tuple[Member, ...] | None:
        """The members of an object body that is sent field by field (None: the body is
        one value, such as a union or an array)."""
        body = json_body(op)
        if body is None or not isinstance(body.type, Ref):
            return None
        model = self.naming.models.get(body.type.name)
        if (
            not isinstance(model, ObjectModel)
            or not model.fields
            or model.name in self.naming.polymorphic
        ):
            return None
        return tuple(
            m for m in self.naming.members[model.name] if not m.field.read_only
        )

    def _fields_names(self, op: Operation) -> tuple[str | None, str | None]:
        """(type of a body sent whole, options type) of a method, declared in this file."""
        stem = pascal(singular(self.node.resource.name)) + pascal(op.name)
        what = f"operation `{op.operation_id}`"
        members = self._body_members(op)
        body_type = options_type = None
        if json_body(op) is not None and members is None:
            body_type = self.node.module.claim(
                stem + "Params", op_owner(op, f"the body type of {what}")
            )
        optional = [m for m in members or () if not m.field.required]
        params = self._method_params(op, tuple(PARAM_TARGETS))
        if optional or any(not p.required for p in params):
            options_type = self.node.module.claim(
                stem + "Options", op_owner(op, f"the options type of {what}")
            )
        return body_type, options_type

    def _fields_method(
        self, op: Operation, name: str, type_names: tuple[str | None, str | None]
    ) -> View:
        """Path parameters, the required body fields and the required parameters
        positionally, then one optional object with everything else and the request
        options: `create(threadId, assistantId, { model, stream, signal })`."""
        body_type, options_type = type_names
        path_params = sorted(
            self._method_params(op, ("path",)), key=lambda p: _position(op.path, p.name)
        )
        params = self._method_params(op, tuple(PARAM_TARGETS))
        members = self._body_members(op)
        body = json_body(op)
        required = [m for m in members or () if m.field.required]
        optional = [m for m in members or () if not m.field.required]
        scope = value_scope(
            f"the signature of `{self.node.class_name}.{name}`",
            self.naming.log,
            frozenset({"Core"}),
        )
        scope.take("options", "the options object")
        flag = stream_flag(op)
        if flag is not None:
            scope.take("body", "the request body both replies send")
        wanted: list[tuple[str, Owner]] = [
            (
                camel(p.client_name or p.name),
                op_owner(op, f"path parameter `{p.name}` of `{op.operation_id}`"),
            )
            for p in path_params
        ]
        wanted += [
            (
                camel(m.key),
                op_owner(op, f"body field `{m.field.name}` of `{op.operation_id}`"),
            )
            for m in required
        ]
        if body is not None and members is None:
            wanted.append(("body", op_owner(op, f"the body of `{op.operation_id}`")))
        wanted += [
            (
                camel(self._param_member(p)),
                op_owner(
                    op, f"{p.location} parameter `{p.name}` of `{op.operation_id}`"
                ),
            )
            for p in params
            if p.required
        ]
        idents = claim_all(scope, wanted)
        path_idents = idents[: len(path_params)]
        field_idents = idents[len(path_params) : len(path_params) + len(required)]
        rest_idents = idents[len(path_params) + len(required) :]
        positional: list[View] = [
            {"name": i, "type": self._scalar(p.type)}
            for p, i in zip(path_params, path_idents, strict=True)
        ]
        positional += [
            {"name": i, "type": self.writer.write(m.field.type)}
            for m, i in zip(required, field_idents, strict=True)
        ]
        value_of: dict[str, str] = {}
        """Field wire name → the expression that gives it."""
        for m, i in zip(required, field_idents, strict=True):
            value_of[m.field.name] = i
        body_view = None
        if body is not None and members is None and body_type is not None:
            self.params_types.append(self._params_type(body_type, body.type))
            ident = rest_idents.pop(0)
            positional.append({"name": ident, "type": body_type})
            value = (
                self.converter.expr(body.type, ident, "serialize")
                if self.convert
                else ident
            )
            body_view = {"value": value, "content_type": body.content_type}
        required_params = [p for p in params if p.required]
        param_value: dict[tuple[str, str], str] = {}
        for p, i in zip(required_params, rest_idents, strict=True):
            positional.append({"name": i, "type": self.writer.write(p.type)})
            param_value[(p.location, p.name)] = i
        option_keys: dict[tuple[str, str], str] = {}
        """(`body` or a parameter's location, wire name) → its member of the options."""
        if options_type is not None:
            keys, interface = self._options_type(op, options_type, optional, params)
            self.params_types.append(interface)
            option_keys = keys
        for m in optional:
            key = option_keys[("body", m.field.name)]
            value_of[m.field.name] = f"options?.[{ts_str(key)}]"
        if members is not None and body is not None:
            entries = ", ".join(
                f"{ts_object_key(m.key)}: {value_of[m.field.name]}" for m in members
            )
            literal = "{ " + entries + " }"
            value = (
                self.converter.expr(body.type, literal, "serialize")
                if self.convert
                else literal
            )
            body_view = {"value": value, "content_type": body.content_type}
        params_view: dict[str, list[View]] = {t: [] for t in PARAM_TARGETS.values()}
        for p in params:
            where = (p.location, p.name)
            access = (
                param_value.get(where) or f"options?.[{ts_str(option_keys[where])}]"
            )
            value = (
                self.converter.expr(p.type, access, "serialize")
                if self.convert
                else access
            )
            if value != access and not p.required:
                value = f"{access} === undefined ? undefined : {value}"
            params_view[PARAM_TARGETS[p.location]].append(
                {"wire": p.name, "value": value}
            )
        path = path_expression(
            op.path,
            {
                p.name: (i, p.skip_url_encoding)
                for p, i in zip(path_params, path_idents, strict=True)
            },
        )
        returns, kind, decode, event_type = self._returns(op)
        doc = doc_text(op.summary or op.description, self.flavor.doc_link_base)
        doc = join_doc(doc, "@deprecated" if op.deprecated else "")
        stream = None
        if flag is not None and ("body", flag) in option_keys and body_view is not None:
            t = op.streaming.event_type if op.streaming is not None else None
            # Both replies send one body: it is built once, before the branch.
            body_view = {**body_view, "built": body_view["value"], "value": "body"}
            stream = {
                "flag": option_keys[("body", flag)],
                "returns": f"Promise<Core.Stream<{event_type}>>",
                "either": f"{returns} | Promise<Core.Stream<{event_type}>>",
                "decode": self._decoder(t) if t is not None else "undefined",
                "shape": self._stream_event(op)[1],
                "ends_with_done": ends_with_done(op.streaming, self.naming.models),
            }
        self.shapes.append(
            MethodShape(
                tuple(p.name for p in path_params),
                tuple(
                    (p.location, p.name, option_keys.get((p.location, p.name), ""))
                    for p in params
                ),
                tuple(
                    (m.field.name, option_keys.get(("body", m.field.name), ""))
                    for m in members or ()
                ),
            )
        )
        return {
            "name": name,
            "doc": doc,
            "convention": "fields",
            "options": self._options_argument(op),
            "positional": positional,
            "options_type": options_type or "Core.RequestOptions",
            "returns": returns,
            "kind": kind,
            "http_method": op.method,
            "path": path,
            "body": body_view,
            "params": params_view,
            "decode": decode,
            "pagination": self._pagination(op),
            "stream": stream,
            "stream_shape": self._stream_event(op)[1],
            "ends_with_done": ends_with_done(op.streaming, self.naming.models),
        }

    def _options_type(
        self,
        op: Operation,
        type_name: str,
        fields: list[Member],
        params: list[Parameter],
    ) -> tuple[dict[tuple[str, str], str], View]:
        """The options interface: the optional body fields, then the optional
        parameters, beside the request options it extends; and the member of each, by
        (`body` or the parameter's location, wire name)."""
        scope = member_scope(
            f"interface `{type_name}`", self.naming.log, REQUEST_OPTIONS
        )
        optional_params = [p for p in params if not p.required]
        claimed = claim_members(
            scope,
            [
                (
                    m.key,
                    m.key,
                    op_owner(op, f"body field `{m.field.name}` of `{op.operation_id}`"),
                )
                for m in fields
            ]
            + [
                (
                    self._param_member(p),
                    p.name,
                    op_owner(
                        op, f"{p.location} parameter `{p.name}` of `{op.operation_id}`"
                    ),
                )
                for p in optional_params
            ],
        )
        keys = dict(
            zip(
                [("body", m.field.name) for m in fields]
                + [(p.location, p.name) for p in optional_params],
                claimed,
                strict=True,
            )
        )
        members = [
            {
                "key": keys[("body", m.field.name)],
                "optional": True,
                "type": self.writer.write(m.field.type),
                "doc": field_doc(m.field, self.flavor),
            }
            for m in fields
        ] + [self._param_view(p, keys[(p.location, p.name)]) for p in optional_params]
        interface = {
            "name": type_name,
            "kind": "interface",
            "extends": "Core.RequestOptions",
            "members": members,
            "doc": "",
        }
        return keys, interface

    def _pagination(self, op: Operation) -> View | None:
        if op.pagination is None:
            return None
        pg = op.pagination
        return {
            "items_field": pg.items_field,
            "cursor_param": pg.cursor_param,
            "cursor_field": pg.cursor_field,
            "has_more": pg.has_more_field,
        }

    def _params_members(
        self, op: Operation, params: list[Parameter], type_name: str
    ) -> tuple[tuple[tuple[str, str, str], ...], View]:
        """Members of the params object, and its interface. A flavor keeping wire names
        keys members by them; two locations may share one, so keys are still allocated.
        """
        extends_page = (
            op.pagination is not None
            and op.pagination.cursor_param == "after"
            and all(
                any(p.name == k and p.location == "query" for p in params)
                for k in CURSOR_PAGE_PARAMS
            )
        )
        scope = member_scope(f"interface `{type_name}`", self.naming.log)
        inherited = {
            i
            for i, p in enumerate(params)
            if extends_page and p.location == "query" and p.name in CURSOR_PAGE_PARAMS
        }
        # The members `Core.CursorPageParams` declares keep their names.
        order = sorted(range(len(params)), key=lambda i: i not in inherited)
        claimed = claim_members(
            scope,
            [
                (
                    self._param_member(params[i]),
                    params[i].name,
                    op_owner(
                        op,
                        f"{params[i].location} parameter `{params[i].name}` of `{op.operation_id}`",
                    ),
                )
                for i in order
            ],
        )
        keys = dict(zip(order, claimed, strict=True))
        members = [
            self._param_view(p, keys[i])
            for i, p in enumerate(params)
            if i not in inherited
        ]
        interface = {
            "name": type_name,
            "kind": "interface",
            "extends": "Core.CursorPageParams" if extends_page else None,
            "members": members,
            "doc": "",
        }
        shape = tuple((p.location, p.name, keys[i]) for i, p in enumerate(params))
        return shape, interface

    def _param_view(self, p: Parameter, key: str) -> View:
        """A parameter as a member of a params or options interface."""
        return {
            "key": key,
            "optional": not p.required,
            "type": self.writer.write(p.type),
            "doc": join_doc(
                doc_text(p.description, self.flavor.doc_link_base),
                (
                    ""
                    if p.location == "query"
                    else f"Sent as the `{p.name}` {p.location}."
                ),
                "@deprecated" if p.deprecated else "",
            ),
        }

    def _param_member(self, p: Parameter) -> str:
        if self.flavor.ts_member_case == "wire":
            return p.name
        if self.flavor.use_client_names and p.client_name:
            return client_name(p.client_name)
        return camel(p.name) if self.flavor.ts_member_case == "camel" else p.name

    def _stream_event(self, op: Operation) -> tuple[str, str]:
        """(type of what the stream yields, its `StreamShape`).

        An event type that is an `{event, data}` envelope is yielded as it is; a payload
        type is wrapped in `Core.StreamEvent`. A flavor that converts the wire keeps stream
        payloads as wire JSON (`unknown`): one stream mixes payload kinds, and decoding each
        with the one type the spec names would be wrong for the others.
        """
        t = op.streaming.event_type if op.streaming is not None else None
        if t is None:
            return "unknown", "auto"
        if self._is_envelope(t):
            # Converted events decode whole, so the event name picks the data's type.
            converted = self.convert and self.converter.needs(t)
            return self.writer.write(t), "envelope" if converted else "auto"
        payload = (
            "unknown"
            if self.convert and self.converter.needs(t)
            else self.writer.write(t)
        )
        return f"Core.StreamEvent<{payload}>", "event"

    def _is_envelope(self, t: TypeRef) -> bool:
        if not isinstance(t, Ref) or t.name not in self.naming.models:
            return False
        model = self.naming.models[t.name]
        if isinstance(model, ObjectModel):
            return any(f.name == "event" for f in model.fields)
        if isinstance(model, UnionModel):
            return bool(model.variants) and all(
                self._is_envelope(v) for v in model.variants
            )
        return False

    def _returns(self, op: Operation) -> tuple[str, str, str, str]:
        """(return type, kind, decoder expression, stream event type)."""
        event_type = self._stream_event(op)[0]
        if op.streaming is not None and op.streaming.flag is None:
            return (
                f"Promise<Core.Stream<{event_type}>>",
                "stream",
                "undefined",
                event_type,
            )
        if op.pagination is not None:
            item = self.writer.write(op.pagination.item_type)
            decode = self._decoder(op.pagination.item_type)
            return f"Core.PagePromise<{item}>", "page", decode, event_type
        if _is_raw_response(op):
            return "Promise<Core.RawResponse>", "raw", "undefined", event_type
        t = op.success.type if op.success else None
        if t is None:
            return "Promise<void>", "void", "undefined", event_type
        return f"Promise<{self.writer.write(t)}>", "json", self._decoder(t), event_type

    def _decoder(self, t: TypeRef) -> str:
        if not self.convert or not self.converter.needs(t):
            return "undefined"
        return f"(v: any) => {self.converter.expr(t, 'v', 'deserialize')}"

    def _scalar(self, t: TypeRef) -> str:
        text = self.writer.write(t)
        return "string" if isinstance(t, Primitive) and t.kind == "string" else text

    # ----------------------------------------------------------------- params types

    def _params_type(self, name: str, t: TypeRef) -> View:
        ref = t.name if isinstance(t, Ref) else None
        model = self.naming.models.get(ref) if ref is not None else None
        if (
            isinstance(model, ObjectModel)
            and model.fields
            and ref not in self.naming.polymorphic
        ):
            overrides = discriminator_overrides(model, self.naming)
            members = [
                {
                    "key": m.key,
                    "optional": not m.field.required,
                    "type": (
                        ts_str(overrides[m.field.name])
                        if m.field.name in overrides
                        else self.writer.write(m.field.type)
                    ),
                    "doc": field_doc(m.field, self.flavor),
                }
                for m in self.naming.members[model.name]
                if not m.field.read_only
            ]
            return {
                "name": name,
                "kind": "interface",
                "extends": None,
                "members": members,
                "doc": doc_text(model.description, self.flavor.doc_link_base),
            }
        return {"name": name, "kind": "alias", "type": self.writer.write(t), "doc": ""}


def _required_before_optional(signature: list[View]) -> None:
    """TypeScript allows no required parameter after an optional one (TS1016): an optional
    one before a required one stays in place but takes `undefined` explicitly."""
    required_after = False
    for p in reversed(signature):
        if p["optional"] and required_after:
            p["optional"] = False
            p["type"] = f"{p['type']} | undefined"
        required_after = required_after or not p["optional"]

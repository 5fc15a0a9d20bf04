"""The view of one resource file: its class, its methods and their `...Params` types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.flavors.flavor import Flavor
from generator.ir.model import (
    Body,
    ObjectModel,
    Operation,
    Parameter,
    Primitive,
    Ref,
    Resource,
    TypeRef,
    UnionModel,
)
from generator.ir.streams import ends_with_done
from generator.targets.typescript.convert import (
    Converter,
    conversion_needed,
    member_name,
    param_member_name,
)
from generator.targets.typescript.models import discriminator_overrides, field_doc
from generator.targets.typescript.names import (
    camel,
    doc_lines,
    pascal,
    property_key,
    safe_identifier,
    singular,
    string_literal,
)
from generator.targets.typescript.naming import Naming
from generator.targets.typescript.types import TypeWriter

View = dict[str, Any]

# The query parameters `Core.CursorPageParams` declares; list params extend it when they have both.
CURSOR_PAGE_PARAMS = ("after", "limit")


@dataclass(frozen=True)
class ResourceNode:
    resource: Resource
    path: tuple[str, ...]
    """Resource names from the top (`threads`, `runs`)."""

    @property
    def file(self) -> str:
        return "src/resources/" + "/".join(kebab(p) for p in self.path) + ".ts"

    @property
    def class_name(self) -> str:
        return pascal(self.resource.name)


def kebab(name: str) -> str:
    return name.replace("_", "-").lower()


def walk(
    resources: tuple[Resource, ...], prefix: tuple[str, ...] = ()
) -> list[ResourceNode]:
    out: list[ResourceNode] = []
    for res in resources:
        node = ResourceNode(res, prefix + (res.name,))
        out.append(node)
        out.extend(walk(res.children, node.path))
    return out


def _json_body(op: Operation) -> Body | None:
    for b in op.bodies:
        if "json" in b.content_type:
            return b
    return op.bodies[0] if op.bodies else None


def _is_raw_response(op: Operation) -> bool:
    ct = op.success.content_type if op.success else None
    return (
        ct is not None
        and "json" not in ct
        and not ct.startswith("text/event-stream")
        and op.streaming is None
    )


class ResourceFile:
    def __init__(
        self,
        node: ResourceNode,
        naming: Naming,
        flavor: Flavor,
        client_params: frozenset[str],
    ) -> None:
        self.node = node
        self.naming = naming
        self.flavor = flavor
        self.client_params = client_params
        self.writer = TypeWriter(naming, flavor)
        self.converter = Converter(naming, flavor)
        self.convert = conversion_needed(flavor)
        self.local_names: set[str] = {node.class_name, "Core"}
        self.params_types: list[View] = []

    def view(self) -> View:
        res = self.node.resource
        children = []
        for child in res.children:
            alias = pascal(child.name) + "API"
            children.append(
                {
                    "property": method_identifier(child.name),
                    "alias": alias,
                    "class_name": pascal(child.name),
                    "path": "./" + kebab(res.name) + "/" + kebab(child.name) + ".js",
                }
            )
            self.local_names.add(alias)
        methods = [self._method(op) for op in res.operations]
        return {
            "class_name": self.node.class_name,
            "doc": list(doc_lines(res.description, self.flavor.doc_link_base)),
            "children": children,
            "methods": methods,
            "params_types": self.params_types,
        }

    # ----------------------------------------------------------------- methods

    def _params_name(self, op: Operation, suffix: str) -> str:
        base = pascal(singular(self.node.resource.name)) + pascal(op.name) + suffix
        name = base
        while name in self.local_names:
            name += "_"
        self.local_names.add(name)
        return name

    def _method(self, op: Operation) -> View:
        method_params = [
            p
            for p in op.parameters
            if p.method_level and p.name not in self.client_params
        ]
        path_params = [p for p in method_params if p.location == "path"]
        query_params = [p for p in method_params if p.location == "query"]
        body = _json_body(op)
        signature: list[View] = []
        used: set[str] = {"options"}
        path_expr = op.path
        for p in sorted(path_params, key=lambda p: _position(op.path, p.name)):
            ident = safe_identifier(camel(p.client_name or p.name))
            while ident in used:
                ident += "_"
            used.add(ident)
            signature.append(
                {"name": ident, "type": self._scalar(p.type), "optional": False}
            )
            encoded = (
                f"${{{ident}}}"
                if p.skip_url_encoding
                else f"${{Core.encodePath({ident})}}"
            )
            path_expr = path_expr.replace("{" + p.name + "}", encoded)

        body_view = None
        if body is not None:
            name = self._params_name(op, "Params")
            self.params_types.append(self._params_type(name, body.type))
            optional = not body.required
            signature.append({"name": "body", "type": name, "optional": optional})
            used.add("body")
            value = (
                self.converter.expr(body.type, "body", "serialize")
                if self.convert
                else "body"
            )
            if optional and value != "body":
                value = f"body === undefined ? undefined : {value}"
            body_view = {
                "value": value,
                "multipart": body.is_multipart,
                "content_type": body.content_type,
            }

        query_view = None
        if query_params:
            name = self._params_name(op, "Params" if body is None else "Query")
            extends_page = (
                op.pagination is not None
                and op.pagination.cursor_param == "after"
                and all(
                    any(p.name == k for p in query_params) for k in CURSOR_PAGE_PARAMS
                )
            )
            shown = [
                p
                for p in query_params
                if not (extends_page and p.name in CURSOR_PAGE_PARAMS)
            ]
            self.params_types.append(self._query_type(name, shown, extends_page))
            optional = not any(p.required for p in query_params)
            signature.append({"name": "query", "type": name, "optional": optional})
            entries = []
            for p in query_params:
                member = param_member_name(p.name, p.client_name, self.flavor)
                access = f"query?.[{string_literal(member)}]"
                value = (
                    self.converter.expr(p.type, access, "serialize")
                    if self.convert
                    else access
                )
                if value != access:
                    value = f"{access} === undefined ? undefined : {value}"
                entries.append({"key": string_literal(p.name), "value": value})
            query_view = {"entries": entries}

        # Overloads let an optional trailing params object be skipped: `list(threadId, options)`.
        overload = (
            bool(signature)
            and signature[-1]["optional"]
            and signature[-1]["name"] in ("body", "query")
        )
        returns, kind, decode, event_type = self._returns(op)
        flag = (
            op.streaming.flag
            if op.streaming is not None and op.streaming.flag and body is not None
            else None
        )
        pagination = None
        if op.pagination is not None:
            pg = op.pagination
            pagination = {
                "items_field": string_literal(pg.items_field),
                "cursor_param": string_literal(pg.cursor_param),
                "cursor_field": (
                    string_literal(pg.cursor_field) if pg.cursor_field else "undefined"
                ),
                "has_more": (
                    string_literal(pg.has_more_field)
                    if pg.has_more_field
                    else "undefined"
                ),
            }
        doc = list(doc_lines(op.summary or op.description, self.flavor.doc_link_base))
        if op.deprecated:
            doc.append("@deprecated")
        return {
            "name": method_identifier(op.name),
            "doc": doc,
            "signature": signature,
            "overload": overload,
            "returns": returns,
            "kind": kind,
            "http_method": op.method,
            "path": "`" + path_expr + "`",
            "body": body_view,
            "query": query_view,
            "decode": decode,
            "pagination": pagination,
            "stream_flag": string_literal(flag) if flag else None,
            "stream_name": method_identifier(op.name + "_stream") if flag else None,
            "event_type": event_type,
            "stream_shape": self._stream_event(op)[1],
            "ends_with_done": ends_with_done(op.streaming, self.naming.models),
        }

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
            return self.writer.write(t), "auto"
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
            members = []
            for f in model.fields:
                if f.read_only:
                    continue
                text = (
                    string_literal(overrides[f.name])
                    if f.name in overrides
                    else self.writer.write(f.type)
                )
                members.append(
                    {
                        "key": property_key(member_name(f, self.flavor)),
                        "optional": not f.required,
                        "type": text,
                        "doc": field_doc(f, self.flavor),
                    }
                )
            return {
                "name": name,
                "kind": "interface",
                "extends": None,
                "members": members,
                "doc": list(doc_lines(model.description, self.flavor.doc_link_base)),
            }
        return {"name": name, "kind": "alias", "type": self.writer.write(t), "doc": []}

    def _query_type(
        self, name: str, params: list[Parameter], extends_page: bool
    ) -> View:
        members = []
        for p in params:
            members.append(
                {
                    "key": property_key(
                        param_member_name(p.name, p.client_name, self.flavor)
                    ),
                    "optional": not p.required,
                    "type": self.writer.write(p.type),
                    "doc": list(doc_lines(p.description, self.flavor.doc_link_base))
                    + (["@deprecated"] if p.deprecated else []),
                }
            )
        return {
            "name": name,
            "kind": "interface",
            "extends": "Core.CursorPageParams" if extends_page else None,
            "members": members,
            "doc": [],
        }


def _position(path: str, name: str) -> int:
    m = re.search(r"\{" + re.escape(name) + r"\}", path)
    return m.start() if m else len(path)


def method_identifier(name: str) -> str:
    """Methods are properties, so reserved words are fine (`delete`); `constructor` is not."""
    ident = camel(name)
    return ident + "_" if ident == "constructor" else ident

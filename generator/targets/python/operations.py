"""Operations as methods: signature, docstring and body lines, sync and async."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from generator.encoders.python import py_literal, py_str
from generator.flavors.flavor import Flavor
from generator.ir.model import (
    Body,
    Model,
    Nullable,
    ObjectModel,
    Operation,
    Parameter,
    Ref,
    TypeRef,
    UnionModel,
)
from generator.ir.streams import ends_with_done
from generator.naming.allocator import RenameLog
from generator.targets.python import names
from generator.targets.python.layout import (
    annotation_lines,
    assign_call,
    call_expr_lines,
    docstring_lines,
    expr_lines,
    fits,
)
from generator.targets.python.types import (
    Expr,
    Needs,
    Sub,
    TypeMapper,
    flat,
    names_in,
)

INDENT = "    "
BODY = INDENT * 2
_PATH_PARAM = re.compile(r"\{([^{}]+)\}")

OPTION_PARAMS = (
    "extra_headers: Optional[Headers] = None,",
    "extra_query: Optional[Query] = None,",
    "extra_body: Optional[Body] = None,",
    "timeout: Union[Timeout, NotGiven] = NOT_GIVEN,",
)
OPTION_ARGS = (
    "extra_headers=extra_headers,",
    "extra_query=extra_query,",
    "extra_body=extra_body,",
    "timeout=timeout,",
)


@dataclass(frozen=True)
class Arg:
    """A method parameter: Python name, wire name, where it goes, its type."""

    name: str
    wire: str
    location: str
    """`path`, `query`, `header`, `cookie`, `body` (a body field), `whole_body`."""
    type: TypeRef
    required: bool
    description: str | None
    skip_url_encoding: bool = False
    annotation: Expr = "object"
    """Set when the method is written (the annotation's imports are collected then)."""


@dataclass(frozen=True)
class Method:
    """An operation with its Python names decided: the method's and its parameters'."""

    op: Operation
    name: str
    args: tuple[Arg, ...]


@dataclass(frozen=True)
class MethodCode:
    name: str
    sync_lines: tuple[str, ...]
    async_lines: tuple[str, ...]
    is_page: bool


def path_order(path: str) -> list[str]:
    return _PATH_PARAM.findall(path)


def _union_with(expr: Expr, extra: str) -> Expr:
    args: list[Expr] = []
    if isinstance(expr, Sub) and expr.head == "Union":
        args.extend(expr.args)
    else:
        args.append(expr)
    args.append(extra)
    return Sub("Union", tuple(args))


class OperationWriter:
    def __init__(
        self,
        mapper: TypeMapper,
        flavor: Flavor,
        field_names: Mapping[str, tuple[str, ...]],
        receiver: str = "self._client",
    ) -> None:
        self.mapper = mapper
        self.receiver = receiver
        """What the methods send with: a resource's client, or the client itself."""
        self.flavor = flavor
        self.models: Mapping[str, Model] = mapper.models
        self.field_names = field_names
        """Model name → its fields' attributes (a flattened body's parameters)."""

    # ------------------------------------------------------------------ arguments

    def _client_name(self, name: str | None) -> str | None:
        return name if self.flavor.use_client_names else None

    def plan_method(self, op: Operation, name: str, log: RenameLog) -> Method:
        """Name the parameters of `op`, in a scope that reserves what its body uses."""
        wanted: list[tuple[str, str, Arg]] = []
        """(identifier wanted, the spec's spelling, the parameter)"""
        by_wire = {p.name: p for p in op.params_in("path")}
        for wire in path_order(op.path):
            p = by_wire.get(wire)
            if p is None:
                continue
            arg = Arg(
                "", wire, "path", p.type, True, p.description, p.skip_url_encoding
            )
            wanted.append((*self._pname(p), arg))
        for p in op.parameters:
            # A client-level parameter still here is one the client does not send
            # (the flavor hoists only its api-version): the method takes it.
            if p.location in ("query", "header", "cookie"):
                arg = Arg("", p.name, p.location, p.type, p.required, p.description)
                wanted.append((*self._pname(p), arg))
        body = self._body(op)
        if body is not None:
            model = self._object_body(body.type)
            if model is not None:
                attrs = self.field_names[model.name]
                for attr, f in zip(attrs, model.fields):
                    if f.read_only:
                        continue
                    arg = Arg("", f.name, "body", f.type, f.required, f.description)
                    wanted.append((attr, attr, arg))
            else:
                arg = Arg(
                    "", "", "whole_body", body.type, body.required, body.description
                )
                wanted.append(("body", "body", arg))
        scope = names.signature_scope(log, op.operation_id, self._body_names(op))
        given = scope.claim_all(
            [
                (
                    want,
                    names.owner(
                        (
                            "the request body"
                            if arg.location == "whole_body"
                            else f"{arg.location} parameter `{arg.wire}`"
                        )
                        + f" of operation `{op.operation_id}`",
                        op.source,
                    ),
                )
                for want, _, arg in wanted
            ],
            spelled=[spelling for _, spelling, _ in wanted],
        )
        args = tuple(replace(a, name=n) for n, (_, _, a) in zip(given, wanted))
        return Method(op, name, args)

    def _body_names(self, op: Operation) -> set[str]:
        """The names a method's body evaluates besides its parameters and the runtime's
        classes (which snake_case parameters cannot take): the response, event and item
        types it casts to (`List[str]` makes `str` a name no parameter may shadow)."""
        needs = Needs()
        used = names_in(self._response_expr(op, needs))
        if op.streaming is not None:
            used |= names_in(self._event_expr(op, needs))
        if op.pagination is not None:
            used |= names_in(self.mapper.annotation(op.pagination.item_type, needs))
        return used

    def _pname(self, p: Parameter) -> tuple[str, str]:
        """The identifier a parameter wants, and the spec's spelling it comes from."""
        spelled = self._client_name(p.client_name) or p.name
        return names.attribute(spelled), spelled

    def _body(self, op: Operation) -> Body | None:
        if not op.bodies:
            return None
        for b in op.bodies:
            if "json" in b.content_type:
                return b
        return op.bodies[0]

    def _object_body(self, ref: TypeRef) -> ObjectModel | None:
        if isinstance(ref, Ref):
            model = self.models.get(ref.name)
            if isinstance(model, ObjectModel) and model.fields:
                return model
        return None

    # ------------------------------------------------------------------ method

    def method(self, planned: Method, needs: Needs) -> MethodCode:
        op, method_name = planned.op, planned.name
        args = [
            replace(a, annotation=self.mapper.annotation(a.type, needs, "request"))
            for a in planned.args
        ]
        body = self._body(op)
        multipart = bool(body is not None and getattr(body, "is_multipart", False))
        doc = self._doc(op, args)
        spec_lines = self._spec_lines(op, args, multipart)
        if op.pagination is not None:
            return self._page_method(op, method_name, args, doc, spec_lines, needs)
        response = self._response_expr(op, needs)
        stream = op.streaming
        if stream is not None:
            event = self._event_expr(op, needs)
            stream_args = self._stream_args(op)
            flag = next(
                (a for a in args if a.location == "body" and a.wire == stream.flag),
                None,
            )
            if stream.flag is not None and flag is not None:
                return self._flag_stream_method(
                    method_name,
                    args,
                    flag,
                    response,
                    event,
                    stream_args,
                    doc,
                    spec_lines,
                    needs,
                )
            return self._stream_method(
                method_name, args, event, stream_args, doc, spec_lines, needs
            )
        sync = self._signature(method_name, args, response, False)
        asyn = self._signature(method_name, args, response, True)
        call = self._result_lines(response, False)
        acall = self._result_lines(response, True)
        return MethodCode(
            method_name,
            tuple(sync + doc + spec_lines + call),
            tuple(asyn + doc + spec_lines + acall),
            False,
        )

    def _response_expr(self, op: Operation, needs: Needs) -> Expr:
        if op.success is None or op.success.type is None:
            return "None"
        return self.mapper.annotation(op.success.type, needs)

    def _event_expr(self, op: Operation, needs: Needs) -> Expr:
        stream = op.streaming
        if stream is None or stream.event_type is None:
            return "object"
        return self.mapper.annotation(stream.event_type, needs)

    def _stream_args(self, op: Operation) -> list[str]:
        """How the runtime reads this operation's events (`request(..., stream_cls=...)`)."""
        args = []
        if self._enveloped(op):
            args.append("envelope=True")
        if ends_with_done(op.streaming, self.models):
            args.append("ends_with_done=True")
        return args

    def _enveloped(self, op: Operation) -> bool:
        """Events decode from `{"event": sse.event, "data": json}` when every variant says so."""
        stream = op.streaming
        if stream is None or stream.event_type is None:
            return False
        ref = stream.event_type
        if isinstance(ref, Nullable):
            ref = ref.inner
        if not isinstance(ref, Ref):
            return False
        model = self.models.get(ref.name)
        variants: list[ObjectModel] = []
        if isinstance(model, ObjectModel):
            variants.append(model)
        elif isinstance(model, UnionModel):
            for v in model.variants:
                target = self.models.get(v.name) if isinstance(v, Ref) else None
                if not isinstance(target, ObjectModel):
                    return False
                variants.append(target)
        if not variants:
            return False
        return all({"event", "data"} <= {f.name for f in v.fields} for v in variants)

    # ------------------------------------------------------------------ pieces

    def _param_lines(
        self, args: list[Arg], overrides: Mapping[str, tuple[Expr, str]]
    ) -> list[str]:
        indent = BODY
        lines = [f"{indent}self,"]
        path = [a for a in args if a.location == "path"]
        rest = [a for a in args if a.location != "path"]
        rest = [a for a in rest if a.required or a.name in overrides] + [
            a for a in rest if not a.required and a.name not in overrides
        ]
        for a in path:
            lines.extend(
                expr_lines(a.annotation, indent, prefix=f"{a.name}: ", suffix=",")
            )
        lines.append(f"{indent}*,")
        for a in rest:
            if a.name in overrides:
                ann, default = overrides[a.name]
            elif a.required:
                ann, default = a.annotation, ""
            else:
                ann, default = _union_with(a.annotation, "NotGiven"), " = NOT_GIVEN"
            lines.extend(
                expr_lines(ann, indent, prefix=f"{a.name}: ", suffix=f"{default},")
            )
        lines.extend(f"{indent}{p}" for p in OPTION_PARAMS)
        return lines

    def _signature(
        self,
        name: str,
        args: list[Arg],
        returns: Expr,
        is_async: bool,
        overrides: Mapping[str, tuple[Expr, str]] | None = None,
        decorator: str | None = None,
    ) -> list[str]:
        head = f"{INDENT}{'async ' if is_async else ''}def {name}("
        lines = [f"{INDENT}{decorator}"] if decorator else []
        lines.append(head)
        lines.extend(self._param_lines(args, overrides or {}))
        lines.extend(expr_lines(returns, INDENT, prefix=") -> ", suffix=":"))
        return lines

    def _doc(self, op: Operation, args: list[Arg]) -> list[str]:
        parts: list[str] = []
        text = op.description or op.summary
        if text:
            parts.append(text.strip())
        described = [a for a in args if a.description]
        if described:
            arg_lines = ["Args:"]
            for a in described:
                desc = (a.description or "").strip().replace("\n", "\n      ")
                arg_lines.append(f"  {a.name}: {desc}")
            parts.append("\n".join(arg_lines))
        if op.deprecated:
            parts.append("Deprecated.")
        return docstring_lines("\n\n".join(parts), BODY)

    def _dict_arg(self, key: str, items: list[tuple[str, str]]) -> list[str]:
        indent = BODY + INDENT
        entries = [f"{py_str(k)}: {v}" for k, v in items]
        line = f"{indent}{key}={{{', '.join(entries)}}},"
        if fits(line):
            return [line]
        return [
            f"{indent}{key}={{",
            *(f"{indent}{INDENT}{e}," for e in entries),
            f"{indent}}},",
        ]

    def _spec_lines(self, op: Operation, args: list[Arg], multipart: bool) -> list[str]:
        indent = BODY + INDENT
        lines = [f"{BODY}_spec = RequestSpec("]
        lines.append(f"{indent}{py_str(op.method)},")
        lines.append(f"{indent}{py_str(op.path)},")
        path = [(a.wire, a.name) for a in args if a.location == "path"]
        if path:
            lines.extend(self._dict_arg("path_params", path))
        raw = [a.wire for a in args if a.location == "path" and a.skip_url_encoding]
        if raw:
            lines.append(
                f"{indent}raw_path_params=({', '.join(py_str(r) for r in raw)},),"
            )
        query = [(a.wire, a.name) for a in args if a.location == "query"]
        if query:
            lines.extend(self._dict_arg("query", query))
        headers = [(a.wire, a.name) for a in args if a.location == "header"]
        if headers:
            lines.extend(self._dict_arg("headers", headers))
        cookies = [(a.wire, a.name) for a in args if a.location == "cookie"]
        if cookies:
            lines.extend(self._dict_arg("cookies", cookies))
        fields = [(a.wire, a.name) for a in args if a.location == "body"]
        whole = next((a for a in args if a.location == "whole_body"), None)
        if fields:
            lines.extend(self._dict_arg("body", fields))
        elif whole is not None:
            lines.append(f"{indent}body={whole.name},")
        if multipart:
            lines.append(f"{indent}multipart=True,")
        lines.extend(f"{indent}{a}" for a in OPTION_ARGS)
        lines.append(f"{BODY})")
        return lines

    def _request_call(
        self,
        var: str,
        ann: Expr,
        cast_to: Expr,
        is_async: bool,
        extra: list[str],
        indent: str = BODY,
    ) -> list[str]:
        call = f"{'await ' if is_async else ''}{self.receiver}.request"
        args: list[Expr] = [cast_to, "_spec", *extra]
        flat_args = [flat(a) for a in args]
        if all(fits(f"{indent}{INDENT}{a},") for a in flat_args):
            lines = assign_call(indent, var, ann, call, flat_args)
            if all(fits(line) for line in lines):
                return lines
        # Long types: declare, then assign (black splits each part at its brackets).
        return [
            *annotation_lines(indent, var, ann),
            *call_expr_lines(indent, f"{var} = {call}", args),
        ]

    def _result_lines(self, response: Expr, is_async: bool) -> list[str]:
        if response == "None":
            call = f"{'await ' if is_async else ''}{self.receiver}.request"
            return [f"{BODY}{call}(None, _spec)"]
        return [
            *self._request_call("_result", response, response, is_async, []),
            f"{BODY}return _result",
        ]

    def _stream_lines(
        self, event: Expr, stream_args: list[str], is_async: bool, indent: str = BODY
    ) -> list[str]:
        stream_cls = "AsyncStream" if is_async else "Stream"
        ann = Sub(stream_cls, (event,))
        extra = [f"stream_cls={stream_cls}", *stream_args]
        call = self._request_call("_events", ann, event, is_async, extra, indent)
        return [*call, f"{indent}return _events"]

    def _stream_method(
        self,
        name: str,
        args: list[Arg],
        event: Expr,
        stream_args: list[str],
        doc: list[str],
        spec_lines: list[str],
        needs: Needs,
    ) -> MethodCode:
        needs.runtime.update({"Stream", "AsyncStream"})
        sync = self._signature(name, args, Sub("Stream", (event,)), False)
        asyn = self._signature(name, args, Sub("AsyncStream", (event,)), True)
        return MethodCode(
            name,
            tuple(
                sync + doc + spec_lines + self._stream_lines(event, stream_args, False)
            ),
            tuple(
                asyn + doc + spec_lines + self._stream_lines(event, stream_args, True)
            ),
            False,
        )

    def _flag_stream_method(
        self,
        name: str,
        args: list[Arg],
        flag: Arg,
        response: Expr,
        event: Expr,
        stream_args: list[str],
        doc: list[str],
        spec_lines: list[str],
        needs: Needs,
    ) -> MethodCode:
        needs.typing.update({"overload", "Literal"})
        needs.runtime.update({"Stream", "AsyncStream"})
        out: list[tuple[str, ...]] = []
        for is_async in (False, True):
            stream_cls = "AsyncStream" if is_async else "Stream"
            streamed = Sub(stream_cls, (event,))
            either = Sub("Union", (response, streamed))
            lines: list[str] = []
            variants: list[tuple[Expr, str, Expr]] = [
                (
                    Sub("Union", ("Literal[False]", "NotGiven")),
                    " = NOT_GIVEN",
                    response,
                ),
                ("Literal[True]", "", streamed),
                ("bool", "", either),
            ]
            for ann, default, ret in variants:
                sig = self._signature(
                    name, args, ret, is_async, {flag.name: (ann, default)}, "@overload"
                )
                # black writes a stub body on the signature's last line.
                sig[-1] += " ..."
                lines += sig
                lines.append("")
            impl = {flag.name: (Sub("Union", ("bool", "NotGiven")), " = NOT_GIVEN")}
            lines += self._signature(name, args, either, is_async, impl)
            lines += doc
            lines += spec_lines
            lines.append(f"{BODY}if {flag.name}:")
            lines += self._stream_lines(event, stream_args, is_async, BODY + INDENT)
            lines += self._result_lines(response, is_async)
            out.append(tuple(lines))
        return MethodCode(name, out[0], out[1], False)

    def _page_call(self, ann: Expr) -> list[str]:
        args = ["SyncCursorPage", "_spec", "_info"]
        return assign_call(BODY, "_page", ann, f"{self.receiver}.request_page", args)

    def _page_method(
        self,
        op: Operation,
        name: str,
        args: list[Arg],
        doc: list[str],
        spec_lines: list[str],
        needs: Needs,
    ) -> MethodCode:
        pagination = op.pagination
        assert pagination is not None
        needs.runtime.update({"PageInfo"})
        item = self.mapper.annotation(pagination.item_type, needs)
        info = [
            f"{BODY}_info = PageInfo(",
            f"{BODY}{INDENT}item_type={flat(item)},",
            f"{BODY}{INDENT}items_field={py_str(pagination.items_field)},",
            f"{BODY}{INDENT}cursor_param={py_str(pagination.cursor_param)},",
            f"{BODY}{INDENT}cursor_field={py_literal(pagination.cursor_field)},",
            f"{BODY}{INDENT}has_more_field={py_literal(pagination.has_more_field)},",
            f"{BODY})",
        ]
        sync_ret = Sub("SyncCursorPage", (item,))
        sync = self._signature(name, args, sync_ret, False)
        sync_call = [
            *self._page_call(sync_ret),
            f"{BODY}return _page",
        ]
        async_ret = Sub("AsyncPaginator", (item,))
        asyn = self._signature(name, args, async_ret, False)
        async_call = [f"{BODY}return AsyncPaginator({self.receiver}, _spec, _info)"]
        needs.runtime.update({"SyncCursorPage", "AsyncPaginator"})
        return MethodCode(
            name,
            tuple(sync + doc + spec_lines + info + sync_call),
            tuple(asyn + doc + spec_lines + info + async_call),
            True,
        )

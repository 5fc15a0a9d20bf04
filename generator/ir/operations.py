"""Path items to `Operation`s: parameters, bodies, responses, docs and examples."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.ir.model import (
    Body,
    Example,
    HttpMethod,
    Operation,
    Parameter,
    ParamLocation,
    Primitive,
    Response,
    Source,
    TypeRef,
)
from generator.ir.pagination import EVENT_STREAM, cursor_pagination, streaming
from generator.ir.resources import path_parameters, path_segments
from generator.ir.schema_nodes import escape_pointer, extensions
from generator.ir.schemas import ANY, Place, SchemaBuilder
from generator.naming.casing import capitalized as pascal
from generator.naming.casing import snake

METHODS: tuple[HttpMethod, ...] = (
    "get",
    "put",
    "post",
    "delete",
    "options",
    "head",
    "patch",
    "trace",
)
_LOCATIONS: tuple[ParamLocation, ...] = ("path", "query", "header", "cookie")
_CLIENT_PARAMS = frozenset({"api-version"})
_BINARY = Primitive("string", "binary")

Security = tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]


@dataclass(frozen=True)
class RawOperation:
    path: str
    method: HttpMethod
    node: Mapping[str, Any]
    path_item: Mapping[str, Any]
    file: str
    pointer: str
    path_item_at: tuple[str, str]
    """(file, pointer) of the path item: an operation may live in a file of its own."""

    @property
    def operation_id(self) -> str | None:
        op_id = self.node.get("operationId")
        return op_id if isinstance(op_id, str) and op_id.strip() else None

    @property
    def fallback_id(self) -> str:
        """`get /threads/{thread_id}` → `get_threads_thread_id`, when there is no operationId."""
        return "_".join([self.method, *(snake(s) for s in path_segments(self.path))])

    @property
    def group(self) -> str | None:
        meta = self.node.get("x-oaiMeta")
        group = meta.get("group") if isinstance(meta, Mapping) else None
        return group if isinstance(group, str) else None


class OperationBuilder:
    def __init__(self, schemas: SchemaBuilder) -> None:
        self.schemas = schemas

    def build(self, raw: RawOperation, name: str) -> Operation:
        op_id = raw.operation_id or raw.fallback_id
        stem = pascal(op_id) or "Operation"
        node = raw.node
        parameters = self._parameters(raw, stem)
        bodies = self._bodies(raw, stem)
        responses, errors, streams = self._responses(raw, stem)
        success = next(
            (r for r in responses if r.type is not None),
            responses[0] if responses else None,
        )
        models = self.schemas.models
        return Operation(
            operation_id=op_id,
            name=name,
            method=raw.method,
            path=raw.path,
            parameters=parameters,
            bodies=bodies,
            success=success,
            responses=responses,
            errors=errors,
            pagination=cursor_pagination(parameters, success, models),
            streaming=streaming(streams, bodies, models),
            summary=_text(node, "summary"),
            description=_text(node, "description"),
            deprecated=node.get("deprecated") is True,
            tags=tuple(t for t in node.get("tags", ()) or () if isinstance(t, str)),
            security=(
                security(node["security"])
                if isinstance(node.get("security"), list)
                else None
            ),
            examples=examples(node),
            extensions=extensions(node),
            source=Source(raw.file, raw.pointer),
        )

    # ------------------------------------------------------------------ parameters

    def _parameters(self, raw: RawOperation, stem: str) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], Parameter] = {}
        item_file, item_pointer = raw.path_item_at
        lists = (
            (raw.path_item.get("parameters"), item_file, item_pointer + "/parameters"),
            (raw.node.get("parameters"), raw.file, raw.pointer + "/parameters"),
        )
        for params, file, pointer in lists:
            if not isinstance(params, list):
                continue
            for i, param in enumerate(params):
                built = self._parameter(param, file, f"{pointer}/{i}", stem)
                if built is not None:
                    merged[(built.name, built.location)] = built
        self._add_undeclared_path_params(raw, merged)
        order = {name: i for i, name in enumerate(path_parameters(raw.path))}
        path = sorted(
            (p for p in merged.values() if p.location == "path"),
            key=lambda p: order.get(p.name, 999),
        )
        rest = [
            p for loc in _LOCATIONS[1:] for p in merged.values() if p.location == loc
        ]
        return tuple(path + rest)

    def _parameter(
        self, param: Any, file: str, pointer: str, stem: str
    ) -> Parameter | None:
        if isinstance(param, Mapping) and "$ref" in param:
            resolved = self.schemas.resolve(str(param["$ref"]), file)
            param, file, pointer = resolved.node, resolved.file, resolved.pointer
        if not isinstance(param, Mapping):
            self.schemas.warn(
                "dropped-parameter", "not a parameter object; left out", file, pointer
            )
            return None
        if not isinstance(param.get("name"), str):
            return None  # the loader reported it (`nameless-parameter`)
        name, location = str(param["name"]), param.get("in")
        if location == "querystring":
            return None  # OpenAPI 3.2's; the loader reported it
        if location not in _LOCATIONS:
            self.schemas.warn(
                "dropped-parameter",
                f"parameter `{name}` is `in: {location}`; left out",
                file,
                pointer,
            )
            return None
        schema, schema_pointer = param.get("schema"), pointer + "/schema"
        if (
            schema is None
            and isinstance(param.get("content"), Mapping)
            and param["content"]
        ):
            ct, media = next(iter(param["content"].items()))
            schema = media.get("schema") if isinstance(media, Mapping) else None
            schema_pointer = f"{pointer}/content/{escape_pointer(str(ct))}/schema"
        place = Place(stem + pascal(name))
        t = (
            self.schemas.type_of(schema, file, schema_pointer, place)
            if schema is not None
            else ANY
        )
        schema_node: Mapping[str, Any] = schema if isinstance(schema, Mapping) else {}
        client = (
            param.get("x-ms-parameter-location") == "client" or name in _CLIENT_PARAMS
        )
        return Parameter(
            name=name,
            location=location,
            type=t,
            required=param.get("required") is True or location == "path",
            description=_text(param, "description"),
            deprecated=param.get("deprecated") is True,
            default=schema_node.get("default"),
            has_default="default" in schema_node,
            client_name=_text(param, "x-ms-client-name"),
            skip_url_encoding=param.get("x-ms-skip-url-encoding") is True,
            explode=(
                param["explode"] if isinstance(param.get("explode"), bool) else None
            ),
            style=_text(param, "style"),
            method_level=not client,
        )

    def _add_undeclared_path_params(
        self, raw: RawOperation, merged: dict[tuple[str, str], Parameter]
    ) -> None:
        for name in path_parameters(raw.path):
            if (name, "path") not in merged:
                self.schemas.warn(
                    "undeclared-path-parameter",
                    f"path parameter `{name}` is not declared; taken as a string",
                    raw.file,
                    raw.pointer,
                )
                merged[(name, "path")] = Parameter(
                    name, "path", Primitive("string"), True
                )

    # ------------------------------------------------------------------ bodies

    def _bodies(self, raw: RawOperation, stem: str) -> tuple[Body, ...]:
        body, file, pointer = (
            raw.node.get("requestBody"),
            raw.file,
            raw.pointer + "/requestBody",
        )
        if isinstance(body, Mapping) and "$ref" in body:
            resolved = self.schemas.resolve(str(body["$ref"]), file)
            body, file, pointer = resolved.node, resolved.file, resolved.pointer
        if not isinstance(body, Mapping) or not isinstance(
            body.get("content"), Mapping
        ):
            return ()
        out: list[Body] = []
        for ct, media in body["content"].items():
            media_pointer = f"{pointer}/content/{escape_pointer(str(ct))}"
            t = self._media_type(
                media, str(ct), file, media_pointer, Place(stem + "Request")
            )
            out.append(
                Body(
                    str(ct), t, body.get("required") is True, _text(body, "description")
                )
            )
        return tuple(out)

    def _media_type(
        self, media: Any, content_type: str, file: str, pointer: str, place: Place
    ) -> TypeRef:
        schema = media.get("schema") if isinstance(media, Mapping) else None
        if schema is None:
            return (
                ANY
                if "json" in content_type or content_type.startswith("text/")
                else _BINARY
            )
        return self.schemas.type_of(schema, file, pointer + "/schema", place)

    # ------------------------------------------------------------------ responses

    def _responses(
        self, raw: RawOperation, stem: str
    ) -> tuple[
        tuple[Response, ...], tuple[Response, ...], list[tuple[str, TypeRef | None]]
    ]:
        responses = raw.node.get("responses")
        if not isinstance(responses, Mapping):
            return (), (), []
        ok: list[Response] = []
        errors: list[Response] = []
        streams: list[tuple[str, TypeRef | None]] = []
        for status in sorted(responses, key=_status_order):
            code = str(status)
            success = code.startswith("2")
            place = Place(
                stem + "Response" if success else f"{stem}Response{pascal(code)}"
            )
            built, stream = self._response(
                responses[status],
                code,
                raw.file,
                f"{raw.pointer}/responses/{escape_pointer(code)}",
                place,
            )
            (ok if success else errors).append(built)
            if success and stream is not None:
                streams.append(stream)
        return tuple(ok), tuple(errors), streams

    def _response(
        self, resp: Any, status: str, file: str, pointer: str, place: Place
    ) -> tuple[Response, tuple[str, TypeRef | None] | None]:
        if isinstance(resp, Mapping) and "$ref" in resp:
            resolved = self.schemas.resolve(str(resp["$ref"]), file)
            resp, file, pointer = resolved.node, resolved.file, resolved.pointer
        if not isinstance(resp, Mapping):
            return Response(status), None
        content = (
            resp.get("content") if isinstance(resp.get("content"), Mapping) else {}
        )
        assert isinstance(content, Mapping)
        stream: tuple[str, TypeRef | None] | None = None
        chosen: tuple[str, TypeRef] | None = None
        for ct in _content_order(content):
            media_pointer = f"{pointer}/content/{escape_pointer(ct)}"
            media = content[ct]
            if ct.split(";", 1)[0].strip() == EVENT_STREAM:
                has_schema = (
                    isinstance(media, Mapping) and media.get("schema") is not None
                )
                event = (
                    self._media_type(
                        media, ct, file, media_pointer, place.child("Event")
                    )
                    if has_schema
                    else None
                )
                stream = (ct, event)
            elif chosen is None:
                chosen = (ct, self._media_type(media, ct, file, media_pointer, place))
        chosen_ct: str | None = None
        chosen_type: TypeRef | None = None
        if chosen is not None:
            chosen_ct, chosen_type = chosen
        elif stream is not None:
            chosen_ct, chosen_type = stream
        headers = self._headers(resp.get("headers"), file, pointer + "/headers", place)
        return (
            Response(
                status, _text(resp, "description"), chosen_ct, chosen_type, headers
            ),
            stream,
        )

    def _headers(
        self, headers: Any, file: str, pointer: str, place: Place
    ) -> tuple[tuple[str, TypeRef], ...]:
        if not isinstance(headers, Mapping):
            return ()
        out: list[tuple[str, TypeRef]] = []
        for name, header in headers.items():
            header_file, header_pointer = file, f"{pointer}/{escape_pointer(str(name))}"
            if isinstance(header, Mapping) and "$ref" in header:
                resolved = self.schemas.resolve(str(header["$ref"]), file)
                header, header_file, header_pointer = (
                    resolved.node,
                    resolved.file,
                    resolved.pointer,
                )
            schema = header.get("schema") if isinstance(header, Mapping) else None
            t = (
                self.schemas.type_of(
                    schema,
                    header_file,
                    header_pointer + "/schema",
                    place.child(pascal(str(name))),
                )
                if schema is not None
                else ANY
            )
            out.append((str(name), t))
        return tuple(out)


# ---------------------------------------------------------------------- documentation parts


def security(requirements: list[Any]) -> Security:
    out: list[tuple[tuple[str, tuple[str, ...]], ...]] = []
    for requirement in requirements:
        if not isinstance(requirement, Mapping):
            continue
        out.append(
            tuple(
                (str(scheme), tuple(str(s) for s in scopes or ()))
                for scheme, scopes in requirement.items()
            )
        )
    return tuple(out)


def examples(node: Mapping[str, Any]) -> tuple[Example, ...]:
    """`x-oaiMeta.examples`: a list of examples, or a single one given as a mapping."""
    meta = node.get("x-oaiMeta")
    raw = meta.get("examples") if isinstance(meta, Mapping) else None
    if isinstance(raw, Mapping):
        if "request" in raw or "response" in raw:
            items: list[Any] = [raw]
        else:
            items = [
                {"title": k, **v} for k, v in raw.items() if isinstance(v, Mapping)
            ]
    elif isinstance(raw, list):
        items = raw
    else:
        return ()
    out: list[Example] = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        request = item.get("request")
        if isinstance(request, Mapping):
            pairs = tuple(
                (str(lang), code)
                for lang, code in request.items()
                if isinstance(code, str)
            )
        elif isinstance(request, str):
            pairs = (("curl", request),)
        else:
            pairs = ()
        response = item.get("response")
        out.append(
            Example(
                _text(item, "title"),
                pairs,
                response if isinstance(response, str) else None,
            )
        )
    return tuple(out)


def _status_order(status: Any) -> tuple[int, str]:
    code = str(status)
    if code == "default":
        return (2, code)
    return (0 if code.startswith("2") else 1, code)


def _content_order(content: Mapping[str, Any]) -> list[str]:
    """JSON first, then the rest in spec order: the typed body a client parses by default."""
    keys = [str(k) for k in content]
    return sorted(keys, key=lambda ct: 0 if "json" in ct else 1)


def _text(node: Mapping[str, Any], key: str) -> str | None:
    value = node.get(key)
    return value if isinstance(value, str) else None

"""Swagger 2.0 → the OpenAPI 3.0 shape, in every file the entry reaches.

What changes, and where it lands (the builder reads only the OpenAPI 3 shape):

- `definitions`, `parameters`, `responses` → `components/schemas`, `components/parameters`,
  `components/responses`; a shared `in: body` parameter → `components/requestBodies`.
  Every `$ref` into them is rewritten to match, in every file.
- A non-body parameter's `type`/`format`/`items`/`enum`/... move into its `schema`;
  `collectionFormat` becomes `style`/`explode`; `type: file` becomes `string`/`binary`.
- `in: body` → `requestBody` with one content entry per media type the operation
  consumes (`consumes`, else the document's, else `application/json`); the body
  parameter's `name` is kept as `x-ms-requestBody-name` and its `x-` extensions
  (`x-ms-client-name`, `x-ms-parameter-location`) ride along on the request body.
- `in: formData` → a `requestBody` whose schema is an object of the form fields, under
  `multipart/form-data` and/or `application/x-www-form-urlencoded` (from `consumes`;
  multipart when a field is a file). Each field keeps its `x-` extensions.
- Responses get `content` per media type the operation `produces`; `headers` get schemas.
- `x-nullable` → `nullable`; a string `discriminator` → `{propertyName: ...}`.
- `host`/`basePath`/`schemes` → `servers`; `x-ms-parameterized-host` → a server whose
  URL is the host template (e.g. `{endpoint}`), with one variable per host parameter
  (their `x-ms-*` extensions kept on the variable). The extension itself stays at the
  top level unchanged.
- `securityDefinitions` → `components/securitySchemes` (`oauth2` flows renamed to 3.0's,
  scopes kept; `apiKey`; `basic` → `http`/`basic`).
- Every other key, and every `x-` extension (`x-ms-client-name`, `x-ms-enum`,
  `x-ms-discriminator-value`, `x-ms-skip-url-encoding`, `x-ms-parameter-location`,
  `x-ms-examples`, ...), and `format: unixtime`, is carried along unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.diagnostics import Diagnostic
from generator.load.files import FileSet
from generator.load.locate import join_pointer, split_pointer
from generator.load.refs import is_remote, split_ref, target_file
from generator.load.scan import LITERAL_KEYWORDS, NAME_MAPS

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")

SCHEMA_KEYS = frozenset(
    {
        "type",
        "format",
        "items",
        "default",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "enum",
        "multipleOf",
        "x-nullable",
        "x-ms-enum",
    }
)
"""Keys of a Swagger 2.0 non-body parameter (or header) that describe its value."""

COLLECTION_FORMATS: Mapping[str, tuple[str, bool]] = {
    "csv": ("form", False),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "multi": ("form", True),
}

OAUTH2_FLOWS: Mapping[str, str] = {
    "implicit": "implicit",
    "password": "password",
    "application": "clientCredentials",
    "accessCode": "authorizationCode",
}

SECTION_MOVES: Mapping[str, str] = {
    "definitions": "/components/schemas",
    "responses": "/components/responses",
}

FORM_URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


class _Upgrade:
    def __init__(self, files: FileSet, entry: str) -> None:
        self.files = files
        self.entry = entry
        self.warnings: list[Diagnostic] = []
        self.upgraded_items: set[int] = set()
        # The sections as written, kept before anything moves: parameter refs are
        # resolved against them to learn whether a parameter is a body or a form field.
        self.raw_parameters: dict[str, Mapping[str, Any]] = {
            file: (
                tree.get("parameters", {})
                if isinstance(tree.get("parameters"), Mapping)
                else {}
            )
            for file, tree in files.trees.items()
            if isinstance(tree, Mapping)
        }
        root = files.trees[entry]
        self.consumes = _media_types(root.get("consumes")) or ["application/json"]
        self.produces = _media_types(root.get("produces")) or ["application/json"]

    def warn(self, code: str, message: str, file: str, pointer: str) -> None:
        self.warnings.append(
            Diagnostic("warning", code, message, file, None, None, pointer)
        )

    # ---------------------------------------------------------------- parameters

    def raw_parameter(self, param: Any, file: str) -> tuple[Any, str, str | None]:
        """(parameter as written, its file, its shared name or None), following refs."""
        name: str | None = None
        for _ in range(50):
            if not (isinstance(param, Mapping) and isinstance(param.get("$ref"), str)):
                break
            ref = param["$ref"]
            if is_remote(ref):
                break
            ref_file, fragment = split_ref(ref)
            target = (
                self.files.canonical(target_file(ref_file, file)) if ref_file else file
            )
            tokens = split_pointer(fragment)
            if len(tokens) != 2 or tokens[0] != "parameters":
                break
            found = self.raw_parameters.get(target, {}).get(tokens[1])
            if found is None:
                break
            param, file, name = found, target, tokens[1]
        return param, file, name

    def upgrade_parameter(self, param: Mapping[str, Any]) -> dict[str, Any]:
        """A Swagger 2.0 path/query/header parameter in the OpenAPI 3 shape."""
        out: dict[str, Any] = {}
        schema: dict[str, Any] = {}
        for key, value in param.items():
            if key in SCHEMA_KEYS:
                schema[key] = value
            elif key == "collectionFormat":
                continue
            else:
                out[key] = value
        out["schema"] = _value_schema(schema)
        style = COLLECTION_FORMATS.get(str(param.get("collectionFormat", "")))
        if style is not None and param.get("type") == "array":
            out["style"] = (
                "simple"
                if param.get("in") in ("path", "header") and style[0] == "form"
                else style[0]
            )
            out["explode"] = style[1]
        elif param.get("collectionFormat") not in (
            None,
            "csv",
            "multi",
            "ssv",
            "pipes",
        ):
            out["x-collectionFormat"] = param["collectionFormat"]
        return out

    def request_body(
        self, param: Mapping[str, Any], consumes: list[str]
    ) -> dict[str, Any]:
        """An `in: body` parameter as a request body."""
        body: dict[str, Any] = {
            "content": {
                media: {"schema": param.get("schema", {})} for media in consumes
            },
            "x-ms-requestBody-name": param.get("name", "body"),
        }
        if "description" in param:
            body["description"] = param["description"]
        if param.get("required"):
            body["required"] = True
        for key, value in param.items():
            if key.startswith("x-"):
                body[key] = value
        return body

    def form_body(
        self, fields: list[Mapping[str, Any]], consumes: list[str]
    ) -> dict[str, Any]:
        """`in: formData` fields as one object schema under the form media types."""
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in fields:
            name = str(field.get("name", ""))
            schema = _value_schema(
                {key: value for key, value in field.items() if key in SCHEMA_KEYS}
            )
            if "description" in field:
                schema["description"] = field["description"]
            for key, value in field.items():
                if key.startswith("x-") and key not in SCHEMA_KEYS:
                    schema[key] = value
            properties[name] = schema
            if field.get("required"):
                required.append(name)
        schema_obj: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema_obj["required"] = required
        has_file = any(field.get("type") == "file" for field in fields)
        media = [m for m in consumes if m in (MULTIPART, FORM_URLENCODED)]
        if not media:
            media = [MULTIPART if has_file else FORM_URLENCODED]
        body: dict[str, Any] = {"content": {m: {"schema": schema_obj} for m in media}}
        if required:
            body["required"] = True
        return body

    # ---------------------------------------------------------------- operations

    def upgrade_paths(self, file: str, tree: dict[str, Any]) -> None:
        paths = tree.get("paths")
        if not isinstance(paths, Mapping):
            return
        for path, item in paths.items():
            pointer = join_pointer(["paths", path])
            if isinstance(item, dict) and isinstance(item.get("$ref"), str):
                # A path item kept in another file: upgrade it where it lives, once.
                item, file_of_item, pointer = self.raw_target(item["$ref"], file)
            else:
                file_of_item = file
            if isinstance(item, dict) and id(item) not in self.upgraded_items:
                self.upgraded_items.add(id(item))
                self.upgrade_path_item(file_of_item, item, pointer)

    def raw_target(self, ref: str, file: str) -> tuple[Any, str, str]:
        """(node, file, pointer) a ref names in the trees as written, or None if it does not resolve."""
        if is_remote(ref):
            return None, file, ""
        ref_file, fragment = split_ref(ref)
        target = self.files.canonical(target_file(ref_file, file)) if ref_file else file
        node = self.files.trees.get(target)
        for token in split_pointer(fragment):
            if isinstance(node, Mapping):
                node = node.get(token)
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None, target, ""
        return node, target, fragment

    def upgrade_path_item(self, file: str, item: dict[str, Any], pointer: str) -> None:
        shared = item.get("parameters")
        kept, inherited = self.split_shared(
            shared if isinstance(shared, list) else [], file
        )
        if "parameters" in item:
            item["parameters"] = kept
        for method in METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                self.upgrade_operation(
                    file, operation, inherited, f"{pointer}/{method}"
                )

    def split_shared(self, params: list[Any], file: str) -> tuple[list[Any], list[Any]]:
        """Path-level parameters: OpenAPI 3 ones stay; body and form fields go to each operation."""
        kept: list[Any] = []
        inherited: list[Any] = []
        for param in params:
            raw, _, _ = self.raw_parameter(param, file)
            if isinstance(raw, Mapping) and raw.get("in") in ("body", "formData"):
                inherited.append(param)
            else:
                kept.append(self.parameter_in_place(param, file))
        return kept, inherited

    def parameter_in_place(self, param: Any, file: str) -> Any:
        if isinstance(param, Mapping) and "$ref" in param:
            return param  # rewritten with every other ref
        if isinstance(param, Mapping):
            return self.upgrade_parameter(param)
        return param

    def upgrade_operation(
        self, file: str, operation: dict[str, Any], inherited: list[Any], pointer: str
    ) -> None:
        consumes = _media_types(operation.pop("consumes", None)) or self.consumes
        produces = _media_types(operation.pop("produces", None)) or self.produces
        if "schemes" in operation:
            self.warn(
                "dropped-schemes",
                "per-operation `schemes` has no OpenAPI 3 equivalent and is ignored",
                file,
                pointer + "/schemes",
            )
            del operation["schemes"]
        own = operation.get("parameters")
        if own is not None and not isinstance(own, list):
            return  # the validator reports the wrong type where it sits
        params = inherited + (own or [])
        kept: list[Any] = []
        form_fields: list[Mapping[str, Any]] = []
        body: dict[str, Any] | None = None
        for param in params:
            raw, _, shared_name = self.raw_parameter(param, file)
            where = raw.get("in") if isinstance(raw, Mapping) else None
            if where == "body" and isinstance(raw, Mapping):
                if (
                    shared_name is not None
                    and len(consumes) == 1
                    and consumes == self.consumes
                ):
                    body = {
                        "$ref": param["$ref"]
                    }  # rewritten to components/requestBodies
                else:
                    body = self.request_body(raw, consumes)
            elif where == "formData" and isinstance(raw, Mapping):
                form_fields.append(raw)
            else:
                kept.append(self.parameter_in_place(param, file))
        if "parameters" in operation or kept:
            operation["parameters"] = kept
        if form_fields:
            if body is not None:
                self.warn(
                    "dropped-parameter",
                    "an operation with both a body and form fields: the form fields are ignored",
                    file,
                    pointer + "/parameters",
                )
            else:
                body = self.form_body(form_fields, consumes)
        if body is not None:
            operation["requestBody"] = body
        responses = operation.get("responses")
        if isinstance(responses, dict):
            for status, response in responses.items():
                if isinstance(response, dict) and "$ref" not in response:
                    responses[status] = self.upgrade_response(response, produces)

    def upgrade_response(
        self, response: Mapping[str, Any], produces: list[str]
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        examples = response.get("examples")
        if not isinstance(examples, Mapping):
            examples = {}
        for key, value in response.items():
            if key in ("schema", "examples"):
                continue
            if key == "headers" and isinstance(value, Mapping):
                out["headers"] = {
                    name: (
                        self.upgrade_header(header)
                        if isinstance(header, Mapping)
                        else header
                    )
                    for name, header in value.items()
                }
            else:
                out[key] = value
        out.setdefault("description", "")
        if "schema" in response:
            content: dict[str, Any] = {}
            for media in produces:
                entry: dict[str, Any] = {"schema": response["schema"]}
                if media in examples:
                    entry["example"] = examples[media]
                content[media] = entry
            out["content"] = content
        return out

    def upgrade_header(self, header: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {
            key: value
            for key, value in header.items()
            if key not in SCHEMA_KEYS and key != "collectionFormat"
        }
        out["schema"] = _value_schema(
            {key: value for key, value in header.items() if key in SCHEMA_KEYS}
        )
        return out

    # ---------------------------------------------------------------- top level

    def upgrade_root(self, file: str, tree: dict[str, Any]) -> None:
        existing = tree.get("components")
        components: dict[str, Any] = existing if isinstance(existing, dict) else {}
        definitions = tree.pop("definitions", None)
        if isinstance(definitions, Mapping):
            components["schemas"] = dict(definitions)
        params = tree.pop("parameters", None)
        if isinstance(params, Mapping):
            for name, param in params.items():
                if isinstance(param, Mapping) and param.get("in") == "body":
                    components.setdefault("requestBodies", {})[name] = (
                        self.request_body(param, self.consumes)
                    )
                elif isinstance(param, Mapping) and param.get("in") == "formData":
                    continue  # inlined into each operation's form body
                else:
                    components.setdefault("parameters", {})[name] = (
                        self.parameter_in_place(param, file)
                    )
        responses = tree.pop("responses", None)
        if isinstance(responses, Mapping):
            components["responses"] = {
                name: (
                    self.upgrade_response(response, self.produces)
                    if isinstance(response, Mapping)
                    else response
                )
                for name, response in responses.items()
            }
        security = tree.pop("securityDefinitions", None)
        if isinstance(security, Mapping):
            components["securitySchemes"] = {
                name: (
                    _security_scheme(scheme) if isinstance(scheme, Mapping) else scheme
                )
                for name, scheme in security.items()
            }
        if components:
            tree["components"] = components
        if file != self.entry:
            return
        tree.pop("swagger", None)
        tree["openapi"] = "3.0.3"
        tree["servers"] = self.servers(file, tree)
        for key in ("host", "basePath", "schemes", "consumes", "produces"):
            tree.pop(key, None)

    def servers(self, file: str, tree: Mapping[str, Any]) -> list[dict[str, Any]]:
        base_path = str(tree.get("basePath") or "")
        if base_path == "/":
            base_path = ""
        schemes = tree.get("schemes")
        if not isinstance(schemes, list):
            schemes = []
        scheme = "https" if "https" in schemes or not schemes else str(schemes[0])
        host = tree.get("x-ms-parameterized-host")
        if isinstance(host, Mapping) and isinstance(host.get("hostTemplate"), str):
            prefix = f"{scheme}://" if host.get("useSchemePrefix", True) else ""
            variables: dict[str, Any] = {}
            host_parameters = host.get("parameters")
            for param in host_parameters if isinstance(host_parameters, list) else []:
                raw, _, _ = self.raw_parameter(param, file)
                if isinstance(raw, Mapping) and "name" in raw:
                    variables[str(raw["name"])] = _server_variable(raw)
            server: dict[str, Any] = {"url": prefix + host["hostTemplate"] + base_path}
            if variables:
                server["variables"] = variables
            return [server]
        if isinstance(tree.get("host"), str):
            return [{"url": f"{scheme}://{tree['host']}{base_path}"}]
        return [{"url": base_path or "/"}]

    # ---------------------------------------------------------------- every node

    def rewrite(self, file: str, tree: Any) -> None:
        """Refs into moved sections, `x-nullable`, string discriminators, `type: file`."""
        # (node, naming: its keys are names, not keywords), as in `scan`
        stack: list[tuple[Any, bool]] = [(tree, False)]
        while stack:
            node, naming = stack.pop()
            if isinstance(node, dict):
                if not naming:
                    self.fix_node(file, node)
                for key, value in node.items():
                    if isinstance(value, (dict, list)) and (
                        naming or key not in LITERAL_KEYWORDS
                    ):
                        stack.append((value, not naming and key in NAME_MAPS))
            elif isinstance(node, list):
                stack.extend(
                    (value, False) for value in node if isinstance(value, (dict, list))
                )

    def fix_node(self, file: str, node: dict[str, Any]) -> None:
        ref = node.get("$ref")
        if isinstance(ref, str):
            node["$ref"] = self.rewrite_ref(ref, file)
        if "x-nullable" in node:
            node["nullable"] = node.pop("x-nullable") is True
        if isinstance(node.get("discriminator"), str):
            node["discriminator"] = {"propertyName": node["discriminator"]}
        if node.get("type") == "file":
            node["type"] = "string"
            node["format"] = "binary"

    def rewrite_ref(self, ref: str, file: str) -> str:
        if is_remote(ref) or "#" not in ref:
            return ref
        ref_file, fragment = ref.split("#", 1)
        tokens = split_pointer(fragment)
        if len(tokens) < 2:
            return ref
        if tokens[0] in SECTION_MOVES:
            return f"{ref_file}#{SECTION_MOVES[tokens[0]]}{join_pointer(tokens[1:])}"
        if tokens[0] == "parameters":
            target = (
                self.files.canonical(target_file(split_ref(ref)[0], file))
                if ref_file
                else file
            )
            raw = self.raw_parameters.get(target, {}).get(tokens[1])
            section = (
                "requestBodies"
                if isinstance(raw, Mapping) and raw.get("in") == "body"
                else "parameters"
            )
            return f"{ref_file}#/components/{section}{join_pointer(tokens[1:])}"
        return ref


def _media_types(value: Any) -> list[str]:
    return [str(media) for media in value] if isinstance(value, list) else []


def _value_schema(schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("type") == "file":
        schema["type"] = "string"
        schema["format"] = "binary"
    if isinstance(schema.get("items"), Mapping) and "$ref" not in schema["items"]:
        items = dict(schema["items"])
        items.pop("collectionFormat", None)
        schema["items"] = _value_schema(items)
    return schema


def _server_variable(param: Mapping[str, Any]) -> dict[str, Any]:
    variable: dict[str, Any] = {
        "default": (
            str(param.get("default", "")) if param.get("default") is not None else ""
        )
    }
    if "description" in param:
        variable["description"] = param["description"]
    if isinstance(param.get("enum"), list):
        variable["enum"] = [str(value) for value in param["enum"]]
    for key, value in param.items():
        if key.startswith("x-") or key in ("format", "required", "type"):
            variable[key if key.startswith("x-") else f"x-{key}"] = value
    return variable


def _security_scheme(scheme: Mapping[str, Any]) -> dict[str, Any]:
    extensions = {key: value for key, value in scheme.items() if key.startswith("x-")}
    kind = scheme.get("type")
    out: dict[str, Any]
    if kind == "basic":
        out = {"type": "http", "scheme": "basic"}
    elif kind == "apiKey":
        out = {"type": "apiKey", "name": scheme.get("name"), "in": scheme.get("in")}
    elif kind == "oauth2":
        scopes = scheme.get("scopes")
        flow: dict[str, Any] = {
            "scopes": dict(scopes) if isinstance(scopes, Mapping) else {}
        }
        for key in ("authorizationUrl", "tokenUrl"):
            if key in scheme:
                flow[key] = scheme[key]
        out = {
            "type": "oauth2",
            "flows": {OAUTH2_FLOWS.get(str(scheme.get("flow")), "implicit"): flow},
        }
    else:
        out = dict(scheme)
    if "description" in scheme:
        out["description"] = scheme["description"]
    out.update(extensions)
    return out


def upgrade_all(files: FileSet, entry: str) -> list[Diagnostic]:
    """Upgrade every spec file in place; refs are listed again afterwards."""
    upgrade = _Upgrade(files, entry)
    for file, tree in files.trees.items():
        if isinstance(tree, dict):
            upgrade.upgrade_paths(file, tree)
    for file, tree in files.trees.items():
        if isinstance(tree, dict):
            upgrade.upgrade_root(file, tree)
            upgrade.rewrite(file, tree)
    files.rescan()
    return upgrade.warnings


_MOVED_BACK = (
    ("/components/schemas/", "/definitions/"),
    ("/components/parameters/", "/parameters/"),
    ("/components/requestBodies/", "/parameters/"),
    ("/components/responses/", "/responses/"),
    ("/components/securitySchemes/", "/securityDefinitions/"),
)


def written_pointer(pointer: str) -> str:
    """Where an upgraded node sat in the Swagger 2.0 text, as near as can be told."""
    for new, old in _MOVED_BACK:
        if pointer.startswith(new):
            pointer = old + pointer[len(new) :]
            break
    tokens = split_pointer(pointer)
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (
            token == "content"
            and index + 2 < len(tokens)
            and tokens[index + 2] == "schema"
        ):
            out.append(
                "schema"
            )  # responses/200/content/<media>/schema → responses/200/schema
            index += 3
            continue
        if token == "requestBody":
            out.append("parameters")
            break
        out.append(token)
        index += 1
    return join_pointer(out)

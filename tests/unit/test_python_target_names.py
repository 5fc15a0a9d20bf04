"""Python identifiers, annotations and black-style line layout of the Python target."""

from __future__ import annotations

import black

from generator.ir.model import (
    ArrayOf,
    EnumModel,
    EnumValue,
    Field,
    LiteralOf,
    MapOf,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    UnionModel,
    UnionOf,
)
from generator.naming.allocator import RenameLog
from generator.naming.casing import pascal
from generator.targets.python import names
from generator.targets.python.layout import (
    alias_lines,
    assign_atom,
    assign_call,
    docstring_lines,
    expr_lines,
)
from generator.targets.python.models import ModelWriter
from generator.targets.python.types import Needs, Sub, TypeMapper, flat


def _fields(*fields: Field, use_client_names: bool = True) -> tuple[list[str], RenameLog]:
    model = ObjectModel("Thing", fields)
    log = RenameLog()
    mapper = TypeMapper({"Thing": model}, {"Thing": "Thing"}, False)
    writer = ModelWriter(mapper, {}, use_client_names, log)
    return list(writer.fields["Thing"]), log


def test_field_names_are_snake_case_valid_and_unique() -> None:
    string = Primitive("string")
    got, log = _fields(
        Field("assistantId", string, True),
        Field("threadId", string, True, client_name="threadIdentifier"),
        Field("include[]", string, True),
        Field("from", string, True),
        Field("json", string, True),
        Field("model_config", string, True),
        Field("2fa", string, True),
        Field("HTTPStatus", string, True),
        Field("type", string, True),
        Field("foo_bar", string, True),
        Field("fooBar", string, True),
        Field("名前", string, True),
    )
    assert got == [
        "assistant_id",
        "thread_identifier",
        "include",
        "from_",
        "json_",
        "model_config_",
        "two_fa",
        "http_status",
        "type",
        "foo_bar",
        "foo_bar2",
        "field",
    ]
    assert all(name.isidentifier() for name in got)
    renamed = [w.message for w in log.warnings]
    assert len(renamed) == 5
    assert any("`fooBar`" in m and "`foo_bar2`" in m for m in renamed)


def test_a_field_never_shadows_a_name_its_model_annotates_with() -> None:
    got, log = _fields(
        Field("str", Primitive("integer"), True),
        Field("int", Primitive("string"), True),
        Field("bytes", ArrayOf(Primitive("integer")), False),
    )
    # `str` and `int` are used by the annotations; `bytes` is not, so it stays.
    assert got == ["str_", "int_", "bytes"]
    assert len(log.warnings) == 2


def test_parameter_names_avoid_the_per_call_options_and_the_body() -> None:
    from generator.flavors.flavor import FLAVORS
    from generator.ir.model import Operation, Parameter, Response
    from generator.targets.python.operations import OperationWriter

    query = [
        Parameter(name, "query", Primitive("string"), False)
        for name in ("timeout", "extra_headers", "self", "class", "str", "bytes")
    ]
    op = Operation(
        "listThings",
        "list",
        "get",
        "/things",
        tuple(query),
        success=Response("200", type=ArrayOf(Primitive("string"))),
    )
    mapper = TypeMapper({}, {}, False)
    log = RenameLog()
    method = OperationWriter(mapper, FLAVORS["openai"], {}).plan_method(op, "list", log)
    # The body casts to `List[str]`: a parameter `str` would shadow it; `bytes` is free.
    assert [a.name for a in method.args] == [
        "timeout_",
        "extra_headers_",
        "self_",
        "class_",
        "str_",
        "bytes",
    ]
    assert [a.wire for a in method.args] == [p.name for p in query]
    assert len(log.warnings) == 5


def test_model_class_names() -> None:
    assert names.model_class_name("RunObject") == "RunObject"
    assert names.model_class_name("Run.LastError") == "RunLastError"
    assert names.model_class_name("run_step-details") == "RunStepDetails"
    assert names.model_class_name("List") == "List_"


def test_class_names_are_stable_and_distinct() -> None:
    def claim(order: list[str]) -> dict[str, str]:
        scope = names.class_scope(RenameLog(), "Client")
        ordered = sorted(order)
        wanted = [(pascal(n), n) for n in ordered]
        return dict(zip(ordered, scope.claim_all(wanted, spelled=ordered)))

    classes = claim(["Foo.Bar", "FooBar", "Baz", "FooBar2", "Client"])
    assert classes == {
        "Baz": "Baz",
        "Client": "Client2",
        "Foo.Bar": "FooBar3",
        "FooBar": "FooBar",
        "FooBar2": "FooBar2",
    }
    assert classes == claim(["FooBar2", "Client", "FooBar", "Baz", "Foo.Bar"])


def _mapper(unixtime: bool = False) -> TypeMapper:
    models = {
        "Run": ObjectModel("Run", ()),
        "Status": EnumModel("Status", (EnumValue("a"), EnumValue("b"))),
        "Tool": UnionModel("Tool", (Ref("Run"),)),
    }
    classes = {n: names.model_class_name(n) for n in models}
    return TypeMapper(models, classes, unixtime)


def test_type_mapping_response_side() -> None:
    m = _mapper()
    needs = Needs()
    assert flat(m.annotation(Primitive("string"), needs)) == "str"
    assert flat(m.annotation(Primitive("integer", "unixtime"), needs)) == "int"
    assert flat(m.annotation(Nullable(Ref("Run")), needs)) == "Optional[Run]"
    assert flat(m.annotation(ArrayOf(Ref("Status")), needs)) == "List[Status]"
    assert flat(m.annotation(MapOf(Primitive("string")), needs)) == "Dict[str, str]"
    assert flat(m.annotation(LiteralOf("thread.run"), needs)) == 'Literal["thread.run"]'
    union = UnionOf((Primitive("string"), Nullable(Primitive("integer"))))
    assert flat(m.annotation(union, needs)) == "Optional[Union[str, int]]"
    assert flat(m.annotation(Primitive("any"), needs)) == "Any"
    assert flat(m.annotation(Primitive("any"), needs, "request")) == "object"
    assert needs.models == {"Run", "Status"}
    assert {"Optional", "List", "Dict", "Literal", "Union"} <= needs.typing


def test_type_mapping_request_side_and_flavors() -> None:
    needs = Needs()
    m = _mapper(unixtime=True)
    assert flat(m.annotation(Primitive("integer", "unixtime"), needs)) == "UnixDatetime"
    request = m.annotation(ArrayOf(Ref("Run")), needs, "request")
    assert flat(request) == "Iterable[Union[Run, Dict[str, object]]]"
    binary = m.annotation(Primitive("string", "binary"), needs, "request")
    assert binary == "FileTypes"


def test_open_enum_accepts_any_string() -> None:
    needs = Needs()
    enum = EnumModel("S", (EnumValue("a"), EnumValue("b")), open=True)
    assert flat(_mapper().enum_expr(enum, needs)) == 'Union[Literal["a", "b"], str]'


def _is_black(lines: list[str]) -> bool:
    source = "\n".join(lines) + "\n"
    return black.format_str(source, mode=black.Mode()) == source


def test_long_annotations_split_like_black() -> None:
    long_union = Sub("Union", tuple(f"VeryLongModelName{i}Variant" for i in range(5)))
    cases = [
        expr_lines(Sub("Optional", (long_union,)), "", prefix="x: "),
        alias_lines(
            "Tool", Sub("Annotated", (long_union, 'PropertyInfo(discriminator="type")'))
        ),
        alias_lines(
            "S", Sub("Literal", tuple(f'"value_number_{i}"' for i in range(12)))
        ),
        alias_lines("A" * 80, Sub("Literal", ('"text"', '"image"'))),
    ]
    for lines in cases:
        assert _is_black(lines), "\n".join(lines)
    assert len(cases[0]) > 1


def test_long_fields_and_calls_split_like_black() -> None:
    ann = Sub(
        "Optional", ("CreateAssistantRequestToolResourcesCodeInterpreterConfiguration",)
    )
    cases = [
        ["class M:", *assign_atom("    ", "code_interpreter", ann, "None")],
        [
            "class M:",
            *assign_call(
                "    ",
                "some_field",
                ann,
                "Field",
                ["default=None", 'alias="someField"'],
            ),
        ],
        [
            "def f():",
            *assign_call(
                "    ",
                "_result",
                "ListFineTuningCheckpointPermissionResponseWithAVeryLongName",
                "self._client.request",
                [
                    "ListFineTuningCheckpointPermissionResponseWithAVeryLongName",
                    "_spec",
                ],
            ),
        ],
    ]
    for lines in cases:
        assert _is_black(lines), "\n".join(lines)


def test_docstrings_are_black_stable() -> None:
    text = (
        'Says "hi" with a backslash \\ and\n\n  indented   \n  lines\t and """quotes"""'
    )
    lines = ["class M:", *docstring_lines(text, "    "), "", "    x: int"]
    assert _is_black(lines), "\n".join(lines)
    assert docstring_lines("  ", "    ") == []

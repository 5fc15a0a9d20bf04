"""Python identifiers, annotations and black-style line layout of the Python target."""

from __future__ import annotations

import black
import pytest

from generator.ir.model import (
    ArrayOf,
    EnumModel,
    EnumValue,
    LiteralOf,
    MapOf,
    Nullable,
    ObjectModel,
    Primitive,
    Ref,
    UnionModel,
    UnionOf,
)
from generator.targets.python import names
from generator.targets.python.layout import (
    alias_lines,
    assign_atom,
    assign_call,
    docstring_lines,
    expr_lines,
)
from generator.targets.python.types import Needs, Sub, TypeMapper, flat


@pytest.mark.parametrize(
    ("wire", "client_name", "expected"),
    [
        ("assistant_id", None, "assistant_id"),
        ("assistantId", None, "assistant_id"),
        ("threadId", "threadIdentifier", "thread_identifier"),
        ("include[]", None, "include"),
        ("api-version", None, "api_version"),
        ("from", None, "from_"),
        ("json", None, "json_"),
        ("model_config", None, "model_config_"),
        ("2fa", None, "n_2fa"),
        ("HTTPStatus", None, "http_status"),
    ],
)
def test_attribute_names_are_snake_case_and_valid(
    wire: str, client_name: str | None, expected: str
) -> None:
    assert names.attribute_name(wire, client_name) == expected
    assert expected.isidentifier()


def test_parameter_names_avoid_the_per_call_options() -> None:
    assert names.parameter_name("timeout") == "timeout_"
    assert names.parameter_name("extra_headers") == "extra_headers_"
    assert names.parameter_name("self") == "self_"


def test_model_class_names() -> None:
    assert names.model_class_name("RunObject") == "RunObject"
    assert names.model_class_name("Run.LastError") == "RunLastError"
    assert names.model_class_name("run_step-details") == "RunStepDetails"
    assert names.model_class_name("List") == "List_"


def test_unique_names_are_stable_and_distinct() -> None:
    assert names.unique(["a", "b", "a", "a"]) == ["a", "b", "a_2", "a_3"]
    classes = names.unique_classes(["Foo.Bar", "FooBar", "Baz"])
    assert sorted(classes.values()) == ["Baz", "FooBar", "FooBar2"]
    assert classes == names.unique_classes(["FooBar", "Baz", "Foo.Bar"])


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

"""Model kinds built from the edge-case specs in tests/fixtures/ir/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.ir.build import build
from generator.ir.model import (
    AliasModel,
    Api,
    ArrayOf,
    Discriminator,
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
from generator.load import load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ir"


@cache
def api(name: str) -> Api:
    return build(load(FIXTURES / name))


def obj(spec: str, name: str) -> ObjectModel:
    model = api(spec).model(name)
    assert isinstance(model, ObjectModel), model
    return model


def field(spec: str, model: str, name: str) -> Field:
    return next(f for f in obj(spec, model).fields if f.name == name)


# ---------------------------------------------------------------------- objects and fields


def test_allof_composition_flattens_base_fields_first_and_records_the_base() -> None:
    pet = obj("kinds.yaml", "Pet")
    assert pet.bases == ("Base",)
    assert [f.name for f in pet.fields][:3] == ["id", "created_at", "name"]
    assert pet.description == "A pet."


def test_required_optional_and_nullable_are_distinct() -> None:
    assert field("kinds.yaml", "Pet", "name").required is True
    nickname = field("kinds.yaml", "Pet", "nickname")
    assert (nickname.required, nickname.type) == (False, Nullable(Primitive("string")))
    assert field("kinds.yaml", "Pet", "id").required is True  # required by the base


def test_field_details() -> None:
    assert field("kinds.yaml", "Pet", "id").read_only is True
    assert field("kinds.yaml", "Pet", "photo").write_only is True
    assert field("kinds.yaml", "Pet", "photo").type == Primitive("string", "binary")
    assert field("kinds.yaml", "Pet", "born").type == Primitive("string", "date-time")
    assert field("kinds.yaml", "Pet", "created_at").type == Primitive(
        "integer", "unixtime"
    )
    legs = field("kinds.yaml", "Pet", "legs")
    assert (legs.has_default, legs.default) == (True, 4)
    assert field("kinds.yaml", "Pet", "name").has_default is False
    assert field("kinds.yaml", "Pet", "old_name").deprecated is True
    assert field("kinds.yaml", "Pet", "name").client_name == "petName"


def test_literals_from_single_value_enum_and_const() -> None:
    assert field("kinds.yaml", "Pet", "object").type == LiteralOf("pet")
    assert field("kinds.yaml", "Pet", "version").type == LiteralOf(2)


def test_enum_holding_null_is_a_nullable_ref_without_the_null_member() -> None:
    assert field("kinds.yaml", "Pet", "mood").type == Nullable(Ref("PetMood"))
    mood = api("kinds.yaml").model("PetMood")
    assert isinstance(mood, EnumModel)
    assert mood.values == (EnumValue("happy"), EnumValue("sad"))
    assert (mood.parent, mood.member, mood.open) == ("Pet", "Mood", False)


def test_nullable_beside_ref_and_single_ref_allof() -> None:
    assert field("kinds.yaml", "Pet", "best_friend").type == Nullable(Ref("Pet"))
    assert field("kinds.yaml", "Pet", "owner").type == Nullable(Ref("Owner"))
    alias = api("kinds.yaml").model("OwnerAlias")
    assert isinstance(alias, AliasModel) and alias.target == Ref("Owner")


def test_maps_and_additional_properties() -> None:
    assert field("kinds.yaml", "Pet", "tags").type == MapOf(Primitive("string"))
    assert field("kinds.yaml", "Pet", "extra").type == MapOf(Primitive("any"))
    assert obj("kinds.yaml", "Owner").additional_properties == Primitive("integer")
    assert obj("kinds.yaml", "Pet").additional_properties is None


def test_alias_and_named_enum() -> None:
    assert api("kinds.yaml").model("Identifier") == AliasModel(
        "Identifier",
        Primitive("string", "uuid"),
        source=api("kinds.yaml").model("Identifier").source,
    )
    kind = api("kinds.yaml").model("Kind")
    assert isinstance(kind, EnumModel) and [v.value for v in kind.values] == [
        "cat",
        "dog",
    ]


def test_recursive_schema_ends_at_a_ref() -> None:
    tree = obj("kinds.yaml", "Tree")
    assert [f.type for f in tree.fields] == [ArrayOf(Ref("Tree")), Ref("Tree")]


def test_required_naming_a_missing_property_is_a_warning_not_a_field() -> None:
    pet = obj("kinds.yaml", "Pet")
    assert "ghost" not in {f.name for f in pet.fields}
    warnings = [w for w in api("kinds.yaml").warnings if w.code == "unknown-required"]
    assert len(warnings) == 1 and "ghost" in warnings[0].message
    assert warnings[0].pointer is not None and "Pet" in warnings[0].pointer


def test_openapi_31_nullability() -> None:
    fields = {f.name: f.type for f in obj("kinds31.yaml", "Thing").fields}
    assert fields["a"] == Nullable(Primitive("string"))
    assert fields["b"] == Nullable(Ref("Color"))
    assert fields["c"] == Nullable(
        Primitive("integer")
    )  # 3.0's `nullable` in a 3.1 document
    assert fields["d"] == UnionOf((Primitive("string"), Primitive("integer")))
    assert fields["e"] == UnionOf((Primitive("string"), Primitive("integer")))
    color = api("kinds31.yaml").model("Color")
    assert isinstance(color, EnumModel) and [v.value for v in color.values] == [
        "red",
        "green",
    ]


# ---------------------------------------------------------------------- unions


def test_discriminator_mapping_is_taken_as_written() -> None:
    mapped = api("unions.yaml").model("Mapped")
    assert isinstance(mapped, UnionModel)
    assert mapped.discriminator == Discriminator(
        "kind", (("kitty", "CatShape"), ("doggo", "DogShape"))
    )


def test_without_mapping_values_come_from_each_variants_enum_not_its_name() -> None:
    unmapped = api("unions.yaml").model("Unmapped")
    assert isinstance(unmapped, UnionModel)
    assert unmapped.discriminator == Discriminator(
        "kind", (("cat", "CatShape"), ("dog", "DogShape"))
    )


def test_several_values_nullable_values_and_nested_unions_all_map() -> None:
    nested = api("unions.yaml").model("Nested")
    assert isinstance(nested, UnionModel) and nested.discriminator is not None
    assert nested.discriminator.mapping == (
        ("web", "WebSearch"),
        ("web_2025", "WebSearch"),
        ("ref", "RefItem"),
        ("kitty", "Mapped"),
        ("doggo", "Mapped"),
    )


def test_distinct_single_value_type_is_recognised_as_an_implicit_discriminator() -> (
    None
):
    assert field("unions.yaml", "Holder", "tools").type == ArrayOf(
        Ref("HolderToolsItem")
    )
    union = api("unions.yaml").model("HolderToolsItem")
    assert isinstance(union, UnionModel)
    assert (union.parent, union.member) == ("Holder", "ToolsItem")
    assert union.discriminator == Discriminator(
        "type",
        (("a", "ToolA"), ("b", "ToolB"), ("inline_tool", "HolderToolsItemInlineTool")),
        implicit=True,
    )
    inline = api("unions.yaml").model("HolderToolsItemInlineTool")
    assert (inline.parent, inline.member) == ("HolderToolsItem", "InlineTool")


def test_unions_without_a_discriminator_stay_plain() -> None:
    assert field("unions.yaml", "Holder", "either").type == UnionOf(
        (Primitive("string"), Ref("ToolA"))
    )
    plain = api("unions.yaml").model("Plain")
    assert isinstance(plain, UnionModel) and plain.discriminator is None
    assert plain.variants == (Primitive("string"), ArrayOf(Primitive("string")))
    same = api("unions.yaml").model(
        "SameType"
    )  # both variants say `a`: not a discriminator
    assert isinstance(same, UnionModel) and same.discriminator is None


# ---------------------------------------------------------------------- names


def test_inline_schemas_are_named_from_where_they_sit() -> None:
    models = {m.name: m for m in api("naming.yaml").models}
    assert list(models) == sorted(models)
    last_error = models[
        "RunObjectLastError2"
    ]  # `RunObjectLastError` is a component already
    assert (last_error.parent, last_error.member) == ("RunObject", "LastError")
    assert field("naming.yaml", "RunObject", "last_error").type == Nullable(
        Ref("RunObjectLastError2")
    )
    assert (
        models["RunObjectLastError2Code"].parent,
        models["RunObjectLastError2Code"].member,
    ) == ("RunObjectLastError2", "Code")
    assert (
        models["RunObjectStepsItem"].parent,
        models["RunObjectStepsItem"].member,
    ) == ("RunObject", "StepsItem")
    assert isinstance(
        models["CreateThingRequest2"], ObjectModel
    )  # <OperationId>Request, suffixed
    assert isinstance(models["CreateThingResponse"], ObjectModel)


def test_names_do_not_depend_on_key_order() -> None:
    forward, backward = api("naming.yaml"), api("naming_reversed.yaml")
    assert [m.name for m in forward.models] == [m.name for m in backward.models]
    for a, b in zip(forward.models, backward.models):
        assert (a.kind, a.parent, a.member) == (b.kind, b.parent, b.member)


# ---------------------------------------------------------------------- multi-file


def test_refs_into_other_files_become_models_named_by_their_place() -> None:
    multi = api("multi/main.yaml")
    assert [m.name for m in multi.models] == ["Local", "LocalModelEnum", "Owner", "Pet"]
    assert field("multi/main.yaml", "Local", "owner").type == Ref(
        "Owner"
    )  # a whole file: its stem
    pet = obj("multi/main.yaml", "Pet")  # `pet.yaml#/Pet`: the last pointer segment
    assert [f.type for f in pet.fields] == [
        Primitive("string"),
        Ref("Owner"),
        ArrayOf(Ref("Pet")),
    ]
    owner = obj("multi/main.yaml", "Owner")
    assert [f.type for f in owner.fields] == [ArrayOf(Ref("Pet")), Ref("Local")]  # back into main
    assert (
        pet.source is not None
        and pet.source.file.endswith("pet.yaml")
        and pet.source.pointer == "/Pet"
    )
    (listing,) = multi.all_operations()
    assert listing.success is not None and listing.success.type == Ref("Pet")


def test_unnamed_union_variants_are_named_by_their_shape() -> None:
    assert field("multi/main.yaml", "Local", "model").type == UnionOf(
        (Primitive("string"), Ref("LocalModelEnum"))
    )
    enum = api("multi/main.yaml").model("LocalModelEnum")
    assert (enum.parent, enum.member) == ("Local", "ModelEnum")

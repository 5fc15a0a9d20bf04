"""Whole-API naming decisions: every model's TypeScript name, where it nests, its members.

The rule, in order:

1. `Flavor.model_renames` first: schema names the spec carries no signal for. OpenAI's
   SDK calls `RunToolCallObject` `RequiredActionFunctionToolCall` and `FunctionObject`
   `FunctionDefinition`; nothing in the document says so, so it is flavor data.
2. The model a resource's operations hand back (a success type or page item:
   `RunObject` for `runs`, `RunStepObject` for `steps`, `ThreadObject` for `threads`)
   drops `Flavor.object_suffix` (`Object`) when the shorter name is free: `Run`,
   `RunStep`, `Thread`. That a schema is a resource's own object is what the suffix
   marks (its `x-oaiMeta.name` reads "The run object"); other `...Object` schemas keep
   their name.
3. A union the spec declares with a discriminator takes
   `Flavor.discriminated_union_suffix` (Azure: `RunStepDetails` → `RunStepDetailsUnion`,
   as its SDK names a polymorphic base's union).
4. Hoisted inline models (`Model.parent`/`member`) live in their parent's namespace,
   named by their member: `Run.LastError`, `RequiredActionFunctionToolCall.Function`.
5. Anything else is the schema's name made an identifier (`type_name`).

Names are then claimed in the package's export scope (or the parent's namespace scope):
a keyword or a global the generated code uses takes `Model` (`ErrorModel`), a clash
takes a number, and each is a `renamed-identifier` warning. Names that need no change
claim first, so a rename never steals a name a schema already has.

Members: a flavor that keeps wire names uses them as member names, which are unique
already; a camelCase flavor allocates members per interface, so `foo_bar` and `fooBar`
become `fooBar` and `fooBar2`, each converted back to its own wire name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from generator.flavors.flavor import Flavor
from generator.ir.model import (
    Api,
    Field,
    Model,
    Nullable,
    ObjectModel,
    Ref,
    TypeRef,
    UnionModel,
)
from generator.naming.allocator import Owner, RenameLog, Scope
from generator.naming.casing import camel, pascal
from generator.targets.typescript.names import (
    CORE_EXPORTS,
    claim_all,
    claim_members,
    client_name,
    member_scope,
    type_name,
    type_scope,
)


@dataclass(frozen=True)
class Polymorphic:
    """A base model that subtypes extend by `allOf` with a discriminator value.

    References to the base become its union (`<Base>Union`): every subtype, plus the
    base itself so a subtype the SDK does not know yet still type-checks.
    """

    base: str
    union_name: str
    property: str
    variants: tuple[tuple[str, str], ...]
    """(discriminator value, subtype model name)."""


class Member(NamedTuple):
    """A field of an object model as the client sees it."""

    field: Field
    key: str
    """The member name (raw: `ts_key` quotes it where it is not an identifier)."""


@dataclass(frozen=True)
class Naming:
    models: dict[str, Model]
    qualified: dict[str, str]
    """IR model name → TypeScript name as referenced from outside (`Run.LastError`)."""
    short: dict[str, str]
    """IR model name → the name declared (`LastError`)."""
    root: dict[str, str]
    """IR model name → IR name of the top-level model whose namespace holds it."""
    children: dict[str, tuple[str, ...]]
    polymorphic: dict[str, Polymorphic]
    members: dict[str, tuple[Member, ...]]
    """Object model → its members, in field order."""
    exports: Scope
    """The names the package exports: the models, then the `...Params` types src/index.ts
    re-exports (each name once)."""
    log: RenameLog

    def ts(self, name: str) -> str:
        """How a reference to the model is written (a polymorphic base means its union)."""
        poly = self.polymorphic.get(name)
        if poly is not None:
            return self.qualified[name][: -len(self.short[name])] + poly.union_name
        return self.qualified[name]

    def member(self, model: str, wire: str) -> str:
        """The member name of a model's field, by wire name (the wire name when unknown)."""
        for m in self.members.get(model, ()):
            if m.field.name == wire:
                return m.key
        return wire


def _owner(model: Model, what: str | None = None) -> Owner:
    source = model.source
    return Owner(
        what or f"schema `{model.name}`",
        source.file if source else None,
        source.pointer if source else None,
    )


def _ref_name(t: TypeRef | None) -> str | None:
    while isinstance(t, Nullable):
        t = t.inner
    return t.name if isinstance(t, Ref) else None


def returned_models(api: Api) -> set[str]:
    """Models that some operation hands back as its result or as page items."""
    out: set[str] = set()
    for op in api.all_operations():
        name = _ref_name(op.success.type if op.success else None)
        if name is not None:
            out.add(name)
        if op.pagination is not None:
            item = _ref_name(op.pagination.item_type)
            if item is not None:
                out.add(item)
    return out


def _top_level_name(
    model: Model, flavor: Flavor, returned: set[str], spelled: set[str], exports: Scope
) -> str:
    renames = dict(flavor.model_renames)
    if model.name in renames:
        return renames[model.name]
    name = type_name(model.name)
    if (
        flavor.discriminated_union_suffix
        and isinstance(model, UnionModel)
        and model.discriminator is not None
        and not model.discriminator.implicit
    ):
        suffix_name = flavor.discriminated_union_suffix
        return name if name.endswith(suffix_name) else name + suffix_name
    suffix = flavor.object_suffix
    if (
        suffix
        and model.name in returned
        and name.endswith(suffix)
        and len(name) > len(suffix)
    ):
        shorter = name[: -len(suffix)]
        if shorter not in spelled and exports.is_free(shorter):
            return shorter
    return name


def _polymorphic(api: Api, models: dict[str, Model]) -> dict[str, Polymorphic]:
    subtypes: dict[str, list[tuple[str, str]]] = {}
    for model in api.models:
        if isinstance(model, ObjectModel) and model.discriminator_value is not None:
            for base in model.bases:
                subtypes.setdefault(base, []).append(
                    (model.discriminator_value, model.name)
                )
    out: dict[str, Polymorphic] = {}
    for base, variants in subtypes.items():
        base_model = models.get(base)
        if not isinstance(base_model, ObjectModel):
            continue
        prop = _discriminator_property(base_model)
        if prop is None:
            continue
        out[base] = Polymorphic(base, "", prop, tuple(sorted(variants)))
    return out


def _discriminator_property(model: ObjectModel) -> str | None:
    """The base's discriminating field: Swagger's `discriminator` is a required string
    field of the base; `type` and `kind` are preferred when several qualify."""
    required = [f.name for f in model.fields if f.required]
    for preferred in ("type", "kind", "object"):
        if preferred in required:
            return preferred
    return required[0] if required else None


def _members(model: ObjectModel, flavor: Flavor, log: RenameLog) -> tuple[Member, ...]:
    if flavor.ts_member_case == "wire":
        return tuple(Member(f, f.name) for f in model.fields)
    wanted = [
        (
            client_name(f.client_name)
            if flavor.use_client_names and f.client_name
            else camel(f.name) if flavor.ts_member_case == "camel" else f.name
        )
        for f in model.fields
    ]
    scope = member_scope(f"interface of schema `{model.name}`", log)
    keys = claim_members(
        scope,
        [
            (w, f.name, _owner(model, f"property `{f.name}` of schema `{model.name}`"))
            for w, f in zip(wanted, model.fields, strict=True)
        ],
    )
    return tuple(Member(f, key) for f, key in zip(model.fields, keys, strict=True))


def build_naming(api: Api, flavor: Flavor, client_class: str | None = None) -> Naming:
    log = RenameLog()
    exports = type_scope("the package's exports", log, CORE_EXPORTS | {"ClientOptions"})
    exports.take(client_class or flavor.client_name, "the client class")
    models = {m.name: m for m in api.models}
    returned = returned_models(api)
    children: dict[str, list[str]] = {}
    for m in api.models:
        if m.parent is not None and m.member is not None and m.parent in models:
            children.setdefault(m.parent, []).append(m.name)

    qualified: dict[str, str] = {}
    short: dict[str, str] = {}
    root: dict[str, str] = {}
    top_levels = [
        m
        for m in api.models
        if m.parent is None or m.parent not in models or m.member is None
    ]
    spelled = {m.name for m in top_levels if type_name(m.name) == m.name}
    wanted = {
        m.name: _top_level_name(m, flavor, returned, spelled - {m.name}, exports)
        for m in top_levels
    }
    # Schemas keeping their own spelling claim it before renamed ones can.
    ordered = sorted(top_levels, key=lambda m: (wanted[m.name] != m.name, m.name))
    for m, name in zip(
        ordered,
        claim_all(exports, [(wanted[m.name], _owner(m)) for m in ordered]),
        strict=True,
    ):
        qualified[m.name] = short[m.name] = name
        root[m.name] = m.name

    namespaces: dict[str, Scope] = {}

    def place(parent: str) -> None:
        kids = sorted(children.get(parent, ()))
        if not kids:
            return
        scope = namespaces[parent] = type_scope(f"namespace `{qualified[parent]}`", log)
        wanted_kids = [(pascal(models[c].member or c), _owner(models[c])) for c in kids]
        for child, name in zip(kids, claim_all(scope, wanted_kids), strict=True):
            short[child] = name
            qualified[child] = qualified[parent] + "." + name
            root[child] = root[parent]
            place(child)

    for m in top_levels:
        place(m.name)
    # Hoisted models whose parent chain loops: give them a top-level name.
    for m in api.models:
        if m.name not in qualified:
            name = exports.claim(type_name(m.name), _owner(m))
            qualified[m.name] = short[m.name] = name
            root[m.name] = m.name
            place(m.name)

    poly_named: dict[str, Polymorphic] = {}
    for base, p in sorted(_polymorphic(api, models).items()):
        parent = models[base].parent
        scope = (
            namespaces.get(parent, exports)
            if root[base] != base and parent
            else exports
        )
        union = scope.claim(
            short[base] + "Union",
            _owner(models[base], f"the union of schema `{base}`'s kinds"),
        )
        poly_named[base] = Polymorphic(p.base, union, p.property, p.variants)
    members = {
        m.name: _members(m, flavor, log)
        for m in api.models
        if isinstance(m, ObjectModel)
    }
    return Naming(
        models=models,
        qualified=qualified,
        short=short,
        root=root,
        children={k: tuple(sorted(v)) for k, v in children.items()},
        polymorphic=poly_named,
        members=members,
        exports=exports,
        log=log,
    )

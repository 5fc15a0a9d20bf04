"""Whole-API naming decisions: every model's TypeScript name and where it nests.

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
5. Anything else is the schema's name made an identifier (PascalCase pieces). A name
   that would shadow a global the generated code uses (`Error`, `Date`, `Record`...) or
   a reserved word gets a `Model` suffix; a clash gets a number. Schemas that keep their
   own spelling claim it before renamed ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.flavors.flavor import Flavor
from generator.ir.model import (
    Api,
    Model,
    Nullable,
    ObjectModel,
    Ref,
    Resource,
    TypeRef,
    UnionModel,
)
from generator.targets.typescript.names import PROTECTED_GLOBALS, RESERVED, pascal


@dataclass(frozen=True)
class Polymorphic:
    """A base model that subtypes extend by `allOf` with a discriminator value.

    References to the base become `<Base>Union`: every subtype, plus the base itself so
    a subtype the SDK does not know yet still type-checks.
    """

    base: str
    union_name: str
    property: str
    variants: tuple[tuple[str, str], ...]
    """(discriminator value, subtype model name)."""


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

    def ts(self, name: str) -> str:
        """How a reference to the model is written (a polymorphic base means its union)."""
        if name in self.polymorphic:
            return self.qualified[name] + "Union"
        return self.qualified[name]


def _walk_resources(resources: tuple[Resource, ...]) -> list[Resource]:
    out: list[Resource] = []
    stack = list(reversed(resources))
    while stack:
        res = stack.pop()
        out.append(res)
        stack.extend(reversed(res.children))
    return out


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
    model: Model, flavor: Flavor, returned: set[str], taken: set[str]
) -> str:
    renames = dict(flavor.model_renames)
    if model.name in renames:
        return renames[model.name]
    name = (
        pascal(model.name)
        if not model.name.isidentifier() or "_" in model.name
        else model.name
    )
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
        if shorter not in taken:
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


def build_naming(api: Api, flavor: Flavor) -> Naming:
    models = {m.name: m for m in api.models}
    returned = returned_models(api)
    children: dict[str, list[str]] = {}
    for m in api.models:
        if m.parent is not None and m.member is not None and m.parent in models:
            children.setdefault(m.parent, []).append(m.name)

    qualified: dict[str, str] = {}
    short: dict[str, str] = {}
    root: dict[str, str] = {}
    taken: set[str] = set(PROTECTED_GLOBALS)
    top_levels = [
        m
        for m in api.models
        if m.parent is None or m.parent not in models or m.member is None
    ]
    # Names the spec spells exactly are claimed before derived ones, so a rename never
    # steals a name a schema already has.
    taken.update(m.name for m in top_levels if m.name.isidentifier())
    assigned: set[str] = set(PROTECTED_GLOBALS)
    wanted = {
        m.name: _top_level_name(m, flavor, returned, taken - {m.name})
        for m in top_levels
    }
    # Schemas keeping their own spelling claim it before renamed ones can.
    ordered = sorted(top_levels, key=lambda m: (wanted[m.name] != m.name, m.name))
    for m in ordered:
        base = wanted[m.name]
        name = base
        if name in RESERVED or name in assigned:
            name = base + "Model"
        n = 2
        while name in assigned:
            name = f"{base}{n}"
            n += 1
        assigned.add(name)
        qualified[m.name] = name
        short[m.name] = name
        root[m.name] = m.name

    def place(parent: str) -> None:
        used: set[str] = set()
        for child in sorted(children.get(parent, ())):
            member = models[child].member or child
            base = pascal(member)
            if base in PROTECTED_GLOBALS or base in RESERVED:
                base += "Model"
            name = base
            n = 2
            while name in used:
                name = f"{base}{n}"
                n += 1
            used.add(name)
            short[child] = name
            qualified[child] = qualified[parent] + "." + name
            root[child] = root[parent]
            place(child)

    for m in top_levels:
        place(m.name)
    # Hoisted models whose parent chain loops: give them a top-level name.
    for m in api.models:
        if m.name not in qualified:
            name = pascal(m.name)
            while name in assigned:
                name += "Model"
            assigned.add(name)
            qualified[m.name] = short[m.name] = name
            root[m.name] = m.name

    poly = _polymorphic(api, models)
    poly_named: dict[str, Polymorphic] = {}
    for base, p in poly.items():
        union = short[base] + "Union"
        poly_named[base] = Polymorphic(p.base, union, p.property, p.variants)
    return Naming(
        models=models,
        qualified=qualified,
        short=short,
        root=root,
        children={k: tuple(sorted(v)) for k, v in children.items()},
        polymorphic=poly_named,
    )

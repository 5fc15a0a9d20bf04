"""REST names: where an operation lives and what it is called, read from the shape of
its path and its HTTP method, the way hand-written SDKs name their calls.

- A collection (a path with an item below it, or whose `GET` returns a list): `GET` is
  `list`, `POST` is `create`. An item (the path ends in a parameter): `GET` is
  `retrieve`, `POST`/`PUT`/`PATCH` are `update`, `DELETE` is `delete`. A path that is
  neither (`/balance`, `/customers/{id}/cash_balance`) is a singleton: `retrieve`,
  `update`, `delete`.
- A static segment after an item that only takes a `POST` is an action on the item
  (`POST /payment_intents/{intent}/confirm` → `payment_intents.confirm(intent)`),
  unless it names a collection of its own (a plural noun answering something else
  than the item: `POST /accounts/{account}/login_links` → `login_links.create`).
  A lone `GET` there reads the same way unless it answers a list (`GET
  /quotes/{quote}/pdf` → `quotes.pdf`); a lone `DELETE`, `PUT` or `PATCH` puts its
  verb in front (`DELETE /subscriptions/{id}/discount` → `subscriptions.delete_discount`).
- A singular static segment under a collection, or at the end of an RPC-style path,
  that takes one method is a method of its parent (`GET /charges/search` →
  `charges.search`, `POST /asset_report/create` → `asset_report.create`).
- Nested collections are sub-resources (`checkout.sessions.line_items.list(session)`).
- A version prefix (`/v1`) stays as a namespace spelled as users spell it (`v1`); a date
  prefix common to every path (`/2010-04-01`) is left out.
- The operationId names an operation only when these rules give no name (`HEAD`) or
  two operations of one resource the same name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.flavors.placement import Spot
from generator.ir.model import Api, ArrayOf, Model, Nullable, Operation, TypeRef
from generator.ir.pagination import object_model
from generator.ir.resources import ROOT, is_param, operation_name, path_segments
from generator.naming.casing import singular, snake
from generator.naming.words import words

_VERSION = re.compile(r"^v\d+([._-]?[0-9a-z]+)*$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EXTENSION = re.compile(r"\.(json|xml)$", re.IGNORECASE)
_LIST_FIELDS = frozenset(
    {"data", "items", "results", "records", "entries", "values", "elements"}
)
_NOT_PLURAL = ("ss", "us", "is")
PARAM = "{}"

COLLECTION = {
    "get": "list",
    "post": "create",
    "put": "update",
    "patch": "update",
    "delete": "delete",
}
ITEM = {
    "get": "retrieve",
    "post": "update",
    "put": "update",
    "patch": "update",
    "delete": "delete",
}
"""Also a singleton's names (`/balance`, `/customers/{id}/cash_balance`)."""


def _clean(segment: str) -> str:
    """`Messages.json` → `Messages`; a parameter becomes the marker `{}`."""
    return PARAM if is_param(segment) else _EXTENSION.sub("", segment)


def _shape(path: str) -> tuple[str, ...]:
    return tuple(_clean(s) for s in path_segments(path))


def is_plural(segment: str) -> bool:
    last = words(segment)[-1:] or ("",)
    word = last[0].lower()
    return singular(word) != word and not word.endswith(_NOT_PLURAL)


@dataclass(frozen=True)
class _Index:
    """The spec's paths, shaped, with the operations each one holds."""

    methods: dict[tuple[str, ...], dict[str, Operation]]
    prefixes: frozenset[tuple[str, ...]]
    models: dict[str, Model]

    def has_below(self, shape: tuple[str, ...]) -> bool:
        return shape in self.prefixes

    def has_item(self, shape: tuple[str, ...]) -> bool:
        item = (*shape, PARAM)
        return item in self.methods or item in self.prefixes

    def returns_list(self, op: Operation | None) -> bool:
        if op is None or op.success is None:
            return False
        if op.pagination is not None:
            return True
        if _is_array(op.success.type):
            return True
        model = object_model(op.success.type, self.models)
        return model is not None and any(
            f.name in _LIST_FIELDS and _is_array(f.type) for f in model.fields
        )

    def is_collection(self, shape: tuple[str, ...]) -> bool:
        """An item below, or a `GET` answering a list; else a plural name whose `GET`
        (if any) answers no single object."""
        get = self.methods.get(shape, {}).get("get")
        if self.has_item(shape) or self.returns_list(get):
            return True
        if not shape or not is_plural(shape[-1]):
            return False
        answer = get.success.type if get is not None and get.success else None
        return object_model(answer, self.models) is None


def _is_array(t: TypeRef | None) -> bool:
    return isinstance(_bare(t), ArrayOf)


def _index(operations: Sequence[tuple[tuple[str, ...], Operation]], api: Api) -> _Index:
    methods: dict[tuple[str, ...], dict[str, Operation]] = {}
    prefixes: set[tuple[str, ...]] = set()
    for shape, op in operations:
        methods.setdefault(shape, {})[op.method] = op
        prefixes.update(shape[:n] for n in range(1, len(shape)))
    return _Index(methods, frozenset(prefixes), {m.name: m for m in api.models})


def _common_date(shapes: Iterable[tuple[str, ...]]) -> bool:
    firsts = {s[0] if s else "" for s in shapes}
    return len(firsts) == 1 and bool(_DATE.match(next(iter(firsts))))


def _split_version(
    shape: tuple[str, ...], drop_date: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(namespace, rest): `("v1", "customers")` → `(("v1",), ("customers",))`."""
    if not shape or shape[0] == PARAM:
        return (), shape
    if drop_date and _DATE.match(shape[0]):
        return (), shape[1:]
    if _DATE.match(shape[0]):
        return ("v" + shape[0].replace("-", "_"),), shape[1:]
    if _VERSION.match(shape[0]):
        return (snake(shape[0]),), shape[1:]
    return (), shape


def _statics(segments: Iterable[str]) -> tuple[str, ...]:
    return tuple(snake(s) or s for s in segments if s != PARAM)


def _place(
    full: tuple[str, ...],
    rest: tuple[str, ...],
    namespace: tuple[str, ...],
    op: Operation,
    index: _Index,
) -> Spot:
    """Where `op` lives and its rule-given name ("" when the rules give none)."""
    method = op.method
    if not rest or rest[-1] == PARAM:
        chain = namespace + _statics(rest)
        return Spot(chain, ITEM.get(method, ""))
    leaf, parent = rest[-1], rest[:-1]
    parent_chain = namespace + _statics(parent)
    here = index.methods.get(full, {})
    leaf_name = snake(leaf) or leaf
    if parent and not index.has_below(full) and len(here) == 1:
        if parent[-1] == PARAM and not _names_collection(full, leaf, op, index):
            verb = "" if method in ("get", "post") else ITEM.get(method, method) + "_"
            return Spot(parent_chain, verb + leaf_name)
        if parent[-1] != PARAM and not index.has_item(full) and not is_plural(leaf):
            return Spot(parent_chain, leaf_name)
    chain = namespace + _statics(rest)
    names = COLLECTION if index.is_collection(full) else ITEM
    return Spot(chain, names.get(method, ""))


def _names_collection(
    full: tuple[str, ...], leaf: str, op: Operation, index: _Index
) -> bool:
    """`login_links` after an account names a collection; `verify_microdeposits` after
    a payment intent, answering the payment intent, is an action."""
    if not is_plural(leaf):
        return op.method == "get" and index.returns_list(op)
    if op.method != "post":
        return True
    item = index.methods.get(full[:-1], {}).get("get")
    answer = _bare(op.success.type) if op.success else None
    item_answer = _bare(item.success.type) if item and item.success else None
    return answer is None or answer != item_answer


def _bare(t: TypeRef | None) -> TypeRef | None:
    while isinstance(t, Nullable):
        t = t.inner
    return t


def rest_spots(api: Api, operations: Sequence[Operation]) -> list[Spot]:
    """A spot for each operation, in the order given (names not yet unique)."""
    shapes = [_shape(op.path) for op in operations]
    drop_date = _common_date(shapes)
    split = [_split_version(s, drop_date) for s in shapes]
    index = _index(list(zip(shapes, operations)), api)
    spots: list[Spot] = []
    for shape, (namespace, rest), op in zip(shapes, split, operations):
        spot = _place(shape, rest, namespace, op, index)
        chain = spot.chain or (ROOT,)
        spots.append(Spot(chain, spot.name or from_operation_id(op, chain)))
    return spots


def from_operation_id(op: Operation, chain: tuple[str, ...]) -> str:
    """The operationId without the resource's nouns (`GetAccountsAccount` in
    `accounts` → `get`)."""
    segments = path_segments(op.path)
    ends_with_param = bool(segments) and is_param(segments[-1])
    return snake(operation_name(op.operation_id, chain, op.method, ends_with_param))

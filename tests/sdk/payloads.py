"""Map IR models to the generated classes, parse payloads with them, dump them back."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import pydantic

from generator.flavors import FLAVORS


def generated_class(sdk: ModuleType, ir_name: str, flavor: str) -> Any:
    """The class the SDK generated for the IR model `ir_name`."""
    from generator.targets.python.names import model_class_name

    chosen = FLAVORS[flavor]
    candidates = [ir_name]
    renamed = dict(chosen.model_renames).get(ir_name)
    if renamed:
        candidates.insert(0, renamed)
    if chosen.object_suffix and ir_name.endswith(chosen.object_suffix):
        candidates.insert(0, ir_name[: -len(chosen.object_suffix)])
    types = sdk.types
    for name in candidates:
        cls = getattr(types, model_class_name(name), None)
        if cls is not None:
            return cls
    raise AssertionError(f"no generated class for IR model {ir_name} (tried {candidates})")


def parse(sdk: ModuleType, cls: Any, payload: Any) -> Any:
    """Parse `payload` the way the client parses a response body (leniently, never raising)."""
    models = importlib.import_module(f"{sdk.__name__}._models")
    parsed = models.construct_type(cls, payload)
    if isinstance(cls, type) and not isinstance(parsed, cls):
        raise TypeError(f"parsed into {type(parsed).__name__}, not {cls.__name__}")
    return parsed


def validate_strictly(cls: Any, payload: Any) -> None:
    """pydantic's own validation of a model class: a payload that conforms must pass it.

    Union aliases are left to `parse` (their variants are forward references that only
    the SDK's namespace resolves)."""
    if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel):
        cls.model_validate(payload)


def dump(obj: Any) -> Any:
    """The wire JSON of a parsed response: wire names, only what was received."""
    if isinstance(obj, pydantic.BaseModel):
        to_dict = getattr(obj, "to_dict", None)
        if callable(to_dict):
            return to_dict()
        return obj.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(obj, list):
        return [dump(item) for item in obj]
    return obj

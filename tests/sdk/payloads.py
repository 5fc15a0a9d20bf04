"""Map IR models to the generated classes, parse payloads with them, dump them back."""

from __future__ import annotations

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


def parse(cls: Any, payload: Any) -> Any:
    if isinstance(cls, type) and issubclass(cls, pydantic.BaseModel):
        return cls.model_validate(payload)
    return pydantic.TypeAdapter(cls).validate_python(payload)


def dump(obj: Any) -> Any:
    """The wire JSON of a parsed response: wire names, only what was received."""
    if isinstance(obj, pydantic.BaseModel):
        return obj.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(obj, list):
        return [dump(item) for item in obj]
    return obj

"""The Python target: an installable package of pydantic models, a client and its runtime.

`plan(api, flavor, options)` decides every file and its key; rendering is deferred
(`PlannedFile.render`). The heavy lifting sits in small modules: `names` (identifiers),
`types` (annotations), `layout` (black's line splitting), `models`, `operations`,
`resources`, `typemodules` and `package` (the rest of the package).
"""

from __future__ import annotations

from generator.targets.python.names import model_class_name
from generator.targets.python.package import STATIC_RUNTIME, plan


def runtime_paths(package: str) -> tuple[str, ...]:
    """The files whose text is the same whatever the spec (the golden tests keep one copy)."""
    return tuple(f"{package}/{name}" for name in STATIC_RUNTIME)


__all__ = ["model_class_name", "plan", "runtime_paths"]

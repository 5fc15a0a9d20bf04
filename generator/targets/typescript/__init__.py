"""TypeScript target: `plan(api, flavor, options) -> FilePlan`.

Layout of the SDK: package.json, tsconfig.json, src/index.ts (exports), src/client.ts
(the client class), src/core/*.ts (runtime: fetch client, retries, errors, pages,
streams), src/models/*.ts (one file per resource group), src/resources/**.ts (one per
resource, with its `...Params` types) and src/lib/index.ts (the hand-written home,
created once and never overwritten).
"""

from __future__ import annotations

from generator.flavors.flavor import Flavor
from generator.ir.model import Api
from generator.plan import FilePlan, PlannedFile, TargetOptions
from generator.targets.typescript.files import CORE_FILES, build_plan


def plan(api: Api, flavor: Flavor, options: TargetOptions) -> FilePlan:
    return build_plan(api, flavor, options)


def runtime_paths(package: str) -> tuple[str, ...]:
    """The files whose text is the same whatever the spec (the golden tests keep one copy)."""
    return tuple(f"src/core/{name}.ts" for name in CORE_FILES)


__all__ = ["FilePlan", "PlannedFile", "plan", "runtime_paths"]

"""Pick a flavor from the spec itself: any `x-ms-*` extension means Azure."""

from __future__ import annotations

from generator.flavors.flavor import AZURE, OPENAI, Flavor
from generator.ir.model import Api, JsonValue

AZURE_PREFIX = "x-ms-"


def _has_azure_keys(extensions: tuple[tuple[str, JsonValue], ...]) -> bool:
    return any(key.startswith(AZURE_PREFIX) for key, _ in extensions)


def detect(api: Api) -> Flavor:
    """Azure when the document or any operation carries `x-ms-*`; OpenAI otherwise."""
    if _has_azure_keys(api.extensions):
        return AZURE
    if any(_has_azure_keys(op.extensions) for op in api.all_operations()):
        return AZURE
    if any(
        p.client_name is not None for op in api.all_operations() for p in op.parameters
    ):
        return AZURE
    return OPENAI

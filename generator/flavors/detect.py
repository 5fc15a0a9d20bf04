"""Pick a flavor from the spec itself, by each family's own marks.

- Azure: any `x-ms-*` extension (or `x-ms-client-name` on a parameter).
- OpenAI: `x-oaiMeta` on the document or an operation, or a server on `openai.com`.
- Anything else is generic: OpenAI's conventions are no fallback for other APIs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.flavors.flavor import AZURE, GENERIC, OPENAI, Flavor
from generator.ir.model import Api, JsonValue

AZURE_PREFIX = "x-ms-"
OPENAI_META = "x-oaiMeta"
OPENAI_HOST = "openai.com"


def _has_azure_keys(extensions: tuple[tuple[str, JsonValue], ...]) -> bool:
    return any(key.startswith(AZURE_PREFIX) for key, _ in extensions)


def _has_openai_meta(extensions: tuple[tuple[str, JsonValue], ...]) -> bool:
    return any(key == OPENAI_META for key, _ in extensions)


def _openai_server(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == OPENAI_HOST or host.endswith("." + OPENAI_HOST)


def detect(api: Api) -> Flavor:
    operations = api.all_operations()
    if _has_azure_keys(api.extensions):
        return AZURE
    if any(_has_azure_keys(op.extensions) for op in operations):
        return AZURE
    if any(p.client_name is not None for op in operations for p in op.parameters):
        return AZURE
    if _has_openai_meta(api.extensions) or any(
        _has_openai_meta(op.extensions) for op in operations
    ):
        return OPENAI
    if any(_openai_server(server.url) for server in api.servers):
        return OPENAI
    return GENERIC

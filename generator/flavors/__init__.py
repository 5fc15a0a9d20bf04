"""Flavors: OpenAI, Azure and generic conventions, as data.

`detect(api)` picks the flavor a spec was written for; `apply(api, flavor)` rewrites the
IR to that flavor's conventions (operation names, the `beta` resource, the api-version
client parameter) so that targets read one settled shape.
"""

from __future__ import annotations

from generator.flavors.apply import apply
from generator.flavors.detect import detect
from generator.flavors.flavor import (
    AZURE,
    FLAVORS,
    GENERIC,
    OPENAI,
    AuthStyle,
    Flavor,
)

__all__ = [
    "AZURE",
    "FLAVORS",
    "GENERIC",
    "OPENAI",
    "AuthStyle",
    "Flavor",
    "apply",
    "detect",
]

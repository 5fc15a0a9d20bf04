"""The hostile specs, and what a generated SDK must do with them, for both targets.

Every string field a spec can carry into generated code holds break-out attempts
(quotes, triple quotes, backslashes, newlines, `*/`, `${...}`, `__import__`,
`require(...)`, `../`, bidi controls). Their payloads leave a file named `PWNED` in
the working folder or exit with status 66 if they ever run. The target tests
generate each spec in every flavor, type-check the result, import every module,
construct the client with its default URL, call every method over a mock transport,
and check with the helpers below that nothing ran and that wire names went out as
the spec spells them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
MARKER = "PWNED"
EXIT_STATUS = 66
BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


@dataclass(frozen=True)
class HostileSpec:
    name: str
    path: Path
    flavors: tuple[str, ...]

    def document(self) -> dict[str, object]:
        text = self.path.read_text(encoding="utf-8")
        loaded = json.loads(text) if self.path.suffix == ".json" else yaml.safe_load(text)
        assert isinstance(loaded, dict)
        return loaded


HOSTILE_SPECS = (
    HostileSpec(
        "hostile_text",
        REPO / "tests" / "golden" / "cases" / "hostile_text" / "spec.yaml",
        ("openai", "azure"),
    ),
    HostileSpec(
        "hostile_azure",
        REPO / "tests" / "fixtures" / "hostile" / "azure.json",
        ("azure", "openai"),
    ),
)


def _params(doc: dict[str, object]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    paths = doc.get("paths")
    assert isinstance(paths, dict)
    for item in paths.values():
        assert isinstance(item, dict)
        for key, value in item.items():
            if key == "parameters":
                out.extend(value)
            elif isinstance(value, dict):
                out.extend(value.get("parameters", []))
    return out


def wire_names(spec: HostileSpec, location: str) -> set[str]:
    """The parameter names of one location (`header`, `query`, `cookie`) as spelled."""
    return {str(p["name"]) for p in _params(spec.document()) if p.get("in") == location}


def property_names(spec: HostileSpec) -> set[str]:
    """Every property name of every named schema, as spelled."""
    doc = spec.document()
    components = doc.get("components")
    schemas = components.get("schemas", {}) if isinstance(components, dict) else doc.get("definitions", {})
    assert isinstance(schemas, dict)
    names: set[str] = set()
    for schema in schemas.values():
        if isinstance(schema, dict):
            names |= set(schema.get("properties", {}))
    return names


def assert_nothing_ran(*folders: Path) -> None:
    """No payload left its marker anywhere under the given folders."""
    for folder in folders:
        found = sorted(str(p) for p in folder.rglob(MARKER))
        assert not found, f"a spec payload ran: {found}"


def assert_no_bidi(root: Path) -> None:
    """No generated file holds a raw bidi control character (Trojan Source)."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and "node_modules" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            bad = sorted({f"U+{ord(ch):04X}" for ch in text if ch in BIDI})
            assert not bad, f"{path.relative_to(root)} holds raw {', '.join(bad)}"


@dataclass(frozen=True)
class SentRequest:
    """What one request carried, as a target's test recorded it from its mock transport:
    names exactly as they went on the wire (query names and cookie names decoded)."""

    headers: tuple[str, ...]
    query: tuple[str, ...]
    cookies: tuple[str, ...]
    body_keys: tuple[str, ...]
    """Every key of every JSON object in the body, at any depth."""


def cookie_names(header: str) -> tuple[str, ...]:
    """The names in a `Cookie` header value (`a=1; b=2`)."""
    return tuple(part.split("=", 1)[0].strip() for part in header.split(";") if part.strip())


def json_keys(value: object) -> tuple[str, ...]:
    if isinstance(value, dict):
        return tuple(k for key, v in value.items() for k in (str(key), *json_keys(v)))
    if isinstance(value, list):
        return tuple(k for v in value for k in json_keys(v))
    return ()


def assert_wire_names(spec: HostileSpec, sent: list[SentRequest]) -> None:
    """Every header, query and cookie parameter went out spelled as the spec spells it,
    and every JSON key sent is one of the spec's property names, unchanged."""
    assert sent, "no request was sent"
    for location, field in (("header", "headers"), ("query", "query"), ("cookie", "cookies")):
        went = {name for request in sent for name in getattr(request, field)}
        missing = sorted(wire_names(spec, location) - went)
        assert not missing, f"{location} parameters not sent as spelled: {missing}"
    properties = property_names(spec)
    keys = {k for request in sent for k in request.body_keys}
    assert keys, "no request carried a JSON body"
    assert keys <= properties, f"JSON keys the spec does not spell: {sorted(keys - properties)}"


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (relative path → bytes), to see what a step wrote."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and "node_modules" not in p.parts
    }

"""What YAML 1.1 readers accept and yaml-rs (YAML 1.2) does not: merge keys, lenient text.

Hand-written specs use merge keys (`<<: *defaults`, sometimes tagged `!!merge`) and
now and then indent a quoted scalar's continuation less than YAML 1.2 asks. PyYAML,
and the tools these specs were written for, read both. yaml-rs keeps `<<` as a plain
key and refuses the rest; here `<<` is merged as YAML 1.1 defines it, and a text
yaml-rs refuses is read again with PyYAML (timestamps kept as text, like yaml-rs
does), with the same bound on alias expansion.
"""

from __future__ import annotations

from typing import Any

from generator.diagnostics import SpecError

MAX_NODES = 5_000_000
"""Nodes a PyYAML tree may expand to once its aliases are followed (a real spec has
well under a million); past it the text is an alias bomb."""

MERGE_KEY = "<<"


def read_as_yaml11(text: str, file: str, refused: SpecError) -> Any:
    """The tree PyYAML reads from `text`; `refused` is raised again when PyYAML refuses too."""
    import yaml

    try:
        tree = yaml.load(text, Loader=_loader())
    except (yaml.YAMLError, ValueError, RecursionError):
        raise refused from None
    _check_expansion(tree, file)
    return tree


def apply_merge_keys(tree: Any) -> None:
    """Merge every `<<` key's mapping (or list of mappings) into its mapping, in place:
    earlier sources win over later ones, the mapping's own keys over all of them."""
    stack = [tree]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if MERGE_KEY in node:
                _merge(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _merge(node: dict[str, Any]) -> None:
    sources = node.pop(MERGE_KEY)
    merged: dict[str, Any] = {}
    for source in sources if isinstance(sources, list) else [sources]:
        if isinstance(source, dict):
            for key, value in source.items():
                merged.setdefault(key, value)
    merged.update(node)
    node.clear()
    node.update(merged)


def _check_expansion(tree: Any, file: str) -> None:
    stack = [tree]
    visited = 0
    while stack:
        node = stack.pop()
        visited += 1
        if visited > MAX_NODES:
            raise SpecError.at(
                f"YAML aliases expand to more than {MAX_NODES:,} nodes: refusing a"
                " document that would not fit in memory",
                code="alias-bomb",
                file=file,
            )
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _loader() -> Any:
    import yaml

    class Loader(yaml.CSafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [
            (tag, pattern)
            for tag, pattern in resolvers
            if tag != "tag:yaml.org,2002:timestamp"
        ]
        for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader

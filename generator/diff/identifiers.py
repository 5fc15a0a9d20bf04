"""Identifiers whose name changes between two versions of a spec, for every target.

A target's name allocators record every identifier they give out (`FilePlan.names`).
When the same thing (the same owner in the same scope) gets another identifier in the
new version, code written against the old SDK breaks even though the spec's own name
did not change: a new field `fooBar` takes `foo_bar`, and the old `foo_bar` becomes
`foo_bar2`.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.diff.changes import Change
from generator.ir.model import Api

TARGETS = ("python", "typescript")


def _given(api: Api, target: str, flavor: str | None) -> dict[tuple[str, str], str]:
    from generator.pipeline import plan_only

    return {(c.scope, c.owner): c.given for c in plan_only(api, target, flavor).names}


def identifier_changes(
    old: Api, new: Api, targets: Iterable[str] = TARGETS
) -> list[Change]:
    """One breaking change per identifier whose name moved, both specs in the flavor
    the new one suggests."""
    from generator.pipeline import choose_flavor

    flavor = choose_flavor(None, new).name
    changes: list[Change] = []
    for target in targets:
        before, after = _given(old, target, flavor), _given(new, target, flavor)
        for scope, owner in sorted(before.keys() & after.keys()):
            was, now = before[(scope, owner)], after[(scope, owner)]
            if was != now:
                changes.append(
                    Change(
                        f"{target} identifiers",
                        "identifier",
                        "renamed",
                        owner,
                        f"`{was}` is now `{now}` in {scope}",
                        True,
                    )
                )
    return changes

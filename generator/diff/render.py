"""A changelog as text (terminals), Markdown (release notes, PR comments) or JSON (tools)."""

from __future__ import annotations

import json
from typing import Literal

from generator.diff.changes import Change, Changelog

Format = Literal["text", "json", "markdown"]


def render(log: Changelog, fmt: Format) -> str:
    if fmt == "json":
        return _json(log)
    if fmt == "markdown":
        return _markdown(log)
    return _text(log)


def _line(c: Change) -> str:
    detail = f": {c.detail}" if c.detail else ""
    return f"{c.subject} {c.action} {c.target}{detail}"


def _summary(log: Changelog) -> str:
    total, breaking = len(log.changes), len(log.breaking)
    if not total:
        return "no changes"
    return f"{total} change{'s' if total != 1 else ''}, {breaking} breaking"


def _text(log: Changelog) -> str:
    out = [f"{log.old} → {log.new}: {_summary(log)}"]
    for group, changes in log.groups():
        out.append("")
        out.append(f"{group}")
        for c in changes:
            out.append(f"  {'BREAKING ' if c.breaking else ''}{_line(c)}")
    return "\n".join(out) + "\n"


def _markdown(log: Changelog) -> str:
    out = [f"# Changes from `{log.old}` to `{log.new}`", "", f"{_summary(log)}."]
    for group, changes in log.groups():
        out += ["", f"## {group}", ""]
        for c in changes:
            mark = "**breaking** " if c.breaking else ""
            detail = f": {c.detail}" if c.detail else ""
            out.append(f"- {mark}{c.subject} {c.action} `{c.target}`{detail}")
    return "\n".join(out) + "\n"


def _json(log: Changelog) -> str:
    data = {
        "old": log.old,
        "new": log.new,
        "breaking": log.has_breaking,
        "groups": [
            {
                "resource": group,
                "changes": [
                    {
                        "subject": c.subject,
                        "action": c.action,
                        "target": c.target,
                        "detail": c.detail,
                        "breaking": c.breaking,
                    }
                    for c in changes
                ],
            }
            for group, changes in log.groups()
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

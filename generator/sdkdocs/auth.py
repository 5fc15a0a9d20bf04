"""What a README says about credentials beyond one line per argument: alternatives,
and operations with a requirement of their own."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.flavors.security import Credential, SecurityModel
from generator.ir.model import Api, Operation

_WHERE = {"header": "header", "query": "query parameter", "cookie": "cookie"}


def describe_credential(cred: Credential, env: str, code: Callable[[str], str]) -> str:
    """How one credential argument travels, and its environment variable; `code` puts
    spec text into the document (a Markdown code span, backticks in a docstring)."""
    if cred.kind == "api_key":
        how = f"sent as the {code(cred.wire_name)} {_WHERE[cred.location]}"
    elif cred.kind == "basic":
        how = f"sent with its pair as {code('Authorization: Basic')}"
    else:
        how = f"sent as {code('Authorization: ' + (cred.prefix or ''))}"
        if cred.token_provider:
            how = "a token or a callable returning one, " + how
    return f"{how} (default: the {code(env)} environment variable)"


def auth_notes(
    model: SecurityModel, names: Mapping[str, tuple[str, ...]], api: Api
) -> list[str]:
    """Markdown lines; `names`: scheme → the target's names for its arguments."""
    notes: list[str] = []
    alternatives = [
        " and ".join(f"`{n}`" for scheme in alt for n in names[scheme])
        for alt in model.default
        if alt
    ]
    if len(alternatives) > 1:
        notes.append(
            "Any one of these is enough, tried in this order: "
            + "; or ".join(alternatives)
            + "."
        )
    if any(model.requirement(op) != model.default for op in api.all_operations()):
        notes.append(
            "Some operations ask for other credentials, or none (api.md says which): "
            "a call whose credentials are missing fails before anything is sent."
        )
    return notes


def requirement_note(
    model: SecurityModel | None,
    names: Mapping[str, tuple[str, ...]],
    op: Operation,
) -> str | None:
    """For an operation whose requirement is its own: what it sends, in Markdown."""
    if model is None or model.requirement(op) == model.default:
        return None
    alternatives = [
        " and ".join(f"`{n}`" for scheme in alt for n in names[scheme]) or "nothing"
        for alt in model.requirement(op)
    ]
    return (
        "Sends "
        + ("; or ".join(alternatives) if alternatives else "no credentials")
        + "."
    )

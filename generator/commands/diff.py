"""`sdkforge diff OLD NEW`: a changelog of two spec versions, and an exit code CI can gate on."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, cast

import click

from generator.commands.errors import run_or_exit

if TYPE_CHECKING:
    from generator.ir.model import Api

EXIT_BREAKING = 1


@click.command()
@click.argument("old", type=click.Path(dir_okay=False, path_type=str))
@click.argument("new", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="How to print the changelog.",
)
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    help="Write the changelog here instead of stdout.",
)
def diff(old: str, new: str, fmt: str, output: IO[str] | None) -> None:
    """Compare two versions of a spec at the IR level.

    Prints what changed for the SDK's users, grouped by resource, each change marked
    breaking or not; an identifier that the generated SDKs (Python, TypeScript) name
    differently in NEW is breaking too. Exit code: 0 nothing breaking, 1 something
    breaking, 2 bad input.
    """
    from generator.diff import Change, Changelog, compare, render
    from generator.diff.identifiers import identifier_changes
    from generator.diff.render import Format

    before = run_or_exit(lambda: _build(old))
    after = run_or_exit(lambda: _build(new))
    log = compare(before, after, old, new)
    renamed = run_or_exit(lambda: identifier_changes(before, after))
    log = Changelog(
        log.old,
        log.new,
        tuple(sorted(log.changes + tuple(renamed), key=Change.sort_key)),
    )
    text = render(log, cast(Format, fmt))
    if output is not None:
        output.write(text)
    else:
        click.echo(text, nl=False)
    if log.has_breaking:
        sys.exit(EXIT_BREAKING)


def _build(path: str) -> Api:
    from pathlib import Path

    from generator.diagnostics import SpecError
    from generator.ir.build import build
    from generator.load import load

    if not Path(path).is_file():
        raise SpecError.at("spec file not found", code="missing-spec", file=path)
    return build(load(path))

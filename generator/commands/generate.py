"""`sdkforge generate`."""

from __future__ import annotations

import click


@click.command()
def generate() -> None:
    """Not built yet."""
    raise click.UsageError("sdkforge generate is not built yet")

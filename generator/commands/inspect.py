"""`sdkforge inspect`."""

from __future__ import annotations

import click


@click.command()
def inspect() -> None:
    """Not built yet."""
    raise click.UsageError("sdkforge inspect is not built yet")

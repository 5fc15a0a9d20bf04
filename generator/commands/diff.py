"""`sdkforge diff`."""

from __future__ import annotations

import click


@click.command()
def diff() -> None:
    """Not built yet."""
    raise click.UsageError("sdkforge diff is not built yet")

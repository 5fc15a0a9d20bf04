"""The `sdkforge` command line. Each command lives in `generator/commands/`."""

from __future__ import annotations

import click

from generator import __version__
from generator.commands.diff import diff
from generator.commands.generate import generate
from generator.commands.inspect import inspect


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sdkforge")
def cli() -> None:
    """Generate typed SDKs from OpenAPI documents."""


cli.add_command(inspect)
cli.add_command(generate)
cli.add_command(diff)


def main() -> None:
    cli(prog_name="sdkforge")

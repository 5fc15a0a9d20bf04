"""The `sdkforge` command line. Each command lives in `generator/commands/`."""

from __future__ import annotations

import gc
import os
import sys

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
    # A run is one short process: cyclic garbage is rare and tearing down a large IR
    # at exit costs a few hundred milliseconds, so collect nothing and leave at once.
    gc.disable()
    code: int | str | None = 0
    try:
        cli(prog_name="sdkforge")
    except SystemExit as stop:
        code = stop.code
    sys.stdout.flush()
    sys.stderr.flush()
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    os._exit(code or 0)

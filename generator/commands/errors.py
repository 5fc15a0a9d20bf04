"""Turn bad input into one clear message and exit code 2, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import click

from generator.diagnostics import SpecError

T = TypeVar("T")

EXIT_BAD_INPUT = 2


def run_or_exit(action: Callable[[], T]) -> T:
    try:
        return action()
    except SpecError as err:
        click.echo(err.diagnostic.render(), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except RecursionError:
        click.echo("error: the document nests too deeply to be understood", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except MemoryError:
        click.echo("error: the document is too large to be understood", err=True)
        sys.exit(EXIT_BAD_INPUT)

"""`sdkforge generate`: every SDK in the project config, or one given on the command line."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from generator.commands.errors import run_or_exit
from generator.lock import LOCK_TIMEOUT

if TYPE_CHECKING:
    from generator.config import ProjectConfig
    from generator.diagnostics import Diagnostic
    from generator.flavors.flavor import GroupBy
    from generator.pipeline import Job, Outcome
    from generator.plan import Formatter

EXIT_STALE = 1


@click.command()
@click.argument("spec", required=False, type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--flavor",
    type=click.Choice(["openai", "azure", "generic"]),
    help="SDK conventions (default: detected from the spec).",
)
@click.option(
    "--group-by",
    type=click.Choice(["auto", "path", "tags", "operation-id"]),
    help="How operations are grouped into resources (default: the config's, else the "
    "flavor's; generic: auto).",
)
@click.option(
    "--target",
    default=None,
    metavar="python|typescript",
    help="Language of the SDK (default: python).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=str),
    help="Output folder.",
)
@click.option("--package-name", help="Package name of the SDK.")
@click.option("--client-name", help="Client class name (default: the flavor's).")
@click.option(
    "--formatter",
    type=click.Choice(["black", "ruff", "none"]),
    help="Override the configured formatter.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="pyproject.toml to read.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 naming the files that would change.",
)
@click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the cache (a cold run)."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse a spec with warts (null keywords, boolean or tuple schemas, ...) instead of warning.",
)
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    default=LOCK_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for another run writing the same output folder.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings and errors.")
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Print every warning and the time of each stage.",
)
def generate(
    spec: str | None,
    flavor: str | None,
    group_by: str | None,
    target: str | None,
    output: str | None,
    package_name: str | None,
    client_name: str | None,
    formatter: str | None,
    config_file: Path | None,
    check: bool,
    no_cache: bool,
    strict: bool,
    lock_timeout: float,
    quiet: bool,
    verbose: bool,
) -> None:
    """Generate SDKs: with no SPEC, every SDK listed in [tool.sdkforge] of pyproject.toml.

    With SPEC, one SDK: --output and --package-name are required.
    """
    from generator.config import load_config

    config = run_or_exit(lambda: load_config(config_file))
    chosen = cast("Formatter | None", formatter)
    grouping = cast("GroupBy | None", group_by)
    if spec is None:
        extra = {
            "--flavor": flavor,
            "--target": target,
            "--output": output,
            "--package-name": package_name,
            "--client-name": client_name,
        }
        given = [name for name, value in extra.items() if value is not None]
        if given:
            raise click.UsageError(
                f"{given[0]} needs a SPEC argument (without SPEC, the config decides)"
            )
        jobs = _configured_jobs(config, chosen, grouping, strict)
        if not jobs:
            where = config.file or Path("pyproject.toml")
            raise click.UsageError(
                f"no SDKs configured: add [[tool.sdkforge.sdk]] tables to {where}, or give a SPEC"
            )
    else:
        if output is None or package_name is None:
            raise click.UsageError(
                "generating from a SPEC needs --output and --package-name"
            )
        jobs = [
            _command_line_job(
                spec,
                flavor,
                target or "python",
                output,
                package_name,
                client_name,
                chosen or config.formatter,
                grouping or config.group_by,
                strict,
            )
        ]
    started = time.perf_counter()
    outcomes = _run_all(
        jobs,
        config,
        check=check,
        use_cache=not no_cache,
        lock_timeout=lock_timeout,
        quiet=quiet,
        verbose=verbose,
    )
    if check:
        _report_stale(outcomes)
    if not quiet:
        # Last, and whether or not stderr is a terminal: a CI log shows what happened.
        elapsed = time.perf_counter() - started
        click.echo(_total(outcomes, check=check, seconds=elapsed), err=True)
    if check and any(o.status == "stale" for o in outcomes):
        sys.exit(EXIT_STALE)


def _configured_jobs(
    config: ProjectConfig,
    formatter: Formatter | None,
    group_by: GroupBy | None,
    strict: bool,
) -> list[Job]:
    from generator.pipeline import Job

    return [
        Job(
            spec=config.path(sdk.spec),
            spec_label=sdk.spec,
            target=sdk.target,
            output=config.path(sdk.output),
            package_name=sdk.package_name,
            client_name=sdk.client_name,
            flavor=sdk.flavor,
            formatter=formatter or sdk.formatter or config.formatter,
            group_by=group_by or sdk.group_by or config.group_by,
            strict=strict,
        )
        for sdk in config.sdks
    ]


def _command_line_job(
    spec: str,
    flavor: str | None,
    target: str,
    output: str,
    package_name: str,
    client_name: str | None,
    formatter: Formatter,
    group_by: GroupBy | None,
    strict: bool,
) -> Job:
    from generator.pipeline import Job

    return Job(
        spec=Path(spec),
        spec_label=spec,
        target=target,
        output=Path(output),
        package_name=package_name,
        client_name=client_name,
        flavor=flavor,
        formatter=formatter,
        group_by=group_by,
        strict=strict,
    )


def _run_all(
    jobs: Sequence[Job],
    config: ProjectConfig,
    *,
    check: bool,
    use_cache: bool,
    lock_timeout: float,
    quiet: bool,
    verbose: bool,
) -> list[Outcome]:
    from generator.cache import Cache
    from generator.pipeline import run

    cache = Cache(config.cache_path) if use_cache else None
    if cache is not None:
        cache.ensure_ignored()
    interactive = sys.stderr.isatty() and not quiet
    outcomes: list[Outcome] = []
    for index, job in enumerate(jobs, start=1):
        progress = Progress(
            f"[{index}/{len(jobs)}] {job.output_label}", enabled=interactive
        )
        outcome = run_or_exit(
            partial(
                run,
                job,
                cache=cache,
                check=check,
                reporter=progress,
                lock_timeout=lock_timeout,
            )
        )
        progress.close()
        outcomes.append(outcome)
        if (interactive or verbose) and not check:
            click.echo(_summary(outcome), err=True)
        if verbose:
            stages = ", ".join(
                f"{name} {seconds * 1000:.0f} ms" for name, seconds in outcome.timings
            )
            click.echo(f"  stages: {stages}", err=True)
            if outcome.rendered:
                click.echo(
                    f"  rendered {len(outcome.rendered)}, formatted {len(outcome.formatted)}",
                    err=True,
                )
    print_warnings([w for o in outcomes for w in o.warnings], verbose=verbose)
    return outcomes


def _summary(outcome: Outcome) -> str:
    label = outcome.job.output_label
    seconds = sum(t for _, t in outcome.timings)
    if outcome.status == "unchanged":
        return f"{label}: up to date ({seconds:.2f} s)"
    parts = [f"{len(outcome.written)} written"]
    if outcome.deleted:
        parts.append(f"{len(outcome.deleted)} stale removed")
    return f"{label}: {outcome.files} files, {', '.join(parts)} ({seconds:.2f} s)"


def _total(outcomes: Sequence[Outcome], *, check: bool, seconds: float) -> str:
    """`generated 4 SDKs (222 files, 3 changed) in 1.3 s`, or `checked ...` for --check."""
    sdks = f"{len(outcomes)} SDK{'s' if len(outcomes) != 1 else ''}"
    files = sum(o.files for o in outcomes)
    if check:
        stale = sum(len(o.changes) for o in outcomes)
        state = f"{stale} out of date" if stale else "up to date"
        return f"checked {sdks} ({files} files, {state}) in {seconds:.1f} s"
    changed = sum(len(o.written) + len(o.deleted) for o in outcomes)
    return f"generated {sdks} ({files} files, {changed} changed) in {seconds:.1f} s"


def _report_stale(outcomes: Sequence[Outcome]) -> None:
    stale = [o for o in outcomes if o.status == "stale"]
    if not stale:
        return
    for outcome in stale:
        out = outcome.job.output_label
        for change in outcome.changes:
            click.echo(f"{out}/{change.path}: {change.describe()}", err=True)
    total = sum(len(o.changes) for o in stale)
    click.echo(
        f"{total} generated file(s) out of date; run `sdkforge generate` to update them",
        err=True,
    )


# ----------------------------------------------------------------- terminal output


class Progress:
    """One status line on a terminal (`\\r`-rewritten): stage, and a count with a bar."""

    WIDTH = 24

    def __init__(self, label: str, *, enabled: bool) -> None:
        self.label = label
        self.enabled = enabled
        self.name = ""
        self.total: int | None = None
        self.done = 0
        self._last = 0.0
        self._shown = False

    def stage(self, name: str, total: int | None = None) -> None:
        self.name, self.total, self.done = name, total, 0
        self._draw(force=True)

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._draw(force=self.total is not None and self.done >= self.total)

    def _draw(self, *, force: bool) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self._last < 0.05:
            return
        self._last = now
        line = f"{self.label}: {self.name}"
        if self.total:
            filled = self.WIDTH * self.done // self.total
            line += f" [{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total}"
        click.echo(f"\r\x1b[2K{line}", nl=False, err=True)
        self._shown = True

    def close(self) -> None:
        if self._shown:
            click.echo("\r\x1b[2K", nl=False, err=True)
            self._shown = False


SHOWN_PER_CODE = 3


def print_warnings(warnings: Sequence[Diagnostic], *, verbose: bool) -> None:
    """Warnings grouped by code, each group counted; a few examples each unless verbose."""
    groups: dict[str, list[Diagnostic]] = {}
    seen: set[Diagnostic] = set()
    for w in warnings:
        if w in seen:
            continue
        seen.add(w)
        groups.setdefault(w.code, []).append(w)
    for code in sorted(groups):
        items = groups[code]
        severity = "error" if any(w.severity == "error" for w in items) else "warning"
        click.echo(
            f"{severity}[{code}]: {len(items)} occurrence{'s' if len(items) != 1 else ''}",
            err=True,
        )
        shown = items if verbose else items[:SHOWN_PER_CODE]
        for w in shown:
            click.echo(f"  {w.render()}", err=True)
        if len(items) > len(shown):
            click.echo(
                f"  ... and {len(items) - len(shown)} more (--verbose lists them all)",
                err=True,
            )

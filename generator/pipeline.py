"""One SDK, end to end: load → build → flavor → target plan → render + format → write.

Three levels of reuse keep regeneration cheap:
1. a run fingerprint (spec bytes, options, formatter, generator code) checked against
   the last run's record and the manifest on disk: nothing changed → nothing parsed;
2. the built IR, cached by the content of every spec file it was built from;
3. per-file keys (`PlannedFile.key`): only files whose key changed are rendered and
   formatted; the rest are kept as they are on disk or taken from the cache.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from generator.cache import Cache, RunRecord, digest, file_digest, generator_digest
from generator.diagnostics import Diagnostic, SpecError
from generator.lock import LOCK_TIMEOUT, Busy, output_lock
from generator.plan import FilePlan, Formatter, PlannedFile, TargetOptions
from generator.write import (
    MANIFEST,
    Change,
    Manifest,
    OutputFile,
    compare,
    disk_digests,
    read_manifest,
    sha256_text,
    write_output,
)

if TYPE_CHECKING:
    from generator.flavors.flavor import Flavor, GroupBy
    from generator.ir.model import Api

BUILTIN_TARGETS = ("python", "typescript")

PlanFn = Callable[["Api", "Flavor", TargetOptions], FilePlan]
ApiLoader = Callable[[Path, str, "Path | None"], tuple["Api", tuple[Path, ...]]]
"""(spec path to read, spec label as given, cache folder) → (IR, every spec file read)."""

_registered_targets: dict[str, PlanFn] = {}
_api_loader: ApiLoader | None = None
_api_memo: dict[str, tuple[Api, tuple[Path, ...], str | None]] = {}


def register_target(name: str, plan: PlanFn) -> None:
    """Make `plan` the target called `name` (plug-ins, and tests' small targets)."""
    _registered_targets[name] = plan


def set_api_loader(loader: ApiLoader | None) -> None:
    """Replace load + build (tests drive the pipeline with hand-made IRs)."""
    global _api_loader
    _api_loader = loader
    _api_memo.clear()


@dataclass(frozen=True)
class Job:
    spec: Path
    """The spec file to read."""
    spec_label: str
    """The spec path as the user gave it; generated headers quote it."""
    target: str
    output: Path
    package_name: str
    client_name: str | None = None
    flavor: str | None = None
    formatter: Formatter = "black"
    group_by: GroupBy | None = None
    """None → the flavor's own grouping."""
    strict: bool = False
    """The spec's warts (`generator.load.warts`) are errors, not warnings."""

    @property
    def output_label(self) -> str:
        try:
            return self.output.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return str(self.output)


Status = Literal["unchanged", "written", "clean", "stale"]


@dataclass(frozen=True)
class Outcome:
    job: Job
    status: Status
    files: int = 0
    written: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    """`--check`: what differs."""
    rendered: tuple[str, ...] = ()
    """Files rendered by this run (the others were reused)."""
    formatted: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    timings: tuple[tuple[str, float], ...] = ()


class Reporter(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, count: int = 1) -> None: ...


class _Silent:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


@dataclass
class _Clock:
    timings: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings.append((name, time.perf_counter() - start))


def run(
    job: Job,
    *,
    cache: Cache | None,
    check: bool = False,
    reporter: Reporter | None = None,
    lock_timeout: float = LOCK_TIMEOUT,
) -> Outcome:
    """Generate (or with `check`, compare) one SDK.

    A writing run holds the lock of its output folder while it renders, writes and
    records, so two runs into one folder never interleave; a second run waits up to
    `lock_timeout` seconds for it, then fails.
    """
    report = reporter or _Silent()
    clock = _Clock()
    with clock.stage("fingerprint"):
        record = cache.run_record(job.output) if cache is not None else None
        up_to_date = record is not None and _up_to_date(job, record)
    if up_to_date:
        manifest = read_manifest(job.output) or Manifest(files=())
        return Outcome(
            job,
            "clean" if check else "unchanged",
            files=len(manifest.files) + len(manifest.hand_written),
            timings=tuple(clock.timings),
        )

    report.stage("load")
    with clock.stage("load"):
        api, inputs = _load_api(job, cache)
        if job.strict:
            from generator.load.warts import refuse_warts

            refuse_warts(api.warnings)
    warnings = list(api.warnings)

    report.stage("flavor")
    with clock.stage("flavor"):
        from generator.flavors import apply
        from generator.flavors.per_sdk import client_class, for_sdk

        flavor = for_sdk(
            choose_flavor(job.flavor, api),
            package_name=job.package_name,
            group_by=job.group_by,
        )

        api = apply(api, flavor, job.target)
        seen = set(warnings)
        warnings.extend(w for w in api.warnings if w not in seen)

    report.stage("plan")
    with clock.stage("plan"):
        options = TargetOptions(
            package_name=job.package_name,
            client_name=job.client_name or client_class(flavor, api, job.package_name),
        )
        plan = target_plan(job.target)(api, flavor, options)
        warnings.extend(plan.warnings)

    with ExitStack() as held:
        if not check:  # --check writes nothing and takes no lock
            report.stage("lock")
            with clock.stage("lock"):
                try:
                    held.enter_context(output_lock(job.output, lock_timeout))
                except Busy as busy:
                    raise _busy_error(job, busy, lock_timeout) from None
            if cache is not None:
                record = cache.run_record(job.output)  # a run we waited for saved one
        files, rendered, formatted, keys, format_warnings = _produce(
            job, plan, record, cache, report, clock
        )
        warnings.extend(format_warnings)

        report.stage("write")
        with clock.stage("write"):
            if check:
                changes = compare(job.output, files)
                outcome = Outcome(
                    job,
                    "stale" if changes else "clean",
                    files=len(files),
                    changes=changes,
                    rendered=rendered,
                    formatted=formatted,
                    warnings=tuple(warnings),
                )
                if changes and cache is not None:
                    cache.forget_run(job.output)
            else:
                result = write_output(job.output, files)
                outcome = Outcome(
                    job,
                    "written" if result.changed else "unchanged",
                    files=len(files),
                    written=result.written,
                    deleted=result.deleted,
                    rendered=rendered,
                    formatted=formatted,
                    warnings=tuple(warnings),
                )
            if cache is not None and outcome.status != "stale":
                _save_record(job, cache, inputs, keys)
    return replace(outcome, timings=tuple(clock.timings))


def _busy_error(job: Job, busy: Busy, timeout: float) -> SpecError:
    holder = f" (process {busy.holder})" if busy.holder.isdigit() else ""
    return SpecError.at(
        f"another sdkforge run{holder} is writing this folder; gave up after "
        f"{timeout:g} s (--lock-timeout)",
        code="output-locked",
        file=job.output_label,
    )


# ----------------------------------------------------------------- fingerprint


def fingerprint(job: Job, inputs: Sequence[str]) -> str:
    from generator.format import formatter_identity

    parts: list[str] = [
        generator_digest(),
        formatter_identity(job.formatter),
        job.spec_label,
        job.target,
        _target_identity(job.target),
        job.package_name,
        job.client_name or "",
        job.flavor or "",
        job.group_by or "",
        "strict" if job.strict else "",
    ]
    for path in inputs:
        parts.append(path)
        parts.append(file_digest(Path(path)))
    return digest(*parts)


def _target_identity(name: str) -> str:
    """Plug-in targets live outside the generator: their code is part of the fingerprint."""
    if name in BUILTIN_TARGETS or name in _registered_targets:
        return name
    try:
        module = importlib.import_module(name)
        source = getattr(module, "__file__", None)
        return digest(name, Path(source).read_bytes()) if source else name
    except (ImportError, OSError):
        return name


def _up_to_date(job: Job, record: RunRecord) -> bool:
    try:
        if fingerprint(job, record.inputs) != record.fingerprint:
            return False
        manifest_text = (job.output / MANIFEST).read_bytes()
    except OSError:
        return False
    if digest(manifest_text) != record.manifest_digest:
        return False
    manifest = read_manifest(job.output)
    if manifest is None:
        return False
    expected = manifest.digests()
    now = disk_digests(job.output, expected)
    if any(now[p] != sha for p, sha in expected.items()):
        return False
    return all((job.output / p).exists() for p in manifest.hand_written)


def _save_record(
    job: Job, cache: Cache, inputs: tuple[Path, ...], keys: dict[str, str]
) -> None:
    try:
        manifest_text = (job.output / MANIFEST).read_bytes()
    except OSError:
        return
    names = tuple(str(p) for p in inputs)
    cache.save_run_record(
        job.output,
        RunRecord(
            fingerprint=fingerprint(job, names),
            inputs=names,
            manifest_digest=digest(manifest_text),
            keys=tuple(sorted(keys.items())),
        ),
    )


# ----------------------------------------------------------------- load + build


def _default_loader(
    spec: Path, label: str, cache_dir: Path | None
) -> tuple[Api, tuple[Path, ...]]:
    from generator.ir.build import build
    from generator.load import load

    given = Path(label)
    path = label if given.resolve() == spec.resolve() else str(spec)
    document = load(path, cache_dir=cache_dir)
    api = build(document)
    extra = [w for w in document.warnings if w not in api.warnings]
    if extra:
        api = replace(api, warnings=tuple(extra) + api.warnings)
    read = {spec.resolve()} | {Path(f).resolve() for f in document.files}
    return api, tuple(sorted(read))


def _load_api(job: Job, cache: Cache | None) -> tuple[Api, tuple[Path, ...]]:
    """Load and build, once per spec and process (several SDKs often share a spec).

    The IR is not cached on disk: unpickling it costs about as much as building it
    again from the loader's own parse cache, and pickling it would slow every run.
    """
    if not job.spec.is_file():
        raise SpecError.at(
            "spec file not found", code="missing-spec", file=job.spec_label
        )
    spec = job.spec.resolve()
    memo = _api_memo.get(str(spec))
    if memo is not None:
        api, inputs, key = memo
        if key is not None and _content_key(spec, inputs) == key:
            return replace(api, source_file=job.spec_label), inputs
    loader = _api_loader or _default_loader
    api, inputs = loader(
        spec, job.spec_label, cache.root / "load" if cache is not None else None
    )
    _api_memo[str(spec)] = (api, inputs, _content_key(spec, inputs))
    return replace(api, source_file=job.spec_label), inputs


def _content_key(spec: Path, inputs: Sequence[Path]) -> str | None:
    try:
        parts: list[str] = [generator_digest(), str(spec)]
        for p in inputs:
            parts.append(str(p))
            parts.append(file_digest(p))
        return digest(*parts)
    except OSError:
        return None


def choose_flavor(name: str | None, api: Api) -> Flavor:
    """The flavor called `name`, or the one the spec suggests when none is named."""
    if name is None:
        from generator.flavors import detect

        return detect(api)
    from generator.flavors.flavor import FLAVORS

    try:
        return FLAVORS[name]
    except KeyError:
        raise SpecError.at(
            f"unknown flavor {name!r} (choose from {', '.join(sorted(FLAVORS))})",
            code="usage",
        ) from None


def plan_only(
    api: Api, target: str, flavor: str | None = None, client_name: str | None = None
) -> FilePlan:
    """What `target` would generate for a built IR, nothing rendered: its file plan, the
    identifiers it gives out and its warnings (`inspect` lists them, `diff` compares
    them). The client takes the flavor's name unless one is given."""
    from generator.flavors import apply
    from generator.flavors.per_sdk import client_class, for_sdk

    chosen = for_sdk(choose_flavor(flavor, api), package_name="sdk", group_by=None)
    options = TargetOptions("sdk", client_name or client_class(chosen, api, "sdk"))
    return target_plan(target)(apply(api, chosen), chosen, options)


def target_plan(name: str) -> PlanFn:
    if name in _registered_targets:
        return _registered_targets[name]
    module_name = f"generator.targets.{name}" if name in BUILTIN_TARGETS else name
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name is not None and module_name.startswith(err.name):
            raise SpecError.at(f"unknown target {name!r}", code="usage") from None
        raise
    plan = getattr(module, "plan", None)
    if plan is None:
        raise SpecError.at(
            f"target {name!r} has no plan(api, flavor, options)", code="usage"
        )
    return plan  # type: ignore[no-any-return]


# ----------------------------------------------------------------- render + format


def _cache_key(job: Job, planned: PlannedFile) -> str:
    from generator.format import formatter_identity

    return digest(
        "file",
        formatter_identity(job.formatter),
        planned.path,
        planned.language,
        planned.key,
    )


def _produce(
    job: Job,
    plan: FilePlan,
    record: RunRecord | None,
    cache: Cache | None,
    report: Reporter,
    clock: _Clock,
) -> tuple[
    list[OutputFile],
    tuple[str, ...],
    tuple[str, ...],
    dict[str, str],
    tuple[Diagnostic, ...],
]:
    from generator.format import Unformatted, format_files

    manifest = read_manifest(job.output) or Manifest(files=())
    previous_keys = dict(record.keys) if record is not None else {}
    if record is not None:
        try:
            if digest((job.output / MANIFEST).read_bytes()) != record.manifest_digest:
                previous_keys = {}
        except OSError:
            previous_keys = {}
    old_digests = manifest.digests()
    on_disk = disk_digests(
        job.output,
        [f.path for f in plan.files if f.path in old_digests or not f.overwrite],
    )

    keys: dict[str, str] = {}
    results: dict[str, OutputFile] = {}
    to_render: list[PlannedFile] = []
    with clock.stage("reuse"):
        for planned in plan.files:
            key = _cache_key(job, planned)
            keys[planned.path] = key
            disk = on_disk.get(planned.path)
            if not planned.overwrite and disk is not None:
                results[planned.path] = OutputFile(
                    planned.path, None, disk, overwrite=False
                )
                continue
            if (
                planned.overwrite
                and previous_keys.get(planned.path) == key
                and disk is not None
            ):
                if old_digests.get(planned.path) == disk:
                    results[planned.path] = OutputFile(planned.path, None, disk)
                    continue
            text = cache.get_text("file", key) if cache is not None else None
            if text is not None:
                results[planned.path] = OutputFile.of(
                    planned.path, text, planned.overwrite
                )
            else:
                to_render.append(planned)

    report.stage("render", len(to_render))
    raw: list[Unformatted] = []
    with clock.stage("render"):
        for planned in to_render:
            raw.append(
                Unformatted(
                    planned.path,
                    planned.language,
                    planned.render(),
                    planned.preformatted,
                )
            )
            report.advance()

    report.stage("format", len(raw))
    with clock.stage("format"):
        outcome = format_files(raw, job.formatter, cache)
    for planned, text in zip(to_render, outcome.texts, strict=True):
        results[planned.path] = OutputFile(
            planned.path, text, sha256_text(text), planned.overwrite
        )
        if cache is not None:
            cache.put_text("file", keys[planned.path], text)
    ordered = [results[f.path] for f in plan.files]
    return (
        ordered,
        tuple(p.path for p in to_render),
        outcome.formatted,
        keys,
        outcome.warnings,
    )

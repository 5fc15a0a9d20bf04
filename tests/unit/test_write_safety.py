"""The output folder is swapped in whole; people's files and hand-written homes survive."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fakesdk  # noqa: E402

from generator.cache import Cache  # noqa: E402
from generator.pipeline import Job, run  # noqa: E402
from generator.write import (
    MANIFEST,
    OutputFile,
    read_manifest,
    write_output,
)  # noqa: E402

MODELS = {"Run": {"id": "string", "status": "string"}, "Step": {"id": "string"}}


@pytest.fixture
def fake() -> Iterator[None]:
    fakesdk.install()
    yield
    fakesdk.uninstall()


def _job(tmp_path: Path, spec: Path) -> Job:
    return Job(
        spec=spec,
        spec_label="spec.json",
        target=fakesdk.TARGET,
        output=tmp_path / "out",
        package_name="pkg",
        client_name="Client",
        flavor="openai",
        formatter="none",
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_person_file_survives_regeneration(tmp_path: Path, fake: None) -> None:
    spec = fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    job = _job(tmp_path, spec)
    run(job, cache=Cache(tmp_path / "cache"))
    (job.output / "NOTES.md").write_text("mine\n")
    (job.output / "pkg" / "models" / "helpers.py").write_text("X = 1\n")
    fakesdk.write_spec(
        spec, {"Run": {"id": "string"}}
    )  # Step goes away: its module is stale
    outcome = run(job, cache=Cache(tmp_path / "cache"))
    assert outcome.deleted == ("pkg/models/step.py",)
    assert (job.output / "NOTES.md").read_text() == "mine\n"
    assert (job.output / "pkg" / "models" / "helpers.py").read_text() == "X = 1\n"
    assert not (job.output / "pkg" / "models" / "step.py").exists()


def test_folder_emptied_of_generated_files_is_removed(
    tmp_path: Path, fake: None
) -> None:
    spec = fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    job = _job(tmp_path, spec)
    run(job, cache=None)
    fakesdk.write_spec(spec, {})
    run(job, cache=None)
    assert not (job.output / "pkg" / "models").exists()
    assert (job.output / "pkg" / "_patch.py").exists()


def test_patch_customisation_survives_regeneration(tmp_path: Path, fake: None) -> None:
    spec = fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    job = _job(tmp_path, spec)
    run(job, cache=Cache(tmp_path / "cache"))
    patch = job.output / "pkg" / "_patch.py"
    custom = '__all__: list[str] = ["helper"]\n\n\ndef helper() -> int:\n    return 42\n\n\ndef patch_sdk() -> None: ...\n'
    patch.write_text(custom)
    fakesdk.write_spec(spec, {**MODELS, "Thread": {"id": "string"}})
    outcome = run(job, cache=Cache(tmp_path / "cache"))
    assert outcome.status == "written"
    assert "pkg/models/thread.py" in outcome.written
    assert patch.read_text() == custom
    # and --check does not call the customised home stale
    assert run(job, cache=None, check=True).status == "clean"


def test_deleted_patch_is_recreated(tmp_path: Path, fake: None) -> None:
    spec = fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    job = _job(tmp_path, spec)
    run(job, cache=Cache(tmp_path / "cache"))
    (job.output / "pkg" / "_patch.py").unlink()
    assert run(job, cache=Cache(tmp_path / "cache"), check=True).status == "stale"
    run(job, cache=Cache(tmp_path / "cache"))
    assert "def patch_sdk" in (job.output / "pkg" / "_patch.py").read_text()


def test_manifest_lists_generated_files_sorted_without_timestamps(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    files = [
        OutputFile.of("b/z.py", "z\n"),
        OutputFile.of("a.txt", "a\n"),
        OutputFile.of("b/_patch.py", "", overwrite=False),
    ]
    write_output(out, files)
    data = json.loads((out / MANIFEST).read_text())
    assert list(data["files"]) == ["a.txt", "b/z.py"]
    assert data["hand_written"] == ["b/_patch.py"]
    assert set(data) == {"generator", "files", "hand_written"}
    manifest = read_manifest(out)
    assert manifest is not None and manifest.digests()["a.txt"] == files[1].sha256


def test_rewrite_of_identical_output_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = [OutputFile.of("a.txt", "a\n")]
    write_output(out, files)
    inode = (out / "a.txt").stat().st_ino
    result = write_output(out, files)
    assert not result.changed
    assert (out / "a.txt").stat().st_ino == inode


def test_person_symlink_and_folder_survive(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_output(out, [OutputFile.of("a.txt", "a\n")])
    (out / "mine").mkdir()
    (out / "mine" / "data.bin").write_bytes(b"\x00\x01")
    (out / "link").symlink_to("a.txt")
    write_output(out, [OutputFile.of("a.txt", "b\n")])
    assert (out / "a.txt").read_text() == "b\n"
    assert (out / "mine" / "data.bin").read_bytes() == b"\x00\x01"
    assert os.readlink(out / "link") == "a.txt"


def test_paths_escaping_the_output_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_output(tmp_path / "out", [OutputFile.of("../evil.py", "x")])
    with pytest.raises(ValueError):
        write_output(tmp_path / "out", [OutputFile.of(MANIFEST, "x")])
    assert not (tmp_path / "evil.py").exists()


# ----------------------------------------------------------------- kills


def _project(tmp_path: Path) -> tuple[Path, Path]:
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkforge]\nformatter = "none"\n[[tool.sdkforge.sdk]]\n'
        'spec = "spec.json"\nflavor = "openai"\ntarget = "fake"\noutput = "out"\npackage-name = "pkg"\n'
    )
    return fakesdk.runner_script(tmp_path), tmp_path / "out"


def _sdkforge(
    script: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        cwd=script.parent,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(path: Path, proc: subprocess.Popen[bytes], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never reached the expected point"
        time.sleep(0.01)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@pytest.mark.parametrize("where", ["render", "swap"])
def test_kill_mid_generation_leaves_old_output_intact(
    tmp_path: Path, where: str
) -> None:
    script, out = _project(tmp_path)
    first = _sdkforge(script, "generate", "--no-cache")
    assert first.wait() == 0, first.communicate()
    (out / "NOTES.md").write_text("mine\n")
    before = _tree(out)
    fakesdk.write_spec(
        tmp_path / "spec.json", {"Run": {"id": "integer"}, "Thread": {"id": "string"}}
    )
    if where == "render":
        marker = tmp_path / "rendering"
        proc = _sdkforge(
            script,
            "generate",
            "--no-cache",
            env={"FAKESDK_SLOW": "30", "FAKESDK_RENDERING": str(marker)},
        )
        _wait_for(marker, proc)
    else:
        proc = _sdkforge(
            script, "generate", "--no-cache", env={"SDKFORGE_PAUSE_BEFORE_SWAP": "30"}
        )
        ready = tmp_path / f".out.sdkforge-new-{proc.pid}.ready"
        _wait_for(ready, proc)
        # the new tree is complete beside the output, only the swap is left
        assert (
            tmp_path / f".out.sdkforge-new-{proc.pid}" / "pkg" / "models" / "thread.py"
        ).exists()
    _kill(proc)
    assert _tree(out) == before
    # the next run cleans up what the killed one left and finishes the job
    again = _sdkforge(script, "generate", "--no-cache")
    assert again.wait() == 0, again.communicate()
    assert (out / "pkg" / "models" / "thread.py").exists()
    assert (out / "NOTES.md").read_text() == "mine\n"
    assert [p.name for p in tmp_path.iterdir() if ".sdkforge-" in p.name] == []


# ----------------------------------------------------------------- two runs, one folder


def _assert_consistent(out: Path) -> None:
    manifest = read_manifest(out)
    assert manifest is not None
    tree = _tree(out)
    for path, sha in manifest.files:
        assert hashlib.sha256(tree[path]).hexdigest() == sha, path
    assert set(tree) == {p for p, _ in manifest.files} | set(manifest.hand_written) | {MANIFEST}


def test_two_runs_into_one_folder_do_not_interleave(tmp_path: Path) -> None:
    script, out = _project(tmp_path)
    rendering, loading, release = (tmp_path / n for n in ("rendering", "loading", "release"))
    first = _sdkforge(
        script,
        "generate",
        env={"FAKESDK_RENDERING": str(rendering), "FAKESDK_HOLD": str(release)},
    )
    _wait_for(rendering, first)  # the first run holds the lock and is rendering
    second = _sdkforge(script, "generate", "--no-cache", env={"FAKESDK_LOADING": str(loading)})
    _wait_for(loading, second)
    impatient = _sdkforge(script, "generate", "--lock-timeout", "0")
    assert impatient.wait() == 2
    message = impatient.communicate()[1].decode()
    assert f"out: error: another sdkforge run (process {first.pid}) is writing this folder" in message
    assert "Traceback" not in message
    assert second.poll() is None, "the second run did not wait for the first"
    release.touch()
    first_err = first.communicate()[1].decode()
    second_err = second.communicate()[1].decode()
    assert first.returncode == 0 and second.returncode == 0, (first_err, second_err)
    assert "(5 files, 5 changed)" in first_err
    # the second run started only once the first had written everything
    assert "(5 files, 0 changed)" in second_err
    _assert_consistent(out)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []


def test_a_killed_run_leaves_no_lock_behind(tmp_path: Path) -> None:
    script, out = _project(tmp_path)
    rendering = tmp_path / "rendering"
    proc = _sdkforge(
        script,
        "generate",
        env={"FAKESDK_RENDERING": str(rendering), "FAKESDK_HOLD": str(tmp_path / "never")},
    )
    _wait_for(rendering, proc)
    _kill(proc)
    lock = tmp_path / ".out.sdkforge.lock"
    assert lock.read_text() == f"{proc.pid}\n"  # left behind, but no longer held
    again = _sdkforge(script, "generate", "--lock-timeout", "0")
    assert again.wait() == 0, again.communicate()
    _assert_consistent(out)
    assert not lock.exists()

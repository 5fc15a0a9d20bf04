"""`generated/` must equal a fresh generation of every configured SDK, byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from generator.config import SdkConfig, load_config
from generator.pipeline import Job, run
from generator.write import MANIFEST, read_manifest

REPO = Path(__file__).resolve().parents[2]
CONFIG = load_config(REPO / "pyproject.toml")
REGENERATE = "sdkforge generate"


def _params() -> list[object]:
    return [pytest.param(sdk, id=sdk.output) for sdk in CONFIG.sdks]


def _generated_files(root: Path) -> dict[str, bytes]:
    """What the generator owns in `root`: the files its manifest lists, and the manifest."""
    manifest = read_manifest(root)
    if manifest is None:
        return {}
    files = {
        path: (root / path).read_bytes()
        for path, _ in manifest.files
        if (root / path).is_file()
    }
    files[MANIFEST] = (root / MANIFEST).read_bytes()
    return files


def _first_diff(path: str, committed: bytes, fresh: bytes) -> str:
    lines = difflib.unified_diff(
        committed.decode("utf-8", "replace").splitlines(),
        fresh.decode("utf-8", "replace").splitlines(),
        f"generated: {path}",
        f"fresh: {path}",
        lineterm="",
        n=2,
    )
    return "\n".join(list(lines)[:40])


@pytest.mark.parametrize("sdk", _params())
def test_generated_is_up_to_date(sdk: SdkConfig, tmp_path: Path) -> None:
    fresh_root = tmp_path / "fresh"
    job = Job(
        spec=CONFIG.path(sdk.spec),
        spec_label=sdk.spec,
        target=sdk.target,
        output=fresh_root,
        package_name=sdk.package_name,
        client_name=sdk.client_name,
        flavor=sdk.flavor,
        formatter=sdk.formatter or CONFIG.formatter,
    )
    run(job, cache=None)
    committed_root = CONFIG.path(sdk.output)
    fresh = _generated_files(fresh_root)
    committed = _generated_files(committed_root)
    problems = [
        f"{sdk.output}/{p}: missing" for p in sorted(set(fresh) - set(committed))
    ]
    problems += [
        f"{sdk.output}/{p}: no longer generated"
        for p in sorted(set(committed) - set(fresh))
    ]
    changed = sorted(p for p in set(fresh) & set(committed) if fresh[p] != committed[p])
    problems += [f"{sdk.output}/{p}: differs" for p in changed]
    fresh_manifest = read_manifest(fresh_root)
    assert fresh_manifest is not None
    problems += [
        f"{sdk.output}/{p}: hand-written home missing"
        for p in fresh_manifest.hand_written
        if not (committed_root / p).exists()
    ]
    if problems:
        detail = (
            _first_diff(changed[0], committed[changed[0]], fresh[changed[0]])
            if changed
            else ""
        )
        pytest.fail(
            f"generated/ is out of date with {sdk.spec}; regenerate it with `{REGENERATE}` and review the diff.\n"
            + "\n".join(problems[:50])
            + (f"\n... and {len(problems) - 50} more" if len(problems) > 50 else "")
            + (f"\n\n{detail}" if detail else ""),
            pytrace=False,
        )

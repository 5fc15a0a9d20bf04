"""`--strict`: the warts of a spec are one located error (exit 2), and nothing is written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_load_warts import EXPECTED, REPO, WARTS, _generate


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_strict_inspect_refuses_each_wart_with_its_place(fixture: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "inspect",
            "--strict",
            str(WARTS / fixture),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    (message,) = result.stderr.strip().splitlines()
    code, pointer, line = min(EXPECTED[fixture], key=lambda e: (e[2], e[1] or ""))
    assert message.startswith(f"{WARTS / fixture}:{line}:"), message
    where = f" at #{pointer}: error: " if pointer is not None else f":{line}:9: error: "
    assert where in message, message
    assert f"[{code}, refused by --strict]" in message
    if len(EXPECTED[fixture]) > 1:
        assert f"(and {len(EXPECTED[fixture]) - 1} more)" in message


def test_strict_generate_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = _generate(WARTS / "null_keywords.yaml", "python", out, "--strict")
    assert result.exit_code == 2, result.stderr
    assert result.stderr.strip() == (
        f"{WARTS / 'null_keywords.yaml'}:2:1 at #/info: error: `info` is null;"
        " read as if it were absent [null-value, refused by --strict] (and 3 more)"
    )
    assert not out.exists()


def test_strict_accepts_a_clean_spec(tmp_path: Path) -> None:
    result = _generate(Path("specs/openai/runs.yaml"), "python", tmp_path, "--strict")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "warts_sdk" / "_client.py").is_file()

"""`sdkforge generate`: config-driven and single-SDK runs, --check, exit codes, terminal output."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fakesdk  # noqa: E402

from generator.cli import cli  # noqa: E402
from generator.commands.generate import print_warnings  # noqa: E402
from generator.diagnostics import Diagnostic  # noqa: E402

MODELS = {"Run": {"id": "string"}, "Step": {"id": "string"}}
CONFIG = """\
[tool.sdkforge]
formatter = "none"
cache-dir = "cache"

[[tool.sdkforge.sdk]]
spec = "spec.json"
flavor = "openai"
target = "fake"
output = "out/one"
package-name = "one"

[[tool.sdkforge.sdk]]
spec = "spec.json"
flavor = "azure"
target = "fake"
output = "out/two"
package-name = "two"
client-name = "TwoClient"
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    fakesdk.install()
    fakesdk.write_spec(tmp_path / "spec.json", MODELS)
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    fakesdk.uninstall()


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_no_arguments_generates_every_configured_sdk(project: Path) -> None:
    code, out, err = _invoke("generate")
    assert code == 0, err
    assert (project / "out" / "one" / "one" / "models" / "run.py").exists()
    assert (project / "out" / "two" / "two" / "models" / "step.py").exists()
    assert "client TwoClient" in (project / "out" / "two" / "README.txt").read_text()
    assert "(azure," in (project / "out" / "two" / "README.txt").read_text()
    # not a terminal and not verbose: only the summary line
    assert out == ""
    assert re.fullmatch(r"generated 2 SDKs \(10 files, 10 changed\) in \d+\.\d s\n", err)
    assert (project / "cache" / ".gitignore").read_text() == "*\n"


def test_summary_line_counts_what_changed_and_quiet_silences_it(project: Path) -> None:
    assert _invoke("generate")[0] == 0
    code, _, err = _invoke("generate")
    assert code == 0 and re.fullmatch(r"generated 2 SDKs \(10 files, 0 changed\) in \S+ s\n", err)
    fakesdk.write_spec(project / "spec.json", {"Run": {"id": "integer"}})
    code, _, err = _invoke("generate", "--no-cache")
    # each SDK: run.py and __init__.py rewritten, step.py removed
    assert code == 0 and err.startswith("generated 2 SDKs (8 files, 6 changed) in ")
    assert _invoke("generate", "--quiet") == (0, "", "")
    assert _invoke("generate", "--quiet", "--check") == (0, "", "")


def test_check_summary_line(project: Path) -> None:
    assert _invoke("generate")[0] == 0
    code, _, err = _invoke("generate", "--check")
    assert code == 0 and re.fullmatch(r"checked 2 SDKs \(10 files, up to date\) in \S+ s\n", err)
    (project / "out" / "one" / "README.txt").write_text("edited\n")
    code, _, err = _invoke("generate", "--check", "--no-cache")
    assert code == 1
    assert "out/one/README.txt: differs" in err
    assert err.splitlines()[-1].startswith("checked 2 SDKs (10 files, 1 out of date) in ")
    code, _, err = _invoke("generate", "--check", "--no-cache", "--quiet")
    assert code == 1 and "out/one/README.txt: differs" in err and "checked" not in err


def test_check_is_clean_after_generate_and_names_stale_files(project: Path) -> None:
    assert _invoke("generate")[0] == 0
    assert _invoke("generate", "--check")[0] == 0
    fakesdk.write_spec(
        project / "spec.json", {"Run": {"id": "integer"}, "Thread": {"id": "string"}}
    )
    before = (project / "out" / "one" / "one" / "models" / "run.py").read_text()
    code, _, err = _invoke("generate", "--check")
    assert code == 1
    assert "out/one/one/models/run.py: differs" in err
    assert "out/one/one/models/thread.py: missing" in err
    assert "out/one/one/models/step.py: stale" in err
    assert "out/two/two/models/run.py: differs" in err
    assert "sdkforge generate" in err
    # --check wrote nothing
    assert (project / "out" / "one" / "one" / "models" / "run.py").read_text() == before
    assert not (project / "out" / "one" / "one" / "models" / "thread.py").exists()
    assert _invoke("generate")[0] == 0
    assert _invoke("generate", "--check")[0] == 0


def test_check_without_cache_compares_real_content(project: Path) -> None:
    assert _invoke("generate")[0] == 0
    (project / "out" / "one" / "README.txt").write_text("edited\n")
    code, _, err = _invoke("generate", "--check", "--no-cache")
    assert code == 1 and "out/one/README.txt: differs" in err


def test_one_sdk_from_the_command_line(project: Path) -> None:
    code, _, err = _invoke(
        "generate",
        "spec.json",
        "--flavor",
        "openai",
        "--target",
        "fake",
        "--output",
        "single",
        "--package-name",
        "solo",
        "--client-name",
        "Solo",
    )
    assert code == 0, err
    assert (
        (project / "single" / "solo" / "models" / "run.py")
        .read_text()
        .startswith("# Generated by sdkforge from spec.json.")
    )
    assert not (project / "out").exists()


def test_flavor_is_detected_when_not_given(project: Path) -> None:
    code, _, err = _invoke(
        "generate",
        "spec.json",
        "--target",
        "fake",
        "--output",
        "single",
        "--package-name",
        "solo",
    )
    assert code == 0, err
    # No mark of OpenAI or Azure: the generic flavor, its client named from the title.
    assert "(generic, client Fake)" in (project / "single" / "README.txt").read_text()


def test_generic_flavor_and_group_by_flags(project: Path) -> None:
    args = ("generate", "spec.json", "--target", "fake", "--output", "single")
    code, _, err = _invoke(
        *args, "--package-name", "solo", "--flavor", "generic", "--group-by", "tags"
    )
    assert code == 0, err
    assert "(generic, client Fake)" in (project / "single" / "README.txt").read_text()
    code, _, err = _invoke(*args, "--package-name", "solo", "--group-by", "url")
    assert code == 2 and "'url' is not one of" in err


def test_verbose_prints_stage_times(project: Path) -> None:
    code, _, err = _invoke("generate", "--verbose")
    assert code == 0
    assert "out/one: 5 files, 5 written" in err
    assert "stages: fingerprint" in err and "render" in err
    code, _, err = _invoke("generate", "--verbose")
    assert "out/one: up to date" in err


@pytest.mark.parametrize(
    "args",
    [
        (
            "generate",
            "missing.json",
            "--target",
            "fake",
            "--output",
            "o",
            "--package-name",
            "p",
        ),
        ("generate", "spec.json", "--output", "o"),
        ("generate", "--output", "o"),
        (
            "generate",
            "spec.json",
            "--target",
            "nosuchtarget",
            "--output",
            "o",
            "--package-name",
            "p",
        ),
        (
            "generate",
            "spec.json",
            "--flavor",
            "gcp",
            "--output",
            "o",
            "--package-name",
            "p",
        ),
    ],
)
def test_bad_input_exits_2_without_traceback(
    project: Path, args: tuple[str, ...]
) -> None:
    code, _, err = _invoke(*args)
    assert code == 2
    assert "Traceback" not in err and err.strip()
    assert not (project / "o").exists()


def test_bad_config_exits_2(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.sdkforge]\nformatter = "yapf"\n')
    code, _, err = _invoke("generate")
    assert code == 2
    assert "pyproject.toml" in err and "formatter must be one of" in err


def test_empty_config_exits_2(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.sdkforge]\nformatter = "none"\n')
    code, _, err = _invoke("generate")
    assert code == 2 and "no SDKs configured" in err


def test_warnings_are_grouped_and_counted(capsys: pytest.CaptureFixture[str]) -> None:
    many = [
        Diagnostic("warning", "dropped-schema", f"schema S{i} dropped", "spec.yaml", i)
        for i in range(50)
    ]
    one = [Diagnostic("warning", "odd-enum", "enum E has duplicates", "spec.yaml", 7)]
    print_warnings(many + many + one, verbose=False)
    err = capsys.readouterr().err
    assert "warning[dropped-schema]: 50 occurrences" in err
    assert "warning[odd-enum]: 1 occurrence\n" in err
    assert err.count("dropped\n") == 3
    assert "... and 47 more" in err
    print_warnings(many, verbose=True)
    assert capsys.readouterr().err.count("dropped\n") == 50


def test_exit_codes_of_the_real_process(project: Path) -> None:
    """`main()` leaves through os._exit: the codes must survive it, and output must be flushed."""
    import subprocess

    script = fakesdk.runner_script(project)

    def sdkforge(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), *args],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )

    assert sdkforge("generate").returncode == 0
    assert sdkforge("generate", "--check").returncode == 0
    fakesdk.write_spec(project / "spec.json", {"Run": {"id": "integer"}})
    stale = sdkforge("generate", "--check")
    assert (
        stale.returncode == 1 and "out/one/one/models/run.py: differs" in stale.stderr
    )
    bad = sdkforge(
        "generate",
        "missing.json",
        "--target",
        "fake",
        "--output",
        "o",
        "--package-name",
        "p",
    )
    assert bad.returncode == 2 and "spec file not found" in bad.stderr
    assert (
        sdkforge("generate", "--verbose")
        .stderr.rstrip()
        .splitlines()[-1]
        .startswith("generated 2 SDKs (")
    )

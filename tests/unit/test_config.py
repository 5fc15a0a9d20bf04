"""`[tool.sdkforge]` in pyproject.toml: parsed, resolved against its folder, and validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import find_config, load_config, parse_config
from generator.diagnostics import SpecError

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
[project]
name = "x"

[tool.sdkforge]
formatter = "ruff"
cache-dir = "build/cache"

[[tool.sdkforge.sdk]]
spec = "specs/openai/runs.yaml"
flavor = "openai"
target = "python"
output = "generated/openai/python"
package-name = "openai_runs"
client-name = "OpenAI"

[[tool.sdkforge.sdk]]
spec = "specs/azure/runs.json"
target = "typescript"
output = "generated/azure/typescript"
package-name = "azure-agents-runs"
"""


def test_reads_every_sdk_with_paths_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(GOOD)
    config = load_config(tmp_path / "pyproject.toml")
    assert config.formatter == "ruff"
    assert config.cache_path == tmp_path / "build" / "cache"
    first, second = config.sdks
    assert (
        first.spec,
        first.flavor,
        first.target,
        first.package_name,
        first.client_name,
    ) == (
        "specs/openai/runs.yaml",
        "openai",
        "python",
        "openai_runs",
        "OpenAI",
    )
    assert config.path(first.output) == tmp_path / "generated" / "openai" / "python"
    assert second.flavor is None and second.client_name is None


def test_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(GOOD)
    (tmp_path / "deep" / "er").mkdir(parents=True)
    assert find_config(tmp_path / "deep" / "er") == tmp_path / "pyproject.toml"
    assert load_config(cwd=tmp_path / "deep" / "er").root == tmp_path


def test_no_config_means_defaults_and_no_sdks(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    config = load_config(cwd=tmp_path)
    assert (
        config.sdks == ()
        and config.formatter == "black"
        and config.cache_dir == ".sdkforge-cache"
    )


def test_group_by_project_wide_and_per_sdk(tmp_path: Path) -> None:
    sdk = {"spec": "a", "target": "python", "package-name": "p"}
    config = parse_config(
        {
            "group-by": "tags",
            "sdk": [
                {**sdk, "output": "one", "flavor": "generic"},
                {**sdk, "output": "two", "group-by": "operation-id"},
            ],
        },
        root=tmp_path,
    )
    assert config.group_by == "tags"
    assert [(s.flavor, s.group_by) for s in config.sdks] == [
        ("generic", None),
        (None, "operation-id"),
    ]


@pytest.mark.parametrize(
    ("table", "pointer", "words"),
    [
        ({"formatter": "yapf"}, "/tool/sdkforge/formatter", "formatter must be one of"),
        ({"colour": "blue"}, "/tool/sdkforge/colour", "unknown key"),
        (
            {"sdk": [{"spec": "a.yaml", "target": "python", "output": "o"}]},
            "/tool/sdkforge/sdk/0/package-name",
            "package-name",
        ),
        (
            {
                "sdk": [
                    {
                        "spec": "a",
                        "target": "python",
                        "output": "o",
                        "package-name": "p",
                        "flavor": "gcp",
                    }
                ]
            },
            "/tool/sdkforge/sdk/0/flavor",
            "flavor must be one of",
        ),
        (
            {
                "sdk": [
                    {
                        "spec": "a",
                        "target": "py thon",
                        "output": "o",
                        "package-name": "p",
                    }
                ]
            },
            "/tool/sdkforge/sdk/0/target",
            "target must be",
        ),
        ({"sdk": "nope"}, "/tool/sdkforge/sdk", "array of tables"),
        ({"group-by": "tag"}, "/tool/sdkforge/group-by", "group-by must be one of"),
        (
            {
                "sdk": [
                    {
                        "spec": "a",
                        "target": "python",
                        "output": "o",
                        "package-name": "p",
                        "group-by": "url",
                    }
                ]
            },
            "/tool/sdkforge/sdk/0/group-by",
            "group-by must be one of",
        ),
        (
            {
                "sdk": [
                    {
                        "spec": "a",
                        "target": "python",
                        "output": "o",
                        "package-name": "p",
                    }
                ]
                * 2
            },
            "/tool/sdkforge/sdk",
            "same output folder",
        ),
    ],
)
def test_mistakes_are_located_spec_errors(
    tmp_path: Path, table: dict[str, object], pointer: str, words: str
) -> None:
    with pytest.raises(SpecError) as err:
        parse_config(table, root=tmp_path, file=tmp_path / "pyproject.toml")
    assert err.value.diagnostic.pointer == pointer
    assert words in err.value.diagnostic.message
    assert err.value.diagnostic.file == str(tmp_path / "pyproject.toml")


def test_broken_toml_is_a_spec_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.sdkforge\n")
    with pytest.raises(SpecError) as err:
        load_config(tmp_path / "pyproject.toml")
    assert "not valid TOML" in err.value.diagnostic.message


def test_the_projects_own_config_is_valid() -> None:
    config = load_config(REPO / "pyproject.toml")
    assert config.root == REPO
    for sdk in config.sdks:
        assert sdk.target in ("python", "typescript")

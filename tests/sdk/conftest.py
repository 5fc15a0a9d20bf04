"""Shared fixtures of the SDK tests: the SDKs of `specs/`, generated once per worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from prism import azure_prism, openai_prism  # noqa: F401 - fixtures shared by the Prism tests
from sdkgen import (
    AZURE_AGENTS,
    AZURE_RUNS,
    OPENAI_RUNS,
    RealSpec,
    SdkSpec,
    generate,
    import_sdk,
)


def _generated(sdk: SdkSpec, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(sdk, tmp_path_factory.mktemp(sdk.package) / "sdk")


@pytest.fixture(scope="session")
def openai_sdk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generated(OPENAI_RUNS, tmp_path_factory)


@pytest.fixture(scope="session")
def azure_sdk_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generated(AZURE_RUNS, tmp_path_factory)


@pytest.fixture()
def openai_sdk(openai_sdk_dir: Path) -> ModuleType:
    return import_sdk(openai_sdk_dir, OPENAI_RUNS.package)


@pytest.fixture()
def azure_sdk(azure_sdk_dir: Path) -> ModuleType:
    return import_sdk(azure_sdk_dir, AZURE_RUNS.package)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: generates or checks the full 3 MB OpenAI spec (minutes)")


@pytest.fixture(scope="session")
def real_sdk(tmp_path_factory: pytest.TempPathFactory) -> Callable[[RealSpec, str, str], Path]:
    """Generate (once per worker) the SDK of a real spec under a package and client name."""
    made: dict[tuple[str, str, str], Path] = {}

    def get(real: RealSpec, package: str, client: str) -> Path:
        key = (real.id, package, client)
        if key not in made:
            sdk = SdkSpec(real.path, real.flavor, package, client)
            made[key] = generate(sdk, tmp_path_factory.mktemp(f"{real.id}-{package}") / "sdk")
        return made[key]

    return get


@pytest.fixture(scope="module")
def azure_agents_sdk(real_sdk: Callable[[RealSpec, str, str], Path]) -> ModuleType:
    """The Python SDK of the full Azure AI Agents spec, as `azure_ai_agents`."""
    return import_sdk(real_sdk(AZURE_AGENTS, "azure_ai_agents", "AgentsClient"), "azure_ai_agents")

"""SDKs generated from every published spec in ../shared/specs import and pass mypy --strict.

The full 3 MB OpenAI spec is marked `slow` (generation plus a strict type check of a
large SDK takes minutes) but stays in the suite.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sdkgen import REAL_SPECS, RealSpec, import_sdk
from typecheck import mypy_strict, summary


@pytest.mark.parametrize("real", [r.param() for r in REAL_SPECS])
def test_real_spec_sdk_imports_and_is_mypy_strict_clean(
    real: RealSpec, real_sdk: Callable[..., Path], tmp_path: Path
) -> None:
    package = f"sdk_{real.id.replace('-', '_')}"
    client = "AgentsClient" if real.flavor == "azure" else "OpenAI"
    project = real_sdk(real, package, client)
    module = import_sdk(project, package)
    assert hasattr(module, client), f"{package} does not export {client}"
    assert hasattr(module, f"Async{client}")
    assert hasattr(module, "types")
    result = mypy_strict(project, package, tmp_path)
    assert result.returncode == 0, summary(result)

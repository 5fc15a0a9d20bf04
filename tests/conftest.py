"""The `needs` marker: `@pytest.mark.needs("node", "tsc")` asks `needs.need` for each name."""

from __future__ import annotations

import pytest
from needs import NEEDS, need


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"needs(*names): the test needs these ({', '.join(NEEDS)}); see tests/needs.py"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs"):
        for name in mark.args:
            need(name)

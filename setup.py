"""Build configuration that pyproject.toml cannot express: the top-level `templates/`
folder ships inside the package as `generator/templates` (package data)."""

from pathlib import Path

from setuptools import find_packages, setup

# Every template folder is listed as a package so that setuptools copies its files.
TEMPLATE_PACKAGES = [
    ".".join(("generator", *folder.parts))
    for folder in sorted(Path("templates").glob("**/"))
    if not any(part.startswith((".", "__")) for part in folder.parts)
]

setup(
    packages=[*find_packages(include=["generator", "generator.*"]), *TEMPLATE_PACKAGES],
    package_dir={"generator.templates": "templates"},
    package_data={"generator": ["py.typed"], **{p: ["*"] for p in TEMPLATE_PACKAGES}},
)

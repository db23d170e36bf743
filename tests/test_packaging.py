"""pyproject.toml lists every package of checker/: an installed kravkoll has all of its modules
(a package left out is missing from the wheel, while every test run from the source tree passes)."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_checker_is_listed_in_pyproject() -> None:
    tomllib = pytest.importorskip("tomllib")
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "checker").rglob("__init__.py")}
    assert found - listed == set()


def test_sarif_rule_pages_are_under_the_projects_declared_address() -> None:
    import tomllib

    from checker.reporters.sarif import RULE_PAGES

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert RULE_PAGES.startswith(project["urls"]["Source"] + "/blob/v{version}/docs/rules/")


def test_every_data_file_of_checker_is_in_package_data() -> None:
    """A file a module reads at run time (the report's CSS and script, the server's assets, the
    schemas) ships only when a package-data pattern of its package names it."""
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {ROOT.joinpath(*package.split(".")): package for package in config["packages"]}
    missing = []
    for path in (ROOT / "checker").rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        folder = next(parent for parent in path.parents if parent in folders)
        relative = path.relative_to(folder).as_posix()
        if not any(fnmatch(relative, pattern) for pattern in config["package-data"].get(folders[folder], [])):
            missing.append(path.relative_to(ROOT).as_posix())
    assert missing == []

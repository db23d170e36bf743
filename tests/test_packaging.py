"""pyproject.toml lists every package of checker/: an installed kravkoll has all of its modules
(a package left out is missing from the wheel, while every test run from the source tree passes)."""

from __future__ import annotations

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

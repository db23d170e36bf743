"""Shared fixtures."""

from __future__ import annotations

from typing import Iterator

import pytest
from support import CONTRACT_EXAMPLE

from checker.rulecompile import compile_text
from checker.rulemodel import Ruleset


@pytest.fixture(scope="session", autouse=True)
def private_rule_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled rulesets are cached in a folder of the test run's own (the CLI run as a
    subprocess inherits it), never in the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KRAVKOLL_CACHE_DIR", str(tmp_path_factory.mktemp("rule-cache")))
        patch.delenv("KRAVKOLL_NO_CACHE", raising=False)
        yield


@pytest.fixture(scope="session")
def contract_ruleset() -> Ruleset:
    return compile_text(CONTRACT_EXAMPLE.read_text(encoding="utf-8"), str(CONTRACT_EXAMPLE))

"""Shared fixtures."""

from __future__ import annotations

import pytest

from checker.rulecompile import compile_text
from checker.rulemodel import Ruleset
from support import CONTRACT_EXAMPLE


@pytest.fixture(scope="session")
def contract_ruleset() -> Ruleset:
    return compile_text(CONTRACT_EXAMPLE.read_text(encoding="utf-8"), str(CONTRACT_EXAMPLE))

"""Models rebuilt from their own JSON without pydantic's validation (checker/modelbase.py
``rebuilt``, what a warm check reads the rule cache with): the same models as validating the
JSON, and never a model where validating refuses the JSON."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from checker.modelbase import rebuilt
from checker.rulecompile import load_rulesets, shipped_ruleset_names
from checker.rulemodel import Ruleset

ROOT = Path(__file__).parent.parent


@cache
def shipped_dumps() -> tuple[str, ...]:
    """The shipped rulesets compiled (not read from a cache), as the cache writes them."""
    os.environ["KRAVKOLL_NO_CACHE"] = "1"
    try:
        rulesets = load_rulesets(shipped_ruleset_names())
    finally:
        del os.environ["KRAVKOLL_NO_CACHE"]
    return tuple(json.dumps(ruleset.model_dump(mode="json")) for ruleset in rulesets)


def same(one: Ruleset, other: Ruleset) -> bool:
    """Equal as models (fields, the fields set), in their JSON and in each nested model's fields set."""
    return one == other and one.model_dump_json() == other.model_dump_json() and _fields_sets(one) == _fields_sets(other)


def _fields_sets(value: Any) -> Any:
    if hasattr(value, "model_fields_set"):
        return (type(value).__name__, sorted(value.model_fields_set), [_fields_sets(getattr(value, name)) for name in type(value).model_fields])
    if isinstance(value, list):
        return [_fields_sets(item) for item in value]
    if isinstance(value, dict):
        return {key: _fields_sets(item) for key, item in value.items()}
    return None


@pytest.mark.parametrize("number", range(len(shipped_ruleset_names())))
def test_a_shipped_ruleset_rebuilt_from_its_json_is_the_validated_one(number: int) -> None:
    data = json.loads(shipped_dumps()[number])
    assert same(rebuilt(Ruleset, data), Ruleset.model_validate(data))


_REPLACEMENTS = st.sampled_from([None, 0, 3, -1, True, False, "", "x", "shall", [], ["x"], [1], {}, {"kind": "nope"}, {"kind": "ref"}, 1.5])


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (keys and list positions)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@st.composite
def damaged_dumps(draw: st.DrawFn) -> Any:
    """A shipped ruleset's JSON, cut to a few rules, with some values replaced, keys removed or
    keys added anywhere in it."""
    data = json.loads(draw(st.sampled_from(shipped_dumps())))
    data["rules"] = data["rules"][: draw(st.integers(0, 3))]
    for _ in range(draw(st.integers(0, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(_REPLACEMENTS)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "kind", "pos", "match", "name"]))] = draw(_REPLACEMENTS)
    return data


@settings(max_examples=300, deadline=None)
@given(damaged_dumps())
def test_rebuilt_gives_the_validated_model_or_refuses(data: Any) -> None:
    """The reference is pydantic's validation: where ``rebuilt`` gives a model it is the
    validated one; it may refuse JSON that validation would convert (a number in a text), never
    give a model for JSON that validation refuses."""
    try:
        made = rebuilt(Ruleset, copy.deepcopy(data))
    except ValueError:
        return
    try:
        validated = Ruleset.model_validate(data)
    except ValidationError as error:
        pytest.fail(f"rebuilt a model validation refuses: {error}")
    assert same(made, validated)


@pytest.mark.parametrize("tag", [[], ["and"], {}, {"kind": "and"}, None, 1])
def test_a_condition_whose_kind_is_no_text_is_refused_with_a_value_error(tag: Any) -> None:
    """As the docstring says: data of another shape raises ``ValueError`` (a list or object as
    a discriminated union's tag raised ``TypeError``: unhashable)."""
    data = json.loads(shipped_dumps()[0])
    conditions = [path for path in _paths(data) if path and path[-1] == "kind" and isinstance(path[-2], str) and path[-2] in ("when", "condition")]
    parent = data
    for step in conditions[0][:-1]:
        parent = parent[step]
    parent["kind"] = tag
    with pytest.raises(ValueError, match="no member of the union"):
        rebuilt(Ruleset, data)


def test_a_warm_check_validates_no_rule_model(tmp_path: Path) -> None:
    """The point of ``rebuilt``: with the cache warm, no rule model is validated, so no twin is
    made (nor pydantic imported)."""
    document = tmp_path / "doc.md"
    document.write_text("# Delivery\n\nThe supplier shall deliver within 30 days.\n", encoding="utf-8")
    script = (
        "import runpy, sys\nsys.argv = ['kravkoll', 'check', '--lang', 'en', sys.argv[1]]\n"
        "try:\n    runpy.run_module('checker.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "from checker.rulemodel import Rule, Ruleset\ntwins = getattr(sys.modules.get('checker.modeltwin'), '_TWINS', {})\n"
        "print(Ruleset in twins, Rule in twins, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KRAVKOLL_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("KRAVKOLL_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", script, str(document)], cwd=tmp_path, env=env, capture_output=True, check=False) for _ in range(2)]
    assert runs[0].stderr.decode().split()[-2:] == ["True", "True"]  # cold: compiled, so built
    assert runs[1].stderr.decode().split()[-2:] == ["False", "False"]

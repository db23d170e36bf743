"""Hostile and broken rule files: huge term lists, pathological patterns, deep nesting and
random or mutated rule text compile, run or fail with a RuleError — never another exception,
never a hang (kravkoll's own time limit guards each case; nothing here measures speed: see
bench/run.py for the numbers).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_rule_language_fuzz import TOKENS as RULE_TOKENS

from checker.engine import check_document
from checker.errors import KravError, RuleError
from checker.limits import time_limit
from checker.matching.terms import MAX_TERM_LENGTH
from checker.readers.markdown import read_markdown
from checker.rulecompile import compile_text
from checker.ruleparse import MAX_CONDITION_DEPTH

CONTRACT_EXAMPLE = Path(__file__).parent / "fixtures" / "contract-example.krav"
GUARD_SECONDS = 60


def ruleset(when: str, lists: str = "") -> str:
    return textwrap.dedent(f"""\
        ruleset "t" {{
          language sv
        }}
        terms a = "snabbt"
        terms b = "skyndsamt"
        {lists}
        define requirement = "ska"
        requirement R "r" {{
          category ambiguous
          when {when}
          message "{{statement}}"
        }}
        """)


def flagged(rules: str, text: str) -> list[str | None]:
    with time_limit(GUARD_SECONDS, "<test>"):
        compiled = compile_text(rules)
        document = read_markdown(text, "doc.md", language="sv")
        return [f.match for f in check_document(document, [compiled]).findings]


def test_a_10_000_term_list_compiles_and_matches_its_last_term() -> None:
    terms = ", ".join(f'"term{k} nummer{k}"' for k in range(10_000))
    rules = ruleset("stor", f"terms stor = {terms}")
    assert flagged(rules, "Leverantören ska hantera term9999 nummer9999 här.\n") == ["term9999 nummer9999"]
    assert flagged(rules, "Leverantören ska hantera term9999 här.\n") == []


@pytest.mark.parametrize(("pattern", "filler", "last"), [("(a*)*b", "a", "b"), ("(x+x+)+y", "x", "y"), ("(a|aa)+$", "a", "!")])
def test_pathological_patterns_over_a_megabyte_run_in_linear_time(pattern: str, filler: str, last: str) -> None:
    """Python's re takes exponential time on these; RE2 is linear (bench/run.py measures it)."""
    rules = ruleset(f"/{pattern}/")
    statement = "Ska " + filler * 1_000_000
    assert flagged(rules, statement + "\n") == ([] if last != "!" else [filler * 1_000_000])
    if last != "!":
        assert flagged(rules, statement + last + "\n") == [filler * 1_000_000 + last]


@pytest.mark.parametrize("shape", ["parentheses", "nots", "alternation"])
@pytest.mark.parametrize("depth", [MAX_CONDITION_DEPTH + 1, 5_000, 100_000])
def test_conditions_nested_too_deep_get_a_one_line_error(shape: str, depth: int) -> None:
    condition = nested(shape, depth)
    with pytest.raises(RuleError) as raised:
        compile_text(ruleset(condition))
    assert f"condition nested deeper than {MAX_CONDITION_DEPTH} levels" in str(raised.value)
    assert str(raised.value).startswith("<rules>:10:")


@pytest.mark.parametrize(("shape", "expected"), [("parentheses", ["snabbt"]), ("nots", [None]), ("alternation", [])])
def test_conditions_at_the_depth_limit_compile_and_run(shape: str, expected: list[str | None]) -> None:
    """An even number of 'not's is the atom itself ('not' supplies no {match}); the alternation
    ends in 'skyndsamt and (...)', which this text lacks."""
    assert flagged(ruleset(nested(shape, MAX_CONDITION_DEPTH)), "Leverantören ska svara snabbt.\n") == expected


def nested(shape: str, depth: int) -> str:
    if shape == "parentheses":
        return "(" * depth + "a" + ")" * depth
    if shape == "nots":
        return "not " * depth + "a"
    condition = "a"
    for level in range(depth):
        condition = f"b {'and' if level % 2 else 'or'} ({condition})"
    return condition


def test_rules_validate_reports_deep_nesting_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "djup.krav"
    path.write_text(ruleset(nested("parentheses", 20_000)), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "checker.cli", "rules", "validate", str(path)], capture_output=True, text=True, timeout=GUARD_SECONDS)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:10:")
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def compiles_or_rule_error(text: str) -> None:
    with time_limit(GUARD_SECONDS, "<rules>"):
        try:
            compile_text(text)
        except RuleError as error:
            assert str(error) and error.render()
        except KravError as error:
            assert "took longer" not in str(error)


# The fuzz of 'rules validate' (test_rule_language_fuzz.py) and these in-process runs share one
# vocabulary of the rule language; these add a bare word, a lone star and a pattern with \b.
TOKENS = [*RULE_TOKENS, "x", '"*"', "/\\bx\\b/"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=80).map(" ".join))
def test_random_rule_text_compiles_or_gives_rule_errors(text: str) -> None:
    compiles_or_rule_error(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "insert", "replace"]),
            st.floats(0, 1, exclude_max=True),
            st.sampled_from(TOKENS + list('{}()"/\\#,=*')),
            st.integers(1, 40),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_rule_files_compile_or_give_rule_errors(edits: list[tuple[str, float, str, int]]) -> None:
    text = CONTRACT_EXAMPLE.read_text(encoding="utf-8")
    for action, where, token, length in edits:
        at = int(where * len(text))
        if action == "delete":
            text = text[:at] + text[at + length :]
        elif action == "insert":
            text = text[:at] + token + text[at:]
        else:
            text = text[:at] + token + text[at + len(token) :]
    compiles_or_rule_error(text)


def test_a_term_of_900_000_characters_is_a_clear_error_not_a_crash(tmp_path: Path) -> None:
    """pyahocorasick frees its trie one C stack frame per character of the longest term: a rule
    file with a 900,000-character term (under the 1 MiB limit) checked a document and then ended
    in a segmentation fault (exit -11). A term is now at most MAX_TERM_LENGTH characters, and the
    error quotes its start, not the whole of it."""
    path = tmp_path / "lang.krav"
    path.write_text(ruleset("lang", f'terms lang = "{"x" * 900_000}"'), encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text("Leverantören ska svara snabbt.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", str(document), "--ruleset", str(path), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
    )
    assert result.returncode == 2, result.returncode
    (line,) = result.stderr.splitlines()
    assert f"{path}:6:14: bad term" in line and f"at most {MAX_TERM_LENGTH:,} characters" in line and len(line) < 400
    assert flagged(ruleset("lang", f'terms lang = "{"x" * MAX_TERM_LENGTH}"'), "Ska " + "x" * MAX_TERM_LENGTH + "\n") == ["x" * MAX_TERM_LENGTH]

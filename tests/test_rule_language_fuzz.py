"""Fuzzing the rule language through ``kravkoll rules validate``: generated and mutated ``.krav``
text (and bytes) must give exit 0 or 2 — never a traceback or an "internal error" — leave the file
as it was, and answer within a generous time bound. Bounded: few examples, each with a deadline.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.limits import time_limit

SECONDS_PER_RUN = 10
GUIDE = Path(__file__).resolve().parent.parent / "docs" / "rule-language.md"
SEED = next(
    block.split("```")[0] for block in GUIDE.read_text(encoding="utf-8").split("```krav\n")[1:] if "\nfollowup " in block
)  # the guide's complete ruleset
BASE = 'ruleset "bas" {\n  language sv\n}\nterms vaga = "snabbt"\npattern tal = /\\d+/\ndefine requirement = "ska"\n'

TOKENS = [
    "ruleset",
    '"t"',
    "{",
    "}",
    "language",
    "sv",
    "extends",
    '"bas"',
    '"sv-krav"',
    '"okänd"',
    '"' + "x" * 300 + '"',
    '"../bas"',
    "terms",
    "pattern",
    "define",
    "topics",
    "requirement",
    "followup",
    "sanction",
    "document",
    "R-1",
    "vaga",
    "tal",
    "d",
    "d2",
    "=",
    "+=",
    ",",
    '"snabbt"',
    '"a*"',
    '"*x*"',
    '""',
    "/\\d+/",
    "/(/",
    "/a/cs",
    "/x/c",
    "when",
    "for",
    "requirements",
    "sanctions",
    "where",
    "linked",
    "by",
    "id",
    "section",
    "expect",
    "category",
    "ambiguous",
    "severity",
    "error",
    "message",
    '"{match}"',
    '"{statement}"',
    '"{nope}"',
    "example",
    "flag",
    "flagg",
    "pass",
    '"""\nK1 ska\n"""',
    "and",
    "or",
    "not",
    "(",
    ")",
    "in",
    "has",
    "words",
    ">",
    "<=",
    "5",
    "99999999999999999999999",
    "#",
    "\n",
    " ",
    "\t",
    "\ufeff",
    '"',
    "/",
    "å",
]
SETTINGS = settings(max_examples=40, deadline=timedelta(seconds=SECONDS_PER_RUN), suppress_health_check=[HealthCheck.too_slow], derandomize=True)


def validate_bytes(data: bytes) -> None:
    """Write ``data`` as a rule file beside a valid base, validate it, and check the outcome."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "bas.krav").write_text(BASE, encoding="utf-8")
        path = Path(folder) / "fuzz.krav"
        path.write_bytes(data)
        with time_limit(SECONDS_PER_RUN, str(path)):
            result = CliRunner().invoke(main, ["rules", "validate", str(path)])
        assert result.exit_code in (0, 2), (result.exit_code, result.output, result.exception)
        assert "Traceback" not in result.output and "internal error" not in result.output, result.output
        assert path.read_bytes() == data


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join))
def test_generated_rule_text_validates_or_gives_errors(text: str) -> None:
    validate_bytes(text.encode("utf-8"))


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "insert", "replace"]),
            st.floats(0, 1, exclude_max=True),
            st.sampled_from(TOKENS + list('{}()"/\\#,=*+')),
            st.integers(1, 40),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_rule_files_validate_or_give_errors(edits: list[tuple[str, float, str, int]]) -> None:
    text = SEED
    for action, where, token, length in edits:
        at = int(where * len(text))
        if action == "delete":
            text = text[:at] + text[at + length :]
        elif action == "insert":
            text = text[:at] + token + text[at:]
        else:
            text = text[:at] + token + text[at + len(token) :]
    validate_bytes(text.encode("utf-8"))


@SETTINGS
@given(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=4)), min_size=1, max_size=4))
def test_rule_files_with_stray_bytes_validate_or_give_errors(edits: list[tuple[float, bytes]]) -> None:
    data = SEED.encode("utf-8")
    for where, stray in edits:
        at = int(where * len(data))
        data = data[:at] + stray + data[at:]
    validate_bytes(data)

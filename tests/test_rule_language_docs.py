"""docs/rule-language.md: every ```krav block is a rule file that validates, and its examples
pass (so the guide's complete follow-up, sanction and document rules cannot drift)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.rulecompile import load_ruleset

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "rule-language.md"


def krav_blocks() -> list[str]:
    return re.findall(r"^```krav\n(.*?)^```$", GUIDE.read_text(encoding="utf-8"), flags=re.M | re.S)


def write_block(folder: Path, text: str) -> Path:
    name = re.search(r'^ruleset "([^"]+)"', text, flags=re.M).group(1)
    path = folder / f"{name}.krav"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_krav_block_of_the_guide_validates_and_its_examples_pass(tmp_path: Path) -> None:
    paths = [write_block(tmp_path, block) for block in krav_blocks()]
    assert len(paths) >= 2
    result = CliRunner().invoke(main, ["rules", "test", "--quiet", *map(str, paths)])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output


def test_the_guide_has_a_complete_followup_sanction_and_document_rule(tmp_path: Path) -> None:
    complete = [block for block in krav_blocks() if all(re.search(rf"^{kind} ", block, flags=re.M) for kind in ("followup", "sanction", "document"))]
    assert len(complete) == 1
    ruleset = load_ruleset(write_block(tmp_path, complete[0]))
    shapes = {(rule.kind, rule.target) for rule in ruleset.rules}
    assert {("followup", "requirements"), ("sanction", "requirements"), ("sanction", "sanctions"), ("document", None)} <= shapes
    for rule in ruleset.rules:
        assert {example.expect for example in rule.examples} == {"flag", "pass"}, rule.id

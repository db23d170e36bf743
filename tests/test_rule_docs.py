"""docs/rules/ is generated from the shipped rulesets and must be current."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from support import CONTRACT_EXAMPLE

from checker.cli import main
from checker.rulecompile import load_rulesets, shipped_ruleset_names
from checker.ruledocs import generate

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def test_committed_rule_pages_are_current() -> None:
    pages = generate(load_rulesets(shipped_ruleset_names()))
    stale = [name for name, text in pages.items() if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run 'kravkoll rules docs' to regenerate docs/rules/"
    committed = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert committed == sorted(pages)


def test_a_rule_page_shows_condition_vocabulary_and_examples(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["rules", "docs", str(CONTRACT_EXAMPLE), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "sv-avtal" / "OMATBART.md").read_text(encoding="utf-8")
    assert page.startswith("# sv-avtal/OMATBART: Kravet går inte att följa upp\n")
    assert "`requirement and vaga and not matt`" in page
    assert "- **vaga** (terms): `snabbt`, `skyndsamt`" in page
    assert 'kravkoll säger: "snabbt" går inte att mäta. Ange nivå, enhet och mätmetod.' in page
    followup = (tmp_path / "sv-avtal" / "UTAN-UPPFOLJNING.md").read_text(encoding="utf-8")
    assert "`requirement and matt`, och inget `followup`-påstående är länkat (id, section, topic, blanket)" in followup
    check = CliRunner().invoke(main, ["rules", "docs", str(CONTRACT_EXAMPLE), "--output", str(tmp_path), "--check"])
    assert check.exit_code == 0
    (tmp_path / "sv-avtal" / "OMATBART.md").write_text("stale", encoding="utf-8")
    check = CliRunner().invoke(main, ["rules", "docs", str(CONTRACT_EXAMPLE), "--output", str(tmp_path), "--check"])
    assert check.exit_code == 1 and "OMATBART.md: not current" in check.output


def test_a_rule_with_a_rewrite_shows_it_and_one_without_shows_none() -> None:
    pages = generate(load_rulesets(["sv-krav"]))
    assert "`{match}` → `{match} eller likvärdigt`" in pages["sv-krav/KR013.md"]
    assert "annotate --suggest" not in pages["sv-krav/KR001.md"]


def test_rules_docs_removes_only_its_own_stale_pages_and_writes_nothing_through_a_link(tmp_path: Path) -> None:
    """``rules docs -o FOLDER`` removed every other .md file under FOLDER (``-o docs`` deleted a
    project's documentation), wrote over a README.md of the folder, and wrote some pages before it
    refused a symbolic link at the place of another."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sv-avtal").mkdir()
    (tmp_path / "notes.md").write_text("mina anteckningar\n", encoding="utf-8")
    (tmp_path / "sub" / "keep.md").write_text("keep\n", encoding="utf-8")
    (tmp_path / "sv-avtal" / "mine.md").write_text("min sida\n", encoding="utf-8")
    (tmp_path / "sv-avtal" / "BORTTAGEN.md").write_text("# sv-avtal/BORTTAGEN: en regel som inte finns längre\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "docs", str(CONTRACT_EXAMPLE), "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "sv-avtal" / "BORTTAGEN.md").exists()
    for kept in ("notes.md", "sub/keep.md", "sv-avtal/mine.md"):
        assert (tmp_path / kept).is_file(), kept
    assert CliRunner().invoke(main, ["rules", "docs", str(CONTRACT_EXAMPLE), "--output", str(tmp_path), "--check"]).exit_code == 0

    project = tmp_path / "projekt"
    project.mkdir()
    (project / "README.md").write_text("# Mitt projekt\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["rules", "docs", str(CONTRACT_EXAMPLE), "--output", str(project)])
    assert refused.exit_code == 2
    assert refused.stderr.strip() == f"kravkoll: {project / 'README.md'}: exists and was not written by 'kravkoll rules docs'; choose another --output folder"
    assert (project / "README.md").read_text(encoding="utf-8") == "# Mitt projekt\n"

    linked = tmp_path / "länkad"
    (linked / "sv-avtal").mkdir(parents=True)
    victim = tmp_path / "offer.txt"
    victim.write_text("orörd\n", encoding="utf-8")
    (linked / "sv-avtal" / "UTAN-UPPFOLJNING.md").symlink_to(victim)
    refused = CliRunner().invoke(main, ["rules", "docs", str(CONTRACT_EXAMPLE), "--output", str(linked)])
    assert refused.exit_code == 2 and "is a symbolic link" in refused.stderr
    assert victim.read_text(encoding="utf-8") == "orörd\n"
    assert sorted(p.name for p in linked.rglob("*")) == ["UTAN-UPPFOLJNING.md", "sv-avtal"]

"""Baselines: which findings count as known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.baseline import baseline_of, new_findings, read_baseline, write_baseline
from checker.document import Location
from checker.errors import KravError
from checker.report import FileReport, Finding, Report, summarize


def finding(file: str, fingerprint: str, line: int = 1, suppressed: bool = False) -> Finding:
    return Finding(
        rule="sv-avtal/A",
        title="t",
        category="unmeasurable",
        severity="error",
        message=f"m {fingerprint}",
        file=file,
        location=Location(line=line, column=1),
        fingerprint=fingerprint,
        suppressed=suppressed,
    )


def report(files: list[str], findings: list[Finding]) -> Report:
    reports = [FileReport(path=f, format="md", language="sv") for f in files]
    return Report(files=reports, findings=findings, summary=summarize(reports, findings))


def test_each_baseline_entry_accepts_one_finding() -> None:
    old = report(["a.md"], [finding("a.md", "x"), finding("a.md", "x", 5)])
    new = report(["a.md"], [finding("a.md", "x", 2), finding("a.md", "x", 7), finding("a.md", "x", 9), finding("a.md", "y")])
    kept = new_findings(new, baseline_of(old))
    assert [(f.fingerprint, f.location.line) for f in kept.findings] == [("x", 9), ("y", 1)]
    assert kept.summary.baselined == 2 and kept.summary.error == 2


def test_renamed_file_is_compared_with_baseline_files_not_checked_now() -> None:
    old = report(["v1.md", "ren.md"], [finding("v1.md", "x")])
    assert [f.fingerprint for f in new_findings(report(["v2.md"], [finding("v2.md", "x"), finding("v2.md", "y")]), baseline_of(old)).findings] == ["y"]
    # ren.md is in the baseline with no findings: its new finding is new even though v1.md had the same one
    assert [f.file for f in new_findings(report(["ren.md"], [finding("ren.md", "x")]), baseline_of(old)).findings] == ["ren.md"]
    # v1.md checked again: v2.md's findings cannot borrow v1.md's entries
    both = report(["v1.md", "v2.md"], [finding("v1.md", "x"), finding("v2.md", "x")])
    assert [f.file for f in new_findings(both, baseline_of(old)).findings] == ["v2.md"]


def test_suppressed_findings_stay_out_of_baselines_and_stay_suppressed() -> None:
    base = baseline_of(report(["a.md"], [finding("a.md", "x", suppressed=True)]))
    assert base.findings == [] and base.files == ["a.md"]
    kept = new_findings(report(["a.md"], [finding("a.md", "x", suppressed=True)]), base)
    assert [f.suppressed for f in kept.findings] == [True]


def test_baseline_file_round_trip_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    assert write_baseline(report(["./a.md"], [finding("./a.md", "x")]), path) == 1
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["kravkoll_baseline"] == 2 and data["files"] == ["a.md"] and data["findings"][0]["file"] == "a.md"
    assert read_baseline(path).findings[0].fingerprint == "x"
    path.write_text('{"kravkoll_baseline": 9}', encoding="utf-8")
    with pytest.raises(KravError, match="baseline version 9 is not supported"):
        read_baseline(path)
    path.write_text("[", encoding="utf-8")
    with pytest.raises(KravError, match="b.json: not a kravkoll baseline"):
        read_baseline(path)
    with pytest.raises(KravError, match="b.json: cannot write: No such file or directory"):
        write_baseline(report([], []), tmp_path / "saknas" / "b.json")


def test_fingerprints_ignore_line_numbers_and_file_names(tmp_path: Path) -> None:
    from check_helpers import DRAFT, RULESET, write

    from checker.engine import check
    from checker.rulecompile import load_rulesets

    rulesets = load_rulesets([RULESET])
    first = check([write(tmp_path / "v1.md", DRAFT)], rulesets)
    moved = check([write(tmp_path / "v2.md", "# Inledning\n\nNy text.\n\n" + DRAFT)], rulesets)
    edited = check([write(tmp_path / "v3.md", DRAFT.replace("fel snabbt", "alla fel snabbt"))], rulesets)
    prints = {f.rule: f.fingerprint for f in first.findings}
    assert {f.rule: f.fingerprint for f in moved.findings} == prints
    assert [f.location.line for f in moved.findings] != [f.location.line for f in first.findings]
    changed = {f.rule for f in edited.findings if f.fingerprint != prints[f.rule]}
    assert changed == {"sv-avtal/OMATBART"}


# Three revisions of one tender: v2 renumbers the headings and moves a paragraph to another
# section; v3 rewords one requirement and adds another.
REVISION_1 = """\
# Avtal om drift

## 1 Drift

1.1 Leverantören ska åtgärda fel snabbt.

Leverantören ska besvara ärenden inom 2 timmar.

## 2 Support

2.1 Supporten ska vara öppen 10 timmar per dag.

Leverantören ska leverera reservdelar skyndsamt.
"""

REVISION_2 = """\
# Avtal om drift

## 1 Inledning

Detta avsnitt är nytt.

## 2 Drift

2.1 Leverantören ska åtgärda fel snabbt.

## 3 Support

Leverantören ska besvara ärenden inom 2 timmar.

3.1 Supporten ska vara öppen 10 timmar per dag.

Leverantören ska leverera reservdelar skyndsamt.
"""

REVISION_3 = REVISION_2.replace("åtgärda fel snabbt", "åtgärda alla fel snabbt") + "\nLeverantören ska byta trasiga enheter i rimlig tid.\n"


def test_baseline_survives_moved_paragraphs_and_renumbered_headings_but_not_rewording(tmp_path: Path, monkeypatch) -> None:
    from check_helpers import RULESET, invoke, write

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "anbud.md", REVISION_1)
    accepted = invoke("check", "anbud.md", "-r", str(RULESET), "--write-baseline", "baslinje.json")
    assert "wrote 7 findings" in accepted.stderr  # two unmeasurable, two without follow-up, two without sanction, no term

    write(tmp_path / "anbud.md", REVISION_2)
    moved = json.loads(invoke("check", "anbud.md", "-r", str(RULESET), "--baseline", "baslinje.json", "-f", "json").stdout)
    assert moved["findings"] == [] and moved["summary"]["baselined"] == 7

    write(tmp_path / "anbud.md", REVISION_3)
    edited = json.loads(invoke("check", "anbud.md", "-r", str(RULESET), "--baseline", "baslinje.json", "-f", "json").stdout)
    assert [(f["rule"], f["text"]) for f in edited["findings"]] == [
        ("sv-avtal/OMATBART", "2.1 Leverantören ska åtgärda alla fel snabbt."),
        ("sv-avtal/OMATBART", "Leverantören ska byta trasiga enheter i rimlig tid."),
    ]
    assert edited["summary"]["baselined"] == 6


def test_deeply_nested_baseline_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(KravError, match=r"b.json: not a kravkoll baseline \(nested too deeply\)"):
        read_baseline(path)


GROUPED = """# Avtal

## 3 Krav

Leverantören ska leverera systemet senast 2026-03-01.

Leverantören ska åtgärda fel inom 4 timmar.

Leverantören ska besvara ärenden inom 2 arbetsdagar.
"""


def test_a_grouped_finding_is_new_when_a_statement_joins_it_not_when_its_first_leaves(tmp_path: Path, monkeypatch) -> None:
    """A rule reported once per document (the shipped AV001: requirements without follow-up)
    stands for every requirement it flags: a baseline knows it by each of them. A requirement
    added in the next revision makes it new; fixing the first one (the group then starts at the
    second) does not."""
    from check_helpers import invoke, write

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "avtal.md", GROUPED)
    first = json.loads(invoke("check", "avtal.md", "-f", "json").stdout)
    grouped = [f for f in first["findings"] if f["rule"] == "sv-avtal/AV001"]
    assert len(grouped) == 1 and len(grouped[0]["also"]) == 2 and len(grouped[0]["group_fingerprints"]) == 3
    invoke("check", "avtal.md", "--write-baseline", "baslinje.json")

    def av001_after(text: str) -> list[str]:
        write(tmp_path / "avtal.md", text)
        found = json.loads(invoke("check", "avtal.md", "--baseline", "baslinje.json", "-f", "json").stdout)["findings"]
        return [f["text"] for f in found if f["rule"] == "sv-avtal/AV001"]

    added = GROUPED + "\nLeverantören ska byta trasiga enheter inom 5 arbetsdagar.\n"
    assert av001_after(added) == ["Leverantören ska leverera systemet senast 2026-03-01."]  # new: it names one more
    fixed = GROUPED.replace("Leverantören ska leverera systemet senast 2026-03-01.\n\n", "")
    assert av001_after(fixed) == []  # the rest of the group is known
    assert av001_after(GROUPED) == []

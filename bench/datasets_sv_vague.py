"""A second measure of the Swedish vague-requirement rules: itClarifies' labelled clauses.

    python bench/datasets_sv_vague.py                # the figures
    python bench/datasets_sv_vague.py --list         # and each clause flagged or missed, with its matches

``shared/datasets/itclarifies_analysismodule_snippets/snippets.jsonl`` holds clauses of Swedish
procurement documents (and sentences written for the tests) with the classification the tool's
author expected of them; ``Unspecific`` marks a clause as vague. Each distinct Swedish clause is
checked alone, as a plain-text document in Swedish, with the shipped Swedish rulesets; a clause is
*flagged* when a finding of an unmeasurable or ambiguous rule (as ``bench/quality.py`` counts them)
falls on it. The figures: how many Unspecific clauses are flagged (recall), and how many of the
other clauses are (their labels name other features, so a flagged one is a finding to read, not
always a wrong one: the set asserts no "not vague").

The set's real documents are among the development documents (the E-hälsomyndigheten contract,
Avtalsbilaga 7, the two framework agreements), so it is no held-out measure; its worth is the
clauses and test sentences that the hand labels do not cover.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, for its shared_data module
from shared_data import ITCLARIFIES, itclarifies_snippets  # noqa: E402

DATASET = ITCLARIFIES
UNMEASURABLE = ("unmeasurable", "ambiguous")  # as bench/quality.py counts flagged statements
VAGUE_LABEL = "Unspecific"

sys.path.insert(0, str(ROOT))


@dataclass
class Clause:
    """One distinct Swedish clause of the set: its text, whether it is labelled vague, and from
    a real document or written for a test."""

    text: str
    vague: bool
    real: bool


@dataclass
class Tally:
    """Clauses and flagged clauses, vague and other, with the rules that flagged them."""

    vague: int = 0
    vague_flagged: int = 0
    other: int = 0
    other_flagged: int = 0
    rules_vague: Counter = field(default_factory=Counter)
    rules_other: Counter = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)


def load_clauses(path: Path) -> list[Clause]:
    """The set's Swedish clauses, each text once (a text labelled vague anywhere is vague; a
    clause repeated with the buyer's name washed is the same text)."""
    clauses: dict[str, Clause] = {}
    for raw, labels, real in itclarifies_snippets(path, "sv"):
        text = " ".join(raw.split())
        vague = VAGUE_LABEL in labels
        known = clauses.get(text)
        if known is None:
            clauses[text] = Clause(text, vague, real)
        else:
            known.vague |= vague
    return list(clauses.values())


def flagging_findings(linter: Any, text: str) -> list[Any]:
    """The unmeasurable and ambiguous findings of the shipped Swedish rules on one clause."""
    from checker.readers.plaintext import read_plaintext

    document = read_plaintext(text + "\n", "clause.txt", language="sv")
    result = linter.check_document(document)
    return [f for f in result.findings if f.category in UNMEASURABLE and not f.suppressed]


def measure(clauses: list[Clause], list_all: bool = False) -> Tally:
    """Check each clause and count."""
    from checker.engine import Linter

    linter = Linter()
    t = Tally()
    for clause in clauses:
        findings = flagging_findings(linter, clause.text)
        rules = sorted({f.rule.split("/")[-1] for f in findings})
        if clause.vague:
            t.vague += 1
            t.vague_flagged += bool(findings)
            t.rules_vague.update(rules)
        else:
            t.other += 1
            t.other_flagged += bool(findings)
            t.rules_other.update(rules)
        if list_all and (clause.vague or findings):
            verdict = ("VAGUE flagged" if findings else "VAGUE missed") if clause.vague else "other flagged"
            matched = ", ".join(f"{f.rule.split('/')[-1]}:{f.match!r}" for f in findings)
            source = "real" if clause.real else "test"
            t.lines.append(f"- {verdict} ({source}) {matched} | {clause.text[:300]}")
    return t


def ratio(hit: int, total: int) -> str:
    return f"{hit / total:.2f} ({hit}/{total})" if total else "–"


def report(t: Tally) -> str:
    """The figures as Markdown."""
    out = [
        "| figure | value |",
        "| --- | ---: |",
        f"| Unspecific clauses flagged (recall) | {ratio(t.vague_flagged, t.vague)} |",
        f"| other clauses flagged | {ratio(t.other_flagged, t.other)} |",
        "",
        "| rule | Unspecific clauses | other clauses |",
        "| --- | ---: | ---: |",
    ]
    for rule in sorted(set(t.rules_vague) | set(t.rules_other)):
        out.append(f"| {rule} | {t.rules_vague[rule]} | {t.rules_other[rule]} |")
    if t.lines:
        out += ["", *t.lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=DATASET, help="the set's snippets.jsonl")
    parser.add_argument("--list", action="store_true", help="also list each Unspecific clause and each flagged clause")
    args = parser.parse_args(argv)
    print(report(measure(load_clauses(args.dataset), args.list)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Replay the writers' judgements of findings on the development documents against the code.

Writers (independent reviewers) judged every finding of a round on its documents as *act* (a real
problem worth fixing), *noise* (true, not worth the time) or *wrong* (false):
``bench/quality/writer-judgement/*.tsv``. This asks, for each judged finding on a development
document (``split.tsv``: ``dev``), whether the code still makes a finding of that rule on that
line (kept) or no longer does (gone), and prints the counts per judgement, overall and per rule,
and the act findings lost. A change serves the writers when it removes noise and wrong findings
and keeps the act ones. Held-out documents are left out: their judgements measure, they are not
tuned on. A judgement is keyed by rule and line (a document-level finding by rule alone), so a
judgement of an earlier round counts as kept when the rule still fires on its line.

    python bench/writer_replay.py [RULE-PREFIX]
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import quality  # noqa: E402 - the quality bench's documents, split and linter

JUDGEMENTS = ("act", "noise", "wrong")


def judged_rows() -> list[dict[str, str]]:
    """Every judgement of every round, as rows with doc, line, rule and judgement."""
    rows: list[dict[str, str]] = []
    for path in sorted((quality.BENCH / "quality" / "writer-judgement").glob("*.tsv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
        if not lines:
            continue
        header = lines[0].split("\t")
        rows.extend(dict(zip(header, line.split("\t"))) for line in lines[1:])
    return rows


def judged_state(row: dict[str, str], made: set[tuple[str, str]]) -> str:
    """``kept`` when ``made`` (rule and line of each finding the code makes, and rule and ``*``
    for each rule that fires at all) holds the judged finding's rule on its line, or anywhere for
    a document-level finding (no line); else ``gone``."""
    line = row.get("line", "") if row.get("line", "") not in ("", "None") else "*"
    return "kept" if (row["rule"], line) in made else "gone"


def replay(prefix: str = "") -> str:
    split = quality.load_split()
    by_doc: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in judged_rows():
        if split.get(row.get("doc", "")) == "dev" and row.get("rule", "").startswith(prefix) and row.get("judgement") in JUDGEMENTS:
            by_doc[row["doc"]].append(row)
    tally: Counter[tuple[str, str]] = Counter()
    per_rule: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    act_gone: list[str] = []
    for doc, judged in sorted(by_doc.items()):
        path = quality.find_document(doc, quality.CORPUS)
        if path is None:
            continue
        (result,) = list(quality._linter().check_each([path]))
        made: set[tuple[str, str]] = set()
        for finding in getattr(result, "findings", []):
            if not finding.suppressed:
                made.add((finding.rule, str(finding.location.line) if finding.location else "*"))
                made.add((finding.rule, "*"))
        for row in judged:
            state = judged_state(row, made)
            line = row.get("line") or "*"
            tally[(row["judgement"], state)] += 1
            per_rule[row["rule"]][(row["judgement"], state)] += 1
            if row["judgement"] == "act" and state == "gone":
                act_gone.append(f"{doc}:{line} {row['rule']}")

    def counts(c: Counter[tuple[str, str]]) -> str:
        return "  ".join(f"{j}: kept {c[(j, 'kept')]} gone {c[(j, 'gone')]}" for j in JUDGEMENTS)

    out = [f"all: {counts(tally)}"]
    out += [f"{rule}: {counts(c)}" for rule, c in sorted(per_rule.items(), key=lambda item: -sum(item[1].values()))[:40]]
    if act_gone:
        out.append("act findings gone:")
        out += [f"  {where}" for where in act_gone]
    return "\n".join(out)


if __name__ == "__main__":
    print(replay(sys.argv[1] if len(sys.argv) > 1 else ""))

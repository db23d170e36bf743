"""The vague vocabulary measured term by term on the development documents.

    python bench/vague_terms.py                          # misses by term, and each matched entry's precision
    python bench/vague_terms.py --docs LIST              # only the dev documents named in LIST (one a line)
    python bench/vague_terms.py --candidates FILE --lang en [-v]
                                                         # what candidate words would newly flag (see below)

Reads the hand labels of the development documents only (``bench/quality/split.tsv``'s ``dev``
rows; the held-out documents are never checked) and checks each document as ``bench/quality.py``
does. Three tables:

- **Missed, by term**: the words of the labels' ``vague_terms`` column on statements labelled
  unmeasurable that get no unmeasurable or ambiguous finding, each with the number of documents,
  labels and how many of them kravkoll reads as a requirement at all (a statement it does not
  read as one is a miss of the reading, not of the vocabulary).
- **Entries**: each rule's matched words (``{match}``, lower case) on labelled statements: right
  (labelled unmeasurable), wrong on a statement labelled a measurable requirement (a misfire of
  the word), and wrong on a statement labelled no requirement (a misfire of the reading). An entry
  goes when its misfires outnumber its hits across its family of forms.
- **Candidates** (``--candidates FILE``, one regular expression a line, matched case-insensitively
  as a whole word): the statements kravkoll reads as requirements that have the candidate and no
  finding yet, by their label — what adding the word could gain (right) and cost (wrong). The
  rules' other conditions (a level in the sentence, an escape) may still excuse some: measure the
  real change with ``bench/quality.py --split dev``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import quality  # noqa: E402


@dataclass
class Statement:
    doc: str
    line: str
    text: str
    read_as_requirement: bool
    flagged: bool
    labelled: bool
    unmeasurable: bool
    measurable_requirement: bool
    terms: list[str] = field(default_factory=list)


@dataclass
class Tally:
    missed: dict[tuple[str, str], list[tuple[str, str, bool]]] = field(default_factory=lambda: defaultdict(list))
    right: Counter = field(default_factory=Counter)
    wrong_measurable: Counter = field(default_factory=Counter)
    wrong_not_requirement: Counter = field(default_factory=Counter)
    statements: list[Statement] = field(default_factory=list)


def language_of(name: str) -> str:
    return "sv" if name.startswith("sv_") else "en"


def dev_documents(only: set[str] | None) -> list[str]:
    split = quality.load_split()
    names = sorted(name for name in quality.load_labels("requirements") if split.get(name) == "dev")
    return [name for name in names if only is None or name in only]


def tally(names: list[str], corpus: list[Path]) -> Tally:
    labels = quality.load_labels("requirements")
    t = Tally()
    for name in names:
        path = quality.find_document(name, corpus)
        if path is None:
            print(f"vague_terms: {name}: not found", file=sys.stderr)
            continue
        checked = quality.check_document(path)
        lang = language_of(name)
        by_statement: dict[int, list[dict[str, str]]] = defaultdict(list)
        for label, i in quality.placed(checked, labels[name], []):
            by_statement[i].append(label)
        for statement in checked.result.document.statements:
            i = statement.index
            if statement.kind == "heading":
                continue
            group = by_statement.get(i, [])
            requirement = any(quality.is_yes(g["is_requirement"]) for g in group)
            unmeasurable = any(quality.is_yes(g["is_requirement"]) and g.get("measurable", "").lower() == "no" for g in group)
            findings = [f for f in checked.findings.get(i, []) if f.category in quality.UNMEASURABLE]
            terms = [w.strip().lower() for g in group for w in (g.get("vague_terms") or "").split("|") if w.strip()]
            t.statements.append(
                Statement(name, group[0]["line"] if group else "", " ".join(statement.text.split()), i in checked.rows,
                          bool(findings), bool(group), unmeasurable, requirement and not unmeasurable, terms)
            )  # fmt: skip
            for f in findings:
                key = (lang, f.rule.split("/")[-1], (f.match or "").lower())
                if unmeasurable:
                    t.right[key] += 1
                elif requirement:
                    t.wrong_measurable[key] += 1
                elif group:
                    t.wrong_not_requirement[key] += 1
            if findings:
                continue
            for g in group:
                if quality.is_yes(g["is_requirement"]) and g.get("measurable", "").lower() == "no":
                    for term in (g.get("vague_terms") or "").split("|"):
                        if term.strip():
                            t.missed[(lang, term.strip().lower())].append((name, g["line"], i in checked.rows))
    return t


def report(t: Tally) -> str:
    out = ["## Missed, by term (documents, labels, read as requirements)", ""]
    rows = sorted(t.missed.items(), key=lambda kv: (-len({x[0] for x in kv[1]}), -len(kv[1]), kv[0]))
    for (lang, term), where in rows:
        out.append(f"{len({x[0] for x in where}):3} {len(where):3} {sum(x[2] for x in where):3}  {lang}  {term}")
    out += ["", "## Entries: right / wrong on measurable requirements / wrong on no requirement", ""]
    keys = set(t.right) | set(t.wrong_measurable) | set(t.wrong_not_requirement)
    for key in sorted(keys, key=lambda k: (-(t.wrong_measurable[k] - t.right[k]), -t.right[k], k)):
        lang, rule, match = key
        out.append(f"{t.right[key]:3} {t.wrong_measurable[key]:3} {t.wrong_not_requirement[key]:3}  {lang} {rule} {match[:80]!r}")
    return "\n".join(out) + "\n"


def candidates(t: Tally, patterns: list[str], lang: str, verbose: bool) -> str:
    out = []
    for pattern in patterns:
        rx = re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE)
        having = [s for s in t.statements if language_of(s.doc) == lang and rx.search(s.text)]
        new = [s for s in having if s.read_as_requirement and not s.flagged]
        right = [s for s in new if s.unmeasurable]
        wrong = [s for s in new if s.labelled and not s.unmeasurable]
        out.append(
            f"{pattern!r}: statements {len(having)} in {len({s.doc for s in having})} documents; "
            f"new right {len(right)} ({len({s.doc for s in right})} documents), new wrong {len(wrong)}, "
            f"unlabelled {sum(not s.labelled for s in new)}; flagged already {sum(s.flagged for s in having)}"
        )
        if verbose:
            out += [f"   right {s.doc}:{s.line} [{'|'.join(s.terms)}] {s.text[:200]}" for s in right]
            out += [f"   wrong {s.doc}:{s.line} {'requirement' if s.measurable_requirement else 'no requirement'} {s.text[:200]}" for s in wrong]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="append", type=Path, default=[], help="another folder to find documents in")
    parser.add_argument("--docs", type=Path, help="only these development documents (one name a line)")
    parser.add_argument("--candidates", type=Path, help="candidate words, one regular expression a line")
    parser.add_argument("--lang", choices=("en", "sv"), default="en", help="the language of the candidates")
    parser.add_argument("-v", "--verbose", action="store_true", help="with --candidates: each statement")
    args = parser.parse_args(argv)
    only = {line.strip() for line in args.docs.read_text(encoding="utf-8").splitlines() if line.strip()} if args.docs else None
    t = tally(dev_documents(only), args.corpus + quality.CORPUS)
    if args.candidates:
        lines = args.candidates.read_text(encoding="utf-8").splitlines()
        sys.stdout.write(candidates(t, [x for x in lines if x.strip() and not x.startswith("#")], args.lang, args.verbose))
    else:
        sys.stdout.write(report(t))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Which vague words of a hand-marked English set the English rules' vocabulary would catch.

    python bench/datasets_en_vague.py                    # NR-GoldSet, the shipped English rulesets
    python bench/datasets_en_vague.py --top 60           # more of the missed words
    python bench/datasets_en_vague.py --dataset DIR --ruleset rulesets/en-requirements.krav

The set is NR-GoldSet (``shared/datasets/nr_goldset_vagueness``, ``Raw_english_annotated.txt``:
500 English sentences of parliamentary text with each vague word or phrase marked ``<…>``). It is
not requirements text, so its figures only suggest candidate terms: each one must still show its
precision on the development documents (``bench/quality.py --split dev``) before it ships.

What is measured is the vocabulary, not the rules' whole conditions: every term list and pattern
that a rule of the English rulesets names as a positive part of its ``when`` (not under ``not``),
followed through ``define``s, for the rules of the categories ``unmeasurable`` and ``ambiguous``
(patterns anchored at a statement's start, which read its shape, left out).
A marked span is *caught* when a term or pattern match overlaps it; *predicate only* when only a
list read by ``in predicate`` has it (the rule flags it only as the adjective after a requirement's
copula: "shall be clear"); else *missed*. Matches on unmarked words are counted per term too: in
parliamentary text they are no error, but a term that fires often where nobody marked vagueness
deserves a look on the development documents.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # its shared_data module

from shared_data import shared_path  # noqa: E402

from checker.matching.patterns import CompiledPattern, compile_pattern  # noqa: E402
from checker.matching.terms import TermMatcher  # noqa: E402
from checker.rulecompile.loader import load_ruleset  # noqa: E402
from checker.rulemodel import Ruleset  # noqa: E402

DEFAULT_DATASET = shared_path("datasets", "nr_goldset_vagueness")
DEFAULT_RULESETS = [ROOT / "rulesets" / f"{name}.krav" for name in ("en-requirements", "en-rfp", "en-contract")]
VAGUE_CATEGORIES = {"unmeasurable", "ambiguous"}
MARK = re.compile(r"<([^<>]*)>")


@dataclass
class Sentence:
    """A sentence with its marks taken out: the text and the spans that were marked."""

    text: str
    marked: list[tuple[int, int]]


@dataclass
class Vocabulary:
    """The terms and patterns of the vague-word rules, by where they count."""

    anywhere: dict[str, list[str]] = field(default_factory=dict)  # list name → terms
    predicate: dict[str, list[str]] = field(default_factory=dict)  # lists read by `in predicate`
    patterns: dict[str, CompiledPattern] = field(default_factory=dict)


def read_sentences(dataset: Path) -> list[Sentence]:
    """Each line of ``Raw_english_annotated.txt``: its text without ``<``/``>`` and the marked spans
    (a few bytes of the file are mangled apostrophes, not UTF-8: read as replacement characters)."""
    sentences = []
    for line in (dataset / "Raw_english_annotated.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        text, marked, last = "", [], 0
        for mark in MARK.finditer(line):
            text += line[last : mark.start()]
            marked.append((len(text), len(text) + len(mark.group(1))))
            text += mark.group(1)
            last = mark.end()
        sentences.append(Sentence(text + line[last:], marked))
    return sentences


def _positive_leaves(condition: Any, ruleset: Ruleset, seen: set[str]) -> Iterator[tuple[str, str]]:
    """(how, name) of each list or pattern a condition holds positively: ``terms``, ``predicate``
    (an ``in predicate`` list, an ``outside purpose`` list counts as ``terms``) or ``pattern``."""
    kind = condition["kind"]
    if kind in ("and", "or"):
        for operand in condition["operands"]:
            yield from _positive_leaves(operand, ruleset, seen)
    elif kind in ("terms", "outside_purpose"):
        yield "terms", condition["list"]
    elif kind == "in_predicate":
        yield "predicate", condition["list"]
    elif kind == "pattern":
        yield "pattern", condition["pattern"]
    elif kind == "class" and condition["define"] in ruleset.defines and condition["define"] not in seen:
        seen.add(condition["define"])
        yield from _positive_leaves(ruleset.defines[condition["define"]].condition.model_dump(), ruleset, seen)


def vocabulary(paths: list[Path]) -> Vocabulary:
    """The vague-word vocabulary of the rules of ``paths`` (and the rulesets they extend)."""
    vocab = Vocabulary()
    for path in paths:
        ruleset = load_ruleset(path)
        for rule in ruleset.rules:
            if rule.category not in VAGUE_CATEGORIES or rule.when is None:
                continue
            for how, name in _positive_leaves(rule.when.model_dump(), ruleset, set()):
                if how == "pattern":
                    pattern = ruleset.patterns[name]
                    if not pattern.source.startswith("^"):  # one anchored at the start reads a statement's shape
                        vocab.patterns[name] = compile_pattern(pattern.source, pattern.flags)
                elif name in ruleset.lists:
                    target = vocab.predicate if how == "predicate" else vocab.anywhere
                    target[name] = ruleset.lists[name].terms
    for name in vocab.anywhere:  # a list read anywhere needs no predicate of its own
        vocab.predicate.pop(name, None)
    return vocab


def _blank(text: str, span: tuple[int, int]) -> str:
    """``text`` with ``span`` made non-word characters, so that a scan finds the next match."""
    return text[: span[0]] + "-" * (span[1] - span[0]) + text[span[1] :]


def term_hits(matcher: TermMatcher, text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    """Every (term, span) of a matcher whose lists are single terms (a scan gives the first of each)."""
    while True:
        found = matcher.scan(text)
        if not found:
            return
        for term, span in found.items():
            yield term, span
            text = _blank(text, span)


def pattern_hits(pattern: CompiledPattern, text: str) -> Iterator[tuple[int, int]]:
    """Every span of a pattern's matches, up to one that takes in a match before it (a pattern of
    structure, such as a list item's start, can match the blanked text again)."""
    found: list[tuple[int, int]] = []
    while (span := pattern.search(text)) is not None and span[1] > span[0] and not any(overlaps(span, old) for old in found):
        yield span
        found.append(span)
        text = _blank(text, span)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def measure(sentences: list[Sentence], vocab: Vocabulary, top: int) -> str:
    """The report: marked spans caught, caught as predicates only, missed; the missed words by
    frequency; each entry's hits on marked and on unmarked words."""
    anywhere = TermMatcher({f"{name}: {term}": [term] for name, terms in vocab.anywhere.items() for term in terms})
    predicate = TermMatcher({f"{name}: {term}": [term] for name, terms in vocab.predicate.items() for term in terms})
    caught: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    predicate_only: Counter[str] = Counter()
    on_marked: Counter[str] = Counter()
    on_unmarked: Counter[str] = Counter()
    for sentence in sentences:
        text = sentence.text
        hits = [(key, span, False) for key, span in term_hits(anywhere, text)]
        hits += [(f"pattern {name}", span, False) for name, p in vocab.patterns.items() for span in pattern_hits(p, text)]
        hits += [(key, span, True) for key, span in term_hits(predicate, text)]
        for key, span, _ in hits:
            counter = on_marked if any(overlaps(span, m) for m in sentence.marked) else on_unmarked
            counter[key] += 1
        for mark in sentence.marked:
            word = text[mark[0] : mark[1]].lower()
            kinds = {is_predicate for _, span, is_predicate in hits if overlaps(span, mark)}
            if False in kinds:
                caught[word] += 1
            elif True in kinds:
                predicate_only[word] += 1
            else:
                missed[word] += 1
    total = sum(caught.values()) + sum(predicate_only.values()) + sum(missed.values())
    lines = [
        f"sentences: {len(sentences)}; marked vague spans: {total} ({len(caught | predicate_only | missed)} distinct)",
        f"caught anywhere:        {sum(caught.values())} ({sum(caught.values()) / total:.2f}; {len(caught)} distinct)",
        f"caught as predicate only: {sum(predicate_only.values())} ({len(predicate_only)} distinct: {', '.join(sorted(predicate_only))})",
        f"missed:                 {sum(missed.values())} ({sum(missed.values()) / total:.2f}; {len(missed)} distinct)",
        "",
        f"Most frequent missed marked words (top {top}):",
    ]
    lines += [f"  {count:3d}  {word}" for word, count in missed.most_common(top)]
    lines += ["", "Entries that matched (on marked / on unmarked words):"]
    for key in sorted(on_marked.keys() | on_unmarked.keys(), key=lambda k: (-on_marked[k], on_unmarked[k], k)):
        lines.append(f"  {on_marked[key]:3d} / {on_unmarked[key]:3d}  {key}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Read the arguments, print the report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="the folder of Raw_english_annotated.txt")
    parser.add_argument("--ruleset", type=Path, action="append", help="a ruleset to read (repeatable; default: the shipped English ones)")
    parser.add_argument("--top", type=int, default=40, help="how many missed words to list")
    args = parser.parse_args(argv)
    print(measure(read_sentences(args.dataset), vocabulary(args.ruleset or DEFAULT_RULESETS), args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""kravkoll's clause classes measured on a second, outside set of labelled clauses.

    python bench/datasets.py                      # Swedish snippets: figures per class
    python bench/datasets.py --lang en            # the English ones
    python bench/datasets.py --list               # and each missed clause and each negative taken

The set is ``shared/datasets/itclarifies_analysismodule_snippets`` (its README: the JUnit
classifier tests of the itClarifies contract-analysis tool, 2015; sentences and clauses of
Swedish public procurement documents and contracts, with the labels the tool's author expected;
licence not stated, so only figures and the first words of a snippet are printed here).

Each snippet is read as a one-paragraph text document in its language and checked with the
shipped rulesets; a class "recognises" a snippet when one of its statements is of the class
(``checker.balance.element_statements``: the clause classes behind the report's balance, before
any requirement has to link to them). The dataset's labels map to kravkoll's classes:

- ``LIQUIDATED_DAMAGES``, ``PENALTIES`` → ``sanction``
- ``TERMINATION`` → ``termination``
- ``ACCEPTANCE_CRITERIA`` → ``acceptance``

Positives are the snippets with a label of the class (count above 0); negatives the snippets of
named real documents with none of that class's labels. The dataset labels only what each test
checked, so a "negative" can be an unlabelled clause of the class (``--list`` shows each), and
its ``ACCEPTANCE_CRITERIA`` are mostly a tender's evaluation criteria, which kravkoll's
``acceptance`` (the contract's acceptance of deliverables, labelling.md section 3) rightly leaves.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, for its shared_data module
from shared_data import ITCLARIFIES, itclarifies_snippets  # noqa: E402

SNIPPETS = ITCLARIFIES
CLASS_OF_LABEL = {
    "LIQUIDATED_DAMAGES": "sanction",
    "PENALTIES": "sanction",
    "TERMINATION": "termination",
    "ACCEPTANCE_CRITERIA": "acceptance",
}
CLASSES = ("sanction", "termination", "acceptance")

sys.path.insert(0, str(ROOT))


@dataclass
class Snippet:
    """One labelled snippet: its text, and the kravkoll classes its labels name."""

    text: str
    classes: frozenset[str]
    real: bool


@dataclass
class Tally:
    """How one class did: positives recognised, negatives taken, and which."""

    positives: int = 0
    recognised: int = 0
    negatives: int = 0
    taken: int = 0
    missed_texts: list[str] = field(default_factory=list)
    taken_texts: list[str] = field(default_factory=list)


def snippets(path: Path, language: str) -> Iterator[Snippet]:
    """The dataset's snippets of one language, each with the classes its labels name."""
    for text, labels, real in itclarifies_snippets(path, language):
        yield Snippet(text, frozenset(CLASS_OF_LABEL[label] for label in labels if label in CLASS_OF_LABEL), real)


def classes_found(text: str, language: str, linter: object) -> frozenset[str]:
    """The clause classes kravkoll finds in one snippet read as a text document."""
    from checker.balance import element_statements
    from checker.readers.plaintext import read_plaintext

    document = read_plaintext(text, "snippet.txt", language=language)
    found = element_statements(linter.check_document(document))  # type: ignore[attr-defined]
    return frozenset(key for key in CLASSES if found.get(key))


def measure(path: Path, language: str) -> dict[str, Tally]:
    """Each class's tally over the dataset's snippets of ``language``."""
    from checker.engine import Linter

    linter = Linter()
    tallies = {key: Tally() for key in CLASSES}
    for snippet in snippets(path, language):
        found = classes_found(snippet.text, language, linter)
        short = " ".join(snippet.text.split())[:90]
        for key, tally in tallies.items():
            if key in snippet.classes:
                tally.positives += 1
                tally.recognised += key in found
                if key not in found:
                    tally.missed_texts.append(short)
            elif snippet.real:
                tally.negatives += 1
                tally.taken += key in found
                if key in found:
                    tally.taken_texts.append(short)
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", default="sv", choices=("sv", "en"))
    parser.add_argument("--snippets", type=Path, default=SNIPPETS, help="the dataset's snippets.jsonl")
    parser.add_argument("--list", action="store_true", help="also list each missed positive and each negative taken")
    args = parser.parse_args()
    tallies = measure(args.snippets, args.lang)
    print(f"| class ({args.lang}) | positives recognised | negatives taken |")
    print("| --- | ---: | ---: |")
    for key, t in tallies.items():
        print(f"| {key} | {t.recognised}/{t.positives} | {t.taken}/{t.negatives} |")
    if args.list:
        for key, t in tallies.items():
            for text in t.missed_texts:
                print(f"- {key} missed: {text}")
            for text in t.taken_texts:
                print(f"- {key} taken: {text}")


if __name__ == "__main__":
    main()

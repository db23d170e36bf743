"""How kravkoll reads the shapes of real English requirement sentences: a second measure,
independent of the hand labels, from a treebank nobody tuned on.

    python bench/datasets_en_shapes.py                   # the table (Markdown)
    python bench/datasets_en_shapes.py --list missed     # and each sentence with a main-clause
                                                         # modal that is not read as a requirement
    python bench/datasets_en_shapes.py --dataset DIR     # another copy of the treebank

The treebank is UD_English-CTeTex (shared/datasets/ud_english_ctetex_pure: 276 sentences of
public software requirements specifications from the PURE corpus, with Universal Dependencies
syntax by hand; CC BY-SA 4.0). Its syntax says each sentence's shape, which kravkoll does not
read: the modal (an ``aux`` of the root: shall, must, will, should, may, can), the subject of the
root (``nsubj``, ``nsubj:pass``) or none, a passive (``aux:pass``), a predicate adjective or noun
(a root with a ``cop``), an imperative (a root verb first, with neither subject nor modal) and
"is required (to)" (the root ``required`` with its copula or passive auxiliary). A title
before the sentence ("Lag Frames – The BE shall …"), which the annotation makes the root, is
passed for the sentence's own predicate.

Each source document of the treebank (its ``newdoc`` id) is written as one Markdown document,
each sentence a paragraph of its own, and checked with the shipped English rulesets, as
``kravkoll check`` would. A sentence is read as a requirement when one of the statements on its
line is in the ``requirement`` class (a row of the traceability matrix); its party is that row's.
Every sentence of a requirements specification that binds with a modal in its main clause binds
the supplier (its subject is the system, a part of it or a user the system must serve), so the
figure that matters is how many of those are read, and how many as the supplier's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, for its shared_data module
from shared_data import shared_path  # noqa: E402

DATASET = shared_path("datasets", "ud_english_ctetex_pure")
BINDING = ("shall", "must", "will", "should")
"""Modals of the root counted as an obligation (may and can give permission or ability)."""


@dataclass
class Sentence:
    """One treebank sentence and the shape its annotation gives it."""

    doc: str
    text: str
    modal: str | None = None  # the root's modal (lower case), or "required to"
    subject: str | None = None  # the root's subject as a word class: noun, pronoun, none
    shape: str = "other"  # active, passive, predicate adjective, predicate noun, imperative
    read: bool = False
    party: str | None = None


@dataclass
class Token:
    form: str
    upos: str
    head: int
    rel: str
    children: list[int] = field(default_factory=list)


def parse(path: Path) -> list[Sentence]:
    """The treebank's sentences with their shapes."""
    sentences: list[Sentence] = []
    doc, text, tokens = "", "", {}
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# newdoc id"):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("# text"):
            text = line.split("=", 1)[1].strip()
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                tokens[int(cols[0])] = Token(cols[1], cols[3], int(cols[6]), cols[7])
        elif not line and tokens:
            sentences.append(shape(doc, text, tokens))
            tokens = {}
    return sentences


def shape(doc: str, text: str, tokens: dict[int, Token]) -> Sentence:
    """A sentence's modal, subject and shape, from its root and the root's dependents."""
    for i, token in tokens.items():
        if token.head:
            tokens[token.head].children.append(i)
    root_id = next(i for i, t in tokens.items() if t.head == 0)
    root = tokens[root_id]
    kids = [tokens[k] for k in root.children]
    if not any(k.rel.startswith(("nsubj", "csubj", "aux")) for k in kids):
        # a title before its sentence ("Lag Frames – The BE shall receive …"): the annotation
        # makes the title the root and the sentence its appos, parataxis or dep; the sentence's
        # predicate is the one to read
        clause = next((k for k in root.children if tokens[k].rel in ("appos", "parataxis", "dep", "list") and _has_modal(tokens, k)), None)
        if clause is not None:
            root_id, root = clause, tokens[clause]
            kids = [tokens[k] for k in root.children]
    sentence = Sentence(doc, text)
    modal = next((k.form.lower() for k in kids if k.rel == "aux" and k.form.lower() in (*BINDING, "may", "can")), None)
    if modal is None and root.form.lower() == "required" and any(k.rel in ("cop", "aux:pass") for k in kids):
        modal = "required to"  # "is required to …", and "The ID is required over the interface"
    sentence.modal = modal
    subject = next((k for k in kids if k.rel in ("nsubj", "nsubj:pass", "csubj")), None)
    sentence.subject = "none" if subject is None else ("pronoun" if subject.upos == "PRON" else "noun")
    if any(k.rel == "aux:pass" for k in kids):
        sentence.shape = "passive"
    elif any(k.rel == "cop" for k in kids):
        sentence.shape = "predicate adjective" if root.upos == "ADJ" else "predicate noun"
    elif root.upos == "VERB" and subject is None and modal is None and _first_word(tokens) == root_id:
        sentence.shape = "imperative"
    elif root.upos == "VERB":
        sentence.shape = "active"
    return sentence


def _has_modal(tokens: dict[int, Token], i: int) -> bool:
    """Whether token ``i`` has a modal of :data:`BINDING` (or may, can) as its ``aux``."""
    return any(tokens[k].rel == "aux" and tokens[k].form.lower() in (*BINDING, "may", "can") for k in tokens[i].children)


def _first_word(tokens: dict[int, Token]) -> int:
    """The first token that is a word (not a bullet, a bracket or a list letter)."""
    return next((i for i, t in tokens.items() if t.upos not in ("PUNCT", "SYM", "X", "NUM")), 0)


def read_all(sentences: list[Sentence]) -> None:
    """Check each source document and note, per sentence, whether it is read and as whose."""
    from checker.engine import Linter, trace

    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_doc[s.doc].append(s)
    linter = Linter()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for n, members in enumerate(by_doc.values()):
            path = Path(folder) / f"{n:03d}.md"
            path.write_text("".join(f"{s.text}\n\n" for s in members), encoding="utf-8")  # sentence k on line 2k+1
            paths.append((path, members))
        for (_path, members), result in zip(paths, linter.check_each([p for p, _ in paths])):
            rows: dict[int, object] = {}
            for row in trace(result):  # the sentence's first statement read as a requirement (a list run into it may follow)
                rows.setdefault(row.location.line, row)
            for k, s in enumerate(members):
                row = rows.get(2 * k + 1)
                s.read, s.party = row is not None, row.party if row is not None else None


def table(sentences: list[Sentence]) -> str:
    """The Markdown table: per modal and per shape, sentences read as requirements and their parties."""
    lines = ["| sentences | n | read as requirements | supplier | buyer | other party | no party |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]

    def row(label: str, group: list[Sentence]) -> None:
        if not group:
            return
        read = [s for s in group if s.read]
        parties = Counter(s.party for s in read)
        other = sum(v for k, v in parties.items() if k not in ("supplier", "buyer", None))
        share = f"{len(read) / len(group):.2f} ({len(read)})"
        lines.append(f"| {label} | {len(group)} | {share} | {parties['supplier']} | {parties['buyer']} | {other} | {parties[None]} |")

    binding = [s for s in sentences if s.modal in (*BINDING, "required to")]
    row("**main-clause obligation (shall, must, will, should, required to)**", binding)
    for modal in (*BINDING, "required to"):
        row(f"modal: {modal}", [s for s in binding if s.modal == modal])
    for kind in ("active", "passive", "predicate adjective", "predicate noun", "other"):
        row(f"shape: {kind}", [s for s in binding if s.shape == kind])
    for subject in ("noun", "pronoun", "none"):
        row(f"subject: {subject}", [s for s in binding if s.subject == subject])
    row("imperative, no modal", [s for s in sentences if s.shape == "imperative"])
    row("may / can in the main clause", [s for s in sentences if s.modal in ("may", "can")])
    row("no modal, not imperative (descriptions)", [s for s in sentences if s.modal is None and s.shape != "imperative"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--list", choices=("missed", "read", "all"), help="also list sentences: obligations not read, descriptions read, or all")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sentences = parse(args.dataset / "en_ctetex-ud-test.conllu")
    read_all(sentences)
    print(table(sentences))
    if args.list:
        print()
        for s in sentences:
            binding = s.modal in (*BINDING, "required to")
            wanted = args.list == "all" or (args.list == "missed" and binding and s.party != "supplier") or (args.list == "read" and not binding and s.read)
            if wanted:
                print(f"- [{s.modal or '-'} / {s.shape} / {s.subject} → {s.party if s.read else 'not read'}] {s.text[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

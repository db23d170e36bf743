"""kravkoll's quality on hand-labelled real documents: one command recomputes every figure.

    python bench/quality.py                       # print the figures (Markdown)
    python bench/quality.py --write docs/quality.md   # and replace the generated part of that page
    python bench/quality.py --split dev           # the documents used for tuning only
    python bench/quality.py --split dev --list-false  # and each false finding: text, matches, label; each chain disagreement: links found
    python bench/quality.py import RAW_FOLDER     # take new labels in (see bench/quality/README.md)

The labels (bench/quality/labels/<part>/*.tsv) were made by hand with
shared/design/labelling.md before the tool was run on the documents; bench/quality/split.tsv
says which documents were used for tuning (``dev``) and which are held out (``heldout``);
bench/quality/second-labelling.tsv names a document's second, independent labelling, which is in
no split and is only compared with the first (how far two labellers agree). The
documents themselves are read from shared/corpus, shared/corpus/more and bench/quality/corpus
(documents kept in the project because they were labelled; ``--corpus`` adds folders to look
in). Each folder's MANIFEST.tsv gives its documents' licences: only free texts are quoted in
labels.

Each label names a document, a line and the first words of a sentence (or, for texts whose
licence does not allow copying, a hash of those words and their length); it is matched to the
statement kravkoll reads on that line whose text holds those words. Labels that match no
statement are counted and listed, never dropped silently.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Iterator

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LABELS = BENCH / "quality" / "labels"
SPLIT = BENCH / "quality" / "split.tsv"
# Documents labelled twice, by two labellers who did not see each other's labels: the second
# labelling is in no split (it counts in no figure) and is compared with the first (agreement).
SECOND_LABELLING = BENCH / "quality" / "second-labelling.tsv"
sys.path.insert(0, str(BENCH))  # for its shared_data module
from shared_data import shared_path  # noqa: E402

CORPUS = [shared_path("corpus"), shared_path("corpus", "more"), BENCH / "quality" / "corpus"]
MARK_BEGIN = "<!-- quality.py: begin -->"
MARK_END = "<!-- quality.py: end -->"
FREE_LICENCE = re.compile(
    r"public domain|CC0|CC BY|Apache|MIT License|European Union Public Licence|EUPL|GNU General Public License|\bGPL|Open Government Licence", re.IGNORECASE
)
UNMEASURABLE = ("unmeasurable", "ambiguous")
SUPPLIER_ONLY = ("missing-follow-up", "missing-sanction")
# Which part of a sanction each weak-sanction rule says is missing (its message): the amount, the
# cap, the trigger (for a termination right: the trigger or the cure period) or a countable
# threshold. A rule not listed here is judged right when any part is missing.
WEAK_SANCTION_PART = {
    "CT003": "amount", "AV003": "amount",
    "CT004": "cap", "AV004": "cap", "CT007": "cap", "AV007": "cap",
    "CT005": "trigger", "AV005": "trigger",
    "CT006": "threshold", "AV006": "threshold",
}  # fmt: skip
SANCTION_PARTS = ("amount", "cap", "trigger", "threshold")
MODEL_PARTS = ("amount", "cap", "trigger", "cure")
BALANCE = ("follow_up", "sanction", "incentive", "governance", "improvement", "termination", "acceptance", "change", "dispute")

sys.path.insert(0, str(ROOT))


# ---- labels ---------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text as labels and statements are compared: no Markdown markup (a link reads as its
    text, as the labels quote it), one space, case folded, typographic quotes and dashes as plain
    ones."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)\s]*\)", r"\1", text)
    text = re.sub(r"[*_`|#>\\]", "", text)
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "\u00ad": ""}))
    return " ".join(text.split()).casefold()


def quote_key(quote: str) -> str:
    """What a committed label keeps of a quote it may not copy: a hash and the length."""
    text = normalise(quote)
    return f"sha1:{hashlib.sha1(text.encode()).hexdigest()[:16]}:{len(text)}"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in rows]


def write_tsv(path: Path, rows: list[dict[str, str]], columns: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            handle.write("\t".join(row.get(c, "").replace("\t", " ").replace("\n", " ") for c in columns) + "\n")


def free_documents(corpus: list[Path]) -> set[str]:
    """Documents whose licence (per the corpus MANIFESTs) allows quoting them in the project."""
    free: set[str] = set()
    for folder in corpus:
        manifest = folder / "MANIFEST.tsv"
        if manifest.exists():
            for row in read_tsv(manifest):
                licence = row.get("licence_or_status", "")
                # Crown copyright is free only when released under the Open Government Licence (copying and adapting
                # allowed with attribution, compatible with CC BY 4.0).
                if FREE_LICENCE.search(licence) and not re.search(r"all rights reserved|crown copyright(?!.*open government licence)", licence, re.IGNORECASE):
                    free.add(row["file"])
    return free


def import_labels(raw: Path, corpus: list[Path]) -> None:
    """Copy hand-made label files into the project, quotes of non-free texts replaced by hashes."""
    free = free_documents(corpus)
    for part in sorted(p for p in raw.iterdir() if p.is_dir()):
        for path in sorted(part.glob("*.tsv")):
            rows = read_tsv(path)
            if not rows:
                continue
            columns = list(rows[0])
            for row in rows:
                if "quote" in row and row["quote"] and row.get("doc") not in free:
                    row["quote"] = quote_key(row["quote"])
            write_tsv(LABELS / part.name / path.name, rows, columns)
            print(f"{part.name}/{path.name}: {len(rows)} rows")


# ---- matching labels to statements ----------------------------------------------------------------


@dataclass
class Checked:
    """One document as kravkoll read and checked it."""

    name: str
    language: str
    result: object
    rows: dict[int, object]  # statement → trace row
    findings: dict[int, list[object]]  # statement → active findings
    balance: dict[str, bool]
    sanctions: list[Any] = field(default_factory=list)  # the sanction model's clauses
    by_line: dict[int, list[int]] = field(default_factory=dict)
    normalised: dict[int, str] = field(default_factory=dict)


def find_document(name: str, corpus: list[Path]) -> Path | None:
    for folder in corpus:
        if (folder / name).exists():
            return folder / name
    return None


@cache
def _linter() -> Any:
    """One linter for every document: the shipped rulesets compiled, their matchers built once.
    (kravkoll 0.1, measured as the baseline, has no Linter: its ``check_each`` does the same.)"""
    try:
        from checker.engine import Linter
    except ImportError:
        from checker import engine

        return engine
    return Linter()


def check_document(path: Path) -> Checked:
    from checker.balance import balance
    from checker.engine import trace

    (result,) = list(_linter().check_each([path]))
    if not hasattr(result, "document"):
        raise SystemExit(f"{path}: {result.error}")
    rows = {row.statement: row for row in trace(result)}
    findings: dict[int, list] = defaultdict(list)
    for finding in result.findings:
        if finding.statement is not None and not finding.suppressed:
            for statement in finding.about():  # a list's finding stands for each item it names
                findings[statement].append(finding)
    present = {key: element.present for key, element in balance(result).items()}
    checked = Checked(path.name, result.document.language, result, rows, findings, present, _sanction_models(result))
    for statement in result.document.statements:
        if statement.kind == "heading":
            continue
        for anchor in statement.anchors:
            checked.by_line.setdefault(anchor.location.line, []).append(statement.index)
        checked.normalised[statement.index] = normalise(statement.text)
    return checked


def _sanction_models(result: Any) -> list[Any]:
    """The document's sanction model (what the matrix shows as ``sanctions``); none in versions
    of kravkoll that have no sanction model (0.1, measured as the baseline)."""
    try:
        from checker.engine.sanctions import sanction_models
    except ImportError:
        return []
    return sanction_models(result)


def contains(text: str, quote: str) -> bool:
    if not quote.startswith("sha1:"):
        return normalise(quote) in text
    _, digest, length = quote.split(":")
    size = int(length)
    starts = [0] + [m.end() for m in re.finditer(r"\W+", text)]
    return any(hashlib.sha1(text[s : s + size].encode()).hexdigest()[:16] == digest for s in starts if s + size <= len(text))


def statement_of(checked: Checked, line: int, quote: str) -> int | None:
    """The statement on ``line`` (or a line or two off, for labels that miscounted) holding ``quote``."""
    for delta in (0, 1, -1, 2, -2):
        for i in checked.by_line.get(line + delta, []):
            if contains(checked.normalised[i], quote):
                return i
    return None


def placed(checked: Checked, labels: list[dict[str, str]], unmatched: list[str], kind: str = "") -> Iterator[tuple[dict[str, str], int]]:
    """Each label with the statement it is matched to (:func:`statement_of`), in the labels'
    order; a label that matches none is noted in ``unmatched`` (with ``kind``, as "(chain)")."""
    for label in labels:
        i = statement_of(checked, int(label["line"]), label["quote"])
        if i is None:
            unmatched.append(f"{checked.name}:{label['line']}" + (f" ({kind})" if kind else ""))
        else:
            yield label, i


# ---- figures --------------------------------------------------------------------------------------


def ratio(hit: int, total: int) -> str:
    return f"{hit / total:.2f} ({hit}/{total})" if total else "–"


@dataclass
class Tally:
    """Counts behind the figures of one group of documents."""

    labels: int = 0
    unmatched: list[str] = field(default_factory=list)
    supplier_labels: int = 0
    supplier_found: int = 0
    tool_requirements: int = 0
    tool_requirements_right: int = 0
    unmeasurable_labels: int = 0
    unmeasurable_found: int = 0
    flagged: int = 0
    flagged_right: int = 0
    buyer_mutual_supplier_findings: list[str] = field(default_factory=list)
    own_duty_flagged: int = 0  # labelled statements whose findings say they are the buyer's or both parties' duty
    own_duty_right: int = 0  # of them, labelled the buyer's or both parties'
    per_rule: Counter = field(default_factory=Counter)
    per_rule_right: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    wrong_details: list[str] = field(default_factory=list)  # each of ``wrong`` with its text, matches and label
    not_requirements: list[str] = field(default_factory=list)  # statements read as requirements, labelled none
    chain_rows: int = 0
    chain_reached: int = 0
    follow_lenient: int = 0
    follow_strict: int = 0
    sanction_lenient: int = 0
    sanction_strict: int = 0
    chain_misses: list[str] = field(default_factory=list)
    chain_details: list[str] = field(default_factory=list)  # each of ``chain_misses`` with the links found, the label's note and the text
    chain_findings: Counter = field(default_factory=Counter)
    chain_findings_right: Counter = field(default_factory=Counter)
    clauses: int = 0
    clauses_agree: int = 0
    clause_misses: list[str] = field(default_factory=list)
    sanction_rows: int = 0
    sanction_statements: int = 0  # statements with sanction labels
    weak_findings: Counter = field(default_factory=Counter)  # part → weak-sanction findings
    weak_findings_right: Counter = field(default_factory=Counter)
    weak_per_rule: Counter = field(default_factory=Counter)
    weak_per_rule_right: Counter = field(default_factory=Counter)
    weak_wrong: list[str] = field(default_factory=list)
    parts_missing: Counter = field(default_factory=Counter)  # part → labelled missing
    parts_missing_flagged: Counter = field(default_factory=Counter)
    weak_misses: list[str] = field(default_factory=list)
    modelled: int = 0
    model_parts: Counter = field(default_factory=Counter)  # part → labelled rows the part applies to, in the model
    model_parts_agree: Counter = field(default_factory=Counter)
    model_misses: list[str] = field(default_factory=list)


def is_yes(value: str) -> bool:
    return value.strip().lower() in ("yes", "y", "ja", "partial")


def statement_text(checked: Checked, i: int, limit: int = 200) -> str:
    """A statement's text on one line, cut at ``limit`` characters, for the lists of false findings."""
    text = " ".join(checked.result.document.statements[i].text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def label_summary(group: list[dict[str, str]]) -> str:
    """What the labels of one statement say of it: requirement, party, measurable, note."""
    parts = []
    for g in group:
        said = [f"req={g.get('is_requirement', '')}", f"party={g.get('party', '')}", f"measurable={g.get('measurable', '')}"]
        if g.get("vague_terms") or g.get("note"):
            said.append(repr(g.get("vague_terms") or g.get("note")))
        parts.append(" ".join(said))
    return "; ".join(parts)


def false_detail(checked: Checked, i: int, group: list[dict[str, str]], findings: list[Any]) -> str:
    """One false finding for ``--list-false``: where, which rules matched which words, the label, the text."""
    matched = ", ".join(f"{f.rule.split('/')[-1]}:{f.match!r}" for f in findings)
    return f"{checked.name}:{group[0]['line']} {matched} [{label_summary(group)}] {statement_text(checked, i)}"


def tally_requirements(t: Tally, checked: Checked, labels: list[dict[str, str]]) -> None:
    by_statement: dict[int, list[dict[str, str]]] = defaultdict(list)
    t.labels += len(labels)
    for label, i in placed(checked, labels, t.unmatched):
        by_statement[i].append(label)
        requirement = is_yes(label["is_requirement"])
        party = label.get("party", "").lower()
        flagged_here = any(f.category in UNMEASURABLE for f in checked.findings.get(i, []))
        if requirement and party == "supplier":
            t.supplier_labels += 1
            t.supplier_found += i in checked.rows
        if requirement and label.get("measurable", "").lower() == "no":
            t.unmeasurable_labels += 1
            if flagged_here:
                t.unmeasurable_found += 1
            else:
                t.misses.append(f"{checked.name}:{label['line']} ({label.get('vague_terms') or label.get('note') or 'criterion missing'})")
        if party in ("buyer", "mutual"):
            for f in checked.findings.get(i, []):
                if f.category in SUPPLIER_ONLY:
                    t.buyer_mutual_supplier_findings.append(f"{checked.name}:{label['line']} {f.rule}")
    for i, group in by_statement.items():
        requirement = any(is_yes(g["is_requirement"]) for g in group)
        unmeasurable = any(is_yes(g["is_requirement"]) and g.get("measurable", "").lower() == "no" for g in group)
        if i in checked.rows:
            t.tool_requirements += 1
            t.tool_requirements_right += requirement
            if not requirement:
                t.not_requirements.append(f"{checked.name}:{group[0]['line']} [{label_summary(group)}] {statement_text(checked, i)}")
        for f in checked.findings.get(i, []):
            if f.category in UNMEASURABLE:
                t.per_rule[f.rule] += 1
                t.per_rule_right[f.rule] += unmeasurable
        if any(getattr(f, "party", None) in ("buyer", "mutual") for f in checked.findings.get(i, []) if f.statement == i):  # 0.1 has no party
            t.own_duty_flagged += 1
            t.own_duty_right += any(g.get("party", "").lower() in ("buyer", "mutual") for g in group)
        if any(f.category in UNMEASURABLE for f in checked.findings.get(i, [])):
            t.flagged += 1
            t.flagged_right += unmeasurable
            if not unmeasurable:
                rules = ",".join(sorted({f.rule.split("/")[-1] for f in checked.findings[i] if f.category in UNMEASURABLE}))
                t.wrong.append(f"{checked.name}:{group[0]['line']} {rules}")
                flagged = [f for f in checked.findings[i] if f.category in UNMEASURABLE]
                t.wrong_details.append(false_detail(checked, i, group, flagged))


def tally_chain(t: Tally, checked: Checked, labels: list[dict[str, str]]) -> None:
    rows_of_chain: set[int] = set()
    t.chain_rows += len(labels)
    for label, i in placed(checked, labels, t.unmatched, "chain"):
        rows_of_chain.add(i)
        row = checked.rows.get(i)
        t.chain_reached += row is not None
        follow = row.follow_up if row is not None else []
        sanction = row.sanction if row is not None else []
        t.follow_lenient += bool(follow) == is_yes(label["followed_up"])
        t.follow_strict += any(link.how != "blanket" for link in follow) == (label.get("followup_kind", "").lower() == "specific")
        t.sanction_lenient += bool(sanction) == is_yes(label["sanctioned"])
        t.sanction_strict += any(link.how != "blanket" for link in sanction) == (label.get("sanction_kind", "").lower() == "specific")
        verdicts = [(what, _kind_of(label, what), _found_kind(links)) for what, links in (("follow-up", follow), ("sanction", sanction))]
        wrong = [f"{what} labelled {labelled}, kravkoll {found}" for what, labelled, found in verdicts if labelled != found]
        if wrong:
            t.chain_misses.append(f"{checked.name}:{label['line']} " + "; ".join(wrong) + ("" if row is not None else " (not in the matrix)"))
            t.chain_details.append(chain_detail(checked, i, label, wrong, follow, sanction, row is not None))
        for f in checked.findings.get(i, []):
            if f.category == "missing-follow-up":
                t.chain_findings[f.category] += 1
                t.chain_findings_right[f.category] += not is_yes(label["followed_up"])
            elif f.category == "missing-sanction":
                t.chain_findings[f.category] += 1
                t.chain_findings_right[f.category] += not is_yes(label["sanctioned"])


def chain_detail(checked: Checked, i: int, label: dict[str, str], wrong: list[str], follow: list[Any], sanction: list[Any], reached: bool) -> str:
    """One chain disagreement for ``--list-false``: the verdicts, each link kravkoll found (how, why,
    the linked statement's line and words), the lines the label names and its note, the requirement's text."""

    def links(what: str, found: list[Any]) -> str:
        shown = [
            f"{link.how}/{link.reason or '-'}{'=' + repr(link.detail) if link.detail else ''} @{link.location.line} {' '.join(link.text.split())[:90]!r}"
            for link in found[:3]
        ]
        return f"{what} links: " + (" | ".join(shown) + (f" (+{len(found) - 3})" if len(found) > 3 else "") if shown else "none")

    said = [f"{what} at {label[key]}" for what, key in (("follow-up", "followup_lines"), ("sanction", "sanction_lines")) if label.get(key)]
    said += [label["note"]] if label.get("note") else []
    parts = ["; ".join(wrong) + ("" if reached else " (not in the matrix)")]
    parts += [links(what, found) for what, found in (("follow-up", follow), ("sanction", sanction)) if any(w.startswith(what) for w in wrong)]
    if said:
        parts.append("label: " + "; ".join(said))
    return f"{checked.name}:{label['line']} " + " — ".join(parts) + f" — {statement_text(checked, i)}"


def _kind_of(label: dict[str, str], what: str) -> str:
    """A chain label's verdict: specific, blanket or none."""
    key = "followup" if what == "follow-up" else "sanction"
    if not is_yes(label["followed_up" if what == "follow-up" else "sanctioned"]):
        return "none"
    return "specific" if label.get(f"{key}_kind", "").lower() == "specific" else "blanket"


def _found_kind(links: list[Any]) -> str:
    """kravkoll's verdict on a row's links: specific, blanket (only) or none."""
    if not links:
        return "none"
    return "specific" if any(link.how != "blanket" for link in links) else "blanket"


def tally_clauses(t: Tally, checked: Checked, labels: list[dict[str, str]]) -> None:
    for label in labels:
        element = label["element"].strip().lower().replace("acceptance_criteria", "acceptance").replace("change_procedure", "change")
        if element not in checked.balance:
            continue
        t.clauses += 1
        agree = checked.balance[element] == is_yes(label["present"])
        t.clauses_agree += agree
        if not agree:
            t.clause_misses.append(f"{checked.name} {element}: labelled {label['present']}, kravkoll {'present' if checked.balance[element] else 'missing'}")


def missing_parts(label: dict[str, str]) -> set[str]:
    """The parts a sanction label says the document does not state: ``amount`` and ``cap`` when
    labelled ``no`` (``reference``: stated where the document points, ``not_applicable``: a
    termination, re-performance or a reduction bounded by the price has none); ``trigger`` when
    no failure is named or only an uncountable one ("repeated"), or a termination right gives no
    cure period; ``threshold`` when the trigger is uncountable."""
    value = {part: label.get(part, "").strip().lower() for part in ("amount", "cap", "trigger", "cure")}
    missing = {part for part in ("amount", "cap") if value[part] == "no"}
    if value["trigger"] in ("no", "vague") or value["cure"] == "no":
        missing.add("trigger")
    if value["trigger"] == "vague":
        missing.add("threshold")
    return missing


def weak_sanction_part(rule: str) -> str | None:
    """The part a weak-sanction rule (full or short id) says is missing; None: a rule not known."""
    return WEAK_SANCTION_PART.get(rule.rsplit("/", 1)[-1])


def weak_finding_right(part: str | None, labels: list[dict[str, str]]) -> bool:
    """Whether a weak-sanction finding about ``part`` is right on a statement with these sanction
    labels: some label says that part is missing (any part, for a rule not known). No label: the
    statement is no sanction clause, and the finding is wrong."""
    return any((part in missing) if part else bool(missing) for missing in map(missing_parts, labels))


def model_states(label: dict[str, str], part: str) -> bool | None:
    """Whether the label says the document states ``part`` of the sanction (a reference to where
    it stands counts; so does an uncountable trigger); None where the part does not apply."""
    value = label.get(part, "").strip().lower()
    if value in ("", "not_applicable", "n/a"):
        return None
    return value != "no"


def models_by_statement(models: list[Any]) -> dict[int, Any]:
    """Statement → the sanction clause of the model that holds it: as one of its sanction
    statements or, failing that, as the statement that states one of its parts ("For every 15
    minutes late, 1 day is added" is the amount of the credit sentence before it)."""
    held: dict[int, Any] = {}
    for model in models:
        for part in MODEL_PARTS:
            if (found := getattr(model, part)) is not None:
                held.setdefault(found.statement, model)
    for model in models:
        for i in model.statements:
            held[i] = model
    return held


def clause_labels(i: int, model_of: dict[int, Any], by_statement: dict[int, list[dict[str, str]]]) -> list[dict[str, str]]:
    """The labels of the sanction clause statement ``i`` belongs to in the sanction model, for a
    statement that has none of its own (a fragment of a formula split by a PDF conversion)."""
    model = model_of.get(i)
    statements = model.statements if model is not None else []
    return [label for j in statements for label in by_statement.get(j, [])]


def tally_sanctions(t: Tally, checked: Checked, labels: list[dict[str, str]]) -> None:
    """Weak-sanction findings against the sanction labels (precision, and recall of the missing
    parts), and the sanction model's amount, cap, trigger and cure against the same labels."""
    by_statement: dict[int, list[dict[str, str]]] = defaultdict(list)
    t.sanction_rows += len(labels)
    for label, i in placed(checked, labels, t.unmatched, "sanction"):
        by_statement[i].append(label)
    money = [label for label in labels if label.get("cap", "").strip().lower() in ("yes", "no", "reference")]
    model_of = models_by_statement(checked.sanctions)
    document_findings = [f for f in checked.result.findings if f.category == "weak-sanction" and f.statement is None and not f.suppressed]
    for f in (*document_findings, *(f for fs in checked.findings.values() for f in fs if f.category == "weak-sanction")):
        part = weak_sanction_part(f.rule)
        # A document finding (the cap rules) is about the document's financial sanctions; one on
        # a statement about the labels of its sanction clause as the sanction model groups it.
        judged = money if f.statement is None else by_statement.get(f.statement) or clause_labels(f.statement, model_of, by_statement)
        right = weak_finding_right(part, judged)
        t.weak_findings[part or "other"] += 1
        t.weak_findings_right[part or "other"] += right
        t.weak_per_rule[f.rule] += 1
        t.weak_per_rule_right[f.rule] += right
        if not right:
            where = "document" if f.statement is None else f.location.line if f.location else f.statement
            if not judged:
                why = "no labelled financial sanction" if f.statement is None else "no labelled sanction clause"
            else:
                why = f"{part}: labelled stated"
            t.weak_wrong.append(f"{checked.name}:{where} {f.rule.rsplit('/', 1)[-1]} ({why})")
    flagged: dict[int, set[str]] = defaultdict(set)
    for i, fs in checked.findings.items():
        flagged[i] |= {weak_sanction_part(f.rule) or "other" for f in fs if f.category == "weak-sanction"}
    document_parts = {weak_sanction_part(f.rule) or "other" for f in document_findings}
    for i, group in by_statement.items():  # a statement with two labels (two sentences kravkoll reads as one) counts once
        where = f"{checked.name}:{group[0]['line']}"
        t.sanction_statements += 1
        for part in sorted(set().union(*map(missing_parts, group))):
            t.parts_missing[part] += 1
            hit = part in flagged[i] or "other" in flagged[i] or part in document_parts
            t.parts_missing_flagged[part] += hit
            if not hit:
                t.weak_misses.append(f"{where} {part} missing, not flagged")
        model = model_of.get(i)
        t.modelled += model is not None
        if model is None:
            t.model_misses.append(f"{where} not in the sanction model")
            continue
        for part in MODEL_PARTS:
            stated = model_states(group[0], part)
            if stated is None:
                continue
            found = getattr(model, part)
            t.model_parts[part] += 1
            t.model_parts_agree[part] += (found is not None) == stated
            if (found is not None) != stated:
                t.model_misses.append(f"{where} {part}: labelled {group[0][part]}, model " + (f"finds {found.text[:50]!r}" if found else "none"))


# ---- the run --------------------------------------------------------------------------------------


def load_labels(kind: str) -> dict[str, list[dict[str, str]]]:
    by_doc: dict[str, list[dict[str, str]]] = defaultdict(list)
    for path in sorted(LABELS.glob(f"*/{kind}.tsv")):
        for row in read_tsv(path):
            if row.get("doc"):
                by_doc[row["doc"]].append(row)
    return by_doc


def load_split() -> dict[str, str]:
    return {row["doc"]: row["split"] for row in read_tsv(SPLIT)}


def second_labellings() -> dict[str, str]:
    """Each twice-labelled document's second labelling (a name in no split) → its first (in one)."""
    return {row["second"]: row["first"] for row in read_tsv(SECOND_LABELLING)}


def _agreement_key(label: dict[str, str]) -> str:
    """What two labellings of one text share for a statement: its first words (the line numbers
    of two copies may differ by a conversion's page breaks)."""
    return normalise(label["quote"])[:60]


def labeller_agreement(labels: dict[str, list[dict[str, str]]]) -> list[str]:
    """How often two labellers of the same document agree, statement by statement: whether it is
    a requirement (every statement both labelled), whom it binds and whether it is measurable (the
    statements both call requirements), and whether a supplier requirement is measurable. A
    statement is paired by its first words; statements one labelling lacks are counted apart."""
    out: list[str] = []
    for second, first in sorted(second_labellings().items()):
        firsts: dict[str, dict[str, str]] = {}
        for label in labels.get(first, []):
            firsts.setdefault(_agreement_key(label), label)
        seconds = labels.get(second, [])
        pairs = [(firsts[key], label) for label in seconds if (key := _agreement_key(label)) in firsts]
        both = [(a, b) for a, b in pairs if a["is_requirement"] == b["is_requirement"] == "yes"]
        supplier = [(a, b) for a, b in both if a["party"] == b["party"] == "supplier"]

        def agrees(column: str, rows: list[tuple[dict[str, str], dict[str, str]]]) -> str:
            return ratio(sum(a[column] == b[column] for a, b in rows), len(rows))

        out.append(
            f"| `{first}` / `{second}` | {len(pairs)} of {len(seconds)} | {agrees('is_requirement', pairs)} | "
            f"{agrees('party', both)} | {agrees('measurable', both)} | {agrees('measurable', supplier)} |"
        )
    if not out:
        return []
    header = [
        "Two labellers, one document (labelled twice without seeing each other's labels; the second labelling counts in no figure):",
        "",
        "| document (first / second labelling) | statements paired | requirement or not | party | measurable | measurable (supplier) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    return [*header, *out, ""]


def run(corpus: list[Path], splits: Iterable[str], list_false: bool = False) -> str:
    split_of = load_split()
    kinds = {kind: load_labels(kind) for kind in ("requirements", "chain", "clauses", "sanctions")}
    documents = sorted(set().union(*(set(k) for k in kinds.values())))
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    shown: list[str] = []
    for name in documents:
        split = split_of.get(name)
        if split not in splits:
            continue
        path = find_document(name, corpus)
        if path is None:
            print(f"quality: {name}: not found in {', '.join(map(str, corpus))}", file=sys.stderr)
            continue
        checked = check_document(path)
        language = "sv" if name.startswith("sv_") else "en"
        for key in ((split, language), (split, "all")):
            t = tallies[key]
            tally_requirements(t, checked, kinds["requirements"].get(name, []))
            tally_chain(t, checked, kinds["chain"].get(name, []))
            tally_clauses(t, checked, kinds["clauses"].get(name, []))
            tally_sanctions(t, checked, kinds["sanctions"].get(name, []))
        counts = " | ".join(str(len(kinds[kind].get(name, []))) for kind in ("requirements", "chain", "sanctions"))
        shown.append(f"| `{name}` | {split} | {counts} |")
    out: list[str] = []
    for split in splits:
        groups = [(lang, tallies[(split, lang)]) for lang in ("sv", "en", "all") if (split, lang) in tallies]
        if not groups:
            continue
        title = "Held-out documents (never used for tuning)" if split == "heldout" else "Development documents (used for tuning: optimistic)"
        out += [f"### {title}", "", "| figure | Swedish | English | both |", "| --- | ---: | ---: | ---: |"]
        cells = dict(groups)

        def line(label: str, value) -> None:
            out.append(f"| {label} | " + " | ".join(value(cells[lang]) if lang in cells else "–" for lang in ("sv", "en", "all")) + " |")

        line("unmeasurable: precision", lambda t: ratio(t.flagged_right, t.flagged))
        line("unmeasurable: recall", lambda t: ratio(t.unmeasurable_found, t.unmeasurable_labels))
        line("supplier obligations recognised (recall)", lambda t: ratio(t.supplier_found, t.supplier_labels))
        line("statements read as requirements that are (precision)", lambda t: ratio(t.tool_requirements_right, t.tool_requirements))
        line("buyer / mutual clauses with supplier findings", lambda t: str(len(t.buyer_mutual_supplier_findings)))
        line("findings read as the buyer's / both parties' duty, labelled so (statements)", lambda t: ratio(t.own_duty_right, t.own_duty_flagged))
        line("chain rows reaching the matrix", lambda t: ratio(t.chain_reached, t.chain_rows))
        line("follow-up verdict agrees, lenient", lambda t: ratio(t.follow_lenient, t.chain_rows))
        line("follow-up verdict agrees, strict", lambda t: ratio(t.follow_strict, t.chain_rows))
        line("sanction verdict agrees, lenient", lambda t: ratio(t.sanction_lenient, t.chain_rows))
        line("sanction verdict agrees, strict", lambda t: ratio(t.sanction_strict, t.chain_rows))
        line("missing-follow-up findings right", lambda t: ratio(t.chain_findings_right["missing-follow-up"], t.chain_findings["missing-follow-up"]))
        line("missing-sanction findings right", lambda t: ratio(t.chain_findings_right["missing-sanction"], t.chain_findings["missing-sanction"]))
        line("clause presence agrees", lambda t: ratio(t.clauses_agree, t.clauses))
        line("weak-sanction findings right (precision)", lambda t: ratio(sum(t.weak_findings_right.values()), sum(t.weak_findings.values())))
        line("weak-sanction: missing parts flagged (recall)", lambda t: ratio(sum(t.parts_missing_flagged.values()), sum(t.parts_missing.values())))
        line("sanction clauses in the sanction model", lambda t: ratio(t.modelled, t.sanction_statements))
        for part in MODEL_PARTS:
            line(f"sanction model: {part} agrees", lambda t, part=part: ratio(t.model_parts_agree[part], t.model_parts[part]))
        line("labels matched to a statement", lambda t: ratio(t.labels - len([u for u in t.unmatched if not u.endswith(("(chain)", "(sanction)"))]), t.labels))
        everything = cells["all"]
        out += ["", "Per rule (unmeasurable and ambiguous findings on labelled statements):", "", "| rule | right / findings |", "| --- | ---: |"]
        for rule, count in sorted(everything.per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"| {rule} | {ratio(everything.per_rule_right[rule], count)} |")
        out += ["", "Weak-sanction findings by the part they say is missing, and recall of the labelled missing parts:", ""]
        out += ["| part | findings right | missing parts flagged |", "| --- | ---: | ---: |"]
        for part in (*SANCTION_PARTS, "other"):
            if everything.weak_findings[part] or everything.parts_missing[part]:
                out.append(
                    f"| {part} | {ratio(everything.weak_findings_right[part], everything.weak_findings[part])} | {ratio(everything.parts_missing_flagged[part], everything.parts_missing[part])} |"
                )
        out += ["", "| weak-sanction rule | right / findings |", "| --- | ---: |"]
        for rule, count in sorted(everything.weak_per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"| {rule} | {ratio(everything.weak_per_rule_right[rule], count)} |")
        for heading, items in (
            ("Unmeasurable requirements not flagged", everything.misses),
            ("Findings on statements labelled measurable or not a requirement", everything.wrong),
            ("Supplier findings on buyer or mutual clauses", everything.buyer_mutual_supplier_findings),
            ("Chain rows whose follow-up or sanction verdict disagrees", everything.chain_misses),
            ("Clause presence disagreements", everything.clause_misses),
            ("Weak-sanction findings on parts labelled stated, or on no labelled sanction clause", everything.weak_wrong),
            ("Missing sanction parts not flagged", everything.weak_misses),
            ("Sanction model disagreements", everything.model_misses),
            ("Labels that match no statement", everything.unmatched),
            *(
                (
                    ("False findings, with the words matched, the label and the text", everything.wrong_details),
                    ("Statements read as requirements that are labelled none, with the label and the text", everything.not_requirements),
                    ("Chain rows whose verdict disagrees, with the links found, the label's lines and note, and the text", everything.chain_details),
                )
                if list_false
                else ()
            ),
        ):
            out += ["", f"<details><summary>{heading}: {len(items)}</summary>", ""]
            out += [f"- {item}" for item in items] + ["", "</details>"]
        out.append("")
    out += labeller_agreement(kinds["requirements"])
    out += ["Documents:", "", "| document | split | requirement labels | chain rows | sanction clauses |", "| --- | --- | ---: | ---: | ---: |", *shown]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="report", choices=("report", "import"))
    parser.add_argument("raw", nargs="?", help="for import: the folder of label parts")
    parser.add_argument("--corpus", action="append", type=Path, default=[], help="another folder to find documents in")
    parser.add_argument("--split", choices=("dev", "heldout", "both"), default="both")
    parser.add_argument("--write", type=Path, help="replace the generated part of this Markdown page")
    parser.add_argument(
        "--list-false",
        action="store_true",
        help="also list each false finding and each statement wrongly read as a requirement, with its text, matches and label,"
        " and each chain row whose follow-up or sanction verdict disagrees, with the links found",
    )
    args = parser.parse_args(argv)
    corpus = args.corpus + CORPUS
    if args.command == "import":
        import_labels(Path(args.raw), corpus)
        return 0
    splits = ("heldout", "dev") if args.split == "both" else (args.split,)
    if args.write and args.list_false:
        parser.error("--list-false is for reading, not for the generated page (--write)")
    text = run(corpus, splits, args.list_false)
    sys.stdout.write(text)
    if args.write:
        page = args.write.read_text(encoding="utf-8")
        begin, end = page.index(MARK_BEGIN) + len(MARK_BEGIN), page.index(MARK_END)
        args.write.write_text(page[:begin] + "\n" + text + page[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

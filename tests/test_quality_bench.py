"""The documents kept in bench/quality/corpus: each is listed in its MANIFEST with a free licence, is
read by bench/quality.py, and every label on it quotes words that stand on (or next to) its line."""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
KEPT = ROOT / "bench" / "quality" / "corpus"
NOT_DOCUMENTS = {"MANIFEST.tsv", "README.md"}


@cache
def _quality() -> ModuleType:
    """bench/quality.py as a module (registered first: its dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location("bench_quality", ROOT / "bench" / "quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _kept_documents() -> set[str]:
    return {path.name for path in KEPT.iterdir() if path.is_file() and path.name not in NOT_DOCUMENTS}


def test_every_kept_document_is_read_and_has_a_free_licence() -> None:
    quality = _quality()
    kept = _kept_documents()
    assert kept, "bench/quality/corpus holds no documents"
    assert KEPT in quality.CORPUS
    assert kept <= quality.free_documents([KEPT]), "a document without a free licence in MANIFEST.tsv"
    assert all(quality.find_document(name, quality.CORPUS) == KEPT / name for name in kept)


def test_every_label_on_a_kept_document_quotes_its_line() -> None:
    quality = _quality()
    kept = _kept_documents()
    split = quality.load_split()
    second = quality.second_labellings()
    checked = 0
    for kind in ("requirements", "chain", "clauses", "sanctions"):
        for name, labels in quality.load_labels(kind).items():
            if name not in kept:
                continue
            if name in second:
                assert name not in split and split.get(second[name]) in ("dev", "heldout"), f"{name}: a second labelling is in no split, its first in one"
            else:
                assert split.get(name) in ("dev", "heldout"), f"{name} is in no split"
            lines = (KEPT / name).read_text(encoding="utf-8").split("\n")
            for label in labels:
                if not label.get("line"):
                    continue  # a clause labelled absent has no evidence
                line = int(label["line"])
                near = quality.normalise(" ".join(lines[max(line - 3, 0) : line + 4]))
                assert quality.normalise(label["quote"]) in near, f"{kind}: {name}:{line} {label['quote']!r}"
                checked += 1
    assert checked


def test_a_document_under_the_eupl_counts_as_free(tmp_path: Path) -> None:
    """The European Union Public Licence is a free licence (OSI-approved, copying allowed): a text
    kept under it may be quoted in labels; a row that says nothing free still does not count."""
    quality = _quality()
    columns = "file\tlang\tkind\tsource\tlicence_or_status\tpages_estimate\tnotes\n"
    rows = [
        "eupl.txt\tsv\tcontract\tsome/repo a.txt @0\tEuropean Union Public Licence (EUPL) version 1.2 (repository README)\t1\t\n",
        "unknown.txt\tsv\tcontract\tsome/repo b.txt @0\tlicence unknown\t1\t\n",
    ]
    (tmp_path / "MANIFEST.tsv").write_text(columns + "".join(rows), encoding="utf-8")
    assert quality.free_documents([tmp_path]) == {"eupl.txt"}


def test_crown_copyright_under_the_open_government_licence_counts_as_free(tmp_path: Path) -> None:
    """UK government texts are Crown copyright; released under the Open Government Licence v3.0
    (copying and adapting allowed with attribution) they may be quoted in labels, without it not."""
    quality = _quality()
    columns = "file\tlang\tkind\tsource\tlicence_or_status\tpages_estimate\tnotes\n"
    rows = [
        "ogl.md\ten\tterms\tsome/repo a.md @0\tCrown copyright (GDS); site footer: all content available under the Open Government Licence v3.0\t1\t\n",
        "crown.md\ten\tterms\tsome/repo b.md @0\tCrown copyright\t1\t\n",
    ]
    (tmp_path / "MANIFEST.tsv").write_text(columns + "".join(rows), encoding="utf-8")
    assert quality.free_documents([tmp_path]) == {"ogl.md"}


def test_a_document_under_the_gpl_counts_as_free(tmp_path: Path) -> None:
    """The GNU General Public License is a free licence (copying and changing allowed): a text kept
    under it may be quoted in labels; a word that only contains the letters does not count."""
    quality = _quality()
    columns = "file\tlang\tkind\tsource\tlicence_or_status\tpages_estimate\tnotes\n"
    rows = [
        "gpl.md\tsv\tcontract\tsome/repo a.md @0\tGNU General Public License version 2 (repository README: 'licensierat under GPL v2')\t1\t\n",
        "short.md\tsv\tcontract\tsome/repo b.md @0\tGPLv2 (repository README)\t1\t\n",
        "word.md\tsv\tcontract\tsome/repo c.md @0\tlicence unknown (the repository is called wgpl-docs)\t1\t\n",
    ]
    (tmp_path / "MANIFEST.tsv").write_text(columns + "".join(rows), encoding="utf-8")
    assert quality.free_documents([tmp_path]) == {"gpl.md", "short.md"}


def test_labels_quote_a_markdown_link_by_its_text() -> None:
    quality = _quality()
    statement = (
        "**BÖR**: Diggs [Svenskt ramverk](https://www.digg.se/kunskap) och [EU-förordningen](https://eur-lex.europa.eu/eli/reg/2024/903/oj) är konsulterade."
    )
    assert quality.normalise("BÖR: Diggs Svenskt ramverk") in quality.normalise(statement)
    assert quality.normalise("Svenskt ramverk och EU-förordningen är konsulterade.") in quality.normalise(statement)


def _sanction_label(line: int, quote: str, amount: str, cap: str, trigger: str = "yes", cure: str = "not_applicable") -> dict[str, str]:
    return {"doc": "credits.md", "line": str(line), "quote": quote, "amount": amount, "cap": cap, "trigger": trigger, "cure": cure}


def test_a_sanction_label_says_which_parts_are_missing() -> None:
    quality = _quality()
    assert quality.missing_parts(_sanction_label(1, "x", "no", "no")) == {"amount", "cap"}
    assert quality.missing_parts(_sanction_label(1, "x", "reference", "yes")) == set()
    assert quality.missing_parts(_sanction_label(1, "x", "not_applicable", "not_applicable", "vague", "no")) == {"trigger", "threshold"}
    assert quality.missing_parts(_sanction_label(1, "x", "not_applicable", "not_applicable", "yes", "no")) == {"trigger"}
    assert quality.weak_sanction_part("en-contract/CT003") == "amount"
    assert quality.weak_sanction_part("sv-avtal/AV004") == "cap"
    assert quality.weak_sanction_part("my-rules/X1") is None
    assert quality.weak_finding_right("amount", [_sanction_label(1, "x", "no", "yes")])
    assert not quality.weak_finding_right("amount", [_sanction_label(1, "x", "yes", "no")])
    assert not quality.weak_finding_right("amount", [])  # on no sanction clause: wrong
    assert quality.weak_finding_right(None, [_sanction_label(1, "x", "yes", "no")])  # a rule not known: any part missing


CREDITS = """# 1 Availability credits

If availability in a calendar month falls below 99.5 %, a service credit of 5 % of the monthly charge applies.

# 2 Support credits

Service credits shall apply if the Supplier misses a support response time.

# 3 Delivery

The Supplier shall deliver the reports within 5 days.
"""


def test_weak_sanction_findings_are_judged_against_the_sanction_labels(tmp_path: Path) -> None:
    quality = _quality()
    path = tmp_path / "credits.md"
    path.write_text(CREDITS, encoding="utf-8")
    checked = quality.check_document(path)
    weak = sorted((f.rule, f.location.line if f.location else None) for f in checked.result.findings if f.category == "weak-sanction")
    assert weak == [("en-contract/CT003", 7), ("en-contract/CT004", None)]
    labels = [
        _sanction_label(3, "If availability in a calendar month falls below 99.5 %", "yes", "no"),
        _sanction_label(7, "Service credits shall apply", "no", "no"),
    ]
    t = quality.Tally()
    quality.tally_sanctions(t, checked, labels)
    assert (sum(t.weak_findings_right.values()), sum(t.weak_findings.values())) == (2, 2)
    # missing: the cap of both (the document finding covers them) and the amount of the second
    assert (t.parts_missing, t.parts_missing_flagged) == ({"cap": 2, "amount": 1}, {"cap": 2, "amount": 1})
    assert (t.modelled, t.sanction_statements) == (2, 2)
    assert t.model_parts["amount"] == 2 and t.model_parts_agree["amount"] == 2
    assert t.model_parts["cap"] == 2 and t.model_parts_agree["cap"] == 2

    # the amount stated where the clause points: the amount finding is wrong, and says why
    labels[1] = _sanction_label(7, "Service credits shall apply", "reference", "no")
    t = quality.Tally()
    quality.tally_sanctions(t, checked, labels)
    assert t.weak_findings_right["amount"] == 0 and t.weak_findings_right["cap"] == 1
    assert t.weak_wrong == ["credits.md:7 CT003 (amount: labelled stated)"]

    # no sanction labels at all: every weak-sanction finding is wrong
    t = quality.Tally()
    quality.tally_sanctions(t, checked, [])
    assert sum(t.weak_findings.values()) == 2 and sum(t.weak_findings_right.values()) == 0
    assert sorted(t.weak_wrong) == ["credits.md:7 CT003 (no labelled sanction clause)", "credits.md:document CT004 (no labelled financial sanction)"]


def test_list_false_shows_each_false_finding_and_each_statement_wrongly_read_as_a_requirement(tmp_path: Path) -> None:
    quality = _quality()
    document = tmp_path / "en_sample.md"
    document.write_text("The Contractor shall respond quickly to each call.\n\nThe Contractor shall submit a report each month.\n", encoding="utf-8")
    checked = quality.check_document(document)
    labels = [
        {
            "line": "1",
            "quote": "The Contractor shall respond",
            "is_requirement": "yes",
            "party": "supplier",
            "measurable": "yes",
            "note": "labelled so for the test",
        },
        {"line": "3", "quote": "The Contractor shall submit", "is_requirement": "no", "party": "none", "measurable": "", "note": "labelled none for the test"},
    ]
    tally = quality.Tally()
    quality.tally_requirements(tally, checked, labels)
    assert any(
        item.startswith("en_sample.md:1 ") and "'quickly'" in item and "measurable=yes" in item and "respond quickly" in item for item in tally.wrong_details
    )
    assert tally.not_requirements == [
        "en_sample.md:3 [req=no party=none measurable= 'labelled none for the test'] The Contractor shall submit a report each month."
    ]


def test_findings_on_the_buyers_own_duties_are_judged_against_the_party_labelled(tmp_path: Path) -> None:
    quality = _quality()
    document = tmp_path / "en_sample.md"
    document.write_text("The Government shall provide the necessary forms.\n\nThe COR shall provide the necessary badges.\n", encoding="utf-8")
    checked = quality.check_document(document)
    assert [f.party for f in checked.result.findings] == ["buyer", "buyer"]
    labels = [
        {"line": "1", "quote": "The Government shall provide", "is_requirement": "yes", "party": "buyer", "measurable": "no", "note": ""},
        {"line": "3", "quote": "The COR shall provide", "is_requirement": "yes", "party": "supplier", "measurable": "no", "note": "for the test"},
    ]
    tally = quality.Tally()
    quality.tally_requirements(tally, checked, labels)
    assert (tally.own_duty_right, tally.own_duty_flagged) == (1, 2)


def test_list_false_is_not_written_into_the_generated_page(tmp_path: Path, capsys) -> None:
    quality = _quality()
    with pytest.raises(SystemExit):
        quality.main(["--list-false", "--write", str(tmp_path / "quality.md")])
    assert "--list-false" in capsys.readouterr().err


def test_datasets_counts_each_class_over_labelled_snippets(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_datasets", ROOT / "bench" / "datasets.py")
    assert spec is not None and spec.loader is not None
    datasets = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = datasets
    spec.loader.exec_module(datasets)
    records = [
        {
            "text": "Köparen har rätt att häva avtalet om Leverantören i väsentligt hänseende brutit mot avtalet.",
            "lang": "sv",
            "from_real_document": True,
            "expected": [{"type": "TERMINATION", "count": 1}],
        },
        {"text": "Leverantören ska leverera tjänsten på svenska.", "lang": "sv", "from_real_document": True, "expected": [{"type": "OBLIGATION", "count": 1}]},
        {"text": "The Customer may terminate this Agreement.", "lang": "en", "from_real_document": True, "expected": [{"type": "TERMINATION", "count": 1}]},
    ]
    path = tmp_path / "snippets.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    tallies = datasets.measure(path, "sv")
    assert (tallies["termination"].positives, tallies["termination"].recognised) == (1, 1)
    assert (tallies["termination"].negatives, tallies["termination"].taken) == (1, 0)
    assert tallies["acceptance"].positives == 0


def test_two_labellings_of_one_document_are_compared_statement_by_statement(tmp_path: Path, monkeypatch) -> None:
    """A document labelled twice is paired by each statement's first words, not its line (two
    copies may differ by page breaks); agreement on party and measurability counts only the
    statements both labellers call requirements, and unpaired statements are shown apart."""
    quality = _quality()
    pairs = tmp_path / "second-labelling.tsv"
    pairs.write_text("second\tfirst\nb.md\ta.md\n", encoding="utf-8")
    monkeypatch.setattr(quality, "SECOND_LABELLING", pairs)

    def label(line: int, quote: str, requirement: str, party: str, measurable: str) -> dict[str, str]:
        return {"line": str(line), "quote": quote, "is_requirement": requirement, "party": party, "measurable": measurable}

    labels = {
        "a.md": [
            label(1, "The Contractor shall clean daily.", "yes", "supplier", "yes"),
            label(2, "The COR shall inspect the work.", "yes", "buyer", "no"),
            label(3, "Background of the plan.", "no", "none", ""),
        ],
        "b.md": [
            label(4, "The  contractor shall clean daily.", "yes", "supplier", "no"),
            label(5, "The COR shall inspect the work.", "yes", "buyer", "no"),
            label(6, "Background of the plan.", "yes", "supplier", "no"),
            label(7, "A statement only the second labelling has.", "no", "none", ""),
        ],
    }
    row = [line for line in quality.labeller_agreement(labels) if line.startswith("| `a.md`")]
    assert row == ["| `a.md` / `b.md` | 3 of 4 | 0.67 (2/3) | 1.00 (2/2) | 0.50 (1/2) | 0.00 (0/1) |"]
    pairs.write_text("second\tfirst\n", encoding="utf-8")
    assert quality.labeller_agreement(labels) == []


def test_writer_replay_keys_a_judged_finding_by_rule_and_line() -> None:
    spec = importlib.util.spec_from_file_location("bench_writer_replay", ROOT / "bench" / "writer_replay.py")
    assert spec is not None and spec.loader is not None
    replay = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(replay)
    made = {("en-requirements/RQ001", "5"), ("en-requirements/RQ001", "*"), ("en-contract/CT110", "*")}
    assert replay.judged_state({"rule": "en-requirements/RQ001", "line": "5"}, made) == "kept"
    assert replay.judged_state({"rule": "en-requirements/RQ001", "line": "6"}, made) == "gone"
    assert replay.judged_state({"rule": "en-contract/CT110", "line": ""}, made) == "kept"
    assert replay.judged_state({"rule": "en-contract/CT112", "line": "None"}, made) == "gone"
    rows = replay.judged_rows()
    assert len(rows) > 2000 and {row["judgement"] for row in rows} >= {"act", "noise", "wrong"}

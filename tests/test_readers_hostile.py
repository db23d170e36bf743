"""Bad, broken and hostile documents that every reader must survive, and the text formats (.md and
.txt, checker/readers/markdown.py and plaintext.py): random bytes and markup, empty and blank
files, encodings, huge lines and words, the statement limit. Each gets a result or its one-line
error, never a traceback or a hang, and no input is changed (see ``hostile.py``). The .docx, .pdf
and ``annotate`` cases are in ``test_docx_reader_hostile.py``, ``test_pdf_reader_hostile.py`` and
``test_annotate_hostile.py``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import HANG_GUARD_SECONDS, RULESET, assert_result_or_one_line_error, check_file, cli_outcome, fuzz, kravkoll
from hypothesis import given
from hypothesis import strategies as st

from checker.document import SHOWN_DEPTH, SHOWN_TITLE, shown_path, shown_title
from checker.engine import check
from checker.readers import read_document
from checker.segment import MAX_SECTION_DEPTH

# ---- random input ----------------------------------------------------------------------------------


@fuzz
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".md", ".txt"]))
def test_random_bytes_as_text(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    check_file(path)


MARKUP = st.lists(
    st.sampled_from(
        list("#|-*>`~_[]()!:.,; \t\n\r\f\u00a0\u2028\x85\x00\ufeffåäöÅK12 abcdefska")
        + ["```", "<!--", "-->", "kravkoll: ignore *", "| --- |", "1. ", "K4.1 ", "Ska ", "t.ex. "]
    ),
    max_size=200,
).map("".join)


@fuzz
@given(text=MARKUP, suffix=st.sampled_from([".md", ".txt"]))
def test_random_markup(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"markup{suffix}"
    path.write_text(text, encoding="utf-8")
    check_file(path)


# ---- empty files, every format --------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".md", ".txt", ".docx", ".pdf"])
def test_empty_files_are_checked_and_have_no_findings(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    result = kravkoll(path)
    assert (assert_result_or_one_line_error(result, path), result.returncode, result.stderr) == ("checked", 0, "")
    assert json.loads(result.stdout)["findings"] == []


def test_blank_text_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text(" \n\t\n\u00a0\n", encoding="utf-8")
    assert check_file(path).error is None and check([path], [RULESET]).findings == []


# ---- encodings -------------------------------------------------------------------------------------

SWEDISH = "# 4 Drift\n\nK4.1 Leverantören ska åtgärda fel snabbt.\n\nTillgängligheten följs upp varje månad.\n"


def findings_of(path: Path) -> list[tuple[str, int, str | None]]:
    report = check([path], [RULESET])
    assert report.files[0].error is None
    return [(f.rule, f.location.line if f.location else 0, f.match) for f in report.findings]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_encodings_read_as_the_same_text(tmp_path: Path, encoding: str) -> None:
    reference = tmp_path / "utf8.md"
    reference.write_text(SWEDISH, encoding="utf-8")
    path = tmp_path / f"{encoding}.md"
    data = SWEDISH.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # with a byte-order mark, as Windows writes them
        data = ("\ufeff" + SWEDISH).encode(encoding)
    path.write_bytes(data)
    assert findings_of(path) == findings_of(reference)
    assert any(match == "snabbt" for _, _, match in findings_of(path))


def test_utf16_without_bom_and_broken_utf16_give_one_line_errors(tmp_path: Path) -> None:
    no_bom = tmp_path / "no-bom.md"
    no_bom.write_bytes(SWEDISH.encode("utf-16-le"))
    assert check_file(no_bom).error == f"{no_bom}: is a binary file, not text"
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe" + "Leverantören ska".encode("utf-16-le") + b"\x00\xd8A\x00")  # lone surrogate
    assert check_file(broken).error.startswith(f"{broken}: is not valid UTF-16 text")


def test_invalid_utf8_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    path.write_bytes("Leverantören ska åtgärda fel snabbt. ".encode() + b"Fel \xe5tg\xe4rdas \xff\xfe.\n")
    report = check_file(path)
    assert report.error is None and report.statements == 2


# ---- size --------------------------------------------------------------------------------------------


def test_100_000_tiny_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "tiny.md"
    path.write_text("Ska.\n\n" * 100_000, encoding="utf-8")
    result = kravkoll(path)
    assert assert_result_or_one_line_error(result, path) == "checked"
    assert '"statements": 100000' in result.stdout


def test_a_single_5_mb_line(tmp_path: Path) -> None:
    path = tmp_path / "line.md"
    sentence = "Leverantören ska leverera i tid enligt avtalet. "
    path.write_text(sentence * (5_000_000 // len(sentence)), encoding="utf-8")
    result = kravkoll(path)
    assert assert_result_or_one_line_error(result, path) == "checked"
    assert f'"statements": {5_000_000 // len(sentence)}' in result.stdout


@pytest.mark.parametrize("value", ["a" + " " * 1_000_000 + "b'c", "'" + "a " * 500_000 + "'"])
def test_a_front_matter_title_of_a_megabyte(tmp_path: Path, value: str) -> None:
    """A title line of blanks between words before a stray quote once took minutes (a lazy
    expression: time quadratic in the line): now one pass; a title with a quote inside is none."""
    path = tmp_path / "title.md"
    path.write_text(f"---\ntitle: {value}\n---\n\nLeverantören ska svara inom 2 timmar.\n", encoding="utf-8")
    report = check_file(path)
    assert report.error is None
    document = read_document(path)
    headings = [s.text for s in document.statements if s.kind == "heading"]
    assert headings == ([] if value.endswith("b'c") else [" ".join(value.strip("'").split())])


def test_a_5_mb_word(tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    path.write_text("a" * 5_000_000, encoding="utf-8")
    assert cli_outcome(path) == "checked"


def test_more_statements_than_the_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import segment

    monkeypatch.setattr(segment, "MAX_STATEMENTS", 1000)
    path = tmp_path / "many.md"
    path.write_text("Ska.\n\n" * 1000, encoding="utf-8")
    assert check_file(path).statements == 1000
    path.write_text("Ska.\n\n" * 1001, encoding="utf-8")
    assert check_file(path).error == f"{path}: has more than 1,000 statements (sentences, table rows, headings); split the document"


@pytest.mark.parametrize(
    "line", ["K1" + ".1" * 600_000 + " Leverantören ska åtgärda fel inom 4 timmar.", "# 1" + ".1" * 600_000 + " Drift"], ids=["id", "heading"]
)
def test_an_id_or_clause_number_of_a_megabyte_is_no_crash(tmp_path: Path, line: str) -> None:
    """Every id and clause number went into the automaton that finds their mentions, and
    pyahocorasick frees its trie one C stack frame per character: a 1.2 MB line "K1.1.1…" or
    heading "1.1.1…" ended ``kravkoll check`` with a segmentation fault (exit -11), the rest of
    the batch unchecked. With the shipped rulesets, which link by id."""
    path = tmp_path / "id.md"
    path.write_text(f"{line}\n\nLeverantören ska svara inom 2 timmar.\n\nUppföljning av K1 och avsnitt 1.1 sker månadsvis.\n", encoding="utf-8")
    command = [sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG_GUARD_SECONDS)
    assert assert_result_or_one_line_error(result, path) == "checked"


def test_sections_nested_a_thousand_deep_are_nested_at_most_max_section_depth(tmp_path: Path) -> None:
    """1,000 clause headings "1", "1.1", "1.1.1" … each inside the one before: every statement
    carried the path of all the sections around it, so a 2 MB file made a 346 MB JSON report
    (a path of 680,000 characters per statement) and its matrix timed out. Sections nest at
    most MAX_SECTION_DEPTH deep; a deeper one is the deepest one's sibling."""
    path = tmp_path / "djup.md"
    path.write_text("\n".join(".".join(["1"] * d) + f" Rubrik {d}\n\nLeverantören ska svara inom {d} timmar.\n" for d in range(1, 1001)), encoding="utf-8")
    document = read_document(path)
    sections = document.sections

    def depth(index: int) -> int:
        parent = sections[index].parent
        return 1 if parent is None else 1 + depth(parent)

    assert [depth(s.index) for s in sections] == [*range(1, MAX_SECTION_DEPTH), *[MAX_SECTION_DEPTH] * (1000 - MAX_SECTION_DEPTH + 1)]
    assert sections[MAX_SECTION_DEPTH].parent == sections[MAX_SECTION_DEPTH - 1].parent == MAX_SECTION_DEPTH - 2
    assert max(len(s.location.section or "") for s in document.statements) < MAX_SECTION_DEPTH * 2_100
    assert check_file(path).error is None


def test_a_long_heading_is_shown_cut_in_every_location(tmp_path: Path) -> None:
    """A tender's section whose heading is one 36,000-character line over 240 duties, tasks and
    commands, a third of them lettered sub-clauses that open sections of their own
    (bench/hostile.py's long-heading): each statement's location carried the whole title in
    its section path and heading, so the JSON report grew with the title's length times the
    findings (25 MB for the 140 KB file of the benchmark). Locations show a title cut to
    SHOWN_TITLE characters with "…"; the document keeps it whole for the rules."""
    words = "task scope of work and proposal instructions for the help desk service of each site in the region".split()
    title = " ".join(words[k % len(words)] for k in range(6_700))
    duties = (
        "(b) The contractor shall answer call {k} within {d} hours.",
        "Providing help desk support to the users at site {k}.",
        "Describe item {k} of the proposal in detail.",
    )
    lines = [
        "# 1 Instructions to offerors\n\nOfferors shall submit proposals to the RFP contact by the closing date.\n\n"
        "Each offeror may ask questions until ten days before the closing date.\n\nThis solicitation closes on 1 May 2025.\n\n",
        f"## 2 {title}\n",
    ]
    lines += [duties[k % 3].format(k=k, d=k % 9 + 1) + "\n" for k in range(240)]
    path = tmp_path / "long-heading.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert len(title) > 36_000

    document = read_document(path)
    assert document.sections[1].title == title  # what rules read
    located = [a.location for s in document.statements for a in s.anchors if a.location.section]
    assert len(located) > 240
    assert max(len(location.heading or "") for location in located) <= SHOWN_TITLE
    assert max(len(location.section or "") for location in located) <= 3 * (SHOWN_TITLE + 3)
    assert f"2 {title[:60]}" in located[-1].section and located[-1].section.count("…") == 2  # the title's, the sub-clause's
    assert document.section_label(1) == "1 Instructions to offerors > " + shown_title(f"2 {title}")  # a message's {section}

    command = [sys.executable, "-m", "checker.cli", "check", str(path), "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG_GUARD_SECONDS)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) > 80
    assert max(len((f["location"] or {}).get("section") or "") for f in findings) <= 3 * (SHOWN_TITLE + 3)
    assert len(result.stdout) < 4_000 * len(findings)  # some 1.7 KB a finding; each was over 36 KB


def test_a_path_deeper_than_shown_depth_shows_the_outermost_and_innermost(tmp_path: Path) -> None:
    """A path of more than SHOWN_DEPTH sections shows the outermost, "…" and the innermost ones;
    one of SHOWN_DEPTH or fewer, each title under SHOWN_TITLE, as it always did."""
    path = tmp_path / "djup.md"
    path.write_text("\n".join(".".join(["1"] * d) + f" Rubrik {d}\n\nLeverantören ska svara inom {d} timmar.\n" for d in range(1, 13)), encoding="utf-8")
    sections = {s.text: s.location.section for s in read_document(path).statements if s.kind == "sentence"}
    assert sections["Leverantören ska svara inom 8 timmar."] == " > ".join(".".join(["1"] * d) + f" Rubrik {d}" for d in range(1, 9))
    shown = [1, 0, *range(7, 13)]  # 0: the "…" that stands for the sections left out
    assert sections["Leverantören ska svara inom 12 timmar."] == " > ".join(".".join(["1"] * d) + f" Rubrik {d}" if d else "…" for d in shown)
    assert len(shown) == SHOWN_DEPTH


def test_shown_title_cuts_at_a_word_as_the_reporters_shorten() -> None:
    from checker.reporters.labels import shorten

    assert shown_title("4.2 Felhantering  och  avhjälpande") == "4.2 Felhantering  och  avhjälpande"  # short: as written
    long = "Uppdrag till Myndigheten för digital förvaltning och Post- och telestyrelsen att stödja genomförandet av Sveriges digitaliseringsstrategi"
    assert (
        shown_title(long)
        == shorten(long)
        == "Uppdrag till Myndigheten för digital förvaltning och Post- och telestyrelsen att stödja genomförandet av Sveriges…"
    )
    assert shown_title("Customers" + "." * 400 + " 7") == "Customers" + "." * (SHOWN_TITLE - 10) + "…"
    assert len(shown_title("x" * 1_000_000)) == SHOWN_TITLE
    assert shown_path([f"{d} Rubrik" for d in range(1, 33)]).split(" > ") == ["1 Rubrik", "…", *(f"{d} Rubrik" for d in range(27, 33))]


def test_a_sentence_of_thousands_of_modals(tmp_path: Path) -> None:
    """Each modal was read against all the text before it: a 400 KB sentence of 8,000 modals
    (a PDF's text without a sentence end) took two minutes; the first 32 are read."""
    import time

    from hostile import FORMER_HANG_SECONDS

    path = tmp_path / "modals.txt"
    path.write_text("which shall be (approved, x) by the Government and " * 8_000 + "the Supplier shall report.\n", encoding="utf-8")
    started = time.process_time()
    assert check_file(path).error is None
    assert time.process_time() - started < FORMER_HANG_SECONDS


def test_a_sentence_of_thousands_of_requiring_verbs(tmp_path: Path) -> None:
    """Each requiring verb ("requires, at a minimum, that") is read against the text before it,
    as a modal is: the first 32 of them are read, so a sentence of 8,000 costs as much as one
    of 32 (unbounded, each also copied the rest of the sentence's words)."""
    import time

    from hostile import FORMER_HANG_SECONDS

    path = tmp_path / "requires.txt"
    path.write_text("the Government requires, at a minimum, that (approved, x) " * 8_000 + "the Supplier will report.\n", encoding="utf-8")
    started = time.process_time()
    assert check_file(path).error is None
    assert time.process_time() - started < FORMER_HANG_SECONDS

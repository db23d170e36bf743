"""Fuzzing the readers through the CLI: mutated .docx, .md, .txt and .pdf files each get a result
or one clear error (exit 0, 1 or 2; nothing on standard error that looks like a traceback or an
internal error), are never changed, and answer within a generous time bound. Few examples, run
derandomized, so the suite stays fast and repeatable; raise ``KRAVKOLL_FUZZ_EXAMPLES`` to search
longer."""

from __future__ import annotations

import hashlib
import io
import os
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_builder import add_footnotes, add_list, new_document, number, to_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_builder import make_pdf

from checker.cli import main
from checker.errors import InputError
from checker.readers import read_bytes

EXAMPLES = int(os.environ.get("KRAVKOLL_FUZZ_EXAMPLES", "15"))
SECONDS_PER_RUN = 10
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

MARKDOWN = """# 4 Drift

<!-- kravkoll: ignore sv-krav/KR002 -- accepterat -->
Leverantören ska åtgärda fel snabbt.

| Id | Krav |
| --- | --- |
| K1 | Tillgängligheten ska vara 99,5 % per månad. |

- K2 Leverantören bör rapportera m.m.
""".encode()

TEXT = b"4 DRIFT\n\nK1 Leverant\xc3\xb6ren ska \xc3\xa5tg\xc3\xa4rda fel inom 4 timmar.\nVite utg\xc3\xa5r med 1 000 kr.\n"


def _docx_seed() -> bytes:
    d = new_document()
    d.add_heading("4 Drift", 1)
    add_list(d, 1, 1, [("decimal", "K%1.")])
    first = number(d.add_paragraph("Leverantören ska åtgärda fel snabbt, etc."), 1)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Id", "Krav"
    table.cell(1, 0).text, table.cell(1, 1).text = "K2", "Tillgängligheten ska vara god."
    d.add_comment(first.runs, text="Se över. kravkoll: ignore sv-krav/KR002 -- accepterat", author="Jurist")
    add_footnotes(d, first, ["Leverantören ska svara skyndsamt."])
    return to_bytes(d)


SEEDS = {
    "docx": _docx_seed(),
    "md": MARKDOWN,
    "txt": TEXT,
    "pdf": make_pdf([["4 Drift", "Leverantören ska åtgärda fel snabbt."], ["K1 Vite utgår med 1 000 kr."]]),
}


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` with a few bytes replaced, removed or inserted, or cut short."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["replace", "delete", "insert", "truncate", "repeat"]))
        if kind == "replace":
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(1, 50))
    return bytes(data)


def _rezipped(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


DOCX_PARTS = _members(SEEDS["docx"])
XML_PARTS = sorted(name for name in DOCX_PARTS if name.endswith((".xml", ".rels")))


@st.composite
def mutated_docx(draw) -> bytes:
    """A .docx with one XML part mutated and zipped again, so the change reaches the XML."""
    name = draw(st.sampled_from(XML_PARTS))
    return _rezipped(SEEDS["docx"], name, draw(mutated(DOCX_PARTS[name])))


def run_on(tmp_path: Path, data: bytes, suffix: str, command: str = "check") -> None:
    """Run one CLI command on ``data`` written to a file and check the contract."""
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    args = [command, str(path), "--lang", "sv"]
    if command == "annotate":
        args += ["-o", str(tmp_path / "fuzz.kravkoll.docx")]
    started = time.process_time()
    result = CliRunner().invoke(main, args)
    elapsed = time.process_time() - started
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.exit_code
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert lines and all(str(path) in line for line in lines if line.startswith("kravkoll:")), result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert elapsed < SECONDS_PER_RUN


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@FUZZ
@given(data=st.data())
def test_mutated_text_files_through_the_cli(tmp_path, suffix, data):
    run_on(tmp_path, data.draw(mutated(SEEDS[suffix[1:]])), suffix)


@FUZZ
@given(data=mutated(SEEDS["pdf"]))
def test_mutated_pdfs_through_the_cli(tmp_path, data):
    pytest.importorskip("pypdf")
    run_on(tmp_path, data, ".pdf")


@FUZZ
@given(data=st.one_of(mutated_docx(), mutated(SEEDS["docx"])))
def test_mutated_docx_through_check_and_annotate(tmp_path, data):
    run_on(tmp_path, data, ".docx")
    run_on(tmp_path, data, ".docx", "annotate")


@FUZZ
@given(fmt=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_the_library_reads_or_refuses_with_an_input_error(fmt, data):
    pytest.importorskip("pypdf")
    content = data.draw(mutated_docx() if fmt == "docx" else mutated(SEEDS[fmt]))
    original = bytes(content)
    try:
        read_bytes(content, f"fuzz.{fmt}", fmt)
    except InputError as error:
        assert "\n" not in str(error) and f"fuzz.{fmt}" in str(error)
    assert content == original

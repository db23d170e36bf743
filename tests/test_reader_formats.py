"""The table of input formats (checker/readers/formats.py) is the one list: every place that names
formats or suffixes takes them from it, and each line's reader reads its format."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from checker.cli import main
from checker.discovery import documents_in
from checker.document import Document
from checker.errors import InputError
from checker.readers import read_bytes, read_document
from checker.readers.formats import DOCUMENT_SUFFIXES, FORMAT_NAMES, INPUT_FORMATS, TEXT_FORMAT_NAMES, format_of, input_format


def test_each_format_has_a_reader_and_suffixes_of_its_own() -> None:
    assert FORMAT_NAMES == ("docx", "md", "txt", "pdf")
    assert len(set(DOCUMENT_SUFFIXES)) == len(DOCUMENT_SUFFIXES)
    for fmt in INPUT_FORMATS:
        assert callable(fmt.read_function())
        assert all(suffix.startswith(".") and suffix == suffix.lower() for suffix in fmt.suffixes)
        assert {format_of(f"a{suffix}") for suffix in fmt.suffixes} == {fmt.name} == {format_of(f"A{fmt.suffixes[0].upper()}")}
        assert input_format(fmt.name) is fmt
    assert format_of("a.odt") is None and input_format("odt") is None
    assert TEXT_FORMAT_NAMES == ("md", "txt")


def test_the_command_line_and_the_document_model_take_the_names_from_the_table() -> None:
    stdin_format = next(p for p in main.commands["check"].params if p.name == "stdin_format")
    assert tuple(stdin_format.type.choices) == FORMAT_NAMES
    for name in FORMAT_NAMES:
        assert Document(path="x", format=name, language="sv").format == name
    with pytest.raises(ValidationError):
        Document(path="x", format="odt", language="sv")


def test_a_folder_is_searched_for_every_suffix_of_the_table(tmp_path: Path) -> None:
    for suffix in (*DOCUMENT_SUFFIXES, ".odt", ".doc"):
        (tmp_path / f"a{suffix}").write_bytes(b"")
    assert sorted(p.suffix for p in documents_in(tmp_path)) == sorted(DOCUMENT_SUFFIXES)


def test_text_formats_are_read_from_text_and_errors_name_the_formats(tmp_path: Path) -> None:
    for name in TEXT_FORMAT_NAMES:
        assert [s.text for s in read_bytes("Leverantören ska svara.".encode(), f"x.{name}", name).statements] == ["Leverantören ska svara."]
    (tmp_path / "a.odt").write_bytes(b"x")
    with pytest.raises(InputError, match=r"unsupported file type '\.odt' \(kravkoll reads \.docx, \.md, \.txt and \.pdf\)"):
        read_document(tmp_path / "a.odt")
    with pytest.raises(InputError, match=r"unknown format 'odt' \(use docx, md, txt or pdf\)"):
        read_bytes(b"x", "a", "odt")

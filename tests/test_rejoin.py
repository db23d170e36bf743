"""Words a PDF conversion split before å, ä and ö are joined for matching, in the documents
that show such splits only, and findings still quote the text as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from support import md

from checker.engine import Linter
from checker.matching import rejoined, source_span

SPLIT = [
    "Leverant ören ska utf öra uppdraget p å plats.",
    "Om fel framkommer ska Leverant ören avhj älpa dessa utan on ödigt dr öjsmål.",
    "Frågan är s å viktig att den ska besvaras f ör varje avrop.",
    "Leverantören ska ha god kunskap.",
]


def test_a_document_with_split_words_is_read_joined_and_nothing_else_moves() -> None:
    found = rejoined(SPLIT)
    # Each space moves to the end of its word.
    assert found[0][0] == "Leverantören  ska utföra  uppdraget på  plats."
    assert found[1][0] == "Om fel framkommer ska Leverantören  avhjälpa  dessa utan onödigt  dröjsmål ."
    assert found[2][0] == "Frågan är så  viktig att den ska besvaras för  varje avrop."  # "Frågan är": two words
    assert 3 not in found  # nothing split
    for number, (text, origin) in found.items():
        assert len(text) == len(SPLIT[number]) == len(origin)
        assert all(char == " " or SPLIT[number][origin[k]] == char for k, char in enumerate(text))
    text, origin = found[1]
    start = text.index("utan onödigt")
    assert SPLIT[1][slice(*source_span(origin, (start, start + len("utan onödigt  dröjsmål"))))] == "utan on ödigt dr öjsmål"


def test_a_document_without_split_words_is_read_as_written() -> None:
    """A lone "å" or "ö" and words after a space are ordinary Swedish: nothing is joined."""
    texts = ["Han bor p å ön.", "Det är viktigt att leverantören är på plats även i år.", "Leverantören ska ha god kunskap."]
    assert rejoined(texts) == {}


@given(st.lists(st.text(alphabet="abdfgklmnoprstvåäö ", max_size=40), max_size=8))
def test_joined_texts_keep_their_length_and_each_character_its_place(texts: list[str]) -> None:
    for number, (text, origin) in rejoined(texts).items():
        assert len(text) == len(texts[number]) == len(origin)
        assert sorted(origin) == list(range(len(text)))
        letters = [k for k, char in enumerate(text) if char != " "]
        assert [origin[k] for k in letters] == sorted(origin[k] for k in letters)  # letters keep their order
        assert all(texts[number][origin[k]] == text[k] for k in letters)


def test_a_finding_in_split_words_quotes_and_locates_them_as_written() -> None:
    document = md("\n\n".join(SPLIT), language="sv")
    result = Linter().check_document(document)
    (finding,) = [f for f in result.findings if f.rule == "sv-krav/KR002"]
    assert finding.match == "utan on ödigt dr öjsmål"
    assert (finding.location.line, finding.location.column) == (3, 53)
    statement = document.statements[finding.statement]
    assert statement.text.startswith("Om fel framkommer ska Leverant ören")  # the text as written


def test_a_list_introduced_in_split_words_is_read_as_the_words_joined() -> None:
    """The lead-in "ska utf öra minst f öljande:" introduces tasks as "utföra minst följande:" does."""
    document = md("\n\n".join([*SPLIT, "Konsulten ska utf öra minst f öljande:\n\n- Utbildning av nyanst älld personal"]), language="sv")
    result = Linter().check_document(document)
    assert [f.match for f in result.findings if f.rule == "sv-krav/KR015"] == ["Utbildning av nyanst älld personal"]


BROKEN = [
    "Det är Leverantörens an- svar att tydligt definiera processerna.",
    "Leverantö- ren ska ta ansvar för hot- bilden.",
    "Hotbilden ska analyseras av Leverantören.",
    "Informations- och kommunikationsteknik ingår.",
]


def test_a_swedish_document_with_line_end_hyphens_is_read_joined() -> None:
    """A part broken at a line's end with its hyphen is joined to the next where the document writes
    the word whole elsewhere; a compound's shared part before "och" is no break."""
    found = rejoined(BROKEN)
    assert found[0][0] == "Det är Leverantörens ansvar   att tydligt definiera processerna."
    assert found[1][0] == "Leverantören   ska ta ansvar för hotbilden  ."
    assert set(found) == {0, 1}
    for number, (text, origin) in found.items():
        assert len(text) == len(BROKEN[number]) == len(origin)
        assert all(char == " " or BROKEN[number][origin[k]] == char for k, char in enumerate(text))
    text, origin = found[0]
    start = text.index("ansvar")
    assert BROKEN[0][slice(*source_span(origin, (start, start + len("ansvar"))))] == "an- svar"


def test_hyphens_of_a_document_without_swedish_letters_or_with_few_breaks_stay() -> None:
    assert rejoined(["An e- mail to the co- ordinator about self- service.", "Send an email to the coordinator."]) == {}
    assert rejoined(["Det är Leverantörens an- svar att följa avtalet.", "Leverantören har ansvar."]) == {}


def test_a_duty_broken_at_a_line_end_is_read_as_one() -> None:
    """ "Det är Leverantörens an- svar att …" binds the supplier as "ansvar att" does."""
    document = md("\n\n".join(BROKEN), language="sv")
    result = Linter().check_document(document)
    assert [f.match for f in result.findings if f.rule == "sv-krav/KR001"] == ["tydligt"]

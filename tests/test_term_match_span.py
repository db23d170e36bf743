"""Which span a term list reports when several of its terms match at the same place."""

from checker.matching import TermMatcher


def test_longest_term_at_the_first_position_is_reported() -> None:
    matcher = TermMatcher({"vaga": ["så snart", "så snart som möjligt", "möjligt"]})
    text = "Leverantören ska så snart som möjligt meddela beställaren."
    start, end = matcher.scan(text)["vaga"]
    assert text[start:end] == "så snart som möjligt"


def test_earlier_match_wins_over_a_longer_later_one() -> None:
    matcher = TermMatcher({"vaga": ["snabbt", "så snart som möjligt"]})
    text = "Felet ska åtgärdas snabbt och rapporteras så snart som möjligt."
    start, end = matcher.scan(text)["vaga"]
    assert text[start:end] == "snabbt"

"""``in predicate LIST``: a term of the list as an adjective of the predicate complement of a
statement's obligation (after its main clause's modal and copula), with Swedish adjective forms
derived (checker/conditiontypes/in_predicate.py, DocumentReading.predicates,
checker/matching/inflection.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import HANG_GUARD_SECONDS
from hypothesis import given, settings
from hypothesis import strategies as st
from support import md, rules

from checker.config import Config
from checker.engine import Classification, DocumentIndex, check
from checker.errors import RuleError
from checker.matching.inflection import swedish_adjective_forms

EN = rules("""
    ruleset "p-en" {
      language en
      extends  "en-base"
    }
    terms vague (not in names) = "secure", "easy to use", "easy", "intuitive", "robust", "clear", "complete"
    requirement P "vague predicate" {
      category unmeasurable
      when     in predicate vague
      message  "{match}"
    }
    """)

SV = rules("""
    ruleset "p-sv" {
      language sv
      extends  "sv-grund"
    }
    terms vag = "tydlig", "enkel", "säker", "användarvänlig", "öppen", "lätt att använda"
    requirement P "vagt predikativ" {
      category unmeasurable
      when     in predicate vag
      message  "{match}"
    }
    """)


def matched(ruleset, text: str, language: str) -> list[str | None]:
    """The adjective the condition finds in each statement of ``text`` (None where it does not hold)."""
    document = md(text, language=language)
    c = Classification(ruleset, DocumentIndex(document))
    condition = ruleset.rule("P").when
    holds = c.evaluate(condition)
    found: list[str | None] = []
    for statement in document.statements:
        if statement.index in holds:
            span = c.first_match(condition, statement.index, True)
            found.append(statement.text[span[0] : span[1]])
        else:
            found.append(None)
    return found


@pytest.mark.parametrize(
    ("sentence", "adjective"),
    [
        ("The portal shall be secure.", "secure"),
        ("The portal must be easy to use.", "easy to use"),
        ("The portal shall remain robust under load.", "robust"),
        ("The portal shall be made intuitive.", "intuitive"),
        ("The system must at all times be sufficiently robust.", "robust"),
        ("The interface shall not be very intuitive.", "intuitive"),
        ("The interface shall be simple and intuitive.", "intuitive"),
        ("Reports shall be accurate, concise and complete.", "complete"),
        ("Reports shall be accurate, concise, and clear.", "clear"),
        ("The Contractor warrants that the Software is secure.", None),  # an object clause
        # not a predicate complement of the main clause
        ("The Contractor shall secure the premises.", None),
        ("The Contractor shall deliver a secure platform.", None),
        ("The Contractor shall ensure that the data is secure.", None),
        ("If the data is secure, the Contractor shall report it.", None),
        ("The portal shall be a secure platform.", None),
        ("The portal shall be compliant with WCAG 2.1 and secure.", None),
        ("The data will be secure.", None),  # "will be": a fact, no obligation
        ("The data is secure.", None),
        ("The portal shall provide users with secure access.", None),
    ],
)
def test_english_predicate_complements(sentence: str, adjective: str | None) -> None:
    assert matched(EN, sentence, "en") == [adjective]


@pytest.mark.parametrize(
    ("sentence", "adjective"),
    [
        ("Systemet ska vara tydligt.", "tydligt"),
        ("Tjänsterna skall vara enkla.", "enkla"),
        ("Gränssnittet måste vara mycket användarvänligt.", "användarvänligt"),
        ("Lösningen bör bli säker.", None),  # bör: only a wish in a tender
        ("Därför ska systemet alltid vara säkert.", "säkert"),
        ("Portalen ska vara lätt att använda och tydlig.", "lätt att använda"),
        ("Gränssnitten ska vara stabila, öppna och säkra.", "öppna"),
        ("Det ska vara enkelt att beställa.", "enkelt"),
        ("Uppgifterna ska förbli säkra.", "säkra"),
        ("Leverantören säkerställer att tjänsten är säker.", "säker"),
        ("Leverantören ska leverera en säker inloggning.", None),
        ("Leverantören ska se till att systemet är säkert.", None),
        ("Om tjänsten är enkel ska leverantören meddela det.", None),
        ("Tjänsten är enkel.", None),
    ],
)
def test_swedish_predicate_complements_with_their_forms(sentence: str, adjective: str | None) -> None:
    assert matched(SV, sentence, "sv") == [adjective]


def test_a_list_item_is_the_complement_of_a_lead_in_that_ends_with_its_copula() -> None:
    text = """
        The portal shall be:

        - fast
        - secure

        The portal shall provide:

        - secure access
        """
    found = matched(EN, text, "en")
    assert found.count("secure") == 1
    assert found[2] == "secure"


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("tydlig", ["tydlig", "tydligt", "tydliga"]),
        ("användarvänlig", ["användarvänlig", "användarvänligt", "användarvänliga"]),
        ("logisk", ["logisk", "logiskt", "logiska"]),
        ("snabb", ["snabb", "snabbt", "snabba"]),
        ("enkel", ["enkel", "enkelt", "enkla"]),
        ("flexibel", ["flexibel", "flexibelt", "flexibla"]),
        ("öppen", ["öppen", "öppet", "öppna"]),
        ("säker", ["säker", "säkert", "säkra"]),
        ("stel", ["stel", "stelt", "stela"]),  # stressed -el: no vowel before it
        ("ren", ["ren", "rent", "rena"]),
        ("modern", ["modern", "modernt", "moderna"]),
        ("anpassad", ["anpassad", "anpassat", "anpassade"]),
        ("god", ["god", "gott", "goda"]),
        ("känd", ["känd", "känt", "kända"]),
        ("robust", ["robust", "robusta"]),
        ("lätt", ["lätt", "lätta"]),
        ("vit", ["vit", "vitt", "vita"]),
        ("ny", ["ny", "nytt", "nya"]),
        ("tunn", ["tunn", "tunt", "tunna"]),
        ("bra", ["bra"]),
        ("välfungerande", ["välfungerande"]),
        ("stabil*", ["stabil*"]),
        ("*vänlig", ["*vänlig", "*vänligt", "*vänliga"]),
        ("enkel att använda", ["enkel att använda", "enkelt att använda", "enkla att använda"]),
        ("Tydlig", ["Tydlig", "Tydligt", "Tydliga"]),
    ],
)
def test_swedish_adjective_forms(base: str, forms: list[str]) -> None:
    assert swedish_adjective_forms(base) == forms


def test_swedish_forms_are_derived_unless_the_ruleset_is_english() -> None:
    def forms_of(language: str) -> list[str]:
        base = "en-base" if language == "en" else "sv-grund"
        ruleset = rules(f"""
            ruleset "f" {{
              language {language}
              extends  "{base}"
            }}
            requirement P "p" {{
              category unmeasurable
              when     in predicate "tydlig"
              message  "{{match}}"
            }}
            """)
        return ruleset.lists[ruleset.rule("P").when.forms].terms

    assert forms_of("sv") == forms_of("any") == ["tydlig", "tydligt", "tydliga"]
    assert forms_of("en") == ["tydlig"]


def test_a_named_list_keeps_its_option_and_renders_by_name() -> None:
    condition = EN.rule("P").when
    assert EN.lists[condition.forms].outside_names
    assert condition.list == "vague"
    from checker.ruledocs import render_condition

    assert render_condition(condition, EN) == "in predicate vague"


def test_predicate_stays_free_as_a_name() -> None:
    ruleset = rules("""
        ruleset "n" {
          language en
          extends  "en-base"
        }
        terms predicate = "secure"
        requirement P "p" {
          category unmeasurable
          when     predicate or in predicate predicate
          message  "{match}"
        }
        """)
    assert matched(ruleset, "The Contractor shall secure the premises.", "en") == ["secure"]


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ('in predicate "secure"', 'ruleset has no terms list \'copula\'; extend "en-base" or "sv-grund"'),
    ],
)
def test_in_predicate_without_the_readings_copulas_is_an_error_naming_the_line(condition: str, message: str) -> None:
    with pytest.raises(RuleError) as raised:
        rules(f"""
            ruleset "e" {{
              language en
            }}
            define requirement = "shall"
            requirement P "p" {{
              category unmeasurable
              when     {condition}
              message  "{{match}}"
            }}
            """)
    (error,) = raised.value.diagnostics
    assert (error.path, error.line, error.column) == ("test.krav", 8, 25)  # the first term of the condition
    assert message in error.message


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("in predicate nosuch", "'in predicate nosuch': no terms list"),
        ("in predicate vagu", "did you mean 'vague'"),
        ("in predicate level", "'in predicate level': a pattern, not a terms list"),
    ],
)
def test_in_predicate_of_a_name_that_is_no_terms_list_is_an_error(condition: str, message: str) -> None:
    with pytest.raises(RuleError) as raised:
        rules(f"""
            ruleset "e" {{
              language en
              extends  "en-base"
            }}
            terms vague = "secure"
            pattern level = /\\d+ %/
            requirement P "p" {{
              category unmeasurable
              when     {condition}
              message  "{{match}}"
            }}
            """)
    (error,) = raised.value.diagnostics
    assert error.line == 10
    assert message in error.message


# ---- generated sentences: the engine's answer (a list's terms found first, then each such
# statement read) against the answer known from how the sentence was built

ADJECTIVES = ["secure", "intuitive", "robust", "available", "compliant", "fast", "easy to use"]
LISTED = {"secure", "intuitive", "robust", "easy to use"}
MODIFIERS = ["", "very ", "sufficiently ", "not ", "always "]


GENERATED_EN = rules("""
    ruleset "g" {
      language en
      extends  "en-base"
    }
    requirement P "p" {
      category unmeasurable
      when     in predicate "secure", "intuitive", "robust", "easy to use"
      message  "{match}"
    }
    """)


@st.composite
def sentences(draw) -> tuple[str, str | None]:
    subject = draw(st.sampled_from(["The portal", "The Contractor", "Data", "The service desk"]))
    heads = draw(st.lists(st.tuples(st.sampled_from(MODIFIERS), st.sampled_from(ADJECTIVES)), min_size=1, max_size=4))
    joined = ", ".join(m + a for m, a in heads[:-1]) + (" and " if len(heads) > 1 else "") + "".join(heads[-1])
    frame = draw(st.sampled_from(["main", "remain", "verb", "subordinate", "object"]))
    tail = draw(st.sampled_from(["", " at all times", " for all users"]))
    first = next((a for _, a in heads if a in LISTED), None)
    if frame == "main":
        return f"{subject} shall be {joined}{tail}.", first
    if frame == "remain":
        return f"{subject} must also remain {joined}{tail}.", first
    if frame == "verb":
        return f"{subject} shall deliver {joined} services{tail}.", None
    if frame == "subordinate":
        return f"If {subject.lower()} is {joined}, the Contractor shall report it{tail}.", None
    return f"The Contractor shall ensure that {subject.lower()} is {joined}{tail}.", None


@settings(max_examples=150, deadline=None)
@given(st.lists(sentences(), min_size=1, max_size=6))
def test_generated_sentences_are_read_as_they_were_built(built: list[tuple[str, str | None]]) -> None:
    text = "\n\n".join(sentence for sentence, _ in built)
    assert matched(GENERATED_EN, text, "en") == [expected for _, expected in built]


def test_the_engine_reads_only_statements_with_a_term_and_finds_what_reading_every_obligation_finds() -> None:
    """The fast path (the statements where the shared matcher found a term of the list) against
    the reference: every obligation of the document read."""
    text = "\n\n".join(
        [
            "The portal shall be secure.",
            "The portal shall be fast.",
            "The Contractor shall secure the premises.",
            "Data must remain intuitive and robust.",
            "If the data is robust, the Contractor shall report it.",
            "The portal shall be:",
            "- robust",
            "- cheap",
        ]
    )
    document = md(text, language="en")
    c = Classification(EN, DocumentIndex(document))
    condition = EN.rule("P").when
    reading = c.reading()
    from checker.conditiontypes.in_predicate import _finder

    finder = _finder(tuple(EN.lists[condition.forms].terms))
    everything = frozenset(reading.obligations)
    assert c.evaluate(condition) == frozenset(reading.predicates(finder, everything)) != frozenset()


SWEDISH_BASES = ["tydlig", "enkel", "säker", "öppen", "användarvänlig", "anpassad", "flexibel", "god", "robust", "lättläst"]
GENERATED_SV = rules("""
    ruleset "gs" {
      language sv
      extends  "sv-grund"
    }
    terms vag = "tydlig", "enkel", "säker", "öppen", "användarvänlig", "anpassad", "flexibel", "god", "robust", "lättläst"
    requirement P "p" {
      category unmeasurable
      when     in predicate vag
      message  "{match}"
    }
    """)


@st.composite
def swedish_sentences(draw) -> tuple[str, str]:
    base = draw(st.sampled_from(SWEDISH_BASES))
    form = draw(st.sampled_from(swedish_adjective_forms(base)))
    subject = draw(st.sampled_from(["Systemet", "Tjänsten", "Tjänsterna", "Leverantören", "Det"]))
    modal = draw(st.sampled_from(["ska", "skall", "måste"]))
    modifier = draw(st.sampled_from(["", "alltid ", "inte ", "mycket "]))
    copula = draw(st.sampled_from(["vara", "bli", "förbli"]))
    return f"{subject} {modal} {modifier}{copula} {form}.", form


@settings(max_examples=150, deadline=None)
@given(st.lists(swedish_sentences(), min_size=1, max_size=5))
def test_every_form_of_a_listed_swedish_base_form_is_read_in_the_predicate(built: list[tuple[str, str]]) -> None:
    text = "\n\n".join(sentence for sentence, _ in built)
    assert matched(GENERATED_SV, text, "sv") == [form for _, form in built]


def test_a_long_lead_in_with_many_items_is_read_once(tmp_path: Path) -> None:
    """The items of a lead-in ending with its copula ("The portal shall be:" / "- secure") are
    read as its complement; whether a lead-in so ends is read once, not once per item: a lead-in
    of 50,000 words after its modal with 1,000 items took minutes (their product)."""
    path = tmp_path / "lead.md"
    path.write_text(
        "# Requirements\n\nThe portal shall be:\n\n" + "- secure\n" * 3 + "\nThe system shall " + "really " * 50_000 + "be:\n\n" + "- secure\n" * 1_000,
        encoding="utf-8",
    )
    report = check([path], None, Config(timeout=HANG_GUARD_SECONDS))
    assert report.files[0].error is None
    assert [(f.rule, f.location.line) for f in report.findings if f.rule.endswith("/RQ001")] == [("en-requirements/RQ001", line) for line in (5, 6, 7)]

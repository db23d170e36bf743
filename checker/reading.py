"""Reading obligations as a reviewer does: which clause binds, and whom.

A sentence is an obligation when a binding modal ("shall", "ska", "is required to") stands in
its main clause, or when a party other than the buyer is the subject of "will" ("Acme will
provide …"; "The Government will evaluate …" states intent, as NASA's style guide reads it). A
modal inside a subordinate clause binds nobody ("… how they shall use it", "om resultatet ska
levereras …"), unless Swedish word order shows the main clause ("Om X inte levereras ska
leverantören …": the modal followed by its subject).

The party bound is the subject of that main clause: the supplier, the buyer, both parties
(mutual) or the tenderer. It is read from the words before the modal — the last party named
there, possessives ("the Customer's data") left out — or, in an inverted clause, from the words
just after it. A clause that names no party binds the supplier: a property required of the
deliverable ("The system shall …", "Tjänsten ska …") or a passive duty. Each document's own
names for the parties are learned from its definitions — ``Acme, Inc. ("Provider")``,
``(hereinafter "the Supplier")``, ``nedan kallad Leverantören``, ``("we", "us")`` — and
"we" and "you" are read as the supplier and the buyer in a vendor's terms, and as the buyer and
the tenderer in a tender.

The vocabulary is data: a ruleset names it with terms lists of fixed names
(:data:`VOCABULARY`), so a language is taught by its base ruleset (``en-base``, ``sv-grund``).
Rules use the reading by the built-in condition names of :data:`READING_NAMES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Mapping

from .document import Document, Statement
from .matching import parse_term, plain_text

PARTIES = ("supplier", "buyer", "mutual", "tenderer")

VOCABULARY = {
    "modal_binding": "modals that bind in a main clause: shall, must, is required to, ska, måste …",
    "modal_future": "'will' and its kind: bind only with a party as the subject",
    "modal_fact": "verbs after 'will' that state a fact, not a duty: be, receive, have …",
    "subordinator": "words that open a subordinate clause wherever they stand: if, when, how, om, när, hur, att …",
    "relative": "words that open a subordinate clause when they start it: who, which, that, som …",
    "party_supplier": "the supplier, its staff and its deliverable as a subject",
    "party_buyer": "the buyer as a subject",
    "party_mutual": "both parties as a subject: the parties, each party, parterna …",
    "party_tenderer": "the tenderer as a subject, and its tender",
    "first_person": "we, us, our (the supplier in a vendor's terms, the buyer in a tender)",
    "second_person": "you, your (the buyer in a vendor's terms, the tenderer in a tender)",
    "tender_context": "words that show a tender document (offeror, solicitation, anbudsgivare …)",
    "performance_header": "words of a performance table's header, or of the first cell of a row in a table written sideways: target, AQL, due date, servicenivå …",
    "sanction_header": "words of a credit or penalty table's header (its rows are sanctions): credit, vite …",
    "subject_after_modal": "words that, just after a modal, show an inverted main clause: den, det, *en …",
}
"""The terms lists a ruleset may name to teach the reading its language."""

READING_NAMES = {
    "main_obligation": "a binding modal in the main clause, or a named party as the subject of 'will'",
    "binds_supplier": "an obligation whose subject is the supplier, its staff or its deliverable",
    "binds_buyer": "an obligation whose subject is the buyer",
    "binds_mutual": "an obligation that binds both parties",
    "binds_tenderer": "an obligation of the tenderer (or of its tender)",
    "performance_row": "a row of a table whose header names a performance level (target, AQL, service level …)",
}
"""Condition names the reading provides to every ruleset (unless the ruleset defines the name)."""

_BOUNDARY = re.compile(r"[,;:(|–—]|\s-\s|\bbut\b|\bmen\b")
_POSSESSIVE = re.compile(r"^['’]s?(?!\w)")
_NOT_A_NAME = {"the", "a", "an", "this", "these", "that", "inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "ab", "gmbh",
               "oy", "as", "plc", "co", "co.", "och", "and", "den", "det", "denna", "detta"}
_DEFINITION = re.compile(
    r"(?P<name>(?:[A-ZÅÄÖ0-9][\w&.,'’-]*\s+){0,4}[A-ZÅÄÖ0-9][\w&.'’-]*)?[\s,]*"
    r"\((?P<aliases>[^()]{1,160})\)"
)
_QUOTED = re.compile(r"[\"“”„'‘’]([^\"“”„'‘’]{1,40})[\"“”„'‘’]")
_HEREINAFTER = re.compile(
    r"(?i:hereinafter|hereafter|nedan(?:\s+kallad|\s+kallat|\s+benämnd|\s+benämnt)?)\s+"
    r"(?i:(?:referred\s+to\s+as|called)\s+)?(?:[\"“”„']?)(?i:the\s+)?(?P<alias>[A-ZÅÄÖ][\w-]*)"
)


def _name_forms(name: str) -> list[str]:
    """How a defined party's name may recur: whole ("Acme Cloud, Inc.") and its first word ("Acme")."""
    name = name.strip(" ,")
    first = name.split()[0].strip(",.") if name.split() else ""
    return [name] + ([first] if first != name and len(first) >= 3 and first.lower() not in _NOT_A_NAME else [])


def terms_regex(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``terms`` as kravkoll matches terms: whole
    words, ``*`` a word ending or beginning, any white space one or more spaces."""
    alternatives = []
    for text in terms:
        term = parse_term(text)
        core = r"\s+".join(re.escape(word) for word in term.core.split(" "))
        left = r"\w*" if term.leading_star else (r"(?<!\w)" if term.bounded_left else "")
        right = r"\w*" if term.trailing_star else (r"(?!\w)" if term.bounded_right else "")
        alternatives.append(left + core + right)
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)  # the longest term first: "is required to" before "is"
    return re.compile("|".join(alternatives), re.IGNORECASE)


@dataclass(frozen=True)
class Obligation:
    """An obligation read in a statement: whom it binds and where its modal stands."""

    party: str
    start: int
    end: int


@dataclass
class Vocabulary:
    """The reading's word lists, compiled (from a ruleset's terms lists of :data:`VOCABULARY`)."""

    lists: Mapping[str, list[str]]

    @cached_property
    def regex(self) -> dict[str, re.Pattern[str] | None]:
        return {name: terms_regex(self.lists.get(name, [])) for name in VOCABULARY}

    @property
    def usable(self) -> bool:
        return self.regex["modal_binding"] is not None


class DocumentReading:
    """The obligations of one document's statements, by statement number."""

    def __init__(self, document: Document, vocabulary: Vocabulary, texts: list[str], candidates: frozenset[int]) -> None:
        """``texts``: the statements as terms see them (:func:`plain_text`); ``candidates``: the
        statements with a modal of ``modal_binding`` or ``modal_future`` (headings left out)."""
        self.document = document
        self.vocabulary = vocabulary
        regex = vocabulary.regex
        self.tender = self._is_tender(texts)
        self.party_words: dict[str, list[re.Pattern[str]]] = {p: [r] for p in PARTIES if (r := regex[f"party_{p}"]) is not None}
        self._pronouns()
        for party, alias in self._aliases(texts):
            self.party_words.setdefault(party, []).append(alias)
        self.obligations: dict[int, Obligation] = {}
        for i in sorted(candidates):
            found = self._obligation(texts[i])
            if found is not None:
                self.obligations[i] = found
        for statement in document.statements:  # list items carry their lead-in's obligation
            if statement.lead_in is not None and statement.index not in self.obligations and statement.lead_in in self.obligations:
                lead = self.obligations[statement.lead_in]
                self.obligations[statement.index] = Obligation(lead.party, 0, 0)

    # -- the document's parties
    def _is_tender(self, texts: list[str]) -> bool:
        """A tender document: words of the tender context in at least three statements."""
        context = self.vocabulary.regex["tender_context"]
        return context is not None and sum(1 for text in texts if context.search(text)) >= 3

    def _pronouns(self) -> None:
        first, second = self.vocabulary.regex["first_person"], self.vocabulary.regex["second_person"]
        if first is not None:
            self.party_words.setdefault("buyer" if self.tender else "supplier", []).append(first)
        if second is not None:
            self.party_words.setdefault("tenderer" if self.tender else "buyer", []).append(second)

    def _role_of(self, word: str) -> str | None:
        for party in PARTIES:
            for regex in self.party_words.get(party, [])[:1]:  # the ruleset's own list decides
                match = regex.fullmatch(word.strip())
                if match:
                    return party
        first, second = self.vocabulary.regex["first_person"], self.vocabulary.regex["second_person"]
        if first is not None and first.fullmatch(word.strip()):
            return "buyer" if self.tender else "supplier"
        if second is not None and second.fullmatch(word.strip()):
            return "tenderer" if self.tender else "buyer"
        return None

    def _aliases(self, texts: list[str]) -> Iterable[tuple[str, re.Pattern[str]]]:
        """(party, name) for each name the document gives a party in its definitions."""
        learned: dict[str, str] = {}
        for text in texts:
            if "(" in text:
                for match in _DEFINITION.finditer(text):
                    aliases = [a.strip() for a in _QUOTED.findall(match.group("aliases"))]
                    roles = {role for role in map(self._role_of, aliases) if role is not None}
                    if len(roles) != 1:
                        continue
                    (role,) = roles
                    names = [a for a in aliases if self._role_of(a) is None]
                    if match.group("name"):
                        names += _name_forms(match.group("name"))
                    for name in names:
                        learned.setdefault(name, role)
            for match in _HEREINAFTER.finditer(text):
                role = self._role_of(match.group("alias"))
                head = text[: match.start()].rstrip(" ,(")
                name = re.search(r"((?:[A-ZÅÄÖ0-9][\w&.'’-]*\s+){0,4}[A-ZÅÄÖ0-9][\w&.'’-]*)$", head)
                if role is not None and name:
                    for form in _name_forms(name.group(1)):
                        learned.setdefault(form, role)
        for name, role in learned.items():
            if len(name) >= 2 and not name.isdigit() and name.lower() not in _NOT_A_NAME:
                yield role, re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)

    # -- obligations
    def _mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, party) of every party named in ``text``, possessives left out."""
        found = []
        for party, regexes in self.party_words.items():
            for regex in regexes:
                for match in regex.finditer(text):
                    if _POSSESSIVE.match(text[match.end():]):
                        continue
                    found.append((match.start(), match.end(), party))
        return sorted(found)

    def _obligation(self, text: str) -> Obligation | None:
        regex = self.vocabulary.regex
        binding, future = regex["modal_binding"], regex["modal_future"]
        modals: list[tuple[int, int, bool]] = []
        if binding is not None:
            modals += [(m.start(), m.end(), True) for m in binding.finditer(text)]
        if future is not None:
            taken = {start for start, _, _ in modals}
            modals += [(m.start(), m.end(), False) for m in future.finditer(text) if m.start() not in taken]
        if not modals:
            return None
        modals.sort()
        previous_end = 0
        for start, end, is_binding in modals:
            clause = max(previous_end, self._clause_start(text, start))
            before = text[clause:start]
            after = text[end:end + 60]
            subordinate = self._subordinate(before)
            inverted, named_after = self._subject_after(after)
            previous_end = end
            if subordinate and not inverted:
                continue
            mentions = [] if subordinate else self._mentions(self._subject_part(before))
            party = mentions[-1][2] if mentions else named_after
            if not is_binding:  # "will": the buyer's is intent ("The Government will evaluate …")
                fact = regex["modal_fact"]
                if party in (None, "buyer") or (fact is not None and fact.match(after.lstrip())):
                    continue
            return Obligation(party or "supplier", start, end)
        return None

    @staticmethod
    def _clause_start(text: str, position: int) -> int:
        last = 0
        for match in _BOUNDARY.finditer(text, 0, position):
            last = match.end()
        return last

    def _subordinate(self, before: str) -> bool:
        """Whether a modal after ``before`` (its clause up to it) stands in a subordinate clause:
        a subordinator anywhere before it ("… describe how they will …", "om resultatet ska"),
        or a relative pronoun opening the clause or among the two words before the modal
        ("which shall …", "konsulter som ska …"; "brister som beställaren påtalar ska" is a main
        clause with a relative clause in its subject)."""
        regex = self.vocabulary.regex
        subordinator, relative = regex["subordinator"], regex["relative"]
        if subordinator is not None and subordinator.search(before):
            return True
        if relative is None:
            return False
        near = " ".join(before.split()[-2:])  # "konsulter som ska", "staff that are required to": the relative clause's modal
        return relative.match(before.lstrip()) is not None or relative.search(near) is not None

    def _subject_part(self, before: str) -> str:
        """The clause before its modal without a relative clause of the subject: in "Brister som
        beställaren påtalar ska …" the subject is "Brister", not "beställaren"."""
        relative = self.vocabulary.regex["relative"]
        found = relative.search(before) if relative is not None else None
        return before[: found.start()] if found is not None and before[: found.start()].strip() else before

    def _subject_after(self, after: str) -> tuple[bool, str | None]:
        """Whether a subject follows the modal (an inverted main clause: "… ska leverantören",
        "… ska tjänsten"), and the party it names, if any."""
        words = after.split()
        if not words:
            return False, None
        mentions = self._mentions(" ".join(words[:3]))
        if mentions and mentions[0][0] == 0:
            return True, mentions[0][2]
        subject = self.vocabulary.regex["subject_after_modal"]
        return subject is not None and subject.fullmatch(words[0].strip(",.;:")) is not None, None

    # -- the condition names
    def statements(self, name: str) -> frozenset[int]:
        if name == "main_obligation":
            return frozenset(self.obligations)
        if name.startswith("binds_"):
            party = name[len("binds_"):]
            return frozenset(i for i, o in self.obligations.items() if o.party == party)
        if name == "performance_row":
            return self._performance_rows()
        return frozenset()

    def _performance_rows(self) -> frozenset[int]:
        header = self.vocabulary.regex["performance_header"]
        headers = self.document.table_headers
        if header is None:
            return frozenset()
        sanction = self.vocabulary.regex["sanction_header"]
        tables = {number for number, text in enumerate(headers, start=1)
                  if text and header.search(plain_text(text)) and not self._credit_table(text, sanction)}
        return frozenset(s.index for s in self.document.statements
                         if s.kind == "table_row" and (s.table in tables or self._labelled_row(s.text, header)))

    @staticmethod
    def _labelled_row(text: str, header: re.Pattern[str]) -> bool:
        """A row of a table written sideways, its first cell the label ("Acceptable Quality
        Level | Minimum of 90 % test coverage", "Due Date | Every sprint")."""
        label, bar, rest = plain_text(text).partition(" | ")
        return bool(bar and rest.strip()) and len(label.split()) <= 6 and header.fullmatch(label.strip(" *:")) is not None

    @staticmethod
    def _credit_table(header: str, sanction: re.Pattern[str] | None) -> bool:
        """A two-column table of a level and its credit ("Service level | Service credit") lists
        sanctions; a table with its own target column beside the credit states requirements."""
        return sanction is not None and header.count(" | ") <= 1 and sanction.search(plain_text(header)) is not None

    def span(self, i: int) -> tuple[int, int] | None:
        found = self.obligations.get(i)
        return (found.start, found.end) if found is not None and found.end > found.start else None

    def party_of(self, statement: Statement) -> str | None:
        found = self.obligations.get(statement.index)
        return found.party if found is not None else None

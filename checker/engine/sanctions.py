"""The sanction model of a checked document: each sanction clause with what states its amount,
cap, trigger and cure period, found where contracts put them.

The parts are defines with a meaning to this module (a convention like ``define evidence``):
``sanction_amount``, ``sanction_cap``, ``sanction_trigger`` and ``sanction_cure``; the first
ruleset in use that defines ``sanction_amount`` decides (else the shipped rulesets of the
document's language). A part is looked for in the clause's own sanction statements, then in
the rest of its clause (:meth:`~checker.engine.index.DocumentIndex.clause_of`: its nearest
enclosing section and the tables in it; a cap there with a sum or a share, or as a cap on
sanctions), not in the items of a list that introduces no duties
(``non_binding_item``: the buyer's failures under the supplier's own right to terminate). A
credit table in the clause (the ``sanction_row`` reading), or in a sub-clause just under it that
names no sanction of its own, is its amount, and its largest credit its cap when the clause states
none; a number the clause's cap words hold is the cap's, not an amount. A clause
that lacks a part takes it from the clause of the same sanction named elsewhere by a defined
term: "Customer might be eligible to receive Financial Credit" takes the table under
"Financial Credit means … as shown in the following table". A sanction with an amount and still
no cap takes the document's cap on its sanctions (``sanctions_cap``), wherever it stands.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..clauses import CITATION, cited_key
from ..lazyre import lazy_compile
from ..report import SanctionCitation, SanctionModel, SanctionPart
from .matches import EMPTY

if TYPE_CHECKING:
    from .classify import Classification
    from .linter import DocumentResult

PARTS = ("amount", "cap", "trigger", "cure")
_DEFINES = {part: f"sanction_{part}" for part in PARTS}
DOCUMENT_CAP = "sanctions_cap"
"""The define of a statement that caps the document's financial sanctions, wherever it stands
("Service credits in any calendar month shall not exceed 10 % of the monthly charges"): the cap
of each sanction with an amount and no cap of its own (:meth:`_Models.models`)."""
SEPARATE = "sanction_own_amount"
"""The define of a paragraph that opens with an amount of its own: a sanction of its own in a
clause of several (:meth:`_Models._sanctions_of`)."""
_UNIT = r"(?:%|percent\b|procent\b|kr\b|kronor\b|SEK\b|EUR\b|USD\b|GBP\b)"
"""The units a number of a sanction's amount or cap is written with (a share or a currency)."""
_NUMBER = lazy_compile(r"[$£€]\s?\d+(?:[.,]\d+)*|(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,]\d+)*(?:\s*" + _UNIT + ")?")
_CLAUSE_END = lazy_compile(r"[,;:](?:\s|$)|\.(?:\s+[A-ZÅÄÖ]|$)|$")
_MONEY = lazy_compile(r"[$£€]\s?\d|\d\s*" + _UNIT)
_PERCENT = lazy_compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*%")
# A percentage that is a tier's level, not its credit: after a word that compares ("below 99.0%",
# "mindre än 99 %") or as a range's end ("99.0% to 99.9%", "99,0–99,9 %"), or before a range's end
_LEVEL_BEFORE = lazy_compile(
    r"(?:\b(?:below|under|less\s+than|lower\s+than|above|over|at\s+least|from|between|mindre\s+än|lägre\s+än|över|minst|från|mellan)"
    r"|[<>≤≥=]|\d\s*%?\s*(?:-|–|—|\bto|\btill|\band|\boch))\s*$",
    re.IGNORECASE,
)
_LEVEL_AFTER = lazy_compile(r"\s*(?:-|–|—|to\b|till\b|and\b|och\b)\s*\d", re.IGNORECASE)
_LEVEL_REACH = 16  # the longest comparing words and blanks before a level, in characters


def _tier_credit(text: str) -> re.Match[str] | None:
    """The credit of a tier of a list of credits: the first percentage of the side of its colon
    that is not the tier's level (:data:`_LEVEL_BEFORE`), the level named first ("99.0% to 99.9%:
    10%", "Availability below 99.9%: a credit of 10%") or last ("10%: availability between 99.0%
    and 99.9%"); with no colon, or no such side, the item's first percentage ("10 % if …")."""
    colon = text.find(":")
    for start, end in ((0, colon), (colon + 1, len(text))) if colon >= 0 else ():
        first = _PERCENT.search(text, start, end)
        if first is not None and not _is_level(text, first):
            return first
    return _PERCENT.search(text)


def _is_level(text: str, found: re.Match[str]) -> bool:
    """Whether the percentage ``found`` in ``text`` is a tier's level (:data:`_LEVEL_BEFORE`)."""
    before = text[max(0, found.start() - _LEVEL_REACH) : found.start()]
    return _LEVEL_BEFORE.search(before) is not None or _LEVEL_AFTER.match(text, found.end(), found.end() + _LEVEL_REACH) is not None


_TIER = lazy_compile(r"^\W*(?:(?:positive|negative)\s*:\s*)?[^:]{0,80}?\d[^:]{0,80}:\s*(\d{0,3}[.,]?\d+)\s*%", re.IGNORECASE)
"""A tier written "LEVEL: CREDIT": a level with a number before the colon, the credit's share just
after it ("39-40 days average cycle time: 1% of total invoiced", "Negative: 85-90% of the time
seen within one hour: .25% of the total invoiced", "99.0% to 99.9%: 10%")."""


def _tier_share(text: str) -> tuple[float, str] | None:
    """The credit of a tier written "LEVEL: CREDIT" (:data:`_TIER`): its share and its words."""
    found = _TIER.match(text)
    if found is None:
        return None
    number = found.group(1).replace(",", ".")
    return float(number), f"{found.group(1)}%"


_CITATION_REACH = 24
"""The most characters after the words that state an amount by reference ("enligt punkt", "as set
out in") where the number they cite may end ("enligt punkt 22", "as set out in Schedule 4")."""
_OTHER_DOCUMENT = lazy_compile(
    r"(?i)(?:\b(?:\w+\s+)?(?:agreement|contract|terms|conditions|villkor\w*|\w*avtal\w*|kontrakt\w*)\b\W*$|"
    r"^\W*(?:nedan\s+|ovan\s+|below\s+|above\s+)?(?:of|in|to|under|i|till)\s+(?!(?:this|these|the\s+present|detta|denna|dessa)\b)"
    r"(?:the\s+)?(?:\w+\s+){0,3}?(?:agreement|contract|terms|conditions|villkor\w*|\w*avtal\w*|kontrakt\w*)\b)"
)
"""A document named with a citation, before its clause word ("enligt Allmänna villkor punkt 7",
"under the Framework Agreement clause 9") or after its number ("clause 9.2 of the Master
Agreement", "punkt 14 i ramavtalet"): a clause of another document, not of this one ("of this
Agreement", "i detta avtal" is this one's; "of the Agreement" alone names the document itself
where it has the clause, and the agreement a requirement specification or a tender refers to,
another document, where it has not: "prisavdrag enligt punkt 9.5 i avtalet" in a
kravspecifikation; in a tender it is always the contract to be signed)."""
_ANOTHER_PLACE = lazy_compile(r"(?i)^\s*(?:nedan\s+|ovan\s+|below\s+|above\s+)?,?\s*(?:and|or|och|eller|samt)\s+(?:the\s+|i\s+|in\s+)?\w+")
"""A second place named with the one cited ("paragraph 3 and the Annex", "punkt 22 eller bilaga 4")."""
_THIS_DOCUMENT = lazy_compile(
    r"(?i)^\W*(?:nedan\s+|ovan\s+|below\s+|above\s+)?(?:of|in|to|under|i|till)\s+(?:the\s+)?(?:agreement|contract|avtalet|kontraktet)\b"
)
"""The agreement named alone after a citation ("clause 9.2 of the Agreement", "punkt 9.5 i avtalet"):
this document where it has the clause, else the agreement it refers to (:meth:`_Models._citation`)."""


_QUOTED_TERM = lazy_compile(r"[“\"]([A-Z][^”\"]{0,60})[”\"]")


def sanction_models(result: DocumentResult) -> list[SanctionModel]:
    """The document's sanction clauses in document order, each with its amount, cap, trigger and
    cure period (None where the document does not say)."""
    deciding = [c for c in result.classifications if _DEFINES["amount"] in c.ruleset.defines]
    if not deciding:
        deciding = [c for c in result.shipped_classifications() if _DEFINES["amount"] in c.ruleset.defines]
    return deciding[0].sanction_model if deciding else []


def models_of(c: Classification) -> list[SanctionModel]:
    """The sanction model read with classification ``c``'s defines (none when it defines no
    ``sanction_amount``): :attr:`Classification.sanction_model`, which the matrix and the rules
    that judge the model (``model lacks cap``) share."""
    return _Models(c).models() if _DEFINES["amount"] in c.ruleset.defines else []


def defined_term(name: str | None, text: str) -> bool:
    """Whether a sanction named ``name`` in its sentence ``text`` is named by a defined term:
    capitalised inside the sentence ("… eligible to receive Financial Credit"), or with a capital
    after its first letter wherever it stands ("Service Credits are not refunds"): the same
    sanction wherever the document names it. "vite" or "service credits" in lower case may be
    another sanction of the same kind."""
    if not name:
        return False
    return any(ch.isupper() for ch in name[1:]) or (name[0].isupper() and not text.lstrip("*_ ").startswith(name)) or _named_as_term(name, text)


def _named_as_term(name: str, text: str) -> bool:
    """Whether sentence ``text`` gives sanction ``name`` a defined term in quotes ("Customer will
    be entitled to a service credit to Customer's account (“**Service Credits**”)"): the sanction
    of that term wherever the document names it, though named here in lower case."""
    key = sanction_key(name)
    return any(sanction_key(quoted.group(1)) == key for quoted in _QUOTED_TERM.finditer(text.replace("*", "").replace("_", "")))


def sanction_key(name: str) -> str:
    """What names one sanction, whatever the case and number: "Service Credits", "service credit"."""
    key = " ".join(name.casefold().split())
    return key[:-1] if key.endswith("s") else key


def same_kind(capped: str, name: str) -> bool:
    """Whether the sanction named ``name`` is of the kind a cap names (``capped``): the head of
    the cap's name, its last word, is a word of the sanction's, whatever its number or definite
    form ("service credits" → "credit the Customer", "Service Credit"; "vitet" → "vite"; not
    "liquidated damages")."""
    head = sanction_key(capped).rsplit(" ", 1)[-1]
    return any(_same_word(head, word) for word in sanction_key(name).split())


def _same_word(one: str, other: str) -> bool:
    """The same word in another number or form: one starts with the other but for its last
    letter ("penaltie" / "penalty", "vitet" / "vite", "credit" / "credit")."""
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= 3 and longer.startswith(shorter[:-1]) and len(longer) - len(shorter) <= 2


class _Models:
    """The sanction clauses of one classified document."""

    def __init__(self, c: Classification) -> None:
        self.c = c
        self.statements = c.document.statements
        self.found = {
            part: c.statements_of_class(name)
            for part, name in (*_DEFINES.items(), (SEPARATE, SEPARATE), (DOCUMENT_CAP, DOCUMENT_CAP))
            if name in c.ruleset.defines
        }
        self.credit_rows = c.reading().statements("sanction_row")
        self.tiers: dict[int | None, list[int]] = {}  # the tiers of each list of credits, by the statement introducing it
        for j in sorted(self.credit_rows):
            if self.statements[j].table is None:
                self.tiers.setdefault(self.statements[j].lead_in, []).append(j)
        # Items of a list whose introduction makes them no duties state no sanction's terms: under
        # "Leverantören äger rätt att häva … om Inera:" the cure period is the buyer's.
        self.non_binding_items = c.reading().statements("non_binding_item")
        # A tender (or its specification) cites the contract to be signed: there "punkt 9.5 i
        # avtalet", "clause 9 of the Agreement" name another document, not this one's clauses.
        self.in_tender = c.reading().tender
        self._cited: dict[str, tuple[int | None, dict[str, SanctionPart]]] = {}  # cited key → its clause's first statement and parts

    def models(self) -> list[SanctionModel]:
        clauses: dict[tuple, list[int]] = {}
        for i in sorted(self.c.statements_of_class("sanction")):
            clauses.setdefault(self.c.index.clause_key(i), []).append(i)
        models = []
        for own in clauses.values():
            # the rest of the clause: neither a sanction's own statement nor a non-binding item
            others = sorted(self.c.index.clause_of(own[0]) - frozenset(own) - self.non_binding_items)
            found_in_others: dict[str, SanctionPart | int | None] = {}
            models.extend(self._model(group, others, found_in_others) for group in self._sanctions_of(own))
        stated: dict[tuple[str, str], SanctionPart] = {}  # (name, part) → the first clause's that states it
        for model in models:
            for part in PARTS:
                found = getattr(model, part)
                if model.name and found is not None:
                    stated.setdefault((sanction_key(model.name), part), found)
        for model in models:  # a part the clause lacks, from the same defined sanction named elsewhere
            for part in PARTS:
                found = stated.get((sanction_key(model.name), part)) if defined_term(model.name, model.text) and getattr(model, part) is None else None
                if found is not None:
                    setattr(model, part, found.model_copy(update={"source": "elsewhere"}))
        self._document_cap(models)
        return models

    def _document_cap(self, models: list[SanctionModel]) -> None:
        """Give each sanction with an amount and no cap the document's cap on its sanctions, the
        first statement of ``define sanctions_cap`` (an SLA's "Limitations" section: "The total
        amount of Service Credits in any month shall not exceed 50 % of the monthly fee"), where
        its own clause states none: the cap stands where the document gathers its limits, not
        beside each credit. A termination or a re-performance has no amount and takes none. A cap
        that names the kind of sanction it caps caps only sanctions of that kind
        (:func:`same_kind`): a cap on the service credits is none on the liquidated damages."""
        caps = self.found.get(DOCUMENT_CAP, EMPTY)
        # its words as a cap's own sentence gives them ("shall not exceed" → "shall not exceed 50 %")
        cap = self._first_part("cap", [min(caps)], True) if caps else None
        if cap is None:
            return
        capped = self.c.sanction_name(min(caps))
        cap = cap.model_copy(update={"source": "elsewhere"})
        for model in models:
            if model.cap is None and model.amount is not None and (capped is None or model.name is None or same_kind(capped, model.name)):
                model.cap = cap

    def _sanctions_of(self, own: list[int]) -> list[list[int]]:
        """The sanctions of one clause's sanction statements ``own``: one, unless two or more of
        its paragraphs open with an amount of their own (``define sanction_own_amount``: the
        cells of a deduction schedule a PDF's text flattened, "2% deduction of CLIN003 monthly
        total cost for failure to perform backups", "5% of CLIN004 total monthly cost for each
        outage not reported"); then each such paragraph is a sanction of its own, with the
        paragraphs after it that open with none (its cap, its trigger). The items of a list and
        the rows of a table are the tiers of one sanction ("- 10 % of the monthly fee for a month
        with uptime below 99.9 %"), not sanctions of their own."""
        starts = self.found.get(SEPARATE, EMPTY)
        blocks: dict[int, list[int]] = {}
        for i in own:
            blocks.setdefault(self.statements[i].block, []).append(i)
        opening = {block for block, statements in blocks.items() if statements[0] in starts and self._paragraph(statements[0])}
        if len(opening) < 2:
            return [own]
        groups: list[list[int]] = []
        for block, statements in blocks.items():
            if block in opening or not groups:
                groups.append([])
            groups[-1].extend(statements)
        return groups

    def _paragraph(self, j: int) -> bool:
        """Whether statement ``j`` stands in a paragraph of its own: no list item, no table row."""
        statement = self.statements[j]
        return statement.table is None and statement.lead_in is None and statement.kind != "list_item"

    def _model(self, own: list[int], others: list[int], found_in_others: dict[str, SanctionPart | int | None]) -> SanctionModel:
        """The model of the sanction of statements ``own``; ``others`` are the rest of its clause
        (not the statements of its clause's other sanctions, whose parts are theirs), and
        ``found_in_others`` what :meth:`_part` found there for an earlier sanction of the clause:
        the same for each, so a clause of thousands of sanctions reads its rest once."""
        first = self.statements[own[0]]
        name = self.c.sanction_name(own[0])
        parts = {part: self._part(part, own, others, found_in_others) for part in PARTS}
        cited = self._citation(own, parts["amount"])
        if cited is not None:
            for part, found in self._cited[cited.number][1].items():
                if parts[part] is None or (part == "amount" and not any(ch.isdigit() for ch in parts[part].text)):
                    parts[part] = found
        amount = parts["amount"]
        if parts["cap"] is None and amount is not None and amount.source == "table":
            parts["cap"] = self._table_cap(amount.statement)
        if parts["cap"] is None and amount is not None:
            parts["cap"] = self._tiers_cap(own)
        if parts["cap"] is None and amount is not None and amount.source == "clause":
            # the sentence of the clause that states the amount bounds it with its own cap words,
            # money or not: "1 day will be added for every 15 minutes late, up to a maximum of 10 days"
            cap = self._first_part("cap", [amount.statement], True)
            parts["cap"] = cap.model_copy(update={"source": "clause"}) if cap is not None else None
        return SanctionModel.model_construct(statement=own[0], text=first.text, location=first.location, name=name, statements=own, cited=cited, **parts)

    def _citation(self, own: list[int], amount: SanctionPart | None) -> SanctionCitation | None:
        """The clause the sanction's amount cites by its number, when its amount is stated by that
        reference alone (no number of its own): "vite enligt punkt 22 nedan", "liquidated damages
        as set out in Schedule 4", "service credits in accordance with clause 9.2". The clause
        word stands in the words that state the amount, its number just after; a clause of another
        document (:data:`_OTHER_DOCUMENT`) and the sanction's own clause ("enligt denna punkt 14")
        are followed to nothing."""
        if amount is None or any(ch.isdigit() for ch in amount.text) or amount.source not in ("statement", "clause"):
            return None
        j = amount.statement
        span = self.c.class_span(_DEFINES["amount"], j)
        if not span:
            return None
        text = self.statements[j].text
        found = CITATION.search(text, span[0], span[1] + _CITATION_REACH)
        if found is None or (found.start("word") > span[1] and text[span[1] : found.start("word")].strip()):
            return None  # the clause word in the amount's words or just after them ("som framgår av punkt 14.3")
        named = self.c.class_span("sanction", j)
        if named is not None and found.start() < named[0]:
            return None  # before the sanction's name: "inom ramen för ansvarsbegränsningar enligt punkt 22 … viten enligt Avtalet"
        after = text[found.end() : found.end() + 60]
        if _ANOTHER_PLACE.match(after):
            return None  # "as set out in paragraph 3 and the Annex": the amount may stand in either
        this_document = _THIS_DOCUMENT.match(after) is not None and not self.in_tender
        if _OTHER_DOCUMENT.search(text[span[0] : found.start()]) or (_OTHER_DOCUMENT.match(after) and not this_document):
            return None
        key = cited_key(found.group("word"), found.group("number"))
        statements = self.c.index.cited_clause(key)
        if statements is not None and (j in statements or own[0] in statements):
            return None  # its own clause: "enligt denna punkt 14"
        if statements is None and _THIS_DOCUMENT.match(after):
            return None  # "prisavdrag enligt punkt 9.5 i avtalet" where no 9.5 stands: the agreement is another document
        first, parts = self._cited_clause(key, statements)
        location = self.statements[first].location if first is not None else None
        return SanctionCitation.model_construct(
            text=found.group(0), number=key, found=statements is not None, statement=first, location=location, parts=[p for p in PARTS if p in parts]
        )

    def _cited_clause(self, key: str, statements: frozenset[int] | None) -> tuple[int | None, dict[str, SanctionPart]]:
        """The first statement of the clause cited as ``key`` (its ``statements``) and the parts it
        states, read once per clause: a credit table is its amount and its largest row its cap;
        else its sanction statements' own words, then the rest of it (as :meth:`_first_part`
        reads a clause: an amount there has a number)."""
        known = self._cited.get(key)
        if known is not None:
            return known
        parts: dict[str, SanctionPart] = {}
        first = min(statements) if statements else None
        if statements:
            ordered = sorted(statements)
            sanctions = self.c.statements_of_class("sanction")
            own = [j for j in ordered if j in sanctions]
            rest = [j for j in ordered if j not in sanctions and j not in self.non_binding_items]
            table = next((j for j in ordered if j in self.credit_rows and j in self.found.get("amount", EMPTY)), None)
            for part in PARTS:
                found = self._first_part(part, own, True) or self._first_part(part, rest, False)
                if part == "amount" and table is not None:
                    found = SanctionPart.model_construct(
                        text=self._table_amounts(table), statement=table, location=self.statements[table].location, source="table"
                    )
                    parts["cap"] = parts.get("cap") or self._table_cap(table)
                if part == "amount" and found is not None and found.source != "table" and not any(ch.isdigit() for ch in found.text):
                    found = None  # a reference again ("enligt bilaga 3"), or words without a sum
                if found is not None and part not in parts:
                    parts[part] = found
        cited = {part: found.model_copy(update={"source": "cited"}) for part, found in parts.items() if found is not None}
        self._cited[key] = (first, cited)
        return first, cited

    def _part(self, part: str, own: list[int], others: list[int], found_in_others: dict[str, SanctionPart | int | None]) -> SanctionPart | None:
        """The first statement that states ``part``: a credit table in the clause is the amount
        (the words that point to it are not); then the sanction's own statements, then the rest
        of its clause (``others``; what is found there is kept in ``found_in_others``), where a
        requirement states a level, not the sanction's, and an amount must have a number ("as
        follows" points to something only in the sanction's own words)."""
        hits = self.found.get(part, EMPTY)
        if part == "amount":
            table = next((j for j in own if j in hits and j in self.credit_rows), None)
            if table is None:
                if "table" not in found_in_others:
                    found_in_others["table"] = next((j for j in others if j in hits and j in self.credit_rows), None)
                    if found_in_others["table"] is None:
                        found_in_others["table"] = self._table_below(own[0], hits)
                table = found_in_others["table"]
            if isinstance(table, int):
                return SanctionPart.model_construct(text=self._table_amounts(table), statement=table, location=self.statements[table].location, source="table")
        found = self._first_part(part, own, True)
        if found is None:
            if part not in found_in_others:
                found_in_others[part] = self._first_part(part, others, False)
            found = found_in_others[part]
        return found if isinstance(found, SanctionPart) else None

    def _first_part(self, part: str, statements: list[int], own: bool) -> SanctionPart | None:
        """The first of ``statements`` (the sanction's ``own``, or the rest of its clause) that
        states ``part``, with the words that state it (:meth:`_part`); a requirement of the clause,
        an item its list's introduction binds too, states its own level, none of the sanction's
        (:meth:`Classification.lacks_in_clause`)."""
        hits = self.found.get(part, EMPTY)
        requirements = self.c.statements_of_class("requirement")
        for j in statements:
            if j not in hits or (not own and j in requirements):
                continue
            span = self.c.class_span(_DEFINES[part], j)
            text = self.statements[j].text
            words = text[span[0] : span[1]] if span and span[1] > span[0] else text
            if part == "amount" and not own and not any(ch.isdigit() for ch in words):
                continue
            if part == "cap" and not own and not self._caps_a_sanction(j):
                continue
            # "If availability is below 99.5 %, a credit of 5 % applies": the 5 %; so for a share
            # spelled out ("the error rate exceeds five percent … Service Credits: 10% of …")
            if part == "amount" and own and (any(ch.isdigit() for ch in words) or words.casefold().endswith(("percent", "per cent"))):
                named = self.c.class_span("sanction", j)
                after = _NUMBER.search(text, named[1]) if named else None
                at = span
                if after and span and after.start() >= span[0] and after.end() > span[1]:  # words holding the number stay: "2 times the"
                    words, at = after.group(0), after.span()
                if at and self._in_cap(j, text, at):
                    continue  # "Total Service Credits in any month will not exceed 30 %": the 30 % is the cap, no amount
            if part == "cap" and span and not any(ch.isdigit() for ch in words):  # "shall not exceed" → "shall not exceed: 10%"
                number = _NUMBER.search(text, span[1], span[1] + 60)
                words = text[span[0] : number.end()] if number else words
            elif part == "cap" and span and words[-1:].isdigit():  # "… more than 8" → "… more than 8%": the whole number
                number = _NUMBER.match(text, span[1] - 1)
                words = text[span[0] : number.end()] if number else words
            elif part == "trigger" and span:  # "If" → "If the Uptime Commitment is not met"
                stop = _CLAUSE_END.search(text, span[1], span[1] + 80)
                words = text[span[0] : stop.start()] if stop else text[span[0] : span[1] + 80].rsplit(" ", 1)[0] + " …"
            return SanctionPart.model_construct(text=words, statement=j, location=self.statements[j].location, source="statement" if own else "clause")
        return None

    def _tiers_cap(self, own: list[int]) -> SanctionPart | None:
        """The largest credit of the tiers among a sanction's own statements, when two or more of
        them are tiers written as "LEVEL: CREDIT" (a flattened PDF's "39-40 days average cycle
        time: 1% of total invoiced for quarter will be deducted." / "41 (or more) days average
        cycle time: 2% of total invoiced …"): the tiers are one sanction's levels, as the rows of
        a credit table are, and its largest credit is the most it can be."""
        tiers = [(*found, j) for j in own if (found := _tier_share(self.statements[j].text)) is not None]
        if len(tiers) < 2:
            return None
        _, words, j = max(tiers)
        return SanctionPart.model_construct(text=words, statement=j, location=self.statements[j].location, source="statement")

    def _table_below(self, i: int, hits: frozenset[int]) -> int | None:
        """The first row of a credit table in a clause just under the clause of sanction ``i``
        that has none ("3 Service Credits: If we fail to meet the availability commitment, you will
        receive Service Credits." / "3.1 Credit levels" / its table): its amount, in the clause
        the credit clause is divided into. Only a sub-clause with no sanction statement of its
        own: one that has one ("3.2 Support credits: a credit of 5 % …") is a sanction of its own."""
        section = self.statements[i].section
        if section is None or section in self.c.index.whole_document_sections:
            return None
        sanctions = self.c.statements_of_class("sanction")
        for child in self.c.index.section_children.get(section, []):
            statements = self.c.index.by_section.get(child, EMPTY)
            rows = sorted(j for j in statements if j in self.credit_rows and j in hits)
            if rows and not any(j in sanctions for j in statements - self.credit_rows):
                return rows[0]
        return None

    def _in_cap(self, j: int, text: str, at: tuple[int, int]) -> bool:
        """Whether the words at ``at`` in statement ``j`` (its ``text``) are its cap's number: the
        words of ``define sanction_cap`` that hold a number, or the number just after them
        ("will not exceed 30 %")."""
        span = self.c.class_span(_DEFINES["cap"], j) if j in self.found.get("cap", EMPTY) else None
        if not span:
            return False
        if not any(ch.isdigit() for ch in text[span[0] : span[1]]):
            number = _NUMBER.search(text, span[1], span[1] + 60)
            span = number.span() if number else None
        return span is not None and at[0] < span[1] and span[0] < at[1]

    def _caps_a_sanction(self, j: int) -> bool:
        """Whether statement ``j``, another of a sanction's clause, can state its cap: with a sum
        or a share ("Up to a maximum of 10 % of the monthly cost", "capped at $5,000") or as a cap
        on sanctions (``define sanctions_cap``: "Deductions shall not exceed the monthly fee"). A
        cap word on anything else of the clause caps no sanction ("The maximum life of the
        contract should range from five to ten years", "a maximum of 3 years")."""
        return _MONEY.search(self.statements[j].text) is not None or j in self.found.get(DOCUMENT_CAP, EMPTY)

    def _credits(self, row: int) -> list[tuple[float, str, int]]:
        """The credits (percentages) of the credit table that ``row`` is in: (value, as written,
        row), from every cell but the first (which says when it applies); of a tiered list of
        credits, from its items' credit each (:func:`_tier_credit`)."""
        statement = self.statements[row]
        found: list[tuple[float, str, int]] = []
        if statement.table is None:
            for j in self.tiers.get(statement.lead_in, []):
                first = _tier_credit(self.statements[j].text)
                if first:
                    found.append((float(first.group(1).replace(",", ".")), first.group(0), j))
            return found
        for j in sorted(self.c.index.by_table.get(statement.table, EMPTY) & self.credit_rows):
            for cell in self.statements[j].text.split(" | ")[1:]:
                found.extend((float(m.group(1).replace(",", ".")), m.group(0), j) for m in _PERCENT.finditer(cell))
        return found

    def _table_amounts(self, row: int) -> str:
        """A credit table as an amount: "credit table: 10% to 50%" (its smallest and largest credit)."""
        credits = self._credits(row)
        if not credits:
            return self.statements[row].text
        low, high = min(credits), max(credits)
        return low[1] if low[0] == high[0] else f"{low[1]} – {high[1]}"

    def _table_cap(self, row: int) -> SanctionPart | None:
        """The largest credit of the credit table ``row`` is in: the most the sanction can be."""
        credits = self._credits(row)
        if not credits:
            return None
        _, words, j = max(credits)
        return SanctionPart.model_construct(text=words, statement=j, location=self.statements[j].location, source="table")

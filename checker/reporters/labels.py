"""Words for people, in Swedish and English: kravkoll's one table of them (:data:`LABELS`).

What is about a document — the matrix, the HTML report, Word comments, where a finding stands —
speaks the document's language; the command line's own words (the summary line, the progress
bar) speak the user's (:func:`ui_language`: ``--ui-lang``, else the locale); the command line's
help is in :mod:`.help_labels`, which ``--help`` loads alone. Rule pages take their words from
the ``ruledoc.*`` keys. Every key exists in both languages (a test checks)."""

from __future__ import annotations

from ..document import Location, cut_at_word
from ..report import FileReport, Finding, Link
from .help_labels import UI_LANGUAGES, ui_language  # noqa: F401 - the language of the command line's words, here with the words

LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "language.sv": "svenska",
        "language.en": "engelska",
        "report.title": "Granskning av {name}",
        "report.meta": "Språk: {language} · {statements} meningar och tabellrader · {requirements} krav · Regler: {rulesets}",
        "report.generator": "Gjord med kravkoll {version}.",
        "nav.label": "Innehåll",
        "nav.skip": "Hoppa till dokumentets text",
        "section.overview": "Översikt",
        "section.findings": "Att åtgärda",
        "section.text": "Dokumentets text",
        "section.matrix": "Spårbarhetsmatris",
        "section.balance": "Ett balanserat avtal",
        "balance.intro": "Ett balanserat avtal följer upp och sanktionerar, men har också incitament, styrning, "
        "förbättringsarbete och tydliga vägar för ändringar, avslut och tvister.",
        "score.measurable": "Mätbara krav",
        "score.followed_up": "Uppföljda krav",
        "score.sanctioned": "Krav med sanktion",
        "score.complete": "Kompletta krav",
        "score.of": "{n} av {total} krav",
        "score.none": "Inga krav hittades i dokumentet.",
        "score.line": "Krav: {total}. Mätbara: {measurable}. Uppföljda: {followed_up} ({followed_up_specific} särskilt, {followed_up_blanket_only} bara genom samlat villkor). Med sanktion: {sanctioned} ({sanctioned_specific} särskilt, {sanctioned_blanket_only} bara genom samlat villkor). Kompletta: {complete}.",
        "findings.none": "Inga anmärkningar.",
        "findings.count": "{error} fel, {warning} varningar, {info} tips",
        "findings.suppressed": "{n} anmärkningar är undantagna i dokumentet (kravkoll: ignore).",
        "findings.help": "Håll muspekaren över en markering i texten, eller gå till den med tabbtangenten, så visas förklaringen.",
        "findings.document": "Gäller hela dokumentet",
        "findings.preamble": "Före första rubriken",
        "filter.title": "Visa urval",
        "filter.severity": "Allvarlighetsgrad",
        "filter.category": "Kategori",
        "filter.rule": "Regel",
        "category.unmeasurable": "Inte mätbart",
        "category.ambiguous": "Tvetydigt",
        "category.missing-follow-up": "Uppföljning saknas",
        "category.missing-sanction": "Sanktion saknas",
        "category.weak-sanction": "Svag sanktion",
        "category.missing-clause": "Villkor saknas",
        "category.structure": "Struktur",
        "annotate.summary": "kravkoll – om hela dokumentet ({n}):",
        "finding.suggestion": "Förslag:",
        "nearest.followup": "Närmaste uppföljning: {place}, ”{text}”, räknas inte: {why}.",
        "nearest.sanction": "Närmaste sanktion: {place}, ”{text}”, räknas inte: {why}.",
        "nearest.scope": "den gäller bara {topics}, enligt sitt avsnitt",
        "nearest.elsewhere": "den står i ett annat avsnitt, nämner inte kravet och har inget ämne gemensamt med det",
        "finding.rule": "Regel",
        "finding.reference": "Källa",
        "finding.show": "Visa i texten",
        "finding.same_fix": "som för nr {n}.",
        "severity.error": "Fel",
        "severity.warning": "Varning",
        "severity.info": "Tips",
        "column.id": "Krav-id",
        "column.where": "Var",
        "column.text": "Krav",
        "column.measurable": "Mätbart",
        "column.follow_up": "Uppföljning",
        "column.sanction": "Sanktion",
        "column.status": "Status",
        "sanctions.title": "Sanktionerna och vad de anger",
        "sanctions.intro": "Varje avsnitt med en påföljd: beloppet (en vitestabell i avsnittet är beloppet och dess största rad taket), taket, vad som utlöser påföljden och fristen för rättelse – hämtat ur påföljdens mening, dess avsnitt eller avsnittet där samma påföljd beskrivs.",
        "sanctions.column.sanction": "Påföljd",
        "sanctions.column.amount": "Belopp",
        "sanctions.column.cap": "Tak",
        "sanctions.column.trigger": "Utlöses av",
        "sanctions.column.cure": "Frist för rättelse",
        "sanctions.missing": "anges inte",
        "sanctions.source.statement": "i meningen",
        "sanctions.source.clause": "i avsnittet",
        "sanctions.source.table": "vitestabellen",
        "sanctions.source.elsewhere": "där påföljden beskrivs",
        "sanctions.source.cited": "i punkten den hänvisar till",
        "yes": "Ja",
        "no": "Nej",
        "unclear": "Oklart",
        "none": "saknas",
        "more": "och {n} till",
        "more.over": "och fler än {n} till",
        "how.self": "i kravet självt",
        "how.id": "nämner {id}",
        "how.section": "samma avsnitt",
        "how.topic": "samma ämne",
        "how.blanket": "gäller alla krav",
        "reason.self": "i kravet självt",
        "reason.id": "nämner {detail}",
        "reason.cross-reference": "hänvisar till {detail}",
        "reason.clause": "samma avsnitt: {detail}",
        "reason.table": "samma tabell",
        "reason.topic": "samma ämne: {detail}",
        "reason.blanket": "samlat villkor för alla krav: ”{detail}”",
        "reason.blanket.plain": "samlat villkor för alla krav",
        "score.specific": "varav {n} särskilt, {blanket} bara genom samlat villkor",
        "status.complete": "Komplett",
        "status.unmeasurable": "Inte mätbart",
        "status.unclear": "Nivå saknas",
        "status.no-follow-up": "Uppföljning saknas",
        "status.no-sanction": "Sanktion saknas",
        "id.heading": "avsnitt {id}",
        "where.line": "rad {n}",
        "finding.also": "Detsamma gäller listans övriga punkter: {places}.",
        "finding.also_rows": "Detsamma gäller tabellens övriga rader: {places}.",
        "finding.also_document": "Detsamma gäller {count} krav till: {places}.",
        "finding.also_document_one": "Detsamma gäller ett krav till: {places}.",
        "finding.also_document_sanctions": "Detsamma gäller {count} sanktioner till: {places}.",
        "finding.also_document_sanctions_one": "Detsamma gäller en sanktion till: {places}.",
        "finding.also_more": "{places} och {count} till",
        "finding.binds": "Binder {party}",
        "party.supplier": "leverantören",
        "party.buyer": "beställaren",
        "party.mutual": "båda parter",
        "party.tenderer": "anbudsgivaren",
        "filter.party": "Binder",
        "finding.own_duty.buyer": "Beställarens egen skyldighet – ",
        "finding.own_duty.mutual": "Båda parternas skyldighet – ",
        "finding.own_duty_suggestion.buyer": "Skyldigheten är beställarens, inte leverantörens: skriv om den bara om beställaren ska kunna hållas till den, och låt beställaren stå kvar som den som binds.",
        "finding.own_duty_suggestion.mutual": "Skyldigheten binder båda parter: skriv om den bara om parterna ska kunna hållas till den, och låt båda stå kvar som bundna.",
        "finding.own_duty.tenderer": "Anbudsgivarens skyldighet (vad anbudet ska innehålla) – ",
        "finding.own_duty_suggestion.tenderer": "Skyldigheten är anbudsgivarens, för anbudet: ge den ett kriterium som utvärderingen kan pröva (ett antal, en namngiven uppgift, ett format), och låt anbudsgivaren stå kvar som den som binds.",
        "where.paragraph": "stycke {n}",
        "where.page": "sida {n}",
        "where.document": "hela dokumentet",
        "where.at": "Var: {place}",
        "where.table": "tabell {table}, rad {row}",
        "present": "Finns",
        "missing": "Saknas",
        "balance.follow_up": "Uppföljning",
        "balance.follow_up.help": "Hur kraven mäts, rapporteras och kontrolleras",
        "balance.sanction": "Sanktioner",
        "balance.sanction.help": "Vad som händer när ett krav inte uppfylls: vite, prisavdrag",
        "balance.incentive": "Incitament",
        "balance.incentive.help": "Belöning för goda resultat: bonus, delad vinst",
        "balance.governance": "Styrning och samverkan",
        "balance.governance.help": "Uppföljningsmöten, kontaktpersoner, eskalering",
        "balance.improvement": "Ständiga förbättringar",
        "balance.improvement.help": "Hur leveransen utvecklas under avtalstiden",
        "balance.change": "Ändringar",
        "balance.change.help": "Hur avtalet får ändras, på vilka villkor och till vilket pris",
        "balance.termination": "Hävning och uppsägning",
        "balance.termination.help": "När och hur avtalet kan avslutas",
        "balance.acceptance": "Godkännande",
        "balance.acceptance.help": "Leveranskontroll, acceptanstest, besiktning",
        "balance.dispute": "Tvistlösning",
        "balance.dispute.help": "Förhandling, medling, domstol eller skiljeförfarande",
        "matrix.title": "Spårbarhetsmatris",
        "matrix.unreadable": "Kunde inte läsas: {error}",
        # the command line's own words (the summary, the progress bar): the user's language (ui_language)
        "cli.progress": "Kontrollerar",
        "cli.found": "Hittade {counts} i {files}",
        "cli.clean": "Inga anmärkningar: {counts} i {files}",
        "cli.nothing": "Inget dokument kontrollerades",
        "cli.nothing.unreadable": "Inget dokument kontrollerades; {n} kunde inte läsas",
        "cli.error.1": "{n} fel",
        "cli.error.n": "{n} fel",
        "cli.warning.1": "{n} varning",
        "cli.warning.n": "{n} varningar",
        "cli.info.1": "{n} tips",
        "cli.info.n": "{n} tips",
        "cli.file.1": "{n} fil",
        "cli.file.n": "{n} filer",
        "cli.suppressed": "{n} undantagna",
        "cli.baselined": "{n} i baslinjen",
        "cli.unreadable.1": "{n} fil kunde inte läsas",
        "cli.unreadable.n": "{n} filer kunde inte läsas",
        "cli.no_reason.1": "obs: {n} undantagen anmärkning saknar motivering; skriv den efter '--': <!-- kravkoll: ignore REGEL -- varför -->",
        "cli.no_reason.n": "obs: {n} undantagna anmärkningar saknar motivering; skriv den efter '--': <!-- kravkoll: ignore REGEL -- varför -->",
        "cli.exit.1": "Slutkod 1: dokumenten har anmärkningar med allvarlighetsgrad {fail_on} eller högre (--fail-on). "
        "Det är resultatet, inte ett fel i kravkoll; 2 betyder att en fil inte gick att läsa.",
        "cli.exit.2": "Slutkod 2: en fil gick inte att läsa (raderna om det står på standard error).",
        "severity.name.error": "fel",
        "severity.name.warning": "varning",
        "severity.name.info": "tips",
        # rule pages (kravkoll rules docs)
        "ruledoc.ruleset": "Regeluppsättning",
        "ruledoc.category": "Kategori",
        "ruledoc.severity": "Allvarlighetsgrad",
        "ruledoc.once_per_document": "En anmärkning per dokument, som nämner de övriga kraven (`report once per document`)",
        "ruledoc.kind": "Regeltyp",
        "ruledoc.flags": "Vad regeln flaggar",
        "ruledoc.message": "Meddelande",
        "ruledoc.suggest": "Förslag",
        "ruledoc.rationale": "Motivering",
        "ruledoc.rewrite": "Omskrivning (`kravkoll annotate --suggest`: ett spårat ändringsförslag i Word)",
        "ruledoc.reference": "Källa",
        "ruledoc.examples": "Exempel",
        "ruledoc.flagged": "Flaggas",
        "ruledoc.passes": "Godkänns",
        "ruledoc.vocabulary": "Ord och mönster",
        "ruledoc.linked": "Länkas via",
        "ruledoc.rules": "Regler",
        "ruledoc.says": "kravkoll säger",
        "ruledoc.unlinked": "och inget `{kind}`-påstående är länkat ({methods})",
        "ruledoc.nothing": "inget i dokumentet matchar `{expect}`",
        "ruledoc.only_when": "(bara när något matchar `{when}`)",
    },
    "en": {
        "language.sv": "Swedish",
        "language.en": "English",
        "report.title": "Review of {name}",
        "report.meta": "Language: {language} · {statements} sentences and table rows · {requirements} requirements · Rules: {rulesets}",
        "report.generator": "Made with kravkoll {version}.",
        "nav.label": "Contents",
        "nav.skip": "Skip to the document's text",
        "section.overview": "Overview",
        "section.findings": "To fix",
        "section.text": "The document's text",
        "section.matrix": "Traceability matrix",
        "section.balance": "A balanced contract",
        "balance.intro": "A balanced contract follows up and sanctions, but also has incentives, governance, "
        "improvement and clear routes for change, termination and disputes.",
        "score.measurable": "Measurable requirements",
        "score.followed_up": "Followed up",
        "score.sanctioned": "With a sanction",
        "score.complete": "Complete",
        "score.of": "{n} of {total} requirements",
        "score.none": "No requirements were found in the document.",
        "score.line": "Requirements: {total}. Measurable: {measurable}. Followed up: {followed_up} ({followed_up_specific} specific, {followed_up_blanket_only} only by a blanket clause). With a sanction: {sanctioned} ({sanctioned_specific} specific, {sanctioned_blanket_only} only by a blanket clause). Complete: {complete}.",
        "findings.none": "No findings.",
        "findings.count": "{error} errors, {warning} warnings, {info} notes",
        "findings.suppressed": "{n} findings are suppressed in the document (kravkoll: ignore).",
        "findings.help": "Hover over a highlight in the text, or move to it with the Tab key, to see the explanation.",
        "findings.document": "About the whole document",
        "findings.preamble": "Before the first heading",
        "filter.title": "Show a selection",
        "filter.severity": "Severity",
        "filter.category": "Category",
        "filter.rule": "Rule",
        "category.unmeasurable": "Not measurable",
        "category.ambiguous": "Ambiguous",
        "category.missing-follow-up": "No follow-up",
        "category.missing-sanction": "No sanction",
        "category.weak-sanction": "Weak sanction",
        "category.missing-clause": "Missing clause",
        "category.structure": "Structure",
        "annotate.summary": "kravkoll – about the whole document ({n}):",
        "finding.suggestion": "Suggestion:",
        "nearest.followup": "Nearest follow-up: {place}, “{text}”, does not count: {why}.",
        "nearest.sanction": "Nearest sanction: {place}, “{text}”, does not count: {why}.",
        "nearest.scope": "its clause limits it to {topics}",
        "nearest.elsewhere": "it stands in another clause, does not name the requirement and shares no topic with it",
        "finding.rule": "Rule",
        "finding.reference": "Source",
        "finding.show": "Show in the text",
        "finding.same_fix": "as for no. {n}.",
        "severity.error": "Error",
        "severity.warning": "Warning",
        "severity.info": "Note",
        "column.id": "Requirement",
        "column.where": "Where",
        "column.text": "Text",
        "column.measurable": "Measurable",
        "column.follow_up": "Follow-up",
        "column.sanction": "Sanction",
        "column.status": "Status",
        "sanctions.title": "The sanctions and what they state",
        "sanctions.intro": "Each clause with a sanction: its amount (a credit table in the clause is the amount, its largest row the cap), its cap, what sets it off and the cure period, taken from the sanction's sentence, its clause or the clause where the same sanction is described.",
        "sanctions.column.sanction": "Sanction",
        "sanctions.column.amount": "Amount",
        "sanctions.column.cap": "Cap",
        "sanctions.column.trigger": "Trigger",
        "sanctions.column.cure": "Cure period",
        "sanctions.missing": "not stated",
        "sanctions.source.statement": "in the sentence",
        "sanctions.source.clause": "in the clause",
        "sanctions.source.table": "credit table",
        "sanctions.source.elsewhere": "where the sanction is described",
        "sanctions.source.cited": "in the clause it cites",
        "yes": "Yes",
        "no": "No",
        "unclear": "Unclear",
        "none": "none",
        "more": "and {n} more",
        "more.over": "and over {n} more",
        "how.self": "in the requirement itself",
        "how.id": "mentions {id}",
        "how.section": "same section",
        "how.topic": "same topic",
        "how.blanket": "covers all requirements",
        "reason.self": "in the requirement itself",
        "reason.id": "mentions {detail}",
        "reason.cross-reference": "refers to {detail}",
        "reason.clause": "same clause: {detail}",
        "reason.table": "same table",
        "reason.topic": "same topic: {detail}",
        "reason.blanket": "blanket clause for all requirements: “{detail}”",
        "reason.blanket.plain": "blanket clause for all requirements",
        "score.specific": "{n} specific, {blanket} only by a blanket clause",
        "status.complete": "Complete",
        "status.unmeasurable": "Not measurable",
        "status.unclear": "No level found",
        "status.no-follow-up": "No follow-up",
        "status.no-sanction": "No sanction",
        "id.heading": "section {id}",
        "where.line": "line {n}",
        "finding.also": "The same holds for the list's other items: {places}.",
        "finding.also_rows": "The same holds for the table's other rows: {places}.",
        "finding.also_document": "The same holds for {count} more requirements: {places}.",
        "finding.also_document_one": "The same holds for one more requirement: {places}.",
        "finding.also_document_sanctions": "The same holds for {count} more sanctions: {places}.",
        "finding.also_document_sanctions_one": "The same holds for one more sanction: {places}.",
        "finding.also_more": "{places} and {count} more",
        "finding.binds": "Binds {party}",
        "party.supplier": "the supplier",
        "party.buyer": "the buyer",
        "party.mutual": "both parties",
        "party.tenderer": "the tenderer",
        "filter.party": "Binds",
        "finding.own_duty.buyer": "The buyer's own duty – ",
        "finding.own_duty.mutual": "A duty of both parties – ",
        "finding.own_duty_suggestion.buyer": "The duty is the buyer's, not the supplier's: rewrite it only if the buyer is to be held to it, and keep the buyer as the one it binds.",
        "finding.own_duty_suggestion.mutual": "The duty binds both parties: rewrite it only if the parties are to be held to it, and keep both as the ones it binds.",
        "finding.own_duty.tenderer": "The tenderer's duty (what the tender must say) – ",
        "finding.own_duty_suggestion.tenderer": "The duty is the tenderer's, for the tender: give it a criterion the evaluation can check (a number, a named item, a format), and keep the tenderer as the one it binds.",
        "where.paragraph": "paragraph {n}",
        "where.page": "page {n}",
        "where.document": "the whole document",
        "where.at": "Where: {place}",
        "where.table": "table {table}, row {row}",
        "present": "Present",
        "missing": "Missing",
        "balance.follow_up": "Follow-up",
        "balance.follow_up.help": "How requirements are measured, reported and checked",
        "balance.sanction": "Sanctions",
        "balance.sanction.help": "What happens when a requirement is not met: damages, service credits",
        "balance.incentive": "Incentives",
        "balance.incentive.help": "Rewards for good performance: bonus, gain-share",
        "balance.governance": "Governance",
        "balance.governance.help": "Review meetings, contacts, escalation",
        "balance.improvement": "Continuous improvement",
        "balance.improvement.help": "How the service develops during the contract",
        "balance.change": "Change control",
        "balance.change.help": "How the contract may change, on what terms and at what price",
        "balance.termination": "Termination",
        "balance.termination.help": "When and how the contract can be ended",
        "balance.acceptance": "Acceptance",
        "balance.acceptance.help": "Delivery inspection, acceptance tests",
        "balance.dispute": "Dispute resolution",
        "balance.dispute.help": "Negotiation, mediation, courts or arbitration",
        "matrix.title": "Traceability matrix",
        "matrix.unreadable": "Could not be read: {error}",
        "cli.progress": "Checking",
        "cli.found": "Found {counts} in {files}",
        "cli.clean": "No findings: {counts} in {files}",
        "cli.nothing": "No document was checked",
        "cli.nothing.unreadable": "No document was checked; {n} could not be read",
        "cli.error.1": "{n} error",
        "cli.error.n": "{n} errors",
        "cli.warning.1": "{n} warning",
        "cli.warning.n": "{n} warnings",
        "cli.info.1": "{n} info",
        "cli.info.n": "{n} info",
        "cli.file.1": "{n} file",
        "cli.file.n": "{n} files",
        "cli.suppressed": "{n} suppressed",
        "cli.baselined": "{n} in the baseline",
        "cli.unreadable.1": "{n} file could not be read",
        "cli.unreadable.n": "{n} files could not be read",
        "cli.no_reason.1": "note: {n} suppressed finding has no reason; write one after '--': <!-- kravkoll: ignore RULE -- why -->",
        "cli.no_reason.n": "note: {n} suppressed findings have no reason; write one after '--': <!-- kravkoll: ignore RULE -- why -->",
        "cli.exit.1": "Exit code 1: the documents have findings of severity {fail_on} or worse (--fail-on). "
        "That is the result, not a failure of kravkoll; 2 means a file could not be read.",
        "cli.exit.2": "Exit code 2: a file could not be read (the lines about it are on standard error).",
        "severity.name.error": "error",
        "severity.name.warning": "warning",
        "severity.name.info": "info",
        "ruledoc.ruleset": "Ruleset",
        "ruledoc.category": "Category",
        "ruledoc.severity": "Severity",
        "ruledoc.once_per_document": "One finding per document, naming the other requirements (`report once per document`)",
        "ruledoc.kind": "Rule kind",
        "ruledoc.flags": "What it flags",
        "ruledoc.message": "Message",
        "ruledoc.suggest": "Suggestion",
        "ruledoc.rationale": "Rationale",
        "ruledoc.rewrite": "Rewrite (`kravkoll annotate --suggest`: a tracked change in Word)",
        "ruledoc.reference": "Reference",
        "ruledoc.examples": "Examples",
        "ruledoc.flagged": "Flagged",
        "ruledoc.passes": "Passes",
        "ruledoc.vocabulary": "Words and patterns",
        "ruledoc.linked": "Linked by",
        "ruledoc.rules": "Rules",
        "ruledoc.says": "kravkoll says",
        "ruledoc.unlinked": "with no `{kind}` statement linked ({methods})",
        "ruledoc.nothing": "nothing in the document matches `{expect}`",
        "ruledoc.only_when": "(only when something matches `{when}`)",
    },
}


class Labels:
    """The words of one language; ``labels("key", n=3)`` fills in the placeholders."""

    def __init__(self, language: str | None) -> None:
        self.language = language if language in LABELS else "en"
        self.words = LABELS[self.language]

    def __call__(self, key: str, **values: object) -> str:
        text = self.words[key]
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        """``"1 varning"`` / ``"2 varningar"``: the ``key.1`` or ``key.n`` form for ``n``."""
        return self(f"{key}.{'1' if n == 1 else 'n'}", n=n)

    def where(self, location: Location, fmt: str | None = None) -> str:
        """``rad 12`` / ``line 12``; ``stycke 12`` for .docx; ``sida 3`` for a .pdf, whose
        lines (counted through the whole text) no reader sees."""
        if fmt == "pdf" and location.page is not None:
            return self("where.page", n=location.page)
        place = self("where.paragraph" if fmt == "docx" else "where.line", n=location.line)
        if location.page is not None:
            place += ", " + self("where.page", n=location.page)
        return place

    def place(self, location: Location | None, fmt: str | None = None) -> str:
        """Where something stands, as a writer finds it: the clause number and heading as the
        document shows them, then the paragraph or line (and the page):
        "Bilaga 2 › 4.2 Felhantering, stycke 50"; "hela dokumentet" without a location."""
        if location is None:
            return self("where.document")
        return ", ".join(filter(None, (clause_heading(location), self.where(location, fmt))))

    def short_place(self, location: Location, fmt: str | None = None) -> str:
        """The clause number and the paragraph or line, without the heading: "3.3.2, stycke 14"
        (for a list of places, such as the statements linked to a requirement)."""
        return ", ".join(filter(None, (location.clause, self.where(location, fmt))))

    def binds(self, party: str | None) -> str | None:
        """ "Binds the buyer" / "Binder beställaren": whom a finding's statement binds (its
        ``party``); None for a statement that binds no party and for the whole document."""
        return self("finding.binds", party=self("party." + party)) if party is not None else None

    def requirement_id(self, requirement_id: str | None, id_source: str | None) -> str:
        """A requirement's id as people read it: "K4.1"; "avsnitt 6" when it is the heading's number."""
        if not requirement_id:
            return "–"
        return self("id.heading", id=requirement_id) if id_source == "heading" else requirement_id


def finding_place(finding: Finding, file: FileReport | None) -> str:
    """ "Var: 3.3.1 Felhantering, stycke 13": where a finding stands, in the words of its
    document's language (``file`` is the document's entry in the report)."""
    labels = Labels(file.language if file is not None else None)
    return labels("where.at", place=labels.place(finding.location, file.format if file is not None else None))


def finding_place_and_party(finding: Finding, file: FileReport | None) -> str:
    """ "Where: 4.2 Reviews, line 585 · Binds the buyer": :func:`finding_place` and whom the
    finding's statement binds, when kravkoll reads a party for it."""
    place = finding_place(finding, file)
    binds = Labels(file.language if file is not None else None).binds(finding.party)
    return f"{place} · {binds}" if binds else place


def clause_heading(location: Location) -> str | None:
    """The clause number and heading of ``location`` as one: "Bilaga 2 › 4.2 Felhantering",
    "3.3.1 Felhantering" (a numbered paragraph in clause 3.3 Felhantering), "Inledning"."""
    heading = shorten(location.heading, 60) if location.heading else None
    if not location.clause:
        return heading
    if not heading:
        return location.clause
    outer, _, last = location.clause.rpartition(" › ")
    if heading == last or heading.startswith(last + " "):  # "Bilaga 2 Servicenivåer" numbered "Bilaga 2"
        return f"{outer} › {heading}" if outer else heading
    return f"{location.clause} {heading}"


def link_reason(link: Link, row_id: str | None, labels: Labels) -> str:
    """Why a follow-up or sanction statement is linked, in words: "same clause: 4.2 Felhantering",
    "refers to section 6.3", "same topic: availability", "blanket clause …: “all service levels”"."""
    if link.reason is None:  # a link read from JSON written before links had reasons
        return labels("how." + link.how, id=row_id or "")
    detail = link.detail or ""
    if link.reason == "topic":
        detail = detail.removeprefix("topic_").replace("_", " ")
    elif link.reason == "blanket" and not detail:
        return labels("reason.blanket.plain")
    return labels("reason." + link.reason, detail=shorten(detail, 60))


def shorten(text: str, limit: int = 120) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters with "…"."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else cut_at_word(flat, limit)

"""What a check produces: findings, per-file facts, the traceability matrix and a summary.

:class:`Report` is what ``kravkoll check --format json`` prints; its JSON Schema is
generated from these models (``kravkoll schema report``).
"""

import json
from collections import Counter
from typing import Any, Literal

from . import __version__
from .document import Location
from .modelbase import Field, Model, empty_dict, empty_list
from .rulemodel import Category, Severity

LinkHow = Literal["self", "id", "section", "topic", "blanket"]
LinkReason = Literal["self", "id", "cross-reference", "clause", "table", "topic", "blanket"]
LinkKind = Literal["specific", "blanket"]
Party = Literal["supplier", "buyer", "mutual", "tenderer"]
"""Whom a statement binds (:meth:`checker.reading.DocumentReading.party_of`)."""
RowStatus = Literal["unmeasurable", "unclear", "no-follow-up", "no-sanction", "complete"]
BALANCE_ELEMENTS = (
    "follow_up",
    "sanction",
    "incentive",
    "governance",
    "improvement",
    "change",
    "termination",
    "acceptance",
    "dispute",
)


class _Model(Model):
    # A check builds findings without validation (document.trusted), the rest of its report by
    # ``model_construct`` from values that are valid already, and writes its JSON by
    # ``modelbase.dumped_json``, so that a one-file check imports no pydantic (the twins of
    # checker.modeltwin validate and write reports elsewhere).
    model_config = {"extra": "forbid"}


class Finding(_Model):
    """One problem found by one rule."""

    rule: str = Field(description="full rule id, ruleset/RULE")
    title: str
    category: Category
    severity: Severity
    message: str
    suggestion: str | None = None
    file: str
    location: Location | None = Field(description="null for findings about the whole document, such as a missing clause")
    text: str | None = Field(default=None, description="the statement as written")
    match: str | None = Field(default=None, description="the matched words")
    match_start: int | None = Field(default=None, description="where the match starts in text (0-based)")
    end_column: int | None = Field(default=None, description="column just after the match, when it ends on the line it starts on")
    requirement_id: str | None = None
    reference: str | None = None
    statement: int | None = Field(default=None, description="index of the statement in the document's statements")
    party: Party | None = Field(
        default=None,
        description="whom the statement binds, as kravkoll reads its main clause (supplier, buyer, mutual: both parties,"
        " tenderer); null for a statement no modal binds and for a finding about the whole document. A finding on the"
        " buyer's own duty or a mutual clause says so in its message and is at most of severity info",
    )
    also: list[int] | None = Field(
        default=None,
        description="the other statements the finding stands for (their indexes): a rule that quotes the first words of"
        " several items of one list of skills or tasks, or a follow-up or sanction rule that flags several rows of one"
        " table or items of one list, says it once, on the first, and names the others; a rule reported once per"
        " document (`report once per document`) names every other statement it flags in the document",
    )
    also_locations: list[Location] | None = Field(
        default=None, description="where each of `also` stands, in its order (the whole statement: line and column of its start)"
    )
    fingerprint: str = Field(
        description="rule, statement (without a leading outline number) and match hashed: no line"
        " numbers, no file name, no section; stable across edits elsewhere, moved paragraphs,"
        " renumbered headings and renamed revisions; used by baselines"
    )
    group_fingerprints: list[str] | None = Field(
        default=None,
        description="for a finding that stands for other statements (`also`): rule and statement hashed"
        " for each statement it names, its own first; a baseline knows the finding when it knows each"
        " of them, so a statement that joins the group later makes it new, and one that leaves it does not",
    )
    suppressed: bool = False
    suppression_reason: str | None = None

    def about(self) -> tuple[int, ...]:
        """The statements the finding is about: its own and the other items it stands for (none
        for a finding about the whole document)."""
        return () if self.statement is None else (self.statement, *(self.also or ()))


class Link(_Model):
    """A follow-up or sanction statement linked to a requirement, how, and why."""

    how: LinkHow = Field(description="self, id, section, topic or blanket (the ruleset's `linked by` methods)")
    statement: int = Field(description="index of the linked statement")
    text: str
    location: Location
    reason: LinkReason | None = Field(
        default=None,
        description="why they are linked: self (the requirement states it itself), id (it names the requirement's id),"
        " cross-reference (it refers to the clause the requirement stands in, e.g. 'section 6.3'), clause (same"
        " enclosing clause), table (same table), topic (both are about the same measured topic), blanket (a clause"
        " that covers every requirement)",
    )
    kind: LinkKind | None = Field(default=None, description="specific (about this requirement, its clause or topic) or blanket")
    detail: str | None = Field(
        default=None, description="which: the id or clause referred to, the clause, the topic, or the words that make the clause blanket"
    )


class TraceRow(_Model):
    """One requirement in the traceability matrix."""

    statement: int
    requirement_id: str | None
    id_source: Literal["leading", "column", "heading"] | None = Field(
        default=None, description="where the id comes from: the statement's own text, an id column, or the heading above it"
    )
    text: str
    location: Location
    measurable: bool = Field(description="a level is stated (evidence) and no unmeasurable or ambiguous finding is about it")
    measurability: Literal["yes", "no", "unclear"] = Field(
        default="unclear", description="yes: evidence of a level and no finding; no: an unmeasurable/ambiguous finding; unclear: neither"
    )
    evidence: str | None = Field(default=None, description="the words that state the level ('4 hours', 'ISO 27001'), when found")
    evidence_at: Location | None = Field(
        default=None,
        description="where the evidence stands when another statement states the level: the row of a deliverables table"
        " that names what the requirement delivers; None when the requirement's own words state it",
    )
    party: Party | None = Field(default=None, description="whom the requirement binds, as kravkoll reads its main clause; None when no modal says")
    unmeasurable_because: list[str] = Field(default_factory=empty_list, description="messages of unmeasurable/ambiguous findings")
    follow_up: list[Link] = Field(default_factory=empty_list, description="the closest follow-up statements, at most 20")
    sanction: list[Link] = Field(default_factory=empty_list, description="the closest sanction statements, at most 20")
    follow_up_more: bool = Field(default=False, description="more follow-up statements are linked than follow_up lists")
    sanction_more: bool = Field(default=False, description="more sanction statements are linked than sanction lists")

    @property
    def status(self) -> RowStatus:
        """The first thing missing (see :data:`_STATUS`)."""
        if not self.measurable:
            return "unmeasurable" if self.measurability == "no" else "unclear"
        if not self.follow_up:
            return "no-follow-up"
        if not self.sanction:
            return "no-sanction"
        return "complete"

    _twin_validates = True
    _twin_computed = ("status",)

    @staticmethod
    def _twin_namespace() -> dict[str, Any]:
        """The twin's ``status``, a computed field of its JSON, and its reading of JSON that carries it."""
        from pydantic import computed_field, model_validator  # noqa: PLC0415 - the twin imports pydantic

        return {"status": computed_field(description=_STATUS)(TraceRow.status), "_drop_status": model_validator(mode="before")(_drop_status)}


_STATUS = "the first thing missing: unmeasurable (a finding says so), unclear (no level found), no-follow-up, no-sanction; else complete"


def _drop_status(cls: type, data: Any) -> Any:
    """``status`` is computed; JSON that carries it still reads back."""
    if isinstance(data, dict) and "status" in data:
        data = {k: v for k, v in data.items() if k != "status"}
    return data


class BalanceElement(_Model):
    """Whether a document contains one element of a balanced contract, and where."""

    present: bool
    locations: list[Location] = Field(default_factory=empty_list)


class Scorecard(_Model):
    """How many of a document's requirements are measurable, followed up and sanctioned.

    ``followed_up`` and ``sanctioned`` count a requirement with any link; the ``_specific``
    counts those with a link of its own (self, id, cross-reference, clause, table or topic), the
    ``_blanket_only`` counts those whose only links are blanket clauses. ``requirements`` 0
    means none was found: the shares are then not 100 % but undefined."""

    requirements: int = 0
    measurable: int = 0
    followed_up: int = 0
    sanctioned: int = 0
    complete: int = 0
    followed_up_specific: int = 0
    followed_up_blanket_only: int = 0
    sanctioned_specific: int = 0
    sanctioned_blanket_only: int = 0


SanctionSource = Literal["statement", "clause", "table", "elsewhere", "cited"]


class SanctionPart(_Model):
    """One part of a sanction (its amount, cap, trigger or cure period) and where it was found."""

    text: str = Field(description="the words that state it (for a cap read from a credit table: the largest credit)")
    statement: int = Field(description="index of the statement that states it")
    location: Location
    source: SanctionSource = Field(
        description="statement (the sanction's own sentence), clause (another statement of its clause), table (a credit"
        " table in its clause: the table is the amount, its largest row the cap), elsewhere (the clause of the same"
        " sanction named elsewhere in the document, e.g. the definition of 'Financial Credit', or the document's cap on"
        " all its sanctions), cited (the clause the sanction's amount cites by number: 'vite enligt punkt 22',"
        " 'liquidated damages as set out in Schedule 4')"
    )


class SanctionCitation(_Model):
    """The clause a sanction's amount cites by its number ("vite enligt punkt 22 nedan", "service
    credits in accordance with clause 9.2", "as set out in Schedule 4"), followed to the document's
    clause of that number."""

    text: str = Field(description="the citation as written ('punkt 22', 'Schedule 4')")
    number: str = Field(description="the number cited, as clause numbers are compared ('22', '9.2', 'SCHEDULE 4')")
    found: bool = Field(description="whether the document has a clause of that number (a clause and those it is divided into: '22' is 22.1 and 22.2)")
    statement: int | None = Field(default=None, description="index of the cited clause's first statement; null when the document lacks it")
    location: Location | None = None
    parts: list[str] = Field(default_factory=empty_list, description="the parts (amount, cap, trigger, cure) the cited clause states")


class SanctionModel(_Model):
    """A sanction clause of the document as a reviewer reads it: what it imposes and what
    states its amount, cap, trigger and cure period (null: the document does not say)."""

    statement: int = Field(description="index of the clause's first sanction statement")
    text: str
    location: Location
    name: str | None = Field(default=None, description="the words that make it a sanction ('service credit', 'vite')")
    statements: list[int] = Field(default_factory=empty_list, description="every sanction statement of the clause")
    amount: SanctionPart | None = None
    cap: SanctionPart | None = None
    trigger: SanctionPart | None = None
    cure: SanctionPart | None = None
    cited: SanctionCitation | None = Field(default=None, description="the clause its amount cites by number, followed (null: it cites none)")


class MatrixDocument(_Model):
    """The traceability matrix of one document and the balance elements it contains."""

    path: str
    format: str | None = None
    language: str | None = None
    rulesets: list[str] = Field(default_factory=empty_list)
    scorecard: Scorecard = Field(default_factory=Scorecard)
    requirements: list[TraceRow] = Field(default_factory=empty_list)
    balance: dict[str, BalanceElement] = Field(default_factory=empty_dict, description="keys: " + ", ".join(BALANCE_ELEMENTS))
    sanctions: list[SanctionModel] = Field(default_factory=empty_list, description="the document's sanction clauses, with amount, cap, trigger and cure")
    error: str | None = Field(default=None, description="why the file could not be read; null when it was")


class FileReport(_Model):
    path: str
    format: str | None = None
    language: str | None = None
    statements: int = 0
    requirements: int = 0
    rulesets: list[str] = Field(default_factory=empty_list)
    language_conflict: str | None = Field(
        default=None, description="the language the text reads as, when --lang or the configuration chose another (checked as 'language' all the same)"
    )
    error: str | None = Field(default=None, description="why the file could not be read; null when it was")


class Summary(_Model):
    """Counts of findings that remain (by severity), of those left out, and of files."""

    error: int = 0
    warning: int = 0
    info: int = 0
    suppressed: int = Field(default=0, description="findings suppressed in the document (kravkoll: ignore)")
    baselined: int = Field(default=0, description="findings left out because the baseline (--baseline) has them")
    files: int = 0
    unreadable: int = 0


class RulesetInfo(_Model):
    name: str
    version: str
    path: str


class Tool(_Model):
    name: str = "kravkoll"
    version: str = __version__
    rulesets: list[RulesetInfo] = Field(default_factory=empty_list)


class Report(_Model):
    """The result of checking documents: what ``--format json`` prints."""

    tool: Tool = Field(default_factory=Tool)
    files: list[FileReport] = Field(default_factory=empty_list)
    findings: list[Finding] = Field(default_factory=empty_list)
    summary: Summary = Field(default_factory=Summary)

    def active(self) -> list[Finding]:
        """Findings that are not suppressed."""
        return [f for f in self.findings if not f.suppressed]


class Matrix(_Model):
    """What ``kravkoll matrix --format json`` prints: per document, its traceability matrix,
    scorecard and balance elements."""

    tool: Tool = Field(default_factory=Tool)
    documents: list[MatrixDocument] = Field(default_factory=empty_list)


SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


def summarize(files: list[FileReport], findings: list[Finding], baselined: int = 0) -> Summary:
    """Count findings by severity (suppressed ones apart) and files."""
    counts = Counter("suppressed" if finding.suppressed else finding.severity for finding in findings)
    return Summary.model_construct(files=len(files), unreadable=sum(1 for f in files if f.error), baselined=baselined, **counts)


def finding_sort_key(finding: Finding) -> tuple:
    location = finding.location
    line = location.line if location else 0
    column = location.column if location else 0
    return (finding.file, line, column, finding.rule, finding.message)


def merge_reports(parts: list[Report]) -> Report:
    """One report from reports of separate files, as if they had been checked together."""
    rulesets: dict[str, RulesetInfo] = {}
    files: list[FileReport] = []
    findings: list[Finding] = []
    for part in parts:
        for info in part.tool.rulesets:
            rulesets.setdefault(info.name, info)
        files.extend(part.files)
        findings.extend(part.findings)
    findings.sort(key=finding_sort_key)
    baselined = sum(part.summary.baselined for part in parts)
    return Report.model_construct(
        tool=Tool.model_construct(rulesets=list(rulesets.values())), files=files, findings=findings, summary=summarize(files, findings, baselined)
    )


def report_schema() -> str:
    """The JSON Schema of :class:`Report`, as text; ``checker/schemas/report.schema.json`` holds it."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Report.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # python -m checker.report: regenerate the shipped schema
    from .files import InputFiles, write_output
    from .paths import report_schema_file

    write_output(report_schema_file(), report_schema(), InputFiles())

"""Generate large, realistic tender documents for benchmarks (Swedish or English, .md or .docx).

A document is a sequence of numbered sections, each with requirement paragraphs carrying ids
(``K4.2 …`` / ``REQ-4.2 …``), follow-up and sanction clauses that refer to them, bullet lists,
requirements tables (id | requirement | follow-up) and ordinary prose, in the wording styles of
public call-off requests, contract templates, PWS/QASP and SLA schedules. Measurable, vague and
unsanctioned requirements are mixed, so every rule kind has work to do.

A "page" is :data:`CHARS_PER_PAGE` characters of text (300 pages ≈ 1 MB). The output depends
only on the language, the page count and the seed.

    python bench/generate.py --lang sv --pages 300 -o bench/out/sv-300.md
    python bench/generate.py --lang en --pages 50 -o bench/out/en-50.docx
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

CHARS_PER_PAGE = 3_400
"""Characters of text on one page of a typical A4 tender document (about 500 words)."""


# ---- the building blocks of a document ----------------------------------------------------------


@dataclass
class Heading:
    level: int
    number: str
    title: str


@dataclass
class Paragraph:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    rows: list[list[str]]  # the first row is the header


Block = Heading | Paragraph | Bullets | Table


# ---- vocabularies -------------------------------------------------------------------------------

# Each template is filled from the slots below with str.format; {id} is the requirement's id.
_SV = {
    "section_titles": [
        "Drift och förvaltning",
        "Felhantering",
        "Tillgänglighet",
        "Support och kundtjänst",
        "Säkerhet",
        "Informationssäkerhet",
        "Personuppgifter",
        "Leverans och implementation",
        "Utbildning",
        "Dokumentation",
        "Rapportering och uppföljning",
        "Kvalitet och miljö",
        "Ersättning och fakturering",
        "Viten och sanktioner",
        "Avtalstid och förlängning",
        "Ändringshantering",
        "Samverkan och styrning",
        "Kompetens och bemanning",
        "Underleverantörer",
        "Hävning och uppsägning",
        "Säkerhetskopiering",
        "Tillgänglighet för användare",
    ],
    "party": ["Leverantören", "Leverantören", "Anbudsgivaren", "Konsulten", "Tjänsteleverantören"],
    "buyer": ["Beställaren", "Den avropande myndigheten", "Kunden", "Beställarens kontaktperson"],
    "object": [
        "tjänsten",
        "systemet",
        "e-tjänsten",
        "plattformen",
        "ärendehanteringssystemet",
        "driftmiljön",
        "integrationen mot folkbokföringen",
        "supportfunktionen",
        "testmiljön",
        "kundportalen",
    ],
    "task": [
        "åtgärda fel av prioritet 1",
        "besvara ärenden i supporten",
        "leverera säkerhetsuppdateringar",
        "återställa data från säkerhetskopia",
        "rapportera incidenter",
        "ersätta konsult som avslutar uppdraget",
        "leverera uppdaterad systemdokumentation",
        "genomföra återläsningstest",
        "påbörja felsökning",
        "meddela planerade driftavbrott",
    ],
    "unit": ["timmar", "arbetsdagar", "minuter", "kalenderdagar"],
    "period": ["månad", "kvartal", "kalendermånad", "år"],
    "vague": [
        "snabbt",
        "skyndsamt",
        "i rimlig tid",
        "vid behov",
        "med god kvalitet",
        "på ett adekvat sätt",
        "om möjligt",
        "så långt det är möjligt",
        "i tillräcklig omfattning",
        "på ett användarvänligt sätt",
    ],
    "requirement": [
        "{party} ska {task} inom {n} {unit} från det att ärendet har registrerats.",
        "{party} ska säkerställa att {object} är tillgänglig minst {pct} % av avtalad servicetid per {period}.",
        "{party} ska {task} {vague}.",
        "{party} ska tillhandahålla {object} enligt bilaga {m} och {task} {vague}.",
        "Svarstiden för {object} ska vara högst {n} sekunder för {pct} % av anropen per {period}.",
        "{party} ska {task} senast {n} {unit} efter {buyer_lower}s begäran.",
        "{party} ska ha ett ledningssystem för informationssäkerhet som är certifierat enligt ISO/IEC 27001.",
        "{party} bör {task} {vague}.",
        "{party} ska utföra uppdraget fackmannamässigt och {vague}.",
        "{party} måste lämna en kontaktperson med mandat att fatta beslut under hela avtalstiden.",
        "{party} ska ersätta en konsult som inte uppfyller ställda krav inom {n} arbetsdagar utan extra kostnad.",
        "Planerade driftavbrott ska meddelas {buyer_lower} minst {n} arbetsdagar i förväg.",
    ],
    "followup": [
        "Uppfyllelsen av {id} följs upp genom månadsrapport som {party_lower} lämnar senast den {m}:e arbetsdagen i månaden.",
        "{buyer} mäter tillgängligheten enligt {id} med egen övervakning och stämmer av resultatet vid kvartalsmötet.",
        "Kravet i {id} följs upp vid uppföljningsmöten som hålls varje {period}.",
        "{party} ska rapportera utfallet mot {id} i den kvartalsvisa leveransrapporten.",
        "{buyer} har rätt att genomföra revision av {party_lower}s uppfyllelse av {id} med {n} dagars varsel.",
    ],
    "sanction": [
        "Om kravet i {id} inte uppfylls utgår vite med {amount} kronor per påbörjad {period}.",
        "Vid överskridande av tiden i {id} har {buyer_lower} rätt till prisavdrag med {pct} % av den månatliga avgiften.",
        "Vite enligt {id} är maximerat till {pct} % av det samlade kontraktsvärdet per {period}.",
        "Upprepade avvikelser från {id} ger {buyer_lower} rätt att häva avtalet.",
        "Om {party_lower} brister i att uppfylla {id} utgår vite.",
    ],
    "prose": [
        "Avtalstiden är {m} år från avtalets undertecknande med möjlighet till förlängning i högst {m} år.",
        "{buyer} har rätt att häva avtalet om {party_lower} vid upprepade tillfällen brister i att uppfylla samtliga krav i detta avtal.",
        "Priser ska anges i svenska kronor exklusive mervärdesskatt, t.ex. {amount} kr per timme.",
        "Avropet genomförs som en förnyad konkurrensutsättning enligt ramavtalet, se avsnitt {m}.{n} i avropsvägledningen.",
        "Parterna ska hålla styrgruppsmöten en gång per {period} där leveransen, risker och förbättringsåtgärder gås igenom.",
        "Ändringar och tillägg till avtalet ska vara skriftliga och undertecknade av behöriga företrädare för båda parter.",
        "Bonus utgår om {party_lower} överträffar servicenivåerna under en hel mätperiod.",
        "Ersättning betalas månadsvis i efterskott mot faktura med {m} dagars betalningsvillkor.",
        "Tvist med anledning av avtalet ska avgöras av allmän domstol med {buyer_lower}s hemortsdomstol som första instans.",
        "{party} ansvarar för att underleverantörer uppfyller samma krav som {party_lower}.",
    ],
    "table_header": ["Krav-id", "Krav", "Uppföljning"],
    "table_followup": ["Månadsrapport", "Kvartalsmöte", "Stickprov", "Revision", "Ingen"],
    "bullet_intro": "{party} ska bland annat:",
    "bullet_item": ["{task} {vague}", "{task} inom {n} {unit}", "{task} inom {n} {unit}"],
    "id": "K{section}.{n}",
}

_EN = {
    "section_titles": [
        "Scope of Work",
        "Service Levels",
        "Incident Management",
        "Help Desk Support",
        "Security Requirements",
        "Data Protection",
        "Deliverables",
        "Quality Assurance Surveillance",
        "Training",
        "Documentation",
        "Reporting and Monitoring",
        "Performance Standards",
        "Invoicing and Payment",
        "Service Credits",
        "Period of Performance",
        "Change Control",
        "Governance",
        "Key Personnel",
        "Subcontracting",
        "Termination",
        "Backup and Recovery",
        "Accessibility",
    ],
    "party": ["The Contractor", "The Contractor", "The Offeror", "The Service Provider", "The Vendor"],
    "buyer": ["The Government", "The Contracting Officer", "The COR", "The Customer"],
    "object": [
        "the service",
        "the system",
        "the help desk",
        "the hosting environment",
        "the case management system",
        "the reporting portal",
        "the data warehouse",
        "the test environment",
        "the public website",
        "the interface to the payment system",
    ],
    "task": [
        "resolve Priority 1 incidents",
        "respond to help desk tickets",
        "apply security patches",
        "restore data from backup",
        "report security incidents",
        "replace key personnel who leave the contract",
        "deliver updated system documentation",
        "perform a disaster recovery test",
        "begin troubleshooting",
        "announce planned maintenance",
    ],
    "unit": ["hours", "business days", "minutes", "calendar days"],
    "period": ["month", "quarter", "calendar month", "year"],
    "vague": [
        "promptly",
        "as soon as possible",
        "in a timely manner",
        "as needed",
        "with high quality",
        "adequately",
        "where possible",
        "to the extent practicable",
        "in a user-friendly way",
        "as appropriate",
    ],
    "requirement": [
        "{party} shall {task} within {n} {unit} of the ticket being logged.",
        "{party} shall ensure that {object} is available at least {pct} % of scheduled service hours per {period}.",
        "{party} shall {task} {vague}.",
        "{party} shall provide {object} as described in Attachment {m} and {task} {vague}.",
        "Response time for {object} shall not exceed {n} seconds for {pct} % of requests in any {period}.",
        "{party} shall {task} no later than {n} {unit} after a written request from {buyer_lower}.",
        "{party} shall maintain an information security management system certified to ISO/IEC 27001.",
        "{party} should {task} {vague}.",
        "{party} must perform the work in a professional manner and {vague}.",
        "{party} must designate a Program Manager with authority to act for the Contractor during the period of performance.",
        "{party} shall replace personnel who do not meet the requirements within {n} business days at no cost to the Government.",
        "Planned maintenance shall be announced to {buyer_lower} at least {n} business days in advance.",
    ],
    "followup": [
        "Compliance with {id} will be monitored through the monthly status report, due on the {m}th business day of each month.",
        "{buyer} will measure availability under {id} with its own monitoring tools and review the results at the quarterly meeting.",
        "Performance against {id} is reviewed at the program management review held every {period}.",
        "{party} shall report results against {id} in the quarterly performance report.",
        "{buyer} may audit the Contractor's compliance with {id} on {n} days' notice.",
    ],
    "sanction": [
        "If {id} is not met, a service credit of USD {amount} applies for each {period} or part thereof.",
        "Where the time in {id} is exceeded, {buyer_lower} is entitled to a price reduction of {pct} % of the monthly fee.",
        "Service credits under {id} are capped at {pct} % of the total contract value per {period}.",
        "Repeated failure to meet {id} entitles {buyer_lower} to terminate the contract for default.",
        "If the Contractor fails to meet {id}, liquidated damages apply.",
    ],
    "prose": [
        "The period of performance is {m} years from the date of award with options to extend for up to {m} years.",
        "{buyer} may terminate this contract for default if {party_lower} repeatedly fails to meet all requirements of this contract.",
        "Prices shall be stated in US dollars and are fully burdened, e.g. USD {amount} per hour.",
        "This order is placed against the schedule contract, see section {m}.{n} of the ordering guide.",
        "The parties shall hold a governance meeting once per {period} to review delivery, risks and improvement actions.",
        "Changes to this contract shall be made only by a written modification signed by the Contracting Officer.",
        "An incentive fee is earned if {party_lower} exceeds the service levels for a full {period}.",
        "Invoices shall be submitted monthly in arrears and are payable within {m} days.",
        "Disputes arising under this contract shall be resolved in accordance with the Disputes clause.",
        "{party} is responsible for ensuring that subcontractors meet the same requirements as {party_lower}.",
    ],
    "table_header": ["Req ID", "Requirement", "Method of Assessment"],
    "table_followup": ["Monthly report", "Quarterly review", "Random sampling", "Audit", "None"],
    "bullet_intro": "{party} shall, among other things:",
    "bullet_item": ["{task} {vague}", "{task} within {n} {unit}", "{task} within {n} {unit}"],
    "id": "REQ-{section}.{n}",
}

VOCABULARIES = {"sv": _SV, "en": _EN}


# ---- generation ---------------------------------------------------------------------------------


class _Writer:
    """Fills templates with random but plausible values."""

    def __init__(self, language: str, seed: int) -> None:
        self.words = VOCABULARIES[language]
        self.random = random.Random(seed)

    def pick(self, key: str) -> str:
        return self.random.choice(self.words[key])

    def fill(self, template: str, requirement_id: str = "") -> str:
        r = self.random
        party = self.pick("party")
        buyer = self.pick("buyer")
        return template.format(
            id=requirement_id,
            party=party,
            party_lower=party[0].lower() + party[1:],
            buyer=buyer,
            buyer_lower=buyer[0].lower() + buyer[1:],
            object=self.pick("object"),
            task=self.pick("task"),
            unit=self.pick("unit"),
            period=self.pick("period"),
            vague=self.pick("vague"),
            n=r.choice((1, 2, 4, 8, 24, 48, 72)),
            m=r.randint(2, 12),
            pct=r.choice(("99,5", "99.9", "95", "98", "90", "10", "15")),
            amount=r.choice(("5 000", "10 000", "25 000", "1 500", "50 000")),
        )

    def sentence(self, kind: str, requirement_id: str = "") -> str:
        return self.fill(self.pick(kind), requirement_id)


def _section(writer: _Writer, number: int) -> list[Block]:
    """One numbered section with two or three subsections."""
    r = writer.random
    words = writer.words
    blocks: list[Block] = [Heading(1, str(number), writer.pick("section_titles"))]
    blocks.append(Paragraph(" ".join(writer.sentence("prose") for _ in range(r.randint(2, 4)))))
    for sub in range(1, r.randint(3, 4)):
        blocks.append(Heading(2, f"{number}.{sub}", writer.pick("section_titles")))
        ids = [words["id"].format(section=f"{number}.{sub}", n=k) for k in range(1, r.randint(4, 8))]
        for requirement_id in ids:
            text = f"{requirement_id} {writer.sentence('requirement')}"
            if r.random() < 0.4:
                text += " " + writer.sentence("prose")
            blocks.append(Paragraph(text))
        followed = [i for i in ids if r.random() < 0.6]
        if followed:
            blocks.append(Paragraph(" ".join(writer.sentence("followup", i) for i in followed)))
        sanctioned = [i for i in followed if r.random() < 0.5]
        if sanctioned:
            blocks.append(Paragraph(" ".join(writer.sentence("sanction", i) for i in sanctioned)))
        if r.random() < 0.5:
            intro = writer.fill(words["bullet_intro"])
            blocks.append(Paragraph(intro))
            blocks.append(Bullets([writer.sentence("bullet_item") for _ in range(r.randint(3, 6))]))
        if r.random() < 0.35:
            rows = [list(words["table_header"])]
            for k in range(1, r.randint(4, 9)):
                table_id = words["id"].format(section=f"{number}.{sub}", n=100 + k)
                rows.append([table_id, writer.sentence("requirement"), writer.pick("table_followup")])
            blocks.append(Table(rows))
        blocks.append(Paragraph(" ".join(writer.sentence("prose") for _ in range(r.randint(1, 3)))))
    return blocks


def block_chars(block: Block) -> int:
    """Characters of text a block holds (headings, cells and items included)."""
    if isinstance(block, Heading):
        return len(block.number) + 1 + len(block.title)
    if isinstance(block, Paragraph):
        return len(block.text)
    if isinstance(block, Bullets):
        return sum(len(item) for item in block.items)
    return sum(len(cell) for row in block.rows for cell in row)


def generate(language: str, pages: float, seed: int = 1) -> list[Block]:
    """Blocks of a tender document of about ``pages`` pages in ``language`` (sv or en)."""
    if language not in VOCABULARIES:
        raise ValueError(f"unknown language {language!r} (use sv or en)")
    writer = _Writer(language, seed)
    target = int(pages * CHARS_PER_PAGE)
    title = "Förfrågningsunderlag och kravspecifikation" if language == "sv" else "Request for Quotation and Performance Work Statement"
    blocks: list[Block] = [Paragraph(title)]
    size = len(title)
    number = 1
    while size < target:
        for block in _section(writer, number):
            blocks.append(block)
            size += block_chars(block)
        number += 1
    return blocks


# ---- writing ------------------------------------------------------------------------------------


def to_markdown(blocks: list[Block]) -> str:
    """The document as Markdown: ATX headings, paragraphs, '-' lists, pipe tables."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {block.number} {block.title}")
        elif isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Bullets):
            out.append("\n".join(f"- {item}" for item in block.items))
        else:
            header, *body = block.rows
            lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in body]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def write_docx(blocks: list[Block], path: Path) -> None:
    """The document as .docx, written with python-docx (Heading n, List Bullet, Table Grid)."""
    import docx  # noqa: PLC0415 - only the .docx output needs it

    document = docx.Document()
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(f"{block.number} {block.title}", level=block.level)
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for row, values in zip(table.rows, block.rows):
                for cell, value in zip(row.cells, values):
                    cell.text = value
    document.save(str(path))


WRITERS: dict[str, Callable[[list[Block], Path], None]] = {
    ".md": lambda blocks, path: path.write_text(to_markdown(blocks), encoding="utf-8"),
    ".docx": write_docx,
}


def write(blocks: list[Block], path: Path) -> None:
    """Write blocks as Markdown or .docx, by the file's extension."""
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"{path}: write .md or .docx")
    path.parent.mkdir(parents=True, exist_ok=True)
    writer(blocks, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=sorted(VOCABULARIES), default="sv")
    parser.add_argument("--pages", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True, help="output file, .md or .docx")
    args = parser.parse_args()
    write(generate(args.lang, args.pages, args.seed), args.output)
    print(f"{args.output}: {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

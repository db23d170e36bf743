"""Hostile shapes: documents whose structure, not their size, could make a stage super-linear.

Each shape is written at a scale (1x, 4x, …) and checked with ``python -m checker.cli check
--format json`` in a fresh process; the child's CPU time is reported. A stage is linear (or
bounded) when 4x the input costs at most about 4.5x the time (issue 16: "Hostile files are
expected; every stage is linear or bounded").

The shapes grow two dimensions together, so a cost of their product grows 16-fold at 4x:

- ``leadin``: a list whose lead-in is one very long paragraph (36,000 characters at 1x) and
  2,000 items after it (items x lead-in length); ``leadin-sentence``: the lead-in one sentence;
- ``tender-leadin``: a tender's instructions, one long introduction that binds nobody over
  2,000 commands ("Describe item 7 …"); ``tender-gerunds``: the same over tasks written as
  gerunds ("Providing help desk support …");
- ``long-heading``: a tender's section whose heading is one long line over 2,000 duties, tasks
  and commands, a third of them lettered sub-clauses ("(b) …") that open sections of their own;
- ``table``: a requirements table with a long header (4 columns of 2,500 characters at 1x) and
  2,000 rows; ``wide-table``: 60 columns, 200 rows;
- ``clauses``: 2,000 numbered clauses under 200 numbered sections, each citing three others by
  number; ``cited``: 2,000 clauses and 500 sanctions each stated by reference to one;
- ``paragraph``: one paragraph of 2,000 sentences; ``sentence``: one sentence of 2,000 clauses;
- ``sanctions``: 1,000 requirements with ids and 1,000 sanction clauses each naming four;
- ``subclauses``: a lead-in that ends its clause over 2,000 sub-clauses; ``nested``: lists four
  deep; ``headings``: 2,000 headings each over a list; ``definitions``: 500 defined party names
  and 2,000 duties using them; ``flat-table``: a performance table flattened into paragraphs;
  ``pdf-numbers``: a numbered list whose numbers stand alone on their lines;
- ``sv-leadin``, ``sv-sanctions``: the Swedish forms of ``leadin`` and ``sanctions``.

    python bench/hostile.py                       # every shape at 1x and 4x
    python bench/hostile.py --shapes leadin table --scales 1 2 4 --repeat 3
    python bench/hostile.py --write bench/out/hostile   # only write the files
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent

_EN_WORDS = (
    "the supplier shall deliver the service with documented quality and report each deviation to the buyer "
    "within the agreed period according to the plan and the contract terms as approved by the steering group"
).split()
_SV_WORDS = (
    "leverantören ska leverera tjänsten med dokumenterad kvalitet och rapportera varje avvikelse till "
    "beställaren inom avtalad tid enligt planen och avtalsvillkoren som styrgruppen har godkänt"
).split()


def _sentence(words: list[str], i: int, length: int = 16) -> str:
    picked = [words[(i * 7 + k * 3) % len(words)] for k in range(length)]
    return " ".join(picked).capitalize() + "."


def _long_text(words: list[str], chars: int, seed: int = 0) -> str:
    out: list[str] = []
    size = 0
    i = seed
    while size < chars:
        s = _sentence(words, i)
        out.append(s)
        size += len(s) + 1
        i += 1
    return " ".join(out)


def _long_sentence(words: list[str], chars: int) -> str:
    """One sentence of about ``chars`` characters, no full stop in it."""
    out: list[str] = []
    size = 0
    i = 0
    while size < chars:
        out.append(words[i % len(words)])
        size += len(out[-1]) + 1
        i += 1
    return " ".join(out).capitalize()


def leadin(n: int, lang: str = "en", one_sentence: bool = False) -> str:
    words = _EN_WORDS if lang == "en" else _SV_WORDS
    chars = 36_000 * n
    if one_sentence:
        intro = _long_sentence(words, chars) + (" and the supplier shall:" if lang == "en" else " och leverantören ska:")
    else:
        intro = _long_text(words, chars) + (" The supplier shall:" if lang == "en" else " Leverantören ska:")
    if lang == "en":
        items = [f"- deliver report {i} within {i % 9 + 1} days and keep it up to date as appropriate;" for i in range(2_000 * n)]
    else:
        items = [f"- leverera rapport {i} inom {i % 9 + 1} dagar och hålla den aktuell vid behov;" for i in range(2_000 * n)]
    head = "# 1 Requirements\n\n" if lang == "en" else "# 1 Krav\n\n"
    return head + intro + "\n\n" + "\n".join(items) + "\n"


def tender_leadin(n: int) -> str:
    """A tender's instructions: a long introduction naming them and commands under it."""
    head = (
        "# 1 Instructions to offerors\n\n"
        "Offerors shall submit proposals to the RFP contact by the closing date.\n\n"
        "Each offeror may ask questions until ten days before the closing date.\n\n"
        "This solicitation closes on 1 May 2025.\n\n"
    )
    neutral = "each volume of the proposal describes one part of the technical approach and the price schedule in plain language".split()
    intro = _long_sentence(neutral, 36_000 * n) + " and offerors shall follow these proposal instructions:"
    items = [f"- Describe item {i} of the proposal in detail." for i in range(2_000 * n)]
    return head + intro + "\n\n" + "\n".join(items) + "\n"


def tender_gerunds(n: int) -> str:
    """A tender's task list: a long introduction that binds nobody and tasks written as gerunds under it."""
    head = (
        "# 1 Instructions to offerors\n\n"
        "Offerors shall submit proposals to the RFP contact by the closing date.\n\n"
        "Each offeror may ask questions until ten days before the closing date.\n\n"
        "This solicitation closes on 1 May 2025.\n\n# 2 Scope of work\n\n"
    )
    neutral = "each part of the work described here serves the users of the agency at every site in the region".split()
    intro = _long_sentence(neutral, 36_000 * n) + " and the work covers the following tasks:"
    items = [f"- Providing help desk support to the users at site {i} during office hours." for i in range(2_000 * n)]
    return head + intro + "\n\n" + "\n".join(items) + "\n"


def table(n: int) -> str:
    header_cell = _long_text(_EN_WORDS, 2_500 * n)
    header = "| " + " | ".join(f"{name} {header_cell}" for name in ("Id", "Requirement", "Follow-up", "Sanction")) + " |"
    rule = "| --- | --- | --- | --- |"
    rows = []
    for i in range(2_000 * n):
        rows.append(
            f"| REQ-{i + 1} | The supplier shall answer support request {i} within {i % 9 + 1} hours. "
            f"| Monthly report of response times. | A penalty of {i % 5 + 1} % of the monthly fee per breach. |"
        )
    return "# 1 Requirements table\n\n" + header + "\n" + rule + "\n" + "\n".join(rows) + "\n"


def clauses(n: int) -> str:
    sections = 200 * n
    per = 10
    total = sections * per
    out = []
    for s in range(1, sections + 1):
        out.append(f"## {s} Section {s} on delivery and quality\n")
        for c in range(1, per + 1):
            k = (s - 1) * per + c
            refs = [(k * 7919 + j * 104729) % total for j in range(3)]
            cited = ", ".join(f"clause {r // per + 1}.{r % per + 1}" for r in refs)
            out.append(
                f"{s}.{c} The supplier shall deliver item {k} as set out in {cited} and report on it "
                f"within {k % 30 + 1} days; the buyer may check it under clause {refs[0] // per + 1}.\n"
            )
    return "# Contract\n\n" + "\n".join(out)


def paragraph(n: int) -> str:
    sentences = []
    for i in range(2_000 * n):
        if i % 3 == 0:
            sentences.append(f"The supplier shall deliver part {i} within {i % 20 + 1} days of the order.")
        elif i % 3 == 1:
            sentences.append(f"The buyer will review part {i} as soon as possible and in an appropriate manner.")
        else:
            sentences.append(f"If the supplier fails to deliver part {i - 2} on time, a penalty of 1 % applies.")
    return "# 1 Delivery\n\n" + " ".join(sentences) + "\n"


def sanctions(n: int, lang: str = "en") -> str:
    count = 1_000 * n
    out = ["# 1 Requirements\n" if lang == "en" else "# 1 Krav\n"]
    for i in range(1, count + 1):
        if lang == "en":
            out.append(f"REQ-{i} The supplier shall restore service {i} within {i % 8 + 1} hours.\n")
        else:
            out.append(f"K{i} Leverantören ska återställa tjänst {i} inom {i % 8 + 1} timmar.\n")
    out.append("# 2 Sanctions\n" if lang == "en" else "# 2 Viten\n")
    for i in range(1, count + 1):
        named = [((i * 31 + j * 17) % count) + 1 for j in range(4)]
        if lang == "en":
            ids = ", ".join(f"REQ-{k}" for k in named)
            out.append(f"If the supplier fails to meet {ids}, the supplier shall pay liquidated damages of {i % 5 + 1} % of the monthly fee.\n")
        else:
            ids = ", ".join(f"K{k}" for k in named)
            out.append(f"Om leverantören inte uppfyller {ids} ska leverantören betala vite om {i % 5 + 1} % av månadsavgiften.\n")
    return "\n".join(out)


def sentence(n: int) -> str:
    """One sentence of 2,000 clauses (at 1x), each with a party, a modal and a level, no full stop."""
    parts = []
    for i in range(2_000 * n):
        who = ("the supplier", "the buyer", "each party", "the contractor")[i % 4]
        parts.append(f"{who} shall deliver part {i} within {i % 20 + 1} days as appropriate, unless clause {i % 50 + 1}.{i % 7 + 1} applies")
    return "# 1 Delivery\n\n" + "; and ".join(parts).capitalize() + ".\n"


def subclauses(n: int) -> str:
    """A clause whose lead-in ends its clause and 2,000 sub-clauses (at 1x) under it, each with a sub-clause of its own."""
    out = ["# Statement of work\n", "3.0 Tasks. The Contractor shall perform the following tasks:\n"]
    for k in range(1, 2_000 * n + 1):
        out.append(f"3.{k} Relocate equipment set {k} as directed in relocation order {k}.\n")
        if k % 2 == 0:
            out.append(f"3.{k}.1 Parts replaced in set {k} are new or of equal quality.\n")
    out.append("4.0 Payment.\n")
    out.append("4.1 Invoices are paid monthly in arrears.\n")
    return "\n".join(out)


def definitions(n: int) -> str:
    """500 defined names (at 1x), each a party's, and 2,000 duties using them."""
    count = 500 * n
    out = ["# 1 Definitions\n", "In this Agreement the following terms apply:\n"]
    for k in range(count):
        role = ("the Supplier", "the Customer")[k % 2]
        out.append(f'- "Party Agent {k} Holding" means {role} acting through its office number {k};')
    out.append("\n# 2 Obligations\n")
    for i in range(4 * count):
        out.append(f"Party Agent {(i * 13) % count} Holding shall deliver report {i} within {i % 9 + 1} days.\n")
    return "\n".join(out) + "\n"


def nested(n: int) -> str:
    """Lists nested four deep, every item above the last level a lead-in ending in ':', 2,000 items (at 1x)."""
    out = ["# 1 Scope\n", "The supplier shall provide the following services:\n"]
    k = 0
    while k < 2_000 * n:
        for depth in range(4):
            end = ":" if depth < 3 else ";"
            out.append("  " * depth + f"- service {k} at level {depth} with support as needed{end}")
            k += 1
    return "\n".join(out) + "\n"


def headings(n: int) -> str:
    """2,000 headings (at 1x) under one chapter, each over a short list and a duty."""
    out = ["# 1 Deliverables\n"]
    for k in range(2_000 * n):
        out.append(f"## 1.{k + 1} Deliverable {k + 1}\n")
        out.append(f"- Monthly report {k} on the service levels\n- Incident log {k}\n")
        out.append(f"The contractor shall deliver deliverable {k + 1} within {k % 9 + 1} days.\n")
    return "\n".join(out)


def wide_table(n: int) -> str:
    """A table of 60 columns and 200 rows (at 1x; 4x has 4x the rows and 4x the header's length)."""
    columns = 60
    header = "| " + " | ".join(f"Measure {c} of the service level and its sanction" * n for c in range(columns)) + " |"
    rule = "|" + " --- |" * columns
    rows = []
    for r in range(200 * n):
        rows.append("| " + " | ".join(f"REQ-{r}.{c} shall be met within {c % 9 + 1} hours" for c in range(columns)) + " |")
    return "# 1 Service levels\n\n" + header + "\n" + rule + "\n" + "\n".join(rows) + "\n"


def cited(n: int) -> str:
    """2,000 numbered clauses (at 1x) and 500 sanctions each stated by reference to a clause's number."""
    out = ["# Agreement\n"]
    sections = 200 * n
    for s in range(1, sections + 1):
        out.append(f"## {s} Service {s}\n")
        for c in range(1, 11):
            out.append(f"{s}.{c} The Supplier shall keep service {s}.{c} available {90 + c % 9} % of each month.\n")
    out.append(f"## {sections + 1} Remedies\n")
    for k in range(500 * n):
        s, c = k % sections + 1, k % 10 + 1
        out.append(f"{sections + 1}.{k + 1} A breach of clause {s}.{c} entitles the Customer to a service credit of {k % 5 + 1} % of the monthly fee.\n")
    return "\n".join(out)


def flat_table(n: int) -> str:
    """A performance table flattened into paragraphs, as a PDF's text writes one: column titles, then 500 rows (at 1x) of four cells."""
    out = [
        "# Performance requirements summary\n",
        "Performance Objective\n",
        "Performance Standard\n",
        "Acceptable Quality Level\n",
        "Method of Surveillance\n",
    ]
    for k in range(500 * n):
        out.append(f"{k + 1}. Maintain the equipment of building {k}\n")
        out.append(f"Equipment of building {k} operates without failure\n")
        out.append(f"{95 + k % 5}%\n")
        out.append("Periodic inspection\n")
    return "\n".join(out)


def pdf_numbers(n: int) -> str:
    """A numbered list a PDF's text wrote as paragraphs: a lead-in ending in ':', then 2,000 numbers alone on a line (at 1x), each before its item in lower case."""
    out = ["# 1 Responsibilities\n", "The business partner shall be responsible for:\n"]
    for k in range(1, 2_000 * n + 1):
        out.append(f"{k}.\n")
        out.append(f"providing the uniform items of set {k} to the staff within {k % 9 + 1} days\n")
    return "\n".join(out)


def long_heading(n: int) -> str:
    """A tender's section whose heading is one long line (36,000 characters at 1x) over 2,000 duties, tasks and commands."""
    head = (
        "# 1 Instructions to offerors\n\n"
        "Offerors shall submit proposals to the RFP contact by the closing date.\n\n"
        "Each offeror may ask questions until ten days before the closing date.\n\n"
        "This solicitation closes on 1 May 2025.\n\n"
    )
    words = "task scope of work and proposal instructions for the help desk service of each site in the region".split()
    out = [head, "## 2 " + _long_sentence(words, 36_000 * n) + "\n"]
    for k in range(2_000 * n):
        out.append(
            (
                "(b) The contractor shall answer call {k} within {d} hours.",
                "Providing help desk support to the users at site {k}.",
                "Describe item {k} of the proposal in detail.",
            )[k % 3].format(k=k, d=k % 9 + 1)
            + "\n"
        )
    return "\n".join(out)


SHAPES: dict[str, Callable[[int], str]] = {
    "leadin": leadin,
    "leadin-sentence": lambda n: leadin(n, one_sentence=True),
    "tender-leadin": tender_leadin,
    "tender-gerunds": tender_gerunds,
    "table": table,
    "clauses": clauses,
    "paragraph": paragraph,
    "sanctions": sanctions,
    "sentence": sentence,
    "subclauses": subclauses,
    "definitions": definitions,
    "nested": nested,
    "headings": headings,
    "wide-table": wide_table,
    "long-heading": long_heading,
    "cited": cited,
    "flat-table": flat_table,
    "pdf-numbers": pdf_numbers,
    "sv-leadin": lambda n: leadin(n, lang="sv"),
    "sv-sanctions": lambda n: sanctions(n, lang="sv"),
}


def write(shape: str, scale: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{shape}-{scale}x.md"
    path.write_text(SHAPES[shape](scale), encoding="utf-8")
    return path


def cpu_seconds(path: Path, extra: list[str], report: Path | None = None) -> float:
    """CPU seconds (user + system) of one ``check --format json PATH`` in a fresh process; its
    report written to ``report`` (else thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "checker.cli", "check", "--format", "json", str(path), *extra]
    with open(report if report is not None else os.devnull, "wb") as out:
        subprocess.run(command, cwd=ROOT, stdout=out, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--scales", nargs="*", type=int, default=[1, 4])
    parser.add_argument("--repeat", type=int, default=1, help="runs per file; the best counts (default 1)")
    parser.add_argument("--write", type=Path, help="only write the files into this folder")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "hostile")
    args = parser.parse_args()
    if args.write:
        for shape in args.shapes:
            for scale in args.scales:
                print(write(shape, scale, args.write))
        return
    os.environ.setdefault("KRAVKOLL_CACHE_DIR", str(args.out / "cache"))
    args.out.mkdir(parents=True, exist_ok=True)
    start = {}
    for lang, line in (("en", "The supplier shall deliver the report.\n"), ("sv", "Leverantören ska leverera rapporten.\n")):
        page = args.out / f"start-{lang}.md"
        page.write_text(line, encoding="utf-8")
        cpu_seconds(page, [])  # builds the rule cache
        start[lang] = min(cpu_seconds(page, []) for _ in range(max(args.repeat, 2)))
    print(f"start-up (one line, warm cache): en {start['en']:.2f} s, sv {start['sv']:.2f} s; 'less start-up' takes it off both")
    print(
        f"{'shape':<16}"
        + "".join(f"{f'{s}x KB':>9}{f'{s}x s':>8}" for s in args.scales)
        + "   ratio of the last to the first (less start-up); the JSON reports' KB"
    )
    report = args.out / "report.json"
    for shape in args.shapes:
        times = []
        sizes = []
        reports = []
        for scale in args.scales:
            path = write(shape, scale, args.out)
            sizes.append(path.stat().st_size / 1024)
            times.append(min(cpu_seconds(path, [], report) for _ in range(args.repeat)))
            reports.append(report.stat().st_size / 1024)
        ratio = times[-1] / times[0] if times[0] else float("nan")
        base = start["sv" if shape.startswith("sv-") else "en"]
        less = (times[-1] - base) / (times[0] - base) if times[0] > base else float("nan")
        scale_ratio = args.scales[-1] / args.scales[0]
        cells = "".join(f"{k:>9.0f}{t:>8.2f}" for k, t in zip(sizes, times))
        written = " / ".join(f"{k:.0f}" for k in reports)
        print(f"{shape:<16}{cells}   x{ratio:.2f} (x{less:.2f}) for x{scale_ratio:g} the input; report {written} KB", flush=True)


if __name__ == "__main__":
    main()

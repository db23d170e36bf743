"""Ruleset variants for benchmarks: the same rules with every term list ``factor`` times longer.

Every ``terms`` list, inline term list and ``in section`` list of a rule file gets
``(factor - 1) × its length`` extra terms, inserted after its last term, so rules, patterns and
conditions stay as written. The extra terms are two-word phrases and compounds of procurement
words (Swedish and English): like the entries a real lexicon grows by, they seldom occur, so
the variant measures what a larger automaton costs rather than what more hits cost (the
benchmark prints the hits of both). ``extends`` keeps working when the variants are written side
by side.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from checker.ruleparse import parser

_WORDS = (
    "leverans leveranstid leverantör tjänst tjänsten system systemet avtal avtalet kontrakt krav kravet "
    "uppdrag uppdraget beställare beställaren myndighet myndigheten ersättning faktura fakturering "
    "tillgänglighet driftstörning incident ärende ärendet support förvaltning säkerhet informationssäkerhet "
    "personuppgifter underleverantör konsult kompetens utbildning dokumentation rapport rapportering "
    "avvikelse åtgärd åtgärdstid svarstid servicenivå servicetid mätperiod kvartal månad vecka arbetsdag "
    "rimlig skälig lämplig tillräcklig betydande väsentlig omfattande erforderlig nödvändig normal "
    "delivery deliverable contractor vendor service system agreement contract requirement task order "
    "government agency customer invoice payment availability outage incident ticket support maintenance "
    "security privacy subcontractor personnel training documentation report reporting deviation "
    "corrective action response resolution level window quarter month week business day "
    "reasonable appropriate adequate sufficient significant substantial necessary normal timely"
).split()


def extra_terms(count: int, seed: int) -> list[str]:
    """``count`` plausible lexicon entries that seldom occur in running text: two-word phrases
    and compounds of procurement words (a few with a ``*`` ending)."""
    choose = random.Random(seed)
    terms: list[str] = []
    for _ in range(count):
        first, second = choose.choice(_WORDS), choose.choice(_WORDS)
        roll = choose.random()
        if roll < 0.7:
            terms.append(f"{first} {second}")
        elif roll < 0.9:
            terms.append(first + second)
        else:
            terms.append(f"{first} {second}*")
    return terms


def multiply_terms(text: str, factor: int, seed: int = 1) -> str:
    """Rule text with every term list ``factor`` times as long (rules unchanged)."""
    tree = parser().parse(text)
    insertions: list[tuple[int, list[str]]] = []
    for number, node in enumerate(tree.iter_subtrees_topdown()):
        if node.data not in ("terms_decl", "inline_terms", "in_section"):
            continue
        strings = [c for c in node.children if getattr(c, "data", None) == "string"]
        if strings:
            last = strings[-1].children[0]
            insertions.append((last.end_pos, extra_terms(len(strings) * (factor - 1), seed + number)))
    for offset, terms in sorted(insertions, reverse=True):
        added = "".join(", " + json.dumps(term, ensure_ascii=False) for term in terms)
        text = text[:offset] + added + text[offset:]
    return text


def write_variants(rule_files: list[Path], folder: Path, factor: int) -> list[Path]:
    """Write the ``factor``× variant of each rule file into ``folder`` (same file names)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for path in rule_files:
        target = folder / path.name
        target.write_text(multiply_terms(path.read_text(encoding="utf-8"), factor), encoding="utf-8")
        written.append(target)
    return written

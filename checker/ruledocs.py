"""One Markdown page per rule, generated from the rulesets (``kravkoll rules docs``).

Pages show what a rule flags (its condition, with the words and patterns it uses), its
message and suggestion, rationale, reference, and its examples with what kravkoll says about
them — so the documentation cannot drift from the rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conditions import CompiledConditionVisitor
from .errors import KravError, visible
from .files import InputFiles, refuse_unsafe_target, write_output
from .rulekinds import RULE_KINDS
from .rulemodel import And, ClassAtom, Not, Or, PatternAtom, Rule, Ruleset, TermsAtom
from .ruletest import run_examples


def _page_words(language: str) -> dict[str, str]:
    """The words of a rule page in the ruleset's language, from the one table of words
    (:data:`checker.reporters.labels.LABELS`, its ``ruledoc.*`` keys)."""
    from .reporters.labels import LABELS  # noqa: PLC0415

    words = LABELS["sv" if language == "sv" else "en"]
    return {key.removeprefix("ruledoc."): text for key, text in words.items() if key.startswith("ruledoc.")}


def render_condition(condition: Any, ruleset: Ruleset, top: bool = True) -> str:
    """A condition in rule-language syntax; inline lists and patterns written out."""
    return _RENDER.visit(condition, ruleset, top)


class _Render(CompiledConditionVisitor[str]):
    """:func:`render_condition`."""

    operation = "render"

    def visit_terms(self, condition: TermsAtom, ruleset: Ruleset, top: bool) -> str:
        if condition.list.startswith("@"):
            return ", ".join(f'"{t}"' for t in ruleset.lists[condition.list].terms)
        return condition.list

    def visit_pattern(self, condition: PatternAtom, ruleset: Ruleset, top: bool) -> str:
        if condition.pattern.startswith("@"):
            pattern = ruleset.patterns[condition.pattern]
            return f"/{pattern.source}/{pattern.flags}"
        return condition.pattern

    def visit_class(self, condition: ClassAtom, ruleset: Ruleset, top: bool) -> str:
        return condition.define

    def visit_not(self, condition: Not, ruleset: Ruleset, top: bool) -> str:
        return "not " + self.visit(condition.operand, ruleset, False)

    def visit_and(self, condition: And, ruleset: Ruleset, top: bool) -> str:
        return " and ".join(self.visit(o, ruleset, o.kind == "and") for o in condition.operands)

    def visit_or(self, condition: Or, ruleset: Ruleset, top: bool) -> str:
        text = " or ".join(self.visit(o, ruleset, False) for o in condition.operands)
        return text if top else f"({text})"


_RENDER = _Render()


class _NamesUsed(CompiledConditionVisitor[list]):
    """(kind, name) of the named lists, patterns and defines a condition uses, defines expanded
    (``seen``: the defines expanded already)."""

    operation = "names_used"

    def visit_terms(self, condition: TermsAtom, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return [] if condition.list.startswith("@") else [("terms", condition.list)]

    def visit_pattern(self, condition: PatternAtom, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return [] if condition.pattern.startswith("@") else [("pattern", condition.pattern)]

    def visit_class(self, condition: ClassAtom, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        if condition.define in seen:
            return []
        seen.add(condition.define)
        define = ruleset.defines.get(condition.define)
        return [("define", condition.define), *(self.visit(define.condition, ruleset, seen) if define is not None else [])]

    def visit_not(self, condition: Not, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return self.visit(condition.operand, ruleset, seen)

    def visit_and(self, condition: And | Or, ruleset: Ruleset, seen: set[str]) -> list[tuple[str, str]]:
        return [name for operand in condition.operands for name in self.visit(operand, ruleset, seen)]

    visit_or = visit_and


_NAMES_USED = _NamesUsed()


def _condition_lines(rule: Rule, ruleset: Ruleset, labels: dict[str, str]) -> list[str]:
    return RULE_KINDS[rule.kind].describe(rule, lambda condition: render_condition(condition, ruleset), labels)


def _vocabulary(rule: Rule, ruleset: Ruleset) -> list[str]:
    seen: set[str] = set()
    used: list[tuple[str, str]] = []
    for condition in (rule.when, rule.where, rule.expect):
        if condition is not None:
            used.extend(_NAMES_USED.visit(condition, ruleset, seen))
    for name in RULE_KINDS[rule.kind].classes_shown(rule):
        used.extend(_NAMES_USED.visit(ClassAtom(define=name), ruleset, seen))
    lines: list[str] = []
    for kind, name in dict.fromkeys(used):
        if kind == "terms":
            shown = ", ".join(f"`{t}`" for t in ruleset.lists[name].terms)  # the whole list: a page is its reference
            kind_shown = "terms, not in names" if ruleset.lists[name].outside_names else "terms"
            lines.append(f"- **{name}** ({kind_shown}): {shown}")
        elif kind == "pattern":
            pattern = ruleset.patterns[name]
            lines.append(f"- **{name}** (pattern): `/{pattern.source}/{pattern.flags}`")
        elif name in ruleset.defines:
            lines.append(f"- **{name}** (define): `{render_condition(ruleset.defines[name].condition, ruleset)}`")
    return lines


def _quote(text: str) -> list[str]:
    return ["```text", *text.splitlines(), "```"]


def rule_page(rule: Rule, ruleset: Ruleset, outcomes: list[Any]) -> str:
    """The Markdown page of one rule."""
    labels = _page_words(ruleset.language)
    out = [f"# {rule.full_id}: {rule.title}", ""]
    out += [f"- {labels['ruleset']}: [{ruleset.name}](README.md) {ruleset.title}".rstrip()]
    out += [f"- {labels['kind']}: `{rule.kind}`", f"- {labels['category']}: `{rule.category}`", f"- {labels['severity']}: `{rule.severity}`"]
    out += [f"- {labels['once_per_document']}"] if rule.once_per == "document" else []
    out += [""]
    out += [f"## {labels['flags']}", "", *_condition_lines(rule, ruleset, labels), ""]
    vocabulary = _vocabulary(rule, ruleset)
    if vocabulary:
        out += [f"### {labels['vocabulary']}", "", *vocabulary, ""]
    out += [f"## {labels['message']}", "", f"> {rule.message}", ""]
    if rule.suggest:
        out += [f"## {labels['suggest']}", "", f"> {rule.suggest}", ""]
    if rule.rewrite is not None:
        out += [f"## {labels['rewrite']}", "", f"`{{match}}` → `{rule.rewrite}`", ""]
    if rule.rationale:
        out += [f"## {labels['rationale']}", "", rule.rationale, ""]
    if rule.reference:
        out += [f"## {labels['reference']}", "", rule.reference, ""]
    if outcomes:
        out += [f"## {labels['examples']}", ""]
        for outcome in outcomes:
            title = labels["flagged"] if outcome.example.expect == "flag" else labels["passes"]
            out += [f"{title}:", "", *_quote(outcome.example.text), ""]
            if outcome.messages:
                out += [f"{labels['says']}: {outcome.messages[0]}", ""]
    return "\n".join(out).rstrip() + "\n"


def ruleset_index(ruleset: Ruleset) -> str:
    labels = _page_words(ruleset.language)
    out = [f"# {ruleset.name}: {ruleset.title}".rstrip(": "), ""]
    if ruleset.description:
        out += [ruleset.description, ""]
    out += [f"language `{ruleset.language}`, version {ruleset.version or '-'}", ""]
    out += [f"## {labels['rules']}", "", "| id | title | category | severity |", "|---|---|---|---|"]
    for rule in ruleset.rules:
        page = f"{rule.id}.md" if rule.ruleset == ruleset.name else f"../{rule.ruleset}/{rule.id}.md"
        out.append(f"| [{rule.full_id}]({page}) | {rule.title} | {rule.category} | {rule.severity} |")
    return "\n".join(out) + "\n"


_INDEX_TITLE = "# kravkoll rules"


def generate(rulesets: list[Ruleset]) -> dict[str, str]:
    """Relative path → page text, for every ruleset, every rule and a top index."""
    pages: dict[str, str] = {}
    index = [_INDEX_TITLE, "", "Generated by `kravkoll rules docs` from the shipped rulesets; do not edit by hand.", ""]
    index += ["| ruleset | language | rules | title |", "|---|---|---|---|"]
    for ruleset in rulesets:
        outcomes = run_examples(ruleset)
        own = [r for r in ruleset.rules if r.ruleset == ruleset.name]
        index.append(f"| [{ruleset.name}]({ruleset.name}/README.md) | {ruleset.language} | {len(own)} | {ruleset.title} |")
        pages[f"{ruleset.name}/README.md"] = ruleset_index(ruleset)
        for rule in own:
            pages[f"{ruleset.name}/{rule.id}.md"] = rule_page(rule, ruleset, [o for o in outcomes if o.rule is rule])
    pages["README.md"] = "\n".join(index) + "\n"
    return pages


def write(pages: dict[str, str], folder: Path, inputs: InputFiles) -> list[Path]:
    """Write the pages (each atomically, never over one of ``inputs``:
    :func:`~checker.files.write_output`) and remove the :func:`stale_pages`.

    Every page's place is checked before the first is written: a symbolic link, an input, or a
    file that ``rules docs`` did not write (a README.md of the folder given) is refused, and
    nothing is written."""
    for relative in pages:
        path = folder / relative
        refuse_unsafe_target(path, inputs)
        if path.is_file() and not _generated(path, relative):
            raise KravError(f"{visible(str(path))}: exists and was not written by 'kravkoll rules docs'; choose another --output folder")
    written: list[Path] = []
    for relative, text in pages.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_output(path, text, inputs)
        written.append(path)
    for stale in stale_pages(pages, folder):
        stale.unlink()
    return written


def stale_pages(pages: dict[str, str], folder: Path) -> list[Path]:
    """The pages an earlier ``rules docs`` wrote into ``folder`` that ``pages`` no longer has: a
    ``.md`` file in a ruleset's folder (``folder/NAME/``) whose first line is that ruleset's
    title or one of its rules' ("# NAME: …", "# NAME/ID: …"). Nothing else is touched: every
    other ``.md`` file under ``folder`` was removed, so ``-o docs`` deleted a project's docs."""
    found: list[Path] = []
    if not folder.is_dir():
        return found
    for sub in sorted(folder.iterdir()):
        if sub.is_symlink() or not sub.is_dir():
            continue
        for page in sorted(sub.glob("*.md")):
            relative = f"{sub.name}/{page.name}"
            if relative not in pages and not page.is_symlink() and page.is_file() and _generated(page, relative):
                found.append(page)
    return found


def _generated(page: Path, relative: str) -> bool:
    """Whether the file at ``relative`` (a page's place under the output folder) starts as
    ``rules docs`` starts that page: the index "# kravkoll rules", a ruleset's "# NAME…" or a
    rule's "# NAME/ID…"."""
    try:
        with page.open(encoding="utf-8") as handle:
            first = handle.readline(1000).rstrip("\n")
    except (OSError, UnicodeDecodeError):
        return False
    if "/" not in relative:
        return first == _INDEX_TITLE
    ruleset = relative.split("/", 1)[0]
    return first == f"# {ruleset}" or first.startswith((f"# {ruleset}:", f"# {ruleset}/"))

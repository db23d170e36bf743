"""Message templates: the placeholders of ``message``, ``suggest`` and ``rewrite``, checked when
a rule is compiled and filled when a finding is made."""

from __future__ import annotations

from functools import cache

from ..lazyre import lazy_compile
from ..rulelimits import did_you_mean

PLACEHOLDERS = ("match", "requirement.id", "statement", "section")

_PLACEHOLDER = lazy_compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def placeholder_problems(text: str) -> list[str]:
    problems: list[str] = []
    for match in _PLACEHOLDER.finditer(text):
        token = match.group()
        if token in ("{{", "}}"):
            continue
        if match.group(1) is None:
            problems.append(f"unmatched '{token}' in message; write '{token * 2}' for a literal brace")
        elif match.group(1) not in PLACEHOLDERS:
            name = match.group(1)
            problems.append(
                f"unknown placeholder '{{{name}}}'{did_you_mean(name, list(PLACEHOLDERS))} (use {{match}}, {{requirement.id}}, {{statement}}, {{section}})"
            )
    return problems


def rewrite_problems(text: str, supplies_match: bool) -> list[str]:
    """What is wrong with a rule's ``rewrite``: it replaces the matched words, so the rule must
    have a match; it is words on one line, never empty, and ``{match}`` is its only placeholder."""
    if not supplies_match:
        return ["the rule has no matched words to rewrite (its condition has no terms list or pattern outside a 'not')"]
    problems = [problem.replace(" in message;", " in the rewrite;") for problem in placeholder_problems(text)]
    problems += [f"'{{{name}}}' cannot stand in a rewrite; only {{match}} can" for name in sorted((placeholders_in(text) & set(PLACEHOLDERS)) - {"match"})]
    if not text.strip():
        problems.append('it is empty; write what replaces the matched words, e.g. a placeholder in brackets "[X]"')
    if any(char in text for char in "\n\r"):
        problems.append("it spans more than one line; a rewrite replaces words inside a sentence")
    elif any(ord(char) < 32 or char in "\ufffe\uffff" or "\ud800" <= char <= "\udfff" for char in text):
        problems.append("it holds a control character, which a Word document cannot hold; write words")
    return problems


def fill_message(template: str, values: dict[str, str]) -> str:
    """Replace ``{match}``, ``{requirement.id}``, ... ; ``{{`` and ``}}`` are literal braces. A
    placeholder ``values`` leaves out stays as written."""
    given = {field_name(name): value for name, value in values.items()}
    return message_format(template).format(**{field_name(name): given.get(field_name(name), f"{{{name}}}") for name in PLACEHOLDERS})


def field_name(placeholder: str) -> str:
    """A placeholder's name as a ``str.format`` field (``requirement.id`` → ``requirement_id``)."""
    return placeholder.replace(".", "_")


@cache
def message_format(template: str) -> str:
    """The template as a ``str.format`` string with a named field per placeholder
    (:func:`field_name`); everything else is literal."""
    return "".join(f"{{{field_name(name)}}}" if name in PLACEHOLDERS else part.replace("{", "{{").replace("}", "}}") for part, name in template_parts(template))


@cache
def template_parts(template: str) -> tuple[tuple[str, str | None], ...]:
    """A message template split into (text, placeholder name or None) parts."""
    parts: list[tuple[str, str | None]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > position:
            parts.append((template[position : match.start()], None))
        token = match.group()
        if token in ("{{", "}}"):
            parts.append((token[0], None))
        else:
            parts.append((token, match.group(1)))
        position = match.end()
    if position < len(template):
        parts.append((template[position:], None))
    return tuple(parts)


def placeholders_in(template: str) -> frozenset[str]:
    """The placeholder names a message template uses."""
    return frozenset(name for _, name in template_parts(template) if name is not None)

"""Text for the HTML pages: escaped, and a Markdown statement's inline markup (bold, italic,
code, a link's target) shown as such, its delimiters left out."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html import escape


def esc(text: object) -> str:
    """Text for HTML content or a quoted attribute value."""
    return escape(str(text), quote=True)


_DELIMITER = re.compile(r"\*\*|__|\*|_|`|\[|\]\([^)\s]*\)")


@dataclass
class Markup:
    """A Markdown statement's inline markup: the characters that are markup (delimiters, a link's
    target), to leave out, and the spans shown bold, italic or as code — as ``runs``, stretches
    of the text that are all hidden or all styled alike. Found by one scan that pairs delimiters
    left to right, and rendered by bisection into the runs: linear, whatever the text."""

    runs: list[tuple[int, int, bool, tuple[str, ...]]] = field(default_factory=list)  # (start, end, hidden, tags)
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Markup:
        hidden: list[tuple[int, int]] = []
        styled: list[tuple[int, int, str]] = []

        def pair(opening: int, inner: int, close: int, end: int, tag: str) -> None:
            if close > inner:
                hidden.extend(((opening, inner), (close, end)))
                styled.append((inner, close, tag))

        open_at: dict[str, tuple[int, int]] = {}  # delimiter → (where it starts, where it ends)
        code: tuple[int, int] | None = None  # inside a code span: where its backtick stands
        for found in _DELIMITER.finditer(text):
            token, start, end = found.group(), found.start(), found.end()
            if code is not None:
                if token == "`":
                    pair(code[0], code[1], start, end, "code")
                    code = None
                continue
            if token == "`":
                code = (start, end)
            elif token == "[":
                open_at["["] = (start, end)
            elif token.startswith("]("):
                if "[" in open_at:
                    hidden.extend((open_at.pop("["), (start, end)))
            else:
                before = text[start - 1] if start else " "
                after = text[end] if end < len(text) else " "
                if token in open_at:
                    if not before.isspace() and not (token[0] == "_" and after.isalnum()):
                        opening, inner = open_at.pop(token)
                        pair(opening, inner, start, end, "strong" if len(token) == 2 else "em")
                elif not after.isspace() and not (token[0] == "_" and before.isalnum()):
                    open_at[token] = (start, end)
        return cls._swept(len(text), hidden, styled) if hidden else cls()

    @classmethod
    def _swept(cls, length: int, hidden: list[tuple[int, int]], styled: list[tuple[int, int, str]]) -> Markup:
        events = sorted(
            [(a, 1, "") for a, _ in hidden] + [(b, -1, "") for _, b in hidden] + [(a, 1, tag) for a, _, tag in styled] + [(b, -1, tag) for _, b, tag in styled]
        )
        markup, depth, tags, position = cls(), 0, {"strong": 0, "em": 0, "code": 0}, 0
        for at, step, tag in [*events, (length, 0, "")]:
            if at > position:
                markup.runs.append((position, at, depth > 0, tuple(t for t, n in tags.items() if n > 0)))
                markup.starts.append(position)
                position = at
            if tag:
                tags[tag] += step
            else:
                depth += step
        return markup

    def render(self, text: str, start: int, end: int) -> str:
        """``text[start:end]`` escaped, its markup left out and its styled spans in tags."""
        if not self.runs:
            return esc(text[start:end])
        out = []
        runs = self.runs
        for k in range(max(bisect_right(self.starts, start) - 1, 0), len(runs)):  # no slice: no copy of the rest
            run_start, run_end, hidden, tags = runs[k]
            if run_start >= end:
                break
            a, b = max(run_start, start), min(run_end, end)
            if a >= b or hidden:
                continue
            piece = esc(text[a:b])
            for tag in reversed(tags):
                piece = f"<{tag}>{piece}</{tag}>"
            out.append(piece)
        return "".join(out)


PLAIN = Markup()


def rendered(text: str, fmt: str | None) -> str:
    """Text of a document escaped, and in Markdown with its inline markup shown as such."""
    return Markup.of(text).render(text, 0, len(text)) if fmt == "md" else esc(text)

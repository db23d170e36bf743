"""A rule file's pattern rewritten for RE2: ``\\w`` and ``\\W`` as Unicode-aware classes, user groups
made non-capturing, each ``\\b`` and ``\\B`` an empty marker group; and the Perl features RE2
leaves out explained."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from ..lazyre import lazy_compile


class PatternSyntaxError(ValueError):
    """A pattern RE2 cannot run; ``offset`` is where in the pattern the problem is."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.offset = offset


def flag_prefix(flags: str) -> str:
    return ("" if "c" in flags else "(?i)") + ("(?s)" if "s" in flags else "")


def reject_unsupported(source: str) -> None:
    """Explain the Perl features RE2 leaves out (it runs in linear time)."""
    escaped = False
    in_class = False
    for offset, ch in enumerate(source):
        if escaped:
            escaped = False
            if ch.isdigit() and ch != "0" and not in_class:
                raise PatternSyntaxError(f"backreference \\{ch}: RE2 does not support backreferences", offset - 1)
            if ch == "k" and source[offset + 1 : offset + 2] in ("<", "{", "'"):
                raise PatternSyntaxError("named backreference: RE2 does not support backreferences", offset - 1)
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif ch == "(" and not in_class:
            ahead = source[offset + 1 : offset + 4]
            if ahead.startswith(("?=", "?!", "?<=", "?<!")):
                raise PatternSyntaxError("look-around ((?=, (?!, (?<=, (?<!) is not supported by RE2", offset)
            if ahead.startswith("?>"):
                raise PatternSyntaxError("atomic groups (?>…) are not supported by RE2", offset)
        elif ch in "+*?}" and not in_class and source[offset + 1 : offset + 2] == "+" and offset > 0:
            raise PatternSyntaxError("possessive quantifiers (*+, ++, ?+) are not supported by RE2", offset)


@dataclass(frozen=True)
class WordClasses:
    """How a rewritten pattern writes \\w and \\W, and the characters it writes as others
    (folded text's coded characters: :meth:`~checker.matching.folding.Folding.encode`)."""

    word: str  # \w outside [...]
    nonword: str  # \W outside [...]
    inside: str  # \w inside [...]
    coded: Mapping[int, str] | None = field(default=None, compare=False)  # for str.translate


# Word characters as is_word_char sees them, in RE2: any text, no folding.
UNICODE_WORDS = WordClasses(word=r"[\p{L}\p{N}\x{300}-\x{36f}_]", nonword=r"[^\p{L}\p{N}\x{300}-\x{36f}_]", inside=r"\p{L}\p{N}\x{300}-\x{36f}_")


# Where rewrite() has something to do, outside a [...] class and inside one; it copies the
# characters between as they are, in one piece (a pattern of 1,000 characters has a few hundred
# such places; a one-page check, which rewrites 71 patterns: 1,420 → 1,408 M instructions).
_SPECIAL = lazy_compile(r"[\\[(]")
_CLASS_SPECIAL = lazy_compile(r"[\\\][]")


def _marker_group(number: int, is_boundary: bool) -> str:
    return "()"


def no_marker(number: int, is_boundary: bool) -> str:
    return "(?:)"  # empty like the marker group, so a quantifier after it applies to nothing still


def rewrite(source: str, classes: WordClasses = UNICODE_WORDS, marker: Callable[[int, bool], str] = _marker_group) -> tuple[str, list[bool]]:
    """The pattern with \\w and \\W written as ``classes`` say, user groups made non-capturing
    and each \\b and \\B replaced by ``marker(number, is_boundary)``: by default an empty group,
    whose position is checked after matching; the characters ``classes`` codes written as their codes."""
    out: list[str] = []
    boundaries: list[bool] = []
    i = 0
    n = len(source)
    in_class = False
    class_start = 0
    while i < n:
        special = (_CLASS_SPECIAL if in_class else _SPECIAL).search(source, i)
        stop = n if special is None else special.start()
        if stop > i:  # a run of characters copied as they are, in one piece
            out.append(source[i:stop])
            i = stop
            continue
        ch = source[i]
        if ch == "\\" and i + 1 < n:
            nxt = source[i + 1]
            if nxt == "Q":  # \Q…\E: literal text, copied as is
                end = source.find("\\E", i + 2)
                end = n if end < 0 else end + 2
                out.append(source[i:end])
                i = end
                continue
            if nxt in "pP" and i + 2 < n and source[i + 2] == "{":
                end = source.find("}", i + 2)
                end = n if end < 0 else end + 1
                out.append(source[i:end])
                i = end
                continue
            if in_class:
                if nxt == "w":
                    out.append(classes.inside)
                elif nxt == "W":
                    raise PatternSyntaxError("\\W inside [...] is not supported; write [^...] with \\w instead", i)
                else:
                    out.append(source[i : i + 2])
            elif nxt == "w":
                out.append(classes.word)
            elif nxt == "W":
                out.append(classes.nonword)
            elif nxt in "bB":
                out.append(marker(len(boundaries), nxt == "b"))
                boundaries.append(nxt == "b")
            else:
                out.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]" and i > class_start:
                in_class = False
            elif ch == "[" and source[i + 1 : i + 2] == ":":
                end = source.find(":]", i + 2)
                if end > 0:
                    out.append(source[i : end + 2])
                    i = end + 2
                    continue
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if i < n and source[i] == "^":
                out.append("^")
                i += 1
            class_start = i + 1 if i < n and source[i] == "]" else i  # a leading ] is literal
            if i < n and source[i] == "]":
                out.append("]")
                i += 1
            continue
        if ch == "(":
            if source.startswith("(?P<", i) or (source.startswith("(?<", i) and not source.startswith(("(?<=", "(?<!"), i)):
                close = source.find(">", i)
                if close < 0:
                    raise PatternSyntaxError("unterminated group name", i)
                out.append("(?:")
                i = close + 1
                continue
            if source.startswith("(?", i):
                out.append("(?")
                i += 2
                continue
            out.append("(?:")
            i += 1
            continue
        out.append(ch)
        i += 1
    rewritten = "".join(out)
    return (rewritten.translate(classes.coded) if classes.coded else rewritten), boundaries

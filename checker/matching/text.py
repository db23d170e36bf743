"""Text as terms and patterns see it: word characters, white space and quotes made plain, words counted."""

from __future__ import annotations

import re

from ..lazyre import lazy_compile

# White space other than a plain space (tabs, line breaks, the no-break and thin spaces Word and
# PDFs put between numbers and units): matched as plain spaces, one for one (same length).
_ODD_SPACE = lazy_compile(r"[^\S ]")  # one by one: 10x faster than str.translate
_CURLY_QUOTE = lazy_compile("[\u2018\u2019\u02bc\u201c\u201d\u201e]")
# Each by str.replace, not by str.translate with a table: translate looks every character of a
# text outside Latin-1 up in the table one by one (40 ms for the curly-quoted statements of the
# 1.39 MB English corpus text, 0.4 ms by replace).
_STRAIGHT_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u02bc", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'))


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or (ch >= "\u0300" and ch <= "\u036f")


class _WordChars(dict):
    """``is_word_char`` as a lookup, remembered for the characters of ordinary text."""

    def __missing__(self, ch: str) -> bool:
        found = is_word_char(ch)
        if ch < "\u3000":  # remember only a bounded alphabet, whatever the input holds
            self[ch] = found
        return found


IS_WORD = _WordChars()
"""``is_word_char`` as a lookup: ``IS_WORD[ch]``."""
WORD_RUN = re.compile(r"[\w\u0300-\u036f]*")  # what is_word_char accepts, as a run


_TOKEN_WITHOUT_ALNUM = lazy_compile(r"\s[^\w\s]+(?=\s)")  # "-", "|", "§" between spaces: not words


def word_count(text: str) -> int:
    """Words: tokens between white space with a letter or digit in them."""
    return len(text.split()) - len(_TOKEN_WITHOUT_ALNUM.findall(f" {text.replace('_', '-')} "))


def plain_text(text: str) -> str:
    """The text as terms and patterns see it (same length): every kind of white space a plain
    space, typographic apostrophes and quotes (’ ‘ “ ” „, as Word writes them) straight."""
    if not text.isprintable():  # every white space but " " is unprintable: most texts have none
        text = _ODD_SPACE.sub(" ", text)
    if text.isascii() or _CURLY_QUOTE.search(text) is None:
        return text
    for curly, straight in _STRAIGHT_QUOTES:
        text = text.replace(curly, straight)
    return text


# A web address or an e-mail address: its words are a name of a place, not the statement's words
# ("tbs" of "tbs-sct.canada.ca" is no placeholder, "x" of "https://x.example" no "x hours"). An
# address ends before a bracket, a quote or a table's bar (Markdown's "[text](https://…)") and
# before the punctuation that ends the sentence after it. Each alternative starts at a literal
# ("://", "www.", "mailto:") or reads at most 64 characters before its "@": linear in the text.
_ADDRESS = lazy_compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.|\bmailto:)[^\s<>()\[\]{}\"'`|]*[^\s<>()\[\]{}\"'`|.,;:!?]"
    r"|[\w.+-]{1,64}@[^\W_](?:[\w-]{0,62}\.){1,8}[^\W\d_]{2,63}\b"
)


_WORD = lazy_compile(r"\w")


def without_addresses(text: str) -> str:
    """``text`` with the words of each web or e-mail address in it blanked out (same length; its
    marks kept, so that "[https://x.example](…)" is no empty "[ ]"): what terms and patterns read
    of a statement, so that no rule reads an address's words as the statement's."""
    if "://" not in text and "www." not in text and "@" not in text and "mailto:" not in text:
        return text
    return _ADDRESS.sub(lambda m: _WORD.sub(" ", m.group()), text)


_SENTENCE_END = frozenset(".!?:;|•·–—-\n")
_MARKUP_BEFORE = " *_`\"'([\u201c\u201d\u2018\u2019"
_NEXT_WORD = lazy_compile(r"[\s*_\"'\u201d\u2019]*([^\W\d_])")


def written_as_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written as part of a name or a defined term: capitalised
    (not all capitals, which is emphasis) inside a sentence ("the OIW Stable Implementation
    Agreement", "may submit Qualified Suppliers"), or at a sentence's start when the next word
    is capitalised too ("Continuous BIT shall …", "Prompt Payment Act"). The next word of a
    term of several words is its own second word ("Så snart Inera fattat beslut …" starts with
    the term "så snart", not with a name)."""
    word = text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    previous = start  # the character before the word, markup and spaces aside (no copy of the text before it)
    while previous and text[previous - 1] in _MARKUP_BEFORE:
        previous -= 1
    if previous and text[previous - 1] not in _SENTENCE_END:
        return True
    first_end = start + len(word.split(maxsplit=1)[0])
    following = _NEXT_WORD.match(text, first_end if first_end < end else end)
    return following is not None and following.group(1).isupper()

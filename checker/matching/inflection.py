"""The forms of a Swedish adjective that a listed base form stands for: ``tydlig`` also matches
*tydligt* and *tydliga*, ``enkel`` *enkelt* and *enkla*, ``säker`` *säkert* and *säkra*.

A Swedish adjective agrees with its subject, also as a predicate ("Systemet ska vara
enkelt", "Tjänsterna ska vara enkla"): the base form (common gender, indefinite singular) takes
*-t* for the neuter and *-a* for the plural and the definite form. The rules below give those two
forms from the base form alone:

========================================  ============================  ==========================
base form ends in                         neuter                        plural
========================================  ============================  ==========================
*-a*, *-e* (bra, äkta, välfungerande)     the same                      the same
*-ad* (anpassad, strukturerad)            *-at* (anpassat)              *-ade* (anpassade)
a vowel (ny, fri)                         *-tt* (nytt, fritt)           *-a* (nya)
*-t* (exakt, robust, lätt)                the same                      *-a* (exakta)
a vowel and *-t* (vit)                    *-tt* (vitt)                  *-a* (vita)
a vowel and *-d* (god, röd)               *-tt* (gott, rött)            *-a* (goda)
a consonant and *-d* (känd, lyhörd)       *-t* for *-d* (känt, lyhört)  *-a* (kända)
*-nn* (tunn)                              *-nt* (tunt)                  *-a* (tunna)
unstressed *-el* (enkel, flexibel)        *-elt* (enkelt)               *-la* (enkla, flexibla)
unstressed *-en* (öppen, skriven)         *-et* (öppet)                 *-na* (öppna)
unstressed *-er* (säker, vacker)          *-ert* (säkert)               *-ra* (säkra)
anything else (tydlig, logisk, snabb,     *-t* (tydligt, snabbt)        *-a* (tydliga, snabba)
stabil, modern, intuitiv)
========================================  ============================  ==========================

*-el*, *-en* and *-er* count as unstressed when a vowel stands earlier in the word (``enkel``,
``säker``; not ``stel``, ``ren``, whose forms are *stelt, stela*, *rent, rena*). Limits: irregular
adjectives (``liten``, ``gammal`` → *gamla*, ``tom`` → *tomma*), stressed *-el*/*-en*/*-er* in
longer words, the masculine *-e* ("den snabbe"), comparatives and superlatives are not derived:
list such forms as terms of their own. Of a term of several words only the first word is
inflected ("enkel att använda" → "enkla att använda"); a term with a trailing ``*`` already
matches every ending and is kept as it is.
"""

from __future__ import annotations

_VOWELS = frozenset("aeiouyåäöé")


def _two_forms(word: str) -> tuple[str, ...]:
    """The neuter and plural forms of one Swedish adjective in its base form (see the table above)."""
    lower = word.lower()
    if len(lower) < 2 or not lower.isalpha() or lower[-1] in "ae":
        return ()
    last, before = lower[-1], lower[-2]
    unstressed = any(letter in _VOWELS for letter in lower[:-2])
    if lower.endswith("ad"):
        return (word[:-1] + "t", word + "e")
    if last in _VOWELS:
        return (word + "tt", word + "a")
    if last == "t":
        return ((word + "t") if before in _VOWELS else word, word + "a")
    if last == "d":
        return ((word[:-1] + "tt") if before in _VOWELS else (word[:-1] + "t"), word + "a")
    if lower.endswith("nn"):
        return (word[:-1] + "t", word + "a")
    if unstressed and lower.endswith("el"):
        return (word + "t", word[:-2] + "la")
    if unstressed and lower.endswith("en"):
        return (word[:-1] + "t", word[:-2] + "na")
    if unstressed and lower.endswith("er"):
        return (word + "t", word[:-2] + "ra")
    return (word + "t", word + "a")


def swedish_adjective_forms(term: str) -> list[str]:
    """A term of a list and the other forms of its Swedish adjective: ``"tydlig"`` →
    ``["tydlig", "tydligt", "tydliga"]``, ``"enkel att använda"`` → ``["enkel att använda",
    "enkelt att använda", "enkla att använda"]``; the term alone when it has none (a trailing
    ``*``, an indeclinable word)."""
    if term.endswith("*"):
        return [term]
    first, space, rest = term.partition(" ")
    star = "*" if first.startswith("*") else ""
    forms = [term]
    for form in _two_forms(first[len(star) :]):
        written = star + form + space + rest
        if written not in forms:
            forms.append(written)
    return forms

"""Text as the index sees it: folded, split into words, hashtags pulled out.

One function folds both what is indexed and what is asked, so `Café` finds `cafe`, `ЁЛКА`
finds `елка` and `أحمد` finds `احمد`. It is plain Python and the same for every backend:
  - compatibility forms are unfolded (fullwidth letters, ligatures, Arabic presentation forms);
  - combining marks are dropped: Latin accents, the Cyrillic diaeresis (Ё → Е, but Й stays Й),
    Arabic tashkeel and the hamza on alef, waw and ya;
  - Arabic letter variants are unified (ٱ → ا, ى → ي, ة → ه, Persian ی/ک), tatweel removed;
  - case is folded (ß → ss), and a few Latin letters without a decomposition are spelled out.
Words are runs of letters and digits; an underscore splits words, so `parley_news` is found by
`news` too. A word longer than WORD_MAX is dropped: nobody searches for it, and it would only
bloat the index."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

WORD_MAX = 64
TAG_MAX = 64
PREFIX_MAX = 20

_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"(?<![\w#])#([^\W_][\w]*)")
_TAG_BODY = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# ASCII letters and digits stay (lowercased); every other byte separates words, as for _WORD.
_ASCII_WORDS = bytes(
    (c | 0x20 if chr(c).isalpha() else c) if chr(c).isalnum() else 0x20 for c in range(128)
) + bytes(128)


# Planes that hold combining marks: the basic and supplementary multilingual planes, and the
# variation selectors of plane 14.
_MARK_PLANES = (range(0x10000), range(0x10000, 0x20000), range(0xE0000, 0xE1000))
_LETTERS = {
    "\u0640": "",  # tatweel
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0649": "\u064a",  # alef maqsura -> ya
    "\u0629": "\u0647",  # ta marbuta -> ha
    "\u06cc": "\u064a",  # Persian ya -> Arabic ya
    "\u06a9": "\u0643",  # Persian kaf -> Arabic kaf
    "\u200c": "", "\u200d": "",  # zero-width (non-)joiners
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h",
    "ı": "i", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th",
    "ð": "d", "Ð": "d",
}  # fmt: skip
_LETTER_TABLE = str.maketrans(_LETTERS)
_HAS_LETTER = re.compile("[" + "".join(_LETTERS) + "]")


@cache
def _marks(astral: bool) -> re.Pattern[str]:
    """Every combining mark (category Mn) of the basic plane, or of the others, as one
    character class: dropping marks with a regex runs in C, several times faster than
    translating character by character. The planes are kept apart because a class reaching
    past U+FFFF loses the regex engine's fast path."""
    planes = _MARK_PLANES[1:] if astral else _MARK_PLANES[:1]
    ranges: list[str] = []
    start = prev = -2
    for plane in planes:
        for cp in plane:
            if unicodedata.category(chr(cp)) != "Mn":
                continue
            if cp != prev + 1:
                if start >= 0:
                    ranges.append(_span(start, prev))
                start = cp
            prev = cp
    ranges.append(_span(start, prev))
    return re.compile("[" + "".join(ranges) + "]+")


def _span(first: int, last: int) -> str:
    return (
        re.escape(chr(first))
        if first == last
        else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
    )


# Й is a letter of its own, not an accented И: keep it whole through the decomposition.
_KEEP = {"\u0438\u0306": "\u0439", "\u0418\u0306": "\u0439"}


def fold(text: str) -> str:
    """Case-, accent- and variant-insensitive form of `text` (see the module docstring)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    if "\u0306" in decomposed:
        for pair, letter in _KEEP.items():
            decomposed = decomposed.replace(pair, letter)
    stripped = _marks(False).sub("", decomposed)
    if _ASTRAL.search(stripped):
        stripped = _marks(True).sub("", stripped)
    if _HAS_LETTER.search(stripped):
        stripped = stripped.translate(_LETTER_TABLE)
    if not unicodedata.is_normalized("NFC", stripped):  # Hangul and the like recompose
        stripped = unicodedata.normalize("NFC", stripped)
    return stripped.casefold()


def words(folded: str) -> list[str]:
    """The searchable words of already folded text."""
    if folded.isascii():  # most text: a byte table splits it many times faster than a regex
        found = folded.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    else:
        found = _WORD.findall(folded)
    if len(folded) > WORD_MAX and max(map(len, found), default=0) > WORD_MAX:
        return [w for w in found if len(w) <= WORD_MAX]
    return found


def analyze(text: str) -> list[str]:
    return words(fold(text))


def hashtags(text: str) -> list[str]:
    """The distinct hashtags of `text`, folded and without the `#`, in order of appearance."""
    if "#" not in text:
        return []
    seen: dict[str, None] = {}
    for raw in _TAG.findall(text):
        tag = fold(raw)
        if len(tag) <= TAG_MAX and _TAG_BODY.fullmatch(tag):
            seen.setdefault(tag, None)
    return list(seen)


def prefixes(tokens: list[str], *, shortest: int = 1) -> list[str]:
    """Every leading part of every token, for finding names as they are typed."""
    out: dict[str, None] = {}
    for token in tokens:
        for end in range(shortest, min(len(token), PREFIX_MAX) + 1):
            out.setdefault(token[:end], None)
    return list(out)


def squeeze(text: str) -> str:
    """Collapse runs of whitespace, for logging and display."""
    return _SPACE.sub(" ", text).strip()

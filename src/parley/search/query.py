"""What a user typed, read into words, phrases and hashtags, never handed to an engine's parser.

Search syntax is deliberately small: words (all must match; the last one also matches words it
begins, as you type), "quoted phrases", #hashtags, and a leading @ on a username. Every other
character is a separator, so quotes, brackets, AND/OR/NOT, `*`, `~`, `^`, `:` and backslashes
mean nothing to the engine: backends build their queries from these parts, term by term."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from parley.domain.errors import InvalidInput
from parley.search.text import fold, hashtags, words

QUERY_MAX = 256
TERMS_MAX = 16

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_USERNAME = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{0,31})")
_LEADING_TAG = re.compile(r"#[^\W_]\w*")
_PHONE = re.compile(r"\+?[0-9][0-9 ().\-]{5,22}")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    words: tuple[str, ...] = ()  # folded words that must all appear
    prefix: str | None = None  # the word being typed: matches the words it begins
    phrases: tuple[tuple[str, ...], ...] = ()  # folded words that must appear in this order
    tags: tuple[str, ...] = ()  # hashtags, folded, without '#'
    username: str | None = None  # the whole query read as one @username, lowercased
    phone: str | None = None  # the whole query read as a phone number, as typed
    normalized: str = ""  # the parts in typed order: for the query log and cursors

    @property
    def terms(self) -> int:
        return (len(self.words) + (self.prefix is not None) + len(self.tags)
                + sum(len(p) for p in self.phrases))  # fmt: skip


def _check(raw: str) -> str:
    if not isinstance(raw, str):
        raise InvalidInput("the query must be text", code="invalid_query")
    text = raw.strip()
    if not text:
        raise InvalidInput("type something to search for", code="query_empty")
    if len(raw) > QUERY_MAX:
        raise InvalidInput(f"a query is at most {QUERY_MAX} characters", code="query_too_long")
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Co", "Cn") and not ch.isspace():
            raise InvalidInput("the query holds control or invalid characters",
                               code="invalid_query")  # fmt: skip
    return text


def parse_query(raw: str) -> ParsedQuery:
    """Read a search box's text. Raises InvalidInput for an empty, oversized or garbled query,
    or one with nothing searchable in it."""
    text = _check(raw).translate(_QUOTES)
    found_words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    tags: list[str] = []
    order: list[str] = []
    budget = TERMS_MAX
    last_is_word = False

    def add_words(chunk: str) -> None:
        nonlocal budget, last_is_word
        for w in words(fold(chunk)):
            if budget <= 0:
                return
            found_words.append(w)
            order.append(w)
            budget -= 1
            last_is_word = True

    pieces = text.split('"')
    # An odd count of quotes is balanced; an unbalanced last quote is just a separator.
    balanced = len(pieces) % 2 == 1
    for index, piece in enumerate(pieces):
        quoted = index % 2 == 1 and (balanced or index < len(pieces) - 1)
        if quoted:
            phrase = words(fold(piece))[:budget]
            budget -= len(phrase)
            if len(phrase) > 1:
                phrases.append(tuple(phrase))
                order.append('"' + " ".join(phrase) + '"')
            elif phrase:
                found_words.append(phrase[0])
                order.append(phrase[0])
            last_is_word = False
            continue
        for chunk in piece.split():
            last_is_word = False
            lead = _LEADING_TAG.match(chunk)
            tag_list = hashtags(lead.group(0)) if lead else []
            if lead and tag_list and budget > 0:
                tags.append(tag_list[0])
                order.append("#" + tag_list[0])
                budget -= 1
                add_words(chunk[lead.end() :])
                continue
            add_words(chunk)
    typing = last_is_word and not raw.endswith((" ", "\t", "\n", '"'))
    prefix = found_words.pop() if typing and found_words else None
    if not (found_words or prefix or phrases or tags):
        raise InvalidInput("the query has no words to search for", code="query_empty")
    name = _USERNAME.fullmatch(text)
    phone = _PHONE.fullmatch(text)
    digits = sum(c.isdigit() for c in text)
    return ParsedQuery(
        words=tuple(found_words), prefix=prefix, phrases=tuple(phrases), tags=tuple(tags),
        username=name.group(1).lower() if name else None,
        phone=text if phone and digits >= 7 else None,
        normalized=" ".join(order)[:QUERY_MAX],
    )  # fmt: skip

"""Folding, words, hashtags and the query reader: what the index and the search box agree on."""

from __future__ import annotations

import pytest

from parley.domain.errors import InvalidInput
from parley.search.query import QUERY_MAX, TERMS_MAX, parse_query
from parley.search.text import analyze, fold, hashtags, prefixes


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Café CRÈME brûlée", "cafe creme brulee"),
        ("straße Łódź Ærø", "strasse lodz aero"),
        ("ＰＡＲＬＥＹ ﬁne", "parley fine"),  # fullwidth letters and a ligature
        ("Ёлка ЁЖИК", "елка ежик"),  # Ё is searched as Е
        ("Йогурт и чай", "йогурт и чай"),  # but Й stays a letter of its own
        ("أَحْمَد إبراهيم آمال ٱلكتاب", "احمد ابراهيم امال الكتاب"),  # tashkeel, alef forms
        ("مكتبة على كتـــاب", "مكتبه علي كتاب"),  # ta marbuta, alef maqsura, tatweel
        ("한국어", "한국어"),
    ],
)
def test_fold_is_case_accent_and_variant_insensitive(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_words_split_on_everything_but_letters_and_digits() -> None:
    assert analyze("Hello, parley_news! a-b c.d #tag 2024") == [
        "hello", "parley", "news", "a", "b", "c", "d", "tag", "2024",
    ]  # fmt: skip
    assert analyze("x" * 65 + " kept") == ["kept"]  # absurdly long words are not indexed
    assert analyze("Привет, мир! مرحبا") == ["привет", "мир", "مرحبا"]


def test_hashtags_are_folded_distinct_and_exact() -> None:
    text = "#Crypto news #café #parley_news #crypto x#no ##no #ёлка"
    assert hashtags(text) == ["crypto", "cafe", "parley_news", "елка"]
    assert hashtags("no tags here") == []


def test_prefixes_for_names_as_typed() -> None:
    assert prefixes(["par", "x"]) == ["p", "pa", "par", "x"]


def test_words_and_last_word_as_prefix() -> None:
    q = parse_query("Hello parl")
    assert (q.words, q.prefix) == (("hello",), "parl")
    done = parse_query("hello parley ")  # a trailing space: the last word is complete
    assert (done.words, done.prefix) == (("hello", "parley"), None)


def test_phrases_tags_and_username() -> None:
    q = parse_query('"exact phrase" #Crypto, @Parley_News')
    assert q.phrases == (("exact", "phrase"),)
    assert q.tags == ("crypto",)
    assert q.words == ("parley",) and q.prefix == "news"
    assert parse_query("@Parley_News").username == "parley_news"
    assert q.normalized == '"exact phrase" #crypto parley news'


def test_phone_numbers_are_recognised_but_only_as_whole_queries() -> None:
    assert parse_query("+49 151 1234-5678").phone == "+49 151 1234-5678"
    assert parse_query("call +49 151 1234-5678").phone is None
    assert parse_query("12345").phone is None  # too short for a number


@pytest.mark.parametrize(
    "hostile",
    [
        'a AND (b OR NOT c)* ~d^2 e:f \\\\ "',
        "title:secret OR 1=1 --",
        '"unbalanced quote',
        "a" * 200 + " b",
        "‮ evil \u200b zero\ufeffwidth",
        "🙂🙃 emoji only 🙂",
        "NEAR(x y) x* ^boost {x TO y} [a TO z]",
    ],
)
def test_hostile_input_is_only_ever_words(hostile: str) -> None:
    q = parse_query(hostile)
    for word in (*q.words, *(q.prefix or "",), *(w for p in q.phrases for w in p)):
        assert word == "" or word.isalnum()
    assert q.terms <= TERMS_MAX


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "query_empty"),
        ("   ", "query_empty"),
        ("?!… ()", "query_empty"),  # nothing searchable
        ("(((((", "query_empty"),
        ("*:*", "query_empty"),
        ("x" * (QUERY_MAX + 1), "query_too_long"),
        ("null\x00byte", "invalid_query"),
        ("bell\x07", "invalid_query"),
        ("lone \ud800 surrogate", "invalid_query"),
    ],
)
def test_bad_queries_are_refused_clearly(raw: str, code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_query(raw)
    assert caught.value.code == code


def test_too_many_words_are_capped_not_refused() -> None:
    q = parse_query(" ".join(f"w{i}" for i in range(40)))
    assert q.terms == TERMS_MAX

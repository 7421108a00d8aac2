from __future__ import annotations

import pytest

from parley.moderation.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("c0ca1ne", "cocaine"),  # leetspeak digits
        ("m3th 4 sale", "meth 9 sale"),  # a lone number stays a number
        ("C O K E", "coke"),  # spaced out
        ("c.o.c.a.i.n.e", "cocaine"),  # dotted
        ("w-e-e-d", "wed"),  # hyphenated letters; doubled letters squeeze
        ("co*caine co.ca.ine", "cocaine cocaine"),  # inserted punctuation
        ("cooooke", "coke"),  # stretched
        ("weeeeed and weed", "wed and wed"),
        ("сoke", "coke"),  # Cyrillic с inside a Latin word
        ("кокаин", "kokain"),  # Russian is transliterated
        ("𝐜𝐨𝐤𝐞 ｃｏｋｅ ⓒⓞⓚⓔ", "coke coke coke"),  # styled Unicode letters
        ("c\u200bo\u200bk\u200be", "coke"),  # zero-width characters
        ("💊🔫❄️", "emopil emogun emosnow"),  # emoji become tokens
        (":pill: :gun: :snowflake:", "emopil emogun emosnow"),  # shortcodes too
        ("💊pills", "emopil pils"),
        ("Café CRÈME", "cafe creme"),  # accents
        ("p!lls c@rd ca$h $pice", "pils card cash spice"),  # symbols inside words
        ("hello! @shop_24", "helo shop 99"),  # handles and final ! untouched
        ("100mg 5pills ak47", "999mg 9pils ak99"),  # quantities and models stay numbers
        ("50€ $20 £5 300₽", "99 eur usd 99 gbp 9 999 rub"),
        ("حشـــيش للبيع ١٠٠", "حشيش لبيع 999"),  # Arabic: tatweel, digits
        ("Größe", "grose"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "🔥🔥 Top quality c0ca1ne ❄️ in Berlin, 1g 80€ — DM @night_owl",
        "Продаю кокаин, закладки по всему городу, пишите в лс",
        "Anyone up for coffee at 10? ☕",
        "حشيش للبيع، توصيل سري",
    ],
)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_spellings_of_one_word_meet() -> None:
    spellings = ["cocaine", "C0CAINE", "c o c a i n e", "co.ca.ine", "cocaaaaine", "сосаіnе"]
    assert {normalize(s) for s in spellings} == {"cocaine"}

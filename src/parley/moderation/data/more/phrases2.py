"""Slot values for the families of goods4 and negatives4: street slang with no product
word in it, one-word weapon slang, quantities, and the innocent words that share them.
Looked up before the tables of `phrases` and the shared phrasebook."""

from __future__ import annotations

Table = dict[str, list[str]]

EN: Table = {
    # coded drug talk: nothing a keyword list would catch
    "dcode": [
        "the usual",
        "that thing we talked about",
        "the good stuff",
        "the white",
        "the green",
        "some gas",
        "a zip",
        "an eighth",
        "a ball",
        "a half",
        "a QP",
        "the candy",
        "the fun bags",
        "the party favours",
        "a 3.5",
        "a g",
        "some tabs",
        "some bars",
        "the blues",
        "the pressies",
    ],
    "dqty": ["1g", "2g", "3.5", "7g", "14g", "an oz", "a zip", "half a zip", "10 tabs", "5 bars"],
    # weapons slang, most of it one word
    "wslang": [
        "strap",
        "blick",
        "blicky",
        "glizzy",
        "switch",
        "draco",
        "chopper",
        "stick",
        "pole",
        "heater",
        "burner",
        "tool",
        "iron",
        "ghost gun",
        "80 lower",
        "auto sear",
        "drum",
        "30 clip",
        "9mm",
        "40 cal",
    ],
    "wnote": [
        "no bodies",
        "clean",
        "never fired",
        "no serial",
        "comes with a drum",
        "ammo included",
        "fully auto",
        "cash only",
        "no papers",
    ],
    "paywith": ["cash", "BTC", "cash app", "zelle", "USDT", "apple pay"],
    "earn": ["500 a day", "2k a week", "£300 per run", "$150 per drop", "10% of each transfer"],
    "bank": ["Revolut", "Monzo", "Chase", "Wells Fargo", "N26", "Barclays", "PayPal", "Wise"],
    "driving_city": ["Leeds", "Bristol", "Austin", "Dublin", "Toronto", "Melbourne", "Denver"],
    "av": ["Kaspersky", "ESET", "Norton", "Bitdefender", "Avast", "McAfee", "Malwarebytes"],
    "db": ["PostgreSQL", "MySQL", "MongoDB", "SQL Server", "Oracle", "SQLite", "Redis"],
    "cointick": ["BTC", "ETH", "XMR", "SOL", "LTC", "USDT", "DOGE"],
    "pricetick": ["64k", "71k", "3.2k", "150", "0.18", "98k", "2,400"],
}

BY_LANG: dict[str, Table] = {"en": EN}

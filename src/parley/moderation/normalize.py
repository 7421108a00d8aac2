"""Text normalisation before classification: undo the tricks sellers use to dodge filters.

One canonical form for `c0ca1ne`, `c o k e`, `co.ca.ine`, `сoke` (Cyrillic с), `𝐜𝐨𝐤𝐞`,
`cooooke` and `❄️`, so the model sees the same features whatever the spelling. The output is
for features only, never for display. Bump NORMALIZER_VERSION when the output changes: a
model trained on one version refuses to run with another."""

from __future__ import annotations

import re
import unicodedata

NORMALIZER_VERSION = 1

# Emoji and their shortcodes that carry meaning in illegal-goods ads, mapped to plain tokens.
# The token names avoid doubled letters and digits so that normalising twice changes nothing.
_EMOJI_TOKENS: dict[str, str] = {
    "💊": "emopil", "💉": "emosyringe", "❄": "emosnow", "☃": "emosnow", "⛄": "emosnow",
    "🌨": "emosnow", "🍁": "emoleaf", "🌿": "emoleaf", "🍃": "emoleaf", "🌱": "emoleaf",
    "🥦": "emoleaf", "🌲": "emoleaf", "🍀": "emoleaf", "🍄": "emomushrom", "🍫": "emochoc",
    "🍬": "emocandy", "🍭": "emocandy", "💎": "emocrystal", "🧊": "emocrystal",
    "🔮": "emocrystal", "⚡": "emobolt", "🐎": "emohorse", "🔌": "emoplug", "🚬": "emosmoke",
    "💨": "emosmoke", "🔥": "emofire", "🔫": "emogun", "🪖": "emohelmet", "💣": "emobomb",
    "🧨": "emobomb", "🗡": "emoknife", "🔪": "emoknife", "🎯": "emotarget", "💳": "emocard",
    "🪪": "emoid", "🛂": "emopasport", "📄": "emodoc", "📃": "emodoc", "📜": "emodoc",
    "🎓": "emograd", "🏦": "emobank", "💰": "emomoney", "💵": "emomoney", "💶": "emomoney",
    "💷": "emomoney", "💴": "emomoney", "💸": "emomoney", "🤑": "emomoney", "🪙": "emocoin",
    "💲": "emomoney", "📦": "emopackage", "🚚": "emodelivery", "🚀": "emorocket",
    "📬": "emomail", "✉": "emomail", "📩": "emomail", "📲": "emophone", "📱": "emophone",
    "☎": "emophone", "📞": "emophone", "💻": "emolaptop", "🖥": "emolaptop",
    "🔓": "emounlock", "🔐": "emolock", "🔒": "emolock", "🔑": "emokey", "🗝": "emokey",
    "🦠": "emovirus", "🐛": "emobug", "🕷": "emospider", "🏴": "emoflag", "☠": "emoskul",
    "💀": "emoskul", "👻": "emoghost", "🕶": "emoshades", "🥷": "emoninja", "🤫": "emoshush",
    "✅": "emocheck", "✔": "emocheck", "☑": "emocheck", "💯": "emohundred", "⭐": "emostar",
    "🌟": "emostar", "❗": "emobang", "‼": "emobang", "⚠": "emowarn", "🚨": "emosiren",
    "🚔": "emopolice", "👮": "emopolice", "🚫": "emono", "❌": "emono", "😂": "emolaugh",
    "🤣": "emolaugh", "😅": "emolaugh", "😭": "emocry", "😢": "emocry", "❤": "emoheart",
    "😍": "emoheart", "🥰": "emoheart", "👍": "emothumbs", "🙏": "emopray", "🎮": "emogame",
    "🕹": "emogame", "⚽": "emosport", "🏀": "emosport", "🎂": "emocake", "🍕": "emofood",
    "🍔": "emofood", "🍝": "emofood", "🥤": "emodrink", "🍺": "emodrink", "☕": "emodrink",
    "🍷": "emodrink", "🌧": "emorain", "☀": "emosun", "🌞": "emosun", "🌍": "emoglobe",
    "📰": "emonews", "📢": "emomegaphone", "📣": "emomegaphone", "👉": "emopoint",
    "👇": "emopoint", "➡": "emopoint", "🎉": "emoparty", "🥳": "emoparty", "🐶": "emoanimal",
    "🐱": "emoanimal", "🦌": "emoanimal", "🏹": "emobow", "🏠": "emohome", "🚗": "emocar",
    "✈": "emoplane", "🌎": "emoglobe", "🌏": "emoglobe", "🧪": "emolab", "⚗": "emolab",
    "🌈": "emorainbow", "🍑": "emopeach", "🍆": "emoeggplant", "👀": "emoeyes",
}  # fmt: skip
_SHORTCODES: dict[str, str] = {
    "pill": "emopil", "pills": "emopil", "syringe": "emosyringe", "snowflake": "emosnow",
    "snowman": "emosnow", "maple_leaf": "emoleaf", "herb": "emoleaf", "leaves": "emoleaf",
    "seedling": "emoleaf", "broccoli": "emoleaf", "four_leaf_clover": "emoleaf",
    "mushroom": "emomushrom", "gem": "emocrystal", "ice_cube": "emocrystal",
    "zap": "emobolt", "horse": "emohorse", "electric_plug": "emoplug", "plug": "emoplug",
    "smoking": "emosmoke", "dash": "emosmoke", "fire": "emofire", "gun": "emogun",
    "pistol": "emogun", "water_pistol": "emogun", "bomb": "emobomb", "firecracker": "emobomb",
    "dagger": "emoknife", "knife": "emoknife", "hocho": "emoknife", "credit_card": "emocard",
    "identification_card": "emoid", "passport_control": "emopasport", "page_facing_up": "emodoc",
    "scroll": "emodoc", "mortar_board": "emograd", "bank": "emobank", "moneybag": "emomoney",
    "money_with_wings": "emomoney", "dollar": "emomoney", "euro": "emomoney",
    "money_mouth_face": "emomoney", "coin": "emocoin", "package": "emopackage",
    "truck": "emodelivery", "rocket": "emorocket", "iphone": "emophone", "computer": "emolaptop",
    "unlock": "emounlock", "lock": "emolock", "key": "emokey", "microbe": "emovirus",
    "bug": "emobug", "skull": "emoskul", "skull_and_crossbones": "emoskul", "ghost": "emoghost",
    "ninja": "emoninja", "shushing_face": "emoshush", "white_check_mark": "emocheck",
    "heavy_check_mark": "emocheck", "100": "emohundred", "star": "emostar",
    "rotating_light": "emosiren", "police_car": "emopolice", "joy": "emolaugh",
    "sob": "emocry", "heart": "emoheart", "thumbsup": "emothumbs", "+1": "emothumbs",
    "pray": "emopray", "video_game": "emogame", "test_tube": "emolab", "eyes": "emoeyes",
}  # fmt: skip

# Cyrillic is transliterated so Russian words meet their Latin spellings (кокаин → kokain);
# inside a word that mixes scripts, look-alike letters map to the Latin letter they imitate.
_CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}  # fmt: skip
_HOMOGLYPHS: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i",
    "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y",
}  # fmt: skip
_ARABIC: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "ـ": "", "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6",
    "٧": "7", "٨": "8", "٩": "9", "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9", "،": ",", "؟": "?",
}  # fmt: skip
_LEET: dict[str, str] = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
    "@": "a", "$": "s", "!": "i", "|": "l", "€": "e",
}  # fmt: skip
_CURRENCY_WORDS = {"$": " usd ", "€": " eur ", "£": " gbp ", "₽": " rub ", "¥": " yen "}

_SHORTCODE = re.compile(r":([a-z0-9_+\-]{2,32}):")
_NON_LATIN_SCRIPT = re.compile(r"[\u0370-\u04ff]")
_SCRIPT_WORD = re.compile(r"[^\W\d_]*[\u0370-\u04ff][^\W\d_]*")
_LATIN = re.compile(r"[a-z]")
# Emoji, pictographs and other symbols left after the known ones became tokens: no signal.
_SYMBOLS = re.compile(
    "[\u2190-\u2bff\u3290-\u32ff\ue000-\uf8ff\ufe00-\ufe0f\U0001f000-\U0001faff"
    "\U000e0000-\U000e007f]+"
)
# Three or more single characters with separators between them: "c o k e", "w.e.e.d".
_SPACED = re.compile(
    r"(?<![\w@$!|€])[\w@$|€](?:(?:[\s.\-_*·•,/+~'\"]{1,3})[\w@$|€]){2,}(?![\w@$!|€])"
)
_SPACED_SEP = re.compile(r"[\s.\-_*·•,/+~'\"]+")
_REPEATS = re.compile(r"([^\W\d_])\1+")
_PUNCT_RUN = re.compile(r"[.\-_*'`´’·•~^:]+")
_NOT_WORD = re.compile(r"[^\w\s]|_")
_DIGIT = re.compile(r"\d")


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(ch): f" {token} " for ch, token in _EMOJI_TOKENS.items()}
    table.update({ord(ch): mapped for ch, mapped in _ARABIC.items()})
    # Zero-width characters and soft hyphens inserted to split a word.
    for code in (0x00AD, 0x180E, *range(0x200B, 0x2010), *range(0x2060, 0x2065), 0xFEFF):
        table[code] = ""
    return table


_TABLE = _build_table()


def normalize(text: str) -> str:
    """The canonical feature form of a post (lowercase, spelled plainly, tokens spaced)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if ":" in text:
        text = _SHORTCODE.sub(lambda m: f" {_SHORTCODES.get(m.group(1), m.group(0))} ", text)
    text = _SPACED.sub(_join_spaced, text)
    cache = _TOKEN_CACHE
    parts: list[str] = []
    for token in text.split():
        done = cache.get(token)
        if done is None:
            if len(cache) >= _TOKEN_CACHE_MAX:
                cache.clear()
            done = cache[token] = _normalize_token(token)
        if done:
            parts.append(done)
    return " ".join(parts)


# Posts repeat words far more than they repeat texts, so each distinct raw token is
# normalised once; the cache is bounded and simply starts over when full.
_TOKEN_CACHE: dict[str, str] = {}
_TOKEN_CACHE_MAX = 200_000


def _normalize_token(token: str) -> str:
    """Everything that depends on one whitespace-separated token alone."""
    if not token.isascii():
        token = _SYMBOLS.sub(" ", token.translate(_TABLE))
        if _NON_LATIN_SCRIPT.search(token):
            token = _SCRIPT_WORD.sub(_fold_script, token)
        token = unicodedata.normalize("NFKD", token)
        if not token.isascii():
            token = "".join(ch for ch in token if not unicodedata.combining(ch))
    token = " ".join(_unleet(piece) for piece in token.split())
    token = _drop_inner_punctuation(token)
    token = _REPEATS.sub(r"\1", token)
    for symbol, word in _CURRENCY_WORDS.items():
        if symbol in token:
            token = token.replace(symbol, word)
    token = _DIGIT.sub("9", _NOT_WORD.sub(" ", token))
    return " ".join(token.split())


def _fold_script(match: re.Match[str]) -> str:
    word = match.group(0)
    if _LATIN.search(word):
        return "".join(_HOMOGLYPHS.get(ch, ch) for ch in word)
    return "".join(_CYRILLIC.get(ch, ch) for ch in word)


def _drop_inner_punctuation(text: str) -> str:
    """Join words split by punctuation: co.ca.ine, co*caine, ko-ks."""
    pieces: list[str] = []
    last = 0
    for match in _PUNCT_RUN.finditer(text):
        start, end = match.span()
        if start > 0 and end < len(text) and text[start - 1].isalpha() and text[end].isalpha():
            pieces.append(text[last:start])
            last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _join_spaced(match: re.Match[str]) -> str:
    chunk = match.group(0)
    pieces = _SPACED_SEP.split(chunk)
    letters = sum(1 for piece in pieces if piece.isalpha())
    if letters < 2 or all(piece.isdigit() for piece in pieces[1:]):
        return chunk
    return "".join(pieces)


def _unleet(token: str) -> str:
    """Map look-alike digits and symbols to letters inside words, never inside numbers.

    A run of them is mapped when letters stand on both sides (c0ca1ne, w33d, c@rd); a single
    digit ending a word of three or more letters (h3ll0) and a `$` starting one ($pice) too.
    Quantities and models ("5pills", "100mg", "ak47") and handles ("@shop") stay as they are."""
    if token.isdigit() or not any(ch in _LEET for ch in token):
        return token
    chars = list(token)
    n = len(chars)
    i = 0
    while i < n:
        if chars[i] not in _LEET:
            i += 1
            continue
        j = i
        while j < n and chars[j] in _LEET:
            j += 1
        before = _letters_before(chars, i)
        after = _letters_after(chars, j)
        if before and after:
            mapped = True
        elif j - i == 1 and before >= 3 and not after:
            mapped = chars[i].isdigit() and j == n
        elif j - i == 1 and after >= 3 and i == 0:
            mapped = chars[i] == "$"
        else:
            mapped = False
        if mapped:
            for k in range(i, j):
                chars[k] = _LEET[chars[k]]
        i = j
    return "".join(chars)


def _letters_before(chars: list[str], index: int) -> int:
    count = 0
    while index - count - 1 >= 0 and chars[index - count - 1].isalpha():
        count += 1
    return count


def _letters_after(chars: list[str], index: int) -> int:
    count = 0
    while index + count < len(chars) and chars[index + count].isalpha():
        count += 1
    return count

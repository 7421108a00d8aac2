"""Formatted text and keyboards as bots send them: parse_mode HTML, MarkdownV2 and the legacy
Markdown turned into plain text plus entities (UTF-16 offsets, as Telegram counts), and reply
markup checked and normalised before it is stored on the message."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from parley.botapi.errors import BotApiError, bad_request
from parley.domain.messages import utf16_len

MAX_BUTTONS = 100


def _cant(reason: str) -> BotApiError:
    return bad_request(f"can't parse entities: {reason}")


class _Builder:
    """Text being assembled, with entity starts measured in UTF-16 code units."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.entities: list[dict[str, Any]] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += utf16_len(text)

    def close(self, kind: str, start: int, **extra: Any) -> None:
        if self.size > start:
            self.entities.append({"type": kind, "offset": start, "length": self.size - start,
                                  **extra})  # fmt: skip

    def result(self) -> tuple[str, list[dict[str, Any]]]:
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.parts), self.entities


# -- HTML ---------------------------------------------------------------------------------------
_HTML_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "code": "code", "pre": "pre", "a": "text_link",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji", "span": "spoiler",
}  # fmt: skip
_USER_LINK = re.compile(r"^tg://user\?id=(\d{1,19})$")


class _HtmlParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = _Builder()
        self.stack: list[tuple[str, int, dict[str, Any]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = _HTML_TAGS.get(tag)
        attr = {k: v or "" for k, v in attrs}
        if kind is None or (tag == "span" and attr.get("class") != "tg-spoiler"):
            raise _cant(f'unsupported start tag "{tag}"')
        extra: dict[str, Any] = {}
        if tag == "a":
            href = attr.get("href", "")
            user = _USER_LINK.match(href)
            if user:
                kind, extra = "text_mention", {"user_id": int(user.group(1))}
            elif not href:
                raise _cant('empty href in the "a" tag')
            else:
                extra = {"url": href}
        elif tag == "blockquote" and "expandable" in attr:
            kind = "expandable_blockquote"
        elif tag == "tg-emoji":
            extra = {"custom_emoji_id": attr.get("emoji-id", "")}
        elif tag == "code" and self.stack and self.stack[-1][0] == "pre":
            language = attr.get("class", "").removeprefix("language-")
            if language:
                self.stack[-1][2]["language"] = language
            self.stack.append((tag, -1, {}))  # the pre carries it; no entity of its own
            return
        self.stack.append((tag, self.out.size, {"kind": kind, **extra}))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            raise _cant(f'unmatched end tag "{tag}"')
        _, start, info = self.stack.pop()
        if start < 0:
            return
        kind = info.pop("kind")
        self.out.close(kind, start, **info)

    def handle_data(self, data: str) -> None:
        self.out.add(data)


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    parser = _HtmlParser()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise _cant(f'can\'t find end tag corresponding to start tag "{parser.stack[-1][0]}"')
    return parser.out.result()


# -- MarkdownV2 ---------------------------------------------------------------------------------
_RESERVED_V2 = set("_*[]()~`>#+-=|{}.!")
_V2_NAMES = {"*": "Bold", "_": "Italic", "__": "Underline", "~": "Strikethrough",
             "||": "Spoiler", "[": "TextUrl"}  # fmt: skip
_V2_KINDS = {"*": "bold", "_": "italic", "__": "underline", "~": "strikethrough",
             "||": "spoiler"}  # fmt: skip


def parse_markdown_v2(text: str) -> tuple[str, list[dict[str, Any]]]:
    out = _Builder()
    stack: list[tuple[str, int, int]] = []  # (marker, utf16 start, char index)
    i, n = 0, len(text)
    quote_start: int | None = None
    line_start = True
    while i < n:
        c = text[i]
        if line_start and c == ">":
            if quote_start is None:
                quote_start = out.size
            i += 1
            line_start = False
            continue
        if line_start and quote_start is not None:
            out.close("blockquote", quote_start)
            quote_start = None
        line_start = False
        if c == "\\" and i + 1 < n and 0 < ord(text[i + 1]) < 127:
            out.add(text[i + 1])
            i += 2
            continue
        if c == "`":
            fence = text.startswith("```", i)
            end_marker = "```" if fence else "`"
            j = i + len(end_marker)
            language = None
            if fence:
                newline = text.find("\n", j)
                first = text[j:newline] if newline >= 0 else ""
                if newline >= 0 and first and " " not in first:
                    language, j = first, newline + 1
                elif newline == j:
                    j += 1
            start, chunk = out.size, []
            while j < n and not text.startswith(end_marker, j):
                if text[j] == "\\" and j + 1 < n and text[j + 1] in "`\\":
                    j += 1
                chunk.append(text[j])
                j += 1
            if j >= n:
                name = "Pre" if fence else "Code"
                raise _cant(f"can't find end of {name} entity at byte offset "
                            f"{len(text[:i].encode())}")  # fmt: skip
            out.add("".join(chunk))
            if fence:
                out.close("pre", start, **({"language": language} if language else {}))
            else:
                out.close("code", start)
            i = j + len(end_marker)
            continue
        marker = None
        if text.startswith("||", i):
            marker = "||"
        elif text.startswith("__", i):
            marker = "__"
        elif c in "*_~":
            marker = c
        if marker is not None:
            if stack and stack[-1][0] == marker:
                _, start, _ = stack.pop()
                out.close(_V2_KINDS[marker], start)
            else:
                stack.append((marker, out.size, i))
            i += len(marker)
            continue
        if c == "[":
            stack.append(("[", out.size, i))
            i += 1
            continue
        if c == "]" and stack and stack[-1][0] == "[":
            _, start, _ = stack.pop()
            if not text.startswith("(", i + 1):
                raise _cant("can't find end of TextUrl entity")
            j, url = i + 2, []
            while j < n and text[j] != ")":
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                url.append(text[j])
                j += 1
            if j >= n:
                raise _cant("can't find end of a URL")
            link = "".join(url)
            user = _USER_LINK.match(link)
            if user:
                out.close("text_mention", start, user_id=int(user.group(1)))
            else:
                out.close("text_link", start, url=link)
            i = j + 1
            continue
        if c in _RESERVED_V2:
            raise bad_request(f"can't parse entities: Character '{c}' is reserved and must be "
                              f"escaped with the preceding '\\'")  # fmt: skip
        out.add(c)
        if c == "\n":
            line_start = True
        i += 1
    if quote_start is not None:
        out.close("blockquote", quote_start)
    if stack:
        marker, _, index = stack[-1]
        raise _cant(f"can't find end of {_V2_NAMES[marker]} entity at byte offset "
                    f"{len(text[:index].encode())}")  # fmt: skip
    return out.result()


# -- legacy Markdown ------------------------------------------------------------------------------
def parse_markdown(text: str) -> tuple[str, list[dict[str, Any]]]:
    out = _Builder()
    i, n = 0, len(text)
    kinds = {"*": "bold", "_": "italic"}
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "_*`[":
            out.add(text[i + 1])
            i += 2
            continue
        if c in kinds or c == "`":
            fence = text.startswith("```", i)
            marker = "```" if fence else c
            end = text.find(marker, i + len(marker))
            if end < 0:
                raise _cant(f"can't find end of the entity starting at byte offset "
                            f"{len(text[:i].encode())}")  # fmt: skip
            body = text[i + len(marker) : end]
            start = out.size
            language = None
            if fence and "\n" in body:
                first, _, rest = body.partition("\n")
                if first and " " not in first:
                    language, body = first, rest
            out.add(body)
            kind = "pre" if fence else ("code" if c == "`" else kinds[c])
            out.close(kind, start, **({"language": language} if language else {}))
            i = end + len(marker)
            continue
        if c == "[":
            close = text.find("](", i)
            end = text.find(")", close + 2) if close >= 0 else -1
            if close < 0 or end < 0:
                out.add(c)
                i += 1
                continue
            start = out.size
            out.add(text[i + 1 : close])
            out.close("text_link", start, url=text[close + 2 : end])
            i = end + 1
            continue
        out.add(c)
        i += 1
    return out.result()


def parse_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    if not parse_mode:
        return text, []
    mode = parse_mode.lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown_v2(text)
    if mode == "markdown":
        return parse_markdown(text)
    raise bad_request("unsupported parse_mode")


def to_html(text: str) -> str:
    """Plain text made safe inside HTML formatting (used by tests and docs examples)."""
    return html.escape(text, quote=False)


# -- reply markup ---------------------------------------------------------------------------------
_INLINE_ACTIONS = ("url", "callback_data", "switch_inline_query",
                   "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
                   "copy_text", "login_url", "web_app", "callback_game", "pay")  # fmt: skip
_REPLY_BUTTON_KEYS = ("request_contact", "request_location", "request_poll", "request_users",
                      "request_chat", "web_app")  # fmt: skip


def _inline_button(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise bad_request("can't parse inline keyboard button: InlineKeyboardButton must be an "
                          "Object")  # fmt: skip
    text = raw.get("text")
    if not isinstance(text, str) or not text:
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    button: dict[str, Any] = {"text": text[:256]}
    for key in _INLINE_ACTIONS:
        if raw.get(key) is not None:
            button[key] = raw[key]
    if len(button) == 1:
        raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in "
                          "the inline keyboard")  # fmt: skip
    data = button.get("callback_data")
    if data is not None and (not isinstance(data, str) or not 1 <= len(data.encode()) <= 64):
        raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None and (not isinstance(url, str) or
                            not url.startswith(("http://", "https://", "tg://"))):  # fmt: skip
        raise bad_request("BUTTON_URL_INVALID")
    return button


def _reply_button(raw: Any) -> dict[str, Any]:
    if isinstance(raw, str):
        raw = {"text": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"]:
        raise bad_request("can't parse keyboard button: KeyboardButton must be a String or an "
                          "Object")  # fmt: skip
    button = {"text": raw["text"][:256]}
    button.update({k: raw[k] for k in _REPLY_BUTTON_KEYS if raw.get(k) is not None})
    return button


def _rows(raw: Any, make: Any) -> list[list[dict[str, Any]]]:
    if not isinstance(raw, list) or not all(isinstance(row, list) for row in raw):
        raise bad_request("can't parse reply keyboard markup JSON object: field \"keyboard\" must "
                          "be an Array of Arrays")  # fmt: skip
    rows = [[make(b) for b in row] for row in raw]
    if sum(len(r) for r in rows) > MAX_BUTTONS:
        raise bad_request("reply markup is too long")
    return [r for r in rows if r]


def clean_reply_markup(raw: dict[str, Any] | None) -> dict[str, Any] | None:
    """An inline keyboard, a reply keyboard, a keyboard removal or a forced reply; anything
    else is a 400, as in Telegram."""
    if raw is None:
        return None
    if "inline_keyboard" in raw:
        return {"inline_keyboard": _rows(raw["inline_keyboard"], _inline_button)}
    if "keyboard" in raw:
        out: dict[str, Any] = {"keyboard": _rows(raw["keyboard"], _reply_button)}
        for key in ("is_persistent", "resize_keyboard", "one_time_keyboard", "selective"):
            if raw.get(key) is not None:
                out[key] = bool(raw[key])
        if isinstance(raw.get("input_field_placeholder"), str):
            out["input_field_placeholder"] = raw["input_field_placeholder"][:64]
        return out
    if raw.get("remove_keyboard"):
        return {"remove_keyboard": True, **({"selective": True} if raw.get("selective") else {})}
    if raw.get("force_reply"):
        out = {"force_reply": True}
        if isinstance(raw.get("input_field_placeholder"), str):
            out["input_field_placeholder"] = raw["input_field_placeholder"][:64]
        return out
    raise bad_request("can't parse reply markup JSON object")

from __future__ import annotations

import pytest

from parley.botapi.errors import BotApiError
from parley.botapi.ids import parse_chat_id
from parley.botapi.markup import clean_reply_markup, parse_html, parse_markdown_v2
from parley.domain.bots import addresses_bot, detect_entities
from parley.domain.messages import Message, MessageKind
from parley.services.bots import ChatRef


def test_html_parse_mode() -> None:
    text, ents = parse_html('<b>bold <i>both</i></b> <a href="https://x.org">link</a> '
                            '<pre><code class="language-py">x = 1</code></pre> 😀&lt;')  # fmt: skip
    assert text == "bold both link x = 1 😀<"
    assert ents == [
        {"type": "bold", "offset": 0, "length": 9},
        {"type": "italic", "offset": 5, "length": 4},
        {"type": "text_link", "offset": 10, "length": 4, "url": "https://x.org"},
        {"type": "pre", "offset": 15, "length": 5, "language": "py"},
    ]
    with pytest.raises(BotApiError, match="unsupported start tag"):
        parse_html("<script>x</script>")
    with pytest.raises(BotApiError, match="unmatched end tag"):
        parse_html("<b>x</i>")


def test_markdown_v2_parse_mode() -> None:
    text, ents = parse_markdown_v2(
        r"*bold* _it_ __under__ ~s~ ||sp|| [l](https://x.org/a\)b) `c` 1\.5"
    )
    assert text == "bold it under s sp l c 1.5"
    assert [e["type"] for e in ents] == ["bold", "italic", "underline", "strikethrough",
                                         "spoiler", "text_link", "code"]  # fmt: skip
    assert ents[5]["url"] == "https://x.org/a)b"
    emoji_text, emoji_ents = parse_markdown_v2("😀 *x*")
    assert emoji_ents == [{"type": "bold", "offset": 3, "length": 1}] and emoji_text == "😀 x"
    with pytest.raises(BotApiError, match="reserved"):
        parse_markdown_v2("1.5")
    with pytest.raises(BotApiError, match="can't find end of Bold entity"):
        parse_markdown_v2("*open")


def test_reply_markup_and_chat_ids() -> None:
    assert clean_reply_markup({"keyboard": [["Yes", {"text": "No"}]], "resize_keyboard": True}) == {
        "keyboard": [[{"text": "Yes"}, {"text": "No"}]],
        "resize_keyboard": True,
    }
    assert clean_reply_markup({"remove_keyboard": True}) == {"remove_keyboard": True}
    with pytest.raises(BotApiError, match="BUTTON_DATA_INVALID"):
        clean_reply_markup({"inline_keyboard": [[{"text": "x", "callback_data": "y" * 65}]]})
    assert parse_chat_id("-1000000000042") == ChatRef(chat_id=42)
    assert parse_chat_id(7) == ChatRef(user_id=7)
    assert parse_chat_id("@news") == ChatRef(username="news")
    with pytest.raises(BotApiError, match="chat not found"):
        parse_chat_id(-5)


def test_privacy_rule_and_detected_entities() -> None:
    from datetime import UTC, datetime

    def msg(text: str) -> Message:
        return Message(chat_id=1, id=1, sender_id=2, kind=MessageKind.TEXT, text=text,
                       date=datetime.now(UTC))  # fmt: skip

    assert detect_entities("/start now @someone_x #tag https://x.org/a.") == [
        {"type": "bot_command", "offset": 0, "length": 6},
        {"type": "mention", "offset": 11, "length": 10},
        {"type": "hashtag", "offset": 22, "length": 4},
        {"type": "url", "offset": 27, "length": 15},
    ]
    seen = {t: addresses_bot(msg(t), bot_id=9, bot_username="my_bot", reply_to_sender=None)
            for t in ("/help", "/help@my_bot", "/help@other_bot", "hi @MY_BOT", "hi all",
                      "see /help")}  # fmt: skip
    assert seen == {"/help": True, "/help@my_bot": True, "/help@other_bot": False,
                    "hi @MY_BOT": True, "hi all": False, "see /help": False}  # fmt: skip
    assert addresses_bot(msg("thanks"), bot_id=9, bot_username="my_bot", reply_to_sender=9)

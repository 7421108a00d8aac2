from __future__ import annotations

import asyncio
import io
from typing import Any

from PIL import Image

from parley.container import Container
from parley.services import media
from parley.store.media import StoredFile
from tests.bots import create_bot, eventually
from tests.helpers import Api


def png(width: int = 640, height: int = 480) -> bytes:
    buf = io.BytesIO()
    Image.new("RGBA", (width, height), (200, 30, 30, 255)).save(buf, "PNG")
    return buf.getvalue()


async def test_photos_and_documents_both_ways(api: Api, container: Container) -> None:
    hashed: list[tuple[str, int]] = []

    async def hook(f: StoredFile, data: bytes) -> None:
        hashed.append((f.file_id, len(data)))

    media.add_photo_hook(container.ctx, hook)
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "pics_bot")
    user = await api.signup("Ann")
    chat = (await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})).json()

    # A bot uploads a photo (multipart), as the libraries do.
    r = await bot.http.post(f"/bot{bot.token}/sendPhoto",
                            data={"chat_id": str(user.id), "caption": "*red*",
                                  "parse_mode": "MarkdownV2"},
                            files={"photo": ("red.png", png(), "image/png")})  # fmt: skip
    sent = r.json()["result"]
    sizes = sent["photo"]
    assert [(s["width"], s["height"]) for s in sizes] == [(320, 240), (640, 480)]
    assert sent["caption"] == "red" and sent["caption_entities"][0]["type"] == "bold"
    assert hashed == [(sizes[-1]["file_id"], len(png()))]  # the hook sees the bytes as uploaded
    got = await bot.call("getFile", file_id=sizes[-1]["file_id"])
    assert got["file_path"].startswith("photos/") and got["file_size"] == sizes[-1]["file_size"]
    r = await bot.http.get(f"/file/bot{bot.token}/{got['file_path']}")
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(r.content)).size == (640, 480)
    r = await bot.http.get(f"/file/bot{bot.token}/photos/nope.jpg")
    assert r.status_code == 404 and r.json()["ok"] is False
    seen = (await api.get(user, f"/api/v1/chats/{chat['id']}/messages", limit=1)).json()[0]
    assert seen["media"]["type"] == "photo" and seen["text"] == "red"
    r = await api.get(user, f"/api/v1/media/{sizes[0]['file_id']}")
    assert r.status_code == 200 and Image.open(io.BytesIO(r.content)).size == (320, 240)

    # The same photo again by file_id, without uploading.
    again = await bot.call("sendPhoto", chat_id=user.id, photo=sizes[0]["file_id"])
    assert [s["file_id"] for s in again["photo"]] == [s["file_id"] for s in sizes]
    r = await bot.raw("sendPhoto", chat_id=user.id, photo="no-such-file")
    assert r.json()["description"] == "Bad Request: wrong file identifier/HTTP URL specified"
    r = await bot.http.post(f"/bot{bot.token}/sendPhoto", data={"chat_id": str(user.id)},
                            files={"photo": ("x.png", b"not an image", "image/png")})  # fmt: skip
    assert r.json()["description"] == "Bad Request: IMAGE_PROCESS_FAILED"

    # A person uploads a document and sends it; the bot gets it and can download it.
    r = await api.http.post("/api/v1/media", headers=user.headers, data={"kind": "document"},
                            files={"file": ("notes.txt", b"hello file", "text/plain")})  # fmt: skip
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["file_name"] == "notes.txt" and doc["mime_type"] == "text/plain"
    r = await api.post(user, f"/api/v1/chats/{chat['id']}/messages",
                       {"text": "my notes", "file_id": doc["file_id"]})  # fmt: skip
    assert r.status_code == 200, r.text
    updates = await eventually(bot.updates)
    message = updates[-1]["message"]
    assert message["caption"] == "my notes" and message["document"]["file_name"] == "notes.txt"
    path = (await bot.call("getFile", file_id=message["document"]["file_id"]))["file_path"]
    r = await bot.http.get(f"/file/bot{bot.token}/{path}")
    assert r.content == b"hello file"


async def test_callback_queries(api: Api) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "button_bot")
    user = await api.signup("Ann")
    chat = (await api.post(user, "/api/v1/chats/private", {"user_id": bot.id})).json()
    markup = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"},
                                   {"text": "Site", "url": "https://example.org"}]]}  # fmt: skip
    sent = await bot.call("sendMessage", chat_id=user.id, text="Choose", reply_markup=markup)
    assert sent["reply_markup"] == markup
    url = f"/api/v1/chats/{chat['id']}/messages/{sent['message_id']}/callback"
    r = await api.post(user, url, {"data": "nope"})
    assert r.status_code == 400
    stranger = await api.signup("Stranger")
    r = await api.post(stranger, url, {"data": "go"})
    assert r.status_code == 404

    async def bot_answers() -> None:
        updates = await eventually(bot.updates)
        query = updates[-1]["callback_query"]
        assert query["data"] == "go" and query["from"]["id"] == user.id
        assert query["message"]["message_id"] == sent["message_id"]
        await bot.call("answerCallbackQuery", callback_query_id=query["id"], text="Going!",
                       show_alert=True)  # fmt: skip
        r = await bot.raw("answerCallbackQuery", callback_query_id=query["id"])
        assert r.json()["description"] == (
            "Bad Request: query is too old and response timeout expired or query ID is invalid"
        )

    answering = asyncio.create_task(bot_answers())
    r = await api.post(user, url, {"data": "go"})
    await answering
    answer: dict[str, Any] = r.json()
    assert answer["answered"] is True and answer["text"] == "Going!" and answer["show_alert"]
    r = await api.get(stranger, f"/api/v1/callbacks/{answer['query_id']}")
    assert r.status_code == 404

    r = await bot.raw("sendMessage", chat_id=user.id, text="x",
                      reply_markup={"inline_keyboard": [[{"text": "plain"}]]})  # fmt: skip
    assert r.status_code == 400 and "Text buttons are unallowed" in r.json()["description"]
    r = await bot.raw("editMessageReplyMarkup", chat_id=user.id, message_id=sent["message_id"],
                      reply_markup=markup)  # fmt: skip
    assert r.json()["description"].startswith("Bad Request: message is not modified")
    edited = await bot.call("editMessageReplyMarkup", chat_id=user.id,
                            message_id=sent["message_id"])  # fmt: skip
    assert "reply_markup" not in edited

"""sendPhoto, sendDocument and getFile. Files are uploaded in the request (multipart, directly
or as attach://<part>) or named by a file_id Parley gave out before; downloads are served at
/file/bot<token>/<file_path>."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from parley.botapi.errors import bad_request
from parley.botapi.methods.base import (
    Call,
    Handler,
    formatted,
    reply_markup,
    reply_target,
    resolve,
    show_one,
)
from parley.botapi.params import InputFile
from parley.domain.errors import InvalidInput
from parley.services import media
from parley.services.messages import Sent
from parley.store.media import StoredFile

_EXT = re.compile(r"^\.[A-Za-z0-9]{1,8}$")


def file_path(f: StoredFile) -> str:
    if f.kind == "photo":
        return f"photos/{f.storage_key}.jpg"
    ext = PurePosixPath(f.file_name or "").suffix
    return f"documents/{f.storage_key}{ext if _EXT.match(ext) else ''}"


def storage_key_of(path: str) -> str | None:
    """The storage key in a download path made by `file_path`."""
    folder, _, name = path.partition("/")
    if folder not in ("photos", "documents") or not name or "/" in name:
        return None
    return name.split(".", 1)[0] or None


async def _send(call: Call, kind: str) -> dict[str, Any]:
    chat = await resolve(call, post=True)
    source = call.params.file_or_id(kind)
    if source is None or source == "":
        raise bad_request(f"there is no {kind} in the request")
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        raise bad_request("sending files by HTTP URL is not supported; upload the file")
    caption, entities = formatted(call, "caption", "parse_mode", "caption_entities")
    markup = reply_markup(call)
    reply_to, allow_missing = reply_target(call, chat)
    upload = None
    if isinstance(source, InputFile):
        upload = media.Upload(data=source.data, file_name=source.file_name,
                              mime_type=source.mime_type)  # fmt: skip
    file_id = source if isinstance(source, str) else None

    async def send(reply: int | None) -> Sent:
        return await media.send_media(
            call.ctx, call.bot.id, chat_id=chat.chat.id, kind=kind, file_id=file_id,
            upload=upload, caption=caption or "", entities=entities, reply_to_id=reply,
            extra={"reply_markup": markup} if markup else None,
        )  # fmt: skip

    try:
        sent = await send(reply_to)
    except InvalidInput as error:
        if error.code != "reply_invalid" or not allow_missing:
            raise
        sent = await send(None)
    return await show_one(call, sent.message)


async def send_photo(call: Call) -> dict[str, Any]:
    return await _send(call, "photo")


async def send_document(call: Call) -> dict[str, Any]:
    return await _send(call, "document")


async def get_file(call: Call) -> dict[str, Any]:
    file_id = call.params.string("file_id")
    if not file_id:
        raise bad_request("file_id not specified")
    f = await media.get_file(call.ctx, file_id)
    return {"file_id": f.file_id, "file_unique_id": f.unique_id, "file_size": f.size,
            "file_path": file_path(f)}  # fmt: skip


METHODS: dict[str, Handler] = {
    "sendphoto": send_photo,
    "senddocument": send_document,
    "getfile": get_file,
}

"""Media: photos and documents that people and bots upload, kept in the file store and named by
an opaque file_id that can be sent again without uploading twice.

Photos are checked and re-encoded with Pillow: the image must decode, stay within Telegram's
size rules, and is stored as JPEG in two sizes (a 320-pixel thumbnail and up to 1280 pixels),
which also strips metadata such as GPS positions. Registered hooks see each new file's bytes as
uploaded, before it is stored; moderation hashes them there, and a hook that raises refuses it."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import mimetypes
import secrets
import unicodedata
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from PIL import Image, UnidentifiedImageError

from parley.domain.errors import InvalidInput, NotFound, PayloadTooLarge
from parley.domain.messages import CAPTION_MAX
from parley.services import messages
from parley.services.context import Ctx
from parley.services.messages import Sent
from parley.store.files import FileStore, LocalFileStore
from parley.store.media import StoredFile
from parley.store.tx import Tx

PHOTO_SIZES = (320, 1280)
MAX_PHOTO_PIXELS = 50_000_000
PhotoHook = Callable[[StoredFile, bytes], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Upload:
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None


def file_store(ctx: Ctx) -> FileStore:
    found = ctx.extensions.get("media.store")
    if found is None:
        found = ctx.extensions["media.store"] = LocalFileStore(ctx.settings.data / "files")
    store: FileStore = found
    return store


def add_photo_hook(ctx: Ctx, hook: PhotoHook) -> None:
    """Run `hook(file, uploaded_bytes)` on every new photo or document before it is stored
    (moderation hashes them here). Raising a DomainError refuses the file."""
    ctx.extensions.setdefault("media.photo_hooks", []).append(hook)


def _new_id(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(30)


def _unique_id(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()[:12]).decode()


def _clean_name(raw: str | None) -> str | None:
    if not raw:
        return None
    name = PurePosixPath(raw.replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name[:255] or None


def _encode_photo(data: bytes) -> list[tuple[bytes, int, int]]:
    """Decode, check and re-encode a photo; returns (jpeg, width, height) smallest first."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                probe.verify()
            image: Image.Image = Image.open(io.BytesIO(data))
            image.load()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
                Image.DecompressionBombError, Image.DecompressionBombWarning):  # fmt: skip
            raise InvalidInput("IMAGE_PROCESS_FAILED", code="photo_invalid") from None
    width, height = image.size
    if width * height > MAX_PHOTO_PIXELS or width + height > 10_000:
        raise InvalidInput("PHOTO_INVALID_DIMENSIONS", code="photo_invalid")
    if max(width, height) > 20 * min(width, height):
        raise InvalidInput("PHOTO_INVALID_DIMENSIONS", code="photo_invalid")
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    out: list[tuple[bytes, int, int]] = []
    for side in PHOTO_SIZES:
        copy = image.copy()
        copy.thumbnail((side, side))
        buf = io.BytesIO()
        copy.convert("RGB").save(buf, "JPEG", quality=87, optimize=True)
        out.append((buf.getvalue(), copy.width, copy.height))
        if copy.size == image.size:
            break
    return out


def photo_media(sizes: list[StoredFile]) -> dict[str, Any]:
    return {"type": "photo", "sizes": [
        {"file_id": f.file_id, "file_unique_id": f.unique_id, "width": f.width,
         "height": f.height, "file_size": f.size}
        for f in sorted(sizes, key=lambda f: f.size)
    ]}  # fmt: skip


def document_media(f: StoredFile) -> dict[str, Any]:
    return {"type": "document", "file_id": f.file_id, "file_unique_id": f.unique_id,
            "file_name": f.file_name, "mime_type": f.mime_type, "file_size": f.size}  # fmt: skip


async def store_upload(ctx: Ctx, uploader_id: int, upload: Upload, *, kind: str) -> dict[str, Any]:
    """Keep an uploaded photo or document; returns the media object to attach to a message."""
    if kind not in ("photo", "document"):
        raise InvalidInput("kind is photo or document", code="invalid_kind")
    if not upload.data:
        raise InvalidInput("file must be non-empty", code="file_empty")
    if len(upload.data) > ctx.settings.max_upload_bytes:
        raise PayloadTooLarge("file is too big", code="file_too_big")
    now = ctx.clock.now()
    store = file_store(ctx)
    if kind == "photo":
        encoded = await asyncio.to_thread(_encode_photo, upload.data)
        group = _new_id("AgAC")
        files = [
            StoredFile(
                file_id=group if i == len(encoded) - 1 else _new_id("AgAC"),
                unique_id=_unique_id(blob), kind="photo", mime_type="image/jpeg",
                file_name=None, size=len(blob), width=w, height=h,
                storage_key=secrets.token_urlsafe(24), group_key=group, uploader_id=uploader_id,
                created_at=now,
            )
            for i, (blob, w, h) in enumerate(encoded)
        ]  # fmt: skip
        blobs = [blob for blob, _, _ in encoded]
    else:
        name = _clean_name(upload.file_name)
        mime = (upload.mime_type or "").split(";")[0].strip().lower()
        if not mime or mime == "application/octet-stream":
            mime = (mimetypes.guess_type(name or "")[0] if name else None) or mime
        key = _new_id("BQAC")
        files = [StoredFile(
            file_id=key, unique_id=_unique_id(upload.data), kind="document",
            mime_type=(mime or "application/octet-stream")[:128], file_name=name,
            size=len(upload.data), width=None, height=None, storage_key=secrets.token_urlsafe(24),
            group_key=key, uploader_id=uploader_id, created_at=now,
        )]  # fmt: skip
        blobs = [upload.data]
    for hook in ctx.extensions.get("media.photo_hooks", []):
        await hook(files[-1], upload.data)  # the bytes as uploaded: banks hash originals
    for f, blob in zip(files, blobs, strict=True):
        await asyncio.to_thread(store.put, f.storage_key, blob)

    def run(tx: Tx) -> None:
        for f in files:
            tx.media.insert(f)

    await ctx.db.write(run)
    return photo_media(files) if kind == "photo" else document_media(files[0])


async def media_for(ctx: Ctx, file_id: str, *, kind: str | None) -> dict[str, Any]:
    """The media object for a file sent again by its file_id (of `kind`, or of any kind)."""

    def run(tx: Tx) -> dict[str, Any]:
        found = tx.media.by_file_id(file_id) if len(file_id) <= 64 else None
        if found is None:
            raise InvalidInput("wrong file identifier/HTTP URL specified", code="file_id_invalid")
        if kind is not None and found.kind != kind:
            raise InvalidInput(f"wrong type of the web page content: file is not a {kind}",
                               code="file_kind_mismatch")  # fmt: skip
        if found.kind == "photo":
            return photo_media(tx.media.group(found.group_key))
        return document_media(found)

    return await ctx.db.read(run)


async def send_media(
    ctx: Ctx,
    user_id: int,
    *,
    chat_id: int,
    kind: str | None,
    file_id: str | None = None,
    upload: Upload | None = None,
    caption: str = "",
    entities: list[dict[str, Any]] | None = None,
    reply_to_id: int | None = None,
    random_id: int | None = None,
    extra: dict[str, Any] | None = None,
) -> Sent:
    """Send a photo or document, uploaded now or named by an earlier file_id."""
    if len(caption) > CAPTION_MAX:
        raise InvalidInput("message caption is too long", code="caption_too_long")
    if upload is not None:
        media = await store_upload(ctx, user_id, upload, kind=kind or "document")
    elif file_id:
        media = await media_for(ctx, file_id, kind=kind)
    else:
        raise InvalidInput(f"there is no {kind or 'file'} in the request", code="media_missing")
    return await messages.send_message(
        ctx, user_id, chat_id=chat_id, text=caption, entities=entities, reply_to_id=reply_to_id,
        random_id=random_id, media=media, extra=extra,
    )  # fmt: skip


async def get_file(ctx: Ctx, file_id: str) -> StoredFile:
    found = await ctx.db.read(lambda tx: tx.media.by_file_id(file_id) if len(file_id) <= 64
                              else None)  # fmt: skip
    if found is None:
        raise InvalidInput("wrong file_id or the file is temporarily unavailable",
                           code="file_id_invalid")  # fmt: skip
    return found


async def read_file(ctx: Ctx, *, file_id: str | None = None,
                    storage_key: str | None = None) -> tuple[StoredFile, bytes]:  # fmt: skip
    """A stored file and its bytes, by file_id or by the storage key in its download path."""

    def run(tx: Tx) -> StoredFile | None:
        if file_id is not None and len(file_id) <= 64:
            return tx.media.by_file_id(file_id)
        if storage_key is not None and len(storage_key) <= 64:
            return tx.media.by_storage_key(storage_key)
        return None

    found = await ctx.db.read(run)
    data = None
    if found is not None:
        data = await asyncio.to_thread(file_store(ctx).get, found.storage_key)
    if found is None or data is None:
        raise NotFound("file not found", code="file_not_found")
    return found, data

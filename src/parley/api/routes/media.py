"""Uploading photos and documents, and downloading them by file_id."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Response, UploadFile

from parley.api.deps import CtxDep, PrincipalDep
from parley.api.schemas.common import ERROR_RESPONSES
from parley.domain.errors import InvalidInput
from parley.services import media

router = APIRouter(prefix="/media", tags=["media"], responses=ERROR_RESPONSES)


@router.post("", response_model=dict[str, Any], status_code=201,
             summary="Upload a photo or document; send it with its file_id")  # fmt: skip
async def upload(
    principal: PrincipalDep,
    ctx: CtxDep,
    file: Annotated[UploadFile, File()],
    kind: Annotated[str, Form(pattern="^(photo|document)$")] = "document",
) -> dict[str, Any]:
    data = await file.read()
    return await media.store_upload(
        ctx, principal.user.id,
        media.Upload(data=data, file_name=file.filename, mime_type=file.content_type), kind=kind,
    )  # fmt: skip


@router.get("/{file_id}", summary="Download a file by its file_id",
            responses={200: {"content": {"application/octet-stream": {}}}})  # fmt: skip
async def download(file_id: str, principal: PrincipalDep, ctx: CtxDep) -> Response:
    if len(file_id) > 64:
        raise InvalidInput("not a file id", code="file_id_invalid")
    found, data = await media.read_file(ctx, file_id=file_id)
    # Photos are re-encoded JPEGs and safe to show inline. Anything else was uploaded as is:
    # served from this origin it could be HTML or script, so it downloads as an attachment,
    # with no type a browser would run, in a sandbox.
    headers = {"Content-Security-Policy": "default-src 'none'; sandbox",
               "Cache-Control": "private, max-age=86400"}  # fmt: skip
    if found.kind == "photo" and found.mime_type == "image/jpeg":
        return Response(data, media_type="image/jpeg", headers=headers)
    name = quote(found.file_name or "file")
    headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return Response(data, media_type="application/octet-stream", headers=headers)

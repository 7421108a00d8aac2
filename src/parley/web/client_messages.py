"""Messages in the conversation view: send (with the composer's random_id), fragments the live
view fetches when events arrive, edit, delete and pin. Each answers htmx with the fragment to
swap, and a plain form post with a redirect back to the conversation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from parley.api.deps import CtxDep
from parley.services import callbacks, conversations, media, messages
from parley.web.guard import ViewerDep
from parley.web.pages import page

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=4096)]


def _back(request: Request, chat_id: int, anchor: str = "") -> Response | None:
    """Plain (no-JS) form posts go back to the conversation."""
    if request.headers.get("hx-request"):
        return None
    return RedirectResponse(f"/chats/{chat_id}{anchor}", status_code=303)


async def _fragment(
    request: Request,
    viewer: ViewerDep,
    ctx: CtxDep,
    chat_id: int,
    message_id: int,
    headers: dict[str, str] | None = None,
) -> Response:
    convo = await conversations.load_messages(
        ctx, viewer.user_id, chat_id=chat_id, message_ids=[message_id]
    )
    if not convo.messages:
        return HTMLResponse("")  # deleted or removed: the live view takes it away
    return page(
        request,
        "fragments/message_one.html",
        viewer=viewer,
        convo=convo,
        m=convo.messages[0],
        headers=headers,
    )


@router.post("/chats/{chat_id}/messages")
async def send(
    request: Request,
    chat_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    text: Text,
    random_id: Annotated[int | None, Form()] = None,
    reply_to_id: Annotated[int | None, Form(ge=1)] = None,
) -> Response:
    sent = await messages.send_message(
        ctx,
        viewer.user_id,
        chat_id=chat_id,
        text=text,
        random_id=random_id,
        reply_to_id=reply_to_id,
    )
    back = _back(request, chat_id, f"#m-{sent.message.id}")
    return back or await _fragment(request, viewer, ctx, chat_id, sent.message.id)


@router.get("/chats/{chat_id}/messages/{message_id}")
async def message_fragment(
    request: Request, chat_id: int, message_id: int, viewer: ViewerDep, ctx: CtxDep
) -> Response:
    return await _fragment(request, viewer, ctx, chat_id, message_id)


@router.get("/chats/{chat_id}/messages/{message_id}/edit")
async def edit_form(
    request: Request, chat_id: int, message_id: int, viewer: ViewerDep, ctx: CtxDep
) -> Response:
    convo = await conversations.load_messages(
        ctx, viewer.user_id, chat_id=chat_id, message_ids=[message_id]
    )
    found = [m for m in convo.messages if convo.may_edit(m)]
    if not found:
        return page(
            request,
            "error.html",
            viewer=viewer,
            title="Not allowed",
            message="You can edit only your own messages.",
            code="not_author",
            status_code=403,
        )
    name = "fragments/edit_form.html" if request.headers.get("hx-request") else "edit_message.html"
    return page(request, name, viewer=viewer, convo=convo, m=found[0])


@router.post("/chats/{chat_id}/messages/{message_id}/edit")
async def edit(
    request: Request, chat_id: int, message_id: int, viewer: ViewerDep, ctx: CtxDep, text: Text
) -> Response:
    await messages.edit_message(
        ctx, viewer.user_id, chat_id=chat_id, message_id=message_id, text=text
    )
    back = _back(request, chat_id, f"#m-{message_id}")
    return back or await _fragment(request, viewer, ctx, chat_id, message_id)


@router.post("/chats/{chat_id}/messages/{message_id}/delete")
async def delete(
    request: Request, chat_id: int, message_id: int, viewer: ViewerDep, ctx: CtxDep
) -> Response:
    await messages.delete_messages(ctx, viewer.user_id, chat_id=chat_id, message_ids=[message_id])
    return _back(request, chat_id) or HTMLResponse("")


@router.post("/chats/{chat_id}/messages/{message_id}/pin")
async def pin(
    request: Request,
    chat_id: int,
    message_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    pinned: Annotated[bool, Form()] = True,
) -> Response:
    await messages.pin_message(
        ctx, viewer.user_id, chat_id=chat_id, message_id=message_id, pinned=pinned
    )
    back = _back(request, chat_id, f"#m-{message_id}")
    return back or await _fragment(
        request, viewer, ctx, chat_id, message_id, headers={"HX-Trigger": "parley:pinned"}
    )


@router.post("/chats/{chat_id}/messages/{message_id}/button")
async def press_button(
    request: Request,
    chat_id: int,
    message_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    data: Annotated[str, Form(max_length=64)],
) -> Response:
    """An inline keyboard button under a bot's message: the bot's answer shows as a notice."""
    answer = await callbacks.press_button(
        ctx, viewer.user_id, chat_id=chat_id, message_id=message_id, data=data
    )
    text = answer.text or ("" if answer.answered else "The bot has not answered yet.")
    if not request.headers.get("hx-request"):
        return RedirectResponse(f"/chats/{chat_id}#m-{message_id}", status_code=303)
    if not text:
        return HTMLResponse("")
    return page(
        request,
        "fragments/flash.html",
        viewer=viewer,
        message=text,
        kind="error" if answer.show_alert else "ok",
        headers={"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"},
    )


@router.post("/upload/chats/{chat_id}")
async def send_file(
    request: Request,
    chat_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    file: Annotated[UploadFile, File()],
    caption: Annotated[str, Form(max_length=1024)] = "",
    random_id: Annotated[int | None, Form()] = None,
) -> Response:
    """A photo or a file from the composer (under /upload/, where larger bodies are allowed)."""
    kind = "photo" if (file.content_type or "").startswith("image/") else "document"
    upload = media.Upload(
        data=await file.read(), file_name=file.filename, mime_type=file.content_type
    )
    sent = await media.send_media(
        ctx,
        viewer.user_id,
        chat_id=chat_id,
        kind=kind,
        upload=upload,
        caption=caption,
        random_id=random_id,
    )
    back = _back(request, chat_id, f"#m-{sent.message.id}")
    return back or await _fragment(request, viewer, ctx, chat_id, sent.message.id)


@router.get("/chats/{chat_id}/messages/{message_id}/forward")
async def forward_page(
    request: Request, chat_id: int, message_id: int, viewer: ViewerDep, ctx: CtxDep
) -> Response:
    """Choose where to forward a message: any of your chats."""
    listing = await conversations.load_chat_list(ctx, viewer.user_id)
    return page(
        request,
        "forward.html",
        viewer=viewer,
        listing=listing,
        chat_id=chat_id,
        message_id=message_id,
    )


@router.post("/chats/{chat_id}/messages/{message_id}/forward")
async def forward(
    chat_id: int,
    message_id: int,
    viewer: ViewerDep,
    ctx: CtxDep,
    to_chat_id: Annotated[int, Form(ge=1)],
) -> Response:
    await messages.forward_messages(
        ctx, viewer.user_id, from_chat_id=chat_id, message_ids=[message_id], to_chat_id=to_chat_id
    )
    return RedirectResponse(f"/chats/{to_chat_id}", status_code=303)

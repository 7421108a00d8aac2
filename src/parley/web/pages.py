"""Rendering pages: one Jinja2 environment (autoescaped, strict about undefined names) over the
templates beside this module, the static files' cache-busting names, and the small filters
the templates share (times, names, service messages)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from parley.domain.messages import Message, MessageKind
from parley.domain.users import Role, User

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@cache
def _static_versions() -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:10]
        for p in STATIC.iterdir()
        if p.is_file()
    }


def static_url(name: str) -> str:
    """/static/NAME?v=HASH: browsers may cache static files for long and still see changes."""
    version = _static_versions().get(name, "0")
    return f"/static/{name}?v={version}"


def when(value: datetime | None, now: datetime | None = None) -> str:
    """A short time the way messengers show it: 14:05 today, Mon this week, 28 Nov 2026."""
    if value is None:
        return ""
    now = now or datetime.now(UTC)
    if value.date() == now.date():
        return value.strftime("%H:%M")
    if now - value < timedelta(days=6):
        return value.strftime("%a")
    return value.strftime("%-d %b %Y")


def iso(value: datetime | None) -> str:
    return "" if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def name_of(people: dict[int, User], user_id: int | None) -> str:
    if user_id is None:
        return "Parley"
    user = people.get(user_id)
    return user.display_name if user is not None else "Deleted account"


def initials(name: str) -> str:
    parts = [p for p in name.replace("(", " ").split() if p[:1].isalnum()]
    return ("".join(p[0] for p in parts[:2]) or "?").upper()


def hue(seed: int) -> int:
    """One of eight avatar colours, chosen by id so a person keeps theirs."""
    return seed % 8


_ACTIONS = {
    "chat_created": "{who} created the chat “{title}”",
    "member_joined": "{who} joined",
    "members_added": "{who} added {users}",
    "member_left": "{who} left",
    "member_removed": "{who} removed {users}",
    "title_changed": "{who} changed the title to “{title}”",
}


def service_text(message: Message, people: dict[int, User]) -> str:
    extra = message.extra
    action = str(extra.get("action", ""))
    users = ", ".join(name_of(people, u) for u in extra.get("user_ids", []) if isinstance(u, int))
    template = _ACTIONS.get(action, "{who}: " + action.replace("_", " "))
    return template.format(
        who=name_of(people, message.sender_id),
        users=users or "someone",
        title=extra.get("title", ""),
    )


def preview(message: Message | None, people: dict[int, User], limit: int = 80) -> str:
    if message is None:
        return ""
    if message.kind is MessageKind.SERVICE:
        return service_text(message, people)
    text = " ".join(message.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        static_url=static_url,
        name_of=name_of,
        service_text=service_text,
        preview=preview,
        Role=Role,
    )
    env.filters.update(when=when, iso=iso, initials=initials, hue=hue)
    return env


# Links to the consoles a role opens; the page modules of each console add theirs.
CONSOLES: list[tuple[Role, str, str]] = []


def nav_for(viewer: Any) -> list[tuple[str, str]]:
    """The header's links for this viewer: decided here from their roles, not in templates."""
    if viewer is None or not viewer.signed_in:
        return []
    links = [("/chats", "Chats"), ("/new", "New"), ("/join", "Join"), ("/settings", "Settings")]
    links += [(href, label) for role, href, label in CONSOLES if viewer.has_role(role)]
    return links


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def page(
    request: Request,
    name: str,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """A template rendered for this request: the viewer, their CSRF token and whether htmx
    asked (then templates may answer with just the fragment) are always in the context."""
    viewer = context.pop("viewer", None)
    html = render(
        name,
        request=request,
        viewer=viewer,
        csrf=viewer.csrf if viewer is not None else "",
        htmx=bool(request.headers.get("hx-request")),
        path=request.url.path,
        nav=nav_for(viewer),
        **context,
    )
    return HTMLResponse(html, status_code=status_code, headers=headers)

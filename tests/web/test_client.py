"""The client's pages over real HTTP: sign-in, the chat list, sending with random_id, edit,
delete, pin, create, join by username and invite link, profile and sessions."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable

from tests.bots import create_bot, eventually
from tests.helpers import Api
from tests.web.helpers import WebUser

Web = Callable[..., Awaitable[WebUser]]


async def me(user: WebUser) -> dict[str, object]:
    r = await user.http.get("/api/v1/me")  # the API takes the browser's cookie too
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_sign_in_with_phone_and_code_then_name(web: Web) -> None:
    browser = await web(signed_in=False)
    r = await browser.get("/chats")
    assert r.status_code == 303 and r.headers["location"] == "/signin?next=/chats"
    await browser.get("/signin")
    r = await browser.form("/signin/code", {"phone": "not a phone"})
    assert r.status_code == 400 and "international number" in r.text
    r = await browser.form("/signin/code", {"phone": "+9996617777", "next": "/chats"})
    assert r.status_code == 200 and 'name="code"' in r.text
    r = await browser.form("/signin", {"phone": "+9996617777", "code": "22222"})
    assert r.status_code == 400 and "the code is wrong" in r.text
    r = await browser.form("/signin", {"phone": "+9996617777", "code": "11111", "next": "/chats"})
    assert r.status_code == 303 and r.headers["location"] == "/welcome?next=/chats"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("parley_session=") and "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # dev over plain HTTP; prod sets Secure
    await browser.get("/welcome")
    r = await browser.form("/welcome", {"display_name": "Zoë Web", "next": "/chats"})
    assert r.status_code == 303 and r.headers["location"] == "/chats"
    assert (await me(browser))["display_name"] == "Zoë Web"
    r = await browser.get("/chats")
    assert r.status_code == 200 and "No chats yet" in r.text
    r = await browser.form("/signout")
    assert r.status_code == 303
    assert (await browser.get("/chats")).status_code == 303


async def test_chat_list_shows_unread_counts_and_last_message(web: Web, api: Api) -> None:
    alice = await web("Alice")
    bob = await api.signup("Bob")
    alice_id = int(str((await me(alice))["id"]))
    r = await api.post(bob, "/api/v1/chats/private", {"user_id": alice_id})
    chat_id = r.json()["id"]
    await api.send(bob, chat_id, "first")
    await api.send(bob, chat_id, "second <b>not bold</b>")
    page = (await alice.get("/chats")).text
    item = page[page.index(f'href="/chats/{chat_id}"') :]
    item = item[: item.index("</li>")]
    assert "Bob" in item and "second &lt;b&gt;not bold&lt;/b&gt;" in item
    assert re.search(r'class="badge">2<span class="visually-hidden"> unread', item)


async def test_send_edit_pin_delete_through_forms(web: Web) -> None:
    alice = await web("Alice")
    r = await alice.form("/new", {"kind": "group", "title": "Book club", "description": ""})
    assert r.status_code == 303
    chat_path = r.headers["location"]
    chat_id = int(chat_path.rsplit("/", 1)[1])
    page = (await alice.get(chat_path)).text
    random_id = re.search(r'name="random_id" value="(\d+)"', page)
    assert random_id is not None
    form = {"text": "Hello <script>", "random_id": random_id.group(1)}
    first = await alice.form(f"/chats/{chat_id}/messages", form)
    again = await alice.form(f"/chats/{chat_id}/messages", form)  # a retried submit
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    history = (await alice.http.get(f"/api/v1/chats/{chat_id}/messages")).json()
    texts = [m["text"] for m in history if m["kind"] == "text"]
    assert texts == ["Hello <script>"]
    message_id = history[0]["id"]
    page = (await alice.get(chat_path)).text
    assert "Hello &lt;script&gt;" in page and "Hello <script>" not in page

    r = await alice.htmx("POST", f"/chats/{chat_id}/messages/{message_id}/edit", {"text": "Hi"})
    assert r.status_code == 200 and f'id="m-{message_id}"' in r.text and "edited" in r.text
    r = await alice.htmx("POST", f"/chats/{chat_id}/messages/{message_id}/pin", {"pinned": "true"})
    assert r.status_code == 200 and r.headers["hx-trigger"] == "parley:pinned"
    bar = (await alice.get(f"/chats/{chat_id}/pinned")).text
    assert "Pinned message" in bar and "Hi" in bar
    r = await alice.htmx("POST", f"/chats/{chat_id}/messages/{message_id}/delete")
    assert r.status_code == 200
    r = await alice.get(f"/chats/{chat_id}/messages/{message_id}")
    assert r.status_code == 200 and r.text == ""


async def test_others_cannot_edit_or_read_private_chats(web: Web, api: Api) -> None:
    alice, eve = await web("Alice"), await web("Eve")
    r = await alice.form("/new", {"kind": "group", "title": "Secret plans"})
    chat_id = int(r.headers["location"].rsplit("/", 1)[1])
    r = await eve.get(f"/chats/{chat_id}", accept="text/html")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "Secret plans" not in r.text
    r = await eve.htmx("POST", f"/chats/{chat_id}/messages", {"text": "let me in"})
    assert r.status_code == 404 and r.headers["hx-retarget"] == "#flash"
    bob = await api.signup("Bob")
    public = await api.create_chat(bob, title="Open group", username="opengroup")
    sent = await api.send(bob, public["id"], "Bob's words")
    r = await eve.htmx("GET", f"/chats/{public['id']}/messages/{sent['id']}/edit")
    assert r.status_code == 403
    r = await eve.htmx("POST", f"/chats/{public['id']}/messages/{sent['id']}/edit", {"text": "x"})
    assert r.status_code == 403


async def test_join_by_username_and_by_invite_link(web: Web, api: Api) -> None:
    owner = await web("Owner")
    guest = await web("Guest")
    r = await owner.form(
        "/new", {"kind": "channel", "title": "Daily birds", "username": "dailybirds"}
    )
    channel_id = int(r.headers["location"].rsplit("/", 1)[1])
    r = await guest.form("/join", {"query": "@dailybirds"})
    assert r.status_code == 303 and r.headers["location"] == f"/chats/{channel_id}"
    page = (await guest.get(f"/chats/{channel_id}")).text
    assert "Subscribe" in page and 'id="composer"' not in page
    assert (await guest.form(f"/chats/{channel_id}/join")).status_code == 303
    page = (await guest.get(f"/chats/{channel_id}")).text
    assert "Only admins can post" in page

    r = await owner.form("/new", {"kind": "group", "title": "Family"})
    group_id = int(r.headers["location"].rsplit("/", 1)[1])
    await owner.get(f"/chats/{group_id}/info")
    r = await owner.form(f"/chats/{group_id}/invites", {"name": "cousins"})
    info = (await owner.get(f"/chats/{group_id}/info")).text
    link = re.search(r"(http://[^<]+/join/([A-Za-z0-9_-]+))</code>", info)
    assert link is not None
    r = await guest.form("/join", {"query": link.group(1)})
    assert r.status_code == 303 and r.headers["location"] == f"/join/{link.group(2)}"
    preview = (await guest.get(r.headers["location"])).text
    assert "Family" in preview and "Join group" in preview
    r = await guest.form(f"/join/{link.group(2)}")
    assert r.status_code == 303 and r.headers["location"] == f"/chats/{group_id}"
    assert 'id="composer"' in (await guest.get(f"/chats/{group_id}")).text
    listing = (await guest.get(f"/chats/{group_id}/members")).text
    assert "Owner" in listing and "Guest" in listing and ">owner<" in listing
    assert (await guest.get(f"/chats/{channel_id}/members")).status_code == 403
    assert "see the list" not in (await guest.get(f"/chats/{channel_id}/info")).text
    r = await guest.form("/join", {"query": "@nobody_here"})
    assert r.status_code == 404 and "nobody has this username" in r.text


async def test_profile_edit_and_sessions_revoke(web: Web) -> None:
    alice = await web("Alice")
    await alice.get("/settings")
    r = await alice.form(
        "/settings", {"display_name": "Alice M", "username": "alice_m", "bio": "hi"}
    )
    assert r.status_code == 303
    assert "Saved." in (await alice.get("/settings?saved=true")).text
    profile = await me(alice)
    assert (profile["display_name"], profile["username"], profile["bio"]) == (
        "Alice M",
        "alice_m",
        "hi",
    )
    r = await alice.form("/settings", {"display_name": "", "username": "x"})
    assert r.status_code in (400, 422)

    phone = str(profile["phone"])
    laptop = await web(signed_in=False)
    await laptop.sign_in(phone)
    page = (await alice.get("/settings/sessions")).text
    ids = re.findall(r'action="/settings/sessions/(\d+)/revoke"', page)
    assert len(ids) == 2
    current = re.search(
        r'action="/settings/sessions/(\d+)/revoke">\s*<input[^>]*>\s*<button[^>]*>Sign out', page
    )
    assert current is not None
    other = next(i for i in ids if i != current.group(1))
    r = await alice.form(f"/settings/sessions/{other}/revoke")
    assert r.status_code == 303 and r.headers["location"] == "/settings/sessions"
    r = await laptop.get("/chats")
    assert r.status_code == 303 and r.headers["location"].startswith("/signin")
    assert "parley_session=;" in r.headers.get("set-cookie", "")
    assert (await alice.get("/chats")).status_code == 200


async def test_history_pages_and_the_page_around_a_message(web: Web, api: Api) -> None:
    alice = await web("Alice")
    bob = await api.signup("Bob")
    alice_id = int(str((await me(alice))["id"]))
    chat_id = (await api.post(bob, "/api/v1/chats/private", {"user_id": alice_id})).json()["id"]
    sent = [await api.send(bob, chat_id, f"note number {i}") for i in range(60)]
    page = (await alice.get(f"/chats/{chat_id}")).text
    assert f'id="m-{sent[-1]["id"]}"' in page and f'id="m-{sent[0]["id"]}"' not in page
    older = re.search(r'hx-get="(/chats/\d+/older\?before=\d+)"', page)
    assert older is not None and "Jump to the latest" not in page
    fragment = (await alice.htmx("GET", older.group(1))).text
    assert f'id="m-{sent[0]["id"]}"' in fragment and "<html" not in fragment
    around = (await alice.get(f"/chats/{chat_id}?around={sent[5]['id']}")).text
    assert f'id="m-{sent[5]["id"]}"' in around and f'id="m-{sent[-1]["id"]}"' not in around
    assert "Jump to the latest messages" in around and 'data-newest="0"' in around


async def test_inline_buttons_under_a_bots_message(web: Web, api: Api) -> None:
    owner = await api.signup("Owner")
    bot = await create_bot(api, owner, "web_button_bot")
    ann = await web("Ann")
    ann_id = int(str((await me(ann))["id"]))
    r = await ann.form(f"/u/{bot.id}/message")
    chat_path = r.headers["location"]
    markup = {
        "inline_keyboard": [
            [
                {"text": "Go", "callback_data": "go"},
                {"text": "Site", "url": "https://example.org/x"},
            ]
        ]
    }
    sent = await bot.call("sendMessage", chat_id=ann_id, text="Choose", reply_markup=markup)
    page = (await ann.get(chat_path)).text
    assert 'name="data" value="go"' in page and 'href="https://example.org/x"' in page
    assert 'rel="noopener noreferrer nofollow"' in page

    async def bot_answers() -> None:
        updates = await eventually(bot.updates)
        query = updates[-1]["callback_query"]
        await bot.call("answerCallbackQuery", callback_query_id=query["id"], text="Going!")

    answering = asyncio.create_task(bot_answers())
    r = await ann.htmx("POST", f"{chat_path}/messages/{sent['message_id']}/button", {"data": "go"})
    await answering
    assert r.status_code == 200 and "Going!" in r.text and r.headers["hx-retarget"] == "#flash"
    r = await ann.htmx("POST", f"{chat_path}/messages/{sent['message_id']}/button", {"data": "x"})
    assert r.status_code == 400


async def test_photos_show_and_documents_download_safely(web: Web, api: Api) -> None:
    import io

    from PIL import Image

    ann = await web("Ann")
    bob = await api.signup("Bob")
    ann_id = int(str((await me(ann))["id"]))
    chat_id = (await api.post(bob, "/api/v1/chats/private", {"user_id": ann_id})).json()["id"]
    buf = io.BytesIO()
    Image.new("RGB", (1200, 600), (30, 120, 200)).save(buf, format="PNG")
    photo = (
        await api.http.post(
            "/api/v1/media",
            headers=bob.headers,
            data={"kind": "photo"},
            files={"file": ("p.png", buf.getvalue(), "image/png")},
        )
    ).json()
    await api.post(
        bob,
        f"/api/v1/chats/{chat_id}/messages",
        {"text": "the lake", "file_id": photo["sizes"][-1]["file_id"]},
    )
    html = b"<html><script src='/x.js'></script></html>"
    doc = (
        await api.http.post(
            "/api/v1/media",
            headers=bob.headers,
            data={"kind": "document"},
            files={"file": ("page.html", html, "text/html")},
        )
    ).json()
    await api.post(
        bob, f"/api/v1/chats/{chat_id}/messages", {"text": "notes", "file_id": doc["file_id"]}
    )
    page = (await ann.get(f"/chats/{chat_id}")).text
    shown = re.search(r'<img src="/api/v1/media/([^"]+)" width="(\d+)"', page)
    assert shown is not None and int(shown.group(2)) <= 800 and 'alt="Photo: the lake"' in page
    r = await ann.http.get(f"/api/v1/media/{shown.group(1)}")
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    assert f'href="/api/v1/media/{doc["file_id"]}" download' in page
    r = await ann.http.get(f"/api/v1/media/{doc['file_id']}")
    assert r.content == html and r.headers["content-type"] == "application/octet-stream"
    assert r.headers["content-disposition"].startswith("attachment;")
    assert "sandbox" in r.headers["content-security-policy"]


async def test_sending_a_photo_from_the_composer(web: Web, api: Api) -> None:
    import io

    from PIL import Image

    ann = await web("Ann")
    r = await ann.form("/new", {"kind": "group", "title": "Photos"})
    chat_path = r.headers["location"]
    chat_id = int(chat_path.rsplit("/", 1)[1])
    page = (await ann.get(chat_path)).text
    assert f'action="/upload/chats/{chat_id}"' in page
    buf = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 80, 40)).save(buf, format="PNG")
    big = buf.getvalue() + b"\0" * (1_200_000)  # over the 1 MiB limit of ordinary requests
    files = {"file": ("sunset.png", big, "image/png")}
    data = {"csrf_token": ann.csrf, "random_id": "77", "caption": "sunset"}
    r = await ann.http.post(
        f"/upload/chats/{chat_id}",
        data=data,
        files=files,
        headers={"HX-Request": "true", "Origin": ann.base_url},
    )
    assert r.status_code == 200, r.text
    assert '<img src="/api/v1/media/' in r.text and "sunset" in r.text
    again = await ann.http.post(
        f"/upload/chats/{chat_id}", data=data, files=files, headers={"Origin": ann.base_url}
    )
    assert again.status_code == 303
    history = (await ann.http.get(f"/api/v1/chats/{chat_id}/messages")).json()
    assert [m["text"] for m in history if m["media"]] == ["sunset"]  # the retry posted nothing
    r = await ann.http.post(
        f"/upload/chats/{chat_id}",
        data={"random_id": "78"},
        files=files,
        headers={"Origin": ann.base_url},
    )
    assert r.status_code == 403  # no CSRF token


async def test_admins_edit_the_chat_and_manage_members(web: Web, api: Api) -> None:
    owner, carol, dan = await web("Owner"), await web("Carol"), await web("Dan")
    r = await owner.form(
        "/new", {"kind": "group", "title": "Garden club", "username": "gardenclub"}
    )
    chat_id = int(r.headers["location"].rsplit("/", 1)[1])
    for person in (carol, dan):
        assert (await person.form(f"/chats/{chat_id}/join")).status_code == 303
    await owner.get(f"/chats/{chat_id}/info")
    r = await owner.form(
        f"/chats/{chat_id}/edit",
        {
            "title": "Garden & seeds club",
            "description": "Swap seeds",
            "username": "gardenclub",
            "slow_mode_seconds": "30",
        },
    )
    assert r.status_code == 303
    info = (await owner.get(f"/chats/{chat_id}/info?saved=true")).text
    assert "Garden &amp; seeds club" in info and "Saved." in info and 'value="30" selected' in info
    assert 'id="edit"' not in (await carol.get(f"/chats/{chat_id}/info")).text
    assert (await carol.form(f"/chats/{chat_id}/edit", {"title": "Mine"})).status_code == 403

    carol_id = int(str((await me(carol))["id"]))
    dan_id = int(str((await me(dan))["id"]))
    listing = (await owner.get(f"/chats/{chat_id}/members")).text
    assert f'/members/{carol_id}/promote"' in listing
    assert "Make admin" not in (await carol.get(f"/chats/{chat_id}/members")).text
    r = await carol.form(f"/chats/{chat_id}/members/{dan_id}/remove")
    assert r.status_code == 403
    assert (await owner.form(f"/chats/{chat_id}/members/{carol_id}/promote")).status_code == 303
    assert ">admin<" in (await owner.get(f"/chats/{chat_id}/members")).text
    await carol.get(f"/chats/{chat_id}/members")
    assert (await carol.form(f"/chats/{chat_id}/members/{dan_id}/ban")).status_code == 303
    assert (await dan.get(f"/chats/{chat_id}")).status_code == 404
    r = await owner.form(f"/chats/{chat_id}/members/{dan_id}/fly")
    assert r.status_code == 400


async def test_forward_a_message_to_another_chat(web: Web, api: Api) -> None:
    ann = await web("Ann")
    bob = await api.signup("Bob")
    ann_id = int(str((await me(ann))["id"]))
    dm = (await api.post(bob, "/api/v1/chats/private", {"user_id": ann_id})).json()
    sent = await api.send(bob, dm["id"], "worth sharing")
    r = await ann.form("/new", {"kind": "group", "title": "Friends"})
    group_id = int(r.headers["location"].rsplit("/", 1)[1])
    choose = (await ann.get(f"/chats/{dm['id']}/messages/{sent['id']}/forward")).text
    assert f'value="{group_id}"' in choose and "Friends" in choose
    r = await ann.form(f"/chats/{dm['id']}/messages/{sent['id']}/forward", {"to_chat_id": group_id})
    assert r.status_code == 303 and r.headers["location"] == f"/chats/{group_id}"
    page = (await ann.get(f"/chats/{group_id}")).text
    assert "Forwarded from Bob" in page and "worth sharing" in page

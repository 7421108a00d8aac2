"""Global search: public chats, users and messages, and a person's own chats.

The index proposes ranked candidates; every hit is then checked against the store before it
is shown, so a moderation action (quarantining a message, delisting a chat, banning a user)
takes effect in search the moment it is written, whatever the index's lag. Hidden hits are
skipped and the search reads on until a page is full. Global searches are counted, without
who asked, for moderators' "top queries" view."""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import astuple, dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from parley.domain.clock import from_ms, to_ms
from parley.domain.errors import InvalidInput, NotFound, RateLimited
from parley.domain.phones import normalize_phone
from parley.domain.users import User, UserStatus
from parley.search.protocol import BadCursor, HitPage, MessageQuery, PeerKind, PeerQuery
from parley.search.query import ParsedQuery, parse_query
from parley.services import search_log
from parley.services.context import Ctx
from parley.services.search_index import Progress, search_runtime
from parley.services.search_rules import (
    MESSAGE_SCOPES,
    Found,
    FoundUser,
    Scope,
    SearchRequest,
    visible,
)
from parley.store.search_stats import QueryCount
from parley.store.tx import Tx

LIMIT_MAX = 50
GLOBAL_PEERS_MAX = 5  # chats and people leading the first page of a global search
ROUNDS_MAX = 4  # engine pages read for one result page before answering with what was found
FETCH_SLACK = 5  # hits read beyond a page, for the few that the store check may hide
CURSOR_MAX = 512
LOGGED_SCOPES = frozenset({Scope.GLOBAL, Scope.MESSAGES, Scope.CHATS})


@dataclass(frozen=True, slots=True)
class SearchPage:
    results: list[Found]
    next_cursor: str | None


async def _flood(ctx: Ctx, user_id: int) -> None:
    limit = ctx.settings.search_per_user_per_minute
    wait = await ctx.limiter.take(f"search:user:{user_id}", limit=limit, window=60)
    if wait:
        raise RateLimited("you are searching too fast", retry_after=wait)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


async def search(
    ctx: Ctx,
    user_id: int,
    *,
    q: str,
    scope: Scope = Scope.GLOBAL,
    chat: str | None = None,
    sender: str | None = None,
    after: datetime | None = None,
    before: datetime | None = None,
    cursor: str | None = None,
    limit: int = 20,
) -> SearchPage:
    """One page of results, best first, and a cursor for the next page (None at the end).

    `chat` and `sender` take an id or an @username; `after` (inclusive) and `before`
    (exclusive) bound message dates. Filters apply to message scopes only."""
    await _flood(ctx, user_id)
    text = parse_query(q)
    if not 1 <= limit <= LIMIT_MAX:
        raise InvalidInput(f"limit must be 1–{LIMIT_MAX}", code="invalid_limit")
    after, before = _utc(after), _utc(before)
    filtered = chat is not None or sender is not None or after is not None or before is not None
    if filtered and scope not in MESSAGE_SCOPES:
        raise InvalidInput("chat, from, after and before filter message searches",
                           code="invalid_filter")  # fmt: skip
    if after is not None and before is not None and after >= before:
        raise InvalidInput("`after` must be earlier than `before`", code="invalid_filter")
    fingerprint = _fingerprint(scope, text, chat, sender, after, before)
    resume = _decode_cursor(ctx, cursor, fingerprint) if cursor is not None else None
    now = from_ms(resume[1]) if resume is not None else ctx.clock.now()

    def prepare(tx: Tx) -> tuple[frozenset[int], int | None, int | None]:
        wanted = scope in (Scope.MINE, Scope.MESSAGES, Scope.CHATS)
        mine = frozenset(tx.members.chat_ids_of(user_id)) if wanted else frozenset()
        return mine, _resolve_chat(tx, chat), _resolve_user(tx, sender)

    if scope is Scope.GLOBAL and chat is None and sender is None:
        member_chats, chat_id, sender_id = frozenset[int](), None, None  # nothing to look up
    else:
        member_chats, chat_id, sender_id = await ctx.db.read(prepare)
    request = SearchRequest(
        user_id=user_id, scope=scope, text=text, member_chats=member_chats, chat_id=chat_id,
        sender_id=sender_id, after=after, before=before, now=now,
    )  # fmt: skip
    if scope is Scope.USERS and text.phone is not None:
        results = [] if resume is not None else await _by_phone(ctx, user_id, text.phone)
        page = SearchPage(results=results, next_cursor=None)
    elif scope is Scope.GLOBAL and resume is None and not filtered and limit > 1:
        # The first page of a global search leads with the chats and people that match, as a
        # search box's first answer does; the messages fill the rest, and go on page by page.
        # Both engine reads and their store check share one round.
        reserve = min(GLOBAL_PEERS_MAX, limit // 2)
        messages_query = _message_query(request)
        (_, peers_seen), first = await _rounds(ctx, request, [
            (_peer_query(request), None, reserve + FETCH_SLACK),
            (messages_query, None, limit + FETCH_SLACK),
        ])  # fmt: skip
        peers = [found for found in peers_seen if found is not None][:reserve]
        messages = await _collect(ctx, request, messages_query, None, limit, first=first)
        page = messages.page(ctx, fingerprint, now, keep=limit - len(peers))
        page = SearchPage(peers + page.results, page.next_cursor)
    else:
        target = _message_query(request) if scope in MESSAGE_SCOPES else _peer_query(request)
        got = await _collect(ctx, request, target, resume[0] if resume else None, limit)
        page = got.page(ctx, fingerprint, now, keep=limit)
    if scope in LOGGED_SCOPES and resume is None and page.results and text.phone is None:
        search_runtime(ctx).log.count(now, text.normalized)
    return page


def _message_query(request: SearchRequest) -> MessageQuery:
    return MessageQuery(
        text=request.text,
        public=request.scope is not Scope.MINE,
        member_chats=request.member_chats if request.scope is not Scope.GLOBAL else frozenset(),
        chat_id=request.chat_id, sender_id=request.sender_id, after=request.after,
        before=request.before,
    )  # fmt: skip


def _peer_query(request: SearchRequest) -> PeerQuery:
    kinds = {Scope.CHATS: {PeerKind.CHAT}, Scope.USERS: {PeerKind.USER}}.get(
        request.scope, {PeerKind.CHAT, PeerKind.USER}
    )
    return PeerQuery(text=request.text, kinds=frozenset(kinds), member_chats=request.member_chats)


@dataclass(slots=True)
class _Collected:
    results: list[Found]
    afters: list[str]  # the engine's cursor right after each result
    resume_at: str | None  # where the next page starts; None when there is nothing more

    def page(self, ctx: Ctx, fingerprint: str, now: datetime, keep: int) -> SearchPage:
        """The first `keep` results, and a cursor that resumes right after the last of them."""
        if keep < len(self.results):
            after = self.afters[keep - 1]
            return SearchPage(self.results[:keep], _encode_cursor(ctx, fingerprint, after, now))
        resume = self.resume_at
        cursor = None if resume is None else _encode_cursor(ctx, fingerprint, resume, now)
        return SearchPage(self.results, cursor)


async def _collect(
    ctx: Ctx,
    request: SearchRequest,
    target: MessageQuery | PeerQuery,
    after: str | None,
    limit: int,
    *,
    first: _Round | None = None,
) -> _Collected:
    """Read engine pages and keep the hits the store says the searcher may see (`first`: a
    first round already read)."""
    got = _Collected([], [], after)
    fetch = limit + FETCH_SLACK
    for number in range(ROUNDS_MAX):
        if number == 0 and first is not None:
            page, seen = first
        else:
            ((page, seen),) = await _rounds(ctx, request, [(target, got.resume_at, fetch)])
        for hit, found in zip(page.hits, seen, strict=True):
            got.resume_at = hit.after
            if found is not None:
                got.results.append(found)
                got.afters.append(hit.after)
                if len(got.results) == limit:
                    break
        if page.exhausted and (not page.hits or page.hits[-1].after == got.resume_at):
            got.resume_at = None  # read to the end
            return got
        if len(got.results) == limit:
            return got
        fetch = min(4 * limit + 10, 200)  # hidden hits met: read further ahead
    return got  # many hidden hits in a row: the cursor reads on from the last one


_Round = tuple[HitPage, list[Found | None]]
_Ask = tuple[MessageQuery | PeerQuery, str | None, int]  # what, from which cursor, how many


async def _rounds(ctx: Ctx, request: SearchRequest, asks: list[_Ask]) -> list[_Round]:
    """Engine pages and what the store lets the searcher see of them: one trip to a worker
    thread and one read transaction for all of them."""
    runtime = search_runtime(ctx)
    index = runtime.index

    def run() -> list[_Round]:
        pages = [
            index.search_messages(target, after=after, limit=limit, now=request.now)
            if isinstance(target, MessageQuery)
            else index.search_peers(target, after=after, limit=limit)
            for target, after, limit in asks
        ]
        hits = [hit for page in pages for hit in page.hits]
        seen = ctx.db.read_sync(partial(visible, request=request, hits=hits)) if hits else []
        out: list[_Round] = []
        at = 0
        for page in pages:
            out.append((page, seen[at : at + len(page.hits)]))
            at += len(page.hits)
        return out

    try:
        return await asyncio.get_running_loop().run_in_executor(runtime.pool, run)
    except BadCursor as error:  # signed by us, but no longer fits the index
        raise InvalidInput("this cursor is no longer valid; search again",
                           code="invalid_cursor") from error  # fmt: skip


async def _by_phone(ctx: Ctx, user_id: int, phone: str) -> list[Found]:
    """A phone number finds its owner only when they allowed it (or it is the searcher's)."""
    try:
        e164 = normalize_phone(phone, allow_test_numbers=ctx.settings.is_dev)
    except InvalidInput:
        return []
    phone_hash = ctx.cipher.blind_index("phone", e164)

    def run(tx: Tx) -> User | None:
        found = tx.users.id_by_phone_hash(phone_hash)
        return None if found is None else tx.users.get(found)

    user = await ctx.db.read(run)
    if user is None or user.status is UserStatus.BANNED:
        return []
    if not user.phone_searchable and user.id != user_id:
        return []
    return [FoundUser(user=user, score=1.0)]


def _resolve_chat(tx: Tx, raw: str | None) -> int | None:
    if raw is None:
        return None
    value = raw.strip()
    if value.isdigit() and len(value) <= 18:
        return int(value)
    name = value.removeprefix("@")
    chat = tx.chats.by_username(name) if 0 < len(name) <= 32 else None
    if chat is None:
        raise NotFound("chat not found", code="chat_not_found")
    return chat.id


def _resolve_user(tx: Tx, raw: str | None) -> int | None:
    if raw is None:
        return None
    value = raw.strip()
    if value.isdigit() and len(value) <= 18:
        return int(value)
    name = value.removeprefix("@")
    user = tx.users.by_username(name) if 0 < len(name) <= 32 else None
    if user is None:
        raise NotFound("user not found", code="user_not_found")
    return user.id


# -- cursors --------------------------------------------------------------------------------
def _fingerprint(scope: Scope, text: ParsedQuery, *parts: Any) -> str:
    """Binds a cursor to the search that made it: another query cannot reuse it."""
    raw = json.dumps([scope.value, repr(text), [str(p) for p in parts]], ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _cursor_key(ctx: Ctx) -> bytes:
    return hmac.new(ctx.secret, b"parley-search-cursor", hashlib.sha256).digest()


def _encode_cursor(ctx: Ctx, fingerprint: str, after: str, now: datetime) -> str:
    payload = json.dumps({"f": fingerprint, "a": after, "t": to_ms(now)},
                         separators=(",", ":")).encode()  # fmt: skip
    mac = hmac.new(_cursor_key(ctx), payload, hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(payload + mac).decode().rstrip("=")


def _decode_cursor(ctx: Ctx, cursor: str, fingerprint: str) -> tuple[str, int]:
    bad = InvalidInput("this cursor is not valid for this search", code="invalid_cursor")
    if not cursor or len(cursor) > CURSOR_MAX or not cursor.isascii():
        raise bad
    try:
        blob = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except (binascii.Error, ValueError):
        raise bad from None
    payload, mac = blob[:-16], blob[-16:]
    expected = hmac.new(_cursor_key(ctx), payload, hashlib.sha256).digest()[:16]
    if len(blob) <= 16 or not hmac.compare_digest(mac, expected):
        raise bad
    try:
        data = json.loads(payload)
        after, stamp, fp = data["a"], data["t"], data["f"]
    except (ValueError, KeyError, TypeError):
        raise bad from None
    if fp != fingerprint or not isinstance(after, str) or not isinstance(stamp, int):
        raise bad
    return after, stamp


# -- moderators ------------------------------------------------------------------------------
async def top_queries(
    ctx: Ctx, *, days: int = 7, limit: int = 50
) -> tuple[datetime, list[QueryCount]]:
    """What global search was most used for over the last `days` days: normalized query
    text and how often, never who asked. For moderators (the route checks the role)."""
    return await search_log.top_queries(ctx, search_runtime(ctx).log, days=days, limit=limit)


async def rebuild_index(ctx: Ctx, *, progress: Progress | None = None) -> None:
    """Build the index again from the store (`parley search reindex`). Needs this process to
    hold the index for writing."""
    await search_runtime(ctx).require_indexer().rebuild(progress)


async def index_stats(ctx: Ctx) -> dict[str, Any]:
    stats = search_runtime(ctx).index.stats()
    return {
        "messages_public": stats.messages_public, "messages_private": stats.messages_private,
        "peers": stats.peers, "bytes_on_disk": stats.bytes_on_disk, "writable": stats.writable,
        "event_position": list(astuple(stats.position.events)) if stats.position else None,
        "outbox_position": list(astuple(stats.position.outbox)) if stats.position else None,
    }  # fmt: skip

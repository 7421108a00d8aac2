"""The search index's contract: documents in, ranked keys out.

The index is a derived, rebuildable copy of the store. It answers with keys and scores only;
the service loads the rows and applies the visibility rules against the store for the hits it
returns, so the index may lag or hold hidden content without anyone seeing it. A backend
implements this Protocol: the embedded Tantivy index now, one for the scaled deployment later.

Messages are filed as public (in a listed public group or channel when indexed) or private;
global search reads only the public file, so private content cannot reach it through the
index at all, and the store check then holds the rest of the rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from parley.domain.events import EventPosition
from parley.search.query import ParsedQuery


class BadCursor(ValueError):
    """A cursor this index did not make, or no longer understands."""


class PeerKind(StrEnum):
    USER = "user"
    CHAT = "chat"


@dataclass(frozen=True, slots=True)
class MessageKey:
    chat_id: int
    message_id: int


@dataclass(frozen=True, slots=True)
class PeerKey:
    kind: PeerKind
    id: int


@dataclass(frozen=True, slots=True)
class MessageDoc:
    chat_id: int
    message_id: int
    sender_id: int | None
    text: str
    date_ms: int  # milliseconds since the epoch, as the store keeps dates
    public: bool  # filed for global search: the chat was public and listed when indexed
    chat_size: int  # the chat's member count when indexed (a ranking boost)

    @property
    def key(self) -> MessageKey:
        return MessageKey(self.chat_id, self.message_id)


@dataclass(frozen=True, slots=True)
class PeerDoc:
    """A user (by username and display name) or a group or channel (by username, title and
    description)."""

    kind: PeerKind
    id: int
    username: str | None
    name: str
    about: str = ""
    size: int = 0  # member count of a chat
    public: bool = True  # users, and public listed chats; other chats only for their members

    @property
    def key(self) -> PeerKey:
        return PeerKey(self.kind, self.id)


@dataclass(slots=True)
class Batch:
    """Changes to apply together; removals of a chat's messages go before the upserts."""

    messages: list[MessageDoc] = field(default_factory=list)
    removed_messages: list[MessageKey] = field(default_factory=list)
    removed_chats: list[int] = field(default_factory=list)  # every message of these chats
    peers: list[PeerDoc] = field(default_factory=list)
    removed_peers: list[PeerKey] = field(default_factory=list)

    def __len__(self) -> int:
        return (len(self.messages) + len(self.removed_messages) + len(self.removed_chats)
                + len(self.peers) + len(self.removed_peers))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Position:
    """How far into the store's change feeds (the chat event sequence and the search outbox)
    the index has applied; commit-safe positions, see store/feeds.py."""

    events: EventPosition = field(default_factory=EventPosition)
    outbox: EventPosition = field(default_factory=EventPosition)

    def covers(self, other: Position) -> bool:
        return self.events >= other.events and self.outbox >= other.outbox


@dataclass(frozen=True, slots=True)
class MessageQuery:
    """Messages matching `text` that are filed public (when `public`) or belong to one of
    `member_chats`, narrowed by the optional filters."""

    text: ParsedQuery
    public: bool = True
    member_chats: frozenset[int] = frozenset()
    chat_id: int | None = None
    sender_id: int | None = None
    after: datetime | None = None  # inclusive
    before: datetime | None = None  # exclusive


@dataclass(frozen=True, slots=True)
class PeerQuery:
    """Users and/or chats matching `text`: public ones, and chats in `member_chats`."""

    text: ParsedQuery
    kinds: frozenset[PeerKind] = frozenset({PeerKind.USER, PeerKind.CHAT})
    member_chats: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Hit:
    key: MessageKey | PeerKey
    score: float
    after: str  # the backend's cursor that resumes right after this hit


@dataclass(frozen=True, slots=True)
class HitPage:
    hits: list[Hit]
    exhausted: bool  # nothing more after the last hit


@dataclass(frozen=True, slots=True)
class IndexStats:
    messages_public: int
    messages_private: int
    peers: int
    bytes_on_disk: int
    position: Position | None
    writable: bool


class SearchIndex(Protocol):
    writable: bool

    def apply(self, batch: Batch) -> None:
        """Stage changes (upserts replace a document by its key); searchable after commit."""
        ...

    def commit(self, position: Position) -> None:
        """Make staged changes durable and searchable, and record how far they reach."""
        ...

    def position(self) -> Position | None:
        """The last committed position, or None when the index was never built."""
        ...

    def filed_public(self, chat_id: int) -> bool | None:
        """How the chat's messages are filed now (None: the chat has no document)."""
        ...

    def clear(self) -> None:
        """Drop every document (before a rebuild); committed with the next commit."""
        ...

    def search_messages(
        self, query: MessageQuery, *, after: str | None, limit: int, now: datetime
    ) -> HitPage:
        """Best first; `now` anchors the recency boost so every page ranks alike."""
        ...

    def search_peers(self, query: PeerQuery, *, after: str | None, limit: int) -> HitPage: ...

    def stats(self) -> IndexStats: ...

    def close(self) -> None: ...

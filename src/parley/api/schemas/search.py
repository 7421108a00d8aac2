from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from parley.api.schemas.messages import MessageOut, message_out
from parley.api.schemas.users import UserOut, user_out
from parley.domain.chats import Chat, ChatKind
from parley.domain.users import User
from parley.services.search import SearchPage
from parley.services.search_rules import Found, FoundChat, FoundMessage, FoundUser
from parley.store.search_stats import QueryCount


class SearchChatOut(BaseModel):
    """Enough to open the chat: its id, and for public chats the @username of its link."""

    id: int
    kind: str
    title: str
    username: str | None
    description: str
    is_public: bool
    member_count: int
    is_member: bool = Field(description="whether the searcher belongs to the chat")


class MessageResult(BaseModel):
    kind: Literal["message"] = "message"
    score: float = Field(description="relevance: higher is better; comparable within one search")
    message: MessageOut
    chat: SearchChatOut
    sender: UserOut | None


class ChatResult(BaseModel):
    kind: Literal["chat"] = "chat"
    score: float
    chat: SearchChatOut


class UserResult(BaseModel):
    kind: Literal["user"] = "user"
    score: float
    user: UserOut


SearchResult = MessageResult | ChatResult | UserResult


class SearchOut(BaseModel):
    results: list[SearchResult] = Field(
        description="best first; each `kind` says which of message, chat or user it holds"
    )
    next_cursor: str | None = Field(
        description="pass as `cursor` with the same query for the next page; null at the end"
    )


class QueryCountOut(BaseModel):
    query: str
    count: int


class TopQueriesOut(BaseModel):
    since: datetime
    queries: list[QueryCountOut]


def _chat(chat: Chat, *, is_member: bool, peer: User | None = None) -> SearchChatOut:
    title = peer.display_name if chat.kind is ChatKind.PRIVATE and peer else chat.title
    return SearchChatOut(id=chat.id, kind=chat.kind.value, title=title, username=chat.username,
                         description=chat.description, is_public=chat.is_public,
                         member_count=chat.member_count, is_member=is_member)  # fmt: skip


def result_out(found: Found) -> SearchResult:
    if isinstance(found, FoundMessage):
        is_member = found.member is not None and found.member.is_active
        return MessageResult(
            score=round(found.score, 4), message=message_out(found.message),
            chat=_chat(found.chat, is_member=is_member, peer=found.peer),
            sender=user_out(found.sender) if found.sender is not None else None,
        )  # fmt: skip
    if isinstance(found, FoundChat):
        is_member = found.member is not None and found.member.is_active
        return ChatResult(score=round(found.score, 4), chat=_chat(found.chat, is_member=is_member))
    assert isinstance(found, FoundUser)
    return UserResult(score=round(found.score, 4), user=user_out(found.user))


def search_out(page: SearchPage) -> SearchOut:
    return SearchOut(results=[result_out(f) for f in page.results], next_cursor=page.next_cursor)


def top_queries_out(since: datetime, found: list[QueryCount]) -> TopQueriesOut:
    queries = [QueryCountOut(query=q.query, count=q.count) for q in found]
    return TopQueriesOut(since=since, queries=queries)

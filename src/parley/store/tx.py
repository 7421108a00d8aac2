"""A transaction with one repository per aggregate, handed to service functions."""

from __future__ import annotations

from functools import cached_property

from sqlalchemy.engine import Connection

from parley.store.audit import AuditRepo
from parley.store.chats import ChatsRepo, InvitesRepo, MembersRepo
from parley.store.codes import CodesRepo
from parley.store.events import EventsRepo
from parley.store.messages import MessagesRepo
from parley.store.search_feed import SearchFeedRepo
from parley.store.search_stats import SearchStatsRepo
from parley.store.sessions import SessionsRepo
from parley.store.users import UsersRepo
from parley.store.violations import ViolationsRepo


class Tx:
    """Repositories share one connection and so one transaction. Built per call; cheap."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @cached_property
    def users(self) -> UsersRepo:
        return UsersRepo(self.conn)

    @cached_property
    def sessions(self) -> SessionsRepo:
        return SessionsRepo(self.conn)

    @cached_property
    def codes(self) -> CodesRepo:
        return CodesRepo(self.conn)

    @cached_property
    def chats(self) -> ChatsRepo:
        return ChatsRepo(self.conn)

    @cached_property
    def members(self) -> MembersRepo:
        return MembersRepo(self.conn)

    @cached_property
    def invites(self) -> InvitesRepo:
        return InvitesRepo(self.conn)

    @cached_property
    def messages(self) -> MessagesRepo:
        return MessagesRepo(self.conn)

    @cached_property
    def events(self) -> EventsRepo:
        return EventsRepo(self.conn)

    @cached_property
    def audit(self) -> AuditRepo:
        return AuditRepo(self.conn)

    @cached_property
    def violations(self) -> ViolationsRepo:
        return ViolationsRepo(self.conn)

    @cached_property
    def search_feed(self) -> SearchFeedRepo:
        return SearchFeedRepo(self.conn)

    @cached_property
    def search_stats(self) -> SearchStatsRepo:
        return SearchStatsRepo(self.conn)

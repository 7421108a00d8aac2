"""A transaction with one repository per aggregate, handed to service functions."""

from __future__ import annotations

from functools import cached_property

from sqlalchemy.engine import Connection

from parley.store.audit import AuditRepo
from parley.store.bots import BotsRepo
from parley.store.cases import CasesRepo, ReportsRepo
from parley.store.chats import ChatsRepo, InvitesRepo, MembersRepo
from parley.store.codes import CodesRepo
from parley.store.cursors import CursorsRepo
from parley.store.decisions import AppealsRepo, DecisionsRepo
from parley.store.events import EventsRepo
from parley.store.hash_banks import HashBanksRepo
from parley.store.leases import LeasesRepo
from parley.store.legal_authorities import AuthoritiesRepo
from parley.store.legal_requests import LegalRequestsRepo
from parley.store.media import MediaRepo
from parley.store.messages import MessagesRepo
from parley.store.scan_queue import ScanQueueRepo
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
    def leases(self) -> LeasesRepo:
        return LeasesRepo(self.conn)

    @cached_property
    def cases(self) -> CasesRepo:
        return CasesRepo(self.conn)

    @cached_property
    def reports(self) -> ReportsRepo:
        return ReportsRepo(self.conn)

    @cached_property
    def decisions(self) -> DecisionsRepo:
        return DecisionsRepo(self.conn)

    @cached_property
    def appeals(self) -> AppealsRepo:
        return AppealsRepo(self.conn)

    @cached_property
    def hash_banks(self) -> HashBanksRepo:
        return HashBanksRepo(self.conn)

    @cached_property
    def cursors(self) -> CursorsRepo:
        return CursorsRepo(self.conn)

    @cached_property
    def scan_queue(self) -> ScanQueueRepo:
        return ScanQueueRepo(self.conn)

    @cached_property
    def bots(self) -> BotsRepo:
        return BotsRepo(self.conn)

    @cached_property
    def media(self) -> MediaRepo:
        return MediaRepo(self.conn)

    @cached_property
    def authorities(self) -> AuthoritiesRepo:
        return AuthoritiesRepo(self.conn)

    @cached_property
    def legal(self) -> LegalRequestsRepo:
        return LegalRequestsRepo(self.conn)

    @cached_property
    def search_feed(self) -> SearchFeedRepo:
        return SearchFeedRepo(self.conn)

    @cached_property
    def search_stats(self) -> SearchStatsRepo:
        return SearchStatsRepo(self.conn)

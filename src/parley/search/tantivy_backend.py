"""The embedded search index: Tantivy through its Python bindings, in `<PARLEY_DATA>/search/`.

Three Tantivy indexes ("spaces") live side by side: `public` (messages of public listed chats,
the only space global search reads), `private` (every other message, read only with a filter
on the searcher's own chats) and `peers` (users and group/channel chats). Keeping public
content in a space of its own lets a global query run as a bare term query, which Tantivy
answers with block-max WAND in about a millisecond, instead of intersecting every match of a
common word with a filter.

Ranking is two-stage: Tantivy returns candidates by bm25 in windows of RESCORE_WINDOW, and
each window is rescored with the boosts of parley.search.ranking (recency, chat size). Pages
are cut from those windows by offset, so paging is stable for a given index state; results end
at MAX_DEPTH per space. Text is folded and split by parley.search.text in Python, and Tantivy
only splits the result on spaces, so indexing and querying cannot disagree on a word.

One process writes (it holds `search.lock` beside the directory); others open the spaces
read-only and see commits as they land."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import stat
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import tantivy

from parley.domain.clock import to_ms
from parley.domain.events import EventPosition
from parley.search import ranking
from parley.search.protocol import (
    Batch,
    HitPage,
    IndexStats,
    MessageQuery,
    PeerKind,
    PeerQuery,
    Position,
)
from parley.search.query import ParsedQuery
from parley.search.tantivy_docs import (
    decode_message,
    decode_peer,
    message_document,
    message_key,
    message_schema,
    peer_document,
    peer_key,
    peer_kind_code,
    peer_schema,
)
from parley.search.windows import RESCORE_WINDOW, Stream, merge, parse_after

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
PREFIX_MIN = 2  # a shorter word being typed matches only itself in messages
EXPAND_SCAN = 4096  # index words looked at for one prefix
EXPAND_MAX = 16  # of which the most common are searched
Q = tantivy.Query
Must, Should = tantivy.Occur.Must, tantivy.Occur.Should


class IndexBusy(RuntimeError):
    """Another process holds the index for writing."""


class _Space:
    """One Tantivy index and, in the writing process, its writer."""

    def __init__(self, path: Path, schema: tantivy.Schema, *, heap_bytes: int, writable: bool,
                 visible: threading.RLock) -> None:  # fmt: skip
        self.path = path
        # Held while the reader reloads and while a searcher is taken: tantivy's Index refuses
        # a searcher ("Already mutably borrowed") to a thread that asks during a reload.
        self._visible = visible
        self.schema = schema
        self.writable = writable
        self._heap = heap_bytes
        self._writer: tantivy.IndexWriter | None = None
        self._index: tantivy.Index | None = None
        self.dirty = False

    @property
    def index(self) -> tantivy.Index:
        """Opened (or created, by the writer) on first use: most processes never search."""
        with self._visible:  # two threads' first use would open it twice
            if self._index is None:
                self._index = self._open()
            return self._index

    def _open(self) -> tantivy.Index:
        if not self.writable and not (self.path / "meta.json").exists():
            return tantivy.Index(self.schema)  # not ours to build: empty until there is something
        self.path.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        if self.writable:  # the writer shows its commits itself (TantivyIndex.commit)
            index.config_reader(reload_policy="Manual")
        return index

    @property
    def exists(self) -> bool:
        return self._index is not None or (self.path / "meta.json").exists()

    def writer(self) -> tantivy.IndexWriter:
        if not self.writable:
            raise IndexBusy("this process opened the search index read-only")
        if self._writer is None:
            with self._visible:  # opening the writer borrows the index as a reload does
                self._writer = self.index.writer(heap_size=self._heap, num_threads=1)
        self.dirty = True
        return self._writer

    def commit(self) -> bool:
        """Commit the writer's changes; this process's searchers see them after `reload`."""
        if self.dirty and self._writer is not None:
            self._writer.commit()
            self.dirty = False
            return True
        return False

    def reload(self) -> None:
        with self._visible:
            self.index.reload()

    def searcher(self) -> tantivy.Searcher:
        with self._visible:
            return self.index.searcher()

    def term(self, field: str, value: Any) -> tantivy.Query:
        return Q.term_query(self.schema, field, value)

    def close(self) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.rollback()
            writer.wait_merging_threads()

    def size_on_disk(self) -> int:
        if not self.path.exists():
            return 0
        return sum(_file_size(f) for f in self.path.iterdir())


def _file_size(path: Path) -> int:
    """A file's size, 0 for a directory or a file that a segment merge has just deleted."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


class TantivyIndex:
    """The SearchIndex of the embedded deployment (see the module docstring)."""

    def __init__(self, root: Path, *, heap_bytes: int = 64_000_000, writable: bool = True):
        self.root = root
        self.writable = writable
        self._lock: IO[str] | None = None
        # One lock for every space's reloads and searchers (see `commit`).
        self._visible = threading.RLock()
        if writable:
            self._lock = _take_lock(root)
        try:
            if writable and self._stored_position() is None and root.exists():
                self._wipe()  # never built, half built or built by another schema
            root.mkdir(parents=True, exist_ok=True)
            spaces = {"public": message_schema(), "private": message_schema(),
                      "peers": peer_schema()}  # fmt: skip
            self._spaces = {
                name: _Space(
                    root / name,
                    schema,
                    heap_bytes=heap_bytes,
                    writable=writable,
                    visible=self._visible,
                )
                for name, schema in spaces.items()
            }
        except BaseException:
            self._release()
            raise
        self._fresh = False

    @property
    def public(self) -> _Space:
        return self._spaces["public"]

    @property
    def private(self) -> _Space:
        return self._spaces["private"]

    @property
    def peers(self) -> _Space:
        return self._spaces["peers"]

    # -- writing -----------------------------------------------------------------------------
    def apply(self, batch: Batch) -> None:
        if not batch:
            return
        public, private, peers = self.public, self.private, self.peers
        if batch.messages or batch.removed_messages or batch.removed_chats:
            public_writer, private_writer = public.writer(), private.writer()
            both = (public_writer, private_writer)
            for chat_id in batch.removed_chats:
                for w in both:
                    w.delete_documents_by_term("chat", chat_id)
            for key in batch.removed_messages:
                for w in both:
                    w.delete_documents_by_term("key", message_key(key.chat_id, key.message_id))
            for doc in batch.messages:
                if not self._fresh:
                    for w in both:
                        w.delete_documents_by_term("key", message_key(doc.chat_id, doc.message_id))
                document = message_document(doc, public.schema)
                if document is not None:
                    (public_writer if doc.public else private_writer).add_document(document)
        if batch.peers or batch.removed_peers:
            writer = peers.writer()
            for pkey in batch.removed_peers:
                writer.delete_documents_by_term("key", peer_key(pkey.kind, pkey.id))
            for peer in batch.peers:
                if not self._fresh:
                    writer.delete_documents_by_term("key", peer_key(peer.kind, peer.id))
                writer.add_document(peer_document(peer, peers.schema))

    def clear(self) -> None:
        for space in self._spaces.values():
            if space.exists and space.searcher().num_docs:
                space.writer().delete_all_documents()
        self._fresh = True  # until the next commit nothing old is left to replace

    def commit(self, position: Position) -> None:
        committed = [space for space in self._spaces.values() if space.commit()]
        # A message moving between spaces (its chat went private or public) leaves one and
        # joins the other in the same batch: searchers switch to all the new commits at once,
        # so no search sees it in neither space (or in both).
        with self._visible:
            for space in committed:
                space.reload()
        self._fresh = False
        state = {"schema": SCHEMA_VERSION,
                 "events": [position.events.xid, position.events.id],
                 "outbox": [position.outbox.xid, position.outbox.id]}  # fmt: skip
        tmp = self.root / "state.json.tmp"
        with open(tmp, "w") as fh:
            json.dump(state, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / "state.json")

    def position(self) -> Position | None:
        return self._stored_position()

    def _stored_position(self) -> Position | None:
        try:
            state = json.loads((self.root / "state.json").read_text())
        except (OSError, ValueError):
            return None
        if not isinstance(state, dict) or state.get("schema") != SCHEMA_VERSION:
            return None
        try:
            events, outbox = state["events"], state["outbox"]
            return Position(EventPosition(int(events[0]), int(events[1])),
                            EventPosition(int(outbox[0]), int(outbox[1])))  # fmt: skip
        except (KeyError, IndexError, TypeError, ValueError):
            return None  # an index from before positions had transaction ids: rebuild

    def filed_public(self, chat_id: int) -> bool | None:
        searcher = self.peers.searcher()
        found = searcher.search(
            self.peers.term("key", peer_key(PeerKind.CHAT, chat_id)), 1, count=False
        ).hits
        if not found:
            return None
        (value,) = searcher.fast_field_values("public", [found[0][1]])
        return bool(value)

    # -- searching ---------------------------------------------------------------------------
    def search_messages(
        self, query: MessageQuery, *, after: str | None, limit: int, now: datetime
    ) -> HitPage:
        offsets = parse_after(after, 2)
        now_ms = to_ms(now)
        members = query.member_chats
        if query.chat_id is not None:
            members = members & {query.chat_id}
        plans: list[tuple[_Space, tantivy.Query | None] | None] = [None, None]
        if query.public and query.chat_id is None:
            plans[0] = (self.public, None)
        elif query.public:
            plans[0] = (self.public, self.public.term("chat", query.chat_id))
        elif members:
            plans[0] = (self.public, self._chats_filter(self.public, members))
        if members:
            plans[1] = (self.private, self._chats_filter(self.private, members))
        with self._visible:  # one moment's view of both spaces (see `commit`)
            searchers = [None if plan is None else plan[0].searcher() for plan in plans]
        streams: list[Stream | None] = []
        for plan, searcher, start in zip(plans, searchers, offsets, strict=True):
            if plan is None or searcher is None:
                streams.append(None)
                continue
            space, chat_filter = plan
            fetcher = self._message_fetcher(space, searcher, query, chat_filter, now_ms)
            streams.append(Stream(fetcher, start))
        return merge(streams, limit, decode_message)

    def _chats_filter(self, space: _Space, chats: frozenset[int]) -> tantivy.Query:
        if len(chats) == 1:
            return space.term("chat", next(iter(chats)))
        return Q.term_set_query(space.schema, "chat", sorted(chats))

    def _message_fetcher(
        self,
        space: _Space,
        searcher: tantivy.Searcher,
        query: MessageQuery,
        chat_filter: tantivy.Query | None,
        now_ms: int,
    ) -> Callable[[int], list[tuple[float, int]]]:
        clauses = self._text_clauses(space, searcher, query.text, field="text")
        filters = [] if chat_filter is None else [chat_filter]
        if query.sender_id is not None:
            filters.append(space.term("sender", query.sender_id))
        if query.after is not None or query.before is not None:
            filters.append(Q.range_query(
                space.schema, "date", tantivy.FieldType.Integer,
                lower_bound=None if query.after is None else to_ms(query.after),
                upper_bound=None if query.before is None else to_ms(query.before),
                include_lower=True, include_upper=query.before is None,
            ))  # fmt: skip
        engine_query = _conjunction(clauses, filters)

        def fetch(window: int) -> list[tuple[float, int]]:
            found = searcher.search(engine_query, RESCORE_WINDOW, count=False,
                                    offset=window * RESCORE_WINDOW).hits  # fmt: skip
            if not found:
                return []
            addresses = [address for _, address in found]
            keys = searcher.fast_field_values("key", addresses)
            dates = searcher.fast_field_values("date", addresses)
            sizes = searcher.fast_field_values("size", addresses)
            scored = [
                (ranking.message_score(float(score), date_ms=int(date or 0),
                                       members=int(size or 0), now_ms=now_ms), int(key or 0))
                for (score, _), key, date, size in zip(found, keys, dates, sizes, strict=True)
            ]  # fmt: skip
            scored.sort(key=lambda item: (-item[0], item[1]))
            return scored

        return fetch

    def _text_clauses(
        self, space: _Space, searcher: tantivy.Searcher, text: ParsedQuery, *, field: str
    ) -> list[tantivy.Query]:
        clauses = [space.term(field, w) for w in text.words]
        clauses += [Q.phrase_query(space.schema, field, list(p)) for p in text.phrases]
        clauses += [space.term("tags", t) for t in text.tags]
        if text.prefix is not None:
            clauses.append(self._expand(space, searcher, field, text.prefix))
        return clauses

    def _expand(
        self, space: _Space, searcher: tantivy.Searcher, field: str, prefix: str
    ) -> tantivy.Query:
        """A word being typed: the most common index words that begin with it (and the word
        itself), as a disjunction of plain terms, which Tantivy still prunes with WAND."""
        if len(prefix) < PREFIX_MIN:
            return space.term(field, prefix)
        found = searcher.terms_with_prefix(field, prefix, limit=EXPAND_SCAN)
        chosen = [t for t, _ in sorted(found, key=lambda item: (-item[1], item[0]))[:EXPAND_MAX]]
        if any(t == prefix for t, _ in found) and prefix not in chosen:
            chosen[-1] = prefix
        if not chosen:
            return Q.empty_query()
        if len(chosen) == 1:
            return space.term(field, chosen[0])
        return Q.boolean_query([(Should, space.term(field, t)) for t in chosen])

    def search_peers(self, query: PeerQuery, *, after: str | None, limit: int) -> HitPage:
        (start,) = parse_after(after, 1)
        space = self.peers
        text = query.text
        must: list[tantivy.Query] = []
        for w in text.words + text.tags:
            must.append(Q.boolean_query([
                (Should, Q.boost_query(space.term("name", w), 2.0)),
                (Should, space.term("about", w)),
            ]))  # fmt: skip
        for phrase in text.phrases:
            must.append(Q.boolean_query([
                (Should, Q.boost_query(Q.phrase_query(space.schema, "name", list(phrase)), 2.0)),
                (Should, Q.phrase_query(space.schema, "about", list(phrase))),
            ]))  # fmt: skip
        if text.prefix is not None:
            must.append(Q.boolean_query([
                (Should, Q.boost_query(space.term("name", text.prefix), 2.0)),
                (Should, space.term("about", text.prefix)),
                (Should, space.term("prefix", text.prefix)),
            ]))  # fmt: skip
        filters: list[tantivy.Query] = []
        if len(query.kinds) == 1:
            filters.append(space.term("kind", peer_kind_code(next(iter(query.kinds)))))
        reach = space.term("public", 1)
        if query.member_chats and PeerKind.CHAT in query.kinds:
            mine = Q.term_set_query(
                space.schema, "key", sorted(peer_key(PeerKind.CHAT, c) for c in query.member_chats)
            )
            reach = Q.boolean_query([(Should, reach), (Should, mine)])  # fmt: skip
        filters.append(reach)
        engine_query = _conjunction(must, filters)
        if text.username is not None:
            exact = Q.const_score_query(space.term("uname", text.username),
                                        ranking.EXACT_USERNAME_SCORE)  # fmt: skip
            engine_query = Q.boolean_query([(Must, engine_query), (Should, exact)])
        searcher = space.searcher()

        def fetch(window: int) -> list[tuple[float, int]]:
            found = searcher.search(engine_query, RESCORE_WINDOW, count=False,
                                    offset=window * RESCORE_WINDOW).hits  # fmt: skip
            if not found:
                return []
            addresses = [address for _, address in found]
            keys = searcher.fast_field_values("key", addresses)
            sizes = searcher.fast_field_values("size", addresses)
            scored = [
                (ranking.peer_score(float(score), members=int(size or 0)), int(key or 0))
                for (score, _), key, size in zip(found, keys, sizes, strict=True)
            ]
            scored.sort(key=lambda item: (-item[0], item[1]))
            return scored

        return merge([Stream(fetch, start)], limit, decode_peer)

    # -- housekeeping ------------------------------------------------------------------------
    def stats(self) -> IndexStats:
        return IndexStats(
            messages_public=self.public.searcher().num_docs,
            messages_private=self.private.searcher().num_docs,
            peers=self.peers.searcher().num_docs,
            bytes_on_disk=sum(s.size_on_disk() for s in self._spaces.values()),
            position=self.position(),
            writable=self.writable,
        )

    def close(self) -> None:
        for space in self._spaces.values():
            space.close()
        self._release()

    def _wipe(self) -> None:
        for name in ("public", "private", "peers"):
            shutil.rmtree(self.root / name, ignore_errors=True)
        (self.root / "state.json").unlink(missing_ok=True)

    def _release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()


def _conjunction(clauses: list[tantivy.Query], filters: list[tantivy.Query]) -> tantivy.Query:
    """All clauses must match; filters must match but add nothing to the score. A lone clause
    goes to Tantivy bare, so its block-max WAND pruning still applies."""
    if len(clauses) == 1 and not filters:
        return clauses[0]
    parts = [(Must, c) for c in clauses]
    parts += [(Must, Q.const_score_query(f, 0.0)) for f in filters]
    return Q.boolean_query(parts)


def _take_lock(root: Path) -> IO[str]:
    root.parent.mkdir(parents=True, exist_ok=True)
    handle = open(root.parent / f"{root.name}.lock", "a")  # noqa: SIM115  # held while open
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise IndexBusy(f"another process is writing the search index in {root}") from None
    return handle

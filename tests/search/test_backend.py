"""The embedded Tantivy index on its own: a real index directory per test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from parley.domain.clock import to_ms
from parley.domain.events import EventPosition
from parley.search.protocol import (
    BadCursor,
    Batch,
    MessageDoc,
    MessageKey,
    MessageQuery,
    PeerDoc,
    PeerKey,
    PeerKind,
    PeerQuery,
    Position,
)
from parley.search.query import parse_query
from parley.search.tantivy_backend import IndexBusy, TantivyIndex

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def msg(chat: int, mid: int, text: str, *, public: bool = True, sender: int = 1,
        days_ago: float = 1, size: int = 10) -> MessageDoc:  # fmt: skip
    return MessageDoc(chat_id=chat, message_id=mid, sender_id=sender, text=text,
                      date_ms=to_ms(NOW - timedelta(days=days_ago)), public=public,
                      chat_size=size)  # fmt: skip


@pytest.fixture
def index(tmp_path: Path) -> Iterator[TantivyIndex]:
    ix = TantivyIndex(tmp_path / "search", heap_bytes=20_000_000)
    yield ix
    ix.close()


def put(ix: TantivyIndex, *docs: MessageDoc | PeerDoc, position: int = 1) -> None:
    ix.apply(Batch(messages=[d for d in docs if isinstance(d, MessageDoc)],
                   peers=[d for d in docs if isinstance(d, PeerDoc)]))  # fmt: skip
    ix.commit(Position(EventPosition(0, position)))


def find(ix: TantivyIndex, q: str, **query: object) -> list[tuple[int, int]]:
    page = ix.search_messages(MessageQuery(text=parse_query(q), **query),  # type: ignore[arg-type]
                              after=None, limit=50, now=NOW)  # fmt: skip
    keys = [h.key for h in page.hits]
    assert all(isinstance(k, MessageKey) for k in keys)
    return [(k.chat_id, k.message_id) for k in keys if isinstance(k, MessageKey)]


def test_words_accents_scripts_prefixes_and_phrases(index: TantivyIndex) -> None:
    put(index,
        msg(1, 1, "Welcome to Parley, the café for everyone"),
        msg(1, 2, "Ёлка стоит в парке"),
        msg(1, 3, "مَدْرَسَة أحمد الجديدة"),
        msg(1, 4, "parliament and partners"),
        msg(1, 5, "everyone welcome here"))  # fmt: skip
    assert find(index, "cafe") == [(1, 1)]
    assert find(index, "CAFÉ ") == [(1, 1)]
    assert find(index, "елка") == [(1, 2)]
    assert find(index, "ПАРК") == [(1, 2)]  # prefix of парке, as typed
    assert find(index, "مدرسه احمد") == [(1, 3)]  # tashkeel, hamza and ta marbuta folded
    assert set(find(index, "parl")) == {(1, 1), (1, 4)}  # parley and parliament
    assert find(index, "pa ") == []  # a complete short word is not a prefix
    assert find(index, '"welcome to parley"') == [(1, 1)]
    assert find(index, '"everyone welcome"') == [(1, 5)]  # order matters in a phrase
    assert set(find(index, "welcome everyone ")) == {(1, 1), (1, 5)}
    assert find(index, "welcome nobody ") == []  # every word must match


def test_hashtags_match_exactly(index: TantivyIndex) -> None:
    put(index, msg(1, 1, "launch day #Parley"), msg(1, 2, "about parley, no tag"),
        msg(1, 3, "#parley_news today"))  # fmt: skip
    assert find(index, "#parley") == [(1, 1)]
    assert find(index, "#PARLEY_NEWS") == [(1, 3)]
    assert find(index, "#parl") == []  # tags are never prefixes
    assert set(find(index, "parley ")) == {(1, 1), (1, 2), (1, 3)}  # and the words in tags


def test_private_messages_never_reach_global_search(index: TantivyIndex) -> None:
    put(index, msg(1, 1, "secret plan", public=False), msg(2, 1, "public plan"),
        msg(3, 1, "another secret plan", public=False))  # fmt: skip
    assert find(index, "plan ") == [(2, 1)]
    assert find(index, "secret ") == []
    mine = find(index, "plan ", public=False, member_chats=frozenset({1}))
    assert mine == [(1, 1)]
    both = find(index, "plan ", public=True, member_chats=frozenset({1}))
    assert set(both) == {(1, 1), (2, 1)}
    assert find(index, "plan ", public=True, chat_id=3) == []  # not a member of chat 3


def test_filters_by_chat_sender_and_dates(index: TantivyIndex) -> None:
    put(index, msg(1, 1, "news one", sender=7, days_ago=10), msg(1, 2, "news two", days_ago=2),
        msg(2, 1, "news three", sender=7, days_ago=1))  # fmt: skip
    assert set(find(index, "news ", chat_id=1)) == {(1, 1), (1, 2)}
    assert set(find(index, "news ", sender_id=7)) == {(1, 1), (2, 1)}
    assert set(find(index, "news ", after=NOW - timedelta(days=3))) == {(1, 2), (2, 1)}
    assert find(index, "news ", before=NOW - timedelta(days=3)) == [(1, 1)]
    window = find(index, "news ", after=NOW - timedelta(days=5), before=NOW - timedelta(days=1.5))
    assert window == [(1, 2)]


def test_recency_and_chat_size_raise_equally_relevant_posts(index: TantivyIndex) -> None:
    put(index, msg(1, 1, "weekly digest", days_ago=90), msg(2, 1, "weekly digest", days_ago=0.5),
        msg(3, 1, "weekly digest", days_ago=90, size=500_000))  # fmt: skip
    ranked = find(index, "weekly digest ")
    assert ranked[0] in {(2, 1), (3, 1)} and ranked[-1] == (1, 1)
    assert find(index, "digest ", chat_id=1) == [(1, 1)]


def test_edits_removals_and_whole_chats(index: TantivyIndex) -> None:
    put(index, msg(1, 1, "first draft"), msg(1, 2, "keep me"), msg(2, 1, "other chat"))
    put(index, msg(1, 1, "final text"), position=2)  # an edit replaces the document
    assert find(index, "draft ") == [] and find(index, "final ") == [(1, 1)]
    index.apply(Batch(removed_messages=[MessageKey(1, 2)], removed_chats=[2]))
    index.commit(Position(EventPosition(0, 3)))
    assert find(index, "keep ") == [] and find(index, "other ") == []
    # a message moving from the public to the private file leaves nothing behind
    put(index, msg(1, 1, "final text", public=False), position=4)
    assert find(index, "final ") == []
    assert find(index, "final ", public=False, member_chats=frozenset({1})) == [(1, 1)]


def test_cursor_pages_through_everything_once(index: TantivyIndex) -> None:
    put(index, *[msg(1 + i % 7, 1 + i, f"common word number {i}", days_ago=i % 30)
                 for i in range(450)])  # fmt: skip
    query = MessageQuery(text=parse_query("common "))
    seen: list[MessageKey | PeerKey] = []
    after = None
    for _ in range(20):
        page = index.search_messages(query, after=after, limit=60, now=NOW)
        seen += [h.key for h in page.hits]
        scores = [h.score for h in page.hits]
        assert scores == sorted(scores, reverse=True) or len({*scores}) > 1
        if page.exhausted:
            break
        after = page.hits[-1].after
    assert len(seen) == 450 and len(set(seen)) == 450
    again = index.search_messages(query, after=None, limit=60, now=NOW)
    assert [h.key for h in again.hits] == seen[:60]  # same index state, same order
    for bad in ("x", "1.2.3", "-1.0", "99999999.0", ""):
        with pytest.raises(BadCursor):
            index.search_messages(query, after=bad, limit=5, now=NOW)


def test_hostile_queries_cannot_break_the_engine(index: TantivyIndex) -> None:
    put(index, msg(1, 1, "title secret and or not near"))
    hostile = [
        "title:secret OR 1=1",
        "a AND (b OR NOT c)* ~d^2",
        '"unbalanced',
        "*secret*",
        "\\\\secret\\",
        "{a TO z} [x TO y]",
        "NOT secret",
        "se?ret",
        "x" * 120 + " y",
    ]
    for raw in hostile:
        index.search_messages(MessageQuery(text=parse_query(raw)), after=None, limit=5, now=NOW)
    assert find(index, "NOT secret ") == [(1, 1)]  # NOT is just a word here, and it is present


def test_peers_by_name_prefix_and_exact_username(index: TantivyIndex) -> None:
    put(index,
        PeerDoc(PeerKind.CHAT, 1, "parley_news", "Parley News", "Updates from the team",
                size=50_000),
        PeerDoc(PeerKind.CHAT, 2, "parlour", "The Parlour", "Tea and talk", size=10),
        PeerDoc(PeerKind.CHAT, 3, None, "Parley staff", "private group", size=5, public=False),
        PeerDoc(PeerKind.USER, 9, "parlour_fan", "Kim Tea"),
        PeerDoc(PeerKind.USER, 10, "anna", "Анна Ёлкина"))  # fmt: skip

    def peers(q: str, kinds: set[PeerKind], mine: frozenset[int] = frozenset()) -> list[PeerKey]:
        page = index.search_peers(PeerQuery(text=parse_query(q), kinds=frozenset(kinds),
                                            member_chats=mine), after=None, limit=20)  # fmt: skip
        return [h.key for h in page.hits if isinstance(h.key, PeerKey)]

    chat = {PeerKind.CHAT}
    assert peers("parl", chat) == [PeerKey(PeerKind.CHAT, 1), PeerKey(PeerKind.CHAT, 2)]
    assert peers("@parlour", chat)[0] == PeerKey(PeerKind.CHAT, 2)  # exact username first
    assert peers("team", chat) == [PeerKey(PeerKind.CHAT, 1)]  # description
    assert PeerKey(PeerKind.CHAT, 3) not in peers("parley", chat)  # private: members only
    assert PeerKey(PeerKind.CHAT, 3) in peers("parley", chat, frozenset({3}))
    assert peers("елкин", {PeerKind.USER}) == [PeerKey(PeerKind.USER, 10)]
    assert peers("parlour", {PeerKind.USER}) == [PeerKey(PeerKind.USER, 9)]  # by username
    assert index.filed_public(1) is True and index.filed_public(3) is False
    assert index.filed_public(99) is None


def test_position_survives_reopening_and_one_writer_at_a_time(tmp_path: Path) -> None:
    root = tmp_path / "search"
    first = TantivyIndex(root, heap_bytes=20_000_000)
    assert first.position() is None  # never built
    put(first, msg(1, 1, "persisted words"), position=42)
    with pytest.raises(IndexBusy):
        TantivyIndex(root, heap_bytes=20_000_000)
    reader = TantivyIndex(root, heap_bytes=20_000_000, writable=False)
    assert find(reader, "persisted ") == [(1, 1)]
    with pytest.raises(IndexBusy):
        reader.apply(Batch(messages=[msg(1, 2, "nope")]))
    reader.close()
    first.close()
    again = TantivyIndex(root, heap_bytes=20_000_000)
    assert again.position() == Position(EventPosition(0, 42))
    assert find(again, "persisted ") == [(1, 1)]
    stats = again.stats()
    assert (stats.messages_public, stats.bytes_on_disk > 0) == (1, True)
    again.close()


def test_pages_interleave_the_public_and_private_files(index: TantivyIndex) -> None:
    docs = [msg(1 + i % 3, 1 + i, f"shared topic {i}", public=i % 3 != 0, days_ago=i % 40)
            for i in range(300)]  # fmt: skip
    put(index, *docs)
    query = MessageQuery(text=parse_query("topic "), public=True, member_chats=frozenset({1}))
    seen: list[MessageKey | PeerKey] = []
    after = None
    while True:
        page = index.search_messages(query, after=after, limit=70, now=NOW)
        seen += [h.key for h in page.hits]
        if page.exhausted:
            break
        after = page.hits[-1].after
    assert len(seen) == 300 and len(set(seen)) == 300
    assert {k.chat_id for k in seen if isinstance(k, MessageKey)} == {1, 2, 3}


def test_searchers_are_taken_safely_while_the_writer_reloads(index: TantivyIndex) -> None:
    """Searches run in request threads while the indexer commits and reloads in its own:
    tantivy's Index refuses a searcher during a reload ("Already mutably borrowed") unless
    the two are serialised."""
    import threading

    stop = threading.Event()
    errors: list[BaseException] = []

    def search() -> None:
        while not stop.is_set():
            try:
                index.filed_public(1)
                find(index, "post")
            except BaseException as error:  # the race surfaces as RuntimeError
                errors.append(error)
                return

    readers = [threading.Thread(target=search) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        for n in range(1, 150):
            put(index, msg(1, n, f"post number {n}"), position=n)
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert errors == []


def test_stats_count_only_files_that_still_exist(index: TantivyIndex, tmp_path: Path) -> None:
    """`parley search stats` walks the index directories while segment merges delete files."""
    from parley.search.tantivy_backend import _file_size

    put(index, msg(1, 1, "a post to make segments"), position=1)
    assert index.stats().bytes_on_disk > 0
    (tmp_path / "a-file").write_bytes(b"12345")
    assert _file_size(tmp_path / "a-file") == 5
    assert _file_size(tmp_path / "merged-away") == 0
    assert _file_size(tmp_path) == 0

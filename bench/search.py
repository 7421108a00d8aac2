"""Search benchmark: build the index for a synthetic corpus and time 1,000 mixed queries.

    .venv/bin/python bench/search.py                      # 1,000,000 messages in 50,000 chats
    .venv/bin/python bench/search.py --messages 20000     # a quick check

The corpus is seeded and realistic in shape: each chat speaks one language (70% Latin script
with some accented words, 18% Cyrillic, 12% Arabic) whose words follow a Zipf distribution,
message lengths are log-normal, hashtags in about one message in twelve, chat sizes and
activity Zipf-distributed
(a few huge channels, a long tail of small groups), dates over the past year.

It measures, and prints as JSON:
  - build: documents through the backend (TantivyIndex.apply + commit), messages/s;
  - reindex: the same from the store (SQLite, or PostgreSQL with --database-url), as
    `parley search reindex` does it, messages/s;
  - index size on disk after merging;
  - latency over 1,000 mixed queries (single word, two words, prefix, hashtag, filtered):
    `engine` is the backend call the search service makes (Tantivy plus rescoring), and
    `service` is services.search.search end to end (scope `global`, as a search box sends it):
    parsing, the engine, and the visibility check of every hit against the store. Wall-clock
    percentiles, and CPU time (`cpu_ms`: the engine's thread, the whole process for the
    service) which other work on a shared machine does not inflate. Queries run `--repeat`
    times; medians are reported, with the load average at the start and the end.
Word choice follows the corpus distribution, so very common words are asked often: a stress
mix, not a flattering one."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from parley.config import Settings
from parley.container import Container
from parley.domain.chats import ChatKind
from parley.domain.clock import FrozenClock
from parley.search.protocol import Batch, MessageDoc, MessageQuery, Position
from parley.search.query import parse_query
from parley.search.tantivy_backend import TantivyIndex
from parley.security.ratelimit import NoRateLimiter
from parley.services import search
from parley.services.search_rules import Scope
from parley.store import migrate
from parley.store.chats import chat_members, chats
from parley.store.messages import messages
from parley.store.tx import Tx
from parley.store.users import users

NOW = datetime(2026, 6, 1, tzinfo=UTC)
TAGS = 2_000
ZIPF_S = 1.07
# (script, vocabulary size, share of chats, consonants, vowels)
LANGUAGES = (
    ("latin", 40_000, 0.70, "bcdfghjklmnprstvz", "aeiou"),
    ("cyrillic", 15_000, 0.18, "бвгджзклмнпрстфхцчшщ", "аеиоуыэюяё"),
    ("arabic", 10_000, 0.12, "بتثجحخدذرزسشصضطظعغفقكلمنهوي", "اوي"),
)
ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü"}


def _words(rng: np.random.Generator, n: int, cons: str, vows: str, accents: float) -> list[str]:
    """Pronounceable synthetic words; a share of Latin ones carry accents."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        syllables = int(rng.integers(1, 4))
        word = "".join(cons[rng.integers(len(cons))] + vows[rng.integers(len(vows))]
                       + ("" if rng.random() < 0.6 else cons[rng.integers(len(cons))])
                       for _ in range(syllables))  # fmt: skip
        if rng.random() < accents:
            word = "".join(ACCENTED.get(c, c) if rng.random() < 0.3 else c for c in word)
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def _zipf_cdf(n: int) -> np.ndarray:
    p = 1.0 / np.arange(1, n + 1) ** ZIPF_S
    return np.cumsum(p / p.sum())


@dataclass
class Language:
    name: str
    words: list[str]
    cdf: np.ndarray
    share: float

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.minimum(np.searchsorted(self.cdf, rng.random(n)), len(self.words) - 1)


@dataclass
class Corpus:
    languages: list[Language]
    tags: list[str]
    chat_cdf: np.ndarray
    chat_sizes: np.ndarray  # members per chat, index = chat_id - 1
    texts: list[str]
    chat_ids: np.ndarray
    message_ids: np.ndarray
    senders: np.ndarray
    dates_ms: np.ndarray
    users: int

    def word(self, rng: np.random.Generator) -> str:
        shares = np.array([lang.share for lang in self.languages])
        lang = self.languages[int(rng.choice(len(self.languages), p=shares / shares.sum()))]
        return lang.words[int(lang.draw(rng, 1)[0])]


def make_corpus(n_messages: int, n_chats: int, n_users: int, seed: int) -> Corpus:
    """Each chat speaks one language; words, chats and tags follow Zipf distributions."""
    rng = np.random.default_rng(seed)
    languages = [
        Language(name, _words(rng, size, cons, vows, 0.02 if name == "latin" else 0.0),
                 _zipf_cdf(size), share)
        for name, size, share, cons, vows in LANGUAGES
    ]  # fmt: skip
    tags = _words(rng, TAGS, LANGUAGES[0][3], LANGUAGES[0][4], 0.0)
    chat_cdf = _zipf_cdf(n_chats)
    chat_rank = rng.permutation(n_chats)  # which chat holds activity rank r
    sizes = np.maximum(1, (2_000_000 / (np.arange(1, n_chats + 1) ** 0.9)).astype(np.int64))
    chat_sizes = np.empty(n_chats, dtype=np.int64)
    chat_sizes[chat_rank] = sizes
    chat_lang = rng.choice(len(languages), n_chats, p=[lang.share for lang in languages])
    ranks = np.minimum(np.searchsorted(chat_cdf, rng.random(n_messages)), n_chats - 1)
    chat_ids = chat_rank[ranks] + 1
    lengths = np.clip(rng.lognormal(2.3, 0.7, n_messages).astype(np.int64), 1, 120)
    msg_lang = chat_lang[chat_ids - 1]
    tag_cdf = _zipf_cdf(TAGS)
    has_tag = rng.random(n_messages) < 1 / 12
    tag_picks = np.minimum(np.searchsorted(tag_cdf, rng.random(n_messages)), TAGS - 1)
    texts: list[str] = [""] * n_messages
    for li, lang in enumerate(languages):
        rows = np.flatnonzero(msg_lang == li)
        picks = lang.draw(rng, int(lengths[rows].sum()))
        at = 0
        for i in rows:
            n = int(lengths[i])
            text = " ".join([lang.words[w] for w in picks[at : at + n]])
            at += n
            texts[i] = text + " #" + tags[tag_picks[i]] if has_tag[i] else text
    dates = (NOW.timestamp() * 1000 - rng.random(n_messages) * 365 * 86_400_000).astype(np.int64)
    order = np.lexsort((dates, chat_ids))  # messages count up per chat in date order
    chat_ids, dates = chat_ids[order], dates[order]
    texts = [texts[i] for i in order]
    starts = np.r_[0, np.flatnonzero(np.diff(chat_ids)) + 1]
    message_ids = np.arange(n_messages) - np.repeat(starts, np.diff(np.r_[starts, n_messages]))
    senders = rng.integers(1, n_users + 1, n_messages)
    return Corpus(languages=languages, tags=tags, chat_cdf=chat_cdf, chat_sizes=chat_sizes,
                  texts=texts, chat_ids=chat_ids, message_ids=message_ids + 1, senders=senders,
                  dates_ms=dates, users=n_users)  # fmt: skip


def _ms(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, tz=UTC)


def message_docs(corpus: Corpus) -> list[MessageDoc]:
    return [
        MessageDoc(chat_id=int(c), message_id=int(m), sender_id=int(s), text=t,
                   date_ms=int(d), public=True, chat_size=int(corpus.chat_sizes[c - 1]))
        for c, m, s, t, d in zip(corpus.chat_ids, corpus.message_ids, corpus.senders,
                                 corpus.texts, corpus.dates_ms, strict=True)
    ]  # fmt: skip


def build_direct(root: Path, docs: list[MessageDoc]) -> dict[str, float]:
    """Documents straight through the backend, in the indexer's batch size."""
    index = TantivyIndex(root, heap_bytes=256_000_000)
    started = time.perf_counter()
    index.clear()  # a build from nothing, as a rebuild is: no old documents to replace
    for at in range(0, len(docs), 5000):
        index.apply(Batch(messages=docs[at : at + 5000]))
    staged = time.perf_counter()
    index.commit(Position())
    committed = time.perf_counter()
    index.close()  # waits for Tantivy's merges, so the size below is the settled one
    size = sum(f.stat().st_size for f in root.rglob("*") if f.is_file())
    return {"messages": len(docs), "seconds": round(committed - started, 2),
            "staging_seconds": round(staged - started, 2),
            "messages_per_s": round(len(docs) / (committed - started)),
            "bytes_on_disk": size}  # fmt: skip


def load_store(container: Container, corpus: Corpus, searcher_id: int) -> float:
    """The corpus as store rows (bulk inserts; the services are not what is measured)."""
    started = time.perf_counter()
    n_chats = len(corpus.chat_sizes)
    created = NOW - timedelta(days=400)

    latin = corpus.languages[0].words

    def put_people(tx: Tx) -> None:
        rows = [{"id": i, "kind": "user", "username": f"user{i:07d}",
                 "username_key": f"user{i:07d}", "display_name": f"User {i}",
                 "created_at": created} for i in range(1, corpus.users + 1)]  # fmt: skip
        tx.conn.execute(users.insert(), rows)
        rows = [{"id": c, "kind": ChatKind.CHANNEL.value if c % 3 else ChatKind.GROUP.value,
                 "title": f"{latin[c % 5000].title()} {latin[(c * 7) % 9000]}",
                 "description": " ".join(latin[(c * k) % 20000] for k in (3, 11, 13)),
                 "username": f"chat{c:06d}", "username_key": f"chat{c:06d}",
                 "member_count": int(corpus.chat_sizes[c - 1]), "status": "listed",
                 "created_at": created, "last_activity_at": NOW}
                for c in range(1, n_chats + 1)]  # fmt: skip
        tx.conn.execute(chats.insert(), rows)
        tx.conn.execute(chat_members.insert(), [
            {"chat_id": c, "user_id": searcher_id, "status": "member", "joined_at": created}
            for c in range(1, n_chats + 1, max(1, n_chats // 20))
        ])  # fmt: skip

    container.db.write_sync(put_people)
    n = len(corpus.texts)
    for at in range(0, n, 50_000):
        rows = [{"chat_id": int(corpus.chat_ids[i]), "id": int(corpus.message_ids[i]),
                 "sender_id": int(corpus.senders[i]), "kind": "text", "text": corpus.texts[i],
                 "date": _ms(int(corpus.dates_ms[i])), "visibility": "visible"}
                for i in range(at, min(n, at + 50_000))]  # fmt: skip
        container.db.write_sync(lambda tx, r=rows: tx.conn.execute(messages.insert(), r))
    return time.perf_counter() - started


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    q: str
    chat: str | None = None
    sender: str | None = None
    after: datetime | None = None


def make_queries(corpus: Corpus, n: int, seed: int) -> list[BenchQuery]:
    rng = np.random.default_rng(seed)

    def word() -> str:
        return corpus.word(rng)

    tag_cdf = _zipf_cdf(TAGS)
    out: list[BenchQuery] = []
    kinds = ["word"] * 30 + ["two"] * 20 + ["prefix"] * 20 + ["tag"] * 10 + ["filtered"] * 20
    for i in range(n):
        kind = kinds[i % len(kinds)]
        if kind == "word":
            out.append(BenchQuery(kind, word() + " "))
        elif kind == "two":
            out.append(BenchQuery(kind, f"{word()} {word()} "))
        elif kind == "prefix":
            w = word()
            out.append(BenchQuery(kind, w[: max(2, min(len(w) - 1, int(rng.integers(3, 6))))]))
        elif kind == "tag":
            tag = corpus.tags[min(int(np.searchsorted(tag_cdf, rng.random())), TAGS - 1)]
            out.append(BenchQuery(kind, "#" + tag))
        else:
            which = i % 3
            if which == 0:  # within a chat, picked as a message is: busy chats more often
                chat = int(corpus.chat_ids[int(rng.integers(len(corpus.chat_ids)))])
                out.append(BenchQuery("filtered", word() + " ", chat=str(chat)))
            elif which == 1:
                sender = int(rng.integers(1, corpus.users + 1))
                out.append(BenchQuery("filtered", word() + " ", sender=str(sender)))
            else:
                days = int(rng.integers(1, 90))
                out.append(BenchQuery("filtered", word() + " ", after=NOW - timedelta(days=days)))
    return out


def percentiles(samples: list[float]) -> dict[str, float]:
    arr = np.array(samples)
    return {f"p{p}": round(float(np.percentile(arr, p)), 3) for p in (50, 95, 99)}


async def time_queries(container: Container, queries: list[BenchQuery], searcher_id: int
                       ) -> tuple[dict[str, Any], dict[str, Any]]:  # fmt: skip
    """One pass over the queries: the engine call alone, then the service end to end."""
    index = container.search.index
    engine: dict[str, list[float]] = {}
    service: dict[str, list[float]] = {}
    engine_cpu: list[float] = []
    service_cpu: list[float] = []
    for bq in queries:
        text = parse_query(bq.q)
        query = MessageQuery(
            text=text, public=True, chat_id=int(bq.chat) if bq.chat else None,
            sender_id=int(bq.sender) if bq.sender else None, after=bq.after,
        )  # fmt: skip
        started, cpu = time.perf_counter(), time.thread_time()
        index.search_messages(query, after=None, limit=30, now=NOW)
        engine.setdefault(bq.kind, []).append((time.perf_counter() - started) * 1000)
        engine_cpu.append((time.thread_time() - cpu) * 1000)
    for bq in queries:
        started, cpu = time.perf_counter(), time.process_time()
        await search.search(container.ctx, searcher_id, q=bq.q, scope=Scope.GLOBAL,
                            chat=bq.chat, sender=bq.sender, after=bq.after, limit=20)  # fmt: skip
        service.setdefault(bq.kind, []).append((time.perf_counter() - started) * 1000)
        service_cpu.append((time.process_time() - cpu) * 1000)

    def summary(by_kind: dict[str, list[float]], cpu: list[float]) -> dict[str, Any]:
        every = [x for xs in by_kind.values() for x in xs]
        return {**percentiles(every), "cpu_ms": percentiles(cpu),
                "by_kind": {k: percentiles(v) for k, v in by_kind.items()}}  # fmt: skip

    return summary(engine, engine_cpu), summary(service, service_cpu)


def median_of(runs: list[dict[str, Any]]) -> dict[str, float]:
    return {p: round(statistics.median(r[p] for r in runs), 3) for p in ("p50", "p95", "p99")}


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    report: dict[str, Any] = {"messages": args.messages, "chats": args.chats,
                              "users": args.users, "queries": args.queries, "seed": args.seed,
                              "cpus": os.cpu_count()}  # fmt: skip
    load_at_start = round(os.getloadavg()[0], 2)
    t0 = time.perf_counter()
    corpus = make_corpus(args.messages, args.chats, args.users, args.seed)
    report["corpus_seconds"] = round(time.perf_counter() - t0, 1)
    log(f"corpus ready in {report['corpus_seconds']} s")

    data = work / "data"
    store_url = args.database_url or f"sqlite:///{data / 'parley.db'}"
    settings = Settings(env="dev", data=data, secret_key="bench-" * 8, database_url=store_url,
                        search_writer_heap_mb=256)  # fmt: skip
    report["store"] = "postgresql" if store_url.startswith("postgres") else "sqlite"
    searcher_id = 1
    if args.queries_only:  # the store and index of an earlier --keep run, same arguments
        container = Container(settings, clock=FrozenClock(NOW))
    else:
        docs = message_docs(corpus)
        report["build"] = build_direct(work / "direct-index", docs)
        del docs
        shutil.rmtree(work / "direct-index", ignore_errors=True)
        (work / "direct-index.lock").unlink(missing_ok=True)
        log(f"backend build: {report['build']}")
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir()
        migrate.upgrade(store_url)
        container = Container(settings, clock=FrozenClock(NOW))
        report["store_load_seconds"] = round(load_store(container, corpus, searcher_id), 1)
        log(f"store loaded in {report['store_load_seconds']} s")
        indexer = container.search.indexer
        assert indexer is not None
        started = time.perf_counter()
        await indexer.rebuild()
        took = time.perf_counter() - started
        report["reindex"] = {"messages": args.messages, "seconds": round(took, 2),
                             "messages_per_s": round(args.messages / took)}  # fmt: skip
        log(f"reindex from the store: {report['reindex']}")
    container.ctx.limiter = NoRateLimiter()

    queries = make_queries(corpus, args.queries, args.seed + 1)
    await time_queries(container, queries[:50], searcher_id)  # warm-up, not counted
    engine_runs, service_runs = [], []
    for attempt in range(args.repeat):
        engine, service = await time_queries(container, queries, searcher_id)
        engine_runs.append(engine)
        service_runs.append(service)
        log(f"run {attempt + 1}: engine {percentiles_line(engine)} service "
            f"{percentiles_line(service)}")  # fmt: skip
    report["engine_ms"] = {**median_of(engine_runs),
                           "cpu_ms": median_of([r["cpu_ms"] for r in engine_runs]),
                           "runs": engine_runs}  # fmt: skip
    report["service_ms"] = {**median_of(service_runs),
                            "cpu_ms": median_of([r["cpu_ms"] for r in service_runs]),
                            "runs": service_runs}  # fmt: skip
    report["load_average"] = {"start": load_at_start, "end": round(os.getloadavg()[0], 2)}
    await container.close()
    report["index_bytes_on_disk"] = sum(
        f.stat().st_size for f in (data / "search").rglob("*") if f.is_file()
    )
    report["targets"] = {"build_messages_per_s": 20_000, "p50_ms": 5, "p99_ms": 30}
    if not (args.keep or args.queries_only):
        shutil.rmtree(work, ignore_errors=True)
    return report


def percentiles_line(summary: dict[str, Any]) -> str:
    return f"p50 {summary['p50']} p95 {summary['p95']} p99 {summary['p99']} ms"


def log(message: str) -> None:
    print(f"[bench/search] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--chats", type=int, default=50_000)
    parser.add_argument("--users", type=int, default=None, help="default: messages / 20")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="query passes (medians reported)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--database-url",
        help="an empty, migrated-or-not PostgreSQL database "
        "for the store (default: SQLite in the working directory)",
    )
    parser.add_argument("--data", help="working directory (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the working directory")
    parser.add_argument("--queries-only", action="store_true",
                        help="only time queries, on the store and index a --keep run left in "
                        "--data (pass the same sizes and seed)")  # fmt: skip
    args = parser.parse_args(argv)
    args.users = args.users or max(100, args.messages // 20)
    args.chats = min(args.chats, args.messages)
    if args.queries_only and not args.data:
        parser.error("--queries-only needs the --data of an earlier --keep run")
    work = Path(args.data or tempfile.mkdtemp(prefix="parley-bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    report = asyncio.run(run(args, work))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

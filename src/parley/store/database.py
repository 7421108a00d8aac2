"""The Database: transactions for services, and the write path that makes SQLite fast.

SQLite allows one writer at a time, so every write goes through a single writer thread that
runs queued transaction functions in batches: one BEGIN IMMEDIATE, each function inside its
own SAVEPOINT (a failure rolls back only that function), one COMMIT for the batch. Under load
this group commit turns thousands of small transactions per second into a few hundred fsyncs.
On PostgreSQL each write is an ordinary pooled transaction and concurrency is the server's.

Services pass plain functions `fn(tx) -> T`; they run synchronously inside the transaction, so a
rule is checked against exactly the state the write changes."""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

import orjson
import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import NullPool

from parley.store import feeds
from parley.store.tx import Tx

T = TypeVar("T")
log = logging.getLogger(__name__)


def normalize_url(url: str) -> str:
    """postgresql:// means psycopg 3 here."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (see the begin hooks)
    cur = dbapi_conn.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=NORMAL",
        "busy_timeout=15000",
        "cache_size=-65536",
        "temp_store=MEMORY",
        "mmap_size=268435456",
        "foreign_keys=OFF",
    ):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


# JSON columns go through orjson: the standard library's encoder was half the cost of
# writing a batch of messages on PostgreSQL (every NULL document is encoded too).
JSON_CODEC: dict[str, Any] = {"json_serializer": _json_dumps, "json_deserializer": orjson.loads}


def create_sqlite_engine(url: str, *, pool_size: int) -> Engine:
    """An engine whose connections leave BEGIN to us (see `sqlite_begin`). No per-statement
    event hooks: on SQLite a hook doubles SQLAlchemy's cost per statement."""
    engine = sa.create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        connect_args={"check_same_thread": False, "timeout": 15},
        **JSON_CODEC,
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def sqlite_begin(conn: Connection, *, immediate: bool) -> None:
    """Open the real SQLite transaction. pysqlite's legacy mode would not BEGIN before SELECTs
    (no snapshot) nor before SAVEPOINTs; with isolation_level=None we emit BEGIN ourselves and
    the driver's commit()/rollback() end it."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# Set by a caller that pipelines its requests (services/pipeline.py): called once a write has
# taken its place in a queue that keeps its order, so that later writes cannot overtake it and
# the caller may start its next request. The SQLite writer calls it for every write; on a server
# database only the batcher calls it, for items given an order key (`write_many(..., key=)`):
# concurrent transactions promise no order until they commit, so other writes never call it.
write_queued: ContextVar[Callable[[], None] | None] = ContextVar("write_queued", default=None)


def _queued() -> None:
    hook = write_queued.get()
    if hook is not None:
        hook()


# A batch function handles many queued items of one kind in one go (set-based reads and
# executemany writes). It returns one outcome per item, in order: a value, or an exception
# instance for an item refused by a rule (returned, not raised, so the others still commit).
BatchFn = Callable[[Tx, list[Any]], list[Any]]


@dataclass(slots=True)
class _Job:
    fn: Callable[[Tx], Any] | None
    loop: asyncio.AbstractEventLoop | None
    future: asyncio.Future[Any] | Future[Any]
    batch_fn: BatchFn | None = None
    item: Any = None


def _settle(job: _Job, ok: bool, value: Any) -> None:
    _settle_all([(job, ok, value)])


def _resolve(fut: asyncio.Future[Any] | Future[Any], ok: bool, value: Any) -> None:
    if fut.done():  # the awaiting request went away; the write stands
        return
    if ok:
        fut.set_result(value)
    else:
        fut.set_exception(value)


def _settle_all(outcomes: list[tuple[_Job, bool, Any]]) -> None:
    """Hand each job its outcome. Futures of one event loop are settled in one callback: a
    cross-thread wake-up per job would cost the loop more than the writes themselves."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[Any, bool, Any]]] = {}
    for job, ok, value in outcomes:
        if job.loop is None:
            _resolve(job.future, ok, value)
        else:
            by_loop.setdefault(job.loop, []).append((job.future, ok, value))
    for loop, items in by_loop.items():
        loop.call_soon_threadsafe(_resolve_many, items)


def _resolve_many(items: list[tuple[Any, bool, Any]]) -> None:
    for fut, ok, value in items:
        _resolve(fut, ok, value)


class _SqliteWriter:
    """The single writer thread with group commit."""

    _STOP = object()

    def __init__(
        self, engine: Engine, *, batch_max: int, on_batch: Callable[[int, float], None]
    ) -> None:
        self._engine = engine
        self._batch_max = batch_max
        self._on_batch = on_batch
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="parley-sqlite-writer", daemon=True)
        self._thread.start()

    def submit(self, job: _Job) -> None:
        if self._closed:
            raise RuntimeError("the database is closed")
        self._queue.put(job)

    def close(self) -> None:
        self._closed = True
        self._queue.put(self._STOP)
        self._thread.join(timeout=30)
        # A job queued while closing would wait forever; fail it instead.
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(job, _Job):
                _settle(job, False, RuntimeError("the database is closed"))

    def _run(self) -> None:
        conn = self._engine.connect()
        try:
            while True:
                first = self._queue.get()
                if first is self._STOP:
                    return
                batch: list[_Job] = [first]
                stop = False
                while len(batch) < self._batch_max:
                    try:
                        nxt = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if nxt is self._STOP:
                        stop = True
                        break
                    batch.append(nxt)
                started = time.perf_counter()
                self._run_batch(conn, batch)
                self._on_batch(len(batch), time.perf_counter() - started)
                if stop:
                    return
        finally:
            conn.close()

    def _run_batch(self, conn: Connection, batch: list[_Job]) -> None:
        outcomes: list[tuple[_Job, bool, Any]] = []
        try:
            with conn.begin():
                sqlite_begin(conn, immediate=True)
                lone = batch[0].fn if len(batch) == 1 else None
                if lone is not None:  # no savepoint needed for a batch of one
                    outcomes.append((batch[0], True, lone(Tx(conn))))
                else:
                    for group in _consecutive_groups(batch):
                        outcomes.extend(_run_group(conn, group))
        except Exception as error:  # the commit itself failed, or a lone job raised
            if len(batch) == 1 and not outcomes:
                _settle(batch[0], False, error)
                return
            log.exception("write batch of %d failed to commit", len(batch))
            _settle_all([(job, False, error) for job in batch])
            return
        _settle_all(outcomes)


def _consecutive_groups(batch: list[_Job]) -> list[list[_Job]]:
    """Runs of jobs that share a batch function stay together; order is kept."""
    groups: list[list[_Job]] = []
    for job in batch:
        if groups and job.batch_fn is not None and groups[-1][-1].batch_fn is job.batch_fn:
            groups[-1].append(job)
        else:
            groups.append([job])
    return groups


def _run_group(conn: Connection, group: list[_Job]) -> list[tuple[_Job, bool, Any]]:
    """One savepoint per group. A batch function that fails as a whole is retried item by item,
    so one bad item cannot sink its neighbours.

    The savepoint is the driver's own statement under one fixed name: SQLAlchemy's
    `begin_nested` names and compiles a new SAVEPOINT per call and costs more than the group
    commit saves for a small group. (SQLite savepoints nest by name, so a function that opens
    its own nested transaction inside is unaffected.)"""
    head = group[0]
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute(_SAVEPOINT)
    try:
        if head.batch_fn is None:
            assert head.fn is not None
            outcomes = [(head, True, head.fn(Tx(conn)))]
        else:
            results = head.batch_fn(Tx(conn), [job.item for job in group])
            outcomes = [
                (job, not isinstance(r, Exception), r)
                for job, r in zip(group, results, strict=True)
            ]
    except Exception as error:
        raw.execute(_ROLLBACK_TO)
        raw.execute(_RELEASE)
        if len(group) == 1:
            return [(head, False, error)]
        return [outcome for job in group for outcome in _run_group(conn, [job])]
    raw.execute(_RELEASE)
    return outcomes


_SAVEPOINT = "SAVEPOINT parley_group"
_ROLLBACK_TO = "ROLLBACK TO parley_group"
_RELEASE = "RELEASE parley_group"


class Database:
    """Read and write transactions for services, on SQLite or PostgreSQL."""

    def __init__(
        self,
        url: str,
        *,
        read_threads: int = 4,
        pool_size: int = 10,
        batch_max: int = 256,
        on_batch: Callable[[int, float], None] | None = None,
    ) -> None:
        self.url = normalize_url(url)
        self.dialect = make_url(self.url).get_backend_name()
        self._read_pool = ThreadPoolExecutor(read_threads, thread_name_prefix="parley-db-read")
        self._writer: _SqliteWriter | None = None
        self._write_pool: ThreadPoolExecutor | None = None
        if self.is_sqlite:
            self.engine = create_sqlite_engine(self.url, pool_size=read_threads + 2)
            self._write_engine = create_sqlite_engine(self.url, pool_size=1)
            self._writer = _SqliteWriter(
                self._write_engine, batch_max=batch_max, on_batch=on_batch or (lambda n, s: None)
            )
        else:
            self.engine = sa.create_engine(
                self.url,
                pool_size=pool_size,
                max_overflow=pool_size,
                pool_pre_ping=True,
                **JSON_CODEC,
            )
            self._write_engine = self.engine
            self._write_pool = ThreadPoolExecutor(pool_size, thread_name_prefix="parley-db-write")
        self._batchers: dict[BatchFn, _Batcher] = {}
        self._batch_max = batch_max

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    # -- reads --------------------------------------------------------------------------
    def read_sync(self, fn: Callable[[Tx], T]) -> T:
        with self.engine.connect() as conn, conn.begin():
            if self.is_sqlite:
                sqlite_begin(conn, immediate=False)
            return fn(Tx(conn))

    async def read(self, fn: Callable[[Tx], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._read_pool, self.read_sync, fn)

    # -- writes -------------------------------------------------------------------------
    def _write_direct(self, fn: Callable[[Tx], T]) -> T:
        for attempt in range(3):
            try:
                with self._write_engine.begin() as conn:
                    if self.is_sqlite:  # a second process on the same file (CLI, tools)
                        sqlite_begin(conn, immediate=True)
                    else:  # lets feed consumers tell Parley's writers from others
                        conn.execute(feeds.writer_lock_sql())
                    return fn(Tx(conn))
            except exc.DBAPIError as error:
                if attempt == 2 or not _is_retryable(error):
                    raise
                time.sleep(0.01 * (attempt + 1))
        raise AssertionError("unreachable")

    def write_sync(self, fn: Callable[[Tx], T]) -> T:
        if self._writer is None:
            return self._write_direct(fn)
        fut: Future[T] = Future()
        self._writer.submit(_Job(fn=fn, loop=None, future=fut))
        return fut.result()

    async def write(self, fn: Callable[[Tx], T]) -> T:
        loop = asyncio.get_running_loop()
        if self._writer is None:
            assert self._write_pool is not None
            return await loop.run_in_executor(self._write_pool, self._write_direct, fn)
        fut: asyncio.Future[T] = loop.create_future()
        self._writer.submit(_Job(fn=fn, loop=loop, future=fut))
        _queued()
        return await fut

    async def write_many(self, batch_fn: BatchFn, item: Any, *, key: Hashable = None) -> Any:
        """Queue one item for `batch_fn`; items queued together are handled in one call and one
        transaction (SQLite: by the writer thread; PostgreSQL: by a per-function batcher that
        sends whatever queued up while the previous batch ran). Items with the same `key` (a
        chat, say) are handled in the order queued: on SQLite every write is; on PostgreSQL the
        batcher never has two batches with the same key in flight. Raises the item's exception
        if it was refused."""
        loop = asyncio.get_running_loop()
        if self._writer is None:
            batcher = self._batchers.get(batch_fn)
            if batcher is None:
                batcher = self._batchers[batch_fn] = _Batcher(self, batch_fn)
            return await batcher.submit(item, key)
        fut: asyncio.Future[Any] = loop.create_future()
        self._writer.submit(_Job(fn=None, loop=loop, future=fut, batch_fn=batch_fn, item=item))
        _queued()
        return await fut

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._read_pool.shutdown(wait=True)
        if self._write_pool is not None:
            self._write_pool.shutdown(wait=True)
        self.engine.dispose()
        self._write_engine.dispose()


class _Batcher:
    """Group commit for a server database: while a batch is in flight, items queue up, and the
    next batch takes them all in one transaction. Up to BATCHES_IN_FLIGHT batches run at once,
    so the process is not idle while one waits on the database's round trips. An item whose
    key is in a batch in flight waits for the next batch (so do later items with that key):
    batches in flight never share a key, and items of one key commit in the order queued,
    which is what lets a connection pipeline its sends to a chat (services/pipeline.py)."""

    BATCHES_IN_FLIGHT = 2

    def __init__(self, db: Database, batch_fn: BatchFn) -> None:
        self._db = db
        self._fn = batch_fn
        self._pending: list[tuple[Any, Hashable, asyncio.Future[Any]]] = []
        self._in_flight: set[Hashable] = set()
        self._drains: set[asyncio.Task[None]] = set()

    async def submit(self, item: Any, key: Hashable = None) -> Any:
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending.append((item, key, fut))
        if len(self._drains) < self.BATCHES_IN_FLIGHT:
            task = asyncio.get_running_loop().create_task(self._drain())
            self._drains.add(task)
            task.add_done_callback(self._drains.discard)
        if key is not None:
            _queued()
        return await fut

    def _take(self) -> list[tuple[Any, Hashable, asyncio.Future[Any]]]:
        """The next batch in queue order, leaving behind items whose key is in flight."""
        batch: list[tuple[Any, Hashable, asyncio.Future[Any]]] = []
        left: list[tuple[Any, Hashable, asyncio.Future[Any]]] = []
        for entry in self._pending:
            key = entry[1]
            if len(batch) < self._db._batch_max and (key is None or key not in self._in_flight):
                batch.append(entry)
            else:
                left.append(entry)
        self._pending = left
        return batch

    async def _drain(self) -> None:
        while batch := self._take():
            keys = {key for _, key, _ in batch if key is not None}
            self._in_flight |= keys
            try:
                results = await self._run([item for item, _, _ in batch])
            finally:
                self._in_flight -= keys
            for (_, _, fut), result in zip(batch, results, strict=True):
                if fut.done():
                    continue
                if isinstance(result, Exception):
                    fut.set_exception(result)
                else:
                    fut.set_result(result)

    async def _run(self, items: list[Any]) -> list[Any]:
        loop = asyncio.get_running_loop()
        pool = self._db._write_pool
        try:
            return await loop.run_in_executor(
                pool, self._db._write_direct, lambda tx: self._fn(tx, items)
            )
        except Exception:  # the batch failed as a whole: one by one, so one bad item
            results: list[Any] = []  # cannot sink the rest
            for item in items:
                try:
                    (one,) = await loop.run_in_executor(
                        pool, self._db._write_direct, lambda tx, i=item: self._fn(tx, [i])
                    )
                except Exception as error:
                    one = error
                results.append(one)
            return results


def _is_retryable(error: exc.DBAPIError) -> bool:
    """Deadlocks and serialization failures on PostgreSQL; unique races retry once too, so a
    get-or-create that lost the race finds the winner's row on its second run."""
    code = getattr(getattr(error, "orig", None), "sqlstate", None)
    return code in {"40001", "40P01", "23505"}


def create_scratch_engine(url: str) -> Engine:
    """An engine for one-off admin work (migrations, copies), with no pool left behind."""
    return sa.create_engine(normalize_url(url), poolclass=NullPool, **JSON_CODEC)

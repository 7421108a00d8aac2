"""Ranked results a window at a time, and pages cut from them by offset.

An engine returns candidates by its own score; each window of RESCORE_WINDOW is rescored with
Parley's boosts and re-sorted. Pages are offsets into that sequence, so for one index state a
page is the same every time it is asked for, and results from several spaces (the public and
private files) interleave best first with one offset per space in the cursor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parley.search.protocol import BadCursor, Hit, HitPage, MessageKey, PeerKey

RESCORE_WINDOW = 200
MAX_DEPTH = 1000  # results per space a query can page through


@dataclass(slots=True)
class Stream:
    """One space's ranked results from an offset, fetched a rescored window at a time."""

    fetch: Callable[[int], list[tuple[float, int]]]
    pos: int
    _window_no: int = -1
    _window: tuple[tuple[float, int], ...] = ()

    def peek(self) -> tuple[float, int] | None:
        if self.pos >= MAX_DEPTH:
            return None
        number = self.pos // RESCORE_WINDOW
        if number != self._window_no:
            self._window = tuple(self.fetch(number))
            self._window_no = number
        index = self.pos - number * RESCORE_WINDOW
        return self._window[index] if index < len(self._window) else None


def parse_after(after: str | None, slots: int) -> list[int]:
    if after is None:
        return [0] * slots
    parts = after.split(".")
    if len(parts) != slots or not all(p.isdigit() and len(p) <= 6 for p in parts):
        raise BadCursor("not a cursor of this index")
    return [min(int(p), MAX_DEPTH) for p in parts]


def merge(
    streams: list[Stream | None], limit: int, decode: Callable[[int], MessageKey | PeerKey]
) -> HitPage:
    """Interleave the spaces' streams best first; each hit records every stream's offset."""
    hits: list[Hit] = []
    while len(hits) < limit:
        best: tuple[float, int] | None = None
        best_stream: Stream | None = None
        for stream in streams:
            head = stream.peek() if stream is not None else None
            if head is not None and (best is None or (head[0], -head[1]) > (best[0], -best[1])):
                best, best_stream = head, stream
        if best is None or best_stream is None:
            break
        best_stream.pos += 1
        after = ".".join(str(s.pos if s is not None else 0) for s in streams)
        hits.append(Hit(key=decode(best[1]), score=best[0], after=after))
    exhausted = all(s is None or s.peek() is None for s in streams)
    return HitPage(hits=hits, exhausted=exhausted)

"""Cyclic garbage collection paused while a large page is extracted.

A page of 10^5 blocks holds about a million tracked objects (blocks, their features, elements,
paths) that live until the result is made; CPython's collector walks all of them again each
time the objects made since its last full pass reach a quarter of them, a dozen full passes
over a heap that no longer fits in the caches: 35 to 60 % of the time of such a page. The
pipeline makes no garbage that only the collector frees, so on a page of ``GC_PAUSE_BYTES`` or
more the automatic collection is paused until the extraction ends, and resumed then if it was
on. The pause is shared: concurrent extractions in threads resume it when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .limits import GC_PAUSE_BYTES

__all__ = ["collection_paused"]

_LOCK = threading.Lock()
_state = {"pauses": 0, "resume": False}


@contextmanager
def collection_paused(size: int) -> Iterator[None]:
    """Pause the automatic garbage collection inside the block when ``size`` (the page's
    length) reaches GC_PAUSE_BYTES; below it nothing is touched."""
    if size < GC_PAUSE_BYTES:
        yield
        return
    with _LOCK:
        if _state["pauses"] == 0:
            _state["resume"] = gc.isenabled()
            gc.disable()
        _state["pauses"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["pauses"] -= 1
            if _state["pauses"] == 0 and _state["resume"]:
                gc.enable()

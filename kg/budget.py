"""The per-article time budget: an article that takes longer to read and extract is
reported and skipped, and the others are built.

Time is CPU time of the process doing the article (a worker of ``kg build --jobs N``,
or the build's own process with one job), so a busy machine does not make an article
fail that an idle one builds. The budget is enforced with a timer signal, which
interrupts Python code and regular expressions alike; it needs the main thread of its
process (where ``kg build`` runs its articles). Elsewhere (a thread of a server, a Dask
worker thread) no budget applies.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

ARTICLE_SECONDS = 60.0   # default of kg build --article-timeout


class ArticleTimeout(BaseException):
    """The article went over its budget. A ``BaseException``, so that no ``except
    Exception`` inside an extractor can swallow it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took more than {seconds:g} s of CPU time (the per-article budget, "
                         f"--article-timeout); skipped")
        self.seconds = seconds


def enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def article_budget(seconds: float | None):
    """Raise :class:`ArticleTimeout` in the block once it has used ``seconds`` of CPU
    time (``None`` or 0: no budget)."""
    if not seconds or seconds <= 0 or not enforceable():
        yield
        return

    def expired(signum, frame):
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGVTALRM, expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)

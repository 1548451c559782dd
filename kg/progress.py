"""What ``kg build`` says while it works.

Three modes, chosen by :func:`choose_mode`:

* ``bar``: on a terminal, the phases as lines and, while articles are extracted, a
  tqdm progress bar with articles per second and the time left;
* ``log``: with ``--verbose``, plain lines a log file can keep: each phase and its
  seconds, and the extraction's article count and rate (``make bench`` reads them);
* ``off``: when stderr is not a terminal (piped, redirected, cron) or with ``--quiet``.

Everything goes to stderr; stdout keeps the one summary line.
"""
from __future__ import annotations

import io
import sys
import time
from contextlib import contextmanager

MODES = ("bar", "log", "off")
BAR_FORMAT = "{desc} {n_fmt}/{total_fmt} |{bar}| {percentage:3.0f}%  {rate_noinv_fmt}, {remaining} left"


def choose_mode(stream=None, *, quiet: bool = False, verbose: bool = False) -> str:
    """``off`` with ``quiet``; ``log`` with ``verbose``; ``bar`` on a terminal; else ``off``."""
    stream = sys.stderr if stream is None else stream
    if quiet:
        return "off"
    if verbose:
        return "log"
    isatty = getattr(stream, "isatty", None)
    return "bar" if isatty is not None and isatty() else "off"


def _screen(stream) -> tuple[int | None, int | None]:
    """(columns, lines) to give tqdm: None where the terminal reports its size (tqdm
    follows it), else 80 x 24 (a terminal of unknown size, where tqdm would draw nothing)."""
    import os

    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return 80, 24
    return (None if size.columns > 0 else 80), (None if size.lines > 0 else 24)


class Progress:
    """Phases (``with progress.phase("writing graph.ttl"): ...``) and the article bar
    (``start(total)``, ``advance()``). ``timings`` keeps (phase, seconds) in order."""

    def __init__(self, mode: str = "off", stream=None, *, unit: str = "articles", desc: str = "extracting") -> None:
        if mode not in MODES:
            raise ValueError(f"progress mode must be one of {', '.join(MODES)}")
        self.mode = mode
        self.stream = sys.stderr if stream is None else stream
        self.unit, self.desc = unit, desc
        self.timings: list[tuple[str, float]] = []
        self._bar = None
        self._total = 0
        self._done = 0
        self._t0 = 0.0

    def say(self, text: str) -> None:
        if self.mode == "off":
            return
        if self._bar is not None:
            self._bar.write(f"kg: {text}", file=self.stream)
        else:
            print(f"kg: {text}", file=self.stream, flush=True)

    def report(self, text: str) -> None:
        """A line that is always shown (a skipped article, a warning), even when quiet,
        without breaking the bar."""
        if self._bar is not None:
            self._bar.write(f"kg: {text}", file=self.stream)
        else:
            print(f"kg: {text}", file=self.stream, flush=True)

    @contextmanager
    def phase(self, name: str):
        """Announce a phase (bar mode), time it, and say its seconds when it ends."""
        if self.mode == "bar":
            print(f"kg: {name} ...", end="", file=self.stream, flush=True)
        t = time.perf_counter()
        ok = False
        try:
            yield
            ok = True
        finally:
            seconds = time.perf_counter() - t
            self.timings.append((name, seconds))
            if self.mode == "bar":
                print(f" {seconds:.1f} s" if ok else " failed", file=self.stream, flush=True)
            elif self.mode == "log" and ok:
                print(f"kg: {name}: {seconds:.2f} s", file=self.stream, flush=True)

    def start(self, total: int) -> None:
        """The extraction of ``total`` articles begins."""
        self.close()
        self._total, self._done, self._t0 = total, 0, time.perf_counter()
        if self.mode == "bar":
            from tqdm import tqdm

            width, height = _screen(self.stream)
            self._bar = tqdm(total=total, desc=self.desc, unit=f" {self.unit}", file=self.stream,
                             bar_format=BAR_FORMAT, dynamic_ncols=width is None, ncols=width, nrows=height,
                             mininterval=0.2, leave=True)
        elif self.mode == "log":
            print(f"kg: {self.desc} {total} {self.unit}", file=self.stream, flush=True)

    def advance(self, n: int = 1) -> None:
        self._done += n
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        """End the bar (called by the next phase, or at the end)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if self._total or self._done:
            seconds = time.perf_counter() - self._t0
            self.timings.append((self.desc, seconds))
            if self.mode == "log":
                rate = self._done / seconds if seconds > 0 else 0.0
                print(f"kg: {self.desc}: {seconds:.2f} s ({self._done} {self.unit}, {rate:.1f} {self.unit}/s)",
                      file=self.stream, flush=True)
            self._total = self._done = 0


QUIET = Progress("off")

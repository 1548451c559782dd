"""The output folder as one unit: a build leaves the previous complete set of exports
or the new complete set, never Turtle from one build and HTML from another.

``kg build`` takes a lock next to the output folder (``.NAME.kg-lock``: a second build
into the same folder stops with a message), writes every export into a fresh hidden
folder beside it (``.NAME.kg-new-XXXX``) and, when all are written, swaps that folder
with the output folder in one step (``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere
two renames under the lock). An interrupted build (Ctrl-C, SIGTERM, an error, a full
disk) removes its new folder and leaves the output folder as it was; a build killed
outright (SIGKILL, power cut) leaves a hidden folder that the next build removes.

The output folder holds exactly the files of one build: the folder kg swaps in replaces
the old one, so kg refuses an output folder holding files it did not write.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import tempfile
import threading
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class OutputBusy(OSError):
    """Another build holds the output folder."""


class ForeignFolder(OSError):
    """The output folder holds files kg did not write."""


class ExportWriteError(OSError):
    """A file of the export could not be written (``filename``: the file in the output
    folder it was to become)."""

    def __str__(self) -> str:
        return (f"could not write {self.filename}: {self.strerror} "
                f"(nothing was changed in the output folder)")


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the build is, so that it cleans up as after Ctrl-C."""


def kg_names() -> set[str]:
    """The names kg writes in an output folder."""
    from . import exporters

    return {e.filename for e in exporters()}




def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class OutputSet:
    """``with OutputSet(out) as staged: ...write into staged.path...; staged.commit()``."""

    def __init__(self, target: Path) -> None:
        self.target = Path(os.path.abspath(target))
        self.parent = self.target.parent
        self.path: Path | None = None
        self._lock_fd: int | None = None
        self._old_term = None
        self.committed = False
        self._staged: Path | None = None

    # ------------------------------------------------------------------ enter
    def __enter__(self) -> "OutputSet":
        self.parent.mkdir(parents=True, exist_ok=True)
        if self.target.exists() and not self.target.is_dir():
            raise ForeignFolder(errno.ENOTDIR, "not a folder", str(self.target))
        self._lock()
        try:
            self._check_foreign()
            self._sweep()
            self._on_sigterm()
            self.path = self._staged = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.kg-new-", dir=self.parent))
        except BaseException:
            self._release()
            raise
        return self

    def _lock(self) -> None:
        import fcntl

        lock = self.parent / f".{self.target.name}.kg-lock"
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise OutputBusy(errno.EBUSY, f"another kg build is writing {self.target} (it holds {lock}): "
                                          "wait for it to finish, or build into another folder") from None
        self._lock_fd = fd

    def _check_foreign(self) -> None:
        if not self.target.is_dir():
            return
        names = kg_names()
        # and what an exporter or a streaming build was writing when killed (".graph.nt.k3j_x9a2")
        temp = re.compile(r"^\.(?:" + "|".join(re.escape(n) for n in names) + r")\.[a-z0-9_]{8}$")
        foreign = sorted(e.name for e in os.scandir(self.target) if e.name not in names and not temp.match(e.name))
        if foreign:
            shown = ", ".join(repr(n) for n in foreign[:3]) + (", ..." if len(foreign) > 3 else "")
            raise ForeignFolder(errno.EEXIST, f"{self.target} holds files kg did not write ({shown}); kg build "
                                              "replaces the whole output folder with the new exports, so give a "
                                              "new or empty folder, or one an earlier kg build wrote")

    def _sweep(self) -> None:
        """Remove the working folders of builds that were killed outright (we hold the lock)."""
        pattern = re.compile(rf"^\.{re.escape(self.target.name)}\.kg-(?:new|old)-")
        for entry in os.scandir(self.parent):
            if pattern.match(entry.name) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)

    def _on_sigterm(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def terminated(signum, frame):
            raise Terminated()

        self._old_term = signal.signal(signal.SIGTERM, terminated)

    # ------------------------------------------------------------------ commit
    def commit(self) -> None:
        """Put the new set in place of the output folder, in one step."""
        assert self.path is not None
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.path, 0o777 & ~mask)  # mkdtemp made it private
        _fsync_dir(self.path)
        if not self.target.exists():
            os.rename(self.path, self.target)
            self.path = None
        elif _exchange(self.path, self.target):
            shutil.rmtree(self.path, ignore_errors=True)  # now the previous set
            self.path = None
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.kg-old-", dir=self.parent))
            os.rename(self.target, old / "set")
            os.rename(self.path, self.target)
            self.path = None
            shutil.rmtree(old, ignore_errors=True)
        _fsync_dir(self.parent)
        self.committed = True

    # ------------------------------------------------------------------ exit
    def __exit__(self, kind, exc, tb) -> bool:
        try:
            if self.path is not None:
                shutil.rmtree(self.path, ignore_errors=True)
        finally:
            self._release()
        if isinstance(exc, OSError) and not isinstance(exc, (OutputBusy, ForeignFolder, ExportWriteError)) \
                and exc.errno in DISK_FULL:
            raise self._named(exc) from exc
        return False

    def _named(self, exc: OSError) -> ExportWriteError:
        name = exc.filename or "a file of the export"
        staged = str(self._staged) if self._staged else None
        if isinstance(name, str) and staged and name.startswith(staged):
            name = str(self.target) + name[len(staged):]
        return ExportWriteError(exc.errno, exc.strerror or os.strerror(exc.errno), name)

    def _release(self) -> None:
        if self._old_term is not None:
            signal.signal(signal.SIGTERM, self._old_term)
            self._old_term = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # the lock goes with it
            self._lock_fd = None

"""Writing output files safely: to a temporary file beside the target, moved into place
only when complete, so a failed run leaves an existing file untouched and nothing partial.

An output is never one of the command's inputs, and never anything but a regular file: a
device node or a FIFO is refused, not replaced (`-` writes to standard output instead)."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from packetgen.errors import RenderError, UsageError

STDOUT = "-"
# errors that mean the disk, not packetgen, refused the bytes
_DISK = {errno.ENOSPC: "no space left on device", errno.EDQUOT: "disk quota exceeded",
         errno.EFBIG: "file too large", errno.EROFS: "read-only file system", errno.EIO: "input/output error"}


def disk_refused(exc: OSError) -> str | None:
    """What the disk said, in words, when `exc` means the disk refused the bytes (not packetgen)."""
    return _DISK.get(exc.errno) if exc.errno is not None else None


def is_stdout(target) -> bool:
    return str(target) == STDOUT


def check_target(target: str | Path, inputs: Iterable[str | Path | None] = (), *, option: str = "-o") -> None:
    """Refuse an output that names one of `inputs` (also through a link) or an existing file
    that is not a regular file (a folder, a FIFO, a device): UsageError. "-" is refused too: only
    `render` writes to standard output, and it does not call this for "-"."""
    if is_stdout(target):
        raise UsageError(f"{option} -: only `render` writes to standard output; give a file name")
    target = Path(target)
    try:
        info = target.stat()
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = ("a folder" if stat.S_ISDIR(info.st_mode) else "a FIFO" if stat.S_ISFIFO(info.st_mode)
                else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "a special file")
        raise UsageError(f"{option} {target}: is {kind}, not a regular file; packetgen writes files "
                         f"(use {option} {STDOUT} for standard output)")
    for source in inputs:
        if source is None or is_stdout(source):
            continue
        if same_file(target, Path(source)):
            raise UsageError(f"{option} {target}: that is an input of this command ({source}); "
                             "write the output to another file")


def same_file(a: str | Path, b: str | Path) -> bool:
    """`a` and `b` are one file (through links too), or would be once made."""
    a, b = Path(a), Path(b)
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


@contextmanager
def atomic_path(target: str | Path, *, inputs: Iterable[str | Path | None] = ()) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `target`."""
    with atomic_paths([Path(target)], inputs=inputs) as (tmp,):
        yield tmp


@contextmanager
def atomic_paths(targets: list[Path], *, private: tuple[Path, ...] = (),
                 inputs: Iterable[str | Path | None] = ()) -> Iterator[list[Path]]:
    """Temporary paths for several files that belong together (a handout and its pseudonym key):
    all of them replace their targets once every one is complete, or none does. A file keeps the
    mode of the one it replaces (a new one gets the umask's); files in `private` are readable by
    their owner only (mode 0600). A full disk is a RenderError that says so."""
    inputs = tuple(inputs)
    targets = [Path(t) for t in targets]
    for n, target in enumerate(targets):
        check_target(target, inputs + tuple(targets[:n]))
    temps: list[Path] = []
    try:
        for target in targets:
            _temp_beside(target, temps)
        try:
            yield temps
        except OSError as exc:
            raise _disk_error(exc, targets, temps) from None
        for tmp, target in zip(temps, targets, strict=False):
            mode = 0o600 if target in private else (target.stat().st_mode & 0o777 if target.exists()
                                                    else 0o666 & ~_umask())
            with suppress(OSError):
                os.chmod(tmp, mode)
        for tmp, target in zip(temps, targets, strict=False):
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise RenderError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


def _disk_error(exc: OSError, targets: list[Path], temps: list[Path]) -> Exception:
    """An OSError while writing: the disk's refusal is the user's to fix (RenderError); any other
    one is re-raised as it is."""
    names = {str(t) for t in temps}
    if exc.errno in _DISK or (exc.filename is not None and str(exc.filename) in names):
        target = targets[[str(t) for t in temps].index(str(exc.filename))] if str(exc.filename) in names \
            else targets[0]
        return RenderError(f"cannot write {target}: {disk_refused(exc) or exc.strerror or exc}")
    return exc


def _temp_beside(target: Path, temps: list[Path]) -> None:
    """An empty file beside `target`, private until it replaces it, added to `temps`. Its name is
    short, whatever the target's: a target name near the file system's limit still gets one.

    Terminating signals wait while the file is made and listed: a SIGTERM between the two would
    leave a file that nobody removes."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise RenderError(f"cannot write {target}: folder {folder} does not exist")
    with _signals_held():
        try:
            fd, tmp = tempfile.mkstemp(prefix=".pg-", suffix=".part", dir=folder)
        except OSError as exc:
            raise RenderError(f"cannot write {target}: {disk_refused(exc) or exc.strerror or exc}") from None
        temps.append(Path(tmp))
    os.close(fd)


_HELD = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def _signals_held() -> Iterator[None]:
    """Delay terminating signals to the end of the block (where the platform can)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextmanager
def to_stdout(suffix: str) -> Iterator[Path]:
    """A temporary path whose bytes go to standard output once complete (`-o -`)."""
    with tempfile.TemporaryDirectory(prefix="packetgen-") as folder:
        tmp = Path(folder) / f"packet.{suffix}"
        yield tmp
        out = sys.stdout.buffer
        with tmp.open("rb") as src:
            shutil.copyfileobj(src, out)
        out.flush()


def write_bytes(target: str | Path, data: bytes, *, inputs: Iterable[str | Path | None] = ()) -> None:
    with atomic_path(target, inputs=inputs) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | Path, text: str, *, inputs: Iterable[str | Path | None] = ()) -> None:
    write_bytes(target, text.encode("utf-8"), inputs=inputs)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

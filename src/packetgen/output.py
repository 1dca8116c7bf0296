"""Writing output files safely: to a temporary file beside the target, moved into place
only when complete, so a failed run leaves an existing file untouched and nothing partial."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import RenderError


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `target`."""
    with atomic_paths([Path(target)]) as (tmp,):
        yield tmp


@contextmanager
def atomic_paths(targets: list[Path], *, private: tuple[Path, ...] = ()) -> Iterator[list[Path]]:
    """Temporary paths for several files that belong together (a handout and its pseudonym key):
    all of them replace their targets once every one is complete, or none does. A file keeps the
    mode of the one it replaces (a new one gets the umask's); files in `private` are readable by
    their owner only (mode 0600)."""
    temps: list[Path] = []
    try:
        for target in targets:
            temps.append(_temp_beside(Path(target)))
        yield temps
        for tmp, target in zip(temps, targets):
            mode = 0o600 if target in private else (target.stat().st_mode & 0o777 if target.exists()
                                                    else 0o666 & ~_umask())
            try:
                os.chmod(tmp, mode)
            except OSError:
                pass
        for tmp, target in zip(temps, targets):
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise RenderError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


def _temp_beside(target: Path) -> Path:
    """An empty file beside `target`, private until it replaces it."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise RenderError(f"cannot write {target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise RenderError(f"cannot write {target}: {exc.strerror or exc}") from None
    os.close(fd)
    os.chmod(tmp, 0o600)
    return Path(tmp)


def write_bytes(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

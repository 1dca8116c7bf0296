"""`render EVIDENCE... -o DIR/`: a cycle's packets in one command.

One packet per evidence file, named from the candidate (`jordan-lee.pdf`; a second Jordan Lee is
`jordan-lee-2.pdf`, in the order the files are given), rendered by worker processes: each imports the
renderers once and collects its garbage after every packet, so its memory stays flat however many it
renders. Each packet is written whole or not at all (as `render` writes one); a file that fails leaves
the others alone, and what failed is summed up at the end.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from packetgen.errors import Diagnostic, InputError, PacketgenError, UsageError

_NOT_IN_A_NAME = re.compile(r"[^a-z0-9]+")
NAME_LIMIT = 80  # characters of a packet's file name before its suffix


@dataclass(frozen=True)
class Outcome:
    """What became of one evidence file: written to `output`, or not, and why."""

    evidence: str
    output: Path | None
    diagnostics: tuple[Diagnostic, ...] = ()  # its warnings, or the errors that stopped it
    error: str = ""  # empty when the packet was written
    digest: str = ""  # an archival record's SHA-256

    @property
    def written(self) -> bool:
        return not self.error


@dataclass
class Batch:
    """The packets to write: each planned file's output, and the files that could not be planned."""

    folder: Path
    planned: dict[int, tuple[str, Path]] = field(default_factory=dict)  # position among the files given
    refused: dict[int, Outcome] = field(default_factory=dict)


def file_name(candidate: str, fallback: str) -> str:
    """A packet's file name (without suffix) from the candidate's name: ASCII, lower case, hyphens."""
    from anyascii import anyascii

    name = _NOT_IN_A_NAME.sub("-", anyascii(candidate).lower()).strip("-")[:NAME_LIMIT].strip("-")
    return name or _NOT_IN_A_NAME.sub("-", anyascii(fallback).lower()).strip("-")[:NAME_LIMIT] or "packet"


def plan(evidence: Sequence[str], folder: str | Path, *, fmt: str, framework: str | None = None,
         others: Sequence[str | Path | None] = ()) -> Batch:
    """Name every packet before any is rendered (the names depend on all the files together). A file
    that does not load is refused here with its located errors; the others go on. A file given twice
    (by any path) is rendered once. No packet may land on any file the command reads: the evidence
    files, the framework, and `others` (a lexicon, a key...)."""
    from packetgen.loading.evidence import load_evidence
    from packetgen.output import check_target, same_file

    folder = check_folder(folder)
    batch = Batch(folder)
    taken: set[str] = set()
    seen: list[str] = []
    inputs = (*evidence, framework, *others)
    for at, path in enumerate(evidence):
        if any(same_file(path, before) for before in seen):
            continue
        seen.append(path)
        try:
            loaded = load_evidence(path, framework=framework)
        except InputError as exc:
            batch.refused[at] = Outcome(str(path), None, exc.diagnostics, "does not load")
            continue
        except PacketgenError as exc:
            batch.refused[at] = Outcome(str(path), None, (), str(exc))
            continue
        base = file_name(loaded.evidence.candidate.name, Path(path).stem)
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name)
        output = folder / f"{name}.{fmt}"
        check_target(output, inputs)
        batch.planned[at] = (str(path), output)
    return batch


def check_folder(folder: str | Path) -> Path:
    """The folder packets go to: an existing folder, or a name nothing holds yet (made when the first
    packet is ready). UsageError for a file, a link to nothing, or a path through a file."""
    folder = Path(folder)
    if folder.is_dir():
        return folder
    if folder.exists():
        raise UsageError(f"-o {folder}: is a file; with more than one evidence file, -o names a folder")
    if folder.is_symlink():
        raise UsageError(f"-o {folder}: is a link to {os.readlink(folder)}, which does not exist; "
                         "remove the link or name another folder")
    for parent in folder.parents:
        if parent.exists() and not parent.is_dir():
            raise UsageError(f"-o {folder}: {parent} is a file, not a folder")
    return folder


class Stopped(BaseException):
    """A batch stopped by Ctrl-C or a terminating signal: the packets finished before it are written,
    the others are not (`outcomes`, in the order the files were given). `signum`: the signal."""

    def __init__(self, signum: int, outcomes: list[Outcome]):
        super().__init__(signum)
        self.signum = signum
        self.outcomes = outcomes


def render_all(batch: Batch, *, jobs: int | None = None, options: dict,
               on_done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Render every planned packet with `jobs` worker processes (default: one per CPU; 1 renders here,
    in this process) and return every outcome in the order the files were given, the refused ones
    included. `options` are `commands.render.prepare`'s; `on_done` sees each outcome as it comes.

    Ctrl-C (or SIGTERM) starts no new packet and lets the ones under way finish (a second one stops
    them unwritten), then raises Stopped with every outcome. A worker that dies (killed, out of
    memory) fails its packet and those not started, not the batch's written ones."""
    import signal
    import time

    from packetgen.errors import Terminated

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(batch.planned) or 1))
    done: dict[int, Outcome] = dict(batch.refused)

    def finished(at: int, outcome: Outcome) -> None:
        done[at] = outcome
        if on_done is not None:
            on_done(outcome)

    def not_rendered(why: str) -> list[Outcome]:
        for at, (path, _) in batch.planned.items():
            done.setdefault(at, Outcome(path, None, (), why))
        return [done[at] for at in sorted(done)]

    if batch.planned:
        batch.folder.mkdir(parents=True, exist_ok=True)
    if jobs == 1:
        try:
            for at, (path, output) in batch.planned.items():
                finished(at, render_one(path, output, options))
        except KeyboardInterrupt:
            raise Stopped(signal.SIGINT, not_rendered("stopped before it was rendered")) from None
        except Terminated as exc:
            raise Stopped(exc.signum, not_rendered("stopped before it was rendered")) from None
        return [done[at] for at in sorted(done)]

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # forkserver: each worker starts clean (never a copy of this process's threads or locks, a progress
    # bar's among them); the server imports the renderers once and ignores Ctrl-C, and so do the workers
    # it forks (packetgen.commands.worker), which this process stops instead
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["packetgen.commands.worker"])
    # the environment a packet depends on travels with it: a worker's is its server's, which may have
    # started before this call (a library caller that sets SOURCE_DATE_EPOCH in between)
    env = {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH")}
    since = time.time() - 1  # a packet file changed after this was written by this batch (mtime granularity)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker)
    futures = {pool.submit(render_one, path, output, options, env): at
               for at, (path, output) in batch.planned.items()}
    stopped: int | None = None
    try:
        try:
            for future in as_completed(futures):
                finished(futures[future], future.result())
        except (KeyboardInterrupt, Terminated) as exc:
            stopped = getattr(exc, "signum", signal.SIGINT)
            for future in futures:
                future.cancel()
            # the packets under way finish (a second signal stops them unwritten)
            for future in as_completed(futures):
                if not future.cancelled():
                    finished(futures[future], _outcome_of(future, batch.planned[futures[future]], since))
    except BrokenProcessPool:
        pass  # outcomes of the packets that did not come back are filled in below
    except (KeyboardInterrupt, Terminated) as exc:
        stopped = getattr(exc, "signum", signal.SIGINT)
        _stop_workers(pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for future, at in futures.items():
        if at not in done and future.done() and not future.cancelled():
            finished(at, _outcome_of(future, batch.planned[at], since))
    if stopped is not None:
        raise Stopped(stopped, not_rendered("stopped before it was rendered"))
    return not_rendered("its worker process died (killed, or out of memory)")


def _outcome_of(future, planned: tuple[str, Path], since: float = 0.0) -> Outcome:
    from packetgen.errors import Terminated

    try:
        return future.result()
    except (Terminated, SystemExit):  # a second Ctrl-C stopped it (a worker sends back how it ended)
        path, output = planned
        try:  # stopped just after its packet was moved into place: it was written (each is whole)
            if output.stat().st_mtime >= since:
                return Outcome(path, output)
        except OSError:
            pass
        return Outcome(path, None, (), "stopped while it was rendered")
    except Exception:  # BrokenProcessPool: its worker died
        return Outcome(planned[0], None, (), "its worker process died (killed, or out of memory)")


def _stop_workers(pool) -> None:
    """A second Ctrl-C: stop the packets under way (each is written whole or not at all). The pool
    keeps its processes in `_processes` (CPython 3.8-3.13; 3.14 has terminate_workers())."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _start_worker() -> None:
    """Each worker: the collector tuned as for any render (cli.group.rendering_process). What the
    server loaded is frozen, so the collection after each packet looks only at its garbage."""
    import gc
    import signal
    import sys

    from packetgen.errors import Terminated

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the batch's process decides what Ctrl-C stops
    signal.signal(signal.SIGTERM, _terminated)  # ...and stops a packet under way with SIGTERM
    default_hook = sys.unraisablehook

    def quiet_when_stopped(unraisable):  # Terminated raised in a finalizer (WeasyPrint's __del__) is no news
        if not isinstance(unraisable.exc_value, (Terminated, SystemExit)):
            default_hook(unraisable)

    sys.unraisablehook = quiet_when_stopped
    import packetgen.commands.worker  # noqa: F401  (a library caller's server may not have it)

    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


_rendering = False  # in a worker: a packet is under way


def _terminated(signum, frame):
    from packetgen.errors import Terminated

    if _rendering:
        raise Terminated(signum)  # unwinds the packet under way: its temporary file is removed
    raise SystemExit(128 + signum)  # between packets: a quiet end (Terminated would be a traceback)


def render_one(path: str, output: Path, options: dict, env: dict[str, str | None] | None = None) -> Outcome:
    """One packet, written whole or not at all; any refusal becomes the outcome's error (an exception
    with located diagnostics does not cross a process boundary whole). `env`: the batch's environment
    that a packet depends on, for a worker process (in this process it is already there)."""
    import gc

    from packetgen.commands.render import prepare

    global _rendering
    for name, value in (env or {}).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _rendering = True
    try:
        job = prepare(path, str(output), **options)
        job.write()
        digest = ""
        if options.get("archival"):
            from packetgen.records.format import sha256

            digest = sha256(output.read_bytes())
        return Outcome(path, output, job.diagnostics, "", digest)
    except InputError as exc:
        return Outcome(path, None, exc.diagnostics, "does not load")
    except PacketgenError as exc:
        return Outcome(path, None, (), str(exc))
    except OSError as exc:
        return Outcome(path, None, (), f"{exc.filename or output}: {exc.strerror or exc}")
    finally:
        _rendering = False
        gc.collect()  # a packet's layout is garbage once written: memory stays flat across packets

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


def plan(evidence: Sequence[str], folder: str | Path, *, fmt: str, framework: str | None = None) -> Batch:
    """Name every packet before any is rendered (the names depend on all the files together). A file
    that does not load is refused here with its located errors; the others go on."""
    from packetgen.loading.evidence import load_evidence
    from packetgen.output import check_target

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {folder}: with more than one evidence file, -o names a folder (end it with /)")
    batch = Batch(folder)
    taken: set[str] = set()
    for at, path in enumerate(evidence):
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
        check_target(output, (path, framework))
        batch.planned[at] = (str(path), output)
    return batch


def render_all(batch: Batch, *, jobs: int | None = None, options: dict,
               on_done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Render every planned packet with `jobs` worker processes (default: one per CPU; 1 renders here,
    in this process) and return every outcome in the order the files were given, the refused ones
    included. `options` are `commands.render.prepare`'s; `on_done` sees each outcome as it comes."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(batch.planned) or 1))
    done: dict[int, Outcome] = dict(batch.refused)

    def finished(at: int, outcome: Outcome) -> None:
        done[at] = outcome
        if on_done is not None:
            on_done(outcome)

    if batch.planned:
        batch.folder.mkdir(parents=True, exist_ok=True)
    if jobs == 1:
        for at, (path, output) in batch.planned.items():
            finished(at, render_one(path, output, options))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        # forkserver: each worker starts clean (never a copy of this process's threads or locks, a
        # progress bar's among them) and imports the renderers once, in _start_worker
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker) as pool:
            # the environment a packet depends on travels with it: a worker's is its server's, which may
            # have started before this call (a library caller that sets SOURCE_DATE_EPOCH in between)
            epoch = os.environ.get("SOURCE_DATE_EPOCH")
            futures = {pool.submit(render_one, path, output, options, epoch): at
                       for at, (path, output) in batch.planned.items()}
            for future in as_completed(futures):
                finished(futures[future], future.result())
    return [done[at] for at in sorted(done)]


def _start_worker() -> None:
    """A worker's one import of the renderers (WeasyPrint, python-docx) before its first packet, then
    the collector tuned as for any render (cli.group.rendering_process): what is loaded is frozen, so
    the collection after each packet looks only at that packet's garbage."""
    import gc

    import packetgen.rendering.docx.packet
    import packetgen.rendering.pdf  # noqa: F401

    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def render_one(path: str, output: Path, options: dict, epoch: str | None = None) -> Outcome:
    """One packet, written whole or not at all; any refusal becomes the outcome's error (an exception
    with located diagnostics does not cross a process boundary whole). `epoch`: the caller's
    SOURCE_DATE_EPOCH, in a worker process."""
    import gc

    from packetgen.commands.render import prepare

    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    else:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
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
        gc.collect()  # a packet's layout is garbage once written: memory stays flat across packets

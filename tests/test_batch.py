"""A cycle's packets in one command (issue 30, item 4): `render A.yaml B.yaml ... -o DIR/` writes one packet
per file named from the candidate, in worker processes, each whole or not at all, and sums up what
failed; the packets are those `render` writes one at a time."""
from __future__ import annotations

import hashlib
import shutil

import pytest
from conftest import EXAMPLES
from render_helpers import ARCHIVE_EPOCH, invoke

pytestmark = pytest.mark.renders

BROKEN = "candidate:\n  name: Broken Case\n  current_level: ic3\n  target_level: ic9\nevidence: []\n"


@pytest.fixture
def cycle(tmp_path):
    folder = tmp_path / "cycle"
    folder.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    (folder / "zz-broken.yaml").write_text(BROKEN, encoding="utf-8")
    twin = (folder / EXAMPLES[0].name).read_text(encoding="utf-8")
    (folder / "twin.yaml").write_text(twin, encoding="utf-8")  # the same candidate a second time
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_packet_per_file_named_from_the_candidate_and_the_failures_summed_up(cycle, tmp_path, jobs):
    files = sorted(cycle.glob("*.yaml"))
    out = tmp_path / "out"
    result = invoke("render", *files, "-o", f"{out}/", "--format", "html", "--jobs", jobs)
    assert result.exit_code == 2
    names = {p.name for p in out.iterdir()}
    assert names == {"jordan-lee.html", "morgan-okafor.html", "priya-natarajan.html", "priya-natarajan-2.html"}
    assert "zz-broken.yaml:4:17: error: target_level: unknown level 'ic9'" in result.stderr
    assert f"rendered 4 of 5 packets into {out}/" in result.stderr
    assert result.stderr.rstrip().endswith("packetgen: error: " + str(cycle / "zz-broken.yaml") + ": not rendered (does not load)")
    for example in EXAMPLES:  # each is the packet `render` writes for that file alone
        name = {"ic2": "priya-natarajan", "ic3": "jordan-lee", "ic4": "morgan-okafor"}[example.stem[:3]]
        alone = tmp_path / f"alone-{name}.html"
        assert invoke("render", example, "-o", alone).exit_code == 0
        assert (out / f"{name}.html").read_bytes() == alone.read_bytes()


def test_archival_records_in_a_batch_are_the_records_render_writes(tmp_path, records):
    out = tmp_path / "records"
    result = invoke("render", EXAMPLES[1], EXAMPLES[2], "-o", f"{out}/", "--archival", "--jobs", "2",
                    env={"SOURCE_DATE_EPOCH": ARCHIVE_EPOCH})
    assert result.exit_code == 0, result.stderr
    printed = dict(line.split("  ")[::-1] for line in result.stdout.splitlines())
    for name in ("jordan-lee.pdf", "morgan-okafor.pdf"):
        assert printed[str(out / name)] == hashlib.sha256((out / name).read_bytes()).hexdigest()
    # byte for byte the record a lone render makes (the run's shared one: test_archive's)
    assert (out / "jordan-lee.pdf").read_bytes() == records(EXAMPLES[1]).read_bytes()


def test_a_batch_needs_a_folder(tmp_path):
    taken = tmp_path / "packet.pdf"
    taken.write_bytes(b"keep me")
    result = invoke("render", EXAMPLES[0], EXAMPLES[1], "-o", taken)
    assert result.exit_code == 2 and "names a folder" in result.stderr and taken.read_bytes() == b"keep me"
    result = invoke("render", EXAMPLES[0], EXAMPLES[1], "-o", "-", "--format", "md")
    assert result.exit_code == 2 and "standard output" in result.stderr


def test_a_batch_rendered_here_keeps_source_date_epoch(tmp_path, records):
    """--jobs 1 renders in this process: the epoch the caller set is the records' date, as with workers."""
    out = tmp_path / "records"
    result = invoke("render", EXAMPLES[1], "-o", f"{out}/", "--archival", "--jobs", "1",
                    env={"SOURCE_DATE_EPOCH": ARCHIVE_EPOCH})
    assert result.exit_code == 0, result.stderr
    assert (out / "jordan-lee.pdf").read_bytes() == records(EXAMPLES[1]).read_bytes()


def test_no_packet_lands_on_a_file_the_batch_reads(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    second = out / "jordan-lee.html"  # Priya's evidence, where Jordan Lee's packet would go
    second.write_bytes(EXAMPLES[0].read_bytes())
    result = invoke("render", EXAMPLES[1], second, "-o", f"{out}/", "--format", "html")
    assert result.exit_code == 2 and "that is an input of this command" in result.stderr
    assert second.read_bytes() == EXAMPLES[0].read_bytes()
    assert {p.name for p in out.iterdir()} == {"jordan-lee.html"}


def test_a_file_given_twice_is_rendered_once(tmp_path):
    out = tmp_path / "out"
    link = tmp_path / "again.yaml"
    link.symlink_to(EXAMPLES[0])
    result = invoke("render", EXAMPLES[0], EXAMPLES[0], link, "-o", f"{out}/", "--format", "md", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["priya-natarajan.md"]
    assert "rendered 1 of 1 packets" in result.stderr


@pytest.mark.parametrize("options", [("--archival", "--format", "html"), ("--archival", "--draft"),
                                     ("--sign", EXAMPLES[0]), ("--locale", "xx")])
def test_wrong_options_are_said_once_before_anything_is_made(tmp_path, options):
    out = tmp_path / "out"
    result = invoke("render", *EXAMPLES, "-o", f"{out}/", *options)
    assert result.exit_code == 2
    assert result.stderr.count("error:") == 1, result.stderr
    assert not out.exists()


def test_where_the_folder_cannot_be(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("keep")
    result = invoke("render", *EXAMPLES, "-o", f"{afile}/")
    assert result.exit_code == 2 and "is a file" in result.stderr and "end it with" not in result.stderr
    dangling = tmp_path / "gone"
    dangling.symlink_to(tmp_path / "nowhere")
    result = invoke("render", *EXAMPLES, "-o", f"{dangling}/")
    assert result.exit_code == 2 and "does not exist" in result.stderr and "File exists" not in result.stderr
    result = invoke("render", *EXAMPLES, "-o", f"{afile}/sub/")
    assert result.exit_code == 2 and f"{afile} is a file" in result.stderr
    assert afile.read_text() == "keep"


def test_a_pattern_no_file_matched_says_so(tmp_path):
    result = invoke("check", tmp_path / "cycle-*.yaml")
    assert result.exit_code == 2 and "no such file; no file matches this pattern" in result.stderr


class _Dies:
    """`on_ready` that kills the worker process calling it (as the kernel's OOM killer would)."""

    def __call__(self, fmt, engine):
        import os
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_that_dies_fails_its_packets_not_the_batch(tmp_path):
    from packetgen.commands.batch import plan, render_all

    batch = plan([str(e) for e in EXAMPLES], tmp_path / "out", fmt="md")
    outcomes = render_all(batch, jobs=2, options={"format": "md", "on_ready": _Dies()})
    assert len(outcomes) == len(EXAMPLES)
    assert all(not o.written and "worker process died" in o.error for o in outcomes)
    assert list((tmp_path / "out").iterdir()) == []


COPIES = 60


@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_stops_a_batch_cleanly_and_says_what_was_written(tmp_path, presses):
    """Ctrl-C reaches every process of the terminal's group: the batch starts nothing new, the packets
    under way finish (a second Ctrl-C stops them, unwritten), the summary says what was written; no
    traceback, no partial file, no process left behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    files = []
    for n in range(COPIES):
        copy = tmp_path / f"case-{n}.yaml"
        copy.write_bytes(EXAMPLES[n % 3].read_bytes())
        files.append(copy)
    out = tmp_path / "out"
    # Typst's packets take a tenth of WeasyPrint's time: the same stops, in a third of the test's time
    def as_from_a_terminal():
        # SIGINT neither ignored nor blocked, as a terminal starts a command: a test process may hold it
        # either way, and both last across exec (one clean-clone run saw all 60 packets written, exit 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    run = subprocess.Popen([sys.executable, "-m", "packetgen", "render", *map(str, files), "-o", f"{out}/",
                            "--jobs", "2", "--engine", "typst"], stderr=subprocess.PIPE, text=True,
                           start_new_session=True, preexec_fn=as_from_a_terminal)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out.exists() and any(out.glob("*.pdf"))):
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGINT)
    if presses == 2:
        time.sleep(0.2)
        os.killpg(run.pid, signal.SIGINT)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    written = sorted(p.name for p in out.glob("*.pdf"))
    assert 1 <= len(written) < COPIES
    assert f"stopped by SIGINT; {len(written)} packets were written, {COPIES - len(written)} were not" in stderr
    assert not [p for p in out.iterdir() if p.suffix != ".pdf"], "a partial file was left"
    time.sleep(1)
    assert _alive_in_group(run.pid) == [], "a worker or its server outlived the batch"


def _alive_in_group(pgid: int) -> list[int]:
    """The processes of group `pgid` still running (a zombie whose parent is gone is dead: a container's
    first process may not reap it)."""
    from pathlib import Path

    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive

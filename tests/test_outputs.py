"""Where packets go: never over an input, never into a device or FIFO, `-` for standard
output, a full disk said plainly, nothing left behind by a signal, short temporary names."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES
from render_helpers import invoke, pdf_pages, render_record

SMALL = EXAMPLES[0]


def copy_example(tmp_path: Path) -> Path:
    path = tmp_path / "case.yaml"
    shutil.copy(SMALL, path)
    return path


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_render_refuses_to_write_over_its_input(tmp_path, fmt):
    case = copy_example(tmp_path)
    before = case.read_bytes()
    result = invoke("render", case, "-o", case, "--format", fmt)
    assert result.exit_code == 2
    assert "that is an input of this command" in result.stderr and "Traceback" not in result.stderr
    assert case.read_bytes() == before


def test_render_refuses_an_input_reached_through_a_link(tmp_path):
    case = copy_example(tmp_path)
    os.link(case, tmp_path / "hard.md")
    (tmp_path / "soft.md").symlink_to(case)
    for out in ("hard.md", "soft.md"):
        result = invoke("render", case, "-o", tmp_path / out)
        assert result.exit_code == 2 and "input" in result.stderr, out
    assert case.read_bytes() == SMALL.read_bytes()


def test_render_refuses_to_write_over_a_template_or_the_reference_docx(tmp_path):
    case = copy_example(tmp_path)
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "packet.css").write_text("h2 { color: #000; }", encoding="utf-8")
    result = invoke("render", case, "-o", tpl / "packet.css", "--format", "html", "--template-dir", tpl)
    assert result.exit_code == 2 and "input" in result.stderr
    assert (tpl / "packet.css").read_text(encoding="utf-8") == "h2 { color: #000; }"


def test_committee_refuses_key_or_handout_over_an_input(tmp_path):
    case = copy_example(tmp_path)
    for extra in (["-o", case, "--format", "html"],
                  ["-o", tmp_path / "h.html", "--anonymize", "--key-out", case],
                  ["-o", tmp_path / "h.html", "--anonymize", "--key-out", tmp_path / "h.html"]):
        result = invoke("committee", case, *extra)
        assert result.exit_code == 2, (extra, result.stderr)
        assert case.read_bytes() == SMALL.read_bytes()
    assert not (tmp_path / "h.html").exists()


@pytest.mark.parametrize("special", ["fifo", "device"])
def test_an_output_that_is_not_a_regular_file_is_refused(tmp_path, special):
    if special == "fifo":
        target = tmp_path / "pipe.html"
        os.mkfifo(target)
    else:
        target = Path("/dev/null")
    result = invoke("render", copy_example(tmp_path), "-o", target, "--format", "html")
    assert result.exit_code == 2
    assert ("a FIFO" if special == "fifo" else "a device") in result.stderr
    assert "use -o - for standard output" in result.stderr
    assert target.is_fifo() if special == "fifo" else target.is_char_device()


@pytest.mark.renders
@pytest.mark.parametrize("fmt,start", [("md", b"# Promotion packet"), ("html", b"<!DOCTYPE html>"),
                                       ("pdf", b"%PDF-"), ("docx", b"PK\x03\x04")])
def test_dash_writes_to_standard_output(tmp_path, fmt, start):
    result = invoke("render", copy_example(tmp_path), "-o", "-", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(start)
    assert "wrote the packet to standard output" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["case.yaml"]
    if fmt == "pdf":
        (tmp_path / "out.pdf").write_bytes(result.stdout_bytes)
        assert "PROMOTION PACKET" in pdf_pages(tmp_path / "out.pdf")[0]


def test_dash_needs_a_format(tmp_path):
    result = invoke("render", copy_example(tmp_path), "-o", "-")
    assert result.exit_code == 2 and "needs --format" in result.stderr


@pytest.mark.renders
def test_an_output_name_near_the_file_system_limit_gets_a_temporary_file(tmp_path):
    out = tmp_path / ("p" * 250 + ".md")  # 253 bytes: the old temporary name (.NAME.xxxxxxxx.part) was 268
    result = invoke("render", copy_example(tmp_path), "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Promotion packet")


@pytest.mark.renders
def test_a_full_disk_is_said_plainly_and_leaves_nothing(tmp_path, monkeypatch):
    from packetgen.rendering import pdf

    def full(html, target, **_):
        Path(target).write_bytes(b"%PDF-1.7 partial")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(pdf, "write_pdf", full)
    out = tmp_path / "p.pdf"
    out.write_bytes(b"the old packet")
    result = invoke("render", copy_example(tmp_path), "-o", out)
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(f"cannot write {out}: no space left on device")
    assert out.read_bytes() == b"the old packet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml", "p.pdf"]


@pytest.fixture
def tiny_disk(tmp_path):
    """A 16 KB file system (tmpfs), where the machine lets us mount one (root in a container)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.renders
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_really_full_disk(tiny_disk, tmp_path, fmt):
    result = subprocess.run([sys.executable, "-m", "packetgen", "render", str(copy_example(tmp_path)),
                             "-o", str(tiny_disk / f"p.{fmt}")], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "no space left on device" in result.stderr and "internal error" not in result.stderr
    assert list(tiny_disk.iterdir()) == []


@pytest.mark.renders
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminating_signal_leaves_no_partial_file(tmp_path, signum):
    out = tmp_path / "p.pdf"
    out.write_bytes(b"the old packet")
    proc = subprocess.Popen([sys.executable, "-m", "packetgen", "render", str(EXAMPLES[-1]), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".pg-*.part")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the render ended before its temporary file was seen"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert f"stopped by {signal.Signals(signum).name}" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.pdf"]
    assert out.read_bytes() == b"the old packet"


@pytest.mark.renders
def test_relative_template_folder(tmp_path, monkeypatch):
    copy_example(tmp_path)
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "packet.css").write_text("h2 { color: #123456; }", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for out in ("p.pdf", "p.html"):
        result = invoke("render", "case.yaml", "-o", out, "--template-dir", "tpl")
        assert result.exit_code == 0, result.stderr
    assert "#123456" in (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "promotion packet" in pdf_pages(tmp_path / "p.pdf")[0].lower()


@pytest.mark.renders
def test_extract_keeps_existing_files_without_force(tmp_path):
    record = tmp_path / "r.pdf"
    render_record(SMALL, record)
    folder = tmp_path / "out"
    assert invoke("extract", record, "-o", folder).exit_code == 0
    (folder / "evidence.yaml").write_text("my own edits\n", encoding="utf-8")
    again = invoke("extract", record, "-o", folder)
    assert again.exit_code == 2 and "pass --force" in again.stderr
    assert (folder / "evidence.yaml").read_text(encoding="utf-8") == "my own edits\n"
    forced = invoke("extract", record, "-o", folder, "--force")
    assert forced.exit_code == 0
    assert (folder / "evidence.yaml").read_bytes() == SMALL.read_bytes()

"""Archival records: PDF/A-3b, embedded sources read back with pypdf, reproducible bytes,
and `verify` catching a changed byte in the embedded evidence or in the page text."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from pypdf import PdfReader, PdfWriter

from conftest import EXAMPLES
from packetgen.cli import cli
from packetgen.framework import load_framework
from render_helpers import pdf_pages

EXAMPLE = EXAMPLES[1]
EPOCH = "1780000000"  # 2026-05-28


def invoke(*args, env=None):
    return CliRunner(env=env).invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    out = folder / "record.pdf"
    result = invoke("render", EXAMPLE, "-o", out, "--archival", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.stderr
    return out


def test_same_inputs_and_epoch_give_identical_bytes(record, tmp_path):
    # a separate process, so nothing cached in this one can make the bytes agree
    again = tmp_path / "again.pdf"
    run = subprocess.run([sys.executable, "-c", "from packetgen.cli import main; main()", "render", str(EXAMPLE),
                          "-o", str(again), "--archival"], capture_output=True, text=True,
                         env={"SOURCE_DATE_EPOCH": EPOCH, "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert again.read_bytes() == record.read_bytes()
    later = tmp_path / "later.pdf"
    invoke("render", EXAMPLE, "-o", later, "--archival", env={"SOURCE_DATE_EPOCH": str(int(EPOCH) + 86400)})
    assert later.read_bytes() != record.read_bytes()  # the date is really in it


def test_attachments_are_the_input_files_byte_for_byte(record):
    files = {name: data[0] for name, data in PdfReader(record).attachments.items()}
    framework = load_framework()
    assert files[EXAMPLE.name] == EXAMPLE.read_bytes()
    assert files["sourcegraph-pm.yaml"] == open(framework.path, "rb").read()
    meta = json.loads(files["packetgen-record.json"])
    assert meta["evidence"]["name"] == EXAMPLE.name
    assert meta["framework"]["id"] == "sourcegraph-pm"
    assert len(meta["statuses"]) == 48


def test_declares_pdfa_3b_with_metadata(record):
    reader = PdfReader(record)
    xmp = reader.xmp_metadata
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    raw = xmp.stream.get_data().decode("utf-8")
    assert "<xmp:CreatorTool>packetgen " in raw
    assert "Promotion packet: Jordan Lee" in raw and "<rdf:li>Jordan Lee</rdf:li>" in raw
    assert "sourcegraph-pm" in raw and "<dc:source>packetgen " in raw
    assert "2026-05-28T20:26:40Z" in raw
    info = reader.metadata
    assert info.creator.startswith("packetgen ") and "sourcegraph-pm" in info["/Keywords"]
    # every font is embedded
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor or "/FontFile" in descriptor


def test_every_page_prints_the_evidence_hash_and_version(record):
    import hashlib

    digest = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    for text in pdf_pages(record):
        assert f"Evidence SHA-256 {digest} · packetgen " in text


def test_verify_passes_on_a_fresh_record(record):
    result = invoke("verify", record)
    assert result.exit_code == 0, result.output
    assert result.output.count("ok  ") == 5 and "verified" in result.output


def _rewrite(source, target, change):
    writer = PdfWriter(clone_from=PdfReader(source))
    change(writer)
    with open(target, "wb") as handle:
        writer.write(handle)


def test_verify_fails_when_a_byte_of_the_embedded_evidence_changes(record, tmp_path):
    def flip(writer):
        names = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"]
        for i in range(0, len(names), 2):
            if names[i] == EXAMPLE.name:
                stream = names[i + 1].get_object()["/EF"]["/F"].get_object()
                data = bytearray(stream.get_data())
                data[data.index(b"ic4.impact.1")] = ord("I")  # one byte
                stream.set_data(bytes(data))

    tampered = tmp_path / "tampered.pdf"
    _rewrite(record, tampered, flip)
    result = invoke("verify", tampered)
    assert result.exit_code == 1
    assert "FAIL  evidence hash" in result.output and "NOT verified" in result.output


def test_verify_fails_when_a_byte_of_the_page_text_changes(record, tmp_path):
    def edit(writer):
        contents = writer.pages[0]["/Contents"].get_object()
        data = bytearray(contents.get_data())
        match = re.search(rb"<([0-9a-f]{4})", data)
        i = match.start(1) + 3
        data[i] = ord("0") if data[i] != ord("0") else ord("1")  # one glyph becomes another
        contents.set_data(bytes(data))

    tampered = tmp_path / "text.pdf"
    _rewrite(record, tampered, edit)
    assert pdf_pages(tampered) != pdf_pages(record)
    result = invoke("verify", tampered)
    assert result.exit_code == 1
    assert "FAIL  page text" in result.output


def test_verify_fails_when_the_statuses_no_longer_match(record, tmp_path):
    def restate(writer):
        names = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"]
        for i in range(0, len(names), 2):
            if names[i] == "packetgen-record.json":
                stream = names[i + 1].get_object()["/EF"]["/F"].get_object()
                meta = json.loads(stream.get_data())
                meta["statuses"]["ic4.teamwork.1"] = "met"
                stream.set_data(json.dumps(meta).encode())

    tampered = tmp_path / "statuses.pdf"
    _rewrite(record, tampered, restate)
    result = invoke("verify", tampered)
    assert result.exit_code == 1 and "FAIL  statuses: 1 differ: ic4.teamwork.1" in result.output


def test_verify_says_2_for_what_is_not_a_record(tmp_path):
    plain = tmp_path / "plain.pdf"
    assert invoke("render", EXAMPLE, "-o", plain).exit_code == 0
    result = invoke("verify", plain)
    assert result.exit_code == 2 and "not a packetgen archival record" in result.stderr
    text = tmp_path / "notes.pdf"
    text.write_text("hello", encoding="utf-8")
    assert invoke("verify", text).exit_code == 2
    assert invoke("extract", text, "-o", tmp_path / "x").exit_code == 2


def test_extract_gets_the_sources_back(record, tmp_path):
    result = invoke("extract", record, "-o", tmp_path / "sources")
    assert result.exit_code == 0
    assert (tmp_path / "sources" / "evidence.yaml").read_bytes() == EXAMPLE.read_bytes()
    assert (tmp_path / "sources" / "framework.yaml").read_bytes() == open(load_framework().path, "rb").read()
    back = invoke("gaps", tmp_path / "sources" / "evidence.yaml", "--format", "json")
    assert json.loads(back.stdout)["summary"]["total"] == 48


def test_archival_needs_pdf(tmp_path):
    result = invoke("render", EXAMPLE, "-o", tmp_path / "p.docx", "--archival")
    assert result.exit_code == 2 and "--archival makes a PDF/A record" in result.stderr

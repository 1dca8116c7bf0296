"""Archival records: PDF/A-3b, embedded sources read back with pypdf, reproducible bytes,
and `verify` catching a changed byte in the embedded evidence or on a page (test_records.py
has the tampering of a motivated forger, signatures and decisions)."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES
from pypdf import PdfReader, PdfWriter
from render_helpers import ARCHIVE_EPOCH, invoke, pdf_pages

from packetgen.loading.framework import load_framework

EXAMPLE = EXAMPLES[1]
EPOCH = ARCHIVE_EPOCH


@pytest.fixture(scope="module")
def record(records):
    return records(EXAMPLE)


@pytest.mark.renders
def test_another_epoch_gives_other_bytes(record, tmp_path):
    # the same epoch gives the same bytes in other processes, on other hosts:
    # test_records_do_not_depend_on_the_hosts_mime_database_or_time_zone
    later = tmp_path / "later.pdf"
    invoke("render", EXAMPLE, "-o", later, "--archival", env={"SOURCE_DATE_EPOCH": str(int(EPOCH) + 86400)})
    assert later.read_bytes() != record.read_bytes()  # the date is really in it


@pytest.mark.renders
def test_attachments_are_the_input_files_byte_for_byte(record):
    files = {name: data[0] for name, data in PdfReader(record).attachments.items()}
    framework = load_framework()
    assert files[EXAMPLE.name] == EXAMPLE.read_bytes()
    assert files["sourcegraph-pm.yaml"] == open(framework.path, "rb").read()
    meta = json.loads(files["packetgen-record.json"])
    assert meta["evidence"]["name"] == EXAMPLE.name
    assert meta["framework"]["id"] == "sourcegraph-pm"
    assert len(meta["statuses"]) == 48


@pytest.mark.renders
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


@pytest.mark.renders
def test_every_page_prints_the_evidence_hash_and_version(record):
    import hashlib

    digest = hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    for text in pdf_pages(record):
        assert f"Evidence SHA-256 {digest} · packetgen " in text


@pytest.mark.renders
def test_verify_passes_on_a_fresh_record(record):
    result = invoke("verify", record)
    assert result.exit_code == 0, result.output
    assert result.output.count("ok  ") == 6 and "verified" in result.output  # and a note: unsigned


def _rewrite(source, target, change):
    writer = PdfWriter(clone_from=PdfReader(source))
    change(writer)
    with open(target, "wb") as handle:
        writer.write(handle)


@pytest.mark.renders
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


@pytest.mark.renders
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
    assert "FAIL  re-render: page 1: what is drawn differs (content stream)" in result.output


@pytest.mark.renders
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


@pytest.mark.renders
def test_verify_says_2_for_what_is_not_a_record(tmp_path):
    plain = tmp_path / "plain.pdf"
    assert invoke("render", EXAMPLE, "-o", plain).exit_code == 0
    result = invoke("verify", plain)
    assert result.exit_code == 2 and "not a packetgen archival record" in result.stderr
    text = tmp_path / "notes.pdf"
    text.write_text("hello", encoding="utf-8")
    assert invoke("verify", text).exit_code == 2
    assert invoke("extract", text, "-o", tmp_path / "x").exit_code == 2


@pytest.mark.renders
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


# Another host: a MIME database that knows .yaml and .json under other names, and another time
# zone. A record must come out byte for byte the same, each in a process of its own (nothing cached
# in this one can make the bytes agree).
OTHER_HOST = """
import mimetypes, sys
mimetypes.init()
mimetypes.add_type("text/x-yaml", ".yaml")
mimetypes.add_type("text/x-json", ".json")
from packetgen.cli import main
main()
"""


@pytest.mark.renders
def test_records_do_not_depend_on_the_hosts_mime_database_or_time_zone(record, tmp_path):
    outputs = []
    for n, (code, tz) in enumerate([(OTHER_HOST, "Asia/Tokyo"), ("from packetgen.cli import main; main()",
                                                                 "America/Los_Angeles")]):
        out = tmp_path / f"host{n}.pdf"
        run = subprocess.run([sys.executable, "-c", code, "render", str(EXAMPLE), "-o", str(out), "--archival"],
                             capture_output=True, text=True,
                             env={"SOURCE_DATE_EPOCH": EPOCH, "PATH": "/usr/bin:/bin", "TZ": tz})
        assert run.returncode == 0, run.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == record.read_bytes()


@pytest.mark.renders
def test_embedded_files_are_typed_listed_once_sorted_and_described_in_one_xmp_packet(record):
    import pikepdf

    with pikepdf.open(record) as pdf:
        names = [str(n) for n in pdf.Root.Names.EmbeddedFiles.Names[::2]]
        assert names == sorted(names) and len(names) == 3
        associated = [str(spec.UF) for spec in pdf.Root.AF]
        assert associated == names  # each once, in the same order
        types = {str(spec.UF): str(spec.EF.F.Subtype) for spec in pdf.Root.AF}
        assert types == {EXAMPLE.name: "/application/yaml", "sourcegraph-pm.yaml": "/application/yaml",
                         "packetgen-record.json": "/application/json"}
        xmp = pdf.Root.Metadata.read_bytes()
        assert xmp.count(b"<rdf:RDF") == 1 and "/Filter" not in pdf.Root.Metadata
        with pdf.open_metadata() as meta:  # an XMP reader sees the source and the PDF/UA part
            assert meta.get("dc:source").startswith("packetgen ") and "evidence sha256" in meta.get("dc:source")
            assert meta.get("pdfuaid:part") == "1" and meta.get("pdfaid:part") == "3"


@pytest.mark.renders
def test_an_independent_checker_finds_the_record_pdfa_3b_and_pdfua_1(record):
    import page

    for profile in ("3b", "ua1"):
        report = page.validate_pdf(record, profile=profile)
        assert report.is_compliant, (profile, [(f.rule_id, f.message) for f in report.failures])

"""Records that prove what the committee saw (README, Records for HR): `verify` re-renders the packet
from the sources a record embeds and compares everything drawn; every tampering of tamper.py is
exit 1 naming where; signatures (a throwaway CA made here), decisions, --expect."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import pikepdf
import pytest
import tamper
from conftest import EXAMPLES
from pypdf import PdfReader
from render_helpers import ARCHIVE_EPOCH, invoke, pdf_pages, squash

from packetgen.records import read as record_reading
from packetgen.records.decision import decision_json
from packetgen.records.verify import verify as verify_record

EXAMPLE = EXAMPLES[1]
EPOCH = ARCHIVE_EPOCH


@pytest.fixture(scope="module")
def record(records):
    return records(EXAMPLE)


@pytest.mark.renders
def test_a_fresh_record_verifies_by_re_rendering(record):
    result = invoke("verify", record)
    assert result.exit_code == 0, result.output
    assert "ok    re-render: the 9 pages are exactly what the embedded sources render to, byte for byte" in result.output
    assert "note  signature: none: this proves the record agrees with its own embedded sources (consistency), " \
           "not who made it" in result.output
    assert result.output.rstrip().endswith("verified")


@pytest.mark.renders
@pytest.mark.parametrize("attack", sorted(tamper.ATTACKS))
def test_every_tampering_is_exit_1_naming_where(record, tmp_path, attack):
    change, where = tamper.ATTACKS[attack]
    altered = tmp_path / f"{attack}.pdf"
    altered.write_bytes(change(record.read_bytes()))
    assert altered.read_bytes() != record.read_bytes()
    result = invoke("verify", altered)
    assert result.exit_code == 1, result.output
    failures = [line for line in result.output.splitlines() if line.startswith("FAIL")]
    assert failures and any(where in line for line in failures), failures
    assert "NOT verified" in result.output


@pytest.mark.renders
def test_what_each_tampering_is_reported_as(record, tmp_path):
    def fails(change):
        altered = tmp_path / "x.pdf"
        altered.write_bytes(change(record.read_bytes()))
        return [line for line in invoke("verify", altered).output.splitlines() if line.startswith("FAIL")]

    assert "FAIL  re-render: page 2: what is drawn differs (content stream)" in fails(tamper.erase_text)
    assert any("page 2: crop box" in line and "is not the page" in line for line in fails(tamper.crop_page))
    font = fails(tamper.font_copy_with_other_text_map)
    assert any(line.startswith("FAIL  re-render: page 1: resource /Font") for line in font)
    incremental = fails(tamper.approve_in_an_incremental_update)
    assert "FAIL  revisions: 2 revisions; a record has 1" in incremental
    assert any("page 1: a /FreeText annotation the packet does not make" in line for line in incremental)
    restated = fails(tamper.redraw_text_and_restate)
    assert any(line.startswith("FAIL  statuses:") for line in restated)
    assert "FAIL  structure: document: an attachment that is not the record's own: 'payload.exe'" in fails(
        tamper.extra_attachment)
    links = fails(tamper.rewrite_bookmarks_and_links)
    assert "FAIL  re-render: document: the outline (bookmarks) differs from the re-render" in links
    assert any("page 1: annotations differ" in line for line in links)


@pytest.mark.renders
def test_another_release_or_machine_is_exit_2_never_altered_or_verified(record, tmp_path, monkeypatch):
    older = tmp_path / "older.pdf"

    def made_by_0_1(pdf):
        tamper._set_record_json(pdf, lambda r: r.update(packetgen="0.1.0", format=1))
    older.write_bytes(tamper._edit(record.read_bytes(), made_by_0_1))
    result = invoke("verify", older)
    assert result.exit_code == 2, result.output
    assert "made with packetgen 0.1.0 (record format 1); this is" in result.output
    assert "verify with that release" in result.output and "cannot be verified here" in result.output

    import packetgen.records.archive as archive

    real = archive.environment()
    monkeypatch.setattr(archive, "environment", lambda engine="weasyprint": {**real, "pango": real["pango"] + 1})
    verdict = verify_record(record)
    assert verdict.code == 2 and "pango" in verdict.cannot


@pytest.mark.renders
def test_verify_expect_checks_the_stored_digest(record):
    digest = hashlib.sha256(record.read_bytes()).hexdigest()
    assert invoke("verify", record, "--expect", digest).exit_code == 0
    wrong = invoke("verify", record, "--expect", "0" * 64)
    assert wrong.exit_code == 1 and f"FAIL  file hash: SHA-256 {digest}, expected {'0' * 64}" in wrong.output


@pytest.mark.renders
def test_verify_does_not_depend_on_the_verifiers_clock_or_epoch(record):
    result = invoke("verify", record, env={"SOURCE_DATE_EPOCH": "1900000000", "TZ": "Asia/Tokyo"})
    assert result.exit_code == 0, result.output


def test_archival_refuses_template_overrides_it_could_not_re_render(tmp_path):
    result = invoke("render", EXAMPLE, "-o", tmp_path / "r.pdf", "--archival", "--template-dir", tmp_path)
    assert result.exit_code == 2 and "--template-dir is not embedded" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


# --- signatures ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def signed(pki, tmp_path_factory):
    out = tmp_path_factory.mktemp("signed") / "signed.pdf"
    result = invoke("render", EXAMPLE, "-o", out, "--archival", "--sign", pki["key"], "--sign-password-file",
                    pki["password"], env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.exit_code == 0, result.stderr
    return out


@pytest.mark.renders
def test_a_signed_record_verifies_against_its_ca_and_only_that(signed, pki, record):
    ok = invoke("verify", signed, "--trust", pki["ca"])
    assert ok.exit_code == 0, ok.output
    assert "ok    signature: signed by Common Name: HR Records; intact; covers the whole file; chains to the " \
           "certificate given with --trust" in ok.output
    assert signed.read_bytes().startswith(record.read_bytes())  # the record's own bytes, then the signature
    other = invoke("verify", signed, "--trust", pki["other"])
    assert other.exit_code == 1 and "does not chain to the certificate given with --trust" in other.output
    unsigned = invoke("verify", record, "--trust", pki["ca"])
    assert unsigned.exit_code == 1 and "the record is not signed, and --trust asks for a signature" in unsigned.output
    untrusted = invoke("verify", signed)
    assert untrusted.exit_code == 0 and "who signed is not checked (pass --trust CERT.pem)" in untrusted.output


@pytest.mark.renders
def test_anything_added_after_the_signature_fails_it(signed, pki, tmp_path):
    altered = tmp_path / "after.pdf"
    altered.write_bytes(tamper.approve_in_an_incremental_update(signed.read_bytes()))
    result = invoke("verify", altered, "--trust", pki["ca"])
    assert result.exit_code == 1
    assert "something was added after it" in result.output and "FAIL  revisions: 3 revisions" in result.output


@pytest.mark.renders
def test_signed_and_decided_records_stay_pdfa_3b_and_pdfua_1(signed, decided):
    import page

    # PDF/UA is not claimed for the signature's field: an invisible widget that pyHanko adds
    # untagged (see the README); everything the packet draws stays tagged.
    for path, profiles in ((signed, ("3b",)), (decided, ("3b", "ua1"))):
        for profile in profiles:
            report = page.validate_pdf(path, profile=profile)
            assert report.is_compliant, (path.name, profile, [(f.rule_id, f.message) for f in report.failures])
        with pikepdf.open(path) as pdf:
            assert pdf.open_metadata().get("pdfaid:part") == "3"


def test_a_wrong_password_or_key_is_exit_2_and_writes_nothing(pki, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("battery staple\n", encoding="utf-8")
    out = tmp_path / "r.pdf"
    result = invoke("render", EXAMPLE, "-o", out, "--archival", "--sign", pki["key"], "--sign-password-file", wrong)
    assert result.exit_code == 2 and "not a PKCS#12 key and certificate, or the wrong password" in result.stderr
    assert not out.exists()
    assert invoke("render", EXAMPLE, "-o", out, "--sign", pki["key"]).exit_code == 2  # --sign needs --archival


# --- decisions --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def decided(record, tmp_path_factory):
    folder = tmp_path_factory.mktemp("decided")
    why = folder / "why.md"
    why.write_text("Scope is **strong**; teamwork is not there yet.\n\n<script>alert(1)</script>\n", encoding="utf-8")
    out = folder / "decided.pdf"
    result = invoke("decide", record, "--outcome", "not-yet", "--by", "Calibration committee, Search",
                    "--date", "2026-06-10", "--rationale", why, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{hashlib.sha256(out.read_bytes()).hexdigest()}  {out}\n"
    return out


@pytest.mark.renders
def test_a_decision_record_ends_with_the_decision_and_verifies(decided, record, tmp_path):
    pages = pdf_pages(decided)
    assert len(pages) == len(pdf_pages(record)) + 1
    last = squash(pages[-1])
    assert "Decision Not yet — IC3 → IC4" in last and "Decided by Calibration committee, Search" in last
    assert "Date 10 Jun 2026" in last and "Scope is strong; teamwork is not there yet." in last
    assert "<script>alert(1)</script>" in last  # shown as text, never run
    files = {name: data[0] for name, data in PdfReader(decided).attachments.items()}
    assert json.loads(files["decision.json"]) == {"outcome": "not-yet", "by": "Calibration committee, Search",
                                                  "date": "2026-06-10", "rationale": why_text(files)}
    result = invoke("verify", decided)
    assert result.exit_code == 0, result.output
    assert "ok    decision: Not yet by Calibration committee, Search on 10 Jun 2026, as the last page shows" in result.output
    extracted = invoke("extract", decided, "-o", tmp_path / "out")
    assert (tmp_path / "out" / "decision.json").read_bytes() == files["decision.json"]
    assert extracted.exit_code == 0


def why_text(files):
    return json.loads(files["decision.json"])["rationale"]


@pytest.mark.renders
def test_deciding_twice_needs_replace_and_never_overwrites_the_input(decided, tmp_path):
    before = decided.read_bytes()
    again = invoke("decide", decided, "--outcome", "promoted", "--by", "Committee", "--date", "2026-07-01",
                   "-o", tmp_path / "again.pdf")
    assert again.exit_code == 2 and "already records a decision (not-yet by Calibration committee, Search" in again.stderr
    assert not (tmp_path / "again.pdf").exists()
    same = invoke("decide", decided, "--outcome", "promoted", "--by", "Committee", "--date", "2026-07-01",
                  "--replace", "-o", decided)
    assert same.exit_code == 2 and decided.read_bytes() == before
    replaced = invoke("decide", decided, "--outcome", "promoted", "--by", "Committee", "--date", "2026-07-01",
                      "--replace", "-o", tmp_path / "again.pdf")
    assert replaced.exit_code == 0
    assert "Decision Promoted" in squash(pdf_pages(tmp_path / "again.pdf")[-1])
    assert invoke("verify", tmp_path / "again.pdf").exit_code == 0


@pytest.mark.renders
def test_what_the_record_says_refuses_a_decision_before_verify_renders(decided, record, tmp_path, monkeypatch):
    """A decision already there, or a date before the packet, is said at once: verify's re-render (seconds)
    is for whether the record is sound, which neither question needs."""
    import packetgen.records.decide as deciding

    def no_render(path):
        raise AssertionError("verify ran")

    monkeypatch.setattr(deciding, "verify", no_render)
    twice = invoke("decide", decided, "--outcome", "promoted", "--by", "C", "--date", "2026-07-01", "-o", tmp_path / "a.pdf")
    assert twice.exit_code == 2 and "already records a decision" in twice.stderr
    early = invoke("decide", record, "--outcome", "promoted", "--by", "C", "--date", "2026-01-01", "-o", tmp_path / "b.pdf")
    assert early.exit_code == 2 and "a decision cannot come before it" in early.stderr
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "b.pdf").exists()


@pytest.mark.renders
def test_an_altered_decision_is_exit_1(decided, tmp_path):
    def overturn(pdf):
        pdf.attachments["decision.json"] = pikepdf.AttachedFileSpec(
            pdf, decision_json("promoted", "Calibration committee, Search", dt.date(2026, 6, 10)),
            filename="decision.json")
    altered = tmp_path / "overturned.pdf"
    altered.write_bytes(tamper._edit(decided.read_bytes(), overturn))
    result = invoke("verify", altered)
    assert result.exit_code == 1 and "FAIL  decision: decision.json is not the one the record names" in result.output


@pytest.mark.renders
def test_decide_refuses_an_altered_record_and_bad_dates(record, tmp_path):
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(tamper.erase_text(record.read_bytes()))
    result = invoke("decide", altered, "--outcome", "promoted", "--by", "C", "--date", "2026-06-01",
                    "-o", tmp_path / "d.pdf")
    assert result.exit_code == 1 and "does not verify" in result.stderr and not (tmp_path / "d.pdf").exists()
    early = invoke("decide", record, "--outcome", "promoted", "--by", "C", "--date", "2026-01-01", "-o", tmp_path / "d.pdf")
    assert early.exit_code == 2 and "a decision cannot come before it" in early.stderr
    assert invoke("decide", record, "--outcome", "promoted", "--by", "C", "--date", "June 1",
                  "-o", tmp_path / "d.pdf").exit_code == 2


@pytest.mark.renders
def test_a_signed_decision_verifies_against_the_ca(decided, pki, tmp_path):
    out = tmp_path / "signed-decision.pdf"
    result = invoke("decide", decided, "--outcome", "deferred", "--by", "Committee", "--date", "2026-06-11",
                    "--replace", "-o", out, "--sign", pki["key"], "--sign-password-file", pki["password"])
    assert result.exit_code == 0, result.stderr
    check = invoke("verify", out, "--trust", pki["ca"])
    assert check.exit_code == 0, check.output
    assert "ok    decision: Deferred by Committee on 11 Jun 2026" in check.output


# --- records built to make verify work for minutes or gigabytes (issue 15) ---------------------

# The four records go through `verify` in one process of its own (an import, not four), which says how
# long each took and its peak memory after each (Linux VmHWM, this process's own: ru_maxrss would carry
# over the forking pytest worker's across exec). The peak only grows: each attack's is at most it.
VERIFY_EACH = (
    "import json, re, sys, time\n"
    "from click.testing import CliRunner\n"
    "from packetgen.cli import cli\n"
    "out = {}\n"
    "for path in sys.argv[1:]:\n"
    "    started = time.perf_counter()\n"
    "    result = CliRunner().invoke(cli, ['verify', path])\n"
    "    peak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1]) / 1024\n"
    "    out[path] = {'exit': result.exit_code, 'stdout': result.stdout, 'seconds': time.perf_counter() - started,\n"
    "                 'peak_mb': peak}\n"
    "print(json.dumps(out))\n")
ATTACKS = {
    "object_dag": "catalog entry /PGWalk differs",
    "outline_dag": "the outline (bookmarks) differs",
    "attachment_bomb": "an attachment that is not the record's own: 'zeros.bin'",
    "content_bomb": "page 1: what is drawn differs",
}


@pytest.fixture(scope="module")
def exhausting(records, tmp_path_factory):
    """The attacks on a record Typst laid out: what they exhaust is verify's walk of the two PDFs, the
    same for either engine's record, and the re-render each verify starts with costs 0.3 s, not 3 s."""
    import subprocess
    import sys

    record = records(EXAMPLE, "typst")
    folder = tmp_path_factory.mktemp("exhausting")
    paths = {}
    for attack in ATTACKS:
        paths[attack] = folder / f"{attack}.pdf"
        paths[attack].write_bytes(getattr(tamper, attack)(record.read_bytes()))
        assert paths[attack].stat().st_size < 3_000_000  # small files: 2^60 visits, or 2 GB once inflated
    proc = subprocess.run([sys.executable, "-c", VERIFY_EACH, *map(str, paths.values())], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    return {attack: found[str(path)] for attack, path in paths.items()}


@pytest.mark.parametrize("attack", list(ATTACKS))
@pytest.mark.renders
def test_a_record_built_to_exhaust_verify_is_refused_in_bounded_time_and_memory(exhausting, attack):
    outcome = exhausting[attack]
    assert outcome["exit"] == 1, outcome["stdout"]
    assert any(ATTACKS[attack] in line for line in outcome["stdout"].splitlines() if line.startswith("FAIL")), \
        outcome["stdout"]
    # before: 30 s to endless, up to 6.3 GB
    assert outcome["seconds"] < 60 and outcome["peak_mb"] < 1024, (outcome["seconds"], outcome["peak_mb"])


@pytest.mark.renders
def test_malformed_record_fields_are_a_sentence_not_a_crash(record, tmp_path):
    altered = tmp_path / "fields.pdf"
    altered.write_bytes(tamper.bad_record_fields(record.read_bytes()))
    result = invoke("verify", altered)
    assert result.exit_code == 2
    assert "packetgen-record.json is not a packetgen record (evidence.name is not a file name)" in result.stderr
    assert "internal error" not in result.output + result.stderr


@pytest.mark.parametrize("change,message", [
    (lambda r: r.update(min_evidence="two"), "min_evidence is not a number from 1"),
    (lambda r: r.update(paper="tabloid"), "paper is not a4 or letter"),
    (lambda r: r.update(generated="yesterday"), "generated is not a date and time"),
    (lambda r: r.update(statuses=["met"]), "statuses is not expectation statuses"),
    (lambda r: r["framework"].update(sha256="abc"), "framework.sha256 is not a SHA-256"),
])
@pytest.mark.renders
def test_each_record_field_is_checked(record, tmp_path, change, message):
    altered = tmp_path / "field.pdf"
    altered.write_bytes(tamper._edit(record.read_bytes(), lambda pdf: tamper._set_record_json(pdf, change)))
    result = invoke("verify", altered)
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_a_file_larger_than_any_record_is_not_read(tmp_path, monkeypatch):
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * 2048)
    monkeypatch.setattr(record_reading, "MAX_RECORD_BYTES", 1024)
    result = invoke("verify", big)
    assert result.exit_code == 2 and "larger than any packetgen record" in result.stderr


@pytest.mark.renders
@pytest.mark.parametrize("cut", [6, 7, 40], ids=["no %%EOF", "no startxref end", "half a trailer"])
def test_a_truncated_record_is_unreadable_exit_2_for_verify_and_decide(record, tmp_path, cut):
    """pikepdf repairs a file without its %%EOF; pyHanko, which reads the signatures, does not:
    that is an unreadable PDF (exit 2), not an internal error."""
    damaged = tmp_path / "cut.pdf"
    damaged.write_bytes(record.read_bytes()[:-cut])
    for argv in (["verify", damaged],
                 ["decide", damaged, "--outcome", "promoted", "--by", "C", "--date", "2026-12-01", "-o", tmp_path / "d.pdf"]):
        result = invoke(*argv)
        assert result.exit_code == 2, (argv[0], result.output)
        assert f"packetgen: error: {damaged}: unreadable PDF" in result.output, result.output
        assert "internal error" not in result.output


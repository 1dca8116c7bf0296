"""Records that prove what the committee saw (README, Records for HR): `verify` re-renders the packet
from the sources a record embeds and compares everything drawn; every tampering of tamper.py is
exit 1 naming where; signatures (a throwaway CA made here), decisions, --expect."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

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
    monkeypatch.setattr(archive, "environment", lambda: {**real, "pango": real["pango"] + 1})
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

def _certificate(subject, issuer, key, issuer_key, *, ca):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))  # before ARCHIVE_EPOCH: the signing time
               .not_valid_after(now + dt.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=ca,
                                            crl_sign=ca, encipher_only=False, decipher_only=False), critical=True))
    return builder.sign(issuer_key, hashes.SHA256())


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """A throwaway CA, a signing key it certifies (as PKCS#12 with a password) and an unrelated CA."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    folder = tmp_path_factory.mktemp("pki")
    ca_key, other_key, hr_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca = _certificate("Test Records CA", "Test Records CA", ca_key, ca_key, ca=True)
    other = _certificate("Someone Else CA", "Someone Else CA", other_key, other_key, ca=True)
    hr = _certificate("HR Records", "Test Records CA", hr_key, ca_key, ca=False)
    paths = {"ca": folder / "ca.pem", "other": folder / "other.pem", "key": folder / "hr.p12",
             "password": folder / "password.txt"}
    paths["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths["other"].write_bytes(other.public_bytes(serialization.Encoding.PEM))
    paths["key"].write_bytes(pkcs12.serialize_key_and_certificates(
        b"hr", hr_key, hr, [ca], serialization.BestAvailableEncryption(b"correct horse")))
    paths["password"].write_text("correct horse\n", encoding="utf-8")
    return paths


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

# VmHWM, this process's own peak (ru_maxrss would carry over the forking pytest worker's across exec)
PEAK_REPORTING_PACKETGEN = (
    "import atexit, re, sys\n"
    "atexit.register(lambda: print('PEAK', re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1],"
    " file=sys.stderr))\n"
    "sys.argv[0] = 'packetgen'\n"
    "from packetgen.cli import main\n"
    "main()\n")


@pytest.mark.parametrize("attack,where", [
    ("object_dag", "catalog entry /PGWalk differs"),
    ("outline_dag", "the outline (bookmarks) differs"),
    ("attachment_bomb", "an attachment that is not the record's own: 'zeros.bin'"),
    ("content_bomb", "page 1: what is drawn differs"),
])
@pytest.mark.renders
def test_a_record_built_to_exhaust_verify_is_refused_in_bounded_time_and_memory(record, tmp_path, attack, where):
    altered = tmp_path / f"{attack}.pdf"
    altered.write_bytes(getattr(tamper, attack)(record.read_bytes()))
    assert altered.stat().st_size < 3_000_000  # small files: 2^60 visits, or 2 GB once inflated
    # a process of its own, which says its own peak memory as it exits (Linux: VmHWM in KB)
    import re
    import subprocess
    import sys
    import time

    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PEAK_REPORTING_PACKETGEN, "verify", str(altered)],
                          capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    peak_mb = int(re.search(r"PEAK (\d+)", proc.stderr)[1]) / 1024
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert any(where in line for line in proc.stdout.splitlines() if line.startswith("FAIL")), proc.stdout
    assert elapsed < 60 and peak_mb < 1024, (elapsed, peak_mb)  # before: 30 s to endless, up to 6.3 GB


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


def test_keys_certificates_and_passwords_are_read_within_bounds(pki, record, tmp_path):
    """A device or a huge file given as a key, a certificate or a password file is refused after at most
    a megabyte, and a password file an editor saved with a byte order mark still holds the password."""
    import time

    from packetgen.errors import UsageError
    from packetgen.records import signing

    start = time.monotonic()
    for option, args in (("--sign", ["render", EXAMPLE, "-o", tmp_path / "x.pdf", "--archival", "--sign",
                                     "/dev/zero"]),
                         ("--trust", ["verify", record, "--trust", "/dev/zero"]),
                         ("--sign-password-file", ["render", EXAMPLE, "-o", tmp_path / "x.pdf", "--archival", "--sign",
                                                   pki["key"], "--sign-password-file", "/dev/zero"])):
        result = invoke(*args)
        assert result.exit_code == 2 and f"{option} /dev/zero: larger than any such file" in result.stderr
    assert time.monotonic() - start < 10 and not (tmp_path / "x.pdf").exists()
    bom = tmp_path / "password.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + pki["password"].read_bytes())
    signing.check_key(pki["key"], bom)  # the right password, whatever the editor put before it
    bom.write_bytes(b"\xef\xbb\xbfwrong horse\n")
    with pytest.raises(UsageError, match="the wrong password"):
        signing.check_key(pki["key"], bom)


def test_expect_takes_the_line_render_prints(record):
    digest = hashlib.sha256(record.read_bytes()).hexdigest()
    for given in (digest, f"{digest}  {record}", f"{digest.upper()} *{record.name}"):
        result = invoke("verify", record, "--expect", given)
        assert result.exit_code == 0 and f"ok    file hash: SHA-256 {digest}" in result.output, given
    assert invoke("verify", record, "--expect", "0" * 64 + f"  {record}").exit_code == 1


def test_a_decision_by_a_long_address_a_ligature_or_another_script_verifies(record, tmp_path):
    """Who decided is on the page as typed: wrapped at "@", with "ﬁ", in Thai or Cherokee (which this
    machine may have no font for: a warning, as render gives), and the record still verifies."""
    by = "Oﬃce ᏣᎳᎩ คณะกรรมการ calibration-committee-search-and-code-intelligence@very-long-subdomain.example.com"
    out = tmp_path / "decided.pdf"
    result = invoke("decide", record, "--outcome", "promoted", "--by", by, "--date", "2026-07-02", "-o", out)
    assert result.exit_code == 0, result.output
    from packetgen.rendering.fonts import installed

    coverage = installed()
    if coverage is not None and "ค" not in coverage:
        assert "--by: " in result.stderr and "would print on the decision page as empty boxes" in result.stderr
    verified = invoke("verify", out)
    assert verified.exit_code == 0, verified.output
    assert f"ok    decision: Promoted by {by} on 2 Jul 2026, as the last page shows" in verified.output


def test_evidence_named_like_a_records_own_files_is_embedded_under_another_name(tmp_path):
    from packetgen.analysis.matching import analyse
    from packetgen.loading.evidence import load_evidence
    from packetgen.records.sources import sources_of

    for name in ("decision.json", "packetgen-record.json", "tally.json"):
        path = tmp_path / name
        path.write_bytes(EXAMPLE.read_bytes())
        loaded = load_evidence(path)
        sources = sources_of(analyse(loaded.framework, loaded.evidence), paper="a4", generated=dt.datetime.now(dt.UTC))
        assert sources.evidence_name == f"evidence-{name}"
    out = tmp_path / "record.pdf"
    assert invoke("render", tmp_path / "decision.json", "-o", out, "--archival",
                  env={"SOURCE_DATE_EPOCH": EPOCH}).exit_code == 0
    result = invoke("verify", out)
    assert result.exit_code == 0, result.output
    assert "ok    evidence hash: evidence-decision.json" in result.output


def test_an_included_file_whose_name_a_record_cannot_hold_is_refused_before_rendering(tmp_path):
    long = "a" * 210 + ".yaml"
    (tmp_path / long).write_text("evidence: []\n", encoding="utf-8")
    case = tmp_path / "case.yaml"
    case.write_text(EXAMPLE.read_text(encoding="utf-8") + f"\ninclude: [{long}]\n", encoding="utf-8")
    result = invoke("render", case, "-o", tmp_path / "r.pdf", "--archival")
    assert result.exit_code == 2 and "at most 200 characters" in result.stderr and "rename it" in result.stderr
    assert "packetgen-record-" not in result.stderr  # no temporary path: the file the user named
    assert not (tmp_path / "r.pdf").exists()


def test_a_signature_that_paints_over_the_page_is_a_foreign_annotation(pki, record, tmp_path):
    """A record signed (with any key) through a visible signature field whose appearance writes over
    page 1: verify exits 1 naming it, with or without --trust, and decide refuses the record."""
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    from packetgen.records.signing import _signer

    writer = IncrementalPdfFileWriter(io.BytesIO(record.read_bytes()))
    meta = signers.PdfSignatureMetadata(field_name="verdict", subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256")
    spec = fields.SigFieldSpec("verdict", on_page=0, box=(40, 700, 560, 800))
    style = TextStampStyle(stamp_text="Promote now — the committee agrees", background_opacity=1)
    out = tmp_path / "painted.pdf"
    out.write_bytes(signers.PdfSigner(meta, _signer(pki["key"], pki["password"]), stamp_style=style,
                                      new_field_spec=spec).sign_pdf(writer).getvalue())
    for extra in ([], ["--trust", pki["ca"]]):
        result = invoke("verify", out, *extra)
        assert result.exit_code == 1, result.output
        assert re.search(r"FAIL  structure: page 1: a signature field with /AP|FAIL  structure: page 1: a visible "
                         r"signature field", result.output), result.output
    decided = invoke("decide", out, "--outcome", "promoted", "--by", "HR", "--date", "2026-07-02",
                     "-o", tmp_path / "d.pdf")
    assert decided.exit_code == 1 and "does not verify" in decided.stderr
    assert not (tmp_path / "d.pdf").exists()


def _short_lived(tmp_path, *, seconds: float, start=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)):
    """A CA (PEM) and a key it certifies until `seconds` from now (PKCS#12, no password)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("Short CA", "Short CA", ca_key, ca_key, ca=True)
    end = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "HR short")]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Short CA")]))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256()))
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "hr.p12").write_bytes(pkcs12.serialize_key_and_certificates(b"hr", key, cert, [ca],
                                                                            serialization.NoEncryption()))
    return tmp_path / "ca.pem", tmp_path / "hr.p12"


def test_a_certificate_that_expired_since_signing_is_a_note_not_an_alteration(record, tmp_path, monkeypatch):
    import time

    from packetgen.records import signing

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        ca, key = _short_lived(tmp_path, seconds=2)
        signed = tmp_path / "signed.pdf"
        signed.write_bytes(signing.sign(record.read_bytes(), key))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    with pikepdf.open(signed) as pdf:  # the time the record states: SOURCE_DATE_EPOCH, in UTC, whatever the zone
        stated = str(next(f for f in pdf.Root.AcroForm.Fields if f.get("/FT") == "/Sig").V.M)
    assert stated.startswith("D:20260528") and "+09" not in stated
    time.sleep(2.5)  # the certificate is now expired
    result = invoke("verify", signed, "--trust", ca)
    assert result.exit_code == 0, result.output
    assert "note  certificate: expired since signing" in result.output
    assert "chains to the certificate given with --trust" in result.output
    # and a certificate that is not valid now (or at the stated signing time) never signs
    (tmp_path / "expired").mkdir()
    (tmp_path / "later").mkdir()
    _, expired = _short_lived(tmp_path / "expired", seconds=-60)
    with pytest.raises(Exception, match="the certificate is not valid now"):
        signing.check_key(expired)
    _, later = _short_lived(tmp_path / "later", seconds=3600, start=dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    with pytest.raises(Exception, match="not valid at the signing time the record states"):
        signing.check_key(later)  # SOURCE_DATE_EPOCH (May 2026) is before this certificate's start

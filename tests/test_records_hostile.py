"""Records, hostile and careless input round 3 (issue 29): keys and passwords read within bounds, the
digest line `--expect` takes, no false alarm on genuine records (a long address, a ligature, another
script, evidence named like a record's own files), a signature that paints over the page, a certificate
that expired since signing. Split from test_records.py so the two files run on two workers."""
from __future__ import annotations

import datetime as dt
import hashlib
import re

import pikepdf
import pytest
from conftest import EXAMPLES, certificate
from render_helpers import ARCHIVE_EPOCH, invoke

EXAMPLE = EXAMPLES[1]
EPOCH = ARCHIVE_EPOCH

pytestmark = pytest.mark.renders  # every test here makes or reads a rendered record


@pytest.fixture(scope="module")
def record(records):
    return records(EXAMPLE)



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


def test_expect_takes_the_line_render_prints(records):
    record = records(EXAMPLE, "typst")  # what --expect reads is the same for either engine's record; Typst's
    # re-render, which each verify starts with, costs 0.3 s instead of 2
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
    assert invoke("render", tmp_path / "decision.json", "-o", out, "--archival", "--engine", "typst",
                  env={"SOURCE_DATE_EPOCH": EPOCH}).exit_code == 0  # the naming is either engine's (Typst's: faster)
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
    ca = certificate("Short CA", "Short CA", ca_key, ca_key, ca=True)
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

"""Signing records with an organisation's key, and checking those signatures (pyHanko).

A signature is a PAdES baseline B-B signature in one incremental update after the record's
own bytes, in an invisible field: the pages stay as rendered, and the record stays PDF/A-3b.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from packetgen.errors import UsageError

FIELD = "packetgen-record"


# What a key, a certificate or a password file can be: a PKCS#12 file or a certificate chain is a few
# kilobytes; anything larger (/dev/zero, a disk image given by mistake) is refused without reading on.
KEY_LIMIT = 1024 * 1024
PASSWORD_LIMIT = 64 * 1024


def read_bounded(path: Path, option: str, limit: int) -> bytes:
    """A small file's bytes, reading at most `limit` + 1 (a device or a huge file is refused)."""
    try:
        with open(path, "rb") as handle:
            blob = handle.read(limit + 1)
    except OSError as exc:
        raise UsageError(f"{option} {path}: cannot read: {exc.strerror or exc}") from None
    if len(blob) > limit:
        raise UsageError(f"{option} {path}: larger than any such file ({limit // 1024} KB); is it the right file?")
    return blob


def read_password(path: Path) -> bytes:
    """The first line of a password file, without a UTF-8 byte order mark an editor may have added."""
    blob = read_bounded(path, "--sign-password-file", PASSWORD_LIMIT)
    return blob.removeprefix(b"\xef\xbb\xbf").splitlines()[0] if blob.strip(b"\xef\xbb\xbf") else b""


def _signer(key: Path, password_file: Path | None):
    from pyhanko.sign import signers

    blob = read_bounded(key, "--sign", KEY_LIMIT)
    password = read_password(password_file) if password_file is not None else None
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(blob, other_certs=(), passphrase=password)
    except Exception:  # pyHanko and cryptography raise several kinds for a bad file or password
        signer = None
    if signer is None:
        need = "" if password_file else "; if it has a password, pass --sign-password-file FILE"
        raise UsageError(f"--sign {key}: not a PKCS#12 key and certificate, or the wrong password{need}")
    return signer


def sign(data: bytes, key: Path, password_file: Path | None = None) -> bytes:
    """`data` (a record) with a signature appended that covers all of it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    class _KeepMetadata(IncrementalPdfFileWriter):
        # pyHanko re-serialises the XMP packet to stamp a modification date, which drops the
        # PDF/A extension schema the record declares (PDF/UA's part number): the record would
        # stop being PDF/A-3b. The signature's update changes nothing but the signature.
        def _update_meta(self):
            pass

    from packetgen.rendering import generation_time

    signer = _signer(key, password_file)
    when = generation_time()  # SOURCE_DATE_EPOCH when set, in UTC: never the host's clock zone
    _check_validity(signer, key, when)

    class _AtTime(signers.PdfSigner):
        # pyHanko takes the signing time from the host's clock and zone; a record states its own
        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = when
            return session

    writer = _KeepMetadata(io.BytesIO(data))
    meta = signers.PdfSignatureMetadata(field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256")
    return _AtTime(meta, signer).sign_pdf(writer).getvalue()


def _check_validity(signer, key: Path, when: datetime | None = None) -> None:
    """Refuse a certificate that is not valid now, or at the signing time the record will state."""
    from datetime import UTC

    cert = signer.signing_cert
    start, end = cert.not_valid_before, cert.not_valid_after
    now = datetime.now(UTC)
    for moment, what in ((now, "now"), (when, "at the signing time the record states (SOURCE_DATE_EPOCH)")):
        if moment is not None and not start <= moment <= end:
            raise UsageError(f"--sign {key}: the certificate is not valid {what}: {moment:%Y-%m-%d %H:%M:%S} UTC is "
                             f"outside {start:%Y-%m-%d %H:%M:%S} – {end:%Y-%m-%d %H:%M:%S} UTC")


def check_key(key: Path, password_file: Path | None = None) -> None:
    """Refuse a key that cannot sign, or whose certificate is not valid now, before any work is done."""
    from packetgen.rendering import generation_time

    _check_validity(_signer(key, password_file), key, generation_time())


@dataclass(frozen=True)
class Signature:
    signer: str  # the certificate's subject, as people read it
    intact: bool  # the signed bytes are unchanged and the signature is mathematically sound
    covers_all: bool  # nothing was added to the file after it
    trusted: bool | None  # chains to --trust (None: not asked)
    problem: str  # why it is not trusted, when it is not
    signed_at: datetime | None = None  # the signing time the record states
    expired: datetime | None = None  # when the certificate expired, if it has since the signing


def signatures(data: bytes, trust: Sequence[Path] = ()) -> list[Signature]:
    """Every signature in `data`, checked (against `trust`, certificates in PEM or DER, when given).
    pyHanko's signers and validation (0.6 s to import) are loaded only for a file that has a form."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    roots = []
    if trust:
        from pyhanko.keys import load_certs_from_pemder_data
    for cert in trust:
        blob = read_bounded(cert, "--trust", KEY_LIMIT)
        try:
            found_here = list(load_certs_from_pemder_data(blob))
        except Exception:
            found_here = []
        if not found_here:
            raise UsageError(f"--trust {cert}: not a certificate (PEM or DER)")
        roots.extend(found_here)
    import logging

    for name in ("pyhanko", "pyhanko_certvalidator"):  # each failure is ours to word, not a traceback
        logging.getLogger(name).setLevel(logging.CRITICAL)
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    if not reader.root.get("/AcroForm"):  # no form, so no signature field (asking pyHanko imports its signers: 0.2 s)
        return []
    present = list(reader.embedded_signatures)
    if not present:
        return []
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    found = []
    from datetime import UTC

    for embedded in present:
        # never the OS trust list; validated at the time the record states it was signed, so a certificate
        # that has expired since is not an alteration
        signed_at = embedded.self_reported_timestamp
        context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=signed_at)
        # a certificate that states its key usage must allow signing; one that states none is
        # not restricted (RFC 5280, 4.2.1.3)
        cert = embedded.signer_cert
        states = cert is not None and cert.key_usage_value is not None
        usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"} if states else set(),
                                    match_all_key_usages=False)
        try:
            # no difference analysis of later revisions: a record allows none (coverage must be
            # the entire file, and verify counts revisions), and pyHanko's takes tens of seconds
            status = validate_pdf_signature(embedded, context, key_usage_settings=usage, skip_diff=True)
        except Exception as exc:  # a damaged signature dictionary or CMS object
            found.append(Signature("?", False, False, False if trust else None, f"cannot be read ({exc})"))
            continue
        subject = status.signing_cert.subject.human_friendly if status.signing_cert else "?"
        problem = ""
        if trust and not status.trusted:
            problem = "does not chain to the certificate given with --trust"
        end = status.signing_cert.not_valid_after if status.signing_cert else None
        found.append(Signature(subject, bool(status.intact and status.valid),
                               status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                               bool(status.trusted) if trust else None, problem, signed_at,
                               end if end is not None and end < datetime.now(UTC) else None))
    return found

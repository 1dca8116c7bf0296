from __future__ import annotations

import datetime as _dt
import os
import textwrap
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
TODAY = date(2026, 11, 27)  # a fixed "today" so future-date warnings do not drift


def pytest_addoption(parser):
    parser.addoption("--update-testdata", action="store_true",
                     help="Rewrite the golden .expected files from the current output.")


def pytest_configure(config):
    config.addinivalue_line("markers", "renders: renders a packet, handout or record (make test-fast leaves it out)")


# Seconds each of the longest files takes on this 2-core machine (pytest --durations under `make test`'s
# workers, summed per file, rounded; refreshed 2026-12-03). `make test` hands whole files to the workers
# (--dist loadfile) in collection order (--no-loadscope-reorder: xdist would hand out the files with most
# tests first, which put test_hostile's single 70-second fixture last); the longest go first, so that no
# worker is left with a long file at the end while the others idle (longest first is within 4/3 of the best).
LONGEST = {"test_records.py": 74, "test_render_layout.py": 67, "test_calibration_cycle.py": 65,
           "test_locales.py": 64, "test_hostile.py": 54, "test_committee.py": 48, "test_geometry.py": 40,
           "test_archive.py": 28, "test_html_browser.py": 28, "test_records_hostile.py": 27, "test_batch.py": 26,
           "test_typst.py": 25, "test_render_pdf.py": 25, "test_outputs.py": 23, "test_limits.py": 22,
           "test_calibration.py": 21, "test_properties.py": 18, "test_geometry_browser.py": 17,
           "test_anonymize.py": 14, "test_render_docx.py": 14, "test_render_templates.py": 13, "test_preview.py": 13,
           "test_strength_properties.py": 12, "test_packaging.py": 11, "test_cli.py": 11, "test_fonts.py": 9,
           "test_draft.py": 8}


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: -LONGEST.get(item.path.name, 0))  # stable: a file's tests keep their order


# `make test-fast` runs `-m "not renders"` with PACKETGEN_FAST_LANE=1: there, a test that renders
# without the mark fails and says so, so the fast lane cannot quietly grow slow.
FAST_LANE = os.environ.get("PACKETGEN_FAST_LANE") == "1"
_RENDERERS = ("packetgen.rendering.html.render_html", "packetgen.rendering.docx.packet.write_docx",
              "packetgen.rendering.pdf.write_pdf", "packetgen.rendering.pdf.render_document",
              "packetgen.committee.handout.render_handout", "packetgen.records.sources.make")
_RENDERING_COMMANDS = {"render", "committee", "decide", "verify", "preview"}
_RENDERING_SCRIPTS = ("hostile_runner.py",)  # runs render in a process of its own


@pytest.fixture(scope="session", autouse=True)
def _fast_lane_renders_nothing():
    """Session-wide (module fixtures that render are caught too): selected with -m "not renders"."""
    if not FAST_LANE:
        yield
        return

    def refuse(*args, **kwargs):
        raise AssertionError("this test renders: mark it @pytest.mark.renders (make test-fast leaves those out)")

    import subprocess

    popen = subprocess.Popen

    class Guarded(popen):
        def __init__(self, args, *rest, **kwargs):
            words = set(map(str, args)) if isinstance(args, (list, tuple)) else set(str(args).split())
            if (words & _RENDERING_COMMANDS and any("packetgen" in w for w in words)) or any(
                    w.endswith(_RENDERING_SCRIPTS) for w in words):
                refuse()
            super().__init__(args, *rest, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        for target in _RENDERERS:
            patch.setattr(target, refuse)
        patch.setattr(subprocess, "Popen", Guarded)
        yield


@pytest.fixture
def update_testdata(request) -> bool:
    return request.config.getoption("--update-testdata")


@pytest.fixture
def write(tmp_path):
    """Write a dedented YAML text to a file in tmp_path and return its path."""

    def _write(text: str, name: str = "evidence.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


HEADER = """\
candidate:
  name: Jordan Lee
  current_level: ic3
  target_level: ic4
"""


@pytest.fixture
def evidence_file(write):
    """An evidence file with the standard header and the given `evidence:` body."""

    def _make(body: str, header: str = HEADER, name: str = "evidence.yaml") -> Path:
        return write(header + textwrap.dedent(body).lstrip("\n"), name)

    return _make


# Hypothesis: CI runs a fixed, bounded set of examples (derandomized: the same every run);
# `HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py` runs many more locally.
try:
    from hypothesis import HealthCheck, settings

    settings.register_profile("ci", derandomize=True, deadline=None, max_examples=60,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("thorough", derandomize=False, deadline=None, max_examples=2000,
                              suppress_health_check=[HealthCheck.too_slow])
    import os as _os

    settings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "ci"))
except ImportError:  # pragma: no cover
    pass


def _shared_folder(tmp_path_factory, name: str) -> Path:
    """A folder every xdist worker of this run shares (one per session without xdist)."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run:
        return tmp_path_factory.mktemp(name)
    folder = tmp_path_factory.getbasetemp().parent / f"{name}-{run}"  # the workers' basetemps sit side by side
    folder.mkdir(exist_ok=True)
    return folder


def _made_once(path: Path, make) -> bool:
    """Make `path` with make(path) unless a worker already has; True when this call made it."""
    from filelock import FileLock

    done = path.with_name(path.name + ".done")
    with FileLock(str(path) + ".lock"):
        if done.exists():
            return False
        make(path)
        done.touch()
        return True


@pytest.fixture(scope="session")
def packets(tmp_path_factory):
    """Each example rendered once per format (and PDF engine) per test run, shared by the xdist workers
    (the first to ask renders it under a file lock, the others read it): packets(example, "pdf"[, engine]) ->
    Rendered(result, path, records). `records` are the log records WeasyPrint emitted while
    rendering (a test fails on any warning among them); they travel beside the file."""
    import hashlib
    import json
    import logging
    from types import SimpleNamespace

    from render_helpers import render_to, result_of

    base = _shared_folder(tmp_path_factory, "packets")
    cache: dict = {}

    def render(out: Path, example: Path, engine: str) -> None:
        records: list = []
        handler = logging.Handler()
        handler.emit = records.append
        logging.getLogger("weasyprint").addHandler(handler)
        try:
            render_to(example, out, engine=engine)
        finally:
            logging.getLogger("weasyprint").removeHandler(handler)
        out.with_name(out.name + ".log.json").write_text(json.dumps(
            [{"levelno": r.levelno, "levelname": r.levelname, "msg": r.getMessage()} for r in records]),
            encoding="utf-8")

    def get(example: Path, fmt: str, engine: str = "weasyprint"):
        key = (Path(example), fmt, engine)
        if key not in cache:
            digest = hashlib.sha256(Path(example).read_bytes()).hexdigest()[:12]
            by = "" if engine == "weasyprint" else f"-{engine}"
            out = base / f"{Path(example).stem}-{digest}{by}.{fmt}"
            _made_once(out, lambda path: render(path, Path(example), engine))
            logged = json.loads(out.with_name(out.name + ".log.json").read_text(encoding="utf-8"))
            cache[key] = SimpleNamespace(result=result_of(example), path=out,
                                         records=[logging.makeLogRecord(r) for r in logged])
        return cache[key]

    return get


@pytest.fixture(scope="session")
def handouts(tmp_path_factory):
    """The A4 handout of the examples, named or anonymised (with its key), in a format, made once
    per test run and shared by the workers: handouts(anonymize, fmt[, engine]) -> (path, key or None).
    Read it; never change it (copy it first)."""
    from click.testing import CliRunner

    from packetgen.cli import cli

    base = _shared_folder(tmp_path_factory, "handouts")

    def make(path: Path, anonymize: bool, engine: str) -> None:
        extra = ["--anonymize", "--key-out", str(path.with_name(path.name + ".key.csv"))] if anonymize else []
        result = CliRunner().invoke(cli, ["committee", *map(str, EXAMPLES), "-o", str(path), "--engine", engine,
                                          *extra])
        assert result.exit_code == 0, result.output

    def get(anonymize: bool = False, fmt: str = "pdf", engine: str = "weasyprint"):
        by = "" if engine == "weasyprint" else f"-{engine}"
        out = base / f"handout-{'anonymised' if anonymize else 'named'}{by}.{fmt}"
        _made_once(out, lambda path: make(path, anonymize, engine))
        return out, (out.with_name(out.name + ".key.csv") if anonymize else None)

    return get


@pytest.fixture(scope="session")
def records(tmp_path_factory):
    """An archival record of an example (render --archival at ARCHIVE_EPOCH), made once per test
    run and shared by the workers: records(example[, engine]) -> path. Read it; never change it (copy it first)."""
    import hashlib

    from render_helpers import render_record

    base = _shared_folder(tmp_path_factory, "records")

    def make(example: Path, out: Path, engine: str) -> None:
        result = render_record(example, out, engine)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        assert result.stdout == f"{digest}  {out}\n"  # printed to be stored outside the file

    def get(example: Path, engine: str = "weasyprint") -> Path:
        out = base / f"{Path(example).stem}{'' if engine == 'weasyprint' else '-' + engine}.pdf"
        _made_once(out, lambda path: make(Path(example), path, engine))
        return out

    return get


@pytest.fixture(scope="session")
def stress(tmp_path_factory) -> Path:
    """The layout stress file (tests/stress.py), written once per session: render it with
    packets(stress, fmt) like an example."""
    from stress import write_stress

    return write_stress(tmp_path_factory.mktemp("stress"))


@pytest.fixture(scope="session")
def htmls(tmp_path_factory, packets, stress) -> dict:
    """The HTML of every packet and handout the geometry suites judge (tests/geometry.py), the handouts
    made once per run for both (PDF words and Chromium layouts)."""
    from geometry import judged_htmls as make

    base = _shared_folder(tmp_path_factory, "geometry-html")
    _made_once(base / "htmls", lambda path: path.write_text("\n".join(map(str, make(base, packets, stress).values()))))
    return make(base, packets, stress, render=False)


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    """A throwaway CA, a signing key it certifies (as PKCS#12 with a password) and an unrelated CA."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    folder = tmp_path_factory.mktemp("pki")
    ca_key, other_key, hr_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca = certificate("Test Records CA", "Test Records CA", ca_key, ca_key, ca=True)
    other = certificate("Someone Else CA", "Someone Else CA", other_key, other_key, ca=True)
    hr = certificate("HR Records", "Test Records CA", hr_key, ca_key, ca=False)
    paths = {"ca": folder / "ca.pem", "other": folder / "other.pem", "key": folder / "hr.p12",
             "password": folder / "password.txt"}
    paths["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths["other"].write_bytes(other.public_bytes(serialization.Encoding.PEM))
    paths["key"].write_bytes(pkcs12.serialize_key_and_certificates(
        b"hr", hr_key, hr, [ca], serialization.BestAvailableEncryption(b"correct horse")))
    paths["password"].write_text("correct horse\n", encoding="utf-8")
    return paths


def certificate(subject, issuer, key, issuer_key, *, ca):
    """A test certificate (a CA when `ca`), valid from 2026-01-01 (before ARCHIVE_EPOCH, the signing time
    of test records) for thirty days from now."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    now = _dt.datetime.now(_dt.UTC)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(_dt.datetime(2026, 1, 1, tzinfo=_dt.UTC))  # before ARCHIVE_EPOCH: the signing time
               .not_valid_after(now + _dt.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False, key_cert_sign=ca,
                                            crl_sign=ca, encipher_only=False, decipher_only=False), critical=True))
    return builder.sign(issuer_key, hashes.SHA256())

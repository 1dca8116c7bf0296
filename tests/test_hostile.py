"""Hostile and careless inputs (tests/hostile/, one case a file): nothing crashes, nothing
leaks, nothing is lost. Each case goes through check, render PDF and render DOCX in a
subprocess that audits every file open and socket connect."""
from __future__ import annotations

import http.server
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).parent
CORPUS = sorted((HERE / "hostile").glob("*.yaml"))
LOCATED = re.compile(r"^\S.*:\d+:\d+: error: .+", re.M)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    listener = f"http://127.0.0.1:{server.server_address[1]}"
    work = tmp_path_factory.mktemp("hostile")
    secret = work / "secret.yaml"
    secret.write_text("TOP-SECRET: the committee's private notes\n", encoding="utf-8")
    corpus, out = work / "corpus", work / "out"
    corpus.mkdir()
    out.mkdir()
    for case in CORPUS:
        data = case.read_bytes()
        for key, value in ((b"@SECRET_URI@", secret.as_uri()), (b"@SECRET@", str(secret)), (b"@LISTENER@", listener)):
            data = data.replace(key, value.encode())
        (corpus / case.name).write_bytes(data)
    (corpus / "huge-file.yaml").write_bytes(b"candidate:\n  name: X\nsummary: |\n" + b"  " + b"a" * 3_000_000 + b"\n")
    (corpus / "long-string.yaml").write_bytes(b"candidate:\n  name: " + b"b" * 150_000 + b"\n")
    (corpus / "many-items.yaml").write_text("candidate:\n  name: X\n  current_level: ic3\n  target_level: ic4\n"
                                            "evidence:\n" + "".join(f"  - {{title: t{i}, date: 2026-01-01}}\n" for i in range(1200)),
                                            encoding="utf-8")
    report = work / "report.json"
    proc = subprocess.run([sys.executable, str(HERE / "hostile_runner.py"), str(corpus), str(out), str(report)],
                          capture_output=True, text=True, timeout=900)
    server.shutdown()
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(report.read_text(encoding="utf-8")), hits, secret, work


def cases(report):
    return {k: v for k, v in report.items() if not k.startswith("_")}


def test_corpus_is_big_enough():
    assert len(CORPUS) >= 40


@pytest.mark.renders
def test_no_traceback_and_only_exit_0_or_2(run):
    report, _, _, _ = run
    assert len(cases(report)) >= 43
    for name, steps in cases(report).items():
        for step, outcome in steps.items():
            assert outcome["exception"] is None, (name, step, outcome["exception"])
            assert outcome["exit"] in (0, 2), (name, step, outcome)
            assert "Traceback" not in outcome["stderr"] + outcome["stdout"], (name, step)
            if outcome["exit"] == 2:
                assert LOCATED.search(outcome["stderr"]) or outcome["stderr"].startswith("packetgen: error:"), \
                    (name, step, outcome["stderr"])


@pytest.mark.renders
def test_check_errors_are_located_in_the_file(run):
    report, _, _, _ = run
    refused = {name: steps for name, steps in cases(report).items() if steps["check"]["exit"] == 2}
    assert len(refused) >= 10, "the corpus should hold at least ten files `check` refuses"
    for name, steps in refused.items():
        first = LOCATED.search(steps["check"]["stderr"])
        assert first and name in first.group(0), (name, steps["check"]["stderr"])


@pytest.mark.renders
def test_failed_renders_keep_the_sentinel_and_leave_no_partial_file(run):
    report, _, _, work = run
    failures = 0
    for name, steps in cases(report).items():
        for step in ("pdf", "docx"):
            outcome = steps[step]
            if outcome["exit"] != 0:
                failures += 1
                assert outcome["sentinel_kept"], (name, step)
            else:
                assert not outcome["sentinel_kept"] and outcome["output_size"] > 1000, (name, step)
    assert failures >= 40
    assert list((work / "out").glob("*.part")) == [] and list((work / "out").glob(".*")) == []


@pytest.mark.renders
def test_nothing_leaks_and_nothing_is_fetched(run):
    report, hits, secret, _ = run
    assert hits == []  # the local listener never heard from us
    assert report["_connects"] == []
    # the only programs started are ctypes.util.find_library's lookups of Pango & co for
    # WeasyPrint (ldconfig -p, then gcc/ld probes) and fontconfig's fc-list, asked which
    # characters the installed fonts cover (packetgen.fonts); nothing an input asked for
    programs = {entry.split(",")[0].strip("('") for entry in report["_spawned"]}
    programs = {p for p in programs if not p.endswith("/fc-list")}
    assert programs <= {"/sbin/ldconfig", "/usr/bin/gcc", "ld", "gcc", "/usr/bin/ld"}, report["_spawned"][:3]
    for name, steps in cases(report).items():
        for step in ("pdf", "docx"):
            assert not steps[step]["output_has_secret"], (name, step)
    opened = set(report["_opened"])
    assert str(secret) not in opened
    assert not {"/etc/passwd", "/etc/hostname", "/etc/shadow"} & opened
    assert not any(p.startswith("/tmp/owned") or "pwned" in p for p in opened)


@pytest.mark.renders
def test_safe_outputs_contain_no_active_content(run):
    report, _, _, work = run
    import zipfile

    from pypdf import PdfReader

    pdfs = [p for p in (work / "out").glob("*.pdf") if p.read_bytes() != b"SENTINEL"]
    docxs = [p for p in (work / "out").glob("*.docx") if p.read_bytes() != b"SENTINEL"]
    assert len(pdfs) >= 10 and len(docxs) >= 10, "too few hostile files rendered to judge their outputs"
    links = 0
    for pdf in pdfs:
        reader = PdfReader(pdf)
        assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {}), pdf.name
        assert "/OpenAction" not in reader.trailer["/Root"] and "/AA" not in reader.trailer["/Root"], pdf.name
        for page in reader.pages:
            for annot in page.get("/Annots") or []:
                action = annot.get_object().get("/A") or {}
                links += action.get("/S") == "/URI"
                assert action.get("/S") in (None, "/URI", "/GoTo"), pdf.name
                uri = str(action.get("/URI", "https://"))
                assert uri.startswith(("https://", "http://", "mailto:")), (pdf.name, uri)
                if uri.startswith("mailto:"):  # a mailto link keeps only subject, body and cc
                    assert not re.search(r"[?&](?!subject=|body=|cc=)", uri), (pdf.name, uri)
    assert links >= 10, "the hostile links should have been kept as links (and checked here)"
    for doc in docxs:
        with zipfile.ZipFile(doc) as z:
            rels = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
        for target, mode in re.findall(r'Target="([^"]*)"(?: TargetMode="(\w+)")?', rels):
            if mode == "External":
                assert target.startswith(("https://", "http://", "mailto:")), (doc.name, target)
                if target.startswith("mailto:"):
                    assert not re.search(r"(\?|&amp;)(?!subject=|body=|cc=)", target), (doc.name, target)

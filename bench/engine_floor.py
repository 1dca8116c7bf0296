"""The engines' own cost per page, without packetgen: the same plain document (sections with a
heading, three paragraphs and a small table) laid out by WeasyPrint from HTML and by LibreOffice
from a python-docx DOCX, as whole processes, paired in one run (alternating, medians; CPU
includes child processes).

It answers one question for issue 18's handout bar ("at most 2x the CPU of DOCX plus
LibreOffice"): how far apart the two engines are on content with nothing of packetgen's in it
(no tagging, no colours, one font family, no page furniture). The marginal cost per page is the
slope between the two sizes, so start-up and imports cancel out; it is given per section (the same
content in both), as the two engines' default page layouts hold different amounts of text.

    .venv/bin/python bench/engine_floor.py [--sections 40,400] [--runs 3]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = ("the team shipped a change that reduced onboarding time for new customers and the "
         "committee asked how the result was measured across quarters with data from the product").split()

WEASYPRINT = """
import sys
from weasyprint import HTML
n = int(sys.argv[1]); words = sys.argv[2].split()
para = lambda k: " ".join(words[(k + i) % len(words)] for i in range(80))
rows = "".join(f"<tr><td>row {r}</td><td>{words[r]}</td><td>{r * 7}</td><td>{words[r + 3]}</td></tr>" for r in range(4))
body = "".join(f"<h2>Section {s}</h2><p>{para(s)}</p><p>{para(s + 1)}</p><p>{para(s + 2)}</p>"
               f"<table><tr><th>a</th><th>b</th><th>c</th><th>d</th></tr>{rows}</table>" for s in range(n))
css = ("@page { size: A4; margin: 2cm } body { font-family: 'DejaVu Sans'; font-size: 10pt } "
       "table { border-collapse: collapse; width: 100% } td, th { border: 0.5pt solid #888; padding: 2pt }")
HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(sys.argv[3])
"""

DOCX = """
import sys, docx
n = int(sys.argv[1]); words = sys.argv[2].split()
para = lambda k: " ".join(words[(k + i) % len(words)] for i in range(80))
d = docx.Document()
for s in range(n):
    d.add_heading(f"Section {s}", 2)
    for k in range(3):
        d.add_paragraph(para(s + k))
    t = d.add_table(rows=5, cols=4)
    t.style = "Table Grid"
    for c, text in enumerate("abcd"):
        t.cell(0, c).text = text
    for r in range(4):
        for c, text in enumerate((f"row {r}", words[r], str(r * 7), words[r + 3])):
            t.cell(r + 1, c).text = text
d.save(sys.argv[3])
"""


def run(argv: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, capture_output=True, cwd=cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", default="40,400")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office:
        raise SystemExit("LibreOffice is not installed: nothing to compare with")
    work = Path(tempfile.mkdtemp(prefix="packetgen-floor-"))
    words = " ".join(WORDS)
    profile = work / "lo-profile"
    lo = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir"]

    def weasy(n: int) -> float:
        return run([sys.executable, "-c", WEASYPRINT, str(n), words, str(work / f"w{n}.pdf")], work)

    def office_route(n: int) -> float:
        cpu = run([sys.executable, "-c", DOCX, str(n), words, str(work / f"d{n}.docx")], work)
        return cpu + run([*lo, str(work / "lo"), str(work / f"d{n}.docx")], work)

    sizes = [int(s) for s in args.sections.split(",")]
    office_route(sizes[0])  # LibreOffice's first start writes its profile
    results = {}
    for n in sizes:
        w, o = [], []
        for i in range(args.runs):
            first, second = (weasy, office_route) if i % 2 == 0 else (office_route, weasy)
            a, b = first(n), second(n)
            (w, o)[first is office_route].append(a)
            (w, o)[second is office_route].append(b)
        results[n] = (statistics.median(w), statistics.median(o),
                      pages(work / f"w{n}.pdf"), pages(work / "lo" / f"d{n}.pdf"))
    print(f"{'sections':>8} {'WeasyPrint':>11} {'pages':>5} {'DOCX+LO':>8} {'pages':>5} {'ratio':>6}  (CPU s, medians of {args.runs})")
    for n, (w, o, wp, op) in results.items():
        print(f"{n:>8} {w:>11.2f} {wp:>5} {o:>8.2f} {op:>5} {w / o:>5.2f}x")
    if len(sizes) >= 2:
        (w1, o1, wp1, op1), (w2, o2, wp2, op2) = results[sizes[0]], results[sizes[-1]]
        n = sizes[-1] - sizes[0]
        ws, os_ = (w2 - w1) / n, (o2 - o1) / n
        print(f"marginal CPU per section (the same content; the engines' default pages differ): WeasyPrint "
              f"{ws * 1000:.1f} ms, DOCX+LibreOffice {os_ * 1000:.1f} ms -> {ws / os_:.2f}x; per page "
              f"{(w2 - w1) / (wp2 - wp1) * 1000:.0f} ms and {(o2 - o1) / (op2 - op1) * 1000:.0f} ms")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Hostile evidence renders as harmless text, and rendering fetches nothing."""
from __future__ import annotations

import http.server
import threading

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from render_helpers import pdf_pages, render_to

from packetgen.rendering.pdf import RestrictedFetcher, write_pdf
from packetgen.resources import data_dir


@pytest.fixture
def listener():
    """A local HTTP server that records every request it receives."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.fixture
def hostile(evidence_file, listener, tmp_path):
    base, _ = listener
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    path = evidence_file(f"""
    summary: |
      <script>alert("summary")</script> <img src="{secret.as_uri()}"> ![x]({base}/summary.png)
    evidence:
      - id: evil
        title: <b>Bold</b> & <script>alert(1)</script>
        date: 2026-01-10
        expectations: [ic4.impact.1]
        description: |
          <script>alert(1)</script>
          <img src="file:///etc/passwd">
          <img src="{base}/tracker.png">
          [click me](javascript:alert(1)) and [local](file://{secret}) and ![pic]({base}/pic.png)
          <iframe src="{base}/frame"></iframe> [fine](https://example.com/ok)
        links:
          - {{title: bad, url: "javascript:alert(2)"}}
          - {{title: ok, url: "https://example.com/prd"}}
        quotes:
          - {{from: "<i>Eve</i>", text: "<style>body{{display:none}}</style>"}}
    """)
    return path, secret


@pytest.mark.renders
def test_html_output_has_no_active_content(hostile, listener, tmp_path):
    path, _ = hostile
    out = tmp_path / "p.html"
    render_to(path, out)
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("script") is None and soup.find("iframe") is None and soup.find("img") is None
    assert len(soup.find_all("style")) == 1  # ours
    hrefs = {a["href"] for a in soup.find_all("a") if not a["href"].startswith("#")}
    base, _ = listener
    # a Markdown image is only a link to click: nothing is embedded or fetched
    assert hrefs == {"https://example.com/ok", "https://example.com/prd", f"{base}/pic.png",
                     f"{base}/summary.png"}
    text = soup.get_text()
    assert '<script>alert(1)</script>' in text  # shown, literally, as text
    assert "[click me](javascript:alert(1))" in text
    assert "<b>Bold</b> & <script>alert(1)</script>" in text


@pytest.mark.renders
@pytest.mark.parametrize("engine", ["weasyprint", "typst"])
def test_pdf_fetches_nothing_and_leaks_nothing(hostile, listener, tmp_path, engine):
    path, secret = hostile
    _, hits = listener
    out = tmp_path / "p.pdf"
    render_to(path, out, engine=engine)
    text = " ".join(pdf_pages(out))
    assert hits == []
    assert "TOP-SECRET-CONTENT" not in text
    assert b"TOP-SECRET-CONTENT" not in out.read_bytes()
    assert "<script>alert(1)</script>" in text
    uris = []
    for page in PdfReader(out).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if action.get("/URI"):
                uris.append(str(action["/URI"]))
            assert action.get("/S") in (None, "/URI", "/GoTo")  # no JavaScript or Launch actions
    assert all(u.startswith(("https://", "http://127.0.0.1")) for u in uris) and uris


@pytest.mark.renders
def test_restricted_fetcher_refuses_network_and_foreign_files(listener, tmp_path):
    base, hits = listener
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    html = (f'<html><body><p>x</p><img src="{base}/a.png"><img src="{secret.as_uri()}">'
            f'<link rel="stylesheet" href="{base}/s.css"></body></html>')
    fetcher = write_pdf(html, tmp_path / "x.pdf")
    assert hits == []
    assert f"{base}/a.png" in fetcher.refused and secret.as_uri() in fetcher.refused
    allowed = RestrictedFetcher([data_dir("templates")])
    response = allowed.fetch((data_dir("templates") / "packet.css").as_uri())
    assert b"packetgen packet" in response.read()
    response.close()
    with pytest.raises(ValueError):
        allowed.fetch((data_dir("templates") / ".." / "pyproject.toml").as_uri())


@pytest.mark.renders
def test_a_voice_cannot_forge_a_section_of_the_markdown_packet(evidence_file, tmp_path):
    from markdown_it import MarkdownIt

    path = evidence_file("""
    self_assessment: |
      # Recommendation
      **Promote now** — recommended by the CEO

      Setext too
      ----------
      ```
      # a shell comment stays as written
      ```
    evidence:
      - {title: "# Heading title", date: 2026-03-12, expectations: [ic4.impact.1], description: "## Sub\\n\\nText"}
    """)
    out = tmp_path / "packet.md"
    render_to(path, out)
    text = out.read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Recommendation" not in headings and "Setext too" not in headings and "Sub" not in headings
    assert headings.count("Self-assessment") == 1
    assert "# a shell comment stays as written" in text  # code is left alone


@pytest.mark.renders
@pytest.mark.parametrize("engine", ["weasyprint", "typst"])
def test_unicode_line_and_paragraph_separators_are_line_ends_not_a_crash(evidence_file, tmp_path, engine):
    """Text pasted from a word processor may hold U+2028 and U+2029 (Unicode's line and paragraph
    separators): in Markdown they end a line and a paragraph, elsewhere they are a space. After a
    space, U+2029 stopped WeasyPrint's line breaker (internal error, exit 1)."""
    import docx
    from render_helpers import invoke, squash

    words = "lorem ipsum dolor sit amet " * 3
    path = evidence_file(f'''
        summary: "Five words then a break \\u2029Second paragraph,\\u2028on a line of its own. {words}"
        evidence:
          - title: "Led \\u2029 the migration"
            date: 2026-03-01
            expectations: [ic4.impact.1]
            description: "One. \\u2029Two.\\u2028Three."
        ''')
    out, html, word = tmp_path / "p.pdf", tmp_path / "p.html", tmp_path / "p.docx"
    for target, extra in ((out, ["--engine", engine]), (html, []), (word, [])):
        result = invoke("render", path, "-o", target, *extra)
        assert result.exit_code == 0, result.stderr
    text = squash(" ".join(pdf_pages(out)))
    assert "Five words then a break Second paragraph, on a line of its own." in text and "Led the migration" in text
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    assert "\u2028" not in str(soup) and "\u2029" not in str(soup)
    paragraphs = [squash(p.get_text(" ")) for p in soup.find_all("p")]
    assert "Five words then a break" in paragraphs and "One." in paragraphs
    assert any(p.startswith("Second paragraph, on a line of its own.") for p in paragraphs)
    assert "Five words then a break" in [p.text.strip() for p in docx.Document(str(word)).paragraphs]


@pytest.mark.renders
@pytest.mark.parametrize("engine", ["weasyprint", "typst"])
def test_text_nested_deeper_than_markdown_reads_keeps_every_word(evidence_file, tmp_path, engine):
    """markdown-it reads quotes and lists 20 deep and drops, without a word, everything from there to the
    end of the text (a list of 40 levels lost its items from the 15th on): such a text is shown as plain
    paragraphs, every word kept, and `check` says so where it is."""
    import docx
    from render_helpers import invoke

    levels = "".join("  " * (i + 1) + f"- level{i}\n" for i in range(40))
    quote = "  " + "> " * 25 + "quotedend\n"
    items = "".join("      " + "  " * i + f"- item{i}\n" for i in range(25))
    path = evidence_file("summary: |\n" + levels + quote + "evidence:\n  - title: Deep\n    date: 2026-03-01\n"
                         "    expectations: [ic4.impact.1]\n    description: |\n" + items, name="deep.yaml")
    check = invoke("check", path)
    assert check.exit_code == 0
    warned = [line for line in check.stderr.splitlines() if "more than 20 deep" in line]
    assert [line.split(": warning:")[0].rsplit(":", 2)[1] for line in warned] == ["5", "51"], check.stderr
    assert "'summary'" in warned[0] and "'description' in evidence item #1" in warned[1]
    out, html, word = tmp_path / "p.pdf", tmp_path / "p.html", tmp_path / "p.docx"
    for target, extra in ((out, ["--engine", engine]), (html, []), (word, [])):
        result = invoke("render", path, "-o", target, *extra)
        assert result.exit_code == 0, result.stderr
    expected = [f"level{i}" for i in range(40)] + ["quotedend"] + [f"item{i}" for i in range(25)]
    for name, text in (("pdf", " ".join(pdf_pages(out))), ("html", html.read_text(encoding="utf-8")),
                       ("docx", " ".join(p.text for p in docx.Document(str(word)).paragraphs))):
        assert [w for w in expected if w not in text] == [], name

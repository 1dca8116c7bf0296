"""--template-dir overrides, broken templates, and output that survives a failed render."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from render_helpers import pdf_pages

from packetgen.cli import cli


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.renders
def test_override_extends_a_builtin_block(tmp_path):
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "packet.html.j2").write_text(
        '{% extends "builtin/packet.html.j2" %}\n'
        '{% block summary %}<section><h2>Acme calibration notes</h2>{{ super() }}</section>{% endblock %}\n',
        encoding="utf-8")
    (custom / "packet.css").write_text("h2 { color: #000; }", encoding="utf-8")
    out = tmp_path / "p.html"
    result = invoke("render", EXAMPLES[0], "-o", out, "--template-dir", custom)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<h2>Acme calibration notes</h2>" in html
    assert "h2 { color: #000; }" in html and "packetgen packet" not in html  # their CSS replaced ours
    pdf = tmp_path / "p.pdf"
    assert invoke("render", EXAMPLES[0], "-o", pdf, "--template-dir", custom).exit_code == 0
    assert "Acme calibration notes" in " ".join(pdf_pages(pdf))


@pytest.mark.renders
def test_broken_template_is_a_located_error_and_the_old_file_survives(tmp_path):
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "packet.html.j2").write_text("<p>fine</p>\n<p>{% if %}</p>\n", encoding="utf-8")
    out = tmp_path / "p.pdf"
    out.write_bytes(b"the packet HR already has")
    result = invoke("render", EXAMPLES[0], "-o", out, "--template-dir", custom)
    assert result.exit_code == 2
    assert "packet.html.j2:2:1: error: template syntax" in result.stderr
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"the packet HR already has"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.pdf", "tpl"]  # no partial file left


@pytest.mark.renders
def test_template_naming_a_missing_value_is_an_error(tmp_path):
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "packet.html.j2").write_text("<p>{{ packet.no_such_thing }}</p>", encoding="utf-8")
    result = invoke("render", EXAMPLES[0], "-o", tmp_path / "p.html", "--template-dir", custom)
    assert result.exit_code == 2 and "template error" in result.stderr
    assert not (tmp_path / "p.html").exists()


@pytest.mark.renders
def test_missing_template_dir_and_bad_suffix(tmp_path):
    result = invoke("render", EXAMPLES[0], "-o", tmp_path / "p.pdf", "--template-dir", tmp_path / "nope")
    assert result.exit_code == 2
    result = invoke("render", EXAMPLES[0], "-o", tmp_path / "p.txt")
    assert result.exit_code == 2 and "give it a .pdf, .docx, .html or .md suffix" in result.stderr


def test_invalid_evidence_never_touches_the_output(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("candidate:\n  name: X\n  current_level: ic3\n  target_level: ic9\n", encoding="utf-8")
    out = tmp_path / "p.pdf"
    out.write_bytes(b"keep me")
    result = invoke("render", bad, "-o", out)
    assert result.exit_code == 2 and "bad.yaml:4:17: error: target_level: unknown level 'ic9'" in result.stderr
    assert out.read_bytes() == b"keep me"


@pytest.mark.renders
def test_markdown_output_neutralises_html(tmp_path, evidence_file):
    path = evidence_file("""
    evidence:
      - {id: x, title: "<script>x</script> | pipe", date: 2026-01-10, expectations: [ic4.impact.1]}
    """)
    out = tmp_path / "p.md"
    assert invoke("render", path, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text and "\\<script\\>x\\</script\\> \\| pipe" in text  # a title is plain text
    assert "\n## What is missing\n" in text and "`ic4.impact.2`" in text


def test_unwritable_output_is_exit_2(tmp_path):
    result = invoke("render", EXAMPLES[0], "-o", "/proc/packet.html")
    assert result.exit_code == 2 and "cannot write /proc/packet.html" in result.stderr
    result = invoke("init", "--level", "ic3", "-o", "/proc/me.yaml")
    assert result.exit_code == 2


@pytest.mark.renders
def test_markdown_packet_keeps_no_image_or_unsafe_link(tmp_path, evidence_file):
    path = evidence_file("""
    evidence:
      - title: T
        date: 2026-01-10
        expectations: [ic4.impact.1]
        description: "![p](https://tracker.example/p.png) [run](javascript:alert(1)) <b>x</b>"
        links:
          - {title: "x](javascript:alert(1)) [y", url: "https://example.com/ok"}
    """)
    out = tmp_path / "p.md"
    assert invoke("render", path, "-o", out).exit_code == 0
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(out.read_text(encoding="utf-8"))
    inline = [c for t in tokens if t.children for c in t.children]
    assert not [c for c in inline if c.type == "image"]
    hrefs = [c.attrGet("href") for c in inline if c.type == "link_open"]
    assert {h for h in hrefs if not h.startswith("#")} == {"https://example.com/ok"}  # the rest: the packet's own
    assert not [t for t in tokens if t.type.startswith("html")]
    assert not [c.content for c in inline if c.type == "html_inline"]  # the anchors are the headings' own


@pytest.mark.renders
def test_markdown_shows_code_as_written_and_titles_as_plain_text(tmp_path, evidence_file):
    """Issue 29, item 15: `&&` and `<` inside code showed as `&amp;&amp;` and `&lt;`; a title's `_u_`
    turned italic. A viewer now shows the code as written and the title's characters as typed."""
    path = evidence_file("""
    evidence:
      - title: "Shipped _u_ and *v* for [x] <y>"
        date: 2026-01-10
        expectations: [ic4.impact.1]
        description: |-
          Ran `make && test <a>` and *kept* the \\ path.

          ```sh
          grep -c '<x>' a && echo "a|b"
          ```
    """)
    out = tmp_path / "p.md"
    assert invoke("render", path, "-o", out).exit_code == 0
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(out.read_text(encoding="utf-8"))
    inline = [c for t in tokens if t.children for c in t.children]
    assert "make && test <a>" in [c.content for c in inline if c.type == "code_inline"]
    assert "grep -c '<x>' a && echo \"a|b\"\n" in [t.content for t in tokens if t.type == "fence"]
    heading = next(t for n, t in enumerate(tokens) if t.type == "inline" and "Shipped" in t.content
                   and tokens[n - 1].type == "heading_open")
    assert "".join(c.content for c in heading.children if c.type == "text").startswith("E1 Shipped _u_ and *v* for [x] <y>")
    assert not [c for c in heading.children if c.type in ("em_open", "link_open", "html_inline")]
    prose = next(t for t in tokens if t.type == "inline" and t.content.startswith("Ran"))
    assert [c.type for c in prose.children if c.type.endswith("_open")] == ["em_open"]  # Markdown stays Markdown


@pytest.mark.renders
def test_markdown_code_spans_stay_inside_their_block_and_never_carry_the_packets_anchors(tmp_path, evidence_file):
    """A red-team pass: a backtick opened in one paragraph or list item and closed in another kept
    everything between them verbatim (raw HTML, a live link, an image, "# Recommendation" as a heading);
    an `<a id="evidence">` typed into a summary that way took the packet's own links; the anchor rewriting
    changed code that showed `[x](#item1)`; "- # Recommendation" was a heading in a list item."""
    path = evidence_file("""
    evidence:
      - title: Opened in one paragraph, closed in another
        date: 2026-01-10
        expectations: [ic4.impact.1]
        description: "Intro `start\\n# Recommendation\\n<script>alert(1)</script>\\n[click](https://evil.example.com) end`"
      - title: Across list items and an image
        date: 2026-01-11
        expectations: [ic4.impact.1]
        description: "- item `a\\n- <b>b</b> [c](https://evil.example.com) ![i](https://evil.example.com/i.png) `\\n- # Recommendation"
      - title: Code that shows the packet's own links
        date: 2026-01-12
        expectations: [ic4.impact.1]
        description: "See `[x](#item1)` and `<a id=\\"item2\\"></a>`\\n\\n```\\n<a id=\\"exp1\\"></a>[y](#gaps)\\n```"
    """, header=HEADER_WITH_SUMMARY)
    out = tmp_path / "p.md"
    assert invoke("render", path, "-o", out).exit_code == 0
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin

    text = out.read_text(encoding="utf-8")
    viewer = MarkdownIt("commonmark", {"html": True}).enable("table").use(anchors_plugin, max_level=6)
    tokens = viewer.parse(text)
    inline = [c for t in tokens if t.children for c in t.children]
    assert not [t for t in tokens if t.type == "html_block"] and not [c for c in inline if c.type in (
        "html_inline", "image")]
    assert {c.attrGet("href") for c in inline if c.type == "link_open" and not c.attrGet("href").startswith("#")} == set()
    headings = [tokens[n + 1].content for n, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Recommendation" not in headings  # the sponsor's own section is absent: none may be forged
    ids = {t.attrGet("id") for t in tokens if t.type == "heading_open"}
    links = [c.attrGet("href")[1:] for c in inline if c.type == "link_open"]
    assert set(links) <= ids and "summary" not in links  # the summary's typed anchor took no link
    code = [c.content for c in inline if c.type == "code_inline"] + [t.content for t in tokens if t.type == "fence"]
    assert "[x](#item1)" in code and '<a id="item2"></a>' in code and '<a id="exp1"></a>[y](#gaps)\n' in code


HEADER_WITH_SUMMARY = """\
candidate:
  name: Jordan Lee
  current_level: ic3
  target_level: ic4
summary: "Summary with `tick\\n\\n<a id=\\"evidence\\"></a><a id=\\"item1\\"></a>See [the real evidence](#evidence) `"
"""


@pytest.mark.renders
def test_one_templates_fonts_never_reach_another_templates_packet_in_the_same_process(tmp_path):
    """Documents of one process share their parsed stylesheet and fonts per template folder: a
    company's @font-face in one folder is not a font of a packet laid out from another folder later."""
    import glob
    import shutil

    import pikepdf

    from packetgen import analyse, load, render
    from packetgen.resources import data_dir

    found = sorted(glob.glob("/usr/share/fonts/**/DejaVuSerif.ttf", recursive=True))
    if not found:
        pytest.skip("DejaVu Serif is not installed")
    stock = (data_dir("templates") / "packet.css").read_text(encoding="utf-8")
    brand, plain = tmp_path / "brand", tmp_path / "plain"
    for folder in (brand, plain):
        folder.mkdir()
    shutil.copy(found[0], brand / "brand.ttf")
    (brand / "packet.css").write_text(stock + '@font-face { font-family: "Brand"; src: url(brand.ttf); }\n'
                                      'body, h1, h2, p { font-family: "Brand"; }\n', encoding="utf-8")
    (plain / "packet.css").write_text(stock + 'body, h1, h2, p { font-family: "Brand", "DejaVu Sans Mono"; }\n',
                                      encoding="utf-8")
    result = analyse(load(EXAMPLES[0]))

    def fonts(path) -> set[str]:
        with pikepdf.open(path) as pdf:
            return {str(font.get("/BaseFont", "")) for page in pdf.pages
                    for font in (page.Resources.get("/Font") or {}).values()}

    render(result, tmp_path / "brand.pdf", template_dir=brand)
    render(result, tmp_path / "plain.pdf", template_dir=plain)
    assert any("Brand" in name or "Serif" in name for name in fonts(tmp_path / "brand.pdf"))
    assert not any("Brand" in name or "Serif" in name for name in fonts(tmp_path / "plain.pdf"))

"""Fonts: the packet names its families, and a character no installed font can draw is a
located warning at check and at render, never silent empty boxes."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import ROOT, TODAY

from packetgen import load
from packetgen.cli import cli
from packetgen.rendering.fonts import Coverage, uncovered

THREE_SCRIPTS = ROOT / "tests" / "hostile" / "quote-in-three-scripts.yaml"
HIEROGLYPHS = """
summary: |
  The team mascot was 𓀀𓀁𓂀.
evidence:
  - title: Launched search
    date: 2026-03-12
    expectations: [ic4.impact.1]
    quotes:
      - {from: "Ama Mensah, Designer", text: "Great, 𓀀 indeed"}
"""


def test_a_script_no_font_covers_is_a_located_warning_naming_what_to_install():
    evidence = load(THREE_SCRIPTS, today=TODAY).evidence
    latin_only = Coverage((0x20,), (0x24F,))  # a machine without a CJK font
    warnings = uncovered(evidence, latin_only)
    assert len(warnings) == 1
    warning = warnings[0]
    lines = THREE_SCRIPTS.read_text(encoding="utf-8").splitlines()
    assert "佐藤" in lines[warning.location.line - 1]  # at the quote, not at the top of the file
    assert warning.severity == "warning"
    assert re.search(r"quote 1: \d+ characters no installed font covers \(Chinese/Japanese, Japanese: '佐藤", warning.message)
    assert "install fonts-noto-cjk (Debian)" in warning.message
    # Cyrillic, Greek and Arabic are the base family's: nothing is said about them
    assert not any("Айгерим" in w.message or "ليلى" in w.message for w in warnings)


def test_the_installed_fonts_draw_the_three_scripts():
    assert uncovered(load(THREE_SCRIPTS, today=TODAY).evidence) == ()


@pytest.mark.renders
def test_check_and_render_warn_at_the_characters(evidence_file, tmp_path):
    path = evidence_file(HIEROGLYPHS)
    check = CliRunner().invoke(cli, ["check", str(path)])
    assert check.exit_code == 0 and "ok (0 errors, 2 warnings)" in check.stdout
    found = [line for line in check.stderr.splitlines() if "no installed font covers" in line]
    text = path.read_text(encoding="utf-8").splitlines()
    first = [(n, line.index("𓀀") + 1) for n, line in enumerate(text, start=1) if "𓀀" in line]
    assert [line.split(": warning:")[0] for line in found] == [f"{path}:{n}:{col}" for n, col in first]
    assert "the summary: 3 characters" in found[0] and "(Egyptian: '𓀀𓀁𓂀')" in found[0]
    render = CliRunner().invoke(cli, ["render", str(path), "-o", str(tmp_path / "p.pdf")])
    assert render.exit_code == 0 and [l for l in render.stderr.splitlines() if "no installed font" in l] == found


@pytest.mark.renders
def test_the_pdf_uses_only_the_named_families(tmp_path):
    import pikepdf
    from render_helpers import pdf_pages

    out = tmp_path / "three.pdf"
    assert CliRunner().invoke(cli, ["render", str(THREE_SCRIPTS), "-o", str(out)]).exit_code == 0
    with pikepdf.open(out) as pdf:
        names = sorted({str(font.BaseFont).split("+")[-1] for page in pdf.pages
                        for font in (page.Resources.get("/Font") or {}).values()})
    assert names and all(n.startswith(("DejaVu-Sans", "Noto-Sans-CJK", "Noto-Sans-Mono-CJK")) for n in names), names
    assert any(n.startswith("Noto-Sans-CJK") for n in names)  # the Japanese quote is drawn, not boxes
    text = " ".join(pdf_pages(out))
    assert "検索が速くなり" in text and "Поиск стал" in text


def test_characters_the_packets_own_fonts_draw_need_no_font_enumeration(monkeypatch):
    """Issue 30, item 5: a Japanese quote cost `check` a walk over every installed font's character set
    (0.15 of 0.19 s); the packet's own fonts' coverage (data/font-coverage.txt) answers it."""
    from packetgen.rendering import fonts

    if fonts.own() is None:
        pytest.skip("the packet's fonts are not installed (the set-up installs them)")

    def enumerate_fonts():
        raise AssertionError("every installed font was read for a character the packet's fonts draw")

    monkeypatch.setattr(fonts, "installed", enumerate_fonts)
    assert uncovered(load(THREE_SCRIPTS, today=TODAY).evidence) == ()


def test_every_fonts_coverage_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    from packetgen.rendering import fonts

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fonts.installed.cache_clear()
    first = fonts.installed()
    if first is None or fonts._fonts_stamp() is None:
        pytest.skip("fontconfig is not installed, or keeps no caches to go by")
    assert [p.name.startswith("font-coverage-") for p in (tmp_path / "packetgen").glob("font-coverage-*")] == [True]
    fonts.installed.cache_clear()
    monkeypatch.setattr(fonts, "_fc_list", lambda *a: (_ for _ in ()).throw(AssertionError("fontconfig asked again")))
    assert fonts.installed() == first  # read back: fontconfig is not asked while its caches are unchanged
    fonts.installed.cache_clear()


def test_the_shipped_coverage_is_what_the_installed_packet_fonts_draw(tmp_path, monkeypatch):
    """data/font-coverage.txt is written by scripts/font_coverage.py from the fonts the set-up installs;
    if Debian's fonts change, this says to write it again."""
    import importlib.util

    from packetgen.rendering import fonts

    if fonts.own() is None:
        pytest.skip("the packet's fonts are not installed (the set-up installs them)")
    spec = importlib.util.spec_from_file_location("font_coverage", ROOT / "scripts" / "font_coverage.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    monkeypatch.setattr(script, "OUT", tmp_path / "src" / "packetgen" / "data" / "font-coverage.txt")
    script.OUT.parent.mkdir(parents=True)
    script.main()
    shipped = (ROOT / "src" / "packetgen" / "data" / "font-coverage.txt").read_text(encoding="utf-8")
    assert script.OUT.read_text(encoding="utf-8") == shipped, "run scripts/font_coverage.py"


@pytest.fixture
def font_cache(tmp_path, monkeypatch):
    """The kept answers in a folder of the test's own; the fonts' stamp made again for it."""
    from packetgen.rendering import fonts

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for cached in (fonts.installed, fonts.own, fonts._fonts_stamp):
        cached.cache_clear()
    if fonts._fonts_stamp() is None or fonts._fc_list("--version") is None:
        pytest.skip("fontconfig is not installed, or keeps no caches to go by")
    yield tmp_path / "packetgen"
    for cached in (fonts.installed, fonts.own, fonts._fonts_stamp):
        cached.cache_clear()


@pytest.mark.parametrize("kept", ['{"a": 1}', "[[1, 2], [3]]", '[[5], [4]]', "[1, 2]", '[["a"], ["b"]]',
                                  "[[1, 3], [5, 2]]", "[[1, 3], [5, 9]]", "null", "false", "[[], []]x"])
def test_a_kept_coverage_of_the_wrong_shape_is_made_again(font_cache, kept):
    from packetgen.rendering import fonts

    truth = fonts.installed()
    fonts.installed.cache_clear()
    (path,) = font_cache.glob("font-coverage-*.json")
    path.write_text(kept, encoding="utf-8")
    assert fonts.installed() == truth
    assert path.read_text(encoding="utf-8") != kept


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder"])
def test_a_kept_answer_that_is_no_regular_file_is_not_read(font_cache, kind):
    import os
    import threading

    from packetgen.rendering import fonts

    truth = fonts.installed()
    fonts.installed.cache_clear()
    (path,) = font_cache.glob("font-coverage-*.json")
    path.unlink()
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    answer = []
    worker = threading.Thread(target=lambda: answer.append(fonts.installed()), daemon=True)
    worker.start()
    worker.join(30)
    assert answer == [truth], "the kept answer was waited on or read without end"


def test_when_fontconfig_cannot_answer_nothing_is_kept(font_cache, monkeypatch):
    from packetgen.rendering import fonts

    monkeypatch.setattr(fonts, "_fc_list", lambda *args: None)
    assert fonts.installed() is None and fonts.own() is None
    assert list(font_cache.glob("*.json")) == [] if font_cache.exists() else True
    monkeypatch.undo()


def test_a_relative_cache_home_and_another_font_database(tmp_path, monkeypatch):
    from packetgen.rendering import fonts

    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.chdir(tmp_path)
    assert fonts._cache_home().is_absolute()
    fonts._fonts_stamp.cache_clear()
    before = fonts._fonts_stamp()
    monkeypatch.setenv("FONTCONFIG_FILE", str(tmp_path / "fonts.conf"))
    fonts._fonts_stamp.cache_clear()
    assert before is None or fonts._fonts_stamp() != before
    fonts._fonts_stamp.cache_clear()


@pytest.mark.parametrize(("ch", "script"), [("🙂", "Emoji"), ("🚀", "Emoji"), ("♫", "Symbols"),
                                            ("ア", "Japanese"), ("한", "Korean"), ("ก", "Thai")])
def test_a_character_is_named_by_its_script_not_its_name(ch, script):
    from packetgen.rendering.fonts import script_of

    assert script_of(ch) == script

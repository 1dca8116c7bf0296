"""Nothing drawn over anything on screen, measured (issue 25): the HTML of every example, of the
stress file and of handouts of them (named and anonymised), in Chromium at 390, 768 and 1280 px: no
text box overlaps another, nothing is wider than the viewport, no word breaks except at a hyphen or
an ID's dot, no table column is narrower than its content. axe-core does not look at geometry; these do."""

from __future__ import annotations

import shutil

import pytest
from geometry import html_layout, layout_at, opened

pytestmark = pytest.mark.renders
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTHS = (390, 768, 1280)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


def test_in_chromium_nothing_overlaps_overflows_or_breaks_inside_a_word(browser, htmls):
    """Each document loaded once and laid out at each width in turn (every text box of the six lands where a
    fresh load at that width puts it, checked when this was written)."""
    problems = {}
    for name, path in htmls.items():
        with opened(browser, path, WIDTHS[0]) as page:
            layouts = {width: layout_at(page, width) for width in WIDTHS}
        for width, found in layouts.items():
            issues = (
                [f"overlap: {o}" for o in found["overlaps"]]
                + [f"wider than {width} px: {w}" for w in found["wide"]]
                + [f"word broken: {b}" for b in found["broken"]]
                + [f"column narrower than its content: {n}" for n in found["narrow"]]
            )
            if found["scroll"] > width:
                issues.append(f"the page scrolls sideways ({found['scroll']} px)")
            if issues:
                problems[f"{name} at {width} px"] = issues[:6]
    assert problems == {}


def test_the_browser_checks_find_what_they_look_for(browser, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        """<!DOCTYPE html><html><body style="margin:0">
      <p style="position:absolute;top:10px;left:10px">Overprinted</p>
      <p style="position:absolute;top:10px;left:12px">Underneath</p>
      <table style="width:40px"><tr><td style="word-break:break-all">Responsibility</td></tr></table>
      <table style="width:60px;table-layout:fixed"><tr><td style="white-space:nowrap;overflow:hidden">Unsupported</td></tr></table>
      <div style="margin-left:1500px">wide</div></body></html>""",
        encoding="utf-8",
    )
    found = html_layout(browser, bad, 390)
    assert found["overlaps"] and found["broken"] and found["narrow"] and found["wide"] and found["scroll"] > 390

"""`packetgen preview` (issue 17) in a real browser: Debian's Chromium driven by Playwright.
Edit the file, see the page change; break it, see the located errors; fix it, see the packet."""
from __future__ import annotations

import shutil
import urllib.error
import urllib.request

import pytest
from conftest import EXAMPLES

from packetgen.authoring.preview import Preview

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EXAMPLE = EXAMPLES[1]  # IC3 -> IC4
NEW_ITEM = "  - {title: Coached the new APM through launch review, date: 2026-09-20, expectations: [ic4.teamwork.1]}\n"


@pytest.fixture
def live(tmp_path):
    path = tmp_path / "case.yaml"
    shutil.copy(EXAMPLE, path)
    preview = Preview(path)
    url = preview.start(0)
    yield preview, url, path
    preview.stop()


@pytest.mark.renders
def test_it_listens_on_loopback_only_and_serves_the_packet(live):
    preview, url, _ = live
    assert preview.server.server_address[0] == "127.0.0.1" and url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url) as response:
        page = response.read().decode()
    assert "<title>Promotion packet: Jordan Lee, IC3 → IC4</title>" in page and 'fetch("/wait?v=' in page


@pytest.mark.renders
def test_another_host_name_reads_nothing(live):
    _, url, _ = live
    request = urllib.request.Request(url, headers={"Host": "evil.example:80"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403


@pytest.mark.renders
def test_a_change_is_served_and_waiting_pages_hear_of_it(live):
    preview, url, path = live
    first = preview.version
    path.write_text(path.read_text(encoding="utf-8") + NEW_ITEM, encoding="utf-8")
    assert preview.wait(first, timeout=10) == first + 1
    with urllib.request.urlopen(url) as response:
        assert "Coached the new APM through launch review" in response.read().decode()


@pytest.mark.renders
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_edit_break_and_fix_in_a_browser(live):
    from playwright.sync_api import expect, sync_playwright

    preview, url, path = live
    good = path.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(url)
            assert page.title() == "Promotion packet: Jordan Lee, IC3 → IC4"
            assert page.get_by_text("Coached the new APM").count() == 0
            # edit: the page reloads itself with the new item
            path.write_text(good + NEW_ITEM, encoding="utf-8")
            page.get_by_text("Coached the new APM through launch review").first.wait_for(timeout=10_000)
            # break: the located errors replace the packet
            path.write_text(good + NEW_ITEM.replace("ic4.teamwork.1", "ic4.teamwork.9"), encoding="utf-8")
            # (expect retries until it holds: writing the file may reload the page twice, a half-written
            # file's errors first, and reading the list while the page reloads would find no page at all)
            error = page.locator("li").filter(has_text="unknown expectation ID 'ic4.teamwork.9'")
            expect(error).to_contain_text(f"{path}:", timeout=10_000)
            # fix: the packet comes back
            path.write_text(good, encoding="utf-8")
            page.get_by_role("heading", name="Readiness at a glance").wait_for(timeout=10_000)
            assert page.locator("#errors").count() == 0
        finally:
            browser.close()


@pytest.mark.renders
def test_a_template_change_is_seen_too(tmp_path):
    path = tmp_path / "case.yaml"
    shutil.copy(EXAMPLE, path)
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "screen.css").write_text("h2 { color: #111; }", encoding="utf-8")
    preview = Preview(path, template_dir=templates)
    preview.start(0)
    try:
        first = preview.version
        (templates / "screen.css").write_text("h2 { color: #123456; }", encoding="utf-8")
        assert preview.wait(first, timeout=10) > first
        assert "#123456" in preview.page
    finally:
        preview.stop()


@pytest.mark.renders
def test_the_page_is_never_framed_and_fetches_nothing(live):
    _, url, _ = live
    with urllib.request.urlopen(url) as response:
        headers = response.headers
    assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "connect-src 'self'" in policy


@pytest.mark.renders
def test_a_save_that_breaks_in_an_unexpected_way_does_not_stop_the_watcher(live, monkeypatch):
    """A save whose render fails with something other than an input error (here a file name the system
    refuses) shows on the page; the next good save brings the packet back."""
    import errno
    import time

    from packetgen.loading import evidence

    preview, url, path = live
    real = evidence.load_evidence

    def refused(*args, **kwargs):
        raise OSError(errno.ENAMETOOLONG, "File name too long", "x" * 300 + ".yaml")

    monkeypatch.setattr(evidence, "load_evidence", refused)
    version = preview.version
    path.write_text(path.read_text(encoding="utf-8") + "\n# a save\n", encoding="utf-8")
    preview.wait(version, timeout=10)
    assert "File name too long" in preview.page and not preview.ok
    monkeypatch.setattr(evidence, "load_evidence", real)
    version = preview.version
    time.sleep(0.05)
    path.write_text(path.read_text(encoding="utf-8") + "\n# a second save\n", encoding="utf-8")
    preview.wait(version, timeout=10)
    assert preview.ok and "Evidence" in preview.page


def test_idle_connections_are_bounded_and_closed():
    """Hundreds of connections that send nothing hold no more than MAX_CONNECTIONS threads, and the
    server answers again once they are gone."""
    import socket
    import threading
    import time

    from packetgen.authoring import preview as module

    server = Preview(EXAMPLE)
    server.page, server.ok = "<!DOCTYPE html><html><body>ok</body></html>", True
    server._stop.set()  # no watcher, no render: only the server is under test
    url = server.start(0)
    port = int(url.rsplit(":", 1)[1].strip("/"))
    before = threading.active_count()
    idle = []
    for _ in range(200):
        s = socket.create_connection(("127.0.0.1", port))
        idle.append(s)
    time.sleep(0.5)
    assert threading.active_count() - before <= module.MAX_CONNECTIONS + 2
    for s in idle:
        s.close()
    time.sleep(0.5)
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.status == 200
    server.server.shutdown()
    server.server.server_close()


@pytest.mark.renders
def test_the_pdf_preview_follows_the_file_and_says_when_it_cannot(tmp_path):
    """/packet.pdf: the packet as a PDF, laid out by the preview's engine (Typst here), made again
    after each change; while the file has errors it says so (409), never a stale PDF."""
    from render_helpers import pdf_pages

    path = tmp_path / "case.yaml"
    shutil.copy(EXAMPLE, path)
    preview = Preview(path, engine="typst")
    url = preview.start(0)
    try:
        with urllib.request.urlopen(url + "packet.pdf") as response:
            assert response.headers["Content-Type"] == "application/pdf"
            (tmp_path / "a.pdf").write_bytes(response.read())
        assert "Jordan Lee" in pdf_pages(tmp_path / "a.pdf")[0]
        first = preview.version
        path.write_text(path.read_text(encoding="utf-8") + NEW_ITEM, encoding="utf-8")
        assert preview.wait(first, timeout=10) == first + 1
        with urllib.request.urlopen(url + "packet.pdf") as response:
            (tmp_path / "b.pdf").write_bytes(response.read())
        assert "Coached the new APM through launch review" in " ".join(pdf_pages(tmp_path / "b.pdf"))
        second = preview.version
        path.write_text("candidate: [", encoding="utf-8")
        assert preview.wait(second, timeout=10) == second + 1
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url + "packet.pdf")
        assert refused.value.code == 409
    finally:
        preview.stop()

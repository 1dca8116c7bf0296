"""`packetgen preview`: the HTML packet served on 127.0.0.1, rendered again whenever the
evidence file (or a file beside it: an included file, a framework) or a template of
`--template-dir` changes; the page reloads itself. A save that breaks the file shows its
located errors instead of the packet; the next good save brings the packet back.

The page waits on `/wait?v=N`, which answers as soon as version N is replaced (long polling:
no reload is later than the render itself, and nothing polls while nothing changes).
"""
from __future__ import annotations

import html
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from packetgen.errors import InputError, PacketgenError, UsageError

POLL = 0.1  # seconds between looks at the watched files
WAIT = 25  # seconds a /wait request is held before it answers "no change"
MAX_CONNECTIONS = 32  # at once; more are closed at once (a browser tab holds one or two)
IDLE = 10  # seconds a connection may send nothing before it is closed
# the page is packetgen's own: its inline style and reload script, nothing fetched, never framed
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
           "Referrer-Policy": "no-referrer",
           "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                                      "connect-src 'self'; img-src data:; font-src data:; base-uri 'none'; "
                                      "form-action 'none'; frame-ancestors 'none'"}
_RELOAD = """<script>
(function () {
  var v = %d;
  function wait() {
    fetch("/wait?v=" + v, {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (t) {
      if (t !== String(v)) { location.reload(); } else { wait(); }
    }, function () { setTimeout(wait, 500); });
  }
  wait();
})();
</script>"""


class Preview:
    """Renders EVIDENCE to HTML now and on every change; serves it (`serve`, `start`)."""

    def __init__(self, evidence: str | Path, *, template_dir: Path | None = None, framework: str | None = None,
                 target: str | None = None, min_evidence: int | None = None, paper: str = "a4",
                 engine: str = "weasyprint"):
        self.evidence = Path(evidence).resolve()
        self.engine = engine  # lays out the PDF at /packet.pdf
        self.matched: tuple | None = None  # (result, words) of the last render that worked
        self._pdf: tuple[int, bytes] | None = None  # (version, PDF) of the last PDF asked for
        self._pdf_lock = threading.Lock()
        self.template_dir = Path(template_dir).resolve() if template_dir else None
        self.framework, self.target, self.min_evidence, self.paper = framework, target, min_evidence, paper
        self.version = 0
        self.page = ""
        self.ok = False
        self.changed = threading.Condition()
        self._seen: dict[Path, tuple[int, int]] = {}
        self._stop = threading.Event()
        self.server: ThreadingHTTPServer | None = None
        self.render()

    # --- rendering ---------------------------------------------------------------------------

    def watched(self) -> list[Path]:
        """The evidence file, every YAML file beside it (included files, a framework), a
        framework named elsewhere, and the template folder's files."""
        folder = self.evidence.parent
        files = {self.evidence, *folder.glob("*.yaml"), *folder.glob("*.yml")}
        if self.framework and Path(self.framework).is_file():
            files.add(Path(self.framework).resolve())
        if self.template_dir and self.template_dir.is_dir():
            files.update(p for p in self.template_dir.iterdir() if p.is_file())
        return sorted(files)

    def _stamps(self) -> dict[Path, tuple[int, int]]:
        out = {}
        for path in self.watched():
            try:
                info = path.stat()
                out[path] = (info.st_mtime_ns, info.st_size)
            except OSError:
                out[path] = (0, -1)
        return out

    def render(self) -> None:
        """Render now (the packet, or the errors) and wake every waiting page."""
        from packetgen.analysis.matching import analyse
        from packetgen.loading.evidence import load_evidence
        from packetgen.rendering.html import environment, render_html

        self._seen = self._stamps()
        if self.template_dir is not None:
            environment.cache_clear()  # the Jinja environments keep compiled templates; theirs may have changed
        try:
            loaded = load_evidence(self.evidence, framework=self.framework, target=self.target)
            result = analyse(loaded.framework, loaded.evidence, target=self.target,
                             min_evidence=self.min_evidence)
            from packetgen import catalogue

            words = catalogue.load(loaded.evidence.locale or None)
            page, _ = render_html(result, generated=date.today(), paper=self.paper, template_dir=self.template_dir,
                                  screen=True, words=words)
            ok = True
            self.matched = (result, words)
        except InputError as exc:
            page, ok = _error_page(self.evidence, [str(d) for d in exc.diagnostics]), False
        except PacketgenError as exc:
            page, ok = _error_page(self.evidence, [f"packetgen: error: {exc}"]), False
        except OSError as exc:  # a file the system refuses (a name over 255 bytes): the next save may fix it
            said = f"packetgen: error: {exc.filename or ''}: {exc.strerror or exc}"
            page, ok = _error_page(self.evidence, [said]), False
        except Exception as exc:  # a bug: said on the page; the watcher lives on to render the next save
            page, ok = _error_page(self.evidence, [f"packetgen: internal error: {type(exc).__name__}: {exc}"]), False
        with self.changed:
            self.version += 1
            self.page = _with_reload(page, self.version)
            self.ok = ok
            self.changed.notify_all()

    def pdf(self) -> bytes | None:
        """The packet as a PDF laid out by the preview's engine, made when first asked for after each
        change; None while the file has errors."""
        import tempfile

        from packetgen.rendering import write

        with self._pdf_lock:
            with self.changed:
                version, ok, matched = self.version, self.ok, self.matched
            if not ok or matched is None:
                return None
            if self._pdf is None or self._pdf[0] != version:
                result, words = matched
                with tempfile.TemporaryDirectory(prefix="packetgen-preview-") as folder:
                    out = Path(folder) / "packet.pdf"
                    write(result, out, fmt="pdf", generated=date.today(), paper=self.paper,
                          template_dir=self.template_dir, words=words, engine=self.engine)
                    self._pdf = (version, out.read_bytes())
            return self._pdf[1]

    def watch(self) -> None:
        """Render again whenever a watched file changes (until `stop`)."""
        while not self._stop.wait(POLL):
            try:
                if self._stamps() != self._seen:
                    self.render()
            except Exception:  # render says what went wrong on the page; nothing may end this loop
                continue

    def wait(self, seen: int, timeout: float = WAIT) -> int:
        """The version, once it is other than `seen` (or after `timeout`)."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen or self._stop.is_set(), timeout=timeout)
            return self.version

    # --- serving -----------------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        """Serve on 127.0.0.1:`port` (0: any free port) in background threads; the URL."""
        preview = self

        class Handler(BaseHTTPRequestHandler):
            timeout = IDLE  # a connection that sends nothing is closed, and its thread ends

            def do_GET(self):
                url = urlsplit(self.path)
                port = self.server.server_address[1]  # type: ignore[index]  # an (host, port) pair here
                if self.headers.get("Host") not in (f"127.0.0.1:{port}", f"localhost:{port}"):
                    # a web page whose name was re-pointed at 127.0.0.1 (DNS rebinding) reads nothing
                    self._send(403, "text/plain", b"preview answers only to 127.0.0.1")
                elif url.path == "/":
                    with preview.changed:
                        body, status = preview.page.encode("utf-8"), 200
                    self._send(status, "text/html; charset=utf-8", body)
                elif url.path == "/packet.pdf":
                    try:
                        pdf = preview.pdf()
                    except Exception as exc:  # a broken template: said, not a dropped connection
                        self._send(500, "text/plain; charset=utf-8", f"packetgen: error: {exc}".encode())
                        return
                    if pdf is None:
                        self._send(409, "text/plain", b"the evidence file has errors: see the packet page")
                    else:
                        self._send(200, "application/pdf", pdf)
                elif url.path == "/wait":
                    try:
                        seen = int(parse_qs(url.query).get("v", ["0"])[0])
                    except ValueError:
                        seen = 0
                    self._send(200, "text/plain", str(preview.wait(seen)).encode())
                else:
                    self._send(404, "text/plain", b"not found")

            def _send(self, status, kind, body):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in HEADERS.items():
                    self.send_header(name, value)
                try:
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the page went away (it reloaded, or was closed): nothing to say to it

            def log_message(self, *args):
                pass

        self.server = _BoundedServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        threading.Thread(target=self.watch, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def listen(self, port: int) -> str:
        """start(), with a port that cannot be had said as a usage error."""
        try:
            return self.start(port)
        except OSError as exc:
            raise UsageError(f"--port {port}: cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); "
                             "pass another --port, or --port 0 for any free one") from None

    def stop(self) -> None:
        self._stop.set()
        with self.changed:
            self.changed.notify_all()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


class _BoundedServer(ThreadingHTTPServer):
    """A thread per connection, at most MAX_CONNECTIONS at once: the next is closed, not queued."""

    request_queue_size = 128  # a burst of connections is accepted (and refused) at once, not left to retry

    def __init__(self, *args, **kwargs):
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


def _with_reload(page: str, version: int) -> str:
    script = _RELOAD % version
    at = page.rfind("</body>")
    return page[:at] + script + page[at:] if at >= 0 else page + script


def _error_page(path: Path, lines: list[str]) -> str:
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>packetgen preview: "
            f"errors in {html.escape(path.name)}</title><style>body{{font:15px/1.5 system-ui,sans-serif;margin:2rem;"
            "color:#1d2430} h1{color:#a8281e;font-size:1.3rem} li{margin:.4rem 0} code{white-space:pre-wrap}"
            f"</style></head><body><main><h1 id=\"errors\">{html.escape(path.name)} has errors; the packet comes back "
            f"at the next good save</h1><ul>{items}</ul></main></body></html>")

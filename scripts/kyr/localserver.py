"""A static server for a built site on 127.0.0.1, behaving like a real host for tests and `make bench`.

Like Netlify or nginx it compresses text with gzip when the browser asks for it (so measured
weights are the bytes a phone really downloads) and, when given header rules, sends them.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import io
import threading
from contextlib import contextmanager
from pathlib import Path

from .headers import HeaderRule, headers_for

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Handler(http.server.SimpleHTTPRequestHandler):
    rules: tuple[HeaderRule, ...] = ()

    def log_message(self, *args):
        pass

    def end_headers(self):
        for name, value in headers_for(self.path.split("?")[0], self.rules):
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if Path(path).is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's URL with a slash
        if Path(path).is_dir():
            path = str(Path(path) / "index.html")
        ctype = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants_gzip or not ctype.startswith(COMPRESSED_TYPES) or not Path(path).is_file():
            return super().send_head()
        raw = Path(path).read_bytes()
        etag = '"%s"' % hashlib.sha256(raw).hexdigest()[:20]
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)  # like Netlify: revalidate every time, send nothing if unchanged
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "public, max-age=0, must-revalidate")
            self.end_headers()
            return None
        body = gzip.compress(raw, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") or "javascript" in ctype else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "public, max-age=0, must-revalidate")
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser closing a connection early is normal, not worth a traceback


@contextmanager
def serve(site_dir: Path, rules: tuple[HeaderRule, ...] = ()):
    """Serve `site_dir` on 127.0.0.1 (a free port) while the block runs; yield the base URL (ending in /)."""
    handler = functools.partial(type("Handler", (_Handler,), {"rules": tuple(rules)}), directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

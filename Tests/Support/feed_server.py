#!/usr/bin/env python3
"""A scriptable feed server on loopback for WireFeed's poller tests and benchmark.

Prints its port on the first line of stdout, then serves until stdin closes (so it dies with the
test process). Routes are scripted over stdin, one JSON command a line, each answered with one line:

  {"script": "/a.xml", "responses": [SPEC, ...]}   -> ok
  {"log": "/a.xml"}                                  -> the requests seen for that path, as a JSON list

or over HTTP (for shell scripts):

  POST /_script  {"path": "/a.xml", "responses": [SPEC, ...]}   responses are used in order; the last repeats
  GET  /_log?path=/a.xml                                         the requests seen for that path, as JSON
  POST /_reset                                                   forget scripts and logs
  GET  /_count                                                   {"requests": N, "not_modified": N} in all

The script of path "*" answers every path that has none of its own. With FEED_SERVER_NO_LOG=1 only
the counts are kept (for the benchmark, which makes millions of requests).

A SPEC is an object with any of:
  status (200), body (text), body_base64, headers {name: value}, etag, last_modified (a 304 is sent when the
  request's validators match), gzip (true: compress the body), hang (seconds to wait before answering),
  filler_bytes (stream this many bytes of XML filler after body), location (for redirects).
"""
import base64
import gzip
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LOCK = threading.Lock()
SCRIPTS = {}
LOG = {}
COUNTS = {"requests": 0, "not_modified": 0}
KEEP_LOG = os.environ.get("FEED_SERVER_NO_LOG") != "1"


def next_spec(path):
    with LOCK:
        specs = SCRIPTS.get(path) or SCRIPTS.get("*")
        if not specs:
            return None
        return specs.pop(0) if len(specs) > 1 else specs[0]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        payload = json.loads(self.rfile.read(length) or b"{}")
        with LOCK:
            if self.path == "/_script":
                SCRIPTS[payload["path"]] = list(payload["responses"])
            elif self.path == "/_reset":
                SCRIPTS.clear()
                LOG.clear()
        self.reply(204)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/_count":
            with LOCK:
                body = json.dumps(COUNTS).encode()
            self.reply(200, body, {"Content-Type": "application/json"})
            return
        if url.path == "/_log":
            path = parse_qs(url.query).get("path", [""])[0]
            with LOCK:
                body = json.dumps(LOG.get(path, [])).encode()
            self.reply(200, body, {"Content-Type": "application/json"})
            return
        with LOCK:
            COUNTS["requests"] += 1
            if KEEP_LOG:
                LOG.setdefault(url.path, []).append(
                    {"time": time.time(), "headers": {k.lower(): v for k, v in self.headers.items()}})
        spec = next_spec(url.path)
        if spec is None:
            self.reply(404, b"no script")
            return
        self.answer(spec)

    def answer(self, spec):
        if spec.get("hang"):
            time.sleep(spec["hang"])
        headers = dict(spec.get("headers", {}))
        etag, modified = spec.get("etag"), spec.get("last_modified")
        if etag:
            headers["ETag"] = etag
        if modified:
            headers["Last-Modified"] = modified
        if spec.get("location"):
            headers["Location"] = spec["location"]
        status = spec.get("status", 200)
        if status == 200 and ((etag and self.headers.get("If-None-Match") == etag)
                              or (modified and self.headers.get("If-Modified-Since") == modified)):
            with LOCK:
                COUNTS["not_modified"] += 1
            self.reply(304, b"", {k: v for k, v in headers.items() if k in ("ETag", "Last-Modified", "Cache-Control")})
            return
        body = base64.b64decode(spec["body_base64"]) if "body_base64" in spec else spec.get("body", "").encode()
        filler = spec.get("filler_bytes", 0)
        if filler:
            self.stream(status, headers, body, filler)
            return
        if spec.get("gzip"):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self.reply(status, body, headers)

    def stream(self, status, headers, head, filler):
        """A body too large to build in memory: chunked, so the client must count as it reads."""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<!-- " + b"x" * 65526 + b" -->"
        sent = 0
        try:
            self.write_chunk(head)
            while sent < filler:
                self.write_chunk(chunk)
                sent += len(chunk)
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def write_chunk(self, data):
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))


class Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when hundreds of feeds connect at once.
    request_queue_size = 1024
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hangs up mid-answer (a capped body, a poller shutting down) is not news.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        with LOCK:
            if "script" in command:
                SCRIPTS[command["script"]] = list(command["responses"])
                answer = "ok"
            else:
                answer = json.dumps(LOG.get(command.get("log", ""), []))
        print(answer, flush=True)
    server.shutdown()


if __name__ == "__main__":
    main()

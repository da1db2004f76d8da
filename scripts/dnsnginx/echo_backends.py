#!/usr/bin/env python3
"""Stand-in pods for the nginx end-to-end test: one HTTP server per NAME=IP, all on PORT.

Each answers every GET with "NAME PATH" so the test can tell which backend served a request and what path
reached it (after rewrites). Usage: echo_backends.py PORT NAME=IP [NAME=IP ...]. Stops on SIGTERM.
"""
import http.server
import signal
import sys
import threading


def handler_for(name):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = f"{name} {self.path}\n".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


def main():
    port = int(sys.argv[1])
    servers = []
    for spec in sys.argv[2:]:
        name, ip = spec.split("=", 1)
        server = http.server.ThreadingHTTPServer((ip, port), handler_for(name))
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    for server in servers:
        server.shutdown()


if __name__ == "__main__":
    main()

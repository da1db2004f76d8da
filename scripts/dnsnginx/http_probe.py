#!/usr/bin/env python3
"""HTTP(S) probe for the nginx end-to-end test, so the test needs no curl.

Reads a JSON list of requests from the file named by the first argument (or stdin): {"address": "127.0.0.1", "port": 8080, "path": "/x", "host": "a.test",
"tls": false, "sni": null}. Prints a JSON list with one answer per request: the body (stripped) for 200,
"<status> <Location>" (stripped) otherwise, or "000 <error>" when no HTTP answer came. Every request has a
5 second timeout; certificates are not verified (the test's are throwaway).
"""
import http.client
import json
import socket
import ssl
import sys


def probe(request):
    try:
        sock = socket.create_connection((request["address"], request["port"]), timeout=5)
        if request.get("tls"):
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            sock = context.wrap_socket(sock, server_hostname=request.get("sni") or request["host"])
        connection = http.client.HTTPConnection(request["address"], request["port"], timeout=5)
        connection.sock = sock
        connection.request("GET", request["path"], headers={"Host": request["host"]})
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        connection.close()
        if response.status == 200:
            return body.strip()
        return f"{response.status} {response.getheader('Location') or ''}".strip()
    except Exception as error:  # any failure is an answer the test can assert on
        return f"000 {type(error).__name__}"


def main():
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as source:
            requests = json.load(source)
    else:
        requests = json.load(sys.stdin)
    json.dump([probe(request) for request in requests], sys.stdout)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Tiny TCP server for kubec's dataplane end-to-end test: run inside a pod's network namespace.

Usage: pod-server.py NAME READY_FILE PORT [PORT...]
Every connection on PORT gets one line "NAME:PORT" and is closed. READY_FILE is created once every port listens.
Listens on IPv6 and IPv4 at once (a dual-stack socket), falling back to IPv4 where IPv6 is off.
"""
import socket
import sys
import threading


def serve(listener, reply):
    while True:
        connection, _ = listener.accept()
        try:
            connection.sendall(reply)
        finally:
            connection.close()


def main():
    name, ready_file, ports = sys.argv[1], sys.argv[2], [int(p) for p in sys.argv[3:]]
    threads = []
    for port in ports:
        try:
            listener = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("::", port))
        except OSError:
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("0.0.0.0", port))
        listener.listen(64)
        thread = threading.Thread(target=serve, args=(listener, f"{name}:{port}\n".encode()), daemon=True)
        thread.start()
        threads.append(thread)
    with open(ready_file, "w") as handle:
        handle.write("ready\n")
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()

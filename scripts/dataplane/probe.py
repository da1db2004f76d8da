#!/usr/bin/env python3
"""Connects COUNT times to HOST:PORT (each with a TIMEOUT in seconds) and prints one line per attempt:
the server's reply, or ERR:<exception name> (ERR:ConnectionRefusedError when a REJECT answered).

Usage: probe.py HOST PORT COUNT TIMEOUT
"""
import socket
import sys


def main():
    host, port, count, timeout = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    for _ in range(count):
        try:
            with socket.create_connection((host, port), timeout=timeout) as connection:
                connection.settimeout(timeout)
                data = b""
                while not data.endswith(b"\n"):
                    chunk = connection.recv(256)
                    if not chunk:
                        break
                    data += chunk
                print(data.decode().strip() or "ERR:EmptyReply", flush=True)
        except Exception as error:  # noqa: BLE001 - every failure is a result here
            print(f"ERR:{type(error).__name__}", flush=True)


if __name__ == "__main__":
    main()

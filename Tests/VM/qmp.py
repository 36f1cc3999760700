#!/usr/bin/env python3
"""Talks to qemu's machine protocol (QMP) on a Unix socket.

    qmp.py SOCKET screendump FILE     FILE.ppm or FILE.png, of the primary console
    qmp.py SOCKET quit
"""
import json
import socket
import sys
import time


def connect(path, attempts=50):
    for _ in range(attempts):
        try:
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            conn.connect(path)
            return conn
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"qmp: cannot connect to {path}")


class Monitor:
    def __init__(self, path):
        self.stream = connect(path).makefile("rw")
        self.receive()  # the greeting
        self.execute("qmp_capabilities")

    def receive(self):
        line = self.stream.readline()
        if not line:
            raise SystemExit("qmp: qemu closed the connection")
        return json.loads(line)

    def execute(self, command, **arguments):
        self.stream.write(json.dumps({"execute": command, "arguments": arguments}) + "\n")
        self.stream.flush()
        while True:  # asynchronous events may come first
            reply = self.receive()
            if "error" in reply:
                raise SystemExit(f"qmp: {command}: {reply['error'].get('desc')}")
            if "return" in reply:
                return reply["return"]


def main(argv):
    monitor = Monitor(argv[1])
    if argv[2] == "screendump":
        target = argv[3]
        kind = "png" if target.endswith(".png") else "ppm"
        monitor.execute("screendump", filename=target, format=kind)
    else:
        monitor.execute(argv[2])


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/env python3
"""Talks to qemu's machine protocol (QMP) on a Unix socket.

    qmp.py SOCKET screendump FILE     FILE.ppm or FILE.png, of the primary console
    qmp.py SOCKET quit
    qmp.py SOCKET serve SHARE         screenshots on request, until qemu exits:
                                      SHARE/req/NAME -> SHARE/out/NAME.ppm, then the
                                      request is deleted (one connection, 10 ms polls,
                                      so a guest holding a finger down waits little)
"""
import os
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


def serve(monitor, share):
    requests, out = os.path.join(share, "req"), os.path.join(share, "out")
    started = time.monotonic()
    seen = set()
    while True:
        # A request is served on the poll after the one that found it: the
        # guest's create over 9p is several steps, and a file deleted in
        # between fails it. Hidden names are the temporary files of atomic
        # creates (Foundation's .dat.nosync*), renamed to the request after.
        names = {name for name in os.listdir(requests) if not name.startswith(".")}
        ready, seen = sorted(names & seen), names - seen
        for name in ready:
            if name.endswith(".burst"):
                burst(monitor, os.path.join(requests, name), os.path.join(out, name[:-6]))
                continue
            target = os.path.join(out, name + ".ppm")
            try:
                monitor.execute("screendump", filename=target, format="ppm")
                print(f"host: screenshot {name} at {time.monotonic() - started:.1f}s", flush=True)
            except SystemExit as error:
                if "closed" in str(error):
                    return
                print(f"host: screenshot {name} FAILED: {error}", flush=True)
                with open(os.path.join(out, "failed-screenshots"), "a") as failed:
                    failed.write(name + "\n")
            os.unlink(os.path.join(requests, name))
        time.sleep(0.01)


def burst(monitor, request, prefix):
    """Screenshots back to back (PREFIX.1.ppm, ...) until the guest deletes
    the request: for states that last less than one guest round trip."""
    count, started = 0, time.monotonic()
    while os.path.exists(request) and time.monotonic() - started < 10:
        count += 1
        monitor.execute("screendump", filename=f"{prefix}.{count}.ppm", format="ppm")
        time.sleep(0.03)
    print(f"host: burst {os.path.basename(prefix)}: {count} screenshots", flush=True)


def main(argv):
    monitor = Monitor(argv[1])
    if argv[2] == "serve":
        serve(monitor, argv[3])
    elif argv[2] == "screendump":
        target = argv[3]
        kind = "png" if target.endswith(".png") else "ppm"
        monitor.execute("screendump", filename=target, format=kind)
    else:
        monitor.execute(argv[2])


if __name__ == "__main__":
    main(sys.argv)

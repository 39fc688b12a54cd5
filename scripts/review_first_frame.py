#!/usr/bin/env python3
"""Time from exec to the first complete frame of `kompass review` on 30
interviews (issue 7: under 100 ms), in a real pseudo-terminal.

The 30 interviews are the 16 sample interviews of Eksempelvik plus 14 copies
under new ids (so the review reads, checks and merges 30 files). Each run
starts the binary with an empty environment but for TERM and LANG, waits for
the footer of the first frame (drawn last), records the time, and quits.

    cargo build --release
    python3 scripts/review_first_frame.py target/release/kompass [RUNS]
"""

import fcntl
import json
import os
import pty
import select
import shutil
import statistics
import struct
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_sessions(dst):
    src = os.path.join(ROOT, "sessions", "eksempelvik")
    names = sorted(n for n in os.listdir(src) if n.endswith(".json"))
    os.makedirs(dst)
    for n in names:
        shutil.copy(os.path.join(src, n), dst)
    for k, n in enumerate(names[:14]):
        with open(os.path.join(src, n), encoding="utf-8") as f:
            s = json.load(f)
        s["id"] = s["id"][:-3] + f"Y{k:02d}"
        for p in s["interviewees"]:
            p["name"] += " (kopi)"
        with open(os.path.join(dst, s["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(s, f, ensure_ascii=False, indent=2)
    return len(os.listdir(dst))


def first_frame(binary, data, sessions):
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": os.environ.get("PATH", "")}
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # A 120x40 terminal, set before the program asks for its size.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execve(binary, [binary, "--lang", "nb", "--dir", data, "review", sessions], env)
    out = b""
    elapsed = None
    while time.perf_counter() - start < 10:
        r, _, _ = select.select([fd], [], [], 1)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        out += chunk
        # The footer is the last thing a frame draws.
        if "Avslutt".encode() in out:
            elapsed = time.perf_counter() - start
            break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        raise SystemExit("no frame; output: " + out.decode(errors="replace"))
    return elapsed * 1000


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/kompass")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        sessions = os.path.join(data, "eksempelvik")
        n = make_sessions(sessions)
        times = []
        for _ in range(runs):
            # A fresh review each time: no assessment from the run before.
            path = os.path.join(sessions, "assessment.json")
            for p in (path, path + ".bak"):
                if os.path.exists(p):
                    os.remove(p)
            times.append(first_frame(binary, data, sessions))
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"{n} interviews, {runs} runs: median {statistics.median(times):.1f} ms, "
              f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""End-to-end terminal numbers of the interview screen (issue 7), measured on
the real binary in a pseudo-terminal of 120x40:

  startup  exec to the first complete frame of a resumed session with all 75
           questions answered and 200 KB of notes (the frame is complete when
           the footer's last label, drawn last, has arrived);
  echo     from each typed byte written to the terminal until that character
           appears in the output, for Kompass (typing into the 20 KB note)
           and for `vim -u NONE` appending to a 200 KB file of the same text,
           both running at once and typed into in turn;
  idle     CPU time the process uses in 5 s without input, after the autosave
           has settled (utime+stime from /proc/PID/stat, and the more precise
           sum of /proc/PID/task/*/schedstat);
  review   exec to the first complete frame of `kompass review` on the 30
           interviews of one municipality (and, with --review-sizes, on more).

Prerequisites: Linux, Python 3.8+, vim, and the release builds:
    cargo build --release --bin kompass --example gen_sessions
    python3 scripts/echo_latency.py [--runs 20] [--keys 400] [--interval 0.05]

Binaries are looked up in $CARGO_TARGET_DIR (else ./target)/release; a fresh
data directory is generated for every run, so nothing of yours is touched.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROWS, COLS = 40, 120
# Typed characters that no status line of either program contains, so the
# first one seen after a keystroke is its echo.
TYPED = b"qxzQXZ"
# The footers' last labels: drawn last, so their arrival completes a frame.
FRAME_DONE = "Gå til".encode()
REVIEW_DONE = "Avslutt".encode()
CTRL_Q = b"\x11"


def spawn(argv):
    """Starts argv on a new pseudo-terminal of ROWS x COLS; (pid, fd)."""
    env = dict(os.environ, TERM="xterm-256color", LANG="nb_NO.UTF-8")
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    return pid, fd


def read_some(fd, timeout):
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(fd, 1 << 16)
    except OSError:  # the child closed the terminal
        return None


def read_until(fd, needle, timeout=5.0):
    """Reads until `needle` is in the output; the time it arrived."""
    buf, end = b"", time.monotonic() + timeout
    while needle not in buf:
        left = end - time.monotonic()
        chunk = read_some(fd, max(left, 0))
        if chunk is None or left <= 0:
            raise TimeoutError(f"{needle!r} did not appear; last output {buf[-200:]!r}")
        buf += chunk
    return time.perf_counter_ns()


def drain(fd, quiet=0.0):
    """Reads what is pending, then until `quiet` seconds pass with no output."""
    while True:
        chunk = read_some(fd, quiet)
        if not chunk:
            return


def stop(pid, fd, keys=CTRL_Q):
    os.write(fd, keys)
    end = time.monotonic() + 5
    while time.monotonic() < end:
        drain(fd, 0.05)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    os.close(fd)


def cpu_ns(pid):
    """(utime+stime in ns from /proc/PID/stat, sum of the threads' schedstat)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    stat = ticks * 1_000_000_000 // os.sysconf("SC_CLK_TCK")
    sched = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat") as f:
            sched += int(f.read().split()[0])
    return stat, sched


def fresh_session(gen):
    """A data directory with the issue's interview; (dir, session id, notes)."""
    data = tempfile.mkdtemp(prefix="kompass-echo-")
    sid = subprocess.run([gen, data, "--interview"], check=True,
                         capture_output=True, text=True).stdout.strip()
    path = next(os.path.join(r, f) for r, _, fs in os.walk(data) for f in fs if f == sid + ".json")
    with open(path, encoding="utf-8") as f:
        session = json.load(f)
    notes = "\n\n".join(a["notes"] for a in session["answers"].values())
    return data, sid, notes


def echo_times(fds, keys, interval):
    """Latency in ms of each typed byte until its echo, per terminal. The
    terminals are typed into in turn, so a busy moment of the machine falls
    on all of them alike; each gets a key every `interval` seconds."""
    times = [[] for _ in fds]
    for i in range(keys):
        ch = TYPED[i % len(TYPED):][:1]
        for fd, out in zip(fds, times):
            drain(fd)
            t = time.perf_counter_ns()
            os.write(fd, ch)
            out.append((read_until(fd, ch) - t) / 1e6)
            time.sleep(interval / len(fds))
    return times


def summary(name, values, unit="ms"):
    values = sorted(values)
    p = lambda q: values[min(len(values) - 1, round((len(values) - 1) * q))]
    print(f"{name}: n={len(values)} median {p(0.5):.2f} {unit}, p90 {p(0.9):.2f} {unit}, "
          f"p99 {p(0.99):.2f} {unit}, max {values[-1]:.2f} {unit}")
    return p(0.5), p(0.99)


def main():
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kompass", default=os.path.join(target, "release", "kompass"))
    ap.add_argument("--gen", default=os.path.join(target, "release", "examples", "gen_sessions"))
    ap.add_argument("--vim", default=shutil.which("vim") or "vim")
    ap.add_argument("--runs", type=int, default=20, help="startups to time")
    ap.add_argument("--keys", type=int, default=400, help="keystrokes per program")
    ap.add_argument("--interval", type=float, default=0.05, help="seconds between keystrokes")
    ap.add_argument("--review-sizes", type=int, nargs="*", default=[],
                    help="also time review's first frame with these numbers of interviews "
                         "(3 runs each), e.g. 200 1000 2000")
    args = ap.parse_args()
    kompass = os.path.abspath(args.kompass)

    print(f"kompass {kompass}; {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
    # Startup: each run on a fresh copy, so no run resumes after another.
    startups = []
    for _ in range(args.runs):
        data, sid, _ = fresh_session(args.gen)
        t = time.perf_counter_ns()
        pid, fd = spawn([kompass, "--lang", "nb", "interview", "--dir", data, "--resume", sid])
        startups.append((read_until(fd, FRAME_DONE) - t) / 1e6)
        stop(pid, fd)
        shutil.rmtree(data)
    summary("startup to first complete frame", startups)

    for interviews in [30] + args.review_sizes:
        reviews = []
        data = tempfile.mkdtemp(prefix="kompass-review-")
        subprocess.run([args.gen, data, "--municipalities", "1", "--per", str(interviews)],
                       check=True, capture_output=True)
        for _ in range(args.runs if interviews == 30 else 3):
            t = time.perf_counter_ns()
            pid, fd = spawn([kompass, "--lang", "nb", "review", data])
            reviews.append((read_until(fd, REVIEW_DONE, timeout=60) - t) / 1e6)
            stop(pid, fd)
            # Each run builds the assessment afresh, as the first did.
            for root, _, files in os.walk(data):
                for name in files:
                    if name.startswith("assessment.json"):
                        os.remove(os.path.join(root, name))
        shutil.rmtree(data)
        summary(f"review of {interviews} interviews to first complete frame", reviews)

    # Echo: Kompass and vim side by side, typed into in turn.
    data, sid, notes = fresh_session(args.gen)
    pid, fd = spawn([kompass, "--lang", "nb", "interview", "--dir", data, "--resume", sid])
    read_until(fd, FRAME_DONE)
    drain(fd, 0.5)
    tmp = tempfile.mkdtemp(prefix="kompass-vim-")
    text = os.path.join(tmp, "notes.txt")
    with open(text, "w", encoding="utf-8") as f:
        f.write(notes)
    vim_pid, vim_fd = spawn([args.vim, "-u", "NONE", "-i", "NONE", "-n", text])
    drain(vim_fd, 1.0)
    os.write(vim_fd, b"GA")  # insert at the end of the last line
    drain(vim_fd, 0.5)
    k_times, v_times = echo_times([fd, vim_fd], args.keys, args.interval)
    k_med, k_p99 = summary("kompass echo", k_times)
    v_med, _ = summary(f"vim -u NONE echo ({os.path.getsize(text) // 1000} KB file)", v_times)
    stop(vim_pid, vim_fd, b"\x1b:q!\r")
    shutil.rmtree(tmp)
    # Idle: let the autosave after the typing finish, then watch 5 s.
    drain(fd, 2.0)
    before = cpu_ns(pid)
    end = time.monotonic() + 5
    while time.monotonic() < end:
        drain(fd, 0.5)
    after = cpu_ns(pid)
    print(f"kompass idle 5 s: {(after[0] - before[0]) / 1e6:.0f} ms CPU (stat, 10 ms ticks), "
          f"{(after[1] - before[1]) / 1e6:.2f} ms (schedstat)")
    stop(pid, fd)
    shutil.rmtree(data)
    print(f"kompass median / vim median = {k_med / v_med:.2f} (target <= 1.5); "
          f"kompass p99 {k_p99:.2f} ms (target < 5)")


if __name__ == "__main__":
    sys.exit(main())

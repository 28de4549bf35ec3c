#!/usr/bin/env python3
"""The preview's speed, for bench/compare.sh: vanban serve on a repository (a copy: one plan is edited).

Usage: serve_latency.py VANBAN ROOT RUNS
Prints one line "FIRST EDIT VERSION" in milliseconds: the first render (start until the home page is
served), then the medians over RUNS saved edits of one plan of the time until the page of that plan
serves the new text (EDIT) and until /__vanban/phien-ban moves (VERSION). Polls without pause, one
request at a time, as a browser waiting for the reload would. On stderr: the server's own times from
its log (the first build, and the median of its updates), which leave out the polling and the
waiting of a loaded machine's scheduler.
"""
import re
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

GIVE_UP_SECONDS = 30
FIRST_RENDER_GIVE_UP_SECONDS = 600  # today's preview renders 1,000 plans far slower than the target


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    """The body of url, or None while the server is not answering it yet."""
    try:
        with urllib.request.urlopen(url, timeout=GIVE_UP_SECONDS) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, socket.timeout):
        return None


def wait_for(condition, since, give_up=GIVE_UP_SECONDS):
    """Milliseconds from `since` until condition() holds (polled without pause)."""
    while not condition():
        if time.perf_counter() - since > give_up:
            raise SystemExit(f"serve_latency.py: nothing after {give_up} s")
    return (time.perf_counter() - since) * 1000


def main():
    vanban, root, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    plans = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, "plans")) for f in fs
                   if f.endswith(".md"))
    plan = plans[0]
    # plans/<school year>/<name>.md is served at ke-hoach/<school year>/<name>.html.
    year, name = os.path.relpath(plan, os.path.join(root, "plans")).split(os.sep)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = f"{base}ke-hoach/{year}/{name[:-3]}.html"
    log = open(os.path.join(os.path.dirname(root.rstrip("/")), "serve.log"), "w")
    start = time.perf_counter()
    server = subprocess.Popen([vanban, "serve", "--root", root, "--port", str(port)], stdout=log, stderr=log)
    try:
        first = wait_for(lambda: get(base) is not None, start, FIRST_RENDER_GIVE_UP_SECONDS)
        if get(page) is None:
            raise SystemExit(f"serve_latency.py: {page} is not served")
        edits, versions = [], []
        for run in range(runs):
            time.sleep(0.5)  # the previous edit settled
            marker = f"Dòng đo thời gian số {run} {time.time_ns()}."
            before = get(base + "__vanban/phien-ban")
            saved = time.perf_counter()
            with open(plan, "a", encoding="utf-8") as f:
                f.write(f"\n{marker}\n")
            versions.append(wait_for(lambda: get(base + "__vanban/phien-ban") != before, saved))
            edits.append(wait_for(lambda: marker in (get(page) or ""), saved))
        print(f"{first:.0f} {statistics.median(edits):.1f} {statistics.median(versions):.1f}")
    finally:
        server.terminate()
        server.wait()
        log.close()
    report_server_times(log.name, runs)


def report_server_times(path, runs):
    """The first build and the median update as the server logged them ("… (123 ms)")."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    built = re.findall(r"(?:đã tạo bản xem trước|preview built): .*\((\d+) ms\)", text)
    updates = [int(ms) for ms in re.findall(r"(?:đã cập nhật|updated): .*, (\d+) ms\)", text)]
    first = built[0] if built else "?"
    median = f"{statistics.median(updates):.0f}" if updates else "?"
    print(f"serve_latency.py: the server's own times: first build {first} ms, update median {median} ms "
          f"over {len(updates)} update(s) for {runs} edit(s)", file=sys.stderr)


if __name__ == "__main__":
    main()

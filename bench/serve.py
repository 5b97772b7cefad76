#!/usr/bin/env python3
"""Serve benchmark (issue 7): time from saving a one-word edit of one page to the reload
event, on a synthetic handbook. Usage: bench/serve.py [PAGES] (default 10000)."""
import os, re, socket, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
pages = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
site = f"/tmp/handbok-bench-serve-{pages}"
subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "gen_corpus"], cwd=root, check=True)
subprocess.run([f"{root}/target/release/examples/gen_corpus", "--pages", str(pages), "--seed", "1", site], check=True)
server = subprocess.Popen([f"{root}/target/release/handbok", "serve", "--root", site, "--port", "0"],
                          stderr=subprocess.PIPE, text=True)
try:
    port = None
    for line in server.stderr:
        m = re.match(r"serving http://127.0.0.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    events = socket.create_connection(("127.0.0.1", port))
    events.sendall(b"GET /__handbok/events HTTP/1.1\r\nHost: x\r\n\r\n")
    stream = events.makefile("rb")

    def next_event():
        name = None
        for raw in stream:
            line = raw.decode().strip()
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: ") and name:
                return name

    assert next_event() == "ready"
    page = os.path.join(site, "content", "klimat", "planer", "sida-1010.md")
    original = open(page, encoding="utf-8").read()
    times = []
    for i in range(12):
        with open(page, "w", encoding="utf-8") as f:
            f.write(original.replace("## Bakgrund", f"## Bakgrund\n\nOrd{i}", 1))
        start = time.perf_counter()
        name = next_event()
        times.append((time.perf_counter() - start) * 1000)
        assert name == "reload", name
        time.sleep(3.5)  # an editor saves every few seconds; the search index catches up meanwhile
    with open(page, "w", encoding="utf-8") as f:
        f.write(original)
    times = times[2:]
    print(f"serve, {pages} pages: save to reload event, median {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}; {len(times)} edits; includes the 30 ms quiet period)")
finally:
    server.kill()

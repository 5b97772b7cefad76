#!/usr/bin/env python3
"""Serve benchmark (issues 7 and 23): time from saving a one-word edit of one page to the
reload event, on a synthetic handbook; with --template, from saving an edit of the page
template (`templates/page.html`, every page rendered again) to the reload event, beside
the time of a fresh `handbok build` of the same site (median of three), measured in the
same run. Usage: bench/serve.py [PAGES] [--template] (default 10000). HANDBOK=path measures
another binary (an earlier commit's, for a comparison in the same session)."""
import base64, json, os, queue, re, socket, statistics, subprocess, sys, threading, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
numbers = [a for a in sys.argv[1:] if a.isdigit()]
pages = int(numbers[0]) if numbers else 10000
template_edits = "--template" in sys.argv[1:]
handbok = os.environ.get("HANDBOK", f"{root}/target/release/handbok")
site = f"/tmp/handbok-bench-serve-{pages}"
subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "gen_corpus"], cwd=root, check=True)
subprocess.run([f"{root}/target/release/examples/gen_corpus", "--pages", str(pages), "--seed", "1", site], check=True)
theme_page = open(os.path.join(root, "themes", "default", "templates", "page.html"), encoding="utf-8").read()
site_template = os.path.join(site, "templates", "page.html")
fresh_ms = None
if os.path.exists(site_template):
    os.remove(site_template)
if template_edits:
    # The site's own copy of the theme's page template, edited below; and the time of a
    # fresh build (into a new folder each time) to compare the template reload with.
    os.makedirs(os.path.dirname(site_template), exist_ok=True)
    with open(site_template, "w", encoding="utf-8") as f:
        f.write(theme_page)
    fresh = []
    for n in range(3):
        out = f"/dev/shm/handbok-bench-serve-fresh-{n}"
        subprocess.run(["rm", "-rf", out], check=True)
        start = time.perf_counter()
        subprocess.run([handbok, "build", "-q", "--root", site, "--output", out],
                       check=True, stderr=subprocess.DEVNULL)
        fresh.append((time.perf_counter() - start) * 1000)
        subprocess.run(["rm", "-rf", out], check=True)
    fresh_ms = statistics.median(fresh)
# The served folder (in the system's temporary folder) is put in memory, as the build
# benchmarks write to /dev/shm: on this machine's disk the write-back of the first build's
# files stalls the small writes of an update by tens of milliseconds. SERVE_TMPDIR=/tmp
# measures on the disk.
server = subprocess.Popen([handbok, "serve", "--root", site, "--port", "0"],
                          stderr=subprocess.PIPE, text=True,
                          env=dict(os.environ, TMPDIR=os.environ.get("SERVE_TMPDIR", "/dev/shm")))
try:
    port = None
    for line in server.stderr:
        m = re.search(r"http://127.0.0.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    # The server's log is read on (a full rebuild logs every warning of the site again):
    # a pipe nobody reads would stop the server once full. Its own time for each
    # incremental update ("updated N pages in M ms") is kept.
    server_took, index_took = [], []

    def read_log():
        for line in server.stderr:
            m = re.search(r"(?:updated|uppdaterade) \d+ \w+ (?:in|på) (\d+) ms", line)
            if m:
                server_took.append(int(m.group(1)))
            m = re.search(r"(?:search index updated in|sökindexet uppdaterades på) (\d+) ms", line)
            if m:
                index_took.append(int(m.group(1)))

    threading.Thread(target=read_log, daemon=True).start()
    # The live-reload WebSocket, spoken by hand (the standard library has no client): the
    # handshake, then unmasked text frames from the server; pings are answered.
    events = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    events.sendall((f"GET /__handbok/ws HTTP/1.1\r\nHost: localhost:{port}\r\nUpgrade: websocket\r\n"
                    f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    stream = events.makefile("rb")
    while stream.readline() not in (b"\r\n", b""):
        pass

    def frame():
        b0, b1 = stream.read(2)
        n = b1 & 0x7F
        if n == 126:
            n = int.from_bytes(stream.read(2), "big")
        elif n == 127:
            n = int.from_bytes(stream.read(8), "big")
        return b0 & 0x0F, stream.read(n)

    # Frames are read on a thread of their own, which answers every ping at once: the server
    # closes a socket that stays silent for 30 s, and the pauses between template edits at
    # 50,000 pages are longer than that.
    arrived = queue.Queue()

    def read_frames():
        try:
            while True:
                opcode, payload = frame()
                if opcode == 0x9:  # ping: a masked pong with the same data
                    mask = os.urandom(4)
                    events.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask +
                                   bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
                elif opcode == 0x1:
                    arrived.put(json.loads(payload)["event"])
                elif opcode == 0x8:
                    arrived.put("closed by the server")
                    return
        except (OSError, ValueError) as e:
            arrived.put(f"socket failed: {e}")

    threading.Thread(target=read_frames, daemon=True).start()

    def next_event():
        return arrived.get(timeout=600)

    assert next_event() == "ready"
    if template_edits:
        page, original = site_template, theme_page
        edited = lambda i: original.replace('<div class="content">', f'<div class="content" data-edit="{i}">', 1)
        edits, pause = 6, 1.0 + 3 * fresh_ms / 1000
    else:
        page = os.path.join(site, "content", "klimat", "planer", "sida-1010.md")
        original = open(page, encoding="utf-8").read()
        edited = lambda i: original.replace("## Bakgrund", f"## Bakgrund\n\nOrd{i}", 1)
        # An editor saves every few seconds; the search index catches up meanwhile.
        edits, pause = 12, 3.5
    assert edited(0) != original
    times = []
    for i in range(edits):
        with open(page, "w", encoding="utf-8") as f:
            f.write(edited(i))
        start = time.perf_counter()
        name = next_event()
        times.append((time.perf_counter() - start) * 1000)
        assert name == "reload", name
        time.sleep(pause)
    with open(page, "w", encoding="utf-8") as f:
        f.write(original)
    times = times[2:]
    what = "a template edit" if template_edits else "a one-word page edit"
    print(f"serve, {pages} pages: save of {what} to reload event, median {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}; {len(times)} edits; includes the quiet period after the file is closed)")
    if not template_edits and server_took:
        took = server_took[2:] or server_took
        print(f"  of which the server's own update (its log): median {statistics.median(took):.0f} ms")
    if not template_edits:
        print(f"search index rewrites finished between edits: {len(index_took)}"
              + (f", median {statistics.median(index_took):.0f} ms" if index_took else ""))
    if fresh_ms is not None:
        print(f"fresh build of the same site: {fresh_ms:.0f} ms (median of 3); template reload / fresh build = "
              f"{statistics.median(times) / fresh_ms:.2f}")
finally:
    server.kill()
    if os.path.exists(site_template):
        os.remove(site_template)

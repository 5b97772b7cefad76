#!/usr/bin/env python3
"""Serve benchmark (issue 7): time from saving a one-word edit of one page to the reload
event, on a synthetic handbook. Usage: bench/serve.py [PAGES] (default 10000)."""
import base64, json, os, re, socket, statistics, subprocess, sys, time

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
        m = re.search(r"http://127.0.0.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
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

    def next_event():
        while True:
            opcode, payload = frame()
            if opcode == 0x9:  # ping: a masked pong with the same data
                mask = os.urandom(4)
                events.sendall(bytes([0x8A, 0x80 | len(payload)]) + mask +
                               bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
            elif opcode == 0x1:
                return json.loads(payload)["event"]

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

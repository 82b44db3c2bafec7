"""The client of bench/load: a bounded number of workers (processes × threads, one keep-alive connection
each) sending a mix of requests for a fixed time, with latency per kind and the server's memory over time.

  load_client.py capture DIR --url URL      saves the bytes of the public GET requests for the static peer
  load_client.py run --url URL --pid PID [--peer URL] [--duration S] [--peer-duration S] [--workers N]
"""
import argparse
import http.client
import multiprocessing
import os
import random
import re
import sys
import threading
import time
import urllib.parse

# Kind → weight in the mix. "page", "csv", "geojson" and "pdf" are public GETs a static server can serve too.
MIX = {"page": 40, "csv": 12, "geojson": 12, "pdf": 4, "login": 6, "planner": 26}
STATIC = ("page", "csv", "geojson", "pdf")
PATHS = {
    "page": ["/", "/gebiete", "/gebiete/06532023", "/gebiete/06532011", "/indikatoren", "/indikatoren/sgb2_quote_u18",
             "/indikatoren/alo_quote", "/wegweiser", "/gremien", "/merkmale", "/vorlagen", "/berichte", "/daten"],
    "csv": ["/indikatoren/sgb2_quote_u18/werte.csv", "/indikatoren/alo_quote/werte.csv", "/indikatoren/kita_u3_quote/werte.csv"],
    "geojson": ["/api/v1/spatial-units.geojson"],
    "pdf": ["/gebiete/06532023/steckbrief.pdf", "/gebiete/06532011/steckbrief.pdf"],
    "planner": ["/angebote", "/foerderung/antraege", "/angebotsplanung/versorgung", "/konto", "/berichte/verwaltung",
                "/indikatoren/sgb2_quote_u18", "/gremien", "/angebotsplanung/doppelstrukturen"],
}
PLANNER = ("planung@demo.sopla.example", "Bedarfe-Kennen-2026")
HEADERS = {"Accept-Encoding": "gzip", "Accept-Language": "de-DE", "User-Agent": "sopla-bench-load"}


def fetch(url, method="GET", path="/", body=None, headers=None):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    conn.request(method, path, body, {**HEADERS, **(headers or {})})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def cookies_of(response):
    return {c.split("=", 1)[0]: c.split("=", 1)[1].split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []}


def cookie_header(cookies):
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def login_form(url):
    """The anonymous form cookie and token a login needs (double submit)."""
    response, data = fetch(url, path="/anmelden")
    token = re.search(rb'name="_csrf" value="([^"]+)"', data).group(1).decode()
    return cookies_of(response), token


def planner_session(url):
    cookies, token = login_form(url)
    body = urllib.parse.urlencode({"_csrf": token, "email": PLANNER[0], "password": PLANNER[1]})
    response, _ = fetch(url, "POST", "/anmelden", body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(cookies)})
    if response.status != 303:
        sys.exit(f"the planner could not log in: {response.status}")
    cookies.update(cookies_of(response))
    return cookie_header(cookies)


def capture(directory, url):
    """Writes each public GET's bytes (plain and gzip) where nginx's try_files finds them."""
    for kind in STATIC:
        for path in PATHS[kind]:
            name = "/index" if path == "/" else path
            if not re.search(r"\.\w+$", name):
                name += ".html"
            target = os.path.join(directory, name.lstrip("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            plain, data = fetch(url, path=path, headers={"Accept-Encoding": "identity"})
            if plain.status != 200 or plain.getheader("Content-Encoding"):
                sys.exit(f"{path}: {plain.status} {plain.getheader('Content-Encoding')}")
            with open(target, "wb") as f:
                f.write(data)
            zipped, zdata = fetch(url, path=path)
            if zipped.getheader("Content-Encoding") == "gzip":
                with open(target + ".gz", "wb") as f:
                    f.write(zdata)


def plan(mix, url, session_cookie, seed):
    """The requests one worker sends: (kind, method, path, body, headers), drawn from the mix."""
    rnd = random.Random(seed)
    kinds, weights = zip(*mix.items())
    form = login_form(url) if "login" in mix else None
    while True:
        kind = rnd.choices(kinds, weights)[0]
        if kind == "login":
            cookies, token = form
            body = urllib.parse.urlencode({"_csrf": token, "email": f"niemand-{rnd.randrange(10**9)}@kreis.example", "password": "falsches-Passwort-1"})
            yield kind, "POST", "/anmelden", body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie_header(cookies)}
        elif kind == "planner":
            yield kind, "GET", rnd.choice(PATHS["planner"]), None, {"Cookie": session_cookie}
        else:
            yield kind, "GET", rnd.choice(PATHS[kind]), None, {}


def worker_process(url, mix, threads, duration, session_cookies, seed, queue):
    parts = urllib.parse.urlsplit(url)
    results = {kind: [] for kind in mix}
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + duration

    def thread(index):
        own = {kind: [] for kind in mix}
        requests = plan(mix, url, session_cookies[index % len(session_cookies)], seed * 1000 + index)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        while time.perf_counter() < deadline:
            kind, method, path, body, headers = next(requests)
            began = time.perf_counter()
            try:
                conn.request(method, path, body, {**HEADERS, **headers})
                response = conn.getresponse()
                response.read()
                status = response.status
                if (response.getheader("Connection") or "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException):
                status = 0  # no answer
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            own[kind].append((time.perf_counter() - began, status))
        conn.close()
        with lock:
            for kind, items in own.items():
                results[kind] += items

    pool = [threading.Thread(target=thread, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    queue.put((results, time.perf_counter() - start))


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def load(url, mix, duration, workers, processes, pid=None):
    """Runs the mix for `duration` seconds; returns (results by kind, seconds, RSS samples)."""
    session_cookies = [planner_session(url) for _ in range(min(workers, 4))] if "planner" in mix else [""]
    queue = multiprocessing.Queue()
    per_process = [workers // processes + (1 if i < workers % processes else 0) for i in range(processes)]
    children = [multiprocessing.Process(target=worker_process, args=(url, mix, n, duration, session_cookies, i + 1, queue))
                for i, n in enumerate(per_process) if n]
    samples = []
    stop = threading.Event()

    def sample():
        begun = time.perf_counter()
        while not stop.is_set():
            samples.append((time.perf_counter() - begun, rss_kib(pid)))
            stop.wait(1.0)

    sampler = threading.Thread(target=sample) if pid else None
    for child in children:
        child.start()
    if sampler:
        sampler.start()
    merged, seconds = {kind: [] for kind in mix}, 0.0
    for _ in children:
        results, elapsed = queue.get()
        seconds = max(seconds, elapsed)
        for kind, items in results.items():
            merged[kind] += items
    for child in children:
        child.join()
    stop.set()
    if sampler:
        sampler.join()
        samples.append((seconds, rss_kib(pid)))
    return merged, seconds, samples


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(round(p / 100 * (len(sorted_values) - 1))))]


def report(title, merged, seconds):
    print(f"\n{title}")
    print(f"{'kind':<9} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}  answers")
    total, errors = 0, 0
    for kind, items in merged.items():
        latencies = sorted(x[0] * 1000 for x in items)
        statuses = {}
        for _, status in items:
            statuses[status] = statuses.get(status, 0) + 1
        errors += sum(n for s, n in statuses.items() if s >= 500 or s == 0)
        total += len(items)
        answers = ", ".join(f"{'no answer' if s == 0 else s}: {n}" for s, n in sorted(statuses.items()))
        print(f"{kind:<9} {len(items):>9} {len(items) / seconds:>8.1f} {percentile(latencies, 50):>8.1f} {percentile(latencies, 99):>8.1f}  {answers}")
    print(f"{'all':<9} {total:>9} {total / seconds:>8.1f}  5xx or no answer: {errors}")
    return total / seconds, errors


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("capture")
    c.add_argument("directory")
    c.add_argument("--url", required=True)
    r = sub.add_parser("run")
    r.add_argument("--url", required=True)
    r.add_argument("--pid", type=int, required=True)
    r.add_argument("--peer")
    r.add_argument("--duration", type=float, default=60)
    r.add_argument("--peer-duration", type=float, default=15)
    r.add_argument("--workers", type=int, default=16)
    r.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if args.command == "capture":
        capture(args.directory, args.url)
        return

    # Warm-up: every address once (the profile PDFs are made here and then kept), then memory at the start.
    for kind in STATIC:
        for path in PATHS[kind]:
            fetch(args.url, path=path)
    rss_start = rss_kib(args.pid)
    merged, seconds, samples = load(args.url, MIX, args.duration, args.workers, args.processes, args.pid)
    mix_text = ", ".join(f"{k} {v}%" for k, v in MIX.items())
    rate, errors = report(f"sopla, mixed traffic for {seconds:.0f} s, {args.workers} workers on loopback ({mix_text})", merged, seconds)
    half = [kib for t, kib in samples if t >= seconds / 2]
    rss_half, rss_end, rss_peak = (half[0] if half else rss_start), rss_kib(args.pid), max(kib for _, kib in samples)
    print(f"sopla RSS: start {rss_start / 1024:.1f} MiB (after warm-up), half-time {rss_half / 1024:.1f} MiB, "
          f"end {rss_end / 1024:.1f} MiB, peak {rss_peak / 1024:.1f} MiB")
    growing = rss_end - rss_half > max(50 * 1024, 0.2 * rss_half)
    print("RSS over the second half: " + ("GROWING" if growing else "steady"))

    ratio_line = ""
    if args.peer:
        static = {k: MIX[k] for k in STATIC}
        s_merged, s_seconds, _ = load(args.url, static, args.peer_duration, args.workers, args.processes, args.pid)
        s_rate, s_errors = report(f"sopla, the public GETs only ({args.peer_duration:.0f} s, same client)", s_merged, s_seconds)
        n_merged, n_seconds, _ = load(args.peer, static, args.peer_duration, args.workers, args.processes)
        n_rate, _ = report(f"peer: nginx serving the same bytes ({args.peer_duration:.0f} s, same client)", n_merged, n_seconds)
        errors += s_errors
        ratio_line = f"ratio sopla / nginx on the public GETs: {s_rate / n_rate:.3f} (the Python client bounds both; nginx's figure is a floor)"
        print("\n" + ratio_line)
    print(f"\nsopla: {rate:.1f} req/s mixed, 5xx or no answer: {errors}")
    sys.exit(1 if errors or growing else 0)


if __name__ == "__main__":
    main()
